#!/usr/bin/env node
// Golden outputs: run summary / scan / interactions / oncoplot / report / demo / lollipop on four cohorts
// (the deterministic bench cohort at a small scale, tcga_laml and study_es_0 from ../shared, the demo) and write
// every output file plus each command's stdout and stderr into one folder. Run it before and after
// a refactoring and compare the folders byte for byte (`diff -r`): a pure restructuring changes nothing.
//   node scripts/golden-outputs.mjs OUT_DIR [--no-build] [--rows 350000] [--samples 3000] [--vcf-records 200000]
// The bench MAF is generated above the 32 MB parallel-read threshold so the thread path runs too;
// each bench summary/scan also runs with BIOMARKIT_THREADS=1 and with --low-memory.
// Bench inputs are generated under bench/out/golden-* (git-ignored) and named by relative paths, so
// the outputs (which print input paths) do not depend on OUT_DIR or the worktree. tcga_laml is skipped, with a note in
// OUT_DIR/SKIPPED, when ../shared/data/maftools is absent.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const argv = process.argv.slice(2)
const flag = (name, dflt) => {
  const i = argv.indexOf(`--${name}`)
  return i >= 0 ? argv[i + 1] : dflt
}
const outArg = argv.find((a, i) => !a.startsWith('--') && (i === 0 || !['--rows', '--samples', '--vcf-records'].includes(argv[i - 1])))
if (!outArg) {
  process.stderr.write('usage: node scripts/golden-outputs.mjs OUT_DIR [--no-build] [--rows N] [--samples N] [--vcf-records N]\n')
  process.exit(1)
}
const OUT = resolve(outArg)
const ROWS = flag('rows', '350000')
const SAMPLES = flag('samples', '3000')
const VCF = flag('vcf-records', '200000')

if (!argv.includes('--no-build')) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' })

// Keep generated inputs between runs (same parameters → same bytes); clear every output.
rmSync(OUT, { recursive: true, force: true })
mkdirSync(OUT, { recursive: true })
const bench = `bench/out/golden-${ROWS}-${SAMPLES}-${VCF}`
if (!existsSync(join(root, bench, '.done'))) {
  execFileSync('node', ['bench/generate.mjs', '--rows', ROWS, '--samples', SAMPLES, '--vcf-records', VCF, '--out', bench], { cwd: root, stdio: 'inherit' })
  writeFileSync(join(root, bench, '.done'), '')
}

const cli = join(root, 'dist/bin/biomarkit.js')
const skipped = []
/** Run one command from the repository root; keep its exit code, stdout and stderr under `name`. */
function run(name, args, env = {}) {
  const r = spawnSync('node', [cli, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, ...env } })
  // Paths under OUT differ between runs: print them relative to it.
  const rel = (s) => (s ?? '').split(OUT).join('<OUT>')
  writeFileSync(join(OUT, `${name}.stdout`), rel(r.stdout))
  writeFileSync(join(OUT, `${name}.stderr`), rel(r.stderr))
  writeFileSync(join(OUT, `${name}.exit`), `${r.status}\n`)
  process.stdout.write(`${name.padEnd(40)} exit ${r.status}\n`)
}
const o = (f) => join(OUT, f)

// Bench cohort.
const bm = join(bench, 'cohort.maf')
const bv = join(bench, 'cohort.vcf')
const bc = join(bench, 'clinical.tsv')
for (const [tag, env, extra] of [['', {}, []], ['.t1', { BIOMARKIT_THREADS: '1' }, []], ['.lowmem', {}, ['--low-memory']]]) {
  run(`bench-maf-summary${tag}`, ['summary', bm, '--json', '-o', o(`bench-maf-summary${tag}.json`), ...extra], env)
  run(`bench-vcf-summary${tag}`, ['summary', bv, '--json', '-o', o(`bench-vcf-summary${tag}.json`), ...extra], env)
  run(`bench-scan-orr${tag}`, ['scan', bm, '--clinical', bc, '--endpoint', 'orr', '-o', o(`bench-scan-orr${tag}.tsv`), ...extra], env)
}
run('bench-maf-summary-text', ['summary', bm, '--top', '10'])
run('bench-scan-pfs', ['scan', bm, '--clinical', bc, '--endpoint', 'pfs', '--format', 'json', '-o', o('bench-scan-pfs.json')])
run('bench-interactions', ['interactions', bm, '--top', '25', '-o', o('bench-interactions.tsv')])
run('bench-oncoplot', ['oncoplot', bm, '--top', '30', '--matrix-out', o('bench-oncoplot-matrix.tsv'), '-o', o('bench-oncoplot.svg')])
run('bench-report', ['report', bm, '--clinical', bc, '--endpoints', 'orr,pfs', '--top', '5', '-o', o('bench-report.html')])

