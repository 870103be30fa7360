/**
 * Issue 16 on the real cohorts, through the CLI. Riaz 2017 has no licence to copy (SOURCES.md), so it
 * is read in place from ../shared/data and these tests skip when it is absent; the reference numbers
 * come from scripts/r/riaz-os.R (test/fixtures/scan/riaz-os-reference.tsv, values only).
 * Liu 2019 (comut, MIT) is read in place too, as published.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { memoryIO } from '../../cli/context.js'
import { run } from '../../cli/main.js'
import { FIXTURES, hasShared, shared, tmpDir, tmpFile } from '../helpers.js'

const RIAZ = 'riaz2017-nivolumab'
const calls = () => [shared(`${RIAZ}/pre_therapy_nonsynonmous_mutations.csv.gz`), '--columns', 'sample=Patient,gene=Hugo Symbol,class=Variant Classification,protein=HGVS_p']
const clinical = () => ['--clinical', shared(`${RIAZ}/bms038_clinical_data.csv`)]

/** R's values by gene and quantity. */
function reference(): Map<string, number> {
  const out = new Map<string, number>()
  for (const l of readFileSync(join(FIXTURES, 'scan', 'riaz-os-reference.tsv'), 'utf8').split('\n')) {
    if (l === '' || l.startsWith('#') || l.startsWith('gene\t')) continue
    const [g, q, v] = l.split('\t') as [string, string, string]
    out.set(`${g} ${q}`, v === 'NA' ? Number.NaN : Number(v))
  }
  return out
}

interface Row {
  feature: string
  nAltered: number
  eventsAltered: number
  eventsWildType: number
  medianAltered: { median: number; lower: number; upper: number | null | string }
  medianWildType: { median: number; lower: number; upper: number | null | string }
  logrankChisq: number
  logrankP: number
  hr: number
  hrLower: number
  hrUpper: number
  coxP: number
  timeUnit: string
}

interface ScanDoc {
  clinical: { interpretation: string[] }
  survivalEndpoints: { timeUnit: string; events: number; tested: number; eventCoding: string; rows: Row[] }[]
}

async function scanJson(extra: string[]): Promise<{ io: ReturnType<typeof memoryIO>; doc: ScanDoc }> {
  const io = memoryIO()
  const code = await run(['scan', ...calls(), ...clinical(), '--endpoint', 'OS~OS_SOR', '--event-value', '0', '--time-unit', 'days', '--genes', 'NF1,BRAF', '--format', 'json', ...extra], io)
  expect(io.err).toBe('')
  expect(code).toBe(0)
  return { io, doc: JSON.parse(io.out) as ScanDoc }
}

const num = (v: unknown) => (v === null || v === 'NA' ? Number.NaN : (v as number))
/**
 * Tolerances: counts exact; KM medians and their CI ends are event times (or a time / 30.4375), and
 * log-rank is closed form: 1e-12 relative. Cox HR, CI and p: 1e-6 relative, because R's coxph stops
 * Newton–Raphson at a 1e-9 relative change in log-likelihood (NF1's HR differs from R's by 1e-8).
 */
function close(got: unknown, want: number, what: string, tol = 1e-12): void {
  const g = num(got)
  if (Number.isNaN(want)) expect(Number.isNaN(g), what).toBe(true)
  else expect(Math.abs(g - want) <= tol * Math.max(1, Math.abs(want)), `${what}: got ${g}, R ${want}`).toBe(true)
}

