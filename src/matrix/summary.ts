/**
 * Summaries of a CohortMatrix.
 *
 * geneSummary mirrors maftools getGeneSummary (summarizeMaf in R/summarizeMaf.R): per gene, event
 * counts per Variant_Classification, `total` = mutation events (Amp/Del excluded, as maftools
 * moves them to CNV_total), MutatedSamples (samples with a non-CN event), AlteredSamples (any
 * event). Order as maftools: MutatedSamples desc, then total desc; ties keep data.table's keyed
 * (C-locale) gene order, i.e. gene name by code unit. biomarkit adds panel-aware denominators.
 *
 * Complexity: O(features × samples) for the counts + O(events in altered cells), walking each
 * feature row's cells in order straight from the CellStore and reading event codes from the
 * EventTable's columns (no record built; materializing records was ~15% of `summary` on the
 * 1M-row bench cohort), counting classes in typed arrays with a per-cell bitmask. Keys of the
 * count records appear in first-seen order, as before.
 */
import { MAF_CLASSES, type VariantClass } from '../model/alteration.js'
import { CN_STATES, KIND_CODE, codeClass, codeCnState, codeKind } from '../model/events-codes.js'
import { ALTERED, type CohortMatrix, type FeatureCounts, type FeatureType } from './types.js'
import { COLLAPSED_CLASSES, collapseClass, type CollapsedClass } from '../classify/collapse.js'
import { SampleTally, classCountsOf, sampleClasses } from './sample-classes.js'
import { rowBits, stateWords } from './row-bits.js'

export interface GeneSummaryRow {
  readonly gene: string
  /** Events per class over the gene's altered cells (maftools' dcast columns). */
  readonly classCounts: Readonly<Partial<Record<VariantClass, number>>>
  /** Samples with ≥1 event of the class. */
  readonly samplesByClass: Readonly<Partial<Record<VariantClass, number>>>
  /** Mutation events (copy number excluded). */
  readonly total: number
  /** Amp + Del events. */
  readonly cnvTotal: number
  readonly mutatedSamples: number
  readonly alteredSamples: number
  readonly assayed: number
  readonly notAssayed: number
}

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** One altered cell's events as codes (class, kind, copy-number state), reused from cell to cell. */
class CellCodes {
  n = 0
  cls = new Uint8Array(64)
  kind = new Uint8Array(64)
  /** CN_STATES index + 1; 0 = none. */
  cn = new Uint8Array(64)
  /** Events the entry stands for: 1, or a CountedCells run's count. */
  w = new Uint32Array(64)
  reset(size: number): void {
    this.n = 0
    if (size > this.cls.length) {
      const cap = Math.max(size, this.cls.length * 2)
      this.cls = new Uint8Array(cap)
      this.kind = new Uint8Array(cap)
      this.cn = new Uint8Array(cap)
      this.w = new Uint32Array(cap)
    }
  }
  add(cls: number, kind: number, cn: number, w: number): void {
    const i = this.n++
    this.cls[i] = cls
    this.kind[i] = kind
    this.cn[i] = cn
    this.w[i] = w
  }
}

/** Feature fi's altered cells (state ALTERED) in sample order, each with its events as codes (entries with their counts). */
function forEachAltered(m: CohortMatrix, fi: number, visit: (s: number, ev: CellCodes) => void): void {
  const n = m.samples.length
  const base = fi * n
  const ev = new CellCodes()
  const store = m.cells
  const codes = store.eventCodes()
  const counts = store.eventCounts()
  store.forEachCell(base, base + n, (idx, a, b) => {
    if (m.state[idx] !== ALTERED) return
    ev.reset(b - a)
    for (let j = a; j < b; j++) {
      const c = codes[j] as number
      ev.add(codeClass(c), codeKind(c), codeCnState(c), counts === undefined ? 1 : (counts[j] as number))
    }
    visit(idx - base, ev)
  })
}

const COLLAPSED_INDEX: ReadonlyMap<CollapsedClass, number> = new Map(COLLAPSED_CLASSES.map((c, i) => [c, i]))
/** collapsedOf[cls * 5 + cnCode]: collapsed class index of an event (cnCode 0 = no copy-number state). */
const collapsedOf = Uint8Array.from(
  MAF_CLASSES.flatMap((c) => [undefined, ...CN_STATES].map((cn) => COLLAPSED_INDEX.get(collapseClass(c, cn)) as number)),
)
const CNA = KIND_CODE.cna

/** Counts by vocabulary index, remembering first-seen order so the record's keys come out as before. */
class Tally<K extends string> {
  private readonly n: Uint32Array
  private readonly order: number[] = []
  constructor(private readonly names: readonly K[]) {
    this.n = new Uint32Array(names.length)
  }
  bump(i: number, by = 1): void {
    if (this.n[i] === 0) this.order.push(i)
    this.n[i] = (this.n[i] as number) + by
  }
  record(): Partial<Record<K, number>> {
    const r: Partial<Record<K, number>> = {}
    for (const i of this.order) {
      const name = this.names[i]
      if (name !== undefined) r[name] = this.n[i]
    }
    return r
  }
}

