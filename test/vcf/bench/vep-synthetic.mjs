// Throughput of readVcf on a synthetic VEP VCF (not a test: no timing assertions anywhere).
//   npm run build && node test/vcf/bench/vep-synthetic.mjs [records=200000] [transcripts=4]
// Writes a temporary VCF (30 CSQ fields per transcript, T/N GT:AD:DP:AF), reads it, prints CPU
// time, wall time and memory. CPU time is the number to compare: wall time depends on machine load.
import { mkdtempSync, rmSync, createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readVcf } from '../../../dist/src/vcf/read.js'

const n = Number(process.argv[2] ?? 200000)
const tx = Number(process.argv[3] ?? 4)
const fmt = 'Allele|Consequence|IMPACT|SYMBOL|Gene|Feature_type|Feature|BIOTYPE|EXON|INTRON|HGVSc|HGVSp|cDNA_position|CDS_position|Protein_position|Amino_acids|Codons|Existing_variation|ALLELE_NUM|DISTANCE|STRAND|FLAGS|SYMBOL_SOURCE|HGNC_ID|CANONICAL|TSL|APPRIS|CCDS|ENSP|SWISSPROT'
const nf = fmt.split('|').length
const cons = ['missense_variant', 'synonymous_variant', 'intron_variant', 'splice_region_variant&intron_variant', 'stop_gained', 'upstream_gene_variant']
const dir = mkdtempSync(join(tmpdir(), 'vcfbench-'))
const path = join(dir, 'vep.vcf')
const out = createWriteStream(path)
out.write(`##fileformat=VCFv4.2\n##INFO=<ID=CSQ,Number=.,Type=String,Description="Consequence annotations from Ensembl VEP. Format: ${fmt}">\n`)
out.write('##INFO=<ID=DP,Number=1,Type=Integer,Description="d">\n##FORMAT=<ID=GT,Number=1,Type=String,Description="g">\n##FORMAT=<ID=AD,Number=R,Type=Integer,Description="a">\n##FORMAT=<ID=DP,Number=1,Type=Integer,Description="d">\n##FORMAT=<ID=AF,Number=A,Type=Float,Description="f">\n')
out.write('#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tNORMAL\tTUMOR\n')
let buf = ''
for (let i = 0; i < n; i++) {
  const entries = []
  for (let t = 0; t < tx; t++) {
    const e = new Array(nf).fill('')
    Object.assign(e, { 0: 'T', 1: cons[(i + t) % cons.length], 2: 'MODERATE', 3: `GENE${i % 5000}`, 4: `ENSG0000010${t}`, 5: 'Transcript', 6: `ENST0000${i % 1000}${t}`, 7: t === tx - 1 ? 'retained_intron' : 'protein_coding' })
    Object.assign(e, { 10: `ENST1.${t}:c.${100 + t}A>T`, 11: `ENSP1.${t}:p.His${100 + t}Arg`, 12: `${300 + t}/${2000 + t}`, 14: `${100 + t}/500`, 15: 'H/R', 18: '1', 24: t === 0 ? 'YES' : '' })
    entries.push(e.join('|'))
  }
  buf += `chr${1 + (i % 22)}\t${1000 + i * 10}\t.\tA\tT\t50\tPASS\tDP=100;CSQ=${entries.join(',')}\tGT:AD:DP:AF\t0/0:50,0:50:0.01\t0/1:30,20:50:0.4\n`
  if (buf.length > 1 << 20) {
    if (!out.write(buf)) await once(out, 'drain')
    buf = ''
  }
}
out.end(buf)
await once(out, 'finish')
const c0 = process.cpuUsage()
const t0 = process.hrtime.bigint()
const r = await readVcf(path)
const wall = Number(process.hrtime.bigint() - t0) / 1e6
const cpu = process.cpuUsage(c0)
rmSync(dir, { recursive: true, force: true })
const mem = process.memoryUsage()
console.log(
  `${r.report.rowsRead} records × ${tx} transcripts: cpu ${((cpu.user + cpu.system) / 1e3).toFixed(0)} ms ` +
    `(${((cpu.user + cpu.system) / r.report.rowsRead).toFixed(1)} µs/record), wall ${wall.toFixed(0)} ms, ` +
    `${r.alterations.length} alterations, heap ${(mem.heapUsed / 1e6).toFixed(0)} MB, rss ${(mem.rss / 1e6).toFixed(0)} MB`,
)
