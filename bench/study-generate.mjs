#!/usr/bin/env node
// A deterministic GENIE-like cBioPortal study folder (seeded PRNG; same options → same bytes):
// three nested gene panels of different sizes, a sample → panel matrix, patients with one to
// three samples, a MAF, a DISCRETE_LONG copy-number file, patient and sample clinical files with
// OS_MONTHS / OS_STATUS, a cases_sequenced case list and the meta files naming them.
//   node bench/study-generate.mjs --out DIR [--samples 200000] [--rows 1500000] [--panels 50,200,500] [--seed 17]
// Used by `npm run bench` (bench/study.mjs) at GENIE size and by test/study/genie.test.ts small.
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { mulberry32 } from '../scripts/demo/random.mjs'

/** Write the study; returns { samples, patients, rows }. */
export async function writeGenieStudy(out, opts = {}) {
  const SAMPLES = opts.samples ?? 200_000
  const ROWS = opts.rows ?? 1_500_000
  const SIZES = opts.panels ?? [50, 200, 500]
  const CNA_ROWS = opts.cnaRows ?? Math.min(20_000, Math.round(SAMPLES / 10))
  const rand = mulberry32(opts.seed ?? 17)
  mkdirSync(join(out, 'case_lists'), { recursive: true })
  // Genes: TP53, KRAS, NRAS, BRAF, PIK3CA, PTEN first (on every panel), then synthetic ones.
  const head = ['TP53', 'KRAS', 'PIK3CA', 'PTEN', 'EGFR', 'NRAS', 'BRAF', 'ERBB2', 'CDKN2A', 'ARID1A']
  const genes = [...head]
  for (let i = 1; genes.length < Math.max(...SIZES); i++) genes.push(`GENE${String(i).padStart(4, '0')}`)
  const panelIds = SIZES.map((n) => `PANEL${n}`)
  // Nested panels (as MSK-IMPACT 341 ⊂ 410 ⊂ 468); the smallest lacks NRAS and BRAF so the RAS
  // pathway is partly covered on it.
  const panelGenes = SIZES.map((n, i) => (i === 0 ? genes.filter((g) => g !== 'NRAS' && g !== 'BRAF').slice(0, n) : genes.slice(0, n)))
  panelIds.forEach((id, i) => {
    writeFileSync(join(out, `data_gene_panel_${id.toLowerCase()}.txt`), `stable_id: ${id}\ndescription: synthetic ${SIZES[i]}-gene panel\ngene_list: ${panelGenes[i].join('\t')}\n`)
  })
  // Patients: ~1.3 samples each (one in five has two or three).
  const sampleIds = []
  const patientOf = []
  const panelOf = []
  let p = 0
  while (sampleIds.length < SAMPLES) {
    const pid = `GENIE-P${String(++p).padStart(7, '0')}`
    const k = rand() < 0.2 ? (rand() < 0.7 ? 2 : 3) : 1
    for (let j = 1; j <= k && sampleIds.length < SAMPLES; j++) {
      sampleIds.push(`${pid}-S${j}`)
      patientOf.push(pid)
      const x = rand()
      panelOf.push(x < 0.3 ? 0 : x < 0.7 ? 1 : 2)
    }
  }
  const patients = p
  // Per patient: TP53 status drives survival (exponential hazard ×2 when any sample has it).
  const tp53 = new Uint8Array(patients + 1)
  // Mutations: every sample gets at least one row; genes from the sample's own panel.
  const classes = ['Missense_Mutation', 'Missense_Mutation', 'Missense_Mutation', 'Nonsense_Mutation', 'Frame_Shift_Del', 'Silent']
  const bases = ['A', 'C', 'G', 'T']
  const maf = createWriteStream(join(out, 'data_mutations_extended.txt'))
  const write = (s) => (maf.write(s) ? undefined : new Promise((r) => maf.once('drain', r)))
  await write('#version 2.4\nHugo_Symbol\tEntrez_Gene_Id\tCenter\tNCBI_Build\tChromosome\tStart_Position\tEnd_Position\tStrand\tVariant_Classification\tVariant_Type\tReference_Allele\tTumor_Seq_Allele1\tTumor_Seq_Allele2\tTumor_Sample_Barcode\tHGVSp_Short\tt_ref_count\tt_alt_count\n')
  let buf = ''
  for (let r = 0; r < ROWS; r++) {
    const s = r < SAMPLES ? r : Math.floor(rand() * SAMPLES)
    const pg = panelGenes[panelOf[s]]
    // TP53 in ~25% of first rows, else Zipf-like over the panel.
    const g = r < SAMPLES && rand() < 0.25 ? 'TP53' : pg[Math.min(pg.length - 1, Math.floor(Math.pow(rand(), 2.2) * pg.length))]
    const cls = classes[Math.floor(rand() * classes.length)]
    if (g === 'TP53' && cls !== 'Silent') tp53[Number(patientOf[s].slice(7))] = 1
    const pos = 1_000_000 + genes.indexOf(g) * 10_000 + r
    const ref = bases[r & 3]
    const alt = bases[(r + 1) & 3]
    const del = cls === 'Frame_Shift_Del'
    buf += `${g}\t0\tsynthetic\tGRCh37\t1\t${pos}\t${pos}\t+\t${cls}\t${del ? 'DEL' : 'SNP'}\t${ref}\t${ref}\t${del ? '-' : alt}\t${sampleIds[s]}\tp.X${(r % 900) + 1}Y\t${20 + (r % 50)}\t${5 + (r % 30)}\n`
    if (buf.length > 1 << 20) {
      await write(buf)
      buf = ''
    }
  }
  await write(buf)
  await new Promise((r) => maf.end(r))
  // Copy number (DISCRETE_LONG): amplifications and deep deletions on panel genes.
  const cna = ['Hugo_Symbol\tEntrez_Gene_Id\tSample_Id\tValue']
  for (let r = 0; r < CNA_ROWS; r++) {
    const s = Math.floor(rand() * SAMPLES)
    const pg = panelGenes[panelOf[s]]
    cna.push(`${pg[Math.floor(rand() * Math.min(40, pg.length))]}\t0\t${sampleIds[s]}\t${[2, -2, 1, -1, 0][Math.floor(rand() * 5)]}`)
  }
  writeFileSync(join(out, 'data_cna.txt'), cna.join('\n') + '\n')
  // Clinical: patient file (OS) and sample file (PATIENT_ID, SAMPLE_TYPE).
  const pat = ['#Patient Identifier\tOverall Survival (Months)\tOverall Survival Status', '#Patient\tOS\tStatus', '#STRING\tNUMBER\tSTRING', '#1\t1\t1', 'PATIENT_ID\tOS_MONTHS\tOS_STATUS']
  for (let i = 1; i <= patients; i++) {
    const rate = tp53[i] ? 0.06 : 0.03
    const t = -Math.log(1 - rand()) / rate
    const c = 6 + rand() * 60
    pat.push(`GENIE-P${String(i).padStart(7, '0')}\t${Math.min(t, c).toFixed(2)}\t${t <= c ? '1:DECEASED' : '0:LIVING'}`)
  }
  writeFileSync(join(out, 'data_clinical_patient.txt'), pat.join('\n') + '\n')
  const smp = ['#Patient Identifier\tSample Identifier\tSample Type', '#Patient\tSample\tType', '#STRING\tSTRING\tSTRING', '#1\t1\t1', 'PATIENT_ID\tSAMPLE_ID\tSAMPLE_TYPE']
  sampleIds.forEach((s, i) => smp.push(`${patientOf[i]}\t${s}\t${s.endsWith('S1') ? 'Primary' : 'Metastasis'}`))
  writeFileSync(join(out, 'data_clinical_sample.txt'), smp.join('\n') + '\n')
  writeFileSync(join(out, 'data_gene_matrix.txt'), ['SAMPLE_ID\tmutations\tcna', ...sampleIds.map((s, i) => `${s}\t${panelIds[panelOf[i]]}\t${panelIds[panelOf[i]]}`)].join('\n') + '\n')
  writeFileSync(join(out, 'case_lists', 'cases_sequenced.txt'), `cancer_study_identifier: genie_like\nstable_id: genie_like_sequenced\ncase_list_name: Sequenced\ncase_list_description: all samples\ncase_list_ids: ${sampleIds.join('\t')}\n`)
  const meta = (name, lines) => writeFileSync(join(out, name), ['cancer_study_identifier: genie_like', ...lines].join('\n') + '\n')
  meta('meta_study.txt', ['type_of_cancer: mixed', 'name: GENIE-like synthetic study', 'description: generated by bench/study-generate.mjs', 'short_name: genie_like'].map((l) => l))
  meta('meta_mutations_extended.txt', ['genetic_alteration_type: MUTATION_EXTENDED', 'datatype: MAF', 'stable_id: mutations', 'show_profile_in_analysis_tab: true', 'profile_name: Mutations', 'profile_description: synthetic', 'data_filename: data_mutations_extended.txt'])
  meta('meta_CNA.txt', ['genetic_alteration_type: COPY_NUMBER_ALTERATION', 'datatype: DISCRETE_LONG', 'stable_id: cna', 'show_profile_in_analysis_tab: true', 'profile_name: CNA', 'profile_description: synthetic', 'data_filename: data_cna.txt'])
  meta('meta_gene_matrix.txt', ['genetic_alteration_type: GENE_PANEL_MATRIX', 'datatype: GENE_PANEL_MATRIX', 'data_filename: data_gene_matrix.txt'])
  meta('meta_clinical_patient.txt', ['genetic_alteration_type: CLINICAL', 'datatype: PATIENT_ATTRIBUTES', 'data_filename: data_clinical_patient.txt'])
  meta('meta_clinical_sample.txt', ['genetic_alteration_type: CLINICAL', 'datatype: SAMPLE_ATTRIBUTES', 'data_filename: data_clinical_sample.txt'])
  return { samples: SAMPLES, patients, rows: ROWS }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []))
  const r = await writeGenieStudy(args.out ?? 'bench/out/genie-study', {
    samples: args.samples ? Number(args.samples) : undefined,
    rows: args.rows ? Number(args.rows) : undefined,
    panels: args.panels ? args.panels.split(',').map(Number) : undefined,
    seed: args.seed ? Number(args.seed) : undefined,
  })
  process.stdout.write(`${r.samples} samples of ${r.patients} patients, ${r.rows} mutation rows\n`)
}