/** Counts of every feature row and, over gene features, of every sample column (see stateTotals). */
export interface StateTotals {
  /** Per feature: ALTERED and NOT_ASSAYED cells. */
  readonly altered: Uint32Array
  readonly notAssayed: Uint32Array
  /** Per sample, over gene features only: ALTERED and NOT_ASSAYED cells. */
  readonly geneAltered: Uint32Array
  readonly geneNotAssayed: Uint32Array
}

/**
 * Row and column counts of the state, shared by the summaries (one sweep instead of one per
 * summary and a strided one per sample): a branchless sweep per row, four cells a word (ALTERED = 1
 * and NOT_ASSAYED = 2 are the two bits of a state byte); per-sample NOT_ASSAYED counts sweep again only
 * the gene rows that have any; per-sample ALTERED counts walk the stored altered cells. At
 * 200,000 samples × 540 features (108M cells) the summaries' three full sweeps took ~0.9 s, a
 * sweep with per-sample counters ~0.7 s. O(features × samples) byte reads + O(altered cells).
 */
export function stateTotals(m: CohortMatrix): StateTotals {
  const n = m.samples.length
  const F = m.features.length
  const st = m.state
  const altered = new Uint32Array(F)
  const notAssayed = new Uint32Array(F)
  const geneAltered = new Uint32Array(n)
  const geneNotAssayed = new Uint32Array(n)
  const store = m.cells
  const words = stateWords(st)
  const bits = [0, 0]
  const lanes = new NotAssayedLanes(n, words)
  for (let f = 0; f < F; f++) {
    const row = f * n
    rowBits(st, words, row, row + n, bits)
    const a = bits[0] as number
    const na = bits[1] as number
    altered[f] = a
    notAssayed[f] = na
    if (m.features[f]?.type !== 'gene') continue
    if (na > 0) {
      if (lanes.usable) lanes.add(row, geneNotAssayed)
      else for (let s = 0; s < n; s++) geneNotAssayed[s] = (geneNotAssayed[s] as number) + ((st[row + s] as number) >> 1)
    }
    if (a === 0) continue
    store.forEachCell(row, row + n, (idx) => {
      if (st[idx] === ALTERED) geneAltered[idx - row] = (geneAltered[idx - row] as number) + 1
    })
  }
  lanes.flush(geneNotAssayed)
  return { altered, notAssayed, geneAltered, geneNotAssayed }
}

const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1

/**
 * Per-sample NOT_ASSAYED counts of whole rows four samples a word: each row's state words add
 * their NOT_ASSAYED bits (bit 1 of each byte) into one byte lane per sample, flushed to the
 * 32-bit counts before a lane can pass 255. Usable when every row starts on a word (samples a
 * multiple of 4, state 4-byte aligned) on a little-endian machine (lane k = sample 4w + k);
 * otherwise stateTotals adds byte by byte. At 200,000 samples × 500 gene rows the byte loop was
 * ~0.3 s of `summary`.
 */
class NotAssayedLanes {
  readonly usable: boolean
  private readonly acc: Uint32Array
  private rows = 0
  constructor(
    private readonly n: number,
    private readonly words: Uint32Array,
  ) {
    this.usable = LITTLE_ENDIAN && (n & 3) === 0 && words.length > 0
    this.acc = new Uint32Array(this.usable ? n >>> 2 : 0)
  }
  /** Row starting at state index `row` (a multiple of 4). */
  add(row: number, out: Uint32Array): void {
    const acc = this.acc
    const words = this.words
    const w0 = row >>> 2
    for (let w = 0; w < acc.length; w++) acc[w] = (acc[w] as number) + (((words[w0 + w] as number) >>> 1) & 0x01010101)
    if (++this.rows === 255) this.flush(out)
  }
  flush(out: Uint32Array): void {
    if (this.rows === 0) return
    const acc = this.acc
    for (let w = 0; w < acc.length; w++) {
      const v = acc[w] as number
      if (v === 0) continue
      const s = w << 2
      out[s] = (out[s] as number) + (v & 0xff)
      out[s + 1] = (out[s + 1] as number) + ((v >>> 8) & 0xff)
      out[s + 2] = (out[s + 2] as number) + ((v >>> 16) & 0xff)
      out[s + 3] = (out[s + 3] as number) + (v >>> 24)
    }
    acc.fill(0)
    this.rows = 0
  }
}


/** A feature's n/N from stateTotals (what featureCounts counts). O(1). */
export function countsFromTotals(m: CohortMatrix, t: StateTotals, feature: number): FeatureCounts {
  const notAssayed = t.notAssayed[feature] as number
  return { altered: t.altered[feature] as number, assayed: m.samples.length - notAssayed, notAssayed }
}

