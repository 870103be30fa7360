import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { toMafAlleles, vepAllele } from '../../src/vcf/rules/maf-alleles.js'
import { hgvspShort, shortProtein } from '../../src/vcf/hgvsp.js'

describe('toMafAlleles (vcf2maf coordinates)', () => {
  it('SNP / DNP / TNP / ONP', () => {
    expect(toMafAlleles(100, 'A', 'T')).toEqual({ start: 100, end: 100, ref: 'A', alt: 'T', variantType: 'SNP' })
    expect(toMafAlleles(100, 'AC', 'GT')).toEqual({ start: 100, end: 101, ref: 'AC', alt: 'GT', variantType: 'DNP' })
    expect(toMafAlleles(100, 'ACG', 'TTT')).toMatchObject({ end: 102, variantType: 'TNP' })
    expect(toMafAlleles(100, 'ACGT', 'TTTT')).toMatchObject({ end: 103, variantType: 'ONP' })
  })
  it('insertion: Start = POS, End = POS + 1 after trimming the anchor', () => {
    expect(toMafAlleles(100, 'A', 'ATT')).toEqual({ start: 100, end: 101, ref: '-', alt: 'TT', variantType: 'INS' })
  })
  it('deletion: Start = POS + 1, End = POS + len(deleted)', () => {
    expect(toMafAlleles(100, 'ACGT', 'A')).toEqual({ start: 101, end: 103, ref: 'CGT', alt: '-', variantType: 'DEL' })
  })
  it('trims every shared leading base, never trailing ones (vcf2maf)', () => {
    expect(toMafAlleles(100, 'ACGT', 'ACGA')).toEqual({ start: 103, end: 103, ref: 'T', alt: 'A', variantType: 'SNP' })
    expect(toMafAlleles(100, 'ACG', 'ACGTT')).toEqual({ start: 102, end: 103, ref: '-', alt: 'TT', variantType: 'INS' })
    expect(toMafAlleles(100, 'TCA', 'GA')).toEqual({ start: 100, end: 102, ref: 'TCA', alt: 'GA', variantType: 'DEL' })
    expect(toMafAlleles(100, 'AC', 'AGTT')).toEqual({ start: 101, end: 101, ref: 'C', alt: 'GTT', variantType: 'INS' })
  })
  it('property: start ≤ end, alleles non-empty, the interval spans REF (or the two flanking bases)', () => {
    const base = fc.constantFrom('A', 'C', 'G', 'T')
    const allele = fc.array(base, { minLength: 1, maxLength: 8 }).map((a) => a.join(''))
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 1e9 }), allele, allele, (pos, ref, alt) => {
        fc.pre(ref !== alt)
        const m = toMafAlleles(pos, ref, alt)
        expect(m.start).toBeLessThanOrEqual(m.end)
        expect(m.ref.length).toBeGreaterThan(0)
        expect(m.alt.length).toBeGreaterThan(0)
        if (m.ref === '-') expect(m.end - m.start).toBe(1)
        else expect(m.end - m.start + 1).toBe(m.ref.length)
      }),
    )
  })
})

describe('vepAllele', () => {
  it('strips the shared first base only when allele lengths differ', () => {
    expect(vepAllele('A', ['T'], 'T')).toBe('T')
    expect(vepAllele('AT', ['A'], 'A')).toBe('-')
    expect(vepAllele('A', ['AT', 'ATT'], 'ATT')).toBe('TT')
    expect(vepAllele('A', ['AT', 'G'], 'AT')).toBe('AT') // G does not share the first base
  })
})

describe('HGVSp_Short (vcf2maf)', () => {
  it('three-letter to one-letter, Ter to *, protein ID dropped, %3D unescaped', () => {
    expect(shortProtein('ENSP00000263967.3:p.His1047Arg')).toBe('p.H1047R')
    expect(shortProtein('ENSP1:p.Ser67GlnfsTer12')).toBe('p.S67Qfs*12')
    expect(shortProtein('ENSP1:p.Ter110GlnextTer17')).toBe('p.*110Qext*17')
    expect(shortProtein('ENSP1:p.Cys28delinsTrpVal')).toBe('p.C28delinsWV')
    expect(shortProtein('ENSP1:p.Leu2%3D')).toBe('p.L2=')
  })
  it('splice donor/acceptor: p.X{n}_splice from the c. position', () => {
    expect(hgvspShort({ hgvsc: 'ENST1:c.508+1G>A', term: 'splice_donor_variant' })).toBe('p.X170_splice')
    expect(hgvspShort({ hgvsc: 'ENST1:c.2-1G>A', term: 'splice_acceptor_variant' })).toBe('p.X1_splice')
  })
  it('synonymous p.= gains the amino acid and position', () => {
    expect(hgvspShort({ hgvsp: 'ENSP1:p.%3D', term: 'synonymous_variant', proteinPosition: '60/305', aminoAcids: 'S' })).toBe('p.S60=')
    expect(hgvspShort({ hgvsp: 'ENSP1:p.=', term: 'synonymous_variant', proteinPosition: '60', aminoAcids: 'S' })).toBe('p.S60=')
  })
})
