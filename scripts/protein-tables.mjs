// Builds panels/protein-lengths.tsv.gz and panels/protein-domains.tsv.gz (lollipop plots) from
// maftools' protein tables in ../shared/data/maftools (MIT with maftools; domains from NCBI RefSeq /
// CDD, public-domain US government data). Only the columns the plots use are kept; no value changes.
//   lengths: gene, refseq, protein, aa_length, has_domains — one row per RefSeq protein; per gene the
//            transcripts of the domain table come first in its order (maftools' tie rule reads that
//            order), then prot_len.txt-only transcripts in their order.
//   domains: refseq, start, end, label — rows in the domain table's order.
// Usage: node scripts/protein-tables.mjs [../shared/data/maftools]
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'

const dir = process.argv[2] ?? join(import.meta.dirname, '..', '..', 'shared', 'data', 'maftools')
const rows = (f) => gunzipSync(readFileSync(join(dir, f))).toString('utf8').split('\n').filter((l) => l !== '').map((l) => l.split('\t'))
const [dHead, ...domains] = rows('protein_domains.tsv.gz')
const [lHead, ...lengths] = rows('prot_len.txt.gz')
const col = (head, name) => {
  const i = head.indexOf(name)
  if (i < 0) throw new Error(`column ${name} missing`)
  return i
}
const [dGene, dRef, dProt, dLen, dStart, dEnd, dLabel] = ['HGNC', 'refseq.ID', 'protein.ID', 'aa.length', 'Start', 'End', 'Label'].map((n) => col(dHead, n))
const [lGene, lRef, lProt, lLen] = ['Hugo_Symbol', 'refseq.ID', 'protein.ID', 'aa.length'].map((n) => col(lHead, n))

const byGene = new Map()
const seen = new Set()
const add = (gene, refseq, protein, len, has) => {
  const key = `${gene}\t${refseq}`
  if (seen.has(key)) return
  seen.add(key)
  if (!byGene.has(gene)) byGene.set(gene, [])
  byGene.get(gene).push([gene, refseq, protein, len, has ? '1' : '0'].join('\t'))
}
for (const r of domains) add(r[dGene], r[dRef], r[dProt], r[dLen], true)
for (const r of lengths) add(r[lGene], r[lRef], r[lProt], r[lLen], false)
const genes = [...byGene.keys()].sort()
const lenOut = ['gene\trefseq\tprotein\taa_length\thas_domains', ...genes.flatMap((g) => byGene.get(g))].join('\n') + '\n'
const domOut = ['refseq\tstart\tend\tlabel', ...domains.map((r) => [r[dRef], r[dStart], r[dEnd], r[dLabel]].join('\t'))].join('\n') + '\n'
const panels = join(import.meta.dirname, '..', 'panels')
writeFileSync(join(panels, 'protein-lengths.tsv.gz'), gzipSync(lenOut, { level: 9 }))
writeFileSync(join(panels, 'protein-domains.tsv.gz'), gzipSync(domOut, { level: 9 }))
console.log(`${genes.length} genes, ${seen.size} transcripts, ${domains.length} domains`)
