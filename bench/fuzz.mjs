#!/usr/bin/env node
/**
 * Long fuzz run of every reader against mutated copies of a valid file (the corpus baselines in
 * test/fixtures/bad/). Needs the compiled library:
 *
 *   npm run build && node bench/fuzz.mjs --runs 100000 [--seed 1] [--only MAF,VCF] [--max-mutations 4]
 *
 * Each run applies 1..max mutations (byte flip, line delete / duplicate / swap / truncate, inserted
 * tab, quote, CR, NUL or random bytes) to the seed, writes it to a temp file, reads it with the real
 * reader (so the gzip / UTF-8 / line layer is exercised too) and counts the outcome:
 *   parsed            the reader returned;
 *   located error     an InputError naming the file and a line (JSON files: the file and a JSON
 *                     path or line; a table with no header line at all: EMPTY_FILE; a corrupt
 *                     gzip stream: TRUNCATED, whose fault is in compressed bytes, not a line);
 *   unlocated error   an InputError without a location: a defect (the user cannot find the problem);
 *   unexpected        anything else (TypeError, RangeError, a zod error…): a bug.
 * The first few defects of each kind are saved under bench/out/fuzz/ with the exception, so they
 * reproduce with the reader alone. Exit code 1 when any unlocated or unexpected outcome occurred.
 * Deterministic for a given --seed (mulberry32).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { gzipSync } from 'node:zlib'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const DIST = join(ROOT, 'dist')
const BAD = join(ROOT, 'test', 'fixtures', 'bad')

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`)
  return i === -1 ? fallback : process.argv[i + 1]
}
const RUNS = Number(arg('runs', '100000'))
const SEED = Number(arg('seed', '1'))
const MAX_MUT = Number(arg('max-mutations', '4'))
const ONLY = arg('only', undefined)?.split(',')

const load = (p) => import(join(DIST, p))
const { InputError } = await load('src/errors.js')
const { readMaf } = await load('src/maf/read.js')
const { readVcf, readVcfInto } = await load('src/vcf/index.js')
const { EventTable } = await load('src/model/events.js')
const { readClinical } = await load('src/clinical/index.js')
const { readCopyNumber } = await load('src/cna/read.js')
const { readFusions } = await load('src/fusion/read.js')
const { readManifest } = await load('src/input/manifest.js')
const { loadPanel } = await load('src/panels/load.js')
const { loadRules } = await load('src/classify/rules.js')
const { loadPathwaySet } = await load('src/panels/pathways.js')
const { readTheme } = await load('viz/theme.js')
const { readSampleList } = await load('src/input/sample-list.js')
const { streamMaf, streamVcf } = await load('src/input/stream-read.js')
const { ConvertSpool } = await load('src/pipeline/convert-spool.js')
const { JsonFormat, MafFormat } = await load('src/pipeline/convert-format.js')

/**
 * `convert`'s path for one file (the format given, not sniffed: a mutant that is no longer a MAF
 * would be refused as a whole file): rows streamed block by block into the spool, the document
 * written to a counter.
 */
async function convertOne(path, format, to) {
  const fmt = to === 'maf' ? new MafFormat() : new JsonFormat()
  const spool = new ConvertSpool(fmt)
  try {
    spool.begin()
    const r = await (format === 'maf' ? streamMaf(path, new EventTable(), { keepExtra: to === 'maf' }, spool) : streamVcf(path, new EventTable(), {}, spool))
    let bytes = 0
    const out = { write: async (t) => void (bytes += t.length) }
    await (to === 'maf' ? fmt.write(spool, out) : fmt.write(spool, r.samples, [r.report], out))
    return bytes
  } finally {
    spool.remove()
  }
}

