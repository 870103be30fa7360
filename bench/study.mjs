#!/usr/bin/env node
// The GENIE-sized study bench: a generated cBioPortal study folder (bench/study-generate.mjs:
// 200,000 samples of ~159,000 patients on three panels of 50/200/500 genes, 1.5M MAF rows,
// patient and sample clinical files) read as a folder by `summary` and `scan --endpoint os`
// (patient-level Cox per gene), beside data.table::fread of its MAF.
//   npm run build && node bench/study.mjs      (BENCH_STUDY_SAMPLES / BENCH_STUDY_ROWS for a smaller run)
// Prints a table and writes bench/out/study-results.json.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'
import { join } from 'node:path'

const SAMPLES = Number(process.env.BENCH_STUDY_SAMPLES ?? 200_000)
const ROWS = Number(process.env.BENCH_STUDY_ROWS ?? 1_500_000)
const DIR = join('bench', 'out', `genie-study-${SAMPLES}-${ROWS}`)
mkdirSync(DIR, { recursive: true })
if (!existsSync(join(DIR, 'meta_study.txt'))) execFileSync('node', ['bench/study-generate.mjs', '--out', DIR, '--samples', String(SAMPLES), '--rows', String(ROWS)], { stdio: 'inherit' })
const maf = join(DIR, 'data_mutations_extended.txt')

function measure(label, cmd, args, reps = 1) {
  let best
  for (let i = 0; i < reps; i++) {
    const r = spawnSync('/usr/bin/time', ['-f', '%e %U %M', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'ignore', 'pipe'] })
    const [wall, user, rssKb] = (r.stderr.trim().split('\n').pop() ?? '').split(' ').map(Number)
    if (r.status !== 0) return { label, error: `exit ${r.status}: ${r.stderr.slice(-500)}` }
    if (best === undefined || wall < best.wall) best = { label, wall, user, rssMb: rssKb / 1024 }
  }
  return best
}

const results = []
const show = (r, base) => {
  if (base?.wall && r.wall) r.ratio = +(r.wall / base.wall).toFixed(2)
  results.push(r)
  process.stdout.write(`${r.label.padEnd(52)} ${r.error ?? `${r.wall.toFixed(2).padStart(7)} s ${r.user.toFixed(2).padStart(7)} s user ${r.rssMb.toFixed(0).padStart(6)} MB ${r.ratio ? `${r.ratio}× fread` : ''}`}\n`)
}
process.stdout.write(`study ${DIR}: ${SAMPLES} samples, ${ROWS} MAF rows; ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, load average ${loadavg()[0].toFixed(1)}\n`)
const fread = measure('data.table::fread(MAF)', 'Rscript', ['-e', `invisible(data.table::fread("${maf}", skip = "Hugo_Symbol"))`])
show(fread)
show(measure('biomarkit summary <study> --json', 'node', ['dist/bin/biomarkit.js', 'summary', DIR, '--json', '-o', join('bench', 'out', 'study-summary.json')]), fread)
show(measure('biomarkit scan <study> --endpoint os', 'node', ['dist/bin/biomarkit.js', 'scan', DIR, '--endpoint', 'os', '-o', join('bench', 'out', 'study-scan.tsv')]), fread)
show(measure('biomarkit summary <MAF alone> --json (no study)', 'node', ['dist/bin/biomarkit.js', 'summary', maf, '--json', '-o', join('bench', 'out', 'study-maf-summary.json')]), fread)
writeFileSync(join('bench', 'out', 'study-results.json'), JSON.stringify({ samples: SAMPLES, rows: ROWS, loadAverage: loadavg()[0], results }, null, 1) + '\n')