// tcga_laml (maftools' example, from ../shared).
const mt = '../shared/data/maftools'
if (existsSync(join(root, mt, 'tcga_laml.maf.gz'))) {
  const laml = join(mt, 'tcga_laml.maf.gz')
  const annot = join(mt, 'tcga_laml_annot.tsv')
  run('laml-summary', ['summary', laml, '--top', '20'])
  run('laml-summary-json', ['summary', laml, '--json', '-o', o('laml-summary.json')])
  run('laml-scan-fab', ['scan', laml, '--clinical', annot, '--endpoint', 'FAB_classification', '--format', 'json', '-o', o('laml-scan-fab.json')])
  run('laml-scan-os', ['scan', laml, '--clinical', annot, '--endpoint', 'days_to_last_followup~Overall_Survival_Status', '-o', o('laml-scan-os.tsv')])
  run('laml-interactions', ['interactions', laml, '--top', '25', '-o', o('laml-interactions.tsv')])
  run('laml-oncoplot', ['oncoplot', laml, '--clinical', annot, '--tracks', 'FAB_classification', '--top', '20', '--matrix-out', o('laml-oncoplot-matrix.tsv'), '-o', o('laml-oncoplot.svg')])
  run('laml-report', ['report', laml, '--clinical', annot, '--endpoints', 'FAB_classification', '-o', o('laml-report.html')])
  run('laml-lollipop', ['lollipop', 'DNMT3A', laml, '-o', o('laml-lollipop.svg')])
} else skipped.push(`tcga_laml: ${mt} absent`)

// A cBioPortal study folder (its own clinical files, panels and case lists).
const es0 = '../shared/data/cbioportal-core/study_es_0'
if (existsSync(join(root, es0, 'meta_study.txt'))) {
  run('es0-summary', ['summary', es0, '--json', '-o', o('es0-summary.json')])
  run('es0-scan-os', ['scan', es0, '--endpoint', 'os', '-o', o('es0-scan-os.tsv')])
} else skipped.push(`study_es_0: ${es0} absent`)

// The demo (the whole pipeline) and its pieces.
const demoArgs = ['--manifest', 'demo/manifest.tsv', '--panel', 'demo/panel.json', '--rules', 'tdxd-her2low']
run('demo', ['demo', '--out', o('demo')])
run('demo-summary', ['summary', ...demoArgs, '--json', '-o', o('demo-summary.json')])
run('demo-scan', ['scan', ...demoArgs, '--clinical', 'demo/clinical.tsv', '--endpoint', 'orr,pfs', '--features', 'rules', '-o', o('demo-scan.tsv')])
run('demo-interactions', ['interactions', ...demoArgs, '--top', '10', '-o', o('demo-interactions.tsv')])
run('demo-oncoplot', ['oncoplot', ...demoArgs, '--clinical', 'demo/clinical.tsv', '--tracks', 'best_response,pfs_months,pfs_event', '--show', 'rules', '-o', o('demo-oncoplot.svg')])
run('demo-report', ['report', ...demoArgs, '--clinical', 'demo/clinical.tsv', '--endpoints', 'orr,dcr,pfs', '-o', o('demo-report.html')])
run('demo-convert', ['convert', 'demo/vcf/PT41.somatic.vcf', '--to', 'maf'])

// Paths of the worktree and of OUT appear in reports and provenance: replace them, so that two
// worktrees' outputs compare byte for byte.
const walk = (d) => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]))
for (const f of walk(OUT)) {
  const text = readFileSync(f, 'latin1')
  const out = text.split(OUT).join('<OUT>').split(root + '/').join('')
  if (out !== text) writeFileSync(f, out, 'latin1')
}
if (skipped.length) writeFileSync(join(OUT, 'SKIPPED'), skipped.join('\n') + '\n')
process.stdout.write(`written ${OUT}\n`)