/** `totals`: stateTotals(m), when the caller already has them (one pass serves every summary). */
export function geneSummary(m: CohortMatrix, totals: StateTotals = stateTotals(m)): GeneSummaryRow[] {
  const rows: GeneSummaryRow[] = []
  m.features.forEach((f, fi) => {
    if (f.type !== 'gene') return
    const classCounts = new Tally(MAF_CLASSES)
    const samplesByClass = new Tally(MAF_CLASSES)
    let total = 0
    let cnvTotal = 0
    let mutatedSamples = 0
    let alteredSamples = 0
    forEachAltered(m, fi, (_s, ev) => {
      alteredSamples++
      let mutated = false
      let seen = 0 // bit i: class i occurs in this cell (30 classes fit)
      for (let k = 0; k < ev.n; k++) {
        const ci = ev.cls[k] as number
        const w = ev.w[k] as number
        classCounts.bump(ci, w)
        seen |= 1 << ci
        if (ev.kind[k] === CNA) cnvTotal += w
        else {
          total += w
          mutated = true
        }
      }
      if (mutated) mutatedSamples++
      // A cell's classes in MAF_CLASSES order, as AlteredCell.classes lists them.
      for (let ci = 0; seen !== 0; ci++, seen >>>= 1) if ((seen & 1) !== 0) samplesByClass.bump(ci)
    })
    const { assayed, notAssayed } = countsFromTotals(m, totals, fi)
    rows.push({ gene: f.id, classCounts: classCounts.record(), samplesByClass: samplesByClass.record(), total, cnvTotal, mutatedSamples, alteredSamples, assayed, notAssayed })
  })
  return rows.sort((a, b) => b.mutatedSamples - a.mutatedSamples || b.total - a.total || byCodeUnit(a.gene, b.gene))
}

export interface FeatureSummaryRow {
  readonly id: string
  readonly label: string
  readonly type: FeatureType
  readonly altered: number
  readonly assayed: number
  readonly notAssayed: number
  /** altered / assayed; undefined when no sample was assayed. Never above 1. */
  readonly fraction: number | undefined
  /** Altered samples per collapsed OncoPrint class (a sample counts once per class). */
  readonly samplesByCollapsed: Readonly<Partial<Record<CollapsedClass, number>>>
}

/** n/N per feature, in feature order. */
export function featureSummary(m: CohortMatrix, totals: StateTotals = stateTotals(m)): FeatureSummaryRow[] {
  return m.features.map((f, fi) => {
    const c = countsFromTotals(m, totals, fi)
    const tally = new Tally(COLLAPSED_CLASSES)
    forEachAltered(m, fi, (_s, ev) => {
      let seen = 0 // bit k: collapsed class k already counted for this sample
      for (let j = 0; j < ev.n; j++) {
        const k = collapsedOf[(ev.cls[j] as number) * 5 + (ev.cn[j] as number)] as number
        if ((seen & (1 << k)) === 0) {
          seen |= 1 << k
          tally.bump(k)
        }
      }
    })
    const samplesByCollapsed = tally.record()
    return {
      id: f.id,
      label: f.label,
      type: f.type,
      altered: c.altered,
      assayed: c.assayed,
      notAssayed: c.notAssayed,
      fraction: c.assayed === 0 ? undefined : c.altered / c.assayed,
      samplesByCollapsed,
    }
  })
}

export interface SampleSummaryRow {
  readonly sample: string
  readonly panel: string | undefined
  /** Counted somatic mutation events, all genes (the matrix burden). */
  readonly burden: number
  /** burden / panel Mb, when the panel size is known. */
  readonly tmb: number | undefined
  /** Altered gene features. */
  readonly alteredGenes: number
  /** Gene features not assayed for this sample. */
  readonly notAssayedGenes: number
  /** Events per class over gene features (maftools getSampleSummary columns). */
  readonly classCounts: Readonly<Partial<Record<VariantClass, number>>>
}

/**
 * Per-sample counts, in sample order. Walks gene rows (not sample by sample across rows), so the
 * state array is read sequentially and each row's cells in one pass; a sample's class keys still
 * appear in gene-row then event order, as before.
 */
export function sampleSummary(m: CohortMatrix, totals: StateTotals = stateTotals(m)): SampleSummaryRow[] {
  const sc = sampleClasses(m)
  const tally = new SampleTally()
  return m.samples.map((sample, s) => {
    const burden = m.burden[s] ?? 0
    const mb = m.panelMb[s]
    return {
      sample,
      panel: m.samplePanel[s],
      burden,
      tmb: mb === undefined ? undefined : burden / mb,
      alteredGenes: totals.geneAltered[s] ?? 0,
      notAssayedGenes: totals.geneNotAssayed[s] ?? 0,
      classCounts: classCountsOf(sc, s, tally),
    }
  })
}