describe.skipIf(!hasShared(RIAZ))('Riaz 2017 as published (read in place from ../shared)', () => {
  it("finds the patient column without --sample-column, and says so", async () => {
    const { doc } = await scanJson([])
    expect(doc.clinical.interpretation[0]).toBe(
      'sample IDs: clinical column "PatientID" (chosen by overlap with the calls\' sample IDs: PatientID 68, Sample 0); 68 matched; 0 in the calls, not in the table; 5 in the table, not sequenced',
    )
  })

  it("OS~OS_SOR --event-value 0 --time-unit days: R's 37 deaths, HRs, log-rank and KM medians for NF1 and BRAF", async () => {
    const ref = reference()
    const { doc } = await scanJson([])
    const ep = doc.survivalEndpoints[0]!
    expect(ep.tested).toBe(ref.get('all tested'))
    expect(ep.events).toBe(ref.get('all deaths'))
    expect(ep.events).toBe(37)
    expect(ep.timeUnit).toBe('days')
    expect(ep.eventCoding).toBe('OS_SOR: event = "0" (42); censored = "1" (31) [--event-value]')
    for (const gene of ['NF1', 'BRAF']) {
      const r = ep.rows.find((x) => x.feature === gene)!
      expect(r.timeUnit).toBe('days')
      expect(r.nAltered).toBe(ref.get(`${gene} n_altered`))
      expect(r.eventsAltered).toBe(ref.get(`${gene} events_altered`))
      expect(r.eventsWildType).toBe(ref.get(`${gene} events_wildtype`))
      for (const [k, v] of [['hr', r.hr], ['hr_lower', r.hrLower], ['hr_upper', r.hrUpper], ['cox_p', r.coxP]] as const) close(v, ref.get(`${gene} ${k}`)!, `${gene} ${k}`, 1e-6)
      for (const [k, v] of [['logrank_chisq', r.logrankChisq], ['logrank_p', r.logrankP]] as const) close(v, ref.get(`${gene} ${k}`)!, `${gene} ${k}`)
      for (const [grp, m] of [['altered', r.medianAltered], ['wildtype', r.medianWildType]] as const) {
        close(m.median, ref.get(`${gene} median_${grp}_days`)!, `${gene} median ${grp}`)
        close(m.lower, ref.get(`${gene} median_${grp}_lower_days`)!, `${gene} median ${grp} lower`)
        close(m.upper, ref.get(`${gene} median_${grp}_upper_days`)!, `${gene} median ${grp} upper`)
      }
    }
    // The false finding of the 1 = event reading is gone: NF1 HR ≈ 0.80, p ≈ 0.71.
    expect(ep.rows.find((x) => x.feature === 'NF1')!.logrankP).toBeGreaterThan(0.7)
  })

  it('--display-unit months: medians in months (30.4375 days a month), as R on OS / 30.4375', async () => {
    const ref = reference()
    const { doc } = await scanJson(['--display-unit', 'months'])
    const ep = doc.survivalEndpoints[0]!
    expect(ep.timeUnit).toBe('months')
    for (const gene of ['NF1', 'BRAF']) {
      const r = ep.rows.find((x) => x.feature === gene)!
      expect(r.timeUnit).toBe('months')
      close(r.medianAltered.median, ref.get(`${gene} median_altered_months`)!, `${gene} months altered`)
      close(r.medianWildType.lower, ref.get(`${gene} median_wildtype_lower_months`)!, `${gene} months wild-type lower`)
      close(r.hr, ref.get(`${gene} hr`)!, `${gene} hr (unit-free)`, 1e-6)
    }
    expect(doc.clinical.interpretation).toContain('OS~OS_SOR: time column "OS" in days (--time-unit), shown in months (30.4375 days a month, 7 a week, 365.25 a year)')
  })

  it('without a unit the TSV says NA, never months; the event coding is stated', async () => {
    const io = memoryIO()
    expect(await run(['scan', ...calls(), ...clinical(), '--endpoint', 'OS~OS_SOR', '--genes', 'NF1'], io)).toBe(0)
    const [head, row] = io.out.trim().split('\n').map((l) => l.split('\t'))
    expect(row![head!.indexOf('time_unit')]).toBe('NA')
    expect(io.err).toContain('biomarkit: OS~OS_SOR: time column "OS" in time with no stated unit (give --time-unit)\n')
    expect(io.err).toContain('biomarkit: OS~OS_SOR: OS_SOR: event = "1" (31); censored = "0" (42) [0/1 coding]: 31 events, 42 censored among 73 patients with follow-up\n')
  })

  it('myBOR3 (PRCR/SDPD) gives the 2×2 tables of BOR with NE counted as non-responders, responders vs non-responders', async () => {
    const table = async (extra: string[]) => {
      const io = memoryIO()
      expect(await run(['scan', ...calls(), ...clinical(), '--genes', 'NF1,BRAF,NRAS', '--format', 'json', ...extra], io)).toBe(0)
      const doc = JSON.parse(io.out) as { groupEndpoints: { rows: { feature: string; a: number; b: number; c: number; d: number; comparison: string }[] }[] }
      return doc.groupEndpoints[0]!.rows.map((r) => [r.feature, r.a, r.b, r.c, r.d])
    }
    const viaMy = await table(['--response-column', 'myBOR3', '--endpoint', 'orr'])
    const viaBor = await table(['--endpoint', 'orr', '--ne', 'non-responder'])
    const asColumn = await table(['--endpoint', 'myBOR3'])
    expect(viaMy).toEqual(viaBor)
    expect(asColumn).toEqual(viaBor)
    const io = memoryIO()
    await run(['scan', ...calls(), ...clinical(), '--genes', 'NF1', '--endpoint', 'myBOR3'], io)
    expect(io.out.split('\n')[1]!.split('\t')[4]).toBe('CR/PR vs SD/PD')
    // BOR with the default NE rule leaves the 3 NE patients out.
    const excl = await table(['--endpoint', 'orr'])
    const sum = (t: (string | number)[][]) => t.reduce((s, r) => s + (r[1] as number) + (r[2] as number) + (r[3] as number) + (r[4] as number), 0)
    expect(sum(viaBor) - sum(excl)).toBe(3 * 3)
  })

  it('myBOR2 (PRCRSD) is refused for ORR with the exact message and accepted for DCR', async () => {
    const io = memoryIO()
    expect(await run(['scan', ...calls(), ...clinical(), '--genes', 'NF1', '--response-column', 'myBOR2', '--endpoint', 'orr'], io)).toBe(1)
    expect(io.err.split('\n')[0]).toMatch(/bms038_clinical_data\.csv:3:16: myBOR2: "CR\/PR\/SD" cannot be read for ORR: it groups responders and non-responders together$/)
    expect(await run(['scan', ...calls(), ...clinical(), '--genes', 'NF1', '--response-column', 'myBOR2', '--endpoint', 'dcr'], memoryIO())).toBe(0)
  })

  it('a numeric column as a categorical endpoint is exit 1 with the message, no output', async () => {
    const d = tmpDir()
    const io = memoryIO()
    expect(await run(['scan', ...calls(), ...clinical(), '--endpoint', 'OSWK', '-o', join(d, 'x.tsv')], io)).toBe(1)
    expect(io.err).toMatch(/bms038_clinical_data\.csv: OSWK: numeric column with \d+ distinct values; it is not tested level by level \(continuous endpoints are not supported yet\)/)
    expect(readdirSync(d)).toEqual([])
  })

  it('no shared sample (--sample-column Sample: Pt1_pre vs Pt1) is exit 1 with no output in scan, oncoplot and report', async () => {
    const d = tmpDir()
    const cases = [
      ['scan', ...calls(), ...clinical(), '--sample-column', 'Sample', '--endpoint', 'orr', '-o', join(d, 'scan.tsv')],
      ['oncoplot', ...calls(), ...clinical(), '--sample-column', 'Sample', '--tracks', 'BOR', '-o', join(d, 'plot.svg')],
      ['report', ...calls(), ...clinical(), '--sample-column', 'Sample', '--endpoints', 'orr', '-o', join(d, 'report.html')],
    ]
    for (const args of cases) {
      const io = memoryIO()
      expect(await run(args, io), args[0]).toBe(1)
      expect(io.err.split('\n')[0]).toMatch(/bms038_clinical_data\.csv: no sample in common between the calls and the clinical table$/)
      expect(io.err).toContain('hint: calls: "Pt10", "Pt100", "Pt101", …; clinical column(s) tried: "Sample" ("Pt1_pre", "Pt10_pre", "Pt100_pre", …)')
      expect(io.out).toBe('')
    }
    expect(readdirSync(d)).toEqual([])
  })
})

