/**
 * The synthetic demo cohort (demo/): the generator reproduces the committed files byte for byte,
 * and the committed files carry the published aggregates. The checks here re-derive every number
 * from the files with code written independently of scripts/demo/ (own TSV/VCF parsing, own
 * Kaplan–Meier with ties, own Fisher test), so a bug in the generator's checker is not shared.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { fisherTwoSided, kmMedian } from './km.js'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const DEMO = join(ROOT, 'demo')
/** Hand-written files in demo/ that the generator does not produce. */
const HAND_WRITTEN = new Set(['README.md'])

function relFiles(dir: string): string[] {
  const walk = (d: string): string[] =>
    readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [relative(dir, join(d, n))]))
  return walk(dir).sort()
}

/** TSV by header name: rows as records. */
function readTsv(path: string): Record<string, string>[] {
  const [head, ...rows] = readFileSync(path, 'utf8').replace(/\n+$/, '').split('\n')
  const cols = (head ?? '').split('\t')
  return rows.map((r, i) => {
    const f = r.split('\t')
    if (f.length !== cols.length) throw new Error(`${path}:${i + 2}: ${f.length} fields, header has ${cols.length}`)
    return Object.fromEntries(cols.map((c, j) => [c, f[j] ?? '']))
  })
}

describe('demo generator', () => {
  const out = mkdtempSync(join(tmpdir(), 'biomarkit-demo-'))
  afterAll(() => rmSync(out, { recursive: true, force: true }))

  it('reproduces every committed demo file byte for byte, and nothing else', () => {
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'make-demo.mjs'), out], { stdio: 'pipe' })
    const generated = relFiles(out)
    const committed = relFiles(DEMO).filter((f) => !HAND_WRITTEN.has(f))
    expect(committed).toEqual(generated)
    for (const f of generated) {
      expect(readFileSync(join(DEMO, f)).equals(readFileSync(join(out, f))), `${f} differs from a fresh run`).toBe(true)
    }
    expect(generated.length).toBeGreaterThan(30)
  })
})

