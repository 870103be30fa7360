/**
 * The clinical reader's two paths (src/clinical/read.ts) held equal: readClinical of a file with no
 * calls to meet (one pass, each row into the columns as it is parsed, errors held until the file
 * is read) and parseClinicalLines (the whole table parsed first), and both against the reader
 * they replaced (a Map per row, built after the whole table was parsed), kept here as reference.
 * Drawn: preamble rows, blank lines, rows with a wrong field count, empty rows, missing and
 * duplicate sample IDs, unnamed and case-twin columns, strict and lenient; the same table, rows
 * (key, line, every value), report and error either way.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { InputError, quote } from '../../src/errors.js'
import { parseClinicalLines, readClinical, type ClinicalResult } from '../../src/clinical/read.js'
import { clinicalValue, isClinicalMissing } from '../../src/clinical/missing.js'
import { parseTableLines } from '../../src/io/table.js'
import { drop, dropSkipped, newReport, warnError } from '../../src/model/report.js'
import { requireNamed } from '../../src/clinical/columns.js'

const dir = mkdtempSync(join(tmpdir(), 'clin-paths-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** The replaced reader's row loop (sample column named; no response column named). */
function reference(file: string, lines: readonly string[], sampleColumn: string, lenient: boolean) {
  const t = parseTableLines(file, lines, { lenient, what: 'clinical table' })
  const cols = t.header.columns
  const sampleIdx = requireNamed(cols, sampleColumn, 'sample-ID', file, t.header.line)
  const report = newReport(file, 'clinical')
  dropSkipped(report, t.skipped, { withBlank: true, countRead: true })
  const rows = new Map<string, { line: number; values: Map<string, string | undefined> }>()
  const rawId = (v: string | undefined) => (isClinicalMissing(v) ? undefined : v)
  for (const row of t.rows) {
    report.rowsRead++
    const values = new Map<string, string | undefined>()
    let any = false
    cols.forEach((c, i) => {
      const v = clinicalValue(row.fields[i])
      if (!values.has(c)) values.set(c, v)
      if (v !== undefined) any = true
    })
    if (!any) {
      drop(report, 'empty-row')
      continue
    }
    const sample = rawId(row.fields[sampleIdx])
    if (sample === undefined) {
      const e = new InputError('BAD_VALUE', `${cols[sampleIdx]}: missing sample ID`, { file, line: row.line, column: sampleIdx + 1 })
      if (!lenient) throw e
      drop(report, 'missing-sample-id')
      warnError(report, e)
      continue
    }
    if (rows.has(sample)) throw new InputError('DUPLICATE_SAMPLE', `sample ${quote(sample)} appears twice (lines ${rows.get(sample)?.line} and ${row.line})`, { file, line: row.line, column: sampleIdx + 1, suggestion: 'keep one row per sample (or key the table by another column with the sample-column option)' })
    rows.set(sample, { line: row.line, values })
    report.kept++
  }
  return { rows: [...rows].map(([k, r]) => [k, r.line, [...r.values]]), report }
}

const shape = (r: ClinicalResult) => ({ rows: [...r.table.rows].map(([k, row]) => [k, row.line, [...row.values]]), report: r.report })
const outcome = <T>(f: () => T): T | { error: string } => {
  try {
    return f()
  } catch (e) {
    return { error: e instanceof InputError ? `${e.code} ${e.format()}` : String(e) }
  }
}

const cell = fc.constantFrom('', 'NA', '[Not Available]', ' x ', 'S1', 'S2', 'S3', 'P1', '1:DECEASED', '0:LIVING', '12.5', '-Inf', 'n/a', 'Primary', 'S1 ')
const caseArb = fc.record({
  header: fc.shuffledSubarray(['SAMPLE_ID', 'PATIENT_ID', 'OS_MONTHS', 'OS_STATUS', '', '', 'sample_type', 'SAMPLE_TYPE'], { minLength: 1 }),
  rows: fc.array(fc.oneof({ weight: 8, arbitrary: fc.array(cell, { minLength: 8, maxLength: 8 }) }, { weight: 1, arbitrary: fc.array(cell, { maxLength: 10 }) }, { weight: 1, arbitrary: fc.constant(null) }), { maxLength: 12 }),
  preamble: fc.array(fc.constantFrom('#Sample Identifier\tOverall Survival (Months)', '#STRING\tNUMBER', '#1\t1'), { maxLength: 3 }),
  lenient: fc.boolean(),
})

describe('readClinical: the one-pass file read', () => {
  it('equals the parsed-table path and the replaced reader: rows, report and errors', async () => {
    let k = 0
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const width = c.header.length
        const lines = [...c.preamble, c.header.join('\t'), ...c.rows.map((r) => (r === null ? '' : (r.length === 8 ? r.slice(0, width) : r).join('\t')))]
        const file = join(dir, `t${k++}.tsv`)
        writeFileSync(file, lines.join('\n') + '\n')
        const opts = { sampleColumn: 'SAMPLE_ID', lenient: c.lenient }
        let streamed: ReturnType<typeof shape> | { error: string }
        try {
          streamed = shape(await readClinical(file, opts))
        } catch (e) {
          streamed = { error: e instanceof InputError ? `${e.code} ${e.format()}` : String(e) }
        }
        const parsed = outcome(() => shape(parseClinicalLines(file, lines, opts)))
        const ref = outcome(() => reference(file, lines, 'SAMPLE_ID', c.lenient))
        expect(streamed, lines.join('\n')).toEqual(parsed)
        expect(parsed, lines.join('\n')).toEqual(ref)
      }),
      { numRuns: 300 },
    )
  })
})
