/**
 * Nothing silently lost (#17 item 7) for VCF inputs: every kept row whose consequence class maftools
 * does not count is named in the read report under its consequence term with its row count, and
 * gene symbols that look like Excel dates are flagged with their lines, on the text path (readVcf),
 * the byte path (readVcfInto) and a file read in two parts and merged (what the worker thread does).
 * Real files from ../shared/data (SOURCES.md: camutqc, SnpEff, cyvcf2, igv.js, bcftools), read in place.
 */
import { describe, expect, it } from 'vitest'
import { MAFTOOLS_NONSYNONYMOUS, type Alteration } from '../../src/model/alteration.js'
import { EventTable } from '../../src/model/events.js'
import { warningsText } from '../../src/model/report.js'
import { readVcf, readVcfInto } from '../../src/vcf/read.js'
import { VcfParser } from '../../src/vcf/reader.js'
import { tmpFile } from '../helpers.js'
import { csq, hasShared, shared, vepHeader } from './_util.js'

const SKIP = 'needs ../shared/data (the real-data folder next to the checkout)'
const NOTE = /row\(s\) of consequence "([^"]*)" → (\S+): not counted by default \(add \2 to --classes to count them\)$/
const COUNTED = new Set<string>(MAFTOOLS_NONSYNONYMOUS)

/** Rows per class named by the notes, and per class among the rows themselves (uncounted classes only). */
function tally(warnings: readonly string[], rows: readonly Alteration[]): { noted: Map<string, number>; found: Map<string, number> } {
  const noted = new Map<string, number>()
  for (const w of warnings) {
    const m = NOTE.exec(w)
    if (m === null) continue
    const n = Number(/: (\d+) row\(s\)/.exec(w)?.[1])
    noted.set(m[2] as string, (noted.get(m[2] as string) ?? 0) + n)
  }
  const found = new Map<string, number>()
  for (const r of rows) if (!COUNTED.has(r.variantClass)) found.set(r.variantClass, (found.get(r.variantClass) ?? 0) + 1)
  return { noted, found }
}

const REAL: readonly [string, Record<string, unknown>][] = [
  ['camutqc/vep/WES_EA_T_1_mutect2.vep.vcf', {}],
  ['camutqc/vep/WES_EA_T_1.MuSE.vep.vcf', {}],
  ['camutqc/vep/WES_EA_T_1_varscan_filter_snp.vep.vcf', {}],
  ['snpeff/ann/cancer_pedigree.ann.vcf', { splitMultiallelic: true }],
  ['igv.js/snpeff_ann_indels.vcf', {}],
  ['cyvcf2/test.snpeff.vcf', {}],
  ['bcftools/annovar/view.filter.annovar.vcf', {}],
]

describe.skipIf(!hasShared('camutqc/vep/WES_EA_T_1_mutect2.vep.vcf'))(`real VCFs: uncounted consequences in the read report (${SKIP})`, () => {
  for (const [rel, opts] of REAL) {
    it(`${rel}: the notes account for every row of an uncounted class, on the text and the byte path`, async () => {
      const text = await readVcf(shared(rel), opts)
      const t = new EventTable()
      const bytes = await readVcfInto(shared(rel), t, opts)
      const a = tally(warningsText(text.report), text.alterations)
      const b = tally(warningsText(bytes.report), t.toArray())
      expect(a.noted).toEqual(a.found)
      expect(b.noted).toEqual(b.found)
      expect(warningsText(bytes.report).sort()).toEqual(warningsText(text.report).sort())
    })
  }

  it('Mutect2 + VEP: splice_region_variant rows are named with their count', async () => {
    const r = await readVcf(shared('camutqc/vep/WES_EA_T_1_mutect2.vep.vcf'))
    const n = r.alterations.filter((a) => a.variantClass === 'Splice_Region').length
    expect(n).toBeGreaterThan(0)
    expect(warningsText(r.report)).toContain(`${r.report.file}: ${n} row(s) of consequence "splice_region_variant" → Splice_Region: not counted by default (add Splice_Region to --classes to count them)`)
  })
})

describe('crafted VCF: protein_protein_contact and date-like gene symbols', () => {
  const lines = [
    ...vepHeader(),
    ['1', 100, '.', 'A', 'T', '.', 'PASS', `SOMATIC;CSQ=${csq({ allele: 'T', cons: 'protein_protein_contact', symbol: 'KRAS' })}`, 'GT:AD:DP', '0/0:20,0:20', '0/1:10,5:15'].join('\t'),
    ['1', 200, '.', 'C', 'G', '.', 'PASS', `SOMATIC;CSQ=${csq({ allele: 'G', cons: 'missense_variant', symbol: '1-Dec', hgvsp: 'ENSP1:p.Gly12Val' })}`, 'GT:AD:DP', '0/0:20,0:20', '0/1:10,5:15'].join('\t'),
    ['1', 300, '.', 'C', 'G', '.', 'PASS', `SOMATIC;CSQ=${csq({ allele: 'G', cons: 'protein_protein_contact&missense_variant', symbol: 'TP53' })}`, 'GT:AD:DP', '0/0:20,0:20', '0/1:10,5:15'].join('\t'),
    ['1', 400, '.', 'G', 'A', '.', 'PASS', `SOMATIC;CSQ=${csq({ allele: 'A', cons: 'missense_variant', symbol: '1-Dec', hgvsp: 'ENSP1:p.Gly13Asp' })}`, 'GT:AD:DP', '0/0:20,0:20', '0/1:10,5:15'].join('\t'),
  ]
  const CONTACT = 'row(s) of consequence "protein_protein_contact" → Targeted_Region: not counted by default (add Targeted_Region to --classes to count them)'
  const DATE = 'gene "1-Dec" looks like a date a spreadsheet made of a gene symbol (e.g. SEPT2 → 2-Sep): line(s) 9, 11'

  it('names the uncounted term with its count (vcf2maf: Targeted_Region) and flags the gene with its lines, on both paths', async () => {
    const path = tmpFile('notes.vcf', lines.join('\n') + '\n')
    const text = await readVcf(path)
    const t = new EventTable()
    const bytes = await readVcfInto(path, t)
    for (const r of [text.report, bytes.report]) {
      expect(warningsText(r)).toEqual([`${path}: 1 ${CONTACT}`, `${path}: ${DATE}`])
      expect(r.kept).toBe(4)
    }
    // The row is kept (counted with --classes Targeted_Region), only not counted by default.
    expect(text.alterations.map((a) => a.variantClass)).toEqual(['Targeted_Region', 'Missense_Mutation', 'Missense_Mutation', 'Missense_Mutation'])
  })

  it('a file read in two parts (a worker thread reads the second) gives the notes of one read, lines shifted', () => {
    const header = lines.slice(0, -4)
    const whole = new VcfParser('f.vcf', {}, 'fast', new EventTable())
    lines.forEach((l, i) => whole.push(l, i + 1))
    const want = warningsText(whole.finish().report)
    const first = new VcfParser('f.vcf', {}, 'fast', new EventTable())
    lines.slice(0, -2).forEach((l, i) => first.push(l, i + 1))
    const partTable = new EventTable()
    const part = new VcfParser('f.vcf', {}, 'fast', partTable)
    ;[...header, ...lines.slice(-2)].forEach((l, i) => part.push(l, i + 1))
    // The part's line k is line k + offset of the file (its header lines replace the first part).
    first.absorb(partTable, part.partCounts(0), lines.length - 2 - header.length)
    expect(warningsText(first.finish().report)).toEqual(want)
    expect(want.join('\n')).toContain('line(s) 9, 11')
  })
})