describe('demo/clinical.tsv carries the published clinical aggregates', () => {
  const rows = readTsv(join(DEMO, 'clinical.tsv'))
  const count = (pred: (r: Record<string, string>) => boolean) => rows.filter(pred).length
  const orrDcr = (pred: (r: Record<string, string>) => boolean) => {
    const g = rows.filter(pred)
    return {
      n: g.length,
      orr: g.filter((r) => r['best_response'] === 'PR' || r['best_response'] === 'CR').length,
      dcr: g.filter((r) => r['best_response'] !== 'PD').length,
    }
  }

  it('has 64 patients PT01..PT64 with PR 23, SD 25, PD 16, CR 0 (ORR 35.9%, DCR 75.0%)', () => {
    expect(rows.map((r) => r['patient_id'])).toEqual(Array.from({ length: 64 }, (_, i) => `PT${String(i + 1).padStart(2, '0')}`))
    const by = (x: string) => count((r) => r['best_response'] === x)
    expect([by('CR'), by('PR'), by('SD'), by('PD')]).toEqual([0, 23, 25, 16])
    const all = orrDcr(() => true)
    expect((100 * all.orr / all.n).toFixed(1)).toBe('35.9')
    expect((100 * all.dcr / all.n).toFixed(1)).toBe('75.0')
  })

  it.each([
    ['HER2 IHC 2+', (r: Record<string, string>) => r['her2_ihc'] === '2+', { n: 32, orr: 13, dcr: 27 }],
    ['HER2 IHC 1+', (r: Record<string, string>) => r['her2_ihc'] === '1+', { n: 32, orr: 10, dcr: 21 }],
    ['brain metastases', (r: Record<string, string>) => r['brain_mets'] === 'yes', { n: 11, orr: 2, dcr: 7 }],
    ['prior Trop-2 ADC', (r: Record<string, string>) => r['prior_trop2_adc'] === 'yes', { n: 10, orr: 0, dcr: 5 }],
  ])('subgroup %s: n, responders, disease control', (_name, pred, want) => {
    expect(orrDcr(pred)).toEqual(want)
  })

  it('lines of therapy: 1st 3, 2nd 18, 3rd or later 43', () => {
    const line = (r: Record<string, string>) => Number.parseInt(r['line_of_therapy'] ?? '', 10)
    expect([count((r) => line(r) === 1), count((r) => line(r) === 2), count((r) => line(r) >= 3)]).toEqual([3, 18, 43])
  })

  const surv = (endpoint: 'pfs' | 'os', pred: (r: Record<string, string>) => boolean) => {
    const g = rows.filter(pred)
    return kmMedian(
      g.map((r) => Number(r[`${endpoint}_months`])),
      g.map((r) => (r[`${endpoint}_event`] === '1' ? 1 : 0)),
    )
  }
  const groups: Record<string, (r: Record<string, string>) => boolean> = {
    all: () => true,
    'HER2 2+': (r) => r['her2_ihc'] === '2+',
    'HER2 1+': (r) => r['her2_ihc'] === '1+',
    'brain mets': (r) => r['brain_mets'] === 'yes',
    'no brain mets': (r) => r['brain_mets'] === 'no',
    'prior Trop-2 ADC': (r) => r['prior_trop2_adc'] === 'yes',
    'no prior Trop-2 ADC': (r) => r['prior_trop2_adc'] === 'no',
  }
  it.each([
    ['pfs', 'all', 5.0], ['pfs', 'HER2 2+', 6.0], ['pfs', 'HER2 1+', 3.9], ['pfs', 'brain mets', 3.6],
    ['pfs', 'no brain mets', 5.6], ['pfs', 'prior Trop-2 ADC', 3.1], ['pfs', 'no prior Trop-2 ADC', 5.5],
    ['os', 'all', 14.9], ['os', 'HER2 2+', 18.1], ['os', 'HER2 1+', 14.0], ['os', 'brain mets', 8.6],
    ['os', 'no brain mets', 15.7], ['os', 'prior Trop-2 ADC', 11.1], ['os', 'no prior Trop-2 ADC', 15.7],
  ] as const)('Kaplan–Meier median %s in %s is %s months, off any exact 0.5 plateau', (endpoint, group, want) => {
    const m = surv(endpoint, groups[group] ?? (() => false))
    expect(m.plateau).toBe(false)
    expect(m.median === undefined ? undefined : Math.round(m.median * 10) / 10).toBe(want)
  })

  it('has exactly 31 deaths, OS never before PFS, times in 0.5-32 months, 6+ months follow-up if alive, PD progressing early', () => {
    expect(count((r) => r['os_event'] === '1')).toBe(31)
    for (const r of rows) {
      const pfs = Number(r['pfs_months'])
      const os = Number(r['os_months'])
      expect(os, r['patient_id']).toBeGreaterThanOrEqual(pfs)
      expect(pfs).toBeGreaterThanOrEqual(0.5)
      expect(os).toBeLessThanOrEqual(32)
      // Alive at cut-off means followed at least 6 months (enrolment closed 6 months before it).
      if (r['os_event'] === '0') expect(os, r['patient_id']).toBeGreaterThanOrEqual(6)
      if (r['best_response'] === 'PD') {
        expect(pfs).toBeLessThanOrEqual(3.5)
        expect(r['pfs_event']).toBe('1')
      }
    }
    const mean = (x: string) => {
      const v = rows.filter((r) => r['best_response'] === x).map((r) => Number(r['pfs_months']))
      return v.reduce((a, b) => a + b, 0) / v.length
    }
    expect(mean('PR')).toBeGreaterThan(mean('SD'))
    expect(mean('SD')).toBeGreaterThan(mean('PD'))
  })

  it('has distinct times within each endpoint, so no tie convention can change a median', () => {
    for (const col of ['pfs_months', 'os_months']) {
      const v = rows.map((r) => r[col])
      expect(new Set(v).size, col).toBe(v.length)
    }
  })

  it('prior Trop-2 ADC patients are treated in 3rd line or later', () => {
    for (const r of rows.filter((x) => x['prior_trop2_adc'] === 'yes')) {
      expect(Number.parseInt(r['line_of_therapy'] ?? '', 10)).toBeGreaterThanOrEqual(3)
    }
  })
})

