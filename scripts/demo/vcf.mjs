// VCF text for the demo: Mutect2-like tumour/normal somatic files and HaplotypeCaller-like
// single-sample germline files, both annotated the way Ensembl VEP 110 writes its CSQ field.
import { randInt } from './random.mjs'
import { CONSEQUENCES, CONTIGS, GENES, variant } from './catalogue.mjs'

const CSQ_FORMAT =
  'Allele|Consequence|IMPACT|SYMBOL|Gene|Feature_type|Feature|BIOTYPE|EXON|INTRON|HGVSc|HGVSp|cDNA_position|' +
  'CDS_position|Protein_position|Amino_acids|Codons|Existing_variation|DISTANCE|STRAND|FLAGS|SYMBOL_SOURCE|HGNC_ID|CANONICAL|PICK'

/** Header lines both kinds of file share (VEP's own lines; no run date, so output is reproducible). */
const VEP_LINES = [
  `##INFO=<ID=CSQ,Number=.,Type=String,Description="Consequence annotations from Ensembl VEP. Format: ${CSQ_FORMAT}">`,
  '##VEP="v110" API="v110" cache="homo_sapiens/110_GRCh38" assembly="GRCh38"',
  '##VEP-command-line=\'vep --cache --offline --assembly GRCh38 --vcf --hgvs --symbol --canonical --flag_pick_allele_gene --fasta Homo_sapiens_assembly38.fasta\'',
]

/** VEP percent-encodes the characters that would break a VCF INFO value. */
function vepEscape(/** @type {string} */ s) {
  return s.replace(/%/g, '%25').replace(/;/g, '%3B').replace(/=/g, '%3D').replace(/,/g, '%2C').replace(/ /g, '_')
}

/** VEP's allele column: the ALT with the shared VCF anchor base removed; '-' for a deletion. */
function vepAllele(/** @type {string} */ ref, /** @type {string} */ alt) {
  return ref.length !== alt.length && ref[0] === alt[0] ? alt.slice(1) || '-' : alt
}

/**
 * The CSQ value for one catalogue variant: the canonical (PICK) entry, preceded by a non-canonical
 * transcript entry when `withAlt` and the gene has one.
 * @param {import('./catalogue.mjs').Variant} v @param {boolean} withAlt
 */
export function csq(v, withAlt) {
  const g = GENES[v.gene]
  if (!g) throw new Error(`no transcript for ${v.gene}`)
  const allele = vepAllele(v.ref, v.alt)
  const [where, number] = v.loc.split(':')
  const entries = []
  if (withAlt && g.alt) {
    const biotype = g.alt.consequence.startsWith('non_coding') ? 'retained_intron' : 'protein_coding'
    entries.push([allele, g.alt.consequence, CONSEQUENCES[/** @type {keyof typeof CONSEQUENCES} */ (g.alt.consequence)].impact, v.gene, g.ensg,
      'Transcript', g.alt.enst, biotype, '', '', '', '', '', '', '', '', '', v.rs, '', String(g.strand), '', 'HGNC', g.hgnc, '', ''])
  }
  entries.push([allele, v.consequence, CONSEQUENCES[v.consequence].impact, v.gene, g.ensg, 'Transcript', g.enst, 'protein_coding',
    where === 'E' ? number : '', where === 'I' ? number : '', `${g.enst}:${v.hgvsc}`, v.hgvsp ? `${g.ensp}:${v.hgvsp}` : '',
    '', v.cds, v.protein, v.aa, v.codons, v.rs, '', String(g.strand), '', 'HGNC', g.hgnc, 'YES', '1'])
  return entries.map((e) => e.map((f) => vepEscape(f ?? '')).join('|')).join(',')
}

const CONTIG_ORDER = new Map(CONTIGS.map(([c], i) => [String(c), i]))

/** Sort calls by contig order, then position (VCF requires it for indexing). */
function byPosition(/** @type {import('./genomics.mjs').Call[]} */ calls) {
  return calls.slice().sort((a, b) => {
    const va = variant(a.key)
    const vb = variant(b.key)
    return (CONTIG_ORDER.get(va.chrom) ?? 99) - (CONTIG_ORDER.get(vb.chrom) ?? 99) || va.pos - vb.pos
  })
}

const CONTIG_LINES = CONTIGS.map(([c, len]) => `##contig=<ID=${c},length=${len},assembly=GRCh38>`)

/**
 * A Mutect2 (FilterMutectCalls) tumour/normal VCF. GATK writes sample columns sorted by name,
 * so the normal (PTxx_N) comes first; readers must use ##tumor_sample, not the column order.
 * @param {import('./genomics.mjs').Genome} g @param {import('./random.mjs').Rng} rng
 */
