/**
 * vcf2maf's choice of one ALT per multi-allelic record (src/vcf/multiallelic.ts), case by case
 * from vcf2maf.pl's rule.
 */
import { describe, expect, it } from 'vitest'
import { adForChoice, chooseAlt, gtParts, otherCarried } from '../../src/vcf/multiallelic.js'

const choose = (alts: number, t: string | undefined, n: string | undefined, ad?: string) => {
  const a = ad === undefined ? undefined : adForChoice(ad)
  return chooseAlt(alts, gtParts(t), gtParts(n), a, a?.length ?? 0)
}

describe("vcf2maf's ALT of a multi-allelic record", () => {
  it('the first tumour GT allele that is not REF and not in the normal GT, even with fewer reads', () => {
    expect(choose(3, '0/1/2/3', '0/0', '28,3,11,12')).toBe(1)
    expect(choose(2, '1/2', '0/1', '10,50,5')).toBe(2)
    expect(choose(2, '2|1', undefined, '10,5,50')).toBe(2)
    expect(choose(2, '2/1', '0/0')).toBe(2)
  })

  it('GT unhelpful (missing, all in the normal, past the ALTs): most tumour reads, ties to the lower ALT', () => {
    expect(choose(3, undefined, undefined, '5,3,9,9')).toBe(2)
    expect(choose(3, './.', '0/0', '5,3,9,10')).toBe(3)
    expect(choose(2, '0/1', '0/1', '5,3,9')).toBe(2)
    expect(choose(2, '0/5', undefined, '5,3,9')).toBe(2)
    expect(choose(2, '0/0', undefined, '5,9,9')).toBe(1)
    // "./1": vcf2maf's first non-0 part is '.', which names no allele → reads
    expect(choose(2, './1', undefined, '5,3,9')).toBe(2)
  })

  it('no usable AD (absent, or not one value per allele): ALT 1', () => {
    expect(choose(2, undefined, undefined)).toBe(1)
    expect(choose(2, './.', undefined, '5,9')).toBe(1)
    expect(choose(1, '0/1', '0/0', '5,9')).toBe(1)
  })

  it('counts the ALTs left out: carried by the GT, or every other one without a GT', () => {
    expect(otherCarried(gtParts('0/1/2/3'), 1, 3)).toBe(2)
    expect(otherCarried(gtParts('1/1'), 1, 2)).toBe(0)
    expect(otherCarried(gtParts('2/2'), 1, 3)).toBe(1)
    expect(otherCarried(gtParts('./.'), 1, 3)).toBe(2)
    expect(otherCarried(undefined, 1, 4)).toBe(3)
    const many = Array.from({ length: 20 }, (_, i) => String(i % 10)).join('/')
    expect(otherCarried(gtParts(many), 1, 30)).toBe(8)
  })
})
