/**
 * Issue #17 item 7 for MAF inputs: every Variant_Classification that is not counted is named in the
 * read report with its row count, and date-like gene symbols are flagged with their lines — the
 * same on every read path (text, bytes, two threads, low-memory sample partitions), over kept rows
 * only (a dropped duplicate is not counted).
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { readColumnMapped, parseColumnMap } from '../../src/maf/column-map.js'
import { parseMafLines, readMaf, readMafInto } from '../../src/maf/read.js'
import { EventTable } from '../../src/model/events.js'
import { droppedText, warningsText, type ReadReport } from '../../src/model/report.js'
import { prepareClassifier } from '../../src/pipeline/classify-cohort.js'
import { classifyLowMemory } from '../../src/scale/low-memory.js'
import type * as ParallelModule from '../../src/scale/read/parallel.js'
import type * as EventsModule from '../../src/model/events.js'
import { FIXTURES, ROOT, hasShared, shared, tmpFile } from '../helpers.js'
import { CRAFTED } from './crafted.js'

const not = (file: string, n: number, term: string, cls: string) =>
  `${file}: ${n} row(s) of consequence "${term}" → ${cls}: not counted by default (add ${cls} to --classes to count them)`
const date = (file: string, gene: string, lines: string) =>
  `${file}: gene "${gene}" looks like a date a spreadsheet made of a gene symbol (e.g. SEPT2 → 2-Sep): line(s) ${lines}`

/** The report of one MAF read every way there is (threads only when dist is built); all must be equal. */
async function everyPath(path: string): Promise<ReadReport> {
  const text = (await readMaf(path, { onRecord: () => undefined })).report
  const bytes = (await readMafInto(path, new EventTable())).report
  expect(bytes).toEqual(text)
  for (const partitions of [1, 3, 7]) {
    const low = await classifyLowMemory({ inputs: [path], partitions }, () => prepareClassifier({}))
    expect(low.reports.find((r) => r.format === 'MAF'), `${partitions} partitions`).toEqual(text)
  }
  const dist = join(ROOT, 'dist', 'src')
  if (existsSync(join(dist, 'scale', 'read', 'parse-worker.js'))) {
    const par = (await import(pathToFileURL(join(dist, 'scale', 'read', 'parallel.js')).href)) as typeof ParallelModule
    const ev = (await import(pathToFileURL(join(dist, 'model', 'events.js')).href)) as typeof EventsModule
    const before = process.env['BIOMARKIT_THREADS']
    process.env['BIOMARKIT_THREADS'] = '2'
    try {
      const merged = par.splitOutcomes.merged
      for (const split of [0.2, 0.6]) expect((await par.readMafSplit(path, new ev.EventTable(), {}, { minBytes: 0, split })).report, `split ${split}`).toEqual(text)
      expect(par.splitOutcomes.merged - merged).toBe(2)
    } finally {
      if (before === undefined) delete process.env['BIOMARKIT_THREADS']
      else process.env['BIOMARKIT_THREADS'] = before
    }
  }
  return text
}

describe('MAF read report: classes not counted and date-like genes', () => {
  it('names each class not counted with its kept rows, a project word under its own name, and date-like genes with their lines', () => {
    const r = parseMafLines('n.maf', (CRAFTED.notes as string).split('\n'))
    expect(droppedText(r.report)).toEqual({ 'duplicate (same sample, chromosome, start and alleles)': 1 })
    expect(warningsText(r.report)).toEqual([
      not('n.maf', 2, 'Silent', 'Silent'),
      not('n.maf', 1, 'Intron', 'Intron'),
      not('n.maf', 1, 'ITD', 'Unknown'),
      date('n.maf', '1-Dec', '4, 8'),
      date('n.maf', '10-Mar', '6'),
    ])
  })

  it('is the same on every read path', async () => {
    const p = tmpFile('notes.maf', CRAFTED.notes as string)
    expect((await everyPath(p)).warnings).toHaveLength(5)
  }, 60_000)

  it('TCGA LAML: the 475 rows maftools does not count, by class (awk over the file), on every path; no date-like gene', async () => {
    const p = tmpFile('laml-notes.maf', gunzipSync(readFileSync(join(FIXTURES, 'maf', 'tcga_laml.maf.gz'))))
    const r = await everyPath(p)
    const f = r.file
    expect(warningsText(r)).toEqual([not(f, 449, 'Silent', 'Silent'), not(f, 8, 'Intron', 'Intron'), not(f, 10, 'RNA', 'RNA'), not(f, 5, 'IGR', 'IGR'), not(f, 3, "5'Flank", "5'Flank")])
  }, 60_000)
})

describe.skipIf(!hasShared('riaz2017-nivolumab'))('Riaz 2017 as a MAF (made here from the published table; no licence to copy it)', () => {
  /**
   * One MAF row per table row, in order (MAF line = table line + 1: the MAF has a #version line):
   * the class is our reading of the table's consequence (protein_protein_contact → Targeted_Region,
   * as vcf2maf writes it), the alleles are those of HGVS_c (every row is a c.NA>B substitution).
   */
  async function riazMaf(): Promise<string> {
    const csv = shared('riaz2017-nivolumab/pre_therapy_nonsynonmous_mutations.csv.gz')
    const r = await readColumnMapped(csv, parseColumnMap('sample=Patient,gene="Hugo Symbol",class="Variant Classification",protein=HGVS_p,chrom=Chromosome,start=Start,end=End'))
    const lines = gunzipSync(readFileSync(csv)).toString('utf8').split(/\r\n|\r|\n/)
    const out = ['#version 2.4', 'Hugo_Symbol\tChromosome\tStart_Position\tEnd_Position\tReference_Allele\tTumor_Seq_Allele2\tVariant_Classification\tVariant_Type\tTumor_Sample_Barcode\tHGVSp_Short']
    for (const a of r.alterations) {
      const m = /([ACGT])>([ACGT])$/.exec((lines[a.source.line - 1] as string).split(',')[6] as string)
      if (m === null) throw new Error(`line ${a.source.line}: no substitution in HGVS_c`)
      expect(out.length).toBe(a.source.line) // the next MAF line is the table's line + 1
      out.push([a.gene, a.chrom, a.start, a.end, m[1], m[2], a.variantClass, 'SNP', a.sample, a.protein ?? ''].join('\t'))
    }
    return tmpFile('riaz2017.maf', out.join('\n') + '\n')
  }

  it('237 Targeted_Region rows (protein_protein_contact in the table) named, Excel-date genes flagged with their lines, on every path', async () => {
    const r = await everyPath(await riazMaf())
    const f = r.file
    expect(r.rowsRead).toBe(28589)
    expect(warningsText(r)).toContain(not(f, 237, 'Targeted_Region', 'Targeted_Region'))
    // The table's lines (column-map.test.ts: "10-Mar" at 10987-10990, "12-Sep" at 10539, 16615, 24993, "1-Dec" at 15311, 17668), + 1.
    expect(warningsText(r)).toContain(date(f, '10-Mar', '10988, 10989, 10990, 10991'))
    expect(warningsText(r)).toContain(date(f, '12-Sep', '10540, 16616, 24994'))
    expect(warningsText(r)).toContain(date(f, '1-Dec', '15312, 17669'))
    // awk: 13 distinct symbols of that shape (1-Dec, 1-Mar … 11-Mar, 2-Sep … 12-Sep)
    expect(warningsText(r).filter((w) => w.includes('looks like a date'))).toHaveLength(13)
  }, 120_000)
})
