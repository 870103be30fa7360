/**
 * The speed rewrites of small helpers against the straightforward versions they replaced:
 * shortProtein's three-letter scan vs the alternation regex, gtCarries' char scan vs split(/[/|]/),
 * alleleCounts' one-pass AD reading vs split(',') + the field parser.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { shortProtein } from '../../src/vcf/hgvsp.js'
import { alleleCounts } from '../../src/vcf/sample-counts.js'
import { gtCarries } from '../../src/vcf/rules/genotype.js'
import { isMissing, parseCountField, parseFloatField } from '../../src/io/fields.js'
import { isInputError } from '../../src/errors.js'

const AA3TO1: Record<string, string> = {
  Ala: 'A', Arg: 'R', Asn: 'N', Asp: 'D', Asx: 'B', Cys: 'C', Glu: 'E', Gln: 'Q', Glx: 'Z', Gly: 'G', His: 'H', Ile: 'I',
  Leu: 'L', Lys: 'K', Met: 'M', Phe: 'F', Pro: 'P', Ser: 'S', Thr: 'T', Trp: 'W', Tyr: 'Y', Val: 'V', Xxx: 'X', Ter: '*',
}
const AA3_RE = new RegExp(Object.keys(AA3TO1).join('|'), 'g')

/** The regex version shortProtein used before (reference). */
function shortProteinRegex(hgvsp: string): string {
  const i = hgvsp.lastIndexOf(':')
  let p = (i === -1 ? hgvsp : hgvsp.slice(i + 1)).replaceAll('%3D', '=')
  if (p.startsWith('c.')) {
    const m = /\((p\.\S+)\)/.exec(p)
    if (m?.[1] !== undefined) p = m[1]
  }
  return p.replace(AA3_RE, (aa) => AA3TO1[aa] ?? aa)
}

function gtCarriesSplit(gt: string | undefined, i: number): boolean | undefined {
  if (gt === undefined || isMissing(gt)) return undefined
  let called = false
  for (const a of gt.split(/[/|]/)) {
    if (a === '.' || a === '') continue
    called = true
    if (Number(a) === i) return true
  }
  return called ? false : undefined
}

// Pieces that make overlapping and adjacent codes likely ("TerTer", "AlaAsn", "GlGly").
const hgvsPiece = fc.constantFrom('p.', 'c.', 'ENSP1.2:', ':', '(', ')', '%3D', '=', 'fs', 'del', 'ins', 'ext', '*', '_', 'Gl', 'Te', 'r', 'A', ...Object.keys(AA3TO1), '1', '12', '0')
const gtPiece = fc.constantFrom('0', '1', '2', '3', '10', '01', '.', '/', '|', ' ', 'x', '1.0', '')

describe('fast helpers = the versions they replaced', () => {
  it('shortProtein: three-letter scan = alternation regex', () => {
    fc.assert(
      fc.property(fc.array(hgvsPiece, { maxLength: 12 }), (parts) => {
        const s = parts.join('')
        expect(shortProtein(s), s).toBe(shortProteinRegex(s))
      }),
      { numRuns: 3000 },
    )
    expect(shortProtein('ENSP1:p.TerTer')).toBe('p.**')
  })

  it('gtCarries: char scan = split(/[/|]/)', () => {
    fc.assert(
      fc.property(fc.array(gtPiece, { maxLength: 6 }), fc.integer({ min: 0, max: 11 }), (parts, i) => {
        const gt = parts.join('')
        expect(gtCarries(gt, i), `${gt} ${i}`).toBe(gtCarriesSplit(gt, i))
      }),
      { numRuns: 3000 },
    )
    expect(gtCarries(undefined, 1)).toBeUndefined()
  })

  it('alleleCounts: AD and AF read in one pass = split(",") + the field parsers, errors included', () => {
    const loc = { file: 'x.vcf', line: 7, column: 11 }
    // The AD / DP branch as it was written with split and the field parser.
    const reference = (ad: string, dp: string | undefined, afText: string | undefined, nAlleles: number, i: number) => {
      const parts = isMissing(ad) ? undefined : ad.split(',').map((p) => parseCountField(p, { ...loc, name: 'FORMAT/AD' }))
      let ref: number | undefined
      let alt: number | undefined
      let sum: number | undefined
      if (parts !== undefined && parts.length === nAlleles) {
        ref = parts[0]
        alt = parts[i]
        sum = parts.reduce<number>((a, b) => a + (b ?? 0), 0)
      } else if (parts !== undefined && parts.length === 1) alt = parts[0]
      let depth = dp === undefined || isMissing(dp) ? undefined : parseCountField(dp, { ...loc, name: 'FORMAT/DP' })
      if (sum === undefined && ref !== undefined && alt !== undefined) sum = ref + alt
      if (sum !== undefined && (depth === undefined || (ref ?? 0) + (alt ?? 0) > depth)) depth = sum
      const af = afText?.split(',')
      const vaf =
        af !== undefined && !isMissing(afText)
          ? parseFloatField(af.length >= i ? af[i - 1] : af[0], { ...loc, name: 'FORMAT/AF' })
          : alt !== undefined && depth !== undefined && depth > 0
            ? alt / depth
            : undefined
      return { refCount: ref, altCount: alt, depth, vaf }
    }
    const outcome = (f: () => unknown): unknown => {
      try {
        return f()
      } catch (e) {
        return isInputError(e) ? e.format() : String(e)
      }
    }
    const piece = fc.constantFrom('0', '1', '7', '12', '007', '', '.', 'x', ',', '-1', ' 3', '1e2', '999999999999999', '9999999999999999', 'NA')
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 5 }),
        fc.option(fc.constantFrom('10', '0', '.', '', 'x'), { nil: undefined }),
        fc.option(fc.constantFrom('0.4', '1', '3.', '.5', '007.25', '.', '', 'x', '0.1,0.2', '1e-3', ' 0.4', 'NA', '1..2'), { nil: undefined }),
        fc.integer({ min: 2, max: 4 }),
        (ps, dp, af, nAlleles) => {
          const ad = ps.join('')
          const alleles = ['A', 'C', 'G', 'T'].slice(0, nAlleles)
          for (let i = 1; i < nAlleles; i++) {
            const got = outcome(() => alleleCounts({ AD: ad, DP: dp, AF: af }, alleles, i, loc))
            expect(got, `AD=${ad} DP=${dp} AF=${af} i=${i}`).toEqual(outcome(() => reference(ad, dp, af, nAlleles, i)))
          }
        },
      ),
      { numRuns: 3000 },
    )
  })
})