/** VCF body records with the PICK=1 CSQ entry, read from the committed files. */
interface Rec {
  gene: string
  consequence: string
  filter: string
  hgvsp: string
}
function readVcf(path: string): { header: string[]; samples: string[]; recs: Rec[] } {
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

/** Consequences that leave the protein unchanged (a silent-only sample is wild-type). */
const NOT_ALTERING = new Set(['synonymous_variant', 'intron_variant', 'non_coding_transcript_exon_variant'])
const PAM = ['PIK3CA', 'PIK3CB', 'PIK3R1', 'PIK3R2', 'PIK3R3', 'PTEN', 'INPP4B', 'AKT1', 'AKT2', 'AKT3', 'MTOR', 'RICTOR',
  'RPTOR', 'TSC1', 'TSC2', 'STK11', 'PPP2R1A']

describe('demo VCFs are well-formed', () => {
  const files = readdirSync(join(DEMO, 'vcf')).filter((f) => f.endsWith('.vcf')).sort()
  it.each(files)('%s: 25-field CSQ entries with one PICK, consistent AD/AF/DP, anchored indels, sorted', (f) => {
    const lines = readFileSync(join(DEMO, 'vcf', f), 'utf8').split('\n').filter((l) => l !== '')
    expect(lines[0]).toBe('##fileformat=VCFv4.2')
    expect(lines).toContain('##VEP="v110" API="v110" cache="homo_sapiens/110_GRCh38" assembly="GRCh38"')
    const contigs = lines.filter((l) => l.startsWith('##contig=')).map((l) => /ID=([^,>]+)/.exec(l)?.[1] ?? '')
    const chrom = lines.find((l) => l.startsWith('#CHROM'))?.split('\t') ?? []
    let last: [number, number] = [-1, 0]
    for (const l of lines.filter((x) => !x.startsWith('#'))) {
      const [c = '', pos = '', , ref = '', alt = '', , , info = '', format = '', ...samples] = l.split('\t')
      expect(samples.length).toBe(chrom.length - 9)
      const key: [number, number] = [contigs.indexOf(c), Number(pos)]
      expect(key[0], `${f}: ${c} has a ##contig line`).toBeGreaterThanOrEqual(0)
      expect(key[0] > last[0] || (key[0] === last[0] && key[1] > last[1]), `${f}: sorted at ${c}:${pos}`).toBe(true)
      last = key
      if (ref.length !== alt.length) expect(ref[0], `${f}: indel at ${pos} keeps its anchor base`).toBe(alt[0])
      const csq = /CSQ=([^;]+)/.exec(info)?.[1] ?? ''
      const entries = csq.split(',').map((e) => e.split('|'))
      for (const e of entries) expect(e).toHaveLength(25)
      expect(entries.filter((e) => e[24] === '1')).toHaveLength(1)
      expect(entries.filter((e) => e[23] === 'YES')).toHaveLength(1)
      const keys = format.split(':')
      for (const sample of samples) {
        const v: Record<string, string> = Object.fromEntries(sample.split(':').map((x, i) => [keys[i] ?? '', x]))
        const [refN, altN] = (v['AD'] ?? '').split(',').map(Number)
        expect((refN ?? 0) + (altN ?? 0)).toBe(Number(v['DP']))
      }
      // The tumour column's AF is its alt fraction (Mutect2's AF is an estimate; here it is exact).
      const tumor = samples.at(-1)?.split(':') ?? []
      if (keys.includes('AF')) {
        const [refT, altT] = (tumor[keys.indexOf('AD')] ?? '').split(',').map(Number)
        expect(Number(tumor[keys.indexOf('AF')])).toBeCloseTo((altT ?? 0) / ((refT ?? 0) + (altT ?? 0)), 3)
      }
    }
  })
})

describe('demo genomic files carry the published gene-level aggregates', () => {
  const clinical = readTsv(join(DEMO, 'clinical.tsv'))
  const manifest = readTsv(join(DEMO, 'manifest.tsv'))
  const sequenced = clinical.filter((r) => r['sequenced'] === 'yes').map((r) => r['patient_id'] ?? '')
  const responder = new Set(clinical.filter((r) => r['best_response'] === 'PR').map((r) => r['patient_id']))
  const altered = new Map<string, Set<string>>(sequenced.map((s) => [s, new Set<string>()]))
  const germlineCarriers = new Set<string>()
  for (const m of manifest) {
    if (m['role'] === 'cna') continue
    const vcf = readVcf(join(DEMO, m['file'] ?? ''))
    for (const r of vcf.recs) {
      if (r.filter !== 'PASS' || NOT_ALTERING.has(r.consequence)) continue
      altered.get(m['sample'] ?? '')?.add(r.gene)
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

/** R's own numbers for the committed demo (test/fixtures/demo/r-reference.R). */
describe('demo numbers agree with R (survival::survfit, fisher.test)', () => {
  const ref = readTsv(join(ROOT, 'test', 'fixtures', 'demo', 'r-reference.tsv'))
  const clinical = readTsv(join(DEMO, 'clinical.tsv'))
  const pred: Record<string, (r: Record<string, string>) => boolean> = {
    all: () => true,
    her2_2: (r) => r['her2_ihc'] === '2+',
    her2_1: (r) => r['her2_ihc'] === '1+',
    brain_yes: (r) => r['brain_mets'] === 'yes',
    brain_no: (r) => r['brain_mets'] === 'no',
    trop2_yes: (r) => r['prior_trop2_adc'] === 'yes',
    trop2_no: (r) => r['prior_trop2_adc'] === 'no',
  }
  it.each(ref.filter((r) => r['kind'] === 'median').map((r) => [r['name'] ?? '', Number(r['value'])] as const))(
    'median %s matches survfit (%s)',
    (name, want) => {
      const [endpoint, ...rest] = name.split('_')
      const g = clinical.filter(pred[rest.join('_')] ?? (() => false))
      const m = kmMedian(g.map((r) => Number(r[`${endpoint}_months`])), g.map((r) => (r[`${endpoint}_event`] === '1' ? 1 : 0)))
      // Medians are data values on a 0.1-month grid, so agreement is exact up to float printing.
      expect(m.median, `${name}: ours ${m.median}, R ${want}`).toBeCloseTo(want, 9)
    },
  )
  it.each(ref.filter((r) => r['kind'] === 'fisher').map((r) => [r['name'] ?? '', r] as const))(
    'Fisher p for %s matches fisher.test to 1e-9 relative',
    (name, r) => {
      const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((k) => Number(r[k]))
      const p = fisherTwoSided(a ?? 0, b ?? 0, c ?? 0, d ?? 0)
      const want = Number(r['value'])
      expect(Math.abs(p - want) / want, `${name} [${a},${b},${c},${d}]: ours ${p}, R ${want}`).toBeLessThan(1e-9)
    },
  )
})

describe('demo/panel.json', () => {
  const schemaPath = join(ROOT, 'src', 'panels', 'schema.ts')
  it.skipIf(!existsSync(schemaPath))('validates against src/panels/schema.ts PanelSchema', async () => {
    // Imported by path at run time: the panel module belongs to another area of the repo.
    const mod = (await import(schemaPath)) as { PanelSchema: { safeParse: (x: unknown) => { success: boolean; error?: unknown } } }
    const json: unknown = JSON.parse(readFileSync(join(DEMO, 'panel.json'), 'utf8'))
    const res = mod.PanelSchema.safeParse(json)
    expect(res.error).toBeUndefined()
    expect(res.success).toBe(true)
  })
})
