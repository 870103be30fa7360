#!/usr/bin/env node
// convert's memory against rows and columns (#21 item 6): peak RSS must not grow with the rows.
// Deterministic synthetic inputs, generated once under bench/out/ (git-ignored):
//   - MAFs of 1M (the bench MAF), 2M and 5M rows from bench/generate.mjs (same samples and genes);
//   - a MAF of 100,000 columns (200 rows; the extra columns carried through to the output).
// Each convert writes to /dev/null; the table gives wall, user CPU and peak RSS (/usr/bin/time).
//   npm run build && node bench/convert-scale.mjs        (CONVERT_ROWS=1000000,2000000,5000000 to choose)
// Run by `npm run bench` too (BENCH_CONVERT=0 skips it). Results: bench/out/convert-scale.json.
import { execFileSync, spawnSync } from 'node:child_process'
import { createWriteStream, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { once } from 'node:events'

const OUT = 'bench/out'
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 10_000)
const ROWS = (process.env.CONVERT_ROWS ?? '1000000,2000000,5000000').split(',').map(Number)
const cli = ['dist/bin/biomarkit.js']

function mafOf(rows) {
  const dir = join(OUT, `convert-${rows}-${SAMPLES}`)
  const file = join(dir, 'cohort.maf')
  if (!existsSync(join(dir, '.generated'))) {
    execFileSync('node', ['bench/generate.mjs', '--rows', String(rows), '--samples', String(SAMPLES), '--vcf-records', '1000', '--out', dir], { stdio: 'inherit' })
    writeFileSync(join(dir, '.generated'), '')
  }
  return file
}

/** 200 rows × (12 MAF columns + 100,000 carried columns `c0`…), values from the row and column numbers. */
async function wideMaf(columns = 100_000, rows = 200) {
  const dir = join(OUT, `convert-wide-${columns}`)
  const file = join(dir, 'wide.maf')
  if (existsSync(join(dir, '.generated'))) return file
  mkdirSync(dir, { recursive: true })
  const w = createWriteStream(file)
  const put = async (s) => {
    if (!w.write(s)) await once(w, 'drain')
  }
  const head = ['Hugo_Symbol', 'Chromosome', 'Start_Position', 'End_Position', 'Reference_Allele', 'Tumor_Seq_Allele2', 'Variant_Classification', 'Variant_Type', 'Tumor_Sample_Barcode']
  const extra = Array.from({ length: columns }, (_, j) => `c${j}`)
  await put([...head, ...extra].join('\t') + '\n')
  for (let i = 0; i < rows; i++) {
    const pos = String(10_000 + 13 * i)
    const fixed = ['TP53', String(1 + (i % 22)), pos, pos, 'C', 'T', 'Missense_Mutation', 'SNP', `S${i % 50}`]
    await put([...fixed, ...extra.map((_, j) => String((i * 31 + j) % 97))].join('\t') + '\n')
  }
  w.end()
  await once(w, 'finish')
  writeFileSync(join(dir, '.generated'), '')
  return file
}

function measure(label, args) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %M', 'node', ...cli, ...args], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] })
  const [wall, user, rssKb] = (r.stderr.trim().split('\n').pop() ?? '').split(' ').map(Number)
  const res = r.status === 0 ? { label, wall, user, rssMb: Math.round(rssKb / 1024) } : { label, error: `exit ${r.status}: ${r.stderr.slice(-500)}` }
  process.stdout.write(`${label.padEnd(44)} ${res.error ?? `${wall.toFixed(1).padStart(6)} s ${user.toFixed(1).padStart(6)} s user ${String(res.rssMb).padStart(5)} MB`}\n`)
  return res
}

const results = []
for (const rows of ROWS) {
  const f = rows === 1_000_000 && existsSync(join(OUT, 'cohort.maf')) ? join(OUT, 'cohort.maf') : mafOf(rows)
  process.stdout.write(`MAF ${rows} rows (${(statSync(f).size / 1e6).toFixed(0)} MB)\n`)
  results.push({ rows, ...measure(`convert maf --to maf (${rows / 1e6}M rows)`, ['convert', f, '--to', 'maf', '-o', '/dev/null']) })
  if (rows <= 2_000_000) results.push({ rows, ...measure(`convert maf --to json (${rows / 1e6}M rows)`, ['convert', f, '--to', 'json', '-o', '/dev/null']) })
}
const wide = await wideMaf()
process.stdout.write(`MAF of 100,000 columns × 200 rows (${(statSync(wide).size / 1e6).toFixed(0)} MB)\n`)
results.push({ columns: 100_000, ...measure('convert maf --to maf (100,000 columns)', ['convert', wide, '--to', 'maf', '-o', '/dev/null']) })
writeFileSync(join(OUT, 'convert-scale.json'), JSON.stringify({ samples: SAMPLES, node: process.version, results }, null, 2) + '\n')
