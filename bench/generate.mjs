#!/usr/bin/env node
// Deterministic synthetic cohort for benchmarks (seeded PRNG; same seed → same bytes).
//   node bench/generate.mjs [--rows 1000000] [--samples 10000] [--vcf-records 1000000] [--out bench/out]
// Writes cohort.maf (GDC-style columns), cohort.vcf (VEP CSQ, one tumour/normal pair),
// clinical.tsv (best response, PFS, OS) and cna.tsv (long form) for those samples.
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { mulberry32 } from '../scripts/demo/random.mjs'

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []))
const ROWS = Number(args.rows ?? 1_000_000)
const SAMPLES = Number(args.samples ?? 10_000)
const VCF_RECORDS = Number(args['vcf-records'] ?? 1_000_000)
const OUT = args.out ?? 'bench/out'
mkdirSync(OUT, { recursive: true })

const rand = mulberry32(20261129)
const pick = (arr) => arr[Math.floor(rand() * arr.length)]

// ~520 genes: the Sanchez-Vega pathway genes we ship, then synthetic names to fill up.
let genes = []
try {
  const pw = JSON.parse(readFileSync(new URL('../panels/pathways-sanchez-vega-2018.json', import.meta.url), 'utf8'))
  for (const p of pw.pathways ?? []) for (const e of p.genes ?? []) { const g = typeof e === "string" ? e : (e.symbol ?? e.gene); if (g && !genes.includes(g)) genes.push(g) }
} catch {
  /* fall back to synthetic names only */
}
for (let i = 1; genes.length < 520; i++) genes.push(`GENE${String(i).padStart(3, '0')}`)
genes = genes.slice(0, 520)
// Zipf-like weights so a few genes are frequent (as in real cohorts).
const weights = genes.map((_, i) => 1 / Math.pow(i + 1, 0.9))
const cum = []
weights.reduce((s, w, i) => (cum[i] = s + w), 0)
const total = cum[cum.length - 1]
function gene() {
  const x = rand() * total
  let lo = 0
  let hi = cum.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (cum[mid] < x) lo = mid + 1
    else hi = mid
  }
  return lo
}
const geneChrom = genes.map(() => String(1 + Math.floor(rand() * 22)))
const geneStart = genes.map(() => 1_000_000 + Math.floor(rand() * 200_000_000))

// Class mix roughly as in TCGA MAFs.
const CLASSES = [
  ['Missense_Mutation', 0.55, 'SNP'],
  ['Silent', 0.18, 'SNP'],
  ['Nonsense_Mutation', 0.06, 'SNP'],
  ['Frame_Shift_Del', 0.05, 'DEL'],
  ['Frame_Shift_Ins', 0.03, 'INS'],
  ['Splice_Site', 0.03, 'SNP'],
  ['In_Frame_Del', 0.02, 'DEL'],
  ['In_Frame_Ins', 0.01, 'INS'],
  ["3'UTR", 0.03, 'SNP'],
  ['Intron', 0.03, 'SNP'],
  ['Translation_Start_Site', 0.005, 'SNP'],
  ['Nonstop_Mutation', 0.005, 'SNP'],
]
const SO = {
  Missense_Mutation: 'missense_variant',
  Silent: 'synonymous_variant',
  Nonsense_Mutation: 'stop_gained',
  Frame_Shift_Del: 'frameshift_variant',
  Frame_Shift_Ins: 'frameshift_variant',
  Splice_Site: 'splice_acceptor_variant',
  In_Frame_Del: 'inframe_deletion',
  In_Frame_Ins: 'inframe_insertion',
  "3'UTR": '3_prime_UTR_variant',
  Intron: 'intron_variant',
  Translation_Start_Site: 'start_lost',
  Nonstop_Mutation: 'stop_lost',
}
function klass() {
  let x = rand()
  for (const c of CLASSES) {
    x -= c[1]
    if (x <= 0) return c
  }
  return CLASSES[0]
}
const BASES = ['A', 'C', 'G', 'T']
const AA = 'ACDEFGHIKLMNPQRSTVWY'
const sampleId = (i) => `BENCH-${String(i).padStart(5, '0')}`

async function write(path, produce) {
  const ws = createWriteStream(path)
  let buf = ''
  const flush = () => new Promise((res) => (ws.write(buf) ? res() : ws.once('drain', res)))
  for (const line of produce()) {
    buf += line + '\n'
    if (buf.length > 1 << 20) {
      await flush()
      buf = ''
    }
  }
  await flush()
  await new Promise((res) => ws.end(res))
}

