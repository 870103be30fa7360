/**
 * GISTIC reader vs maftools readGistic on maftools' LAML example (read in place; MIT).
 * Reference counts: test/fixtures/cna/gistic_reference.json, made by gistic_reference.R.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { peakLabel, readGistic } from '../../src/cna/index.js'
import { CNA_FIXTURES, hasShared, shared, thrownAsync } from './_util.js'
import { totalDropped } from '../../src/model/report.js'

interface Ref {
  samples: number
  peaks: number
  all: { rows: number; genes: number; unique: number; uniqueAmp: number; uniqueDel: number }
  deep: { uniqueAmp: number; uniqueDel: number }
}
const ref = JSON.parse(readFileSync(join(CNA_FIXTURES, 'gistic_reference.json'), 'utf8')) as Ref
const files = { ampGenes: shared('maftools/amp_genes.conf_99.txt'), delGenes: shared('maftools/del_genes.conf_99.txt') }

it('names peaks as maftools does', () => {
  expect(peakLabel('Deletion Peak  3', '7p12.1')).toBe('DP_3:7p12.1')
  expect(peakLabel('Amplification Peak 1', '1p33')).toBe('AP_1:1p33')
})

describe.skipIf(!hasShared('maftools/all_lesions.conf_99.txt'))('maftools LAML GISTIC example', () => {
  const lesions = shared('maftools/all_lesions.conf_99.txt')

  it("level 'all' reproduces maftools' default cnLevel (distinct sample/gene/state)", async () => {
    const r = await readGistic(lesions, { ...files, level: 'all' })
    expect(r.samples).toHaveLength(ref.samples)
    expect(r.alterations).toHaveLength(ref.all.unique)
    expect(r.alterations.filter((a) => a.variantClass === 'Amp')).toHaveLength(ref.all.uniqueAmp)
    expect(r.alterations.filter((a) => a.variantClass === 'Del')).toHaveLength(ref.all.uniqueDel)
    expect(new Set(r.alterations.map((a) => a.gene)).size).toBe(ref.all.genes)
    expect(r.lowLevel).toHaveLength(0)
    expect(r.report.rowsRead).toBe(ref.samples * ref.peaks)
    expect(r.report.kept + totalDropped(r.report)).toBe(r.report.rowsRead)
    expect(r.alterations.find((a) => a.gene === 'KMT2A')).toMatchObject({ cnState: expect.stringMatching(/^(amp|gain)$/) as unknown, extra: { peak: 'AP_2:11q23.3', cytoband: '11q23.3' } })
  })

  it("default level 'deep' keeps GISTIC 2 only; 1 goes to lowLevel", async () => {
    const r = await readGistic(lesions, files)
    expect(r.alterations.filter((a) => a.cnState === 'amp')).toHaveLength(ref.deep.uniqueAmp)
    expect(r.alterations.filter((a) => a.cnState === 'deep_del')).toHaveLength(ref.deep.uniqueDel)
    expect(r.alterations.length + r.lowLevel.length).toBe(ref.all.unique)
  })

  it('needs at least one genes file', async () => {
    expect((await thrownAsync(() => readGistic(lesions, {}))).code).toBe('USAGE')
  })
})
