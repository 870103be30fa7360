#!/usr/bin/env node
// Writes the SYNTHETIC demo cohort (demo/README.md says what it is and is not) and asserts every
// published aggregate it was built to match; exits 1 if any target is missed.
//
//   node scripts/make-demo.mjs [outDir]     (default: demo/ next to this script's parent)
//
// Deterministic: seeded PRNG streams, no Math.random, no dates, so a rerun reproduces the committed
// files byte for byte (test/demo/generator.test.ts checks this).
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { designMembership, searchTimes } from './demo/cohort.mjs'
import { designAdverseEvents, designExtras } from './demo/extras.mjs'
import { designGenomes } from './demo/genomics.mjs'
import { mulberry32 } from './demo/random.mjs'
import { germlineVcf, somaticVcf } from './demo/vcf.mjs'
import { checkCohort } from './demo/checks.mjs'
import { panelJson } from './demo/panel.mjs'

/** One stream per design step, so changing one step does not reshuffle the others. */
const SEEDS = { membership: 0x5eed0001, times: 0x5eed0002, genomes: 0x5eed0003, vcf: 0x5eed0004, extras: 0x5eed0005 }
/** Genes with a copy-number row per sequenced sample in cna.tsv. */
const CN_GENES = ['CCNE1', 'ERBB2', 'FGFR1', 'MYC', 'PTEN']

const outDir = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'demo'))

const patients = designMembership(mulberry32(SEEDS.membership))
const residual = searchTimes(patients, mulberry32(SEEDS.times))
if (residual !== 0) {
  console.error(`make-demo: survival-time search stopped ${residual} tenths of a month away from the targets`)
  process.exit(1)
}
const genomes = designGenomes(mulberry32(SEEDS.genomes), patients)
const genomeById = new Map(genomes.map((g) => [g.id, g]))

const problems = checkCohort(patients, genomes)
if (problems.failures.length > 0) {
  for (const f of problems.failures) console.error(`make-demo: target missed: ${f}`)
  process.exit(1)
}

const extrasRng = mulberry32(SEEDS.extras)
const extras = designExtras(extrasRng, patients)
const adverseEvents = designAdverseEvents(extrasRng, patients)

/** @type {Map<string, string>} relative path -> content */
const files = new Map()
const yesNo = (/** @type {boolean} */ b) => (b ? 'yes' : 'no')
const months = (/** @type {number} */ tenths) => (tenths / 10).toFixed(1)
files.set('clinical.tsv', [
  ['patient_id', 'best_response', 'her2_ihc', 'brain_mets', 'prior_trop2_adc', 'line_of_therapy', 'pfs_months', 'pfs_event',
    'os_months', 'os_event', 'sequenced', 'age', 'specimen', 'hr_conversion', 'pdl1_cps', 'visceral_mets', 'liver_mets', 'lung_mets', 'bone_mets'].join('\t'),
  ...patients.map((p) => {
    const g = genomeById.get(p.id)
    const e = /** @type {import('./demo/extras.mjs').Extras} */ (extras.get(p.id))
    return [p.id, p.response, p.her2, yesNo(p.brain), yesNo(p.trop2), String(p.line), months(p.pfs), String(p.pfsEvent),
      months(p.os), String(p.osEvent), yesNo(g !== undefined), String(p.age), g ? g.specimen : 'NA',
      yesNo(e.hrConversion), e.pdl1Cps === undefined ? 'NA' : String(e.pdl1Cps), yesNo(e.visceral), yesNo(e.liver), yesNo(e.lung), yesNo(e.bone)].join('\t')
  }),
].join('\n') + '\n')

files.set('adverse_events.tsv', ['patient_id\tterm\tgrade', ...adverseEvents.map((a) => `${a.patient}\t${a.term}\t${a.grade}`)].join('\n') + '\n')

files.set('cna.tsv', [
  'sample\tgene\tcopy_number',
  ...genomes.flatMap((g) => CN_GENES.map((gene) => `${g.id}\t${gene}\t${g.copyNumber[gene] ?? 2}`)),
].join('\n') + '\n')

const vcfRng = mulberry32(SEEDS.vcf)
const manifest = ['sample\tfile\trole']
for (const g of genomes) {
  files.set(`vcf/${g.id}.somatic.vcf`, somaticVcf(g, vcfRng))
  manifest.push(`${g.id}\tvcf/${g.id}.somatic.vcf\tsomatic`)
  if (g.calls.some((c) => c.origin === 'germline')) {
    files.set(`vcf/${g.id}.germline.vcf`, germlineVcf(g, vcfRng))
    manifest.push(`${g.id}\tvcf/${g.id}.germline.vcf\tgermline`)
  }
}
// '*': the copy-number table holds every sequenced sample, named as in the sample column above.
manifest.push('*\tcna.tsv\tcna')
files.set('manifest.tsv', manifest.join('\n') + '\n')
files.set('panel.json', panelJson())

// Remove VCFs a previous run wrote (only names this script writes), so a smaller design leaves no strays.
const vcfDir = join(outDir, 'vcf')
mkdirSync(vcfDir, { recursive: true })
for (const f of readdirSync(vcfDir)) if (/^PT\d+\.(somatic|germline)\.vcf$/.test(f)) rmSync(join(vcfDir, f))
for (const [rel, text] of files) writeFileSync(join(outDir, rel), text)
for (const line of problems.summary) console.log(line)
console.log(`make-demo: wrote ${files.size} files to ${outDir}`)
