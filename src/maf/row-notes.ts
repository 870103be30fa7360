/**
 * What a MAF read says about the rows it kept that a default count would pass over silently
 * (issue #17 item 7): each Variant_Classification not among maftools' nine counted classes, under
 * its own name with its row count (a project word such as "ITD" under that word, as class
 * Unknown), and gene symbols a spreadsheet turned into dates, with their lines. The notes
 * themselves and their wording are ../model/read-notes.ts (ANNOVAR and column-mapped tables say
 * the same); this file only walks a MAF's kept rows.
 *
 * Why over the table and not row by row: duplicates are dropped at the end of a file, and a file
 * read by two threads or in sample partitions only has its final rows there. Every path notes the
 * same kept rows, so every path reports the same notes. O(rows); each gene is tested once.
 */
import { MAF_CLASSES, type VariantClass } from '../model/alteration.js'
import type { EventTable } from '../model/events.js'
import { looksLikeExcelDate, type ReadNotes } from '../model/read-notes.js'

/** Note rows [from, to) of `table`; `dateGene` caches, per gene id, whether the symbol looks like a date. */
export function noteMafRows(notes: ReadNotes, table: EventTable, from: number, to: number, dateGene: Map<number, boolean>): void {
  const symbols = table.pool.values
  for (let i = from; i < to; i++) {
    const line = table.lineOf(i)
    const cls = MAF_CLASSES[table.classCode(i)] as VariantClass
    // A project word is kept with the row (rawClass); only such rows build their record.
    notes.term(cls === 'Unknown' ? (table.get(i).rawClass ?? cls) : cls, cls, line)
    const g = table.geneOf(i)
    let date = dateGene.get(g)
    if (date === undefined) {
      date = looksLikeExcelDate(symbols[g] as string)
      dateGene.set(g, date)
    }
    if (date) notes.gene(symbols[g] as string, line)
  }
}
