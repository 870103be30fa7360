import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { memoryIO } from '../../cli/context.js'
import { run } from '../../cli/main.js'
import { hasShared, shared, tmpDir } from '../helpers.js'

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIO()
  const code = await run(args, io)
  return { code, out: io.out, err: io.err }
}

interface Summary { samples: number; features: { id: string; type: string; altered: number; assayed: number; notAssayed: number }[]; notes: { refused: Record<string, number>; aliases: { from: string; to: string; where: string }[]; warnings: string[] } }
const gene = (j: Summary, id: string) => j.features.find((f) => f.type === 'gene' && f.id === id)

const MAF_HEADER = 'Hugo_Symbol\tChromosome\tStart_Position\tEnd_Position\tReference_Allele\tTumor_Seq_Allele2\tVariant_Classification\tVariant_Type\tTumor_Sample_Barcode'
const mafRow = (g: string, s: string, pos: number) => `${g}\t1\t${pos}\t${pos}\tC\tT\tMissense_Mutation\tSNP\t${s}`

describe('panel files plus a sample → panel matrix (cBioPortal semantics for explicit options)', () => {
  it('a sample in the matrix is sequenced even with no call: TP53 3/10, not 3/8', async () => {
    const d = tmpDir()
    writeFileSync(join(d, 'panel_a.txt'), 'stable_id: PANEL_A\ndescription: a\ngene_list: TP53\tKRAS\n')
    writeFileSync(join(d, 'panel_b.txt'), 'stable_id: PANEL_B\ndescription: b\ngene_list: TP53\tEGFR\n')
    const samples = Array.from({ length: 10 }, (_, i) => `S${i}`)
    writeFileSync(join(d, 'matrix.txt'), ['SAMPLE_ID\tmutations', ...samples.map((s, i) => `${s}\t${i < 5 ? 'PANEL_A' : 'PANEL_B'}`)].join('\n') + '\n')
    // Calls for 8 of the 10 samples (S8, S9 have none); TP53 in 3.
    const rows = [mafRow('TP53', 'S0', 10), mafRow('TP53', 'S5', 11), mafRow('TP53', 'S6', 12), ...['S1', 'S2', 'S3', 'S4', 'S7'].map((s, i) => mafRow(s < 'S5' ? 'KRAS' : 'EGFR', s, 20 + i))]
    writeFileSync(join(d, 'calls.maf'), [MAF_HEADER, ...rows].join('\n') + '\n')
    const r = await cli(['summary', join(d, 'calls.maf'), '--panel', join(d, 'panel_a.txt'), '--panel', join(d, 'panel_b.txt'), '--sample-panels', join(d, 'matrix.txt'), '--json'])
    expect(r.code, r.err).toBe(0)
    const j = JSON.parse(r.out) as Summary
    expect(j.samples).toBe(10)
    expect(gene(j, 'TP53')).toMatchObject({ altered: 3, assayed: 10 })
    expect(gene(j, 'KRAS')).toMatchObject({ altered: 4, assayed: 5, notAssayed: 5 })
    expect(j.notes.warnings).toContain('mutations panels: 5 PANEL_A from panel matrix (mutations); 5 PANEL_B from panel matrix (mutations)')
  })

  it('a sample with calls but not in the matrix is whole-exome (cBioPortal), and the notes count it', async () => {
    const d = tmpDir()
    writeFileSync(join(d, 'panel_a.txt'), 'stable_id: PANEL_A\ndescription: a\ngene_list: TP53\n')
    writeFileSync(join(d, 'matrix.txt'), 'SAMPLE_ID\tmutations\nS0\tPANEL_A\nS1\tNA\n')
    writeFileSync(join(d, 'calls.maf'), [MAF_HEADER, mafRow('KRAS', 'S0', 1), mafRow('KRAS', 'S1', 2), mafRow('KRAS', 'X9', 3)].join('\n') + '\n')
    const r = await cli(['summary', join(d, 'calls.maf'), '--panel', join(d, 'panel_a.txt'), '--sample-panels', join(d, 'matrix.txt'), '--json'])
    expect(r.code, r.err).toBe(0)
    const j = JSON.parse(r.out) as Summary
    // S0: KRAS not on PANEL_A; S1: NA = not profiled; X9: not in the matrix → whole-exome.
    expect(gene(j, 'KRAS')).toMatchObject({ altered: 1, assayed: 1, notAssayed: 2 })
    expect(j.notes.warnings).toContain('mutations panels: 1 PANEL_A from panel matrix (mutations); 1 not profiled: NA in the panel matrix (mutations); 1 whole-exome (not in the panel matrix, no panel named)')
    expect(j.notes.refused).toEqual({ 'gene not on panel': 2 }) // S0's KRAS; S1 has no panel at all
  })

  it('panel symbols go through the alias table: MRE11A/WHSC1 on the panel meet MRE11/NSD2 in the data', async () => {
    const d = tmpDir()
    writeFileSync(join(d, 'panel.txt'), 'stable_id: OLDPANEL\ndescription: old symbols\ngene_list: MRE11A\tWHSC1\tTP53\n')
    writeFileSync(join(d, 'calls.maf'), [MAF_HEADER, mafRow('MRE11A', 'S0', 1), mafRow('NSD2', 'S1', 2), mafRow('TP53', 'S2', 3)].join('\n') + '\n')
    const r = await cli(['summary', join(d, 'calls.maf'), '--panel', join(d, 'panel.txt'), '--json'])
    expect(r.code, r.err).toBe(0)
    const j = JSON.parse(r.out) as Summary
    expect(j.notes.refused).toEqual({})
    expect(gene(j, 'MRE11')).toMatchObject({ altered: 1, assayed: 3 })
    expect(gene(j, 'NSD2')).toMatchObject({ altered: 1, assayed: 3 })
    expect(j.notes.aliases).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ from: 'MRE11A', to: 'MRE11', where: 'OLDPANEL' }),
        expect.objectContaining({ from: 'WHSC1', to: 'NSD2', where: 'OLDPANEL' }),
        expect.objectContaining({ from: 'MRE11A', to: 'MRE11', where: 'data' }),
      ]),
    )
  })
})

