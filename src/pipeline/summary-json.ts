/**
 * `summary --json` as text pieces: exactly `JSON.stringify(summaryJson(input), null, 1) + '\n'`,
 * with the per-sample section written straight from the matrix's columns instead of one record
 * per sample. At 200,000 samples the records and the serializer's walk over them (~45 MB of
 * JSON) were ~1.3 s of CPU, most of it garbage collection (node --cpu-prof on the GENIE-sized
 * study). The pieces are yielded lazily, a few thousand samples each, so the whole document is
 * never one string.
 *
 * The rest of the document is JSON.stringify's own text: it is serialized with an empty
 * perSample array, and that array's one occurrence (a top-level key: the only text with a
 * newline and one space before `"perSample"`, as strings hold no raw newline) is replaced.
 * Numbers follow JSON.stringify: finite ones as Number#toString, NaN and ±Infinity as null.
 */
import { MAF_CLASSES } from '../model/alteration.js'
import { CLASS_SLOTS, sampleClasses } from '../matrix/sample-classes.js'
import { stateTotals, type StateTotals } from '../matrix/summary.js'
import { summaryDocument, type SummaryInput } from './summary-report.js'

const PER_SAMPLE = '\n "perSample": []'
/** Samples per yielded piece (~250 bytes each). */
const PIECE = 4096
const CLASS_KEYS = MAF_CLASSES.map((c) => `\n    ${JSON.stringify(c)}: `)

const num = (x: number): string => (Number.isFinite(x) ? String(x) : 'null')

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
  const { counts, order, seen } = sc
  let lastPanel: string | undefined
  let panelJson = ''
  const parts: string[] = []
  for (let s = 0; s < m.samples.length; s++) {
    const burden = m.burden[s] ?? 0
    const mb = m.panelMb[s]
    const panel = m.samplePanel[s]
    let t = (s === 0 ? '\n  {\n   "sample": ' : ',\n  {\n   "sample": ') + JSON.stringify(m.samples[s])
    if (panel !== undefined) {
      if (panel !== lastPanel) {
        lastPanel = panel
        panelJson = JSON.stringify(panel)
      }
      t += ',\n   "panel": ' + panelJson
    }
    t += ',\n   "burden": ' + num(burden)
    if (mb !== undefined) t += ',\n   "tmb": ' + num(burden / mb)
    t += ',\n   "alteredGenes": ' + num(totals.geneAltered[s] ?? 0) + ',\n   "notAssayedGenes": ' + num(totals.geneNotAssayed[s] ?? 0)
    const k = seen[s] as number
    if (k === 0) t += ',\n   "classCounts": {}\n  }'
    else {
      t += ',\n   "classCounts": {'
      const base = s * CLASS_SLOTS
      for (let j = 0; j < k; j++) {
        const cls = order[base + j] as number
        t += (j === 0 ? '' : ',') + (CLASS_KEYS[cls] as string) + String(counts[base + cls])
      }
      t += '\n   }\n  }'
    }
    parts.push(t)
    if (parts.length === PIECE) {
      yield parts.join('')
      parts.length = 0
    }
  }
  if (parts.length > 0) yield parts.join('')
}
