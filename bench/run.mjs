#!/usr/bin/env node
// npm run bench: whole-process wall time and peak RSS of biomarkit commands on the generated cohort,
// each beside the baselines this machine has (I/O floor: cat / wc -l; data.table::fread; bcftools query).
// Prints a table and writes bench/out/results.json. Set BENCH_ROWS / BENCH_SAMPLES for a smaller run.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, writeFileSync, statSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { join } from 'node:path'
import { benchCohort, OUT } from './cohort.mjs'

const { rows: ROWS, samples: SAMPLES, vcfRecords: VCF, maf, vcf, clin } = benchCohort()

const has = (cmd, args = ['--version']) => spawnSync(cmd, args, { stdio: 'ignore' }).status === 0
const hasDataTable = has('Rscript', ['-e', 'suppressMessages(library(data.table))'])
const hasBcftools = has('bcftools')

/** Run one command under /usr/bin/time; best of `reps` wall times, with that run's user CPU and max RSS (wall is noisy on a shared machine; user CPU is not). */
function measure(label, cmd, args, reps = 2, env = {}) {
  let best
  for (let i = 0; i < reps; i++) {
    const r = spawnSync('/usr/bin/time', ['-f', '%e %U %M', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } })
    const last = r.stderr.trim().split('\n').pop() ?? ''
    const [wall, user, rssKb] = last.split(' ').map(Number)
    if (r.status !== 0) {
      process.stderr.write(`${label}: exit ${r.status}\n${r.stderr.slice(-2000)}\n`)
      return { label, error: `exit ${r.status}` }
    }
    if (best === undefined || wall < best.wall) best = { label, wall, user, rssMb: rssKb / 1024 }
  }
  return best
}

const cli = ['dist/bin/biomarkit.js']
const results = []
const add = (r, base) => {
  if (base && r.wall !== undefined) r.ratio = { vs: base.label, x: +(r.wall / base.wall).toFixed(2) }
  results.push(r)
  const ratio = r.ratio ? `${r.ratio.x}× ${r.ratio.vs}` : ''
  process.stdout.write(`${r.label.padEnd(46)} ${r.error ?? `${r.wall.toFixed(2).padStart(7)} s ${r.user.toFixed(2).padStart(7)} s user ${r.rssMb.toFixed(0).padStart(6)} MB  ${ratio}`}\n`)
}

