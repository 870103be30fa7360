import { describe, expect, it } from 'vitest'
import { parseRules } from '../../src/classify/rules.js'
import { compileRules, matchRule, MATCH, NO_EVIDENCE, NO_MATCH } from '../../src/classify/rule-match.js'
import { loadRules } from '../../src/classify/rules.js'
import { loadShippedPathways, shippedPath } from '../../src/panels/shipped.js'
import { InputError } from '../../src/errors.js'
import { alt } from './helpers.js'

const file = (rules: unknown[]) => ({ id: 'r', rules })

function message(f: () => unknown): string {
  try {
    f()
  } catch (e) {
    if (e instanceof InputError) return e.format()
    throw e
  }
  throw new Error('expected an InputError')
}

describe('rule file errors carry file and JSON path', () => {
  it('bad VAF threshold', () => {
    const m = message(() =>
      parseRules(file([{ id: 'a', label: 'a', gene: 'A' }, { id: 'b', label: 'b', gene: 'B' }, { id: 'c', label: 'c', gene: 'C', minVaf: 5 }]), 'rules.json'),
    )
    expect(m).toMatch(/^rules\.json: rules\[2\]\.minVaf: expected a number between 0 and 1/)
    expect(message(() => parseRules(file([{ id: 'c', label: 'c', gene: 'C', minVaf: '0.1' }]), 'rules.json'))).toMatch(
      /rules\[0\]\.minVaf: expected a number between 0 and 1/,
    )
  })

  it('unknown field (a misspelt gene key) is an error, not ignored', () => {
    expect(message(() => parseRules(file([{ id: 'a', label: 'a', gen: 'TP53' }]), 'rules.json'))).toMatch(/rules\[0\]\.gen: unknown key/)
  })

  it('bad depth, bad class, bad hotspot, two targets, duplicate ids, threshold without state', () => {
    expect(message(() => parseRules(file([{ id: 'a', label: 'a', gene: 'A', minDepth: 2.5 }]), 'r.json'))).toMatch(/rules\[0\]\.minDepth: expected a whole number/)
    expect(message(() => parseRules(file([{ id: 'a', label: 'a', gene: 'A', classes: ['Misense'] }]), 'r.json'))).toMatch(/rules\[0\]\.classes\[0\]/)
    expect(message(() => parseRules(file([{ id: 'a', label: 'a', gene: 'A', hotspots: ['H1047-R'] }]), 'r.json'))).toMatch(/rules\[0\]\.hotspots\[0\]: expected a protein change/)
    expect(message(() => parseRules(file([{ id: 'a', label: 'a', gene: 'A', genes: ['B'] }]), 'r.json'))).toMatch(/rules\[0\]: give exactly one/)
    expect(message(() => parseRules(file([{ id: 'a', label: 'a', gene: 'A' }, { id: 'a', label: 'b', gene: 'B' }]), 'r.json'))).toMatch(/rules\[1\]\.id: rule id a is used twice/)
    expect(message(() => parseRules(file([{ id: 'a', label: 'a', gene: 'A', minCopyNumber: 6 }]), 'r.json'))).toMatch(/rules\[0\]\.minCopyNumber: minCopyNumber defines amplification/)
  })

  it('an unknown pathway id is located', () => {
    const f = parseRules(file([{ id: 'a', label: 'a', gene: 'A' }, { id: 'p', label: 'p', pathway: 'PI3' }]), 'r.json')
    expect(message(() => compileRules(f, 'r.json', { pathways: [{ id: 'PI3K', label: 'x', genes: ['PIK3CA'] }] }))).toMatch(
      /^r\.json: rules\[1\]\.pathway: unknown pathway "PI3" \(known: PI3K\)/,
    )
  })
})

