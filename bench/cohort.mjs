// The generated bench cohort shared by `npm run bench` (run.mjs) and the two-build comparison
// (compare.mjs): BENCH_ROWS MAF rows over BENCH_SAMPLES samples and BENCH_VCF VCF records, made once
// by bench/generate.mjs (deterministic) and kept under bench/out with a stamp naming its size.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export const OUT = 'bench/out'

export function benchCohort() {
  const rows = Number(process.env.BENCH_ROWS ?? 1_000_000)
  const samples = Number(process.env.BENCH_SAMPLES ?? 10_000)
  const vcfRecords = Number(process.env.BENCH_VCF ?? rows)
  mkdirSync(OUT, { recursive: true })
  const stamp = join(OUT, `.generated-${rows}-${samples}-${vcfRecords}`)
  if (!existsSync(stamp)) {
    execFileSync('node', ['bench/generate.mjs', '--rows', String(rows), '--samples', String(samples), '--vcf-records', String(vcfRecords), '--out', OUT], { stdio: 'inherit' })
    writeFileSync(stamp, '')
  }
  return { rows, samples, vcfRecords, maf: join(OUT, 'cohort.maf'), vcf: join(OUT, 'cohort.vcf'), clin: join(OUT, 'clinical.tsv') }
}