process.stdout.write(`MAF ${ROWS} rows (${(statSync(maf).size / 1e6).toFixed(0)} MB), ${SAMPLES} samples; VCF ${VCF} records (${(statSync(vcf).size / 1e6).toFixed(0)} MB)\n`)
process.stdout.write(`machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}\n\n`)
const cat = measure('cat maf > /dev/null (I/O floor)', 'sh', ['-c', `cat ${maf} > /dev/null`])
add(cat)
add(measure('wc -l maf', 'wc', ['-l', maf]))
let fread
if (hasDataTable) {
  fread = measure('data.table::fread(maf)', 'Rscript', ['-e', `invisible(data.table::fread("${maf}", skip = "Hugo_Symbol"))`])
  add(fread)
}
const summary = measure('biomarkit summary maf', 'node', [...cli, 'summary', maf, '--json', '-o', '/dev/null'])
add(summary, fread ?? cat)
// The same with one thread (big plain files are otherwise read by two: src/scale/read/parallel.ts).
add(measure('biomarkit summary maf (BIOMARKIT_THREADS=1)', 'node', [...cli, 'summary', maf, '--json', '-o', '/dev/null'], 2, { BIOMARKIT_THREADS: '1' }), fread ?? cat)
// Held rows vs sample partitions (src/scale/low-memory.ts): same output, memory bounded by samples × features.
const summaryLow = measure('biomarkit summary maf --low-memory', 'node', [...cli, 'summary', maf, '--json', '--low-memory', '-o', '/dev/null'])
add(summaryLow, summary)
add(measure('biomarkit scan maf --endpoint orr', 'node', [...cli, 'scan', maf, '--clinical', clin, '--endpoint', 'orr', '-o', '/dev/null']), summary)
add(measure('biomarkit scan maf --endpoint orr --low-memory', 'node', [...cli, 'scan', maf, '--clinical', clin, '--endpoint', 'orr', '--low-memory', '-o', '/dev/null']), summary)
add(measure('biomarkit scan maf --endpoint pfs', 'node', [...cli, 'scan', maf, '--clinical', clin, '--endpoint', 'pfs', '-o', '/dev/null']), summary)
add(measure('biomarkit interactions maf --top 25', 'node', [...cli, 'interactions', maf, '--top', '25', '-o', '/dev/null']), summary)
add(measure('biomarkit oncoplot maf --top 30', 'node', [...cli, 'oncoplot', maf, '--top', '30', '-o', join(OUT, 'oncoplot.svg')]), summary)
if (existsSync(join(OUT, 'oncoplot.svg'))) results.push({ label: 'oncoplot.svg size', bytes: statSync(join(OUT, 'oncoplot.svg')).size })
{
  // Rendering after parsing (issue target: under 1.5 s): CPU of order + layout + SVG on a matrix built once.
  const r = spawnSync('node', ['bench/oncoplot-stages.mjs', maf], { encoding: 'utf8', maxBuffer: 1 << 24 })
  if (r.status === 0) {
    const st = JSON.parse(r.stdout)
    results.push({ label: 'oncoplot render after parsing (order + layout + SVG, CPU)', ...st })
    process.stdout.write(`${'oncoplot render after parsing'.padEnd(46)} ${(st.totalMs / 1000).toFixed(2).padStart(7)} s CPU (order ${st.orderMs} ms, layout ${st.layoutMs} ms, SVG ${st.svgMs} ms; ${(st.svgBytes / 1e6).toFixed(2)} MB)\n`)
  } else process.stderr.write(`oncoplot stages: exit ${r.status}\n${r.stderr.slice(-2000)}\n`)
}
let bq
if (hasBcftools) {
  bq = measure("bcftools query -f '%CHROM\\t%POS\\t%INFO/CSQ\\n' vcf", 'sh', ['-c', `bcftools query -f '%CHROM\\t%POS\\t%INFO/CSQ\\n' ${vcf} > /dev/null`])
  add(bq)
}
add(measure('cat vcf > /dev/null', 'sh', ['-c', `cat ${vcf} > /dev/null`]))
add(measure('biomarkit summary vcf', 'node', [...cli, 'summary', vcf, '--json', '-o', '/dev/null']), bq)
add(measure('biomarkit summary vcf (BIOMARKIT_THREADS=1)', 'node', [...cli, 'summary', vcf, '--json', '-o', '/dev/null'], 2, { BIOMARKIT_THREADS: '1' }), bq)
add(measure('biomarkit summary vcf --low-memory', 'node', [...cli, 'summary', vcf, '--json', '--low-memory', '-o', '/dev/null']), bq)
// convert streams its rows (goal: at most 2× summary's time, under 300 MB peak); ratio against summary.
const summaryVcf = results.find((r) => r.label === 'biomarkit summary vcf')
add(measure('biomarkit convert vcf --to maf', 'node', [...cli, 'convert', vcf, '--to', 'maf', '-o', '/dev/null']), summaryVcf)
// Peak memory against rows at a fixed cohort (same samples, ~540 genes): three times the rows.
// BENCH_SCALE=0 skips it (it generates a second, 3× larger MAF once).
if (process.env.BENCH_SCALE !== '0') {
  const dir = join(OUT, `scale-${3 * ROWS}-${SAMPLES}`)
  const big = join(dir, 'cohort.maf')
  if (!existsSync(join(dir, '.generated'))) {
    execFileSync('node', ['bench/generate.mjs', '--rows', String(3 * ROWS), '--samples', String(SAMPLES), '--vcf-records', '1000', '--out', dir], { stdio: 'inherit' })
    writeFileSync(join(dir, '.generated'), '')
  }
  process.stdout.write(`\nmemory against rows: MAF ${3 * ROWS} rows (${(statSync(big).size / 1e6).toFixed(0)} MB), ${SAMPLES} samples\n`)
  const s3 = measure(`biomarkit summary maf×3`, 'node', [...cli, 'summary', big, '--json', '-o', '/dev/null'], 1)
  add(s3, summary)
  add(measure(`biomarkit summary maf×3 --low-memory`, 'node', [...cli, 'summary', big, '--json', '--low-memory', '-o', '/dev/null'], 1), summaryLow)
}
// convert's memory against rows (1M, 2M, 5M) and columns (100,000): bench/convert-scale.mjs, its own table.
if (process.env.BENCH_CONVERT !== '0') {
  process.stdout.write('\nconvert against rows and columns (bench/convert-scale.mjs)\n')
  execFileSync('node', ['bench/convert-scale.mjs'], { stdio: 'inherit' })
}
writeFileSync(join(OUT, 'results.json'), JSON.stringify({ rows: ROWS, samples: SAMPLES, vcfRecords: VCF, node: process.version, cpus: cpus().length, results }, null, 2) + '\n')
process.stdout.write(`\nwritten ${join(OUT, 'results.json')}\n`)
