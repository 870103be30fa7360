#!/usr/bin/env node
// Two builds on one machine in one run: the commands of `npm run bench` (on the same generated
// cohort) under this checkout's dist/ and under another checkout's (BASE, built), alternating
// base/new each round so that load drifts hit both alike. Prints median wall, user CPU and peak
// RSS per command and the new/base ratios; writes bench/out/compare-results.json.
//   npm run build && node bench/compare.mjs ../base-checkout     (BENCH_ROUNDS, default 3;
//   BENCH_ROWS / BENCH_SAMPLES / BENCH_VCF as for bench/run.mjs)
// This is how "performance within 10% of the last bench table" is checked for a restructuring:
// the same machine and the same run, never two tables taken at different loads.
import { spawnSync } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { join, resolve } from 'node:path'
import { benchCohort, OUT } from './cohort.mjs'

const base = process.argv[2]
if (base === undefined || !existsSync(join(base, 'dist', 'bin', 'biomarkit.js'))) {
  process.stderr.write('usage: node bench/compare.mjs BASE_CHECKOUT   (a checkout with dist/ built: npm run build there)\n')
  process.exit(1)
}
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
const { rows: ROWS, samples: SAMPLES, vcfRecords: VCF, maf, vcf, clin } = benchCohort()

const commands = [
  ['summary maf', ['summary', maf, '--json', '-o', '/dev/null']],
  ['summary maf (BIOMARKIT_THREADS=1)', ['summary', maf, '--json', '-o', '/dev/null'], { BIOMARKIT_THREADS: '1' }],
  ['summary maf --low-memory', ['summary', maf, '--json', '--low-memory', '-o', '/dev/null']],
  ['scan maf --endpoint orr', ['scan', maf, '--clinical', clin, '--endpoint', 'orr', '-o', '/dev/null']],
  ['scan maf --endpoint pfs', ['scan', maf, '--clinical', clin, '--endpoint', 'pfs', '-o', '/dev/null']],
  ['interactions maf --top 25', ['interactions', maf, '--top', '25', '-o', '/dev/null']],
  ['oncoplot maf --top 30', ['oncoplot', maf, '--top', '30', '-o', join(OUT, 'compare-oncoplot.svg')]],
  ['summary vcf', ['summary', vcf, '--json', '-o', '/dev/null']],
  ['summary vcf --low-memory', ['summary', vcf, '--json', '--low-memory', '-o', '/dev/null']],
  ['convert vcf --to maf', ['convert', vcf, '--to', 'maf', '-o', '/dev/null']],
]

function once(root, args, env) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %M', 'node', join(root, 'dist', 'bin', 'biomarkit.js'), ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, ...env },
  })
  const [wall, user, rssKb] = (r.stderr.trim().split('\n').pop() ?? '').split(' ').map(Number)
  if (r.status !== 0) throw new Error(`${root}: ${args.join(' ')}: exit ${r.status}\n${r.stderr.slice(-1000)}`)
  return { wall, user, rssMb: rssKb / 1024 }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

const roots = { base: resolve(base), new: resolve('.') }
const rows = []
for (const [label, args, env = {}] of commands) {
  const runs = { base: [], new: [] }
  const loads = []
  for (let i = 0; i < ROUNDS; i++) {
    // Alternate which build goes first, so neither always runs on a warmer cache.
    for (const which of i % 2 === 0 ? ['base', 'new'] : ['new', 'base']) runs[which].push(once(roots[which], args, env))
    loads.push(loadavg()[0])
  }
  const stat = (which) => ({ wall: median(runs[which].map((r) => r.wall)), user: median(runs[which].map((r) => r.user)), rssMb: median(runs[which].map((r) => r.rssMb)) })
  const b = stat('base')
  const n = stat('new')
  rows.push({ label, base: b, new: n, wallRatio: n.wall / b.wall, userRatio: n.user / b.user, rssRatio: n.rssMb / b.rssMb, load: loads })
  process.stderr.write(`${label}: done\n`)
}

const f = (x, d = 2) => x.toFixed(d)
const lines = [
  `| command (${ROWS} MAF rows, ${SAMPLES} samples, ${VCF} VCF records; median of ${ROUNDS}) | base wall / user / RSS | new wall / user / RSS | new ÷ base (wall, user, RSS) |`,
  '|---|---|---|---|',
  ...rows.map((r) => `| ${r.label} | ${f(r.base.wall)} s / ${f(r.base.user)} s / ${f(r.base.rssMb, 0)} MB | ${f(r.new.wall)} s / ${f(r.new.user)} s / ${f(r.new.rssMb, 0)} MB | ${f(r.wallRatio)}, ${f(r.userRatio)}, ${f(r.rssRatio)} |`),
]
process.stdout.write(lines.join('\n') + '\n')
writeFileSync(join(OUT, 'compare-results.json'), JSON.stringify({ base: roots.base, rounds: ROUNDS, rows }, null, 2) + '\n')