const LIU = 'comut/melanoma'
describe.skipIf(!hasShared(LIU))('Liu 2019 merged_clinical_data.tsv as published: MR read as SD in scan, oncoplot and report', () => {
  const cna = () => ['--cna', shared(`${LIU}/copy_number_alterations.tsv`)]
  const clin = () => ['--clinical', shared(`${LIU}/merged_clinical_data.tsv`)]
  const mr = 'BR read as: "MR" → SD (mixed response) ×2; CR (RECIST) ×3; PD (RECIST) ×26; PR (RECIST) ×14; SD (RECIST) ×7'

  it('scan: dcr counts the 2 MR patients with SD; OS in days with dead 1/0', async () => {
    const io = memoryIO()
    expect(await run(['scan', ...cna(), ...clin(), '--endpoint', 'dcr,os', '--time-unit', 'days', '--min-altered', '1', '--format', 'json'], io)).toBe(0)
    const doc = JSON.parse(io.out) as { clinical: { interpretation: string[] }; groupEndpoints: { reading: string[]; rows: { a: number; b: number; c: number; d: number }[] }[]; survivalEndpoints: { events: number; timeUnit: string }[] }
    expect(doc.groupEndpoints[0]!.reading).toContain(mr)
    const r = doc.groupEndpoints[0]!.rows[0]!
    expect(r.a + r.c).toBe(3 + 14 + 7 + 2)
    expect(doc.survivalEndpoints[0]).toMatchObject({ events: 31, timeUnit: 'days' })
  })

  it('oncoplot --tracks BR draws MR as SD and says so', async () => {
    const d = tmpDir()
    const io = memoryIO()
    expect(await run(['oncoplot', ...cna(), ...clin(), '--tracks', 'BR', '-o', join(d, 'liu.svg')], io)).toBe(0)
    expect(io.err).toContain(`biomarkit: track ${mr}\n`)
    const svg = readFileSync(join(d, 'liu.svg'), 'utf8')
    expect(svg).toContain('>SD</text>')
    expect(svg).not.toContain('>MR</text>')
  })

  it('report: the same reading in the Interpretation section, KM axis in the display unit', async () => {
    const d = tmpDir()
    const io = memoryIO()
    expect(await run(['report', ...cna(), ...clin(), '--endpoints', 'orr,dcr,os', '--tracks', 'BR', '--time-unit', 'days', '--display-unit', 'months', '-o', join(d, 'liu.html')], io)).toBe(0)
    const html = readFileSync(join(d, 'liu.html'), 'utf8')
    const esc = (s: string) => s.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll("'", '&#39;').replaceAll('<', '&lt;')
    expect(html).toContain(`<li>${esc(mr)}</li>`)
    expect(html).toContain(`<li>${esc(`track ${mr}`)}</li>`)
    expect(html).toContain('>Months</text>')
    expect(html).toContain(esc('os: time column "OS" in days (--time-unit), shown in months (30.4375 days a month, 7 a week, 365.25 a year)'))
  })
})

