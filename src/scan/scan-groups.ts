/**
 * Scan every selected feature against a group endpoint.
 *
 * - binary ('orr', 'dcr', a two-valued column): one row per feature, family = the endpoint;
 * - categorical (k > 2 levels): each level vs the rest (family "<column>: level vs rest", as
 *   maftools clinicalEnrichment's groupwise FDR), and each pair of levels (family
 *   "<column>: level vs level"); pairs with an empty margin are skipped as R's pairwise test does.
 * q-values: Benjamini–Hochberg (default) or Bonferroni within each family.
 * With `strata`, every row also gets the exact test stratified by that clinical column (strata.ts),
 * with its own q within the row's family.
 */
import { binaryEndpoint, type GroupEndpoint, type GroupSpec } from '../clinical/endpoints.js'
import type { ClinicalTable } from '../model/clinical.js'
import type { StateMatrix } from '../matrix/types.js'
import { LogFactorialTable } from '../stats/log-factorial.js'
import { adjustWithinFamilies, type AdjustMethod } from './families.js'
import { align, type Excluded } from './groups.js'
import { testFeature, type Comparison, type GroupTestOptions } from './binary.js'
import type { AssociationRow } from './row.js'
import { adjustStratified, readStrata, stratifiedTest, type Strata } from './strata.js'

export interface GroupScanOptions extends GroupTestOptions {
  readonly adjust?: AdjustMethod | undefined
  readonly lenient?: boolean | undefined
  /** A clinical column to stratify every row's exact test by (strata.ts). */
  readonly strata?: string | undefined
}

export interface GroupScan {
  readonly endpoint: GroupEndpoint
  readonly rows: AssociationRow[]
  readonly tested: number
  readonly excluded: Excluded
  readonly families: readonly string[]
  /** With `strata`: how the tested samples fell into the strata. */
  readonly strata?: Strata | undefined
}

export function scanGroups(
  m: StateMatrix,
  clinical: ClinicalTable,
  spec: GroupSpec,
  features: readonly number[],
  opts: GroupScanOptions = {},
): GroupScan {
  const ep = binaryEndpoint(clinical, spec, { lenient: opts.lenient })
  const table = opts.table ?? new LogFactorialTable(m.samples.length + 1)
  const rows: AssociationRow[] = []
  const families: string[] = []
  const alternative = opts.alternative ?? 'two-sided'
  let strata: Strata | undefined
  /** Fisher's test of one comparison, and with strata the stratified test beside it. */
  const test = (f: number, group: Int32Array, cmp: Comparison, power: boolean): AssociationRow => {
    const row = testFeature(m, f, group, cmp, { ...opts, table, power })
    if (strata) row.stratified = stratifiedTest(m, f, group, strata, cmp.level, cmp.other, alternative)
    return row
  }
  const done = (al: { tested: number; excluded: Excluded }): GroupScan => {
    adjustWithinFamilies(rows, opts.adjust ?? 'BH')
    if (strata) adjustStratified(rows, opts.adjust ?? 'BH')
    return { endpoint: ep, rows, tested: al.tested, excluded: al.excluded, families, ...(strata ? { strata } : {}) }
  }
  if (ep.kind === 'binary') {
    const codes = new Map<string, number>()
    for (const [s, v] of ep.values) codes.set(s, v)
    const al = align(m, codes, ep.excluded, clinical.rows.keys())
    const family = `${ep.name}: ${ep.positive} vs ${ep.negative}`
    families.push(family)
    const cmp = { endpoint: ep.name, comparison: `${ep.positive} vs ${ep.negative}`, family, level: 1, other: 0 }
    if (opts.strata !== undefined) strata = readStrata(m, clinical, opts.strata, al.group)
    for (const f of features) rows.push(test(f, al.group, cmp, opts.power ?? true))
    return done(al)
  }
  const levelCode = new Map(ep.levels.map((l, i) => [l, i]))
  const codes = new Map<string, number>()
  for (const [s, v] of ep.values) codes.set(s, levelCode.get(v) as number)
  const al = align(m, codes, ep.excluded, clinical.rows.keys())
  const vsRest = `${ep.column}: level vs rest`
  const pairwise = `${ep.column}: level vs level`
  families.push(vsRest, pairwise)
  if (opts.strata !== undefined) strata = readStrata(m, clinical, opts.strata, al.group)
  for (const f of features) {
    ep.levels.forEach((level, li) => {
      rows.push(test(f, al.group, { endpoint: ep.name, comparison: `${level} vs rest`, family: vsRest, level: li }, false))
    })
    for (let i = 0; i < ep.levels.length; i++) {
      for (let j = i + 1; j < ep.levels.length; j++) {
        const row = test(f, al.group, { endpoint: ep.name, comparison: `${ep.levels[i]} vs ${ep.levels[j]}`, family: pairwise, level: i, other: j }, false)
        // R's pairwise.fisher.test gives NA when a margin is empty: nothing to compare.
        const altered = row.a + row.b
        const wt = row.c + row.d
        const g1 = row.a + row.c
        const g2 = row.b + row.d
        if (altered > 0 && wt > 0 && g1 > 0 && g2 > 0) rows.push(row)
      }
    }
  }
  return done(al)
}
