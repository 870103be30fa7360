/**
 * `summary --json` as text pieces: exactly `JSON.stringify(summaryJson(input), null, 1) + '\n'`,
 * with the per-sample section written straight from the matrix's columns instead of one record
 * per sample. At 200,000 samples the records and the serializer's walk over them (~45 MB of
 * JSON) were ~1.3 s of CPU, most of it garbage collection (node --cpu-prof on the GENIE-sized
 * study). The section is assembled as bytes (../io/byte-text.ts: a string built field by field
 * with `+=` cost ~0.3 s more to flatten) and yielded lazily, about 64 KB a piece, so the whole
 * document is never one string.
 *
 * The rest of the document is JSON.stringify's own text: it is serialized with an empty
 * perSample array, and that array's one occurrence (a top-level key: the only text with a
 * newline and one space before `"perSample"`, as strings hold no raw newline) is replaced.
 * Numbers follow JSON.stringify: finite ones as Number#toString, NaN and ±Infinity as null.
 */
import { ByteText } from '../io/byte-text.js'
import { MAF_CLASSES } from '../model/alteration.js'
import { SampleTally, sampleClasses } from '../matrix/sample-classes.js'
import { stateTotals, type StateTotals } from '../matrix/summary.js'
import { summaryDocument, type SummaryInput } from './summary-report.js'

const PER_SAMPLE = '\n "perSample": []'
/** Bytes per yielded piece: a 64 KB string is made ~20 times faster a byte than a 1 MB one (node 20; large-object allocations). */
const PIECE = 1 << 16
// The fixed text of a record, encoded once (a byte copy each instead of a string walk).
const CLASS_KEYS = MAF_CLASSES.map((c) => ByteText.encode(`\n    ${JSON.stringify(c)}: `))
const CLASS_KEYS_AFTER = MAF_CLASSES.map((c) => ByteText.encode(`,\n    ${JSON.stringify(c)}: `))
const FIRST = ByteText.encode('\n  {\n   "sample": ')
const NEXT = ByteText.encode(',\n  {\n   "sample": ')
const PANEL = ByteText.encode(',\n   "panel": ')
const BURDEN = ByteText.encode(',\n   "burden": ')
const TMB = ByteText.encode(',\n   "tmb": ')
const ALTERED_GENES = ByteText.encode(',\n   "alteredGenes": ')
const NOT_ASSAYED_GENES = ByteText.encode(',\n   "notAssayedGenes": ')
const NO_CLASSES = ByteText.encode(',\n   "classCounts": {}\n  }')
const CLASSES = ByteText.encode(',\n   "classCounts": {')
const END_CLASSES = ByteText.encode('\n   }\n  }')

export function* summaryJsonText(input: SummaryInput): Generator<string> {
  const m = input.matrix
  const totals = stateTotals(m)
  const rest = JSON.stringify(summaryDocument(input, totals, []), null, 1)
  const at = rest.indexOf(PER_SAMPLE)
  if (m.samples.length === 0 || at < 0) {
    yield rest + '\n'
    return
  }
  yield rest.slice(0, at + PER_SAMPLE.length - 1)
  yield* perSampleText(input, totals)
  yield '\n ]' + rest.slice(at + PER_SAMPLE.length) + '\n'
}

/** The perSample array's elements at its depth (2), each opened by a newline, separated by commas. */
function* perSampleText(input: SummaryInput, totals: StateTotals): Generator<string> {
  const m = input.matrix
  const sc = sampleClasses(m)
  const tally = new SampleTally()
  const out = new ByteText()
  for (let s = 0; s < m.samples.length; s++) {
    const burden = m.burden[s] ?? 0
    const mb = m.panelMb[s]
    const panel = m.samplePanel[s]
    out.bytes(s === 0 ? FIRST : NEXT)
    out.jsonString(m.samples[s] as string)
    if (panel !== undefined) {
      out.bytes(PANEL)
      out.jsonString(panel)
    }
    out.bytes(BURDEN)
    num(out, burden)
    if (mb !== undefined) {
      out.bytes(TMB)
      num(out, burden / mb)
    }
    out.bytes(ALTERED_GENES)
    num(out, totals.geneAltered[s] ?? 0)
    out.bytes(NOT_ASSAYED_GENES)
    num(out, totals.geneNotAssayed[s] ?? 0)
    const { counts, order, size } = tally.load(sc, s)
    if (size === 0) out.bytes(NO_CLASSES)
    else {
      out.bytes(CLASSES)
      for (let j = 0; j < size; j++) {
        const cls = order[j] as number
        out.bytes((j === 0 ? CLASS_KEYS[cls] : CLASS_KEYS_AFTER[cls]) as Uint8Array)
        out.uint(counts[cls] as number)
      }
      out.bytes(END_CLASSES)
    }
    if (out.length >= PIECE) yield out.take()
  }
  if (out.length > 0) yield out.take()
}

/** A number as JSON.stringify writes it: integers' digits directly, other finite numbers by Number#toString, NaN and ±Infinity as null. */
function num(out: ByteText, x: number): void {
  if (Number.isInteger(x) && x >= 0 && x < 2 ** 32) out.uint(x)
  else out.text(Number.isFinite(x) ? String(x) : 'null')
}
