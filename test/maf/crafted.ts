/** Crafted MAF texts, one per reader edge case (test/maf/bytes.test.ts, test/maf/parallel.test.ts). */
export const HEADER = 'Hugo_Symbol\tChromosome\tStart_Position\tEnd_Position\tReference_Allele\tTumor_Seq_Allele2\tVariant_Classification\tVariant_Type\tTumor_Sample_Barcode\tHGVSp_Short\tt_alt_count\tt_ref_count\tMutation_Status\tFILTER'
export const ROW = (s: string, gene = 'TP53', pos = '7675088', cls = 'Missense_Mutation', extra = 'p.R175H\t12\t30\tSomatic\tPASS') =>
  `${gene}\t17\t${pos}\t${pos}\tC\tT\t${cls}\tSNP\t${s}\t${extra}`

export const CRAFTED: Record<string, string> = {
  plain: [HEADER, ROW('S1'), ROW('S2', 'PIK3CA', '179234297'), ''].join('\n'),
  crlf: [HEADER, ROW('S1'), ROW('S2'), ''].join('\r\n'),
  loneCr: [HEADER, ROW('S1'), ROW('S2'), ''].join('\r'),
  bom: '\ufeff' + [HEADER, ROW('S1'), ''].join('\n'),
  noFinalNewline: [HEADER, ROW('S1'), ROW('S2')].join('\n'),
  quoted: [HEADER, ROW('"S1"'), ROW('S2'), ''].join('\n'),
  spaces: [HEADER, ROW(' S1 '), ROW('S2', ' KRAS'), ROW('S3', 'TP53', '7675088', ' Nonsense_Mutation '), ''].join('\n'),
  naPosition: [HEADER, ROW('S1', 'FLT3', 'NA'), ''].join('\n'),
  nonStandardClass: [HEADER, ROW('S1', 'FLT3', '100', 'ITD'), ROW('S2', 'FLT3', '100', 'ITD'), ''].join('\n'),
  duplicates: [HEADER, ROW('S1'), ROW('S1'), ROW('S1', 'TP53', '7675089'), ''].join('\n'),
  missingGene: [HEADER, ROW('S1', 'NA'), ROW('S2', ''), ''].join('\n'),
  blankLines: [HEADER, '', ROW('S1'), '   ', ROW('S2'), ''].join('\n'),
  commentsFirst: ['#version 2.4', '#another', HEADER, ROW('S1'), ''].join('\n'),
  emptyCounts: [HEADER, ROW('S1', 'TP53', '7675088', 'Missense_Mutation', 'p.R175H\t\t\tSomatic\tPASS'), ROW('S2', 'TP53', '7675088', 'Missense_Mutation', '.\tNA\t5\t\t'), ''].join('\n'),
  germlineStatus: [HEADER, ROW('S1', 'BRCA1', '43045712', 'Nonsense_Mutation', 'p.Q1756*\t10\t10\tGermline\tPASS'), ROW('S2', 'BRCA1', '43045712', 'Nonsense_Mutation', 'p.Q1756*\t10\t10\tLOH\tPASS'), ''].join('\n'),
  wrongColumnCount: [HEADER, ROW('S1'), 'TP53\t17\t1', ''].join('\n'),
  badNumber: [HEADER, ROW('S1', 'TP53', '12x'), ''].join('\n'),
  badChromosome: [HEADER, ROW('S1').replace('\t17\t', '\tA000000005\t'), ''].join('\n'),
  endBeforeStart: [HEADER, 'TP53\t17\t200\t100\tC\tT\tMissense_Mutation\tSNP\tS1\tp.X\t1\t1\tSomatic\tPASS', ''].join('\n'),
  alleleInAllele1: [
    'Hugo_Symbol\tChromosome\tStart_Position\tEnd_Position\tReference_Allele\tTumor_Seq_Allele1\tTumor_Seq_Allele2\tVariant_Classification\tVariant_Type\tTumor_Sample_Barcode',
    'TP53\t17\t100\t100\tC\tT\tC\tMissense_Mutation\tSNP\tS1',
    '',
  ].join('\n'),
  inferredType: [HEADER, ROW('S1').replace('\tSNP\t', '\tNA\t'), ''].join('\n'),
  // Every row is checked before the duplicate check: a repeated key does not hide a bad count.
  duplicateWithBadCount: [HEADER, ROW('S1'), ROW('S1', 'TP53', '7675088', 'Missense_Mutation', 'p.R175H\t1x\t30\tSomatic\tPASS'), ''].join('\n'),
  // Classes not counted (a repeated Silent row counts once), a project word, date-like genes (SEPT9 is a gene).
  notes: [
    HEADER, ROW('S1', 'TP53', '100', 'Silent'), ROW('S1', 'TP53', '100', 'Silent'), ROW('S2', '1-Dec', '200', 'Intron'), ROW('S3', 'SEPT9', '300'),
    ROW('S3', '10-Mar', '400', 'ITD'), ROW('S4', 'KRAS', '500', 'Silent'), ROW('S4', '1-Dec', '600'), '',
  ].join('\n'),
  utf8Names: [HEADER, ROW('Échantillon-1'), ROW('患者2'), ''].join('\n'),
  headerOnly: HEADER + '\n',
  empty: '',
}
