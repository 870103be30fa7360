// The variants the demo draws from, as data. Coordinates are GRCh38, VCF-style (1-based POS,
// indels with their left anchor base). `checked: true` rows were cross-checked against a public
// GRCh38 record (oncokb-annotator's example_maf_grch38.txt) or lifted from a well-known GRCh37
// hotspot position by the gene's constant GRCh37->GRCh38 offset (TP53 +96682, PIK3CA +282212,
// PTEN -1759757, BRCA1 +1847983, AKT1 -466337, ERBB2 +1843747); `checked: false` rows are
// ILLUSTRATIVE (plausible position inside the gene, reference base not verified against a FASTA).

/**
 * Ensembl release 110 canonical transcripts (MANE Select), plus an optional second transcript
 * whose CSQ entry is written FIRST on some records, so "take the first CSQ entry" is visibly wrong.
 * @type {Record<string, { ensg: string, enst: string, ensp: string, hgnc: string, strand: 1 | -1,
 *   exons: number, alt?: { enst: string, consequence: string } }>}
 */
export const GENES = {
  TP53: { ensg: 'ENSG00000141510', enst: 'ENST00000269305.9', ensp: 'ENSP00000269305.4', hgnc: 'HGNC:11998', strand: -1, exons: 11,
    alt: { enst: 'ENST00000413465.6', consequence: 'intron_variant' } },
  PIK3CA: { ensg: 'ENSG00000121879', enst: 'ENST00000263967.4', ensp: 'ENSP00000263967.3', hgnc: 'HGNC:8975', strand: 1, exons: 21,
    alt: { enst: 'ENST00000462255.1', consequence: 'non_coding_transcript_exon_variant' } },
  PTEN: { ensg: 'ENSG00000171862', enst: 'ENST00000371953.8', ensp: 'ENSP00000361021.3', hgnc: 'HGNC:9588', strand: 1, exons: 9 },
  AKT1: { ensg: 'ENSG00000142208', enst: 'ENST00000649815.2', ensp: 'ENSP00000497822.1', hgnc: 'HGNC:391', strand: -1, exons: 14 },
  BRCA1: { ensg: 'ENSG00000012048', enst: 'ENST00000357654.9', ensp: 'ENSP00000350283.3', hgnc: 'HGNC:1100', strand: -1, exons: 23,
    alt: { enst: 'ENST00000461574.1', consequence: 'intron_variant' } },
  ARID1A: { ensg: 'ENSG00000117713', enst: 'ENST00000324856.13', ensp: 'ENSP00000320485.7', hgnc: 'HGNC:11110', strand: 1, exons: 20 },
  KMT2C: { ensg: 'ENSG00000055609', enst: 'ENST00000262189.11', ensp: 'ENSP00000262189.6', hgnc: 'HGNC:13726', strand: -1, exons: 59 },
  GATA3: { ensg: 'ENSG00000107485', enst: 'ENST00000379328.9', ensp: 'ENSP00000368632.3', hgnc: 'HGNC:4172', strand: 1, exons: 6 },
  ERBB2: { ensg: 'ENSG00000141736', enst: 'ENST00000269571.10', ensp: 'ENSP00000269571.5', hgnc: 'HGNC:3430', strand: 1, exons: 27 },
  NF1: { ensg: 'ENSG00000196712', enst: 'ENST00000358273.9', ensp: 'ENSP00000351015.4', hgnc: 'HGNC:7765', strand: 1, exons: 58 },
  RB1: { ensg: 'ENSG00000139687', enst: 'ENST00000267163.6', ensp: 'ENSP00000267163.4', hgnc: 'HGNC:9884', strand: 1, exons: 27 },
  CDH1: { ensg: 'ENSG00000039068', enst: 'ENST00000261769.10', ensp: 'ENSP00000261769.5', hgnc: 'HGNC:1748', strand: 1, exons: 16 },
  ESR1: { ensg: 'ENSG00000091831', enst: 'ENST00000206249.8', ensp: 'ENSP00000206249.3', hgnc: 'HGNC:3467', strand: 1, exons: 8 },
}

/**
 * VEP consequence -> IMPACT, and whether the gene-level call counts it (silent and intronic
 * calls do not make a gene "altered"). A table, not branches.
 */
