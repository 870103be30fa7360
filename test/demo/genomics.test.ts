/**
 * The demo's VCFs, germline VCFs and copy-number table carry the published gene-level counts and
 * responder splits among the 28 sequenced patients (default policy: PASS only, silent calls do
 * not alter a gene, amplification at >= 8 copies, deep deletion at 0).
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadShippedPathways } from '../../src/panels/index.js'
import { DEMO, ROOT, readTsv, readVcf } from './files.js'
import { fisherTwoSided } from './km.js'

/** Consequences that leave the protein unchanged (a silent-only sample is wild-type). */
const NOT_ALTERING = new Set(['synonymous_variant', 'intron_variant', 'non_coding_transcript_exon_variant'])
/** The PI3K/AKT/mTOR set as the project ships it (Sanchez-Vega 2018), not the generator's copy. */
const PAM = (await loadShippedPathways()).find((p) => p.id === 'PI3K')?.genes ?? []

describe('demo genomic files carry the published gene-level aggregates', () => {
  const clinical = readTsv(join(DEMO, 'clinical.tsv'))
  const manifest = readTsv(join(DEMO, 'manifest.tsv'))
  const sequenced = clinical.filter((r) => r['sequenced'] === 'yes').map((r) => r['patient_id'] ?? '')
  const responder = new Set(clinical.filter((r) => r['best_response'] === 'PR').map((r) => r['patient_id']))
  const altered = new Map<string, Set<string>>(sequenced.map((s) => [s, new Set<string>()]))
  const mutated = new Map<string, Set<string>>(sequenced.map((s) => [s, new Set<string>()]))
  const germlineCarriers = new Set<string>()
  for (const m of manifest) {
    if (m['role'] === 'cna') continue
    const vcf = readVcf(join(DEMO, m['file'] ?? ''))
    for (const r of vcf.recs) {
      if (r.filter !== 'PASS' || NOT_ALTERING.has(r.consequence)) continue
      altered.get(m['sample'] ?? '')?.add(r.gene)
      mutated.get(m['sample'] ?? '')?.add(r.gene)
      if (m['role'] === 'germline' && r.gene === 'BRCA1') germlineCarriers.add(m['sample'] ?? '')
    }
  }
  for (const r of readTsv(join(DEMO, 'cna.tsv'))) {
    const cn = Number(r['copy_number'])
    if (cn >= 8 || cn === 0) altered.get(r['sample'] ?? '')?.add(r['gene'] ?? '')
  }
  const has = (gene: string) => sequenced.filter((s) => altered.get(s)?.has(gene))
  const isPam = sequenced.filter((s) => PAM.some((g) => altered.get(s)?.has(g)))
  const orr = (xs: string[]) => xs.filter((s) => responder.has(s)).length

  it('28 sequenced patients, each with a somatic VCF whose ##tumor_sample names its tumour column', () => {
    expect(sequenced).toHaveLength(28)
    for (const s of sequenced) {
      const row = manifest.find((m) => m['sample'] === s && m['role'] === 'somatic')
      expect(row, s).toBeDefined()
      const vcf = readVcf(join(DEMO, row?.['file'] ?? ''))
      expect(vcf.header).toContain(`##tumor_sample=${s}_T`)
      expect(vcf.header).toContain(`##normal_sample=${s}_N`)
      expect(vcf.samples).toEqual([`${s}_N`, `${s}_T`])
    }
    expect(manifest.filter((m) => m['role'] === 'cna')).toEqual([{ sample: '*', file: 'cna.tsv', role: 'cna' }])
    for (const m of manifest) expect(existsSync(join(DEMO, m['file'] ?? '')), m['file']).toBe(true)
  })

  it('TP53 24, PIK3CA 9, MYC amplified 6, PTEN 5, BRCA1 7 (5 germline)', () => {
    expect([has('TP53'), has('PIK3CA'), has('MYC'), has('PTEN'), has('BRCA1')].map((x) => x.length)).toEqual([24, 9, 6, 5, 7])
    expect(germlineCarriers.size).toBe(5)
  })

  it('PAM altered in 12 whether or not PTEN deep deletions count (both co-occur with PIK3CA mutations)', () => {
    expect(PAM.length).toBeGreaterThan(20)
    expect(isPam).toHaveLength(12)
    expect(sequenced.filter((s) => PAM.some((g) => mutated.get(s)?.has(g)))).toEqual(isPam)
  })

  it("the generator's PAM_GENES (scripts/demo/targets.mjs) is the shipped PI3K set", () => {
    const text = readFileSync(join(ROOT, 'scripts', 'demo', 'targets.mjs'), 'utf8')
    const list = /PAM_GENES = \[([^\]]*)\]/.exec(text)?.[1] ?? ''
    expect([...list.matchAll(/'([^']+)'/g)].map((m) => m[1]).sort()).toEqual([...PAM].sort())
  })

  it('MYC-amplified ORR 1/6, BRCA1-altered ORR 1/7', () => {
    expect(orr(has('MYC'))).toBe(1)
    expect(orr(has('BRCA1'))).toBe(1)
  })

  it('TP53 and PAM ORR within 10 points of wild-type; no association significant by Fisher', () => {
    for (const [name, alt] of [['TP53', has('TP53')], ['PAM', isPam], ['MYC', has('MYC')], ['BRCA1', has('BRCA1')],
      ['PIK3CA', has('PIK3CA')], ['PTEN', has('PTEN')]] as const) {
      const wt = sequenced.filter((s) => !alt.includes(s))
      const a = orr(alt)
      const c = orr(wt)
      if (name === 'TP53' || name === 'PAM') expect(Math.abs(a / alt.length - c / wt.length), name).toBeLessThanOrEqual(0.1)
      expect(fisherTwoSided(a, alt.length - a, c, wt.length - c), name).toBeGreaterThan(0.05)
    }
  })

  it('derives the same 2x2 tables that test/fixtures/demo/r-reference.tsv gave to fisher.test', () => {
    const ref = readTsv(join(ROOT, 'test', 'fixtures', 'demo', 'r-reference.tsv')).filter((r) => r['kind'] === 'fisher')
    const sets: Record<string, string[]> = {
      TP53: has('TP53'), PAM: isPam, MYC: has('MYC'), BRCA1: has('BRCA1'), PIK3CA: has('PIK3CA'), PTEN: has('PTEN'),
    }
    for (const r of ref) {
      const alt = sets[r['name'] ?? ''] ?? []
      const wt = sequenced.filter((s) => !alt.includes(s))
      const table = [orr(alt), alt.length - orr(alt), orr(wt), wt.length - orr(wt)]
      expect(table, r['name']).toEqual(['a', 'b', 'c', 'd'].map((k) => Number(r[k])))
    }
  })

  it('MYC copy numbers 3-4 stay below the amplification threshold (gains, not amplifications)', () => {
    const myc = readTsv(join(DEMO, 'cna.tsv')).filter((r) => r['gene'] === 'MYC').map((r) => Number(r['copy_number']))
    expect(myc.filter((cn) => cn >= 3 && cn <= 4).length).toBeGreaterThanOrEqual(3)
    expect(myc.filter((cn) => cn > 4 && cn < 8)).toEqual([])
  })

  it('has filtered calls that only a PASS-only policy drops, and a sequenced sample with nothing but silent or filtered calls', () => {
    const all = manifest.filter((m) => m['role'] === 'somatic').map((m) => readVcf(join(DEMO, m['file'] ?? '')).recs)
    const filters = new Set(all.flat().map((r) => r.filter))
    expect(filters).toContain('weak_evidence')
    expect([...filters].some((f) => f.includes('germline'))).toBe(true)
    const quiet = sequenced.filter((s) => altered.get(s)?.size === 0)
    expect(quiet.length).toBeGreaterThanOrEqual(1)
  })

  it('writes HGVSp in VEP form on the picked transcript (ENSP...:p.Arg175His)', () => {
    const all = manifest.flatMap((m) => (m['role'] === 'cna' ? [] : readVcf(join(DEMO, m['file'] ?? '')).recs))
    expect(all.map((r) => r.hgvsp)).toContain('ENSP00000269305.4:p.Arg175His')
  })
})