const ES0 = 'cbioportal-core/study_es_0'
describe.skipIf(!hasShared(ES0))(`cBioPortal's study_es_0 as published (../shared/data/${ES0}; skipped when absent)`, () => {
  const S = shared(ES0)

  it('summary reads the folder through its meta files and lists the files it does not use, once', async () => {
    const r = await cli(['summary', S, '--json'])
    expect(r.code, r.err).toBe(0)
    expect(r.err.match(/not used:/g)).toHaveLength(1)
    expect(r.err).toContain('not used: data_cna_hg19.seg (no meta file names it); data_cna_log2.txt (no meta file names it); data_gistic_genes_amp.txt (no meta file names it); data_mutational_signature.txt (no meta file names it)')
    const j = JSON.parse(r.out) as Summary
    expect(j.samples).toBe(799)
    const w = j.notes.warnings.join('\n')
    // The 30 samples of cases_sequenced: matrix entry, else whole-exome (the meta names no gene_panel); NA = not profiled.
    expect(w).toContain('mutations panels: 9 TESTPANEL1 from panel matrix (mutations); 3 TESTPANEL2 from panel matrix (mutations); 766 not profiled (not in case list study_es_0_sequenced); 14 whole-exome (in case list study_es_0_sequenced, no panel named); 7 not profiled: NA in the panel matrix (mutations)')
    // The SV meta names gene_panel TESTPANEL1 and the matrix has no structural_variants column.
    expect(w).toContain('structural variants panels: 36 TESTPANEL1 from meta gene_panel (in the data file); 763 not profiled (not in the data file)')
    expect(gene(j, 'BRCA2')).toMatchObject({ altered: 12, assayed: 793, notAssayed: 6 })
  })

  it('scan --endpoint os needs no --clinical: OS_MONTHS/OS_STATUS from the patient file, per patient', async () => {
    const r = await cli(['scan', S, '--endpoint', 'os', '--genes', 'BRCA2'])
    expect(r.code, r.err).toBe(0)
    expect(r.err).toContain('OS_MONTHS~OS_STATUS: 764 patients tested')
    expect(r.err).toMatch(/OS_MONTHS~OS_STATUS: patient-level \(--per-patient any: altered if any of its samples is; samples joined to patients by .*data_clinical_samples\.txt PATIENT_ID\): 796 patients; 2 with several sequenced samples \(5 samples\)/)
  })

  it('oncoplot and report run on the folder', async () => {
    const d = tmpDir()
    expect((await cli(['oncoplot', S, '-o', join(d, 'o.svg')])).code).toBe(0)
    const rep = await cli(['report', S, '--endpoints', 'os', '-o', join(d, 'r.html')])
    expect(rep.code, rep.err).toBe(0)
  })
})