describe.skipIf(!hasShared(LIU))('one table per TSV file', () => {
  const args = () => ['scan', '--cna', shared(`${LIU}/copy_number_alterations.tsv`), '--clinical', shared(`${LIU}/merged_clinical_data.tsv`), '--endpoint', 'orr,os', '--min-altered', '1', '--time-unit', 'days']

  it('a two-endpoint TSV has one header, no # lines and the same number of fields on every row (what fread and read.delim need)', async () => {
    const io = memoryIO()
    expect(await run(args(), io)).toBe(0)
    const lines = io.out.split('\n')
    expect(lines.pop()).toBe('')
    const head = lines[0]!.split('\t')
    expect(lines.filter((l) => l.startsWith('feature\t'))).toHaveLength(1)
    expect(lines.filter((l) => l.startsWith('#'))).toEqual([])
    for (const l of lines) expect(l.split('\t')).toHaveLength(head.length)
    const endpoint = head.indexOf('endpoint')
    const counts = new Map<string, number>()
    for (const l of lines.slice(1)) counts.set(l.split('\t')[endpoint]!, (counts.get(l.split('\t')[endpoint]!) ?? 0) + 1)
    // CDKN2A and MYC: Liu's TP53 has no locus with both alleles at 0 (allele-specific reading)
    expect([...counts]).toEqual([['orr', 2], ['os', 2]])
    // What R read from this output (checked by hand with Rscript, see test/fixtures/scan/two-endpoint-R.txt).
    const r = readFileSync(join(FIXTURES, 'scan', 'two-endpoint-R.txt'), 'utf8')
    expect(r).toContain(`fread: ${lines.length - 1} rows x ${head.length} columns`)
    expect(r).toContain(`read.delim: ${lines.length - 1} rows x ${head.length} columns`)
  })

  it('-o FOLDER/ writes one TSV per endpoint', async () => {
    const d = join(tmpDir(), 'out') + '/'
    expect(await run([...args(), '-o', d], memoryIO())).toBe(0)
    expect(readdirSync(d).sort()).toEqual(['orr.tsv', 'os.tsv'])
    expect(readFileSync(join(d, 'os.tsv'), 'utf8').split('\n')[0]).toMatch(/^feature\tlabel\tfeature_type\tendpoint\tn_altered/)
    expect(existsSync(join(d, 'orr.tsv'))).toBe(true)
    const io = memoryIO()
    const file = tmpFile('plain.txt', 'x')
    expect(await run([...args(), '-o', `${file}/`], io)).toBe(1)
    expect(io.err).toContain(`biomarkit: -o ${file}/: cannot create the output folder (`)
  })
})

