/**
 * Shared readers for the demo tests: the committed demo/ files parsed with code written
 * independently of scripts/demo/ (plain TSV by header name, VCF with the PICK=1 CSQ entry).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = fileURLToPath(new URL('../..', import.meta.url))
export const DEMO = join(ROOT, 'demo')

/** TSV by header name: rows as records. */
export function readTsv(path: string): Record<string, string>[] {
  const [head, ...rows] = readFileSync(path, 'utf8').replace(/\n+$/, '').split('\n')
  const cols = (head ?? '').split('\t')
  return rows.map((r, i) => {
    const f = r.split('\t')
    if (f.length !== cols.length) throw new Error(`${path}:${i + 2}: ${f.length} fields, header has ${cols.length}`)
    return Object.fromEntries(cols.map((c, j) => [c, f[j] ?? '']))
  })
}

/** VCF body records with the PICK=1 CSQ entry, read from the committed files. */
export interface Rec {
  gene: string
  consequence: string
  filter: string
  hgvsp: string
}
export function readVcf(path: string): { header: string[]; samples: string[]; recs: Rec[] } {
  const lines = readFileSync(path, 'utf8').trimEnd().split('\n')
  const header = lines.filter((l) => l.startsWith('##'))
  const csqFmt = /Format: ([^"]+)">/.exec(header.find((l) => l.startsWith('##INFO=<ID=CSQ')) ?? '')?.[1]?.split('|') ?? []
  const col = (name: string) => csqFmt.indexOf(name)
  const samples = (lines.find((l) => l.startsWith('#CHROM')) ?? '').split('\t').slice(9)
  const recs = lines.filter((l) => !l.startsWith('#')).map((l) => {
    const f = l.split('\t')
    const csq = /(?:^|;)CSQ=([^;\t]+)/.exec(f[7] ?? '')?.[1] ?? ''
    const picked = csq.split(',').map((e) => e.split('|')).find((e) => e[col('PICK')] === '1') ?? []
    return {
      gene: picked[col('SYMBOL')] ?? '',
      consequence: picked[col('Consequence')] ?? '',
      filter: f[6] ?? '',
      hgvsp: decodeURIComponent(picked[col('HGVSp')] ?? ''),
    }
  })
  return { header, samples, recs }
}


/** R's values for the demo study (test/fixtures/features/demo-study.R → demo-study-reference.tsv), by name. */
export function demoStudyReference(): Record<string, number> {
  return Object.fromEntries(
    readFileSync(join(ROOT, 'test', 'fixtures', 'features', 'demo-study-reference.tsv'), 'utf8')
      .split('\n')
      .filter((l) => l !== '' && !l.startsWith('#') && !l.startsWith('name\t'))
      .map((l) => l.split('\t'))
      .map(([k, v]) => [k, Number(v)]),
  ) as Record<string, number>
}
