import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { run } from '../../cli/main.js'
import { memoryIO } from '../../cli/context.js'
import { FIXTURES } from '../helpers.js'

// Reference: scripts/r/clinical-enrichment.R (R 4.2.2 fisher.test), stored in
// test/fixtures/scan/laml-fab-reference.tsv. Tolerance: p 1e-9 relative (issue 5); odds ratio and
// CI 1e-3 relative, which is all R's uniroot guarantees (ours are solved to ~1e-12).
interface Ref {
  gene: string
  comparison: string
  a: number
  b: number
  c: number
  d: number
  p: number
  or: number
  lower: number
  upper: number
  p_maftools: number
}

function readRef(): Ref[] {
  const lines = readFileSync(join(FIXTURES, 'scan', 'laml-fab-reference.tsv'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#'))
  const head = (lines.shift() as string).split('\t')
  return lines.map((l) => {
    const f = l.split('\t')
    const o: Record<string, string | number> = {}
    head.forEach((h, i) => (o[h] = h === 'gene' || h === 'comparison' ? (f[i] as string) : Number(f[i] === 'Inf' ? Infinity : f[i])))
    return o as unknown as Ref
  })
}

function close(ours: number, ref: number, rel: number): boolean {
  if (!Number.isFinite(ref) || ref === 0) return ours === ref
  return Math.abs(ours - ref) / Math.abs(ref) <= rel
}

describe('scan --endpoint FAB_classification on tcga_laml (maftools clinicalEnrichment semantics)', async () => {
  const io = memoryIO()
  const code = await run(
    ['scan', join(FIXTURES, 'maf', 'tcga_laml.maf.gz'), '--clinical', join(FIXTURES, 'clinical', 'tcga_laml_annot.tsv'), '--endpoint', 'FAB_classification'],
    io,
  )
  const lines = io.out.split('\n')
  // One table, no '#' lines (read.delim and pandas would read them as rows); what was tested goes to stderr.
  const comments = io.err.split('\n')
  const table = lines.filter((l) => l && !l.startsWith('#'))
  const head = (table.shift() ?? '').split('\t')
  const col = (name: string) => head.indexOf(name)
  const rows = table.map((l) => l.split('\t'))
  const ref = readRef()

  it('runs and says how many samples were excluded and why', () => {
    expect(code).toBe(0)
    expect(lines.filter((l) => l.startsWith('#'))).toEqual([])
    expect(comments).toContain('biomarkit: FAB_classification: 192 sequenced samples tested; excluded: 1 missing value; 7 in clinical table, not sequenced')
    expect(comments).toContain('biomarkit: sample IDs: clinical column "Tumor_Sample_Barcode" (chosen by overlap with the calls\' sample IDs: Tumor_Sample_Barcode 193); 193 matched; 0 in the calls, not in the table; 7 in the table, not sequenced')
  })

  it('tests exactly the genes altered in more than 5 samples, each level vs rest and level vs level', () => {
    expect(rows).toHaveLength(ref.length)
    const genes = new Set(rows.map((r) => r[col('feature')]))
    expect(genes).toEqual(new Set(ref.map((r) => r.gene)))
  })

  it('has the issue examples: IDH1 in M1 11 of 44 vs 7 of 148, p ≈ 2.733e-4; TP53 in M7 3 of 3 vs 11 of 189', () => {
    const idh1 = rows.find((r) => r[col('feature')] === 'IDH1' && r[col('comparison')] === 'M1 vs rest') as string[]
    expect([idh1[col('a_altered_group1')], idh1[col('c_wildtype_group1')], idh1[col('b_altered_group0')], idh1[col('d_wildtype_group0')]]).toEqual(['11', '33', '7', '141'])
    expect(Number(idh1[col('p')])).toBeCloseTo(2.733e-4, 6)
    const tp53 = rows.find((r) => r[col('feature')] === 'TP53' && r[col('comparison')] === 'M7 vs rest') as string[]
    expect([tp53[col('a_altered_group1')], tp53[col('c_wildtype_group1')], tp53[col('b_altered_group0')], tp53[col('d_wildtype_group0')]]).toEqual(['3', '0', '11', '178'])
  })

  it('matches R fisher.test on every table (counts exact, p 1e-9 relative via JSON, OR 1e-3)', async () => {
    const jio = memoryIO()
    await run(
      ['scan', join(FIXTURES, 'maf', 'tcga_laml.maf.gz'), '--clinical', join(FIXTURES, 'clinical', 'tcga_laml_annot.tsv'), '--endpoint', 'FAB_classification', '--format', 'json'],
      jio,
    )
    const j = JSON.parse(jio.out) as { groupEndpoints: { rows: { feature: string; comparison: string; a: number; b: number; c: number; d: number; p: number; oddsRatio: number | string }[] }[] }
    const ours = new Map(j.groupEndpoints[0]?.rows.map((r) => [`${r.feature}|${r.comparison}`, r]))
    const bad: string[] = []
    for (const r of ref) {
      const o = ours.get(`${r.gene}|${r.comparison}`)
      if (o === undefined) {
        bad.push(`missing ${r.gene} ${r.comparison}`)
        continue
      }
      if (o.a !== r.a || o.b !== r.b || o.c !== r.c || o.d !== r.d) bad.push(`${r.gene} ${r.comparison}: table ${[o.a, o.b, o.c, o.d].join(',')} vs R ${[r.a, r.b, r.c, r.d].join(',')}`)
      if (!close(o.p, r.p, 1e-9)) bad.push(`${r.gene} ${r.comparison}: p ${o.p} vs R ${r.p}`)
      const or = o.oddsRatio === 'Inf' ? Infinity : Number(o.oddsRatio)
      if (!close(or, r.or, 1e-3)) bad.push(`${r.gene} ${r.comparison}: OR ${or} vs R ${r.or}`)
    }
    expect(bad).toEqual([])
  })

  it('equals maftools where the sample with a missing FAB value plays no part (pairwise tests)', () => {
    const pairwise = ref.filter((r) => !r.comparison.endsWith('vs rest'))
    expect(pairwise.length).toBeGreaterThan(0)
    for (const r of pairwise) expect(r.p).toBe(r.p_maftools)
    // …and differs from maftools' level-vs-rest p where maftools counted that sample in "rest".
    expect(ref.some((r) => r.comparison.endsWith('vs rest') && r.p !== r.p_maftools)).toBe(true)
  })
})
