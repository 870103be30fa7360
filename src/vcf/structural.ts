/**
 * Copy number and fusions from VCF records (symbolic alleles, breakends, SnpEff fusion effects).
 *
 * - Copy number: ALT <DEL>, <DUP>, <CNV>, <AMP>, <CN0>, <CNn> (or ALT '.' with a CN value, GATK
 *   gCNV). CN from INFO CN (Number=1 or A; Float allowed, VCF 4.4), else the sample's FORMAT CN,
 *   else implied: <CN0>/<CNn> → n; <DEL> with a called GT → ploidy − (copies of this ALT in GT)
 *   (a 1/1 deletion is 0 copies); <AMP> without CN is an amplification. A <DUP> without CN has no
 *   level and is dropped, counted. State thresholds are in options.ts.
 * - Symbolic intervals: the REF base is the padding base before the event (VCF 4.3 §5.3), so the
 *   altered interval is POS+1 … END.
 * - Genes: every distinct gene the annotator names for the allele (a CNV spans many), else every
 *   gene of options.genes that overlaps the interval.
 * - Fusions: a SnpEff gene_fusion / bidirectional_gene_fusion effect (Gene_Name "A&B") gives gene A
 *   with partner B and gene B with partner A; breakend pairs (MATEID) join the genes of both
 *   mates; <INV>/<TRA> join the genes at POS and END (options.genes). Same gene at both ends is an
 *   intragenic rearrangement, not a fusion: dropped, counted.
 */
import type { CnState } from '../model/alteration.js'
import type { CnThresholds, GeneInterval } from './options.js'

export type AlleleShape = 'small' | 'cna' | 'sv' | 'bnd' | 'star'

const CNA_SYMBOLS = new Set(['DEL', 'DUP', 'CNV', 'AMP', 'CN0', 'DUP:TANDEM', 'DEL:ME'])

export function alleleShape(alt: string): AlleleShape {
  const c = alt.charCodeAt(0)
  // One character (most SNV ALTs): the rules below reduce to these.
  if (alt.length === 1) return c === 60 /* < */ ? 'sv' : c === 42 /* * */ ? 'star' : c === 91 || c === 93 /* [ ] */ ? 'bnd' : 'small'
  if (c === 60 /* < */) {
    const sym = alt.slice(1, -1)
    if (CNA_SYMBOLS.has(sym) || /^CN\d+$/.test(sym)) return 'cna'
    return 'sv'
  }
  if (alt === '*') return 'star'
  if (alt.includes('[') || alt.includes(']') || (alt.length > 1 && (c === 46 || alt.endsWith('.')))) return 'bnd'
  return 'small'
}

/** CN implied by the symbolic allele itself, if any. */
export function impliedCn(alt: string): number | undefined {
  if (alt === '<CN0>') return 0
  const m = /^<CN(\d+)>$/.exec(alt)
  return m?.[1] === undefined ? undefined : Number(m[1])
}

export function cnStateOf(cn: number, t: CnThresholds): CnState | undefined {
  if (cn < t.deepDel) return 'deep_del'
  if (cn < t.shallowDel) return 'shallow_del'
  if (cn >= t.amp) return 'amp'
  if (cn >= t.gain) return 'gain'
  return undefined
}

const norm = (chrom: string): string => (chrom.startsWith('chr') ? chrom.slice(3) : chrom)

/** Genes by chromosome, sorted by start; overlap queries scan from a binary-searched bound. */
export class GeneIndex {
  private readonly byChrom = new Map<string, GeneInterval[]>()
  private readonly maxLen = new Map<string, number>()

  constructor(genes: readonly GeneInterval[]) {
    for (const g of genes) {
      const k = norm(g.chrom)
      const list = this.byChrom.get(k) ?? []
      list.push(g)
      this.byChrom.set(k, list)
      this.maxLen.set(k, Math.max(this.maxLen.get(k) ?? 0, g.end - g.start + 1))
    }
    for (const list of this.byChrom.values()) list.sort((a, b) => a.start - b.start || a.gene.localeCompare(b.gene))
  }

  /** Genes overlapping [start, end] (1-based closed), in start order. O(log n + k + long genes). */
  overlapping(chrom: string, start: number, end: number): string[] {
    const list = this.byChrom.get(norm(chrom))
    if (!list) return []
    const from = start - (this.maxLen.get(norm(chrom)) ?? 0)
    let lo = 0
    let hi = list.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if ((list[mid] as GeneInterval).start < from) lo = mid + 1
      else hi = mid
    }
    const out: string[] = []
    for (let i = lo; i < list.length; i++) {
      const g = list[i] as GeneInterval
      if (g.start > end) break
      if (g.end >= start && !out.includes(g.gene)) out.push(g.gene)
    }
    return out
  }

  at(chrom: string, pos: number): string | undefined {
    return this.overlapping(chrom, pos, pos)[0]
  }
}

/** Fusion partner pairs named by SnpEff fusion effects ("A&B"), both directions, deduplicated. */
export function fusionPairs(symbols: readonly (string | undefined)[]): [string, string][] {
  const out: [string, string][] = []
  const seen = new Set<string>()
  for (const s of symbols) {
    if (s === undefined) continue
    const parts = s.split('&')
    const a = parts[0]
    const b = parts[1]
    if (a === undefined || b === undefined || a === '' || b === '' || a === b) continue
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      const k = `${x}\t${y}`
      if (!seen.has(k)) {
        seen.add(k)
        out.push([x, y])
      }
    }
  }
  return out
}

export const FUSION_TERMS: ReadonlySet<string> = new Set(['gene_fusion', 'bidirectional_gene_fusion', 'feature_fusion'])
