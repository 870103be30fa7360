/**
 * The same call in two input files, collapsed as within one MAF (#21 item 7): a mutation row whose
 * key — sample, chromosome, start, reference and tumour allele, maftools' duplicate key
 * (../maf/dedup.ts), on the normalised record (a VCF call after its VCF → MAF normalisation, so it
 * meets the MAF row of the same call) — a row of an EARLIER input file has is dropped, and counted
 * in its own file's read report ('duplicate-across-files'), with one note naming the file and line
 * of the copy that was kept. Input order decides (then line), as within a file. Without this one
 * call given in a MAF and again in a VCF (or two MAFs) was two events: Multi_Hit, burden 2, TMB 2.
 * Within one file nothing changes: a MAF's repeats are its reader's (`duplicate-variant`); a VCF
 * has no repeat rule (its records never depend on each other).
 *
 * Every path applies the same rule over the same keys, so records and reports are equal:
 *  - the default path (../input/cohort.ts): after each file, its rows against the earlier files'
 *    (a file read by two threads is checked whole, after its merge);
 *  - --low-memory (../scale/low-memory.ts): each MAF sample partition file by file (the key holds
 *    the sample, so a partition has every row a key can repeat), and VCF files through one
 *    cohort-wide index of their calls' keys (read before the partitions) that the MAF rows of the
 *    same calls update and the VCF fold checks.
 * Copy-number and fusion rows have no alleles and take no part.
 *
 * Cost: nothing while only one file has mutation rows (earlier rows are indexed only when a later
 * file comes); then one add per earlier row and one probe per later row (~44 bytes a key).
 * Strings are compared by pool id, so the tables compared must share one string pool; chromosome
 * names are compared as written ("chr1" and "1" are different keys, as in maftools).
 */
import { DuplicateIndex } from '../maf/dedup.js'
import { KIND_CODE, ORIGINS, type EventTable } from '../model/events.js'
import { drop, warn, type ReadReport } from '../model/report.js'

/** Who holds each key first: file (input order), line and origin code, by the index's ordinal. */
export class CallIndex {
  private readonly index = new DuplicateIndex()
  private file = new Int32Array(256)
  private line = new Uint32Array(256)
  private origin = new Uint8Array(256)

  get size(): number {
    return this.index.size
  }

  /** Row `row` of `t` (file `file`) holds its key, unless an earlier file already does. */
  note(t: EventTable, row: number, file: number): void {
    const k = t.keyColumns()
    const i = this.index.addOrFind(k.sample[row] as number, k.chrom[row] as number, startOf(k.start[row] as number), k.ref[row] as number, k.alt[row] as number)
    if (i >= 0) {
      if ((this.file[i] as number) > file) this.hold(i, t, row, file)
      return
    }
    const n = this.index.size - 1
    if (n >= this.file.length) {
      const grow = <T extends Int32Array | Uint32Array | Uint8Array>(a: T, b: T): T => (b.set(a), b)
      this.file = grow(this.file, new Int32Array(2 * n))
      this.line = grow(this.line, new Uint32Array(2 * n))
      this.origin = grow(this.origin, new Uint8Array(2 * n))
    }
    this.hold(n, t, row, file)
  }

  /** Like `note`, but only for a key already held (a VCF call's key, met in a MAF partition). */
  noteIfHeld(t: EventTable, row: number, file: number): void {
    const i = this.find(t, row)
    if (i >= 0 && (this.file[i] as number) > file) this.hold(i, t, row, file)
  }

  /** The key's first holder, when it is a file before `file`. */
  earlier(t: EventTable, row: number, file: number): Holder | undefined {
    const i = this.find(t, row)
    if (i < 0 || (this.file[i] as number) >= file) return undefined
    return { file: this.file[i] as number, line: this.line[i] as number, origin: this.origin[i] as number }
  }

  private find(t: EventTable, row: number): number {
    const k = t.keyColumns()
    return this.index.find(k.sample[row] as number, k.chrom[row] as number, startOf(k.start[row] as number), k.ref[row] as number, k.alt[row] as number)
  }

  private hold(i: number, t: EventTable, row: number, file: number): void {
    this.file[i] = file
    this.line[i] = t.lineOf(row)
    this.origin[i] = t.originCode(row)
  }
}

export interface Holder {
  readonly file: number
  readonly line: number
  readonly origin: number
}

/** Somatic against germline (a copy of unknown origin disagrees with neither). */
const UNKNOWN = ORIGINS.indexOf('unknown')
const disagree = (a: number, b: number): boolean => a !== b && a !== UNKNOWN && b !== UNKNOWN

const startOf = (s: number): number | undefined => (Number.isNaN(s) ? undefined : s)

export function isCall(t: EventTable, row: number): boolean {
  const k = t.kindCode(row)
  return k === KIND_CODE.snv || k === KIND_CODE.indel
}

/** One file's rows dropped as repeats of earlier files' calls, over all of its parts. */
export class Repeats {
  count = 0
  /** Rows whose origin is not their kept copy's. */
  originDiffers = 0
  /** The first dropped row in line order, and what it repeats. */
  first: { line: number; held: Holder; origin: number; call: string } | undefined

