#!/usr/bin/env node
// A VEP-annotated tumour/normal VCF whose one record has N ALT alleles (one CSQ entry per ALT, AD
// with N + 1 values), then the time and peak RSS of `biomarkit summary` and `convert` on it, with
// and without --split-multiallelic: the issue-21 case (10k/20k/40k ALTs took 1.3/4.7/16.8 s; 200k did
// not finish). Usage: node bench/many-alts.mjs [N …] (default 10000 40000 200000). Needs npm run build.
import { spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const FORMAT = 'Allele|Consequence|IMPACT|SYMBOL|Gene|Feature_type|Feature|BIOTYPE|EXON|HGVSc|HGVSp|cDNA_position|Protein_position|Amino_acids|ALLELE_NUM|CANONICAL|PICK'
const OUT = 'bench/out'
mkdirSync(OUT, { recursive: true })

/** ALT k: REF 'A' followed by k written in bases (distinct insertions). */
function alt(k) {
  let s = ''
  for (let x = k + 1; x > 0; x = Math.floor(x / 4)) s += 'ACGT'[x % 4]
  return `A${s}`
}

export function manyAltsVcf(n) {
  const alts = Array.from({ length: n }, (_, k) => alt(k))
  const csq = alts.map((a) => `${a.slice(1)}|frameshift_variant|HIGH|TP53|ENSG1|Transcript|ENST1|protein_coding|5/11|c.1ins|p.V1fs|1|1|V/VX||YES|`).join(',')
  const ad = ['100', ...alts.map((_, k) => String(k % 7))].join(',')
  return [
    '##fileformat=VCFv4.2',
    `##INFO=<ID=CSQ,Number=.,Type=String,Description="Consequence annotations from Ensembl VEP. Format: ${FORMAT}">`,
    '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
    '##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allelic depths">',
    '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Depth">',
    '##tumor_sample=TUMOR',
    '##normal_sample=NORMAL',
    '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tNORMAL\tTUMOR',
    `17\t7675088\t.\tA\t${alts.join(',')}\t.\tPASS\tCSQ=${csq}\tGT:AD:DP\t0/0:30,${alts.map(() => '0').join(',')}:30\t0/1/2:${ad}:500`,
    '',
  ].join('\n')
}

function measure(args) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %M', 'node', 'dist/bin/biomarkit.js', ...args], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 28, timeout: 600_000 })
  const [wall, user, rss] = (r.stderr.trim().split('\n').pop() ?? '').split(' ').map(Number)
  return r.status === 0 ? `${wall.toFixed(2)} s wall, ${user.toFixed(2)} s user, ${(rss / 1024).toFixed(0)} MB` : `exit ${r.status}${r.signal ? ` (${r.signal})` : ''}`
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const ns = process.argv.slice(2).map(Number)
  for (const n of ns.length > 0 ? ns : [10_000, 40_000, 200_000]) {
    const f = join(OUT, `many-alts-${n}.vcf`)
    writeFileSync(f, manyAltsVcf(n))
    console.log(`${n} ALTs: summary ${measure(['summary', f, '--json'])}; convert --split-multiallelic ${measure(['convert', f, '--to', 'maf', '--split-multiallelic'])}`)
  }
}
