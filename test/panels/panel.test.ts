import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadPanel, parsePanel } from '../../src/panels/load.js'
import { aliasResolverFrom } from '../../src/panels/aliases.js'
import { shippedPath } from '../../src/panels/shipped.js'
import { InputError } from '../../src/errors.js'

const base = {
  id: 'mini',
  version: '1',
  name: 'Mini panel',
  citation: 'test',
  defaultAssay: { mutations: 'exons', copyNumber: true, fusions: false },
}

function errorOf(f: () => unknown): InputError {
  try {
    f()
  } catch (e) {
    if (e instanceof InputError) return e
    throw e
  }
  throw new Error('expected an InputError')
}

describe('panel JSON', () => {
  it('applies the default assay and per-gene overrides', () => {
    const p = parsePanel(
      { ...base, sizeMb: 1.2, genes: ['TP53', { symbol: 'PIK3CA', assay: { mutations: 'hotspots', hotspots: ['H1047R', 'E545'] } }] },
      'mini.json',
    )
    expect(p.sizeMb).toBe(1.2)
    expect(p.genes.get('TP53')).toEqual({ mutations: 'exons', hotspots: [], copyNumber: true, fusions: false })
    expect(p.genes.get('PIK3CA')).toEqual({ mutations: 'hotspots', hotspots: ['H1047R', 'E545'], copyNumber: true, fusions: false })
  })

  it('reports an unknown key with file and JSON path', () => {
    const e = errorOf(() =>
      parsePanel({ ...base, genes: ['A', 'B', 'C', { symbol: 'D', assay: { copyNumbr: true } }] }, 'panels/x.json'),
    )
    expect(e.file).toBe('panels/x.json')
    expect(e.message).toBe('genes[3].assay.copyNumbr: unknown key')
    expect(e.format()).toMatch(/^panels\/x\.json: genes\[3\]\.assay\.copyNumbr: unknown key/)
  })

  it('rejects a bad hotspot, a bad size and a duplicated gene, each located', () => {
    expect(() => parsePanel({ ...base, genes: [{ symbol: 'KRAS', assay: { hotspots: ['G12 D'] } }] }, 'p.json')).toThrow(
      /genes\[0\]\.assay\.hotspots\[0\]: expected a residue/,
    )
    expect(() => parsePanel({ ...base, sizeMb: -1, genes: ['A'] }, 'p.json')).toThrow(/sizeMb: expected a positive number/)
    expect(() => parsePanel({ ...base, genes: ['A', 'B', 'A'] }, 'p.json')).toThrow(/genes\[2\]: gene A is listed twice/)
  })

  it('resolves aliases in a panel and counts them; a duplicate made by aliasing is an error', () => {
    const al = aliasResolverFrom({ citation: 't', aliases: [{ from: 'MLL3', to: 'KMT2C' }] }, 'a.json')
    const p = parsePanel({ ...base, genes: ['MLL3', 'TP53'] }, 'p.json', al)
    expect([...p.genes.keys()]).toEqual(['KMT2C', 'TP53'])
    expect(al.report()).toEqual([{ from: 'MLL3', to: 'KMT2C', where: 'mini', count: 1 }])
    expect(() => parsePanel({ ...base, genes: ['MLL3', 'KMT2C'] }, 'p.json', al)).toThrow(/genes\[1\]: gene KMT2C is listed twice \(also as MLL3, an alias\)/)
  })

  it('locates JSON syntax errors by line and column', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bk-panel-'))
    const f = join(dir, 'broken.json')
    writeFileSync(f, '{\n  "id": "x",\n  "genes": [1,]\n}\n')
    const e = await loadPanel(f).then(
      () => undefined,
      (err: unknown) => err,
    )
    expect(e).toBeInstanceOf(InputError)
    expect(e).toMatchObject({ file: f, line: 3 })
  })

  it('loads the shipped core panel', async () => {
    const p = await loadPanel(shippedPath('core-biomarkers.json'))
    expect(p.genes.get('MYC')?.copyNumber).toBe(true)
    expect(p.genes.size).toBe(12)
  })
})