// ---- deterministic PRNG and mutations (same operators as test/reliability/mutate.ts) -----------
function mulberry32(a) {
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const rand = mulberry32(SEED)
const int = (n) => Math.floor(rand() * n)

function splitLines(buf) {
  const out = []
  let start = 0
  for (let i = buf.indexOf(10); i !== -1; i = buf.indexOf(10, start)) {
    out.push(buf.subarray(start, i + 1))
    start = i + 1
  }
  if (start < buf.length) out.push(buf.subarray(start))
  return out
}
const SMALL_INSERTS = [[9], [34], [39], [9, 9], [34, 9, 34], [13], [0], [0xc3], [0xef, 0xbb, 0xbf]]

function mutate(buf) {
  const op = int(7)
  if (op === 0) {
    if (buf.length === 0) return buf
    const b = Buffer.from(buf)
    b[int(b.length)] = int(256)
    return b
  }
  if (op === 1 || op === 2) {
    const bytes = op === 1 ? SMALL_INSERTS[int(SMALL_INSERTS.length)] : Array.from({ length: 1 + int(8) }, () => int(256))
    const i = int(buf.length + 1)
    return Buffer.concat([buf.subarray(0, i), Buffer.from(bytes), buf.subarray(i)])
  }
  const ls = splitLines(buf)
  if (ls.length === 0) return buf
  const i = int(ls.length)
  const line = ls[i]
  if (op === 3) ls.splice(i, 1)
  else if (op === 4) ls.splice(i, 0, line)
  else if (op === 5) ls[i] = Buffer.concat([line.subarray(0, int(line.length + 1)), Buffer.from('\n')])
  else {
    const j = int(ls.length)
    ls[i] = ls[j]
    ls[j] = line
  }
  return Buffer.concat(ls)
}

// ---- readers -------------------------------------------------------------------------------------
const work = mkdtempSync(join(tmpdir(), 'biomarkit-fuzz-'))
// The manifest's rows point at files beside it; give them real targets so the reader gets past them.
for (const f of ['maf/valid.maf', 'vcf/valid.vcf', 'cna/valid.tsv']) writeFileSync(join(work, f.replace('/', '-')), readFileSync(join(BAD, f)))
const MANIFEST = 'sample\tfile\trole\nS1\tmaf-valid.maf\tmaf\nS2\tvcf-valid.vcf\tsomatic\n*\tcna-valid.tsv\tcna\n'

const READERS = [
  { name: 'MAF', seed: readFileSync(join(BAD, 'maf/valid.maf')), read: (p) => readMaf(p), json: false },
  { name: 'VCF', seed: readFileSync(join(BAD, 'vcf/valid.vcf')), read: (p) => readVcf(p), json: false },
  // The table path loadCohort uses: small-variant records read from bytes (src/vcf/byte-path/row-reader.ts).
  { name: 'VCF.table', seed: readFileSync(join(BAD, 'vcf/valid.vcf')), read: (p) => readVcfInto(p, new EventTable()), json: false },
  // Mutating the compressed bytes exercises the gunzip error paths (CRC, bad block, truncation).
  { name: 'MAF.gz', seed: gzipSync(readFileSync(join(BAD, 'maf/valid.maf'))), read: (p) => readMaf(p), json: false },
  { name: 'clinical', seed: readFileSync(join(BAD, 'clinical/valid.tsv')), read: (p) => readClinical(p), json: false },
  { name: 'copy number', seed: readFileSync(join(BAD, 'cna/valid.tsv')), read: (p) => readCopyNumber(p), json: false },
  { name: 'fusion', seed: readFileSync(join(BAD, 'fusion/valid.tsv')), read: (p) => readFusions(p), json: false },
  { name: 'manifest', seed: Buffer.from(MANIFEST), read: (p) => readManifest(p), json: false },
  { name: 'panel JSON', seed: readFileSync(join(ROOT, 'test/fixtures/panels/small.json')), read: (p) => loadPanel(p), json: true },
  { name: 'rules JSON', seed: readFileSync(join(ROOT, 'panels/biomarkers-tdxd-her2low.json')), read: (p) => loadRules(p), json: true },
  // Issue 21: every side file through the one capped reader; a real BGZF file (EOF block checked).
  { name: 'pathways JSON', seed: readFileSync(join(ROOT, 'panels/pathways-sanchez-vega-2018.json')), read: (p) => loadPathwaySet(p), json: true },
  { name: 'theme JSON', seed: Buffer.from(JSON.stringify({ palette: 'cbioportal', colors: { Missense_Mutation: '#33a02c' }, fontSize: 11, clinical: { best_response: { PR: '#1f78b4' } } }, null, 2) + '\n'), read: (p) => readTheme(p), json: true },
  { name: 'sample list', seed: Buffer.from('# sequenced\nS1\nS2\n\nS3\n'), read: (p) => readSampleList(p), json: false },
  // Issue 21 item 6: convert's streaming read and spool (src/input/stream-read.ts, src/pipeline/convert-*.ts).
  { name: 'convert MAF', seed: readFileSync(join(BAD, 'maf/valid.maf')), read: (p) => convertOne(p, 'maf', 'maf'), json: false },
  { name: 'convert VCF', seed: readFileSync(join(BAD, 'vcf/valid.vcf')), read: (p) => convertOne(p, 'vcf', 'json'), json: false },
  { name: 'MAF.bgzf', seed: readFileSync(join(BAD, 'maf/bgzf-complete.maf.gz')), read: (p) => readMaf(p), json: false },
].filter((r) => ONLY === undefined || ONLY.includes(r.name))

function classify(e, path, json) {
  if (!(e instanceof InputError)) return 'unexpected'
  if (e.file !== path) return 'unlocated'
  // No header line at all, or a corrupt gzip stream (its fault is in compressed bytes, not a line).
  if (e.line !== undefined || e.code === 'EMPTY_FILE' || e.code === 'TRUNCATED') return 'located'
  // Schema errors in JSON name the JSON path (`genes[3].assay: …`), which locates them.
  if (json && e.code === 'SCHEMA') return 'located'
  return 'unlocated'
}

const OUT = join(ROOT, 'bench', 'out', 'fuzz')
let defects = 0
const t0 = process.hrtime.bigint()
console.log(`biomarkit fuzz: ${RUNS} mutated inputs per reader, seed ${SEED}, 1..${MAX_MUT} mutations each`)
console.log(['reader', 'runs', 'parsed', 'located error', 'unlocated error', 'unexpected', 'seconds'].join('\t'))
for (const r of READERS) {
  const counts = { parsed: 0, located: 0, unlocated: 0, unexpected: 0 }
  const path = join(work, `mutant-${r.name.replace(/\W+/g, '-')}`)
  const saved = { unlocated: 0, unexpected: 0 }
  const start = process.hrtime.bigint()
  for (let k = 0; k < RUNS; k++) {
    let buf = r.seed
    const n = 1 + int(MAX_MUT)
    for (let m = 0; m < n; m++) buf = mutate(buf)
    writeFileSync(path, buf)
    let outcome = 'parsed'
    let err
    try {
      await r.read(path)
    } catch (e) {
      err = e
      outcome = classify(e, path, r.json)
    }
    counts[outcome]++
    if ((outcome === 'unlocated' || outcome === 'unexpected') && saved[outcome] < 5) {
      saved[outcome]++
      mkdirSync(OUT, { recursive: true })
      const base = join(OUT, `${r.name.replace(/\W+/g, '-')}-${outcome}-${k}`)
      writeFileSync(base + '.input', buf)
      writeFileSync(base + '.txt', `${r.name} run ${k} (seed ${SEED}): ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
      console.error(`  ${r.name} run ${k}: ${outcome}: ${err instanceof Error ? err.message.slice(0, 200) : String(err)} (saved ${base}.input)`)
    }
  }
  const secs = Number(process.hrtime.bigint() - start) / 1e9
  defects += counts.unlocated + counts.unexpected
  console.log([r.name, RUNS, counts.parsed, counts.located, counts.unlocated, counts.unexpected, secs.toFixed(1)].join('\t'))
}
rmSync(work, { recursive: true, force: true })
console.log(`total ${(Number(process.hrtime.bigint() - t0) / 1e9).toFixed(1)} s; ${defects === 0 ? 'no defects' : `${defects} defect(s): see bench/out/fuzz/`}`)
process.exitCode = defects === 0 ? 0 : 1