  /** Forget everything (a file read again from its start). */
  clear(): void {
    this.count = 0
    this.originDiffers = 0
    this.first = undefined
  }

  /**
   * Rows `from`… of `t` are file `file`'s: drop (t.retain) those whose key a file before it holds
   * in one of `indexes` (the earliest holder named). Returns how many were dropped.
   */
  dropFrom(t: EventTable, from: number, file: number, indexes: readonly CallIndex[]): number {
    const end = t.length
    let keep: Uint8Array | undefined
    let n = 0
    for (let r = from; r < end; r++) {
      if (!isCall(t, r)) continue
      let held: Holder | undefined
      for (const x of indexes) {
        const h = x.earlier(t, r, file)
        if (h !== undefined && (held === undefined || h.file < held.file)) held = h
      }
      if (held === undefined) continue
      keep ??= new Uint8Array(end - from).fill(1)
      keep[r - from] = 0
      n++
      this.add(t, r, held)
    }
    if (keep !== undefined) t.retain(from, keep)
    return n
  }

  private add(t: EventTable, r: number, held: Holder): void {
    this.count++
    const origin = t.originCode(r)
    if (disagree(origin, held.origin)) this.originDiffers++
    const line = t.lineOf(r)
    if (this.first !== undefined && this.first.line <= line) return
    const a = t.get(r)
    this.first = { line, held, origin, call: `${a.sample} ${a.chrom ?? 'NA'}:${a.start ?? 'NA'} ${a.ref ?? '-'}>${a.alt ?? '-'}` }
  }

  /** Into the file's read report: the drop count and one note (the first example, and how many). */
  report(r: ReadReport, name: string, nameOf: (file: number) => string): void {
    const f = this.first
    if (this.count === 0 || f === undefined) return
    r.kept -= this.count
    drop(r, 'duplicate-across-files', this.count)
    let d = `duplicate of ${nameOf(f.held.file)} line ${f.held.line} (same sample, chromosome, start and alleles: ${f.call}): dropped here, that copy kept`
    if (disagree(f.origin, f.held.origin)) d += `; the copies disagree on origin (${ORIGINS[f.origin]} here, ${ORIGINS[f.held.origin]} there: the kept copy's counts)`
    if (this.count > 1) {
      d += `; ${this.count} rows of this file repeat a call of an earlier input file, this is the first`
      if (this.originDiffers > 0) d += ` (${this.originDiffers} of them disagree with their kept copy on origin)`
    }
    warn(r, { code: 'cross-file-duplicate', location: { file: name, line: f.line }, detail: d })
  }
}

/**
 * The default path's check, file by file over one table. Nothing is indexed while no file's calls
 * name a sample an earlier file's calls name (the key holds the sample: no repeat is possible; two
 * files of different samples cost two passes over a byte column); then the earlier files' rows are
 * indexed once and each later call of a shared sample is one probe.
 */
export class CrossFileCheck {
  private readonly index = new CallIndex()
  /** Table rows before this one are indexed; `starts` gives each its input file. */
  private indexedTo = 0
  private readonly starts: number[] = []
  /** By pool id: 1 when an earlier file's call names that sample (rows before `seenTo`). */
  private seen = new Uint8Array(64)
  /**
   * Rows before this one are in `seen`: marked when the next file comes, not after each file, so
   * a cohort with one call file never walks its rows (1.5M rows of the GENIE study bench: ~0.05 s).
   */
  private seenTo = 0

  constructor(private readonly table: EventTable) {}

  /**
   * Rows from `from` on are file `file`'s, just appended: drop those an earlier file holds, in this
   * table or in `also` (the low-memory path's index of VCF calls).
   */
  check(from: number, file: number, repeats: Repeats, also?: CallIndex): void {
    const t = this.table
    this.markSeen(from)
    let shared = false
    for (let r = from; r < t.length && !shared; r++) shared = isCall(t, r) && this.seen[t.sampleOf(r)] === 1
    const viaAlso = also !== undefined && also.size > 0
    if (shared) {
      const st = this.starts
      let s = 0
      for (let r = this.indexedTo; r < from; r++) {
        while (s + 2 < st.length && (st[s + 2] as number) <= r) s += 2
        if (isCall(t, r)) this.index.note(t, r, st[s + 1] as number)
      }
      this.indexedTo = from
    }
    if (shared || viaAlso) repeats.dropFrom(t, from, file, shared && viaAlso ? [this.index, also] : shared ? [this.index] : [also as CallIndex])
    this.starts.push(from, file)
  }

  /** The samples of the calls in rows seenTo… before `to` (rows appended in between by a copy-number or fusion table are no calls). */
  private markSeen(to: number): void {
    const t = this.table
    for (let r = this.seenTo; r < to; r++) {
      if (!isCall(t, r)) continue
      const id = t.sampleOf(r)
      if (id >= this.seen.length) {
        const grown = new Uint8Array(Math.max(2 * this.seen.length, id + 1))
        grown.set(this.seen)
        this.seen = grown
      }
      this.seen[id] = 1
    }
    this.seenTo = to
  }
}
