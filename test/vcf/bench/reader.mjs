// The VCF reader alone on in-memory lines (not a test: no timing assertions anywhere).
//   npm run build && node test/vcf/bench/reader.mjs <file.vcf> [reps=5] [other-dist ...]
// Reads the file into memory, then parses it `reps` times with VcfParser (alterations counted,
// not kept) and prints user CPU per record, min and median. With other dist folders (e.g. a
// build of main copied aside), the builds run interleaved in one process, round by round, and the
// median per-round ratio to this build is printed too: on a shared machine, CPU time per run varies
// by ±30%, the ratio of neighbouring runs by ±7%.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const [file, repsArg, ...others] = process.argv.slice(2)
if (file === undefined) throw new Error('usage: node test/vcf/bench/reader.mjs <file.vcf> [reps] [other-dist ...]')
const reps = Number(repsArg ?? 5)
const here = fileURLToPath(new URL('../../../dist', import.meta.url))
const dists = [here, ...others]
const parsers = []
for (const [i, d] of dists.entries()) parsers.push((await import(`${d}/src/vcf/reader.js?${i}`)).VcfParser)
const lines = readFileSync(file, 'utf8').split('\n')
if (lines.at(-1) === '') lines.pop()

function once(Parser) {
  const c0 = process.cpuUsage()
  const p = new Parser(file, {})
  p.onRecord = () => {}
  for (let i = 0; i < lines.length; i++) p.push(lines[i], i + 1)
  const r = p.finish()
  return process.cpuUsage(c0).user / r.report.rowsRead
}

const times = dists.map(() => [])
for (let r = 0; r < reps; r++) {
  const order = r % 2 === 0 ? dists.map((_, i) => i) : dists.map((_, i) => dists.length - 1 - i)
  for (const i of order) times[i].push(once(parsers[i]))
}
const median = (a) => [...a].sort((x, y) => x - y)[a.length >> 1]
for (const [i, d] of dists.entries()) {
  const t = times[i].slice(1) // the first round warms the JIT up
  const ratio = i === 0 ? '' : `, ratio to this build ${median(t.map((x, r) => x / times[0][r + 1])).toFixed(2)}`
  console.log(`${d}: min ${Math.min(...t).toFixed(2)}, median ${median(t).toFixed(2)} µs/record user CPU${ratio}`)
}
