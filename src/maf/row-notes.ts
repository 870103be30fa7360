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
 * same kept rows, so every path reports the same notes.
 *
 * O(rows) over typed columns: rows are counted per class code and handed to the notes once per
 * class, and each gene id is tested once per table (a flag per pool id, shared by the files read
 * into one table). On the 350,000-row golden bench MAF (read in 0.8-1.5 s): ~40 ms when every row went
 * through ReadNotes, 2-8 ms so.
 */
import { MAF_CLASSES, type VariantClass } from '../model/alteration.js'
import type { EventTable, StringPool } from '../model/events.js'
import { countedByDefault, looksLikeExcelDate, type ReadNotes } from '../model/read-notes.js'

const UNKNOWN = MAF_CLASSES.indexOf('Unknown')
/** Class codes whose rows are noted (not counted by default). */
const NOTED: Uint8Array = Uint8Array.from(MAF_CLASSES, (c) => (countedByDefault(c) ? 0 : 1))

/** Per pool: gene id → 0 not tested yet, 1 a symbol, 2 looks like a date. */
const dateFlags = new WeakMap<StringPool, { flags: Uint8Array }>()

function flagsFor(pool: StringPool): { flags: Uint8Array } {
  let f = dateFlags.get(pool)
  if (f === undefined) dateFlags.set(pool, (f = { flags: new Uint8Array(1024) }))
  if (f.flags.length < pool.size) {
    const grown = new Uint8Array(Math.max(pool.size, 2 * f.flags.length))
    grown.set(f.flags)
    f.flags = grown
  }
  return f
}

/** Note the kept rows [from, to) of `table`; terms go to the notes in the order of their first row (= line order within a file). */
export function noteMafRows(notes: ReadNotes, table: EventTable, from: number, to: number): void {
  const symbols = table.pool.values
  const flags = flagsFor(table.pool).flags
  const n = new Int32Array(MAF_CLASSES.length)
  const first = new Int32Array(MAF_CLASSES.length)
  /** A project word (class Unknown) → its rows and first row. */
  const words = new Map<string, { n: number; first: number }>()
  for (let i = from; i < to; i++) {
    const code = table.classCode(i)
    if (NOTED[code] === 1) {
      if (code === UNKNOWN) {
        // The word is kept with its row (rawClass): only such rows build their record.
        const word = table.get(i).rawClass ?? 'Unknown'
        const w = words.get(word)
        if (w === undefined) words.set(word, { n: 1, first: i })
        else w.n++
      } else if ((n[code] as number)++ === 0) first[code] = i
    }
    const g = table.geneOf(i)
    let f = flags[g] as number
    if (f === 0) flags[g] = f = looksLikeExcelDate(symbols[g] as string) ? 2 : 1
    if (f === 2) notes.gene(symbols[g] as string, table.lineOf(i))
  }
  const terms: { term: string; cls: VariantClass; n: number; first: number }[] = [...words].map(([term, w]) => ({ term, cls: 'Unknown', ...w }))
  n.forEach((k, code) => {
    if (k > 0 && code !== UNKNOWN) terms.push({ term: MAF_CLASSES[code] as VariantClass, cls: MAF_CLASSES[code] as VariantClass, n: k, first: first[code] as number })
  })
  for (const t of terms.sort((a, b) => a.first - b.first)) notes.term(t.term, t.cls, table.lineOf(t.first), t.n)
}
