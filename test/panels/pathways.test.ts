import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { aliasResolverFrom, AliasResolver } from '../../src/panels/aliases.js'
import { loadShippedAliases, loadShippedPathways, shippedPath } from '../../src/panels/shipped.js'
import { parsePathwaySet } from '../../src/panels/pathways.js'

describe('shipped Sanchez-Vega 2018 pathways', () => {
  it('has the ten pathways with maftools’ gene counts, and PI3K reads PDPK1 (alias counted, once)', async () => {
    const aliases = await loadShippedAliases()
    const pws = await loadShippedPathways(aliases)
    const sizes = Object.fromEntries(pws.map((p) => [p.id, p.genes.length]))
    // From `cut -f1 oncogenic_sig_patwhays.tsv | sort | uniq -c` (maftools commit c8ff328).
    expect(sizes).toEqual({ Cell_Cycle: 15, Hippo: 38, MYC: 13, NOTCH: 71, NRF2: 3, PI3K: 29, 'RTK-RAS': 85, 'TGF-Beta': 7, TP53: 6, WNT: 68 })
    const pi3k = pws.find((p) => p.id === 'PI3K')
    expect(pi3k?.genes).toContain('PDPK1')
    expect(pi3k?.genes).not.toContain('PDK1')
    expect(pi3k?.genes).toEqual(expect.arrayContaining(['PIK3CA', 'PTEN', 'AKT1', 'MTOR', 'TSC1', 'TSC2']))
    expect(pws.find((p) => p.id === 'NOTCH')?.genes).toContain('CCN3')
    expect(aliases.report()).toEqual([
      { from: 'NOV', to: 'CCN3', where: 'sanchez-vega-2018', count: 1 },
      { from: 'PDK1', to: 'PDPK1', where: 'sanchez-vega-2018', count: 1 },
    ])
  })

  it('PDK1 in data stays PDK1 (pyruvate dehydrogenase kinase); MLL3 in data becomes KMT2C, counted', async () => {
    const aliases = await loadShippedAliases()
    expect(aliases.resolve('PDK1')).toBe('PDK1')
    expect(aliases.resolve('MLL3')).toBe('KMT2C')
    expect(aliases.resolve('MLL3')).toBe('KMT2C')
    expect(aliases.resolve('TP53')).toBe('TP53')
    expect(aliases.report()).toEqual([{ from: 'MLL3', to: 'KMT2C', where: 'data', count: 2 }])
    expect(aliases.total).toBe(2)
  })

  it('no alias target is itself an alias, and no alias is listed twice', () => {
    const json = JSON.parse(readFileSync(shippedPath('gene-aliases.json'), 'utf8')) as unknown
    expect(() => aliasResolverFrom(json, 'gene-aliases.json')).not.toThrow()
    expect(
      () => new AliasResolver({ citation: 'x', aliases: [{ from: 'A', to: 'B' }, { from: 'B', to: 'C' }] }, 'a.json'),
    ).toThrow(/alias chain A → B/)
  })

  it('rejects a pathway set with an unknown key, located', () => {
    expect(() =>
      parsePathwaySet({ id: 's', name: 'n', citation: 'c', pathways: [{ id: 'P', label: 'p', genes: ['A'], gene: 'B' }] }, 'pw.json'),
    ).toThrow(/pathways\[0\]\.gene: unknown key/)
  })
})
