#!/usr/bin/env node
// The GENIE-sized study bench: a generated cBioPortal study folder (bench/study-generate.mjs:
// 200,000 samples of ~159,000 patients on three panels of 50/200/500 genes, 1.5M MAF rows,
// patient and sample clinical files) read as a folder by `summary` and `scan --endpoint os`
// (patient-level Cox per gene), beside data.table::fread of its MAF.
//   npm run build && node bench/study.mjs      (BENCH_STUDY_SAMPLES / BENCH_STUDY_ROWS for a smaller run,
//   BENCH_STUDY_ROUNDS for the number of interleaved rounds, default 3; BENCH_STUDY_COMPARE, below)
// `summary --json` lists every one of the 200,000 samples (a 50 MB document); the text table is
// what `summary <study>` prints by default. Prints every run and the medians, and writes bench/out/study-results.json.
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

const ROUNDS = Number(process.env.BENCH_STUDY_ROUNDS ?? 3)

/** One run under /usr/bin/time: wall and user seconds, peak RSS. */
function once(cmd, args) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %M', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'ignore', 'pipe'] })
  const [wall, user, rssKb] = (r.stderr.trim().split('\n').pop() ?? '').split(' ').map(Number)
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: exit ${r.status}: ${r.stderr.slice(-500)}`)
  return { wall, user, rssMb: rssKb / 1024, load: loadavg()[0] }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

const runs = [
  { label: 'data.table::fread(MAF)', cmd: 'Rscript', args: ['-e', `invisible(data.table::fread("${maf}", skip = "Hugo_Symbol"))`] },
  { label: 'biomarkit summary <study> --json', cmd: 'node', args: ['dist/bin/biomarkit.js', 'summary', DIR, '--json', '-o', join('bench', 'out', 'study-summary.json')] },
  { label: 'biomarkit summary <study> (text table)', cmd: 'node', args: ['dist/bin/biomarkit.js', 'summary', DIR, '-o', join('bench', 'out', 'study-summary.txt')] },
  { label: 'biomarkit scan <study> --endpoint os', cmd: 'node', args: ['dist/bin/biomarkit.js', 'scan', DIR, '--endpoint', 'os', '-o', join('bench', 'out', 'study-scan.tsv')] },
  { label: 'biomarkit summary <MAF alone> --json (no study)', cmd: 'node', args: ['dist/bin/biomarkit.js', 'summary', maf, '--json', '-o', join('bench', 'out', 'study-maf-summary.json')] },
]
// BENCH_STUDY_COMPARE=/other/checkout/dist/bin/biomarkit.js adds that build's summary and scan to
// every round (before/after a change, measured in the same machine state).
const other = process.env.BENCH_STUDY_COMPARE
if (other) {
  runs.push(
    { label: 'compare: summary <study> --json', cmd: 'node', args: [other, 'summary', DIR, '--json', '-o', join('bench', 'out', 'study-summary-compare.json')] },
    { label: 'compare: scan <study> --endpoint os', cmd: 'node', args: [other, 'scan', DIR, '--endpoint', 'os', '-o', join('bench', 'out', 'study-scan-compare.tsv')] },
  )
}

process.stdout.write(`study ${DIR}: ${SAMPLES} samples, ${ROWS} MAF rows; ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}; ${ROUNDS} interleaved rounds (fread, then each command, per round)\n`)
// Interleaved: every round runs fread and then each command, so each ratio compares runs made
// minutes apart on the same (shared, loaded) machine; the table gives medians over the rounds.
const samples = runs.map(() => [])
for (let round = 1; round <= ROUNDS; round++) {
  runs.forEach((r, i) => {
    const m = once(r.cmd, r.args)
    samples[i].push(m)
    process.stdout.write(`round ${round}: ${r.label.padEnd(50)} ${m.wall.toFixed(2).padStart(7)} s wall ${m.user.toFixed(2).padStart(6)} s user ${m.rssMb.toFixed(0).padStart(5)} MB (load ${m.load.toFixed(1)})\n`)
  })
}
const results = runs.map((r, i) => {
  const xs = samples[i]
  const out = { label: r.label, wall: median(xs.map((x) => x.wall)), user: median(xs.map((x) => x.user)), rssMb: Math.max(...xs.map((x) => x.rssMb)), runs: xs }
  // The per-round ratio to that round's fread, then its median (the machine state cancels within a round).
  if (i > 0) out.ratio = +median(xs.map((x, k) => x.wall / samples[0][k].wall)).toFixed(2)
  if (i > 0) out.userRatio = +median(xs.map((x, k) => x.user / samples[0][k].user)).toFixed(2)
  return out
})
process.stdout.write('\nmedians (wall, user CPU; peak RSS is the largest)\n')
for (const r of results) process.stdout.write(`${r.label.padEnd(52)} ${r.wall.toFixed(2).padStart(7)} s ${r.user.toFixed(2).padStart(7)} s user ${r.rssMb.toFixed(0).padStart(6)} MB ${r.ratio ? `${r.ratio}× fread wall, ${r.userRatio}× its user CPU` : ''}\n`)
writeFileSync(join('bench', 'out', 'study-results.json'), JSON.stringify({ samples: SAMPLES, rows: ROWS, rounds: ROUNDS, results }, null, 1) + '\n')
