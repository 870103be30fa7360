import { describe, expect, it } from 'vitest'
import { isVariantClass, MAF_CLASSES } from '../../src/model/alteration.js'
import { InputError } from '../../src/errors.js'
import {
  classifyConsequence,
  CONSEQUENCE_TABLE,
  EFF_ALIASES,
  effectPriority,
  LOWEST_PRIORITY,
  lookupTerm,
  splitTerms,
} from '../../src/model/consequence.js'
import { BCSQ_TERMS, FUNCOTATOR_CLASSES, ONCOTATOR_CLASSES } from '../../src/model/annotator-terms.js'

const cls = (terms: string[], ref = 'A', alt = 'T') => classifyConsequence(terms, ref, alt).variantClass

describe('consequence table', () => {
  it('maps every term (SO, EFF alias, ANNOVAR) to a valid MAF class for every allele shape', () => {
    const shapes: [string, string][] = [['A', 'T'], ['AT', 'A'], ['A', 'AT'], ['ACGT', 'A'], ['A', 'ACGT'], ['AC', 'GT']]
    for (const term of CONSEQUENCE_TABLE.keys()) {
      for (const [r, a] of shapes) {
        const c = classifyConsequence([term], r, a)
        expect(isVariantClass(c.variantClass), `${term} ${r}>${a} → ${c.variantClass}`).toBe(true)
        expect(c.term).toBe(term)
      }
    }
  })

  it('reaches every MAF mutation class vcf2maf can emit', () => {
    const reached = new Set<string>()
    for (const term of CONSEQUENCE_TABLE.keys()) {
      for (const [r, a] of [['A', 'T'], ['AT', 'A'], ['A', 'AT'], ['ACGT', 'A'], ['A', 'ACGT']] as const) reached.add(cls([term], r, a))
    }
    // vcf2maf never writes the GDC-only start/stop codon classes; those come only from MAF input.
    const notFromVcf = new Set(['De_novo_Start_InFrame', 'De_novo_Start_OutOfFrame', 'Start_Codon_SNP', 'Start_Codon_Del', 'Start_Codon_Ins', 'Stop_Codon_Del', 'Stop_Codon_Ins', 'Amp', 'Del'])
    const missing = MAF_CLASSES.filter((c) => !notFromVcf.has(c) && !reached.has(c))
    expect(missing).toEqual([])
  })

  it('every EFF alias points at an SO term of the table', () => {
    for (const [eff, so] of Object.entries(EFF_ALIASES)) expect(lookupTerm(eff), eff).toBe(lookupTerm(so))
  })

  it('reports an unknown term as a located UNKNOWN_TERM error', () => {
    let err: unknown
    try {
      classifyConsequence(['missense_variant', 'made_up_variant'], 'A', 'T', { file: 'x.vcf', line: 12, column: 8 })
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(InputError)
    expect((err as InputError).code).toBe('UNKNOWN_TERM')
    expect((err as InputError).format()).toMatch(/^x\.vcf:12:8: unknown consequence term "made_up_variant"/)
  })
})

describe('vcf2maf GetVariantClassification parity', () => {
  it('frameshift by indel direction; a frameshift_variant on an MNP falls through to Targeted_Region', () => {
    expect(cls(['frameshift_variant'], 'AT', 'A')).toBe('Frame_Shift_Del')
    expect(cls(['frameshift_variant'], '-', 'T')).toBe('Frame_Shift_Ins')
    expect(cls(['frameshift_variant'], 'AC', 'GT')).toBe('Targeted_Region')
  })

  it('protein_altering_variant: frame from the length difference', () => {
    expect(cls(['protein_altering_variant'], 'ACGT', 'A')).toBe('In_Frame_Del')
    expect(cls(['protein_altering_variant'], 'A', 'ACGT')).toBe('In_Frame_Ins')
    expect(cls(['protein_altering_variant'], 'AC', 'A')).toBe('Frame_Shift_Del')
    expect(cls(['protein_altering_variant'], '-', 'TT')).toBe('Frame_Shift_Ins')
    expect(cls(['protein_altering_variant'], 'AC', 'GT')).toBe('Targeted_Region')
  })

  it('takes the most severe of &-joined terms by vcf2maf priority', () => {
    expect(cls(splitTerms('splice_region_variant&intron_variant'))).toBe('Splice_Region')
    expect(cls(splitTerms('missense_variant&splice_region_variant'))).toBe('Missense_Mutation')
    expect(cls(splitTerms('stop_gained&frameshift_variant'), 'AT', 'A')).toBe('Nonsense_Mutation') // tie at 3: first listed
    expect(cls(splitTerms('frameshift_variant&stop_gained'), 'AT', 'A')).toBe('Frame_Shift_Del')
    expect(cls(splitTerms('5_prime_UTR_truncation+exon_loss_variant'), 'AT', 'A')).toBe('Splice_Site')
  })

  it('keeps vcf2maf quirks: newer VEP splice terms and start_retained_variant are Targeted_Region', () => {
    for (const t of ['splice_donor_5th_base_variant', 'splice_donor_region_variant', 'splice_polypyrimidine_tract_variant', 'start_retained_variant']) {
      expect(cls([t]), t).toBe('Targeted_Region')
    }
    expect(effectPriority('splice_donor_5th_base_variant')).toBe(LOWEST_PRIORITY)
    expect(effectPriority('start_retained_variant')).toBe(9)
    expect(cls(['NMD_transcript_variant'])).toBe('Silent')
    expect(cls(['transcript_amplification'])).toBe('Intron')
    expect(cls(['coding_sequence_variant'])).toBe('Missense_Mutation')
    expect(cls([])).toBe('Targeted_Region')
  })

  it('maps legacy SnpEff EFF names', () => {
    expect(cls(['NON_SYNONYMOUS_CODING'])).toBe('Missense_Mutation')
    expect(cls(['FRAME_SHIFT'], 'AT', 'A')).toBe('Frame_Shift_Del')
    expect(cls(['STOP_GAINED'])).toBe('Nonsense_Mutation')
    expect(cls(['SPLICE_SITE_DONOR'])).toBe('Splice_Site')
    expect(cls(['SYNONYMOUS_CODING'])).toBe('Silent')
    expect(cls(['CODON_DELETION'], 'ACGT', 'A')).toBe('In_Frame_Del')
    expect(cls(['UTR_3_PRIME'])).toBe("3'UTR")
  })

  it('maps ANNOVAR terms as maftools annovarToMaf, with spaces or underscores', () => {
    const table: [string, string][] = [
      ['nonsynonymous SNV', 'Missense_Mutation'],
      ['nonsynonymous_SNV', 'Missense_Mutation'],
      ['stopgain', 'Nonsense_Mutation'],
      ['frameshift deletion', 'Frame_Shift_Del'],
      ['nonframeshift insertion', 'In_Frame_Ins'],
      ['splicing', 'Splice_Site'],
      ['UTR5', "5'UTR"],
      ['intronic', 'Intron'],
      ['intergenic', 'IGR'],
      ['ncRNA_exonic', 'RNA'],
      ['synonymous SNV', 'Silent'],
      ['stoploss', 'Nonstop_Mutation'],
      ['startloss', 'Translation_Start_Site'],
      ['unknown', 'Unknown'],
    ]
    for (const [t, c] of table) expect(cls([t]), t).toBe(c)
    expect(cls(splitTerms('UTR5;UTR3'))).toBe("5'UTR")
    expect(cls(splitTerms('nonsynonymous SNV;splicing'))).toBe('Splice_Site')
  })
})

describe('later annotators’ vocabularies', () => {
  it('every GATK Funcotator Variant_Classification maps to the MAF class GATK’s MAF writer gives it', () => {
    // GencodeFuncotation.VariantClassification (broadinstitute/gatk), current and older values; the
    // expected class is MafOutputRendererConstants.VariantClassificationMap, else the same-named MAF class.
    const gatk: [string, string, string, string][] = [
      ['COULD_NOT_DETERMINE', 'A', 'T', 'Unknown'],
      ['INTRON', 'A', 'T', 'Intron'],
      ['FIVE_PRIME_UTR', 'A', 'T', "5'UTR"],
      ['THREE_PRIME_UTR', 'A', 'T', "3'UTR"],
      ['IGR', 'A', 'T', 'IGR'],
      ['FIVE_PRIME_FLANK', 'A', 'T', "5'Flank"],
      ['THREE_PRIME_FLANK', 'A', 'T', "3'Flank"],
      ['MISSENSE', 'A', 'T', 'Missense_Mutation'],
      ['NONSENSE', 'A', 'T', 'Nonsense_Mutation'],
      ['NONSTOP', 'A', 'T', 'Nonstop_Mutation'],
      ['SILENT', 'A', 'T', 'Silent'],
      ['SPLICE_SITE', 'A', 'T', 'Splice_Site'],
      ['IN_FRAME_DEL', 'ACGT', 'A', 'In_Frame_Del'],
      ['IN_FRAME_INS', 'A', 'ACGT', 'In_Frame_Ins'],
      ['FRAME_SHIFT_INS', 'A', 'AC', 'Frame_Shift_Ins'],
      ['FRAME_SHIFT_DEL', 'AC', 'A', 'Frame_Shift_Del'],
      ['FRAME_SHIFT_SUB', 'ACG', 'T', 'Frame_Shift_Del'],
      ['START_CODON_SNP', 'A', 'T', 'Start_Codon_SNP'],
      ['START_CODON_INS', 'A', 'AT', 'Start_Codon_Ins'],
      ['START_CODON_DEL', 'AT', 'A', 'Translation_Start_Site'],
      ['STOP_CODON_INS', 'A', 'AT', 'Stop_Codon_Ins'],
      ['STOP_CODON_DEL', 'AT', 'A', 'Stop_Codon_Del'],
      ['STOP_CODON_SNP', 'A', 'T', 'Nonstop_Mutation'],
      ['DE_NOVO_START_IN_FRAME', 'A', 'T', 'De_novo_Start_InFrame'],
      ['DE_NOVO_START_OUT_FRAME', 'A', 'T', 'De_novo_Start_OutOfFrame'],
      ['RNA', 'A', 'T', 'RNA'],
      ['LINCRNA', 'A', 'T', 'RNA'],
    ]
    for (const [w, r, a, c] of gatk) expect(cls([w], r, a), w).toBe(c)
    for (const [w] of FUNCOTATOR_CLASSES) expect(gatk.some(([g]) => g === w), `${w} is not a GATK class`).toBe(true)
    // several funcotations of one allele rank like VEP terms: NONSENSE before MISSENSE before INTRON
    expect(effectPriority('NONSENSE')).toBe(effectPriority('stop_gained'))
    expect(effectPriority('MISSENSE')).toBe(effectPriority('missense_variant'))
    expect(effectPriority('COULD_NOT_DETERMINE')).toBe(LOWEST_PRIORITY)
  })

  it('every Oncotator class word maps to the MAF class of the same name (lincRNA → RNA)', () => {
    for (const [w, , rule] of ONCOTATOR_CLASSES) {
      expect(lookupTerm(w)?.rule, w).toBe(w === 'lincRNA' ? 'RNA' : w)
      expect(isVariantClass(rule), w).toBe(true)
    }
    expect(cls(['lincRNA'])).toBe('RNA')
  })

  it('every bcftools csq word (csq.c csq_strings[] and NMD_transcript) names an SO term of the table', () => {
    const csqStrings = ['synonymous', 'missense', 'stop_lost', 'stop_gained', 'inframe_deletion', 'inframe_insertion', 'frameshift', 'splice_acceptor', 'splice_donor', 'start_lost', 'splice_region', 'stop_retained', '5_prime_utr', '3_prime_utr', 'non_coding', 'intron', 'intergenic', 'inframe_altering', 'coding_sequence', 'feature_elongation', 'start_retained', 'NMD_transcript']
    expect(Object.keys(BCSQ_TERMS).sort()).toEqual([...csqStrings].sort())
    for (const w of csqStrings) expect(lookupTerm(BCSQ_TERMS[w] as string)?.vocabulary, w).toBe('so')
    expect(cls([BCSQ_TERMS.missense as string])).toBe('Missense_Mutation')
    expect(cls([BCSQ_TERMS['5_prime_utr'] as string])).toBe("5'UTR")
    expect(cls([BCSQ_TERMS.non_coding as string])).toBe('RNA')
  })

  it('inframe_indel (bcftools inframe_altering): in-frame by this record’s indel direction, Missense for a substitution', () => {
    expect(cls(['inframe_indel'], 'AC', 'A')).toBe('In_Frame_Del')
    expect(cls(['inframe_indel'], 'A', 'AC')).toBe('In_Frame_Ins')
    expect(cls(['inframe_indel'], 'A', 'T')).toBe('Missense_Mutation')
    expect(effectPriority('inframe_indel')).toBe(effectPriority('inframe_deletion'))
  })
})
