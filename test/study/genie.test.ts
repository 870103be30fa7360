import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { memoryIO } from '../../cli/context.js'
import { run } from '../../cli/main.js'
import { writeGenieStudy } from '../../bench/study-generate.mjs'
import { FIXTURES, tmpDir } from '../helpers.js'

// A generated GENIE-like study (bench/study-generate.mjs --samples 240 --rows 900, committed so
// the R reference below reads the same files): three nested panels (PANEL50 lacks NRAS and BRAF),
// 240 samples of 193 patients, OS in the patient file as 1:DECEASED / 0:LIVING.
const STUDY = join(FIXTURES, 'study', 'genie-like')
const R = JSON.parse(readFileSync(join(FIXTURES, 'study', 'genie-like-cox.json'), 'utf8')) as Record<string, { patients: number; altered: number; alteredSamples: number; hr: number; hrLower: number; hrUpper: number; waldP: number; logrankChisq: number }>

interface Feature { id: string; type: string; altered: number; assayed: number; notAssayed: number }
interface SurvivalRow { feature: string; nAltered: number; nWildType: number; hr: number; hrLower: number; hrUpper: number; coxP: number; logrankChisq: number }

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIO()
  const code = await run(args, io)
  return { code, out: io.out, err: io.err }
}

const panelOf = new Map(
  readFileSync(join(STUDY, 'data_gene_matrix.txt'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split('\t') as [string, string]),
)
const count = (id: string) => [...panelOf.values()].filter((p) => p === id).length

describe('a GENIE-like study folder (three panels, patients with several samples)', () => {
  let summary: { samples: number; level: string; features: Feature[]; notes: { warnings: string[] } }
  beforeAll(async () => {
    const r = await cli(['summary', STUDY, '--json'])
    expect(r.code).toBe(0)
    summary = JSON.parse(r.out) as typeof summary
  })
  const feature = (id: string) => summary.features.find((f) => f.id === id) as Feature

  it('is recognised by its meta files and needs no other option; counts stay per sample and say so', () => {
    expect(summary.samples).toBe(240)
    expect(summary.level).toBe('counts are per sample: 240 samples of 193 patients; scan tests patient endpoints per patient')
  })

  it('n/N per gene follows the panel matrix: NRAS and BRAF are not assayed on PANEL50', () => {
    expect(feature('TP53')).toMatchObject({ assayed: 240, notAssayed: 0, altered: R.TP53?.alteredSamples })
    expect(feature('NRAS')).toMatchObject({ assayed: 240 - count('PANEL50'), notAssayed: count('PANEL50') })
    expect(count('PANEL50')).toBeGreaterThan(50)
  })

  it('the RAS pathway on PANEL50 is judged on the members that panel covers, and the notes say which', () => {
    const w = summary.notes.warnings.join('\n')
    expect(w).toMatch(/pathway RTK-RAS \(85 members; --pathway-coverage any\): on mutations=PANEL50;cna=PANEL50;sv=NA \(\d+ sample\(s\)\) judged on EGFR, ERBB2, KRAS;/)
    expect(w).toContain(`mutations panels: ${count('PANEL50')} PANEL50 from panel matrix (mutations); ${count('PANEL200')} PANEL200 from panel matrix (mutations); ${count('PANEL500')} PANEL500 from panel matrix (mutations)`)
    expect(feature('RTK-RAS')).toMatchObject({ assayed: 240, notAssayed: 0 })
  })

  it('scan --endpoint os: OS from the patient file, per patient (a patient with two altered samples counts once), Cox HR as R', async () => {
    const r = await cli(['scan', STUDY, '--endpoint', 'os', '--genes', 'TP53,KRAS', '--format', 'json'])
    expect(r.code).toBe(0)
    const j = JSON.parse(r.out) as { survivalEndpoints: { tested: number; level: string[]; timeColumn: string; eventColumn: string; rows: SurvivalRow[] }[] }
    const ep = j.survivalEndpoints[0]
    expect(ep?.timeColumn).toBe('OS_MONTHS')
    expect(ep?.eventColumn).toBe('OS_STATUS')
    expect(ep?.tested).toBe(193)
    expect(ep?.level.join('\n')).toMatch(/^os = OS_MONTHS \(months, as the column name says\)[^]*patient-level \(--per-patient any: altered if any of its samples is; samples joined to patients by .*data_clinical_sample\.txt PATIENT_ID\): 193 patients; 35 with several sequenced samples \(82 samples\)$/)
    for (const g of ['TP53', 'KRAS'] as const) {
      const row = ep?.rows.find((x) => x.feature === g) as SurvivalRow
      const ref = R[g] as NonNullable<(typeof R)[string]>
      expect(row.nAltered).toBe(ref.altered)
      expect(row.nAltered + row.nWildType).toBe(ref.patients)
      // 1e-9 relative: the same Efron partial likelihood, summed in coxph's order (R prints 17 digits).
      for (const [ours, theirs] of [[row.hr, ref.hr], [row.hrLower, ref.hrLower], [row.hrUpper, ref.hrUpper], [row.coxP, ref.waldP], [row.logrankChisq, ref.logrankChisq]] as const) {
        expect(Math.abs(ours - theirs) / Math.abs(theirs), `${g}: ${ours} vs R ${theirs}`).toBeLessThan(1e-9)
      }
    }
    // TP53: 99 altered samples but 89 altered patients.
    expect(R.TP53?.alteredSamples).toBeGreaterThan(R.TP53?.altered ?? 0)
  })

  it('--per-patient error refuses a patient with several samples; first takes each patient\'s first sample', async () => {
    const e = await cli(['scan', STUDY, '--endpoint', 'os', '--genes', 'TP53', '--per-patient', 'error'])
    expect(e.code).toBe(1)
    expect(e.err).toMatch(/patient "GENIE-P\d+" has \d sequenced samples \(.*\); --per-patient error refuses that/)
    const f = await cli(['scan', STUDY, '--endpoint', 'os', '--genes', 'TP53', '--per-patient', 'first', '--format', 'json'])
    expect(f.code).toBe(0)
    const row = (JSON.parse(f.out) as { survivalEndpoints: { rows: SurvivalRow[] }[] }).survivalEndpoints[0]?.rows[0] as SurvivalRow
    expect(row.nAltered + row.nWildType).toBe(193)
    expect(row.nAltered).toBeLessThan(R.TP53?.altered ?? 0)
  })

  it('explicit options override the folder: --clinical with a sample-level table is tested per sample', async () => {
    const r = await cli(['scan', STUDY, '--clinical', join(STUDY, 'data_clinical_sample.txt'), '--endpoint', 'SAMPLE_TYPE', '--genes', 'TP53', '--min-altered', '1'])
    expect(r.code).toBe(0)
    expect(r.err).toMatch(/SAMPLE_TYPE: 240 sequenced samples tested/)
  })

  it('the generator is deterministic and writes what the fixture holds', async () => {
    const d = tmpDir()
    await writeGenieStudy(d, { samples: 240, rows: 900 })
    for (const f of ['data_mutations_extended.txt', 'data_gene_matrix.txt', 'data_clinical_patient.txt', 'data_cna.txt']) {
      expect(readFileSync(join(d, f), 'utf8'), f).toBe(readFileSync(join(STUDY, f), 'utf8'))
    }
  })
})

describe('--patient-column on one sample-level table', () => {
  it('tests per patient and refuses a column the patient\'s samples disagree on', async () => {
    const d = tmpDir()
    const { writeFileSync } = await import('node:fs')
    const maf = join(d, 'calls.maf')
    writeFileSync(
      maf,
      [
        'Hugo_Symbol\tChromosome\tStart_Position\tEnd_Position\tReference_Allele\tTumor_Seq_Allele2\tVariant_Classification\tVariant_Type\tTumor_Sample_Barcode',
        'TP53\t17\t100\t100\tC\tT\tMissense_Mutation\tSNP\tA-1',
        'TP53\t17\t200\t200\tC\tT\tMissense_Mutation\tSNP\tA-2',
        'TP53\t17\t300\t300\tC\tT\tMissense_Mutation\tSNP\tB-1',
        'KRAS\t12\t300\t300\tC\tT\tMissense_Mutation\tSNP\tC-1',
      ].join('\n') + '\n',
    )
    const clin = join(d, 'clin.tsv')
    writeFileSync(clin, ['sample\tpatient\tresp\tsite', 'A-1\tA\tyes\tliver', 'A-2\tA\tyes\tlung', 'B-1\tB\tno\tliver', 'C-1\tC\tno\tlung', 'D-1\tD\tyes\tlung'].join('\n') + '\n')
    const samples = join(d, 'samples.txt')
    writeFileSync(samples, 'A-1\nA-2\nB-1\nC-1\nD-1\n')
    const r = await cli(['scan', maf, '--samples', samples, '--clinical', clin, '--patient-column', 'patient', '--endpoint', 'resp', '--genes', 'TP53', '--format', 'json'])
    expect(r.code, r.err).toBe(0)
    const g = (JSON.parse(r.out) as { groupEndpoints: { tested: number; rows: { altered: number; assayed: number; a: number; b: number }[] }[] }).groupEndpoints[0]
    expect(g?.tested).toBe(4) // patients A, B, C, D
    expect(g?.rows[0]).toMatchObject({ altered: 2, assayed: 4, a: 1, b: 1 }) // A's two altered samples count once
    const bad = await cli(['scan', maf, '--clinical', clin, '--patient-column', 'patient', '--endpoint', 'site', '--genes', 'TP53'])
    expect(bad.code).toBe(1)
    expect(bad.err).toContain(`${clin}:3: site: patient "A"'s samples disagree (lines 2 and 3), so it is not a patient attribute and cannot be tested per patient`)
  })
})