export function somaticVcf(g, rng) {
  const tumor = `${g.id}_T`
  const normal = `${g.id}_N`
  const head = [
    '##fileformat=VCFv4.2',
    '##FILTER=<ID=PASS,Description="All filters passed">',
    '##FILTER=<ID=germline,Description="Evidence indicates this site is germline, not somatic">',
    '##FILTER=<ID=normal_artifact,Description="artifact_in_normal">',
    '##FILTER=<ID=strand_bias,Description="Evidence for alt allele comes from one read direction only">',
    '##FILTER=<ID=weak_evidence,Description="Mutation does not meet likelihood threshold">',
    '##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allelic depths for the ref and alt alleles in the order listed">',
    '##FORMAT=<ID=AF,Number=A,Type=Float,Description="Allele fractions of alternate alleles in the tumor">',
    '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Approximate read depth (reads with MQ=255 or with bad mates are filtered)">',
    '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
    VEP_LINES[0],
    '##INFO=<ID=DP,Number=1,Type=Integer,Description="Approximate read depth; some reads may have been filtered">',
    '##INFO=<ID=TLOD,Number=A,Type=Float,Description="Log 10 likelihood ratio score of variant existing versus not existing">',
    ...VEP_LINES.slice(1),
    ...CONTIG_LINES,
    `##normal_sample=${normal}`,
    '##reference=file:///references/GRCh38/Homo_sapiens_assembly38.fasta',
    '##source=FilterMutectCalls',
    '##source=Mutect2',
    `##tumor_sample=${tumor}`,
    ['#CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER', 'INFO', 'FORMAT', normal, tumor].join('\t'),
  ]
  const body = byPosition(g.calls.filter((c) => c.origin === 'somatic')).map((c) => {
    const v = variant(c.key)
    const dpT = randInt(rng, 180, 650)
    const altT = Math.max(2, Math.round(c.vaf * dpT))
    const dpN = randInt(rng, 60, 220)
    // A germline het shows up at ~50% in the normal too: that is what the germline filter saw.
    const altN = c.filter.includes('germline') ? Math.round(dpN * (0.45 + 0.1 * rng())) : 0
    // weak_evidence means the tumour log-odds stayed under Mutect2's threshold (~6.3).
    const tlod = (c.filter === 'weak_evidence' ? 1.5 + 4 * rng() : altT * 2.9 + 3 * rng()).toFixed(2)
    const info = `DP=${dpT + dpN};TLOD=${tlod};CSQ=${csq(v, rng() < 0.35)}`
    const tumorCol = `0/1:${dpT - altT},${altT}:${(altT / dpT).toFixed(3)}:${dpT}`
    const normalCol = `${altN > 0 ? '0/1' : '0/0'}:${dpN - altN},${altN}:${((altN + 1) / (dpN + 2)).toFixed(3)}:${dpN}`
    return [v.chrom, v.pos, '.', v.ref, v.alt, '.', c.filter, info, 'GT:AD:AF:DP', normalCol, tumorCol].join('\t')
  })
  return [...head, ...body].join('\n') + '\n'
}

/**
 * A single-sample germline VCF (HaplotypeCaller-like) for the normal, VEP-annotated.
 * @param {import('./genomics.mjs').Genome} g @param {import('./random.mjs').Rng} rng
 */
export function germlineVcf(g, rng) {
  const sample = `${g.id}_N`
  const head = [
    '##fileformat=VCFv4.2',
    '##FILTER=<ID=PASS,Description="All filters passed">',
    '##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allelic depths for the ref and alt alleles in the order listed">',
    '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Approximate read depth (reads with MQ=255 or with bad mates are filtered)">',
    '##FORMAT=<ID=GQ,Number=1,Type=Integer,Description="Genotype Quality">',
    '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
    VEP_LINES[0],
    '##INFO=<ID=DP,Number=1,Type=Integer,Description="Approximate read depth; some reads may have been filtered">',
    ...VEP_LINES.slice(1),
    ...CONTIG_LINES,
    '##reference=file:///references/GRCh38/Homo_sapiens_assembly38.fasta',
    '##source=HaplotypeCaller',
    ['#CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER', 'INFO', 'FORMAT', sample].join('\t'),
  ]
  const body = byPosition(g.calls.filter((c) => c.origin === 'germline')).map((c) => {
    const v = variant(c.key)
    const dp = randInt(rng, 70, 240)
    const alt = Math.round(dp * (0.42 + 0.16 * rng()))
    const qual = (alt * 25.3 + 20 * rng()).toFixed(2)
    const info = `DP=${dp};CSQ=${csq(v, rng() < 0.5)}`
    return [v.chrom, v.pos, v.rs || '.', v.ref, v.alt, qual, 'PASS', info, 'GT:AD:DP:GQ', `0/1:${dp - alt},${alt}:${dp}:99`].join('\t')
  })
  return [...head, ...body].join('\n') + '\n'
}
