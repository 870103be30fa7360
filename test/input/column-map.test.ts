import { describe, expect, it } from 'vitest'
import { parseColumnMap, readColumnMapped } from '../../src/maf/column-map.js'
import { hasShared, shared, tmpFile } from '../helpers.js'
import { readReportJson, warningsText } from '../../src/model/report.js'

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

describe('nothing silently passed over (read report)', () => {
  it('names each consequence term that is not counted by default, with its rows, and flags date-like gene symbols with their lines', async () => {
    const p = tmpFile(
      'notes.csv',
      'Patient,Hugo Symbol,Consequence\nP1,LYPLAL1,protein_protein_contact\nP1,1-Dec,missense_variant\nP2,ELMO1,protein_protein_contact\nP2,TP53,synonymous_variant\nP3,Sep-02,stop_gained\nP3,MARCHF1,missense_variant\n',
    )
    const r = await readColumnMapped(p, parseColumnMap('sample=Patient,gene="Hugo Symbol",class=Consequence'))
    expect(readReportJson(r.report)).toMatchObject({ rowsRead: 6, kept: 6, dropped: {} })
    expect(warningsText(r.report)).toEqual([
      `${p}: 2 row(s) of consequence "protein_protein_contact" → Targeted_Region: not counted by default (add Targeted_Region to --classes to count them)`,
      `${p}: 1 row(s) of consequence "synonymous_variant" → Silent: not counted by default (add Silent to --classes to count them)`,
      `${p}: gene "1-Dec" looks like a date a spreadsheet made of a gene symbol (e.g. SEPT2 → 2-Sep): line(s) 3`,
      `${p}: gene "Sep-02" looks like a date a spreadsheet made of a gene symbol (e.g. SEPT2 → 2-Sep): line(s) 6`,
    ])
  })
})

describe.skipIf(!hasShared('riaz2017-nivolumab'))('Riaz 2017 mutations (in place; no licence to copy)', () => {
  it('protein_protein_contact: 237 rows named in the read report; Excel-date genes flagged with their lines', async () => {
    const r = await readColumnMapped(shared('riaz2017-nivolumab/pre_therapy_nonsynonmous_mutations.csv.gz'), parseColumnMap('sample=Patient,gene="Hugo Symbol",class="Variant Classification",protein=HGVS_p'))
    // awk over the file: 237 rows with Variant Classification protein_protein_contact
    expect(warningsText(r.report)).toContain(`${r.report.file}: 237 row(s) of consequence "protein_protein_contact" → Targeted_Region: not counted by default (add Targeted_Region to --classes to count them)`)
    // awk: "10-Mar" at lines 10987-10990 (CR line endings), "12-Sep" at 10539, 16615, 24993, "1-Dec" at 15311, 17668
    expect(warningsText(r.report)).toContain(`${r.report.file}: gene "10-Mar" looks like a date a spreadsheet made of a gene symbol (e.g. SEPT2 → 2-Sep): line(s) 10987, 10988, 10989, 10990`)
    expect(warningsText(r.report).some((w) => w.includes('gene "12-Sep"') && w.endsWith('line(s) 10539, 16615, 24993'))).toBe(true)
    expect(warningsText(r.report).some((w) => w.includes('gene "1-Dec"') && w.endsWith('line(s) 15311, 17668'))).toBe(true)
    expect(r.alterations.filter((a) => a.variantClass === 'Targeted_Region')).toHaveLength(237)
  })
})

describe('status column: the same origin rule as a MAF Mutation_Status', () => {
  it('reads Somatic/Germline in any case, any other word (LOH, Unknown) as unknown, a blank as somatic', async () => {
    const p = tmpFile('status.tsv', 'Patient\tGene\tClass\tStatus\nP1\tTP53\tMissense_Mutation\tSOMATIC\nP2\tBRCA1\tNonsense_Mutation\tgermline\nP3\tPTEN\tMissense_Mutation\tLOH\nP4\tMYC\tMissense_Mutation\t\n')
    const r = await readColumnMapped(p, parseColumnMap('sample=Patient,gene=Gene,class=Class,status=Status'))
    expect(r.alterations.map((a) => [a.sample, a.origin])).toEqual([
      ['P1', 'somatic'],
      ['P2', 'germline'],
      ['P3', 'unknown'],
      ['P4', 'somatic'],
    ])
  })

  it('gives a word other than Somatic/Germline the --origin option, as a MAF does', async () => {
    const p = tmpFile('status2.tsv', 'Patient\tGene\tClass\tStatus\nP3\tPTEN\tMissense_Mutation\tLOH\n')
    const r = await readColumnMapped(p, parseColumnMap('sample=Patient,gene=Gene,class=Class,status=Status'), { origin: 'germline' })
    expect(r.alterations[0]?.origin).toBe('germline')
  })
})
