/**
 * Protein lengths and domains for lollipop plots: the shipped panels/protein-lengths.tsv.gz and
 * panels/protein-domains.tsv.gz (maftools' RefSeq/CDD tables, MIT; scripts/protein-tables.mjs).
 *
 * Transcript rule (maftools lollipopPlot without refSeqID): among the gene's transcripts that have
 * domain annotations, the longest protein; ties go to the one listed first in the domain table
 * (DNMT3A: NP_072046 and NP_783328 are both 912 aa, NP_072046 is first). A gene with no annotated
 * transcript falls back to its longest prot_len transcript, drawn without domains. `refseq` picks
 * one by RefSeq mRNA (NM_) or protein (NP_) id.
 * Coordinates are 1-based amino-acid positions, closed intervals, as in the source tables.
 */
import { InputError, quote } from '../errors.js'
import { readLines } from '../io/lines.js'
import { shippedPath } from './shipped.js'
import type { ReadLimits } from '../io/read-limits.js'

export interface ProteinDomain {
  readonly start: number
  readonly end: number
  readonly label: string
}

export interface ProteinTranscript {
  readonly gene: string
  readonly refseq: string
  readonly protein: string
  readonly length: number
  readonly domains: readonly ProteinDomain[]
  /** How the transcript was chosen, for the figure's caption. */
  readonly rule: string
}

interface LengthRow {
  readonly refseq: string
  readonly protein: string
  readonly length: number
  readonly hasDomains: boolean
}

async function transcriptsOf(gene: string, file: string, limits: ReadLimits | undefined): Promise<LengthRow[]> {
  const out: LengthRow[] = []
  const prefix = `${gene}\t`
  for await (const { text } of readLines(file, { limits })) {
    if (!text.startsWith(prefix)) continue
    const f = text.split('\t')
    out.push({ refseq: f[1] ?? '', protein: f[2] ?? '', length: Number(f[3]), hasDomains: f[4] === '1' })
  }
  return out
}

async function domainsOf(refseq: string, file: string, limits: ReadLimits | undefined): Promise<ProteinDomain[]> {
  const out: ProteinDomain[] = []
  const prefix = `${refseq}\t`
  for await (const { text } of readLines(file, { limits })) {
    if (!text.startsWith(prefix)) continue
    const f = text.split('\t')
    out.push({ start: Number(f[1]), end: Number(f[2]), label: f[3] ?? '' })
  }
  return out
}

/** Longest first; ties keep table order (Array.prototype.sort is stable). */
function longest(rows: readonly LengthRow[]): LengthRow | undefined {
  return [...rows].sort((a, b) => b.length - a.length)[0]
}

export async function proteinTranscript(gene: string, opts: { refseq?: string | undefined; lengths?: string; domains?: string; limits?: ReadLimits | undefined } = {}): Promise<ProteinTranscript> {
  const lengths = opts.lengths ?? shippedPath('protein-lengths.tsv.gz')
  const domainsFile = opts.domains ?? shippedPath('protein-domains.tsv.gz')
  const rows = await transcriptsOf(gene, lengths, opts.limits)
  if (rows.length === 0) {
    throw new InputError('NOT_FOUND', `no RefSeq protein for gene ${quote(gene)} in the shipped protein table`, { suggestion: 'use the HGNC symbol (the table has 18,263 genes from maftools/RefSeq)' })
  }
  let chosen: LengthRow | undefined
  let rule: string
  if (opts.refseq !== undefined) {
    const id = opts.refseq.replace(/\.\d+$/, '')
    chosen = rows.find((r) => r.refseq === id || r.protein === id)
    if (chosen === undefined) {
      throw new InputError('NOT_FOUND', `--refseq ${quote(opts.refseq)} is not a transcript of ${gene}`, { suggestion: `known: ${rows.map((r) => `${r.refseq} (${r.protein}, ${r.length} aa)`).join(', ')}` })
    }
    rule = 'transcript given with --refseq'
  } else {
    const annotated = rows.filter((r) => r.hasDomains)
    chosen = longest(annotated.length > 0 ? annotated : rows)
    rule = annotated.length > 0 ? 'longest annotated RefSeq protein (ties: first in the domain table), as maftools' : 'longest RefSeq protein; no domain annotation for this gene'
  }
  if (chosen === undefined || !(chosen.length > 0)) throw new InputError('NOT_FOUND', `no protein length for ${quote(gene)}`)
  const domains = chosen.hasDomains ? await domainsOf(chosen.refseq, domainsFile, opts.limits) : []
  return { gene, refseq: chosen.refseq, protein: chosen.protein, length: chosen.length, domains, rule }
}