describe('rule matching', () => {
  const compile = (rules: unknown[]) => compileRules(parseRules(file(rules), 'r.json'), 'r.json')

  it('hotspots match on protein change with or without p., 3-letter codes, residue-only forms', () => {
    const [exact, residue] = compile([
      { id: 'h', label: 'h', gene: 'PIK3CA', hotspots: ['E542K', 'E545K', 'p.H1047R'] },
      { id: 'r', label: 'r', gene: 'PIK3CA', hotspots: ['H1047'] },
    ])
    if (!exact || !residue) throw new Error('compile')
    const m = (protein: string) => alt('S', 'PIK3CA', 'Missense_Mutation', { protein })
    expect(matchRule(exact, m('p.H1047R'))).toBe(MATCH)
    expect(matchRule(exact, m('H1047R'))).toBe(MATCH)
    expect(matchRule(exact, m('p.His1047Arg'))).toBe(MATCH)
    expect(matchRule(exact, m('p.E545K'))).toBe(MATCH)
    expect(matchRule(exact, m('p.H1047L'))).toBe(NO_MATCH)
    expect(matchRule(exact, m('p.R88Q'))).toBe(NO_MATCH)
    expect(matchRule(exact, alt('S', 'PIK3CA', 'Missense_Mutation'))).toBe(NO_MATCH)
    expect(matchRule(residue, m('p.H1047L'))).toBe(MATCH)
    expect(matchRule(residue, m('p.H1047R'))).toBe(MATCH)
  })

  it('copy number: label, or the absolute copy number against the rule threshold', () => {
    const [amp] = compile([{ id: 'a', label: 'a', gene: 'MYC', copyNumber: ['amp'], minCopyNumber: 6 }])
    if (!amp) throw new Error('compile')
    const cn = (extra: object) => alt('S', 'MYC', 'Amp', extra)
    expect(matchRule(amp, cn({}))).toBe(MATCH) // Amp class, no number
    expect(matchRule(amp, cn({ copyNumber: 8 }))).toBe(MATCH)
    expect(matchRule(amp, cn({ copyNumber: 4 }))).toBe(NO_MATCH) // labelled Amp, below threshold
    expect(matchRule(amp, alt('S', 'MYC', 'Amp', { cnState: 'gain', copyNumber: 7 }))).toBe(MATCH) // number beats label
    expect(matchRule(amp, alt('S', 'MYC', 'Missense_Mutation'))).toBe(NO_MATCH) // CN-only rule
  })

  it('origin: somatic accepts unknown origin, germline only germline', () => {
    const [g, s, any] = compile([
      { id: 'g', label: 'g', gene: 'BRCA1', origin: 'germline' },
      { id: 's', label: 's', gene: 'BRCA1', origin: 'somatic' },
      { id: 'a', label: 'a', gene: 'BRCA1' },
    ])
    if (!g || !s || !any) throw new Error('compile')
    const fs = (origin: 'germline' | 'somatic' | 'unknown') => alt('S', 'BRCA1', 'Frame_Shift_Del', { origin })
    expect([matchRule(g, fs('germline')), matchRule(s, fs('germline')), matchRule(any, fs('germline'))]).toEqual([MATCH, NO_MATCH, MATCH])
    expect([matchRule(g, fs('unknown')), matchRule(s, fs('unknown'))]).toEqual([NO_MATCH, MATCH])
  })

  it('VAF/depth thresholds; missing evidence is reported, not counted', () => {
    const [r] = compile([{ id: 'v', label: 'v', gene: 'TP53', minVaf: 0.05, minDepth: 50 }])
    if (!r) throw new Error('compile')
    expect(matchRule(r, alt('S', 'TP53', 'Missense_Mutation', { vaf: 0.1, depth: 100 }))).toBe(MATCH)
    expect(matchRule(r, alt('S', 'TP53', 'Missense_Mutation', { vaf: 0.01, depth: 100 }))).toBe(NO_MATCH)
    expect(matchRule(r, alt('S', 'TP53', 'Missense_Mutation', { altCount: 10, refCount: 90 }))).toBe(MATCH) // 10/100, depth 100
    expect(matchRule(r, alt('S', 'TP53', 'Missense_Mutation', { vaf: 0.2, depth: 20 }))).toBe(NO_MATCH)
    expect(matchRule(r, alt('S', 'TP53', 'Missense_Mutation'))).toBe(NO_EVIDENCE)
  })

  it('default classes are maftools’ nine: Silent and Splice_Region do not count', () => {
    const [r] = compile([{ id: 't', label: 't', gene: 'TP53' }])
    if (!r) throw new Error('compile')
    expect(matchRule(r, alt('S', 'TP53', 'Silent'))).toBe(NO_MATCH)
    expect(matchRule(r, alt('S', 'TP53', 'Splice_Region'))).toBe(NO_MATCH)
    expect(matchRule(r, alt('S', 'TP53', 'Splice_Site'))).toBe(MATCH)
    expect(r.looksAt).toEqual({ mutations: true, copyNumber: false, fusions: false })
  })

  it('collapsed classes expand to MAF classes and CN states', () => {
    const [r] = compile([{ id: 'c', label: 'c', gene: 'PTEN', collapsed: ['truncating', 'deep_del'] }])
    if (!r) throw new Error('compile')
    expect(r.classes.has('Nonsense_Mutation')).toBe(true)
    expect(r.classes.has('Missense_Mutation')).toBe(false)
    expect([...r.cnStates]).toEqual(['deep_del'])
  })
})

describe('shipped study rules', () => {
  it('load and compile against the shipped pathways; PAM covers the PI3K set', async () => {
    const f = await loadRules(shippedPath('biomarkers-tdxd-her2low.json'))
    const rules = compileRules(f, 'biomarkers-tdxd-her2low.json', { pathways: await loadShippedPathways() })
    expect(rules.map((r) => r.id)).toEqual([
      'TP53_mut', 'PIK3CA_mut', 'PIK3CA_hotspot', 'MYC_amp', 'PTEN_trunc', 'PTEN_deepdel', 'PTEN_any',
      'BRCA1_germline', 'BRCA1_somatic', 'BRCA1_any', 'PAM_pathway',
    ])
    const pam = rules.find((r) => r.id === 'PAM_pathway')
    expect(pam?.genes).toHaveLength(29)
    expect(pam?.genes).toContain('PDPK1')
  })
})
