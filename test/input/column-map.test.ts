import { describe, expect, it } from 'vitest'
import { parseColumnMap, readColumnMapped } from '../../src/maf/column-map.js'
import { tmpFile } from '../helpers.js'

describe('column-mapped mutation tables', () => {
  it('parses quoted column names with spaces', () => {
    expect(parseColumnMap('sample=Patient,gene="Hugo Symbol",class="Variant Classification",protein=HGVS_p')).toEqual({
      sample: 'Patient',
      gene: 'Hugo Symbol',
      class: 'Variant Classification',
      protein: 'HGVS_p',
    })
  })

  it('says which required field is missing and rejects unknown fields', () => {
    expect(() => parseColumnMap('sample=P,gene=G')).toThrow(/missing class/)
    expect(() => parseColumnMap('sample=P,gene=G,class=C,colour=x')).toThrow(/unknown field "colour"/)
  })

  it('reads MAF classes and &-joined Sequence Ontology terms, most severe first', async () => {
    const p = tmpFile('supp.csv', 'Patient,Hugo Symbol,Consequence,HGVS_p\nP1,TP53,missense_variant&splice_region_variant,p.R175H\nP2,PIK3CA,Missense_Mutation,p.H1047R\nP3,BRCA1,stop_gained,p.Q1756*\n')
    const r = await readColumnMapped(p, parseColumnMap('sample=Patient,gene="Hugo Symbol",class=Consequence,protein=HGVS_p'))
    expect(r.alterations.map((a) => [a.sample, a.gene, a.variantClass, a.protein, a.source.line])).toEqual([
      ['P1', 'TP53', 'Missense_Mutation', 'p.R175H', 2],
      ['P2', 'PIK3CA', 'Missense_Mutation', 'p.H1047R', 3],
      ['P3', 'BRCA1', 'Nonsense_Mutation', 'p.Q1756*', 4],
    ])
    expect(r.report).toMatchObject({ rowsRead: 3, kept: 3 })
  })

  it('reports an unknown consequence term with its line', async () => {
    const p = tmpFile('supp.tsv', 'Patient\tGene\tClass\nP1\tTP53\tvery_bad_variant\n')
    await expect(readColumnMapped(p, parseColumnMap('sample=Patient,gene=Gene,class=Class'))).rejects.toMatchObject({ code: 'UNKNOWN_TERM', line: 2 })
  })
})
