import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { parseMafLines, readMaf } from '../../src/maf/index.js'
import { FIXTURES, thrownText } from '../helpers.js'
import { readReportJson, totalDropped, warningsText } from '../../src/model/report.js'

const HEADER = 'Hugo_Symbol\tChromosome\tStart_Position\tEnd_Position\tReference_Allele\tTumor_Seq_Allele2\tVariant_Classification\tVariant_Type\tTumor_Sample_Barcode\tt_alt_count\tt_depth\tHGVSp_Short'
const row = (...f: string[]) => f.join('\t')

describe('MAF reader', () => {
  it('reads tcga_laml: 193 samples, FLT3 52 / DNMT3A 48 / NPM1 33 over the nine default classes', async () => {
    const r = await readMaf(join(FIXTURES, 'maf', 'tcga_laml.maf.gz'))
    expect(r.samples).toHaveLength(193)
    expect(r.samples).toEqual([...new Set(r.alterations.map((a) => a.sample))].sort()) // distinct and sorted, from the parser's list
    expect(readReportJson(r.report)).toMatchObject({ rowsRead: 2207, kept: 2207, dropped: {} })
    const nine = new Set(['Frame_Shift_Del', 'Frame_Shift_Ins', 'Splice_Site', 'Translation_Start_Site', 'Nonsense_Mutation', 'Nonstop_Mutation', 'In_Frame_Del', 'In_Frame_Ins', 'Missense_Mutation'])
    const by = new Map<string, Set<string>>()
    for (const a of r.alterations) if (nine.has(a.variantClass)) by.set(a.gene, (by.get(a.gene) ?? new Set()).add(a.sample))
    expect(by.get('FLT3')?.size).toBe(52)
    expect(by.get('DNMT3A')?.size).toBe(48)
    expect(by.get('NPM1')?.size).toBe(33)
    const first = r.alterations[0]
    expect(first?.source).toEqual({ file: join(FIXTURES, 'maf', 'tcga_laml.maf.gz'), line: 2 })
  })

  it('reads CR-only line endings (maftools APL example) and keeps project words like ITD as reported Unknowns', async () => {
    const r = await readMaf(join(FIXTURES, 'maf', 'APL_primary.maf.gz'))
    expect(r.report.rowsRead).toBe(r.report.kept + totalDropped(r.report))
    const itd = r.alterations.filter((a) => a.rawClass === 'ITD')
    expect(itd.length).toBeGreaterThan(0)
    expect(itd.every((a) => a.variantClass === 'Unknown')).toBe(true)
    expect(warningsText(r.report).join('\n')).toMatch(/\d+ row\(s\) of consequence "ITD" → Unknown: not counted by default \(add Unknown to --classes/)
    expect(r.alterations.find((a) => a.gene === 'FLT3' && a.protein === 'D835Y')).toBeDefined()
  })

  it('names every missing required column', () => {
    expect(thrownText(() => parseMafLines('m.maf', ['Hugo_Symbol\tChromosome\tStart_Position']))).toContain('m.maf:1: not a MAF: missing required columns End_Position, Reference_Allele, Tumor_Seq_Allele2, Variant_Classification, Variant_Type, Tumor_Sample_Barcode',)
  })

  it('rejects a non-integer position with file, line and column', () => {
    expect(thrownText(() => parseMafLines('m.maf', [HEADER, row('TP53', '17', '12a', '12', 'C', 'T', 'Missense_Mutation', 'SNP', 'S1', '', '', '')]))).toContain('m.maf:2:3: Start_Position: expected an integer, got "12a"',)
  })

  it('keeps blank counts unknown, never 0, and computes VAF only from real counts', () => {
    const r = parseMafLines('m.maf', [
      '#version 2.4',
      HEADER,
      row('TP53', '17', '7675088', '7675088', 'C', 'T', 'Missense_Mutation', 'SNP', 'S1', '', '', 'p.R175H'),
      row('PIK3CA', '3', '179234297', '179234297', 'A', 'G', 'Missense_Mutation', 'SNP', 'S1', '12', '40', 'p.H1047R'),
    ])
    expect(r.alterations[0]).toMatchObject({ altCount: undefined, depth: undefined, vaf: undefined, protein: 'p.R175H', source: { line: 3 } })
    expect(r.alterations[1]).toMatchObject({ altCount: 12, depth: 40, vaf: 0.3 })
  })

  it('collapses duplicate rows and counts them in the read report', () => {
    const r = parseMafLines('m.maf', [HEADER, ...Array<string>(3).fill(row('TP53', '17', '7675088', '7675088', 'C', 'T', 'Missense_Mutation', 'SNP', 'S1', '', '', ''))])
    expect(r.alterations).toHaveLength(1)
    expect(readReportJson(r.report)).toMatchObject({ rowsRead: 3, kept: 1, dropped: { 'duplicate (same sample, chromosome, start and alleles)': 2 } })
  })

  it('reads Mutation_Status as origin', () => {
    const h = HEADER + '\tMutation_Status'
    const r = parseMafLines('m.maf', [
      h,
      row('BRCA1', '17', '43124027', '43124028', 'AG', '-', 'Frame_Shift_Del', 'DEL', 'S1', '', '', 'p.E23fs', 'Germline'),
      row('TP53', '17', '7675088', '7675088', 'C', 'T', 'Missense_Mutation', 'SNP', 'S1', '', '', '', 'Somatic'),
    ])
    expect(r.alterations.map((a) => a.origin)).toEqual(['germline', 'somatic'])
  })

  it('derives a missing Variant_Type from the alleles and says so', () => {
    const r = parseMafLines('m.maf', [HEADER, row('KRAS', '12', '25245350', '25245350', 'C', 'A', 'Missense_Mutation', 'NA', 'S1', '', '', '')])
    expect(r.alterations[0]?.variantType).toBe('SNP')
    expect(warningsText(r.report)[0]).toMatch(/derived from the alleles/)
  })

  it('rejects an unknown chromosome name as a likely column shift', () => {
    expect(thrownText(() => parseMafLines('m.maf', [HEADER, row('KRAS', 'chr99', '1', '1', 'C', 'A', 'Missense_Mutation', 'SNP', 'S1', '', '', '')]))).toMatch(/m\.maf:2:2: Chromosome: unknown chromosome name "chr99"/,)
  })

  it('skips and counts bad rows in lenient mode', () => {
    const r = parseMafLines(
      'm.maf',
      [HEADER, row('KRAS', '12', 'x', '1', 'C', 'A', 'Missense_Mutation', 'SNP', 'S1', '', '', ''), row('KRAS', '12', '5', '5', 'C', 'A', 'Missense_Mutation', 'SNP', 'S1', '', '', '')],
      { lenient: true },
    )
    expect(r.alterations).toHaveLength(1)
    expect(readReportJson(r.report)).toMatchObject({ rowsRead: 2, kept: 1, dropped: { 'bad row: bad_number': 1 } })
  })
})