describe('generated pairs (always run)', () => {
  const pts = ['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8']
  const callsFile = () =>
    tmpFile('calls.tsv', ['Patient\tGene\tConsequence', ...pts.map((p, i) => `${p}\t${i % 2 === 0 ? 'TP53' : 'KRAS'}\tmissense_variant`)].join('\n') + '\n')
  const map = ['--columns', 'sample=Patient,gene=Gene,class=Consequence']

  it('a clinical value constructor/toString and a column named __proto__ work in scan, oncoplot and report', async () => {
    const clin = tmpFile('proto.tsv', ['sample\t__proto__\tBOR', ...pts.map((p, i) => `${p}\t${i < 4 ? 'constructor' : 'toString'}\t${i % 3 === 0 ? 'PR' : 'PD'}`)].join('\n') + '\n')
    const c = callsFile()
    const d = tmpDir()
    const io = memoryIO()
    expect(await run(['scan', c, ...map, '--clinical', clin, '--endpoint', '__proto__', '--min-altered', '1'], io)).toBe(0)
    const [head, ...rows] = io.out.trim().split('\n').map((l) => l.split('\t'))
    expect(rows.map((r) => r[head!.indexOf('comparison')])).toEqual(['toString vs constructor', 'toString vs constructor'])
    expect(io.out).not.toContain('[object')
    expect(await run(['oncoplot', c, ...map, '--clinical', clin, '--tracks', '__proto__,BOR', '-o', join(d, 'p.svg')], memoryIO())).toBe(0)
    expect(readFileSync(join(d, 'p.svg'), 'utf8')).toContain('>constructor</text>')
    expect(await run(['report', c, ...map, '--clinical', clin, '--endpoints', 'orr,__proto__', '--tracks', '__proto__', '--min-altered', '1', '-o', join(d, 'r.html')], memoryIO())).toBe(0)
  })

  it('near-miss IDs (case) are a warning with counts in scan, oncoplot and the report; an error when nothing else matches', async () => {
    const c = callsFile()
    const clin = tmpFile('case.tsv', ['sample\tBOR', ...pts.map((p, i) => `${i < 2 ? p.toLowerCase() : p}\t${i % 2 ? 'PR' : 'PD'}`)].join('\n') + '\n')
    const w = 'biomarkit: warning: 2 clinical sample ID(s) differ from the calls\' only in case, white space or look-alike characters ("p1" vs "P1", "p2" vs "P2"); they are not merged\n'
    const d = tmpDir()
    for (const args of [
      ['scan', c, ...map, '--clinical', clin, '--endpoint', 'orr', '--min-altered', '1'],
      ['oncoplot', c, ...map, '--clinical', clin, '--tracks', 'BOR', '-o', join(d, 'p.svg')],
      ['report', c, ...map, '--clinical', clin, '--endpoints', 'orr', '--min-altered', '1', '-o', join(d, 'r.html')],
    ]) {
      const io = memoryIO()
      expect(await run(args, io), args[0]).toBe(0)
      expect(io.err, args[0]).toContain(w)
    }
    expect(readFileSync(join(d, 'r.html'), 'utf8')).toContain('Warning: 2 clinical sample ID(s) differ from the calls&#39; only in case')
    const io = memoryIO()
    expect(await run(['scan', c, ...map, '--clinical', clin, '--endpoint', 'orr', '--format', 'json'], io)).toBe(0)
    expect((JSON.parse(io.out) as { clinical: { warnings: string[] } }).clinical.warnings).toEqual([w.slice('biomarkit: warning: '.length, -1)])
    const allLower = tmpFile('lower.tsv', ['sample\tBOR', ...pts.map((p) => `${p.toLowerCase()}\tPR`)].join('\n') + '\n')
    const e = memoryIO()
    expect(await run(['scan', c, ...map, '--clinical', allLower, '--endpoint', 'orr', '-o', join(d, 'none.tsv')], e)).toBe(1)
    expect(e.err).toContain('no sample in common between the calls and the clinical table\n  hint: 8 clinical sample ID(s) differ from the calls\' only in case')
    expect(existsSync(join(d, 'none.tsv'))).toBe(false)
  })

  it('a column the command does not use is not validated (response of Responder/NonResponder, scan of another column)', async () => {
    const c = callsFile()
    const clin = tmpFile('unused.tsv', ['sample\tresponse\trandom_binary', ...pts.map((p, i) => `${p}\t${i % 2 ? 'weird' : 'Responder'}\t${i % 3 ? 'a' : 'b'}`)].join('\n') + '\n')
    expect(await run(['scan', c, ...map, '--clinical', clin, '--endpoint', 'random_binary', '--min-altered', '1'], memoryIO())).toBe(0)
    const io = memoryIO()
    expect(await run(['scan', c, ...map, '--clinical', clin, '--endpoint', 'orr', '--min-altered', '1'], io)).toBe(1)
    expect(io.err.split('\n')[0]).toMatch(/unused\.tsv:3:2: response: unknown best-response value "weird"$/)
  })
})
