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
} from '../../src/vcf/consequence.js'

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
