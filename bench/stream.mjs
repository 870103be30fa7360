#!/usr/bin/env node
// The MAF and VCF readers alone, records handed to a counter and not kept: the memory a read needs
// does not grow with the records (only with the chunk size, the longest line and, for MAF, the
// duplicate index).
//   npm run build && node bench/stream.mjs bench/out/cohort.maf bench/out/cohort.vcf
import { readMaf } from '../dist/src/maf/index.js'
import { readVcf } from '../dist/src/vcf/index.js'

for (const path of process.argv.slice(2)) {
  const t0 = process.hrtime.bigint()
  const cpu0 = process.cpuUsage()
  let n = 0
  let peak = 0
  const sample = () => (peak = Math.max(peak, process.memoryUsage().rss))
  const timer = setInterval(sample, 50)
  const onRecord = () => {
    n++
  }
  const r = /\.vcf(\.b?gz)?$/.test(path) ? await readVcf(path, {}, onRecord) : await readMaf(path, { onRecord })
  clearInterval(timer)
  sample()
  const cpu = process.cpuUsage(cpu0)
  const wall = Number(process.hrtime.bigint() - t0) / 1e9
  console.log(`${path}: ${n} records (${r.report.rowsRead} rows read) in ${wall.toFixed(2)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU, peak RSS ${(peak / 2 ** 20).toFixed(0)} MB`)
}
