import { describe, expect, it } from 'vitest'
import { sniffText } from '../../src/input/sniff.js'

describe('format sniffing from content', () => {
  it('finds VCF by its fileformat line or #CHROM header', () => {
    expect(sniffText('##fileformat=VCFv4.2\n#CHROM\tPOS\n')).toBe('vcf')
    expect(sniffText('#CHROM\tPOS\tID\tREF\tALT\n')).toBe('vcf')
  })
  it('finds MAF by its required columns, after #version lines, whatever the case', () => {
    expect(sniffText('#version 2.4\nhugo_symbol\tChromosome\tVariant_Classification\tTumor_Sample_Barcode\n')).toBe('maf')
  })
  it('finds ANNOVAR multianno tables', () => {
    expect(sniffText('Chr\tStart\tEnd\tRef\tAlt\tFunc.refGene\tGene.refGene\n')).toBe('annovar')
  })
  it('calls anything else a table needing a column map', () => {
    expect(sniffText('Patient,Gene,Consequence\n')).toBe('table')
  })
})
