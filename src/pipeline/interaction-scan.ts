/**
 * `interactions`: pairwise co-occurrence and mutual exclusivity of the most altered (or the named)
 * genes — Fisher's exact test per distinct pair, most significant first, with DISCOVER beside it
 * (conditions on each sample's alteration rate; Canisius et al. 2016) — as rows, TSV lines and
 * the JSON document. Pure over the classified matrix: the CLI reads the calls and writes.
 */
import type { CohortMatrix } from '../matrix/types.js'
import { discoverPairs, type DiscoverSummary } from '../scan/discover-pairs.js'
import { interactions, type InteractionRow } from '../scan/interactions.js'
import { formatSignificant } from '../stats/format.js'
import { pickFeatures } from './oncoplot-features.js'

export interface InteractionScan {
  /** The genes tested, most altered first (or as named). */
  readonly genes: readonly string[]
  /** One row per distinct pair, smallest p first (ties by the pair's names). */
  readonly rows: readonly InteractionRow[]
  readonly discover: DiscoverSummary
}

export function interactionScan(matrix: CohortMatrix, opts: { top: number; genes?: readonly string[] | undefined }): InteractionScan {
  const genes = pickFeatures(matrix, 'gene', opts.top, opts.genes)
  const index = new Map(matrix.features.map((f, i) => [f.id, i]))
  const rows = interactions(
    matrix,
    genes.map((id) => index.get(id) as number),
  ).sort((a, b) => a.p - b.p || (a.featureA + a.featureB < b.featureA + b.featureB ? -1 : 1))
  return { genes, rows, discover: discoverPairs(matrix, rows) }
}

/** The TSV: two `#` lines saying what was tested, then one line per pair. */
export function interactionsTsv(s: InteractionScan): string[] {
  const n = (x: number) => formatSignificant(x, 7)
  const { rows, discover: disc } = s
  return [
    `# ${s.genes.length} genes, ${rows.length} distinct pairs; samples assayed for both genes; q = Benjamini-Hochberg over the ${rows.length} pairs`,
    `# DISCOVER (one-sided in the pair's direction, background fitted to every gene's and sample's alteration count over all ${disc.genes} genes; not-assayed cells count as not altered): ${disc.note}`,
    ['gene_a', 'gene_b', 'n11_both', 'n10_a_only', 'n01_b_only', 'n00_neither', 'n', 'odds_ratio_cmle', 'odds_ratio_lower', 'odds_ratio_upper', 'p', 'q', 'relation', 'discover_expected_both', 'discover_p', 'discover_q'].join('\t'),
    ...rows.map((r, i) => [r.featureA, r.featureB, r.n11, r.n10, r.n01, r.n00, r.n, n(r.oddsRatio), n(r.oddsRatioLower), n(r.oddsRatioUpper), n(r.p), n(r.q), r.relation, n(disc.pairs[i]?.expected ?? Number.NaN), n(disc.pairs[i]?.p ?? Number.NaN), n(disc.pairs[i]?.q ?? Number.NaN)].join('\t')),
  ]
}

/** The JSON document's value (numbers encoded by the caller's JSON writer). */
export function interactionsJson(s: InteractionScan): unknown {
  const disc = s.discover
  return { features: s.genes, pairs: s.rows.length, discover: { note: disc.note, burdenMedian: disc.burdenMedian, burdenMax: disc.burdenMax, fisherOnly: disc.fisherOnly }, rows: s.rows.map((r, i) => ({ ...r, discoverExpected: disc.pairs[i]?.expected, discoverP: disc.pairs[i]?.p, discoverQ: disc.pairs[i]?.q })) }
}