function* maf() {
  yield '#version 2.4'
  yield ['Hugo_Symbol', 'Entrez_Gene_Id', 'Center', 'NCBI_Build', 'Chromosome', 'Start_Position', 'End_Position', 'Strand', 'Variant_Classification', 'Variant_Type', 'Reference_Allele', 'Tumor_Seq_Allele1', 'Tumor_Seq_Allele2', 'Tumor_Sample_Barcode', 'HGVSp_Short', 't_depth', 't_ref_count', 't_alt_count', 'FILTER'].join('\t')
  for (let r = 0; r < ROWS; r++) {
    const g = gene()
    const [cls, , type] = klass()
    const pos = geneStart[g] + Math.floor(rand() * 50_000)
    const ref = type === 'INS' ? '-' : pick(BASES)
    const alt = type === 'DEL' ? '-' : type === 'INS' ? pick(BASES) : pick(BASES.filter((b) => b !== ref))
    const end = type === 'INS' ? pos + 1 : pos
    const codon = 1 + Math.floor(rand() * 1200)
    const prot = cls === 'Missense_Mutation' ? `p.${pick(AA)}${codon}${pick(AA)}` : cls === 'Nonsense_Mutation' ? `p.${pick(AA)}${codon}*` : cls.startsWith('Frame') ? `p.${pick(AA)}${codon}fs` : ''
    const depth = 30 + Math.floor(rand() * 400)
    const altc = 3 + Math.floor(rand() * (depth / 2))
    yield [genes[g], '0', 'BENCH', 'GRCh38', `chr${geneChrom[g]}`, pos, end, '+', cls, type, ref, ref, alt, sampleId(Math.floor(rand() * SAMPLES)), prot, depth, depth - altc, altc, 'PASS'].join('\t')
  }
}

function* vcf() {
  const fmt = 'Allele|Consequence|IMPACT|SYMBOL|Gene|Feature_type|Feature|BIOTYPE|EXON|INTRON|HGVSc|HGVSp|cDNA_position|CDS_position|Protein_position|Amino_acids|Codons|Existing_variation|DISTANCE|STRAND|FLAGS|SYMBOL_SOURCE|HGNC_ID|CANONICAL|PICK'
  yield '##fileformat=VCFv4.2'
  yield '##tumor_sample=TUMOR'
  yield '##normal_sample=NORMAL'
  yield '##FILTER=<ID=PASS,Description="All filters passed">'
  yield '##INFO=<ID=DP,Number=1,Type=Integer,Description="Depth">'
  yield `##INFO=<ID=CSQ,Number=.,Type=String,Description="Consequence annotations from Ensembl VEP. Format: ${fmt}">`
  yield '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">'
  yield '##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allelic depths">'
  yield '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Depth">'
  for (let c = 1; c <= 22; c++) yield `##contig=<ID=chr${c},length=250000000>`
  yield '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tNORMAL\tTUMOR'
  // Sorted by chromosome then position, as callers write them.
  const perChrom = Math.ceil(VCF_RECORDS / 22)
  for (let r = 0; r < VCF_RECORDS; r++) {
    const chrom = 1 + Math.floor(r / perChrom)
    const pos = 10_000 + (r % perChrom) * 97
    const g = gene()
    const [cls, , type] = klass()
    const ref = pick(BASES)
    const alt = type === 'INS' ? ref + pick(BASES) : type === 'DEL' ? pick(BASES) : pick(BASES.filter((b) => b !== ref))
    const vref = type === 'DEL' ? ref + alt : ref
    const valt = type === 'DEL' ? ref : alt
    const vepAllele = type === 'INS' ? valt.slice(1) : type === 'DEL' ? '-' : valt
    const codon = 1 + Math.floor(rand() * 1200)
    const hgvsp = cls === 'Missense_Mutation' ? `ENSP00000${g}.1:p.Arg${codon}His` : ''
    const csq = [vepAllele, SO[cls], 'MODERATE', genes[g], `ENSG${g}`, 'Transcript', `ENST${g}`, 'protein_coding', '', '', '', hgvsp, '', '', String(codon), '', '', '', '', '1', '', 'HGNC', '', 'YES', '1'].join('|')
    const dp = 30 + Math.floor(rand() * 400)
    const ac = 3 + Math.floor(rand() * (dp / 2))
    yield `chr${chrom}\t${pos}\t.\t${vref}\t${valt}\t.\tPASS\tDP=${dp};CSQ=${csq}\tGT:AD:DP\t0/0:${dp}:${dp}\t0/1:${dp - ac},${ac}:${dp}`
  }
}

function* clinical() {
  yield ['sample_id', 'best_response', 'pfs_months', 'pfs_event', 'os_months', 'os_event'].join('\t')
  for (let i = 0; i < SAMPLES; i++) {
    const resp = pick(['CR', 'PR', 'PR', 'SD', 'SD', 'SD', 'PD', 'PD'])
    const pfs = (0.5 + rand() * 30).toFixed(1)
    const os = (Number(pfs) + rand() * 30).toFixed(1)
    yield [sampleId(i), resp, pfs, rand() < 0.7 ? 1 : 0, os, rand() < 0.5 ? 1 : 0].join('\t')
  }
}

function* cna() {
  yield ['sample', 'gene', 'copy_number'].join('\t')
  for (let i = 0; i < SAMPLES; i++) {
    const k = Math.floor(rand() * 4)
    for (let j = 0; j < k; j++) yield [sampleId(i), genes[gene()], pick([0, 1, 3, 4, 8, 12])].join('\t')
  }
}

const t0 = Date.now()
await write(join(OUT, 'cohort.maf'), maf)
await write(join(OUT, 'cohort.vcf'), vcf)
await write(join(OUT, 'clinical.tsv'), clinical)
await write(join(OUT, 'cna.tsv'), cna)
process.stderr.write(`generated ${ROWS} MAF rows, ${VCF_RECORDS} VCF records, ${SAMPLES} samples in ${OUT} (${((Date.now() - t0) / 1000).toFixed(1)} s)\n`)
