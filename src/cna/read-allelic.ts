/**
 * An allele-specific long table (./allelic.ts) → one copy-number state per (sample, gene) locus.
 *
 * Accounting stays per row (read = kept + dropped): both allele rows of a counted locus are kept;
 * the rows of a locus that is not counted are dropped under the locus' reason ('neutral',
 * 'low-level (gain / shallow deletion)', …). Refused (located error; with `lenient`, the locus'
 * rows are dropped as 'allele-specific: malformed locus' and a warning says why): a locus with
 * other than two allele rows, an allele row beside a locus-level row, a word that is neither.
 * The alteration's source line is the locus' first row.
 */
import { InputError, quote } from '../errors.js'
import { isMissing } from '../io/fields.js'
import type { ReadTableResult } from '../io/table.js'
import type { Alteration } from '../model/alteration.js'
import { drop, dropSkipped, newReport, warn, warnError, type DropCode } from '../model/report.js'
import { ALLELE_CALLS, alleleLevel, combineAlleles, LOCUS_CALLS, locusWord, mixedAmplification, type AlleleLevel } from './allelic.js'
import type { Layout } from './layout.js'
import type { CnNotAssayed, CopyNumberResult } from './read.js'

const NOT_COUNTED: Readonly<Record<'neutral' | 'gain' | 'shallow_del' | 'other', DropCode>> = {
  neutral: 'cn-neutral',
  gain: 'cn-low-level',
  shallow_del: 'cn-low-level',
  other: 'cn-not-dosage',
}

interface Row {
  readonly raw: string
  readonly line: number
}

interface Locus {
  readonly sample: string
  readonly gene: string
  readonly rows: Row[]
}

export function buildAllelic(t: ReadTableResult, layout: Extract<Layout, { form: 'long' }>, o: { lenient?: boolean | undefined }): CopyNumberResult {
  const { header } = t
  const report = newReport(header.file, 'copy-number long table, allele-specific (one row per allele)')
  dropSkipped(report, t.skipped, { withBlank: true, countRead: true })
  const column = layout.value + 1
  const columnName = header.columns[layout.value] as string
  const value = (s: string | undefined): string | undefined => (isMissing(s) ? undefined : (s as string).trim())
  const samples = new Set<string>()
  // Loci in first-row order (Map keeps insertion order), so the output follows the file.
  const loci = new Map<string, Locus>()
  for (const row of t.rows) {
    report.rowsRead++
    if ((row.fields[0] ?? '').startsWith('#')) {
      drop(report, 'comment-line')
      continue
    }
    const sample = value(row.fields[layout.sample])
    if (sample === undefined) {
      drop(report, 'missing-sample')
      continue
    }
    samples.add(sample)
    const gene = value(row.fields[layout.gene]?.split('|')[0])
    if (gene === undefined) {
      drop(report, 'missing-gene')
      continue
    }
    const raw = row.fields[layout.value] ?? ''
    if (isMissing(raw)) {
      drop(report, 'missing-value')
      continue
    }
    const key = `${sample}\t${gene}`
    const locus = loci.get(key) ?? { sample, gene, rows: [] }
    locus.rows.push({ raw, line: row.line })
    loci.set(key, locus)
  }

  const alterations: Alteration[] = []
  const lowLevel: Alteration[] = []
  const notAssayed: CnNotAssayed[] = []
  let mixed = 0
  const refuse = (l: Locus, at: Row, message: string): void => {
    const e = new InputError('BAD_VALUE', `${columnName}: ${l.gene} in ${l.sample}: ${message}`, {
      file: header.file,
      line: at.line,
      column,
      suggestion: `an allele-specific table has two rows per locus, each one of ${ALLELE_CALLS.join(', ')}, or one row of ${LOCUS_CALLS.join(', ')}`,
    })
    if (!o.lenient) throw e
    warnError(report, e)
    drop(report, 'cn-allele-malformed', l.rows.length)
  }
  for (const l of loci.values()) {
    const first = l.rows[0] as Row
    const source = { file: header.file, line: first.line }
    const locusWords = l.rows.map((r) => locusWord(r.raw))
    const lw = locusWords[0]
    if (locusWords.some((w) => w !== undefined)) {
      if (l.rows.length !== 1) {
        // The second row is where the locus stops making sense.
        refuse(l, l.rows[1] as Row, `${quote(l.rows.map((r) => r.raw.trim()).join(' + '))}: a locus-level state cannot sit beside allele rows`)
        continue
      }
      if (lw === 'not assayed') {
        notAssayed.push({ sample: l.sample, gene: l.gene, source })
        drop(report, 'cn-not-assayed')
      } else drop(report, NOT_COUNTED.other)
      continue
    }
    const levels: AlleleLevel[] = []
    const bad = l.rows.find((r) => {
      const lv = alleleLevel(r.raw)
      if (lv !== undefined) levels.push(lv)
      return lv === undefined
    })
    if (bad !== undefined) {
      refuse(l, bad, `unknown allele-specific copy-number state ${quote(bad.raw)}`)
      continue
    }
    if (l.rows.length !== 2) {
      refuse(l, l.rows[2] ?? first, `${l.rows.length} allele row(s); expected 2 (lines ${l.rows.map((r) => r.line).join(', ')})`)
      continue
    }
    const state = combineAlleles(levels)
    if (state === 'neutral' || state === 'gain' || state === 'other' || state === 'shallow_del') {
      if (state === 'shallow_del') lowLevel.push(record(l, state, source))
      drop(report, NOT_COUNTED[state], l.rows.length)
      continue
    }
    if (mixedAmplification(levels)) mixed++
    alterations.push(record(l, state, source))
    report.kept += l.rows.length
  }
  if (mixed > 0) {
    warn(report, { code: 'cn-mixed-amplification', location: { file: header.file }, detail: String(mixed) })
  }
  return { alterations, lowLevel, report, samples: [...samples], notAssayed }
}

function record(l: Locus, state: 'amp' | 'deep_del' | 'shallow_del', source: { file: string; line: number }): Alteration {
  return {
    sample: l.sample,
    gene: l.gene,
    kind: 'cna',
    variantClass: state === 'amp' ? 'Amp' : 'Del',
    variantType: 'CNV',
    origin: 'somatic',
    cnState: state,
    source,
  }
}
