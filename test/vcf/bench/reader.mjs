// The VCF reader alone on an in-memory file (not a test: no timing assertions anywhere).
//   npm run build && node test/vcf/bench/reader.mjs <file.vcf> [reps=5] [--text] [other-dist ...]
// Reads the file into memory, then parses it `reps` times and prints user CPU per record, min and
// median. Default: the table path loadCohort uses — lines as byte ranges of the file's buffer
// (split with indexOf, as src/io/byte-lines.ts does) into VcfParser.pushBytes and a fresh
// EventTable per run. A build without pushBytes (before the table path) is driven the way
// loadCohort drove it then: decoded lines into push(), each alteration pushed into the table.
// --text: decoded lines into push() with alterations counted, not kept (the records path).
// With other dist folders (e.g. a build of main copied aside), the builds run interleaved in one
// process, round by round, and the median per-round ratio to this build is printed too: on a
// shared machine, CPU time per run varies by ±30%, the ratio of neighbouring runs by ±7%.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const args = process.argv.slice(2)
const text = args.includes('--text')
const [file, repsArg, ...others] = args.filter((a) => a !== '--text')
if (file === undefined) throw new Error('usage: node test/vcf/bench/reader.mjs <file.vcf> [reps] [--text] [other-dist ...]')
const reps = Number(repsArg ?? 5)
const here = fileURLToPath(new URL('../../../dist', import.meta.url))
const dists = [here, ...others]
const builds = []
for (const [i, d] of dists.entries()) {
  builds.push({
    VcfParser: (await import(`${d}/src/vcf/reader.js?${i}`)).VcfParser,
    EventTable: (await import(`${d}/src/model/events.js?${i}`)).EventTable,
  })
}
const buf = readFileSync(file)
// Decoded lines (outside the timing): the records path, and builds without pushBytes.
const lines = buf.toString('utf8').split('\n')
if (lines.at(-1) === '') lines.pop()

function once({ VcfParser, EventTable }) {
  const c0 = process.cpuUsage()
  let r
  if (text) {
    const p = new VcfParser(file, {})
    p.onRecord = () => {}
    for (let i = 0; i < lines.length; i++) p.push(lines[i], i + 1)
    r = p.finish()
  } else {
    const table = new EventTable()
    if (typeof VcfParser.prototype.pushBytes === 'function') {
      const p = new VcfParser(file, {}, 'fast', table)
      let line = 1
      for (let s = 0; s < buf.length; line++) {
        let nl = buf.indexOf(10, s)
        if (nl < 0) nl = buf.length
        p.pushBytes(buf, s, nl, line)
        s = nl + 1
      }
      r = p.finish()
    } else {
      const p = new VcfParser(file, {})
      p.onRecord = (a) => table.push(a)
      for (let i = 0; i < lines.length; i++) p.push(lines[i], i + 1)
      r = p.finish()
    }
  }
  return process.cpuUsage(c0).user / r.report.rowsRead
}

const times = dists.map(() => [])
for (let r = 0; r < reps; r++) {
  const order = r % 2 === 0 ? dists.map((_, i) => i) : dists.map((_, i) => dists.length - 1 - i)
  for (const i of order) times[i].push(once(builds[i]))
}
const median = (a) => [...a].sort((x, y) => x - y)[a.length >> 1]
for (const [i, d] of dists.entries()) {
  const t = times[i].slice(1) // the first round warms the JIT up
  const ratio = i === 0 ? '' : `, ratio to this build ${median(t.map((x, r) => x / times[0][r + 1])).toFixed(2)}`
  console.log(`${d}: min ${Math.min(...t).toFixed(2)}, median ${median(t).toFixed(2)} µs/record user CPU (${text ? 'records' : 'table'} path)${ratio}`)
}