export const CONSEQUENCES = {
  missense_variant: { impact: 'MODERATE', alters: true },
  stop_gained: { impact: 'HIGH', alters: true },
  frameshift_variant: { impact: 'HIGH', alters: true },
  splice_donor_variant: { impact: 'HIGH', alters: true },
  synonymous_variant: { impact: 'LOW', alters: false },
  intron_variant: { impact: 'MODIFIER', alters: false },
  non_coding_transcript_exon_variant: { impact: 'MODIFIER', alters: false },
}

/**
 * @typedef {object} Variant
 * @property {string} key  short name used by the design (gene + protein change)
 * @property {string} gene
 * @property {string} chrom
 * @property {number} pos
 * @property {string} ref
 * @property {string} alt
 * @property {keyof typeof CONSEQUENCES} consequence
 * @property {string} loc   VEP EXON ("5/11") or INTRON ("4/10") value, prefixed E: or I:
 * @property {string} hgvsc  without the transcript
 * @property {string} hgvsp  three-letter, without the protein id; '' when none
 * @property {string} cds
 * @property {string} protein
 * @property {string} aa
 * @property {string} codons
 * @property {string} rs
 * @property {boolean} checked
 */

/** @type {Variant[]} */
export const VARIANTS = [
  // TP53 (minus strand): DNA-binding-domain hotspots, truncating calls, one common silent SNP.
  v('TP53 R175H', 'TP53', 'chr17', 7675088, 'C', 'T', 'missense_variant', 'E:5/11', 'c.524G>A', 'p.Arg175His', '524', '175', 'R/H', 'cGc/cAc', 'rs28934578', true),
  v('TP53 R248Q', 'TP53', 'chr17', 7674220, 'C', 'T', 'missense_variant', 'E:7/11', 'c.743G>A', 'p.Arg248Gln', '743', '248', 'R/Q', 'cGg/cAg', 'rs11540652', true),
  v('TP53 R248W', 'TP53', 'chr17', 7674221, 'G', 'A', 'missense_variant', 'E:7/11', 'c.742C>T', 'p.Arg248Trp', '742', '248', 'R/W', 'Cgg/Tgg', 'rs121912651', true),
  v('TP53 R273H', 'TP53', 'chr17', 7673802, 'C', 'T', 'missense_variant', 'E:8/11', 'c.818G>A', 'p.Arg273His', '818', '273', 'R/H', 'cGt/cAt', 'rs28934576', true),
  v('TP53 R273C', 'TP53', 'chr17', 7673803, 'G', 'A', 'missense_variant', 'E:8/11', 'c.817C>T', 'p.Arg273Cys', '817', '273', 'R/C', 'Cgt/Tgt', 'rs121913343', true),
  v('TP53 Y220C', 'TP53', 'chr17', 7674872, 'T', 'C', 'missense_variant', 'E:6/11', 'c.659A>G', 'p.Tyr220Cys', '659', '220', 'Y/C', 'tAt/tGt', 'rs121912666', true),
  v('TP53 G245S', 'TP53', 'chr17', 7674230, 'C', 'T', 'missense_variant', 'E:7/11', 'c.733G>A', 'p.Gly245Ser', '733', '245', 'G/S', 'Ggc/Agc', 'rs28934575', true),
  v('TP53 R282W', 'TP53', 'chr17', 7673776, 'G', 'A', 'missense_variant', 'E:8/11', 'c.844C>T', 'p.Arg282Trp', '844', '282', 'R/W', 'Cgg/Tgg', 'rs28934574', true),
  v('TP53 V157F', 'TP53', 'chr17', 7675139, 'C', 'A', 'missense_variant', 'E:5/11', 'c.469G>T', 'p.Val157Phe', '469', '157', 'V/F', 'Gtc/Ttc', 'rs121912654', true),
  v('TP53 R213*', 'TP53', 'chr17', 7674894, 'G', 'A', 'stop_gained', 'E:6/11', 'c.637C>T', 'p.Arg213Ter', '637', '213', 'R/*', 'Cga/Tga', 'rs397516436', true),
  v('TP53 R196*', 'TP53', 'chr17', 7674945, 'G', 'A', 'stop_gained', 'E:6/11', 'c.586C>T', 'p.Arg196Ter', '586', '196', 'R/*', 'Cga/Tga', 'rs397516435', true),
  v('TP53 R342*', 'TP53', 'chr17', 7670685, 'G', 'A', 'stop_gained', 'E:10/11', 'c.1024C>T', 'p.Arg342Ter', '1024', '342', 'R/*', 'Cga/Tga', 'rs730882029', true),
  v('TP53 X125_splice', 'TP53', 'chr17', 7675993, 'C', 'T', 'splice_donor_variant', 'I:4/10', 'c.375+1G>A', '', '', '', '', '', '', true),
  v('TP53 R213=', 'TP53', 'chr17', 7674892, 'T', 'C', 'synonymous_variant', 'E:6/11', 'c.639A>G', 'p.Arg213=', '639', '213', 'R', 'cgA/cgG', 'rs1800372', true),
  // PIK3CA (plus strand): helical and kinase-domain hotspots, and two C2-domain mutations.
  v('PIK3CA H1047R', 'PIK3CA', 'chr3', 179234297, 'A', 'G', 'missense_variant', 'E:21/21', 'c.3140A>G', 'p.His1047Arg', '3140', '1047', 'H/R', 'cAt/cGt', 'rs121913279', true),
  v('PIK3CA H1047L', 'PIK3CA', 'chr3', 179234297, 'A', 'T', 'missense_variant', 'E:21/21', 'c.3140A>T', 'p.His1047Leu', '3140', '1047', 'H/L', 'cAt/cTt', 'rs121913279', true),
  v('PIK3CA E545K', 'PIK3CA', 'chr3', 179218303, 'G', 'A', 'missense_variant', 'E:10/21', 'c.1633G>A', 'p.Glu545Lys', '1633', '545', 'E/K', 'Gag/Aag', 'rs104886003', true),
  v('PIK3CA E542K', 'PIK3CA', 'chr3', 179218294, 'G', 'A', 'missense_variant', 'E:10/21', 'c.1624G>A', 'p.Glu542Lys', '1624', '542', 'E/K', 'Gaa/Aaa', 'rs121913273', true),
  v('PIK3CA N345K', 'PIK3CA', 'chr3', 179203765, 'T', 'A', 'missense_variant', 'E:5/21', 'c.1035T>A', 'p.Asn345Lys', '1035', '345', 'N/K', 'aaT/aaA', 'rs397517201', true),
  v('PIK3CA C420R', 'PIK3CA', 'chr3', 179210192, 'T', 'C', 'missense_variant', 'E:8/21', 'c.1258T>C', 'p.Cys420Arg', '1258', '420', 'C/R', 'Tgt/Cgt', 'rs121913272', true),
  // PTEN (plus strand) and AKT1 (minus strand).
  v('PTEN R130*', 'PTEN', 'chr10', 87933147, 'C', 'T', 'stop_gained', 'E:5/9', 'c.388C>T', 'p.Arg130Ter', '388', '130', 'R/*', 'Cga/Tga', 'rs121909224', true),
  v('PTEN R233*', 'PTEN', 'chr10', 87957915, 'C', 'T', 'stop_gained', 'E:7/9', 'c.697C>T', 'p.Arg233Ter', '697', '233', 'R/*', 'Cga/Tga', 'rs121909219', true),
  v('PTEN C136R', 'PTEN', 'chr10', 87933165, 'T', 'C', 'missense_variant', 'E:5/9', 'c.406T>C', 'p.Cys136Arg', '406', '136', 'C/R', 'Tgc/Cgc', '', true),
  v('AKT1 E17K', 'AKT1', 'chr14', 104780214, 'C', 'T', 'missense_variant', 'E:3/14', 'c.49G>A', 'p.Glu17Lys', '49', '17', 'E/K', 'Gag/Aag', 'rs121434592', true),
  // BRCA1 (minus strand): the two founder frameshifts (germline), two somatic truncating, two common silent SNPs.
  v('BRCA1 E23fs', 'BRCA1', 'chr17', 43124027, 'ACT', 'A', 'frameshift_variant', 'E:2/23', 'c.68_69del', 'p.Glu23ValfsTer17', '68-69', '23', 'E/X', 'gAG/g', 'rs80357914', true),
  v('BRCA1 Q1756fs', 'BRCA1', 'chr17', 43057062, 'T', 'TG', 'frameshift_variant', 'E:19/23', 'c.5266dup', 'p.Gln1756ProfsTer74', '5265-5266', '1755-1756', '-/X', '-/C', 'rs80357906', true),
  v('BRCA1 R1443*', 'BRCA1', 'chr17', 43082434, 'G', 'A', 'stop_gained', 'E:12/23', 'c.4327C>T', 'p.Arg1443Ter', '4327', '1443', 'R/*', 'Cga/Tga', 'rs41293455', true),
  v('BRCA1 K654fs', 'BRCA1', 'chr17', 43093568, 'CT', 'C', 'frameshift_variant', 'E:10/23', 'c.1961del', 'p.Lys654SerfsTer47', '1961', '654', 'K/X', 'aAa/aa', 'rs80357522', false),
  v('BRCA1 S1436=', 'BRCA1', 'chr17', 43082453, 'A', 'G', 'synonymous_variant', 'E:12/23', 'c.4308T>C', 'p.Ser1436=', '4308', '1436', 'S', 'tcT/tcC', 'rs1060915', false),
  v('BRCA1 L771=', 'BRCA1', 'chr17', 43093220, 'A', 'G', 'synonymous_variant', 'E:10/23', 'c.2311T>C', 'p.Leu771=', '2311', '771', 'L', 'Ttg/Ctg', 'rs16940', false),
  // Passengers in other panel genes (none in the PI3K pathway), some silent.
  v('ERBB2 L755S', 'ERBB2', 'chr17', 39723967, 'T', 'C', 'missense_variant', 'E:19/27', 'c.2264T>C', 'p.Leu755Ser', '2264', '755', 'L/S', 'tTg/tCg', 'rs121913470', true),
  v('NF1 X1445_splice', 'NF1', 'chr17', 31259031, 'G', 'A', 'splice_donor_variant', 'I:32/57', 'c.4332+1G>A', '', '', '', '', '', '', true),
  v('ARID1A Q1519*', 'ARID1A', 'chr1', 26773729, 'C', 'T', 'stop_gained', 'E:18/20', 'c.4555C>T', 'p.Gln1519Ter', '4555', '1519', 'Q/*', 'Cag/Tag', '', false),
  v('ARID1A P1326=', 'ARID1A', 'chr1', 26772566, 'C', 'T', 'synonymous_variant', 'E:18/20', 'c.3978C>T', 'p.Pro1326=', '3978', '1326', 'P', 'ccC/ccT', '', false),
  v('KMT2C R380*', 'KMT2C', 'chr7', 152265129, 'G', 'A', 'stop_gained', 'E:8/59', 'c.1138C>T', 'p.Arg380Ter', '1138', '380', 'R/*', 'Cga/Tga', '', false),
  v('KMT2C E2336=', 'KMT2C', 'chr7', 152162145, 'C', 'T', 'synonymous_variant', 'E:38/59', 'c.7008G>A', 'p.Glu2336=', '7008', '2336', 'E', 'gaG/gaA', '', false),
  v('GATA3 M294fs', 'GATA3', 'chr10', 8058633, 'A', 'AG', 'frameshift_variant', 'E:5/6', 'c.880dup', 'p.Met294ArgfsTer15', '879-880', '293-294', '-/X', '-/G', '', false),
  v('RB1 R579*', 'RB1', 'chr13', 48456381, 'C', 'T', 'stop_gained', 'E:18/27', 'c.1735C>T', 'p.Arg579Ter', '1735', '579', 'R/*', 'Cga/Tga', '', false),
  v('CDH1 A692=', 'CDH1', 'chr16', 68823535, 'C', 'T', 'synonymous_variant', 'E:13/16', 'c.2076C>T', 'p.Ala692=', '2076', '692', 'A', 'gcC/gcT', 'rs1801552', false),
  v('ESR1 T594=', 'ESR1', 'chr6', 152098868, 'C', 'T', 'synonymous_variant', 'E:8/8', 'c.1782C>T', 'p.Thr594=', '1782', '594', 'T', 'acC/acT', '', false),
]

/** Positional constructor keeps the table one row per variant. */
/** @param {...(string | number | boolean)} a */
function v(...a) {
  const [key, gene, chrom, pos, ref, alt, consequence, loc, hgvsc, hgvsp, cds, protein, aa, codons, rs, checked] = a
  return /** @type {Variant} */ ({
    key, gene, chrom, pos: Number(pos), ref, alt, consequence, loc, hgvsc, hgvsp, cds, protein, aa, codons, rs,
    checked: /** @type {unknown} */ (checked) === true,
  })
}

/** @param {string} key @returns {Variant} */
export function variant(key) {
  const found = VARIANTS.find((x) => x.key === key)
  if (!found) throw new Error(`demo catalogue has no variant ${key}`)
  return found
}

/** GRCh38 contig lengths for the ##contig header lines. */
export const CONTIGS = [
  ['chr1', 248956422], ['chr3', 198295559], ['chr6', 170805979], ['chr7', 159345973], ['chr10', 133797422],
  ['chr13', 114364328], ['chr14', 107043718], ['chr16', 90338345], ['chr17', 83257441],
]
