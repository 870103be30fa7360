/**
 * Where a '|'-separated annotation entry's fields are (VEP CSQ, SnpEff ANN, Illumina CSQT): each
 * column an Effect reads is a slot, found by name in the header's Format list once per file. Both
 * record paths use the layout: the text path's VepEntry (vep-entry.ts) and the byte path's
 * EntryBytes (byte-path/entry-bytes.ts).
 */
import type { Dialect } from './dialect.js'

/** The first of `names` in the header's fields (−1: none). */
export function idx(fields: readonly string[], ...names: string[]): number {
  for (const n of names) {
    const i = fields.indexOf(n)
    if (i !== -1) return i
  }
  return -1
}

/** The entry columns an Effect reads, as slots of VepEntry.at (2 numbers each: start, end). */
export const SLOT = { allele: 0, consequence: 1, symbol: 2, gene: 3, feature: 4, biotype: 5, canonical: 6, pick: 7, hgvsc: 8, hgvsp: 9, protein: 10, aa: 11, cdna: 12, alleleNum: 13 } as const
export type SlotName = keyof typeof SLOT
/** Number of slots (VepEntry.at holds 2 numbers per slot). */
export const SLOTS = 14

/** Where an entry's fields go: field index → slot (-1: not read), and the last field read. */
export interface EntryLayout {
  /** Fields per entry (the header's Format list). */
  readonly n: number
  readonly slotOf: Int8Array
  readonly lastRead: number
}

export function layout(fields: readonly string[], names: Record<SlotName, readonly string[]>): EntryLayout {
  const n = fields.length
  // Field index → the slot it fills (-1: not read). Only the ~14 columns we read are ever sliced;
  // the others (VEP writes 30-80) are only skipped over.
  const slotOf = new Int8Array(n).fill(-1)
  let lastRead = -1
  for (const [name, slot] of Object.entries(SLOT) as [SlotName, number][]) {
    const i = idx(fields, ...names[name])
    if (i >= 0) {
      slotOf[i] = slot
      lastRead = Math.max(lastRead, i)
    }
  }
  return { n, slotOf, lastRead }
}

export const VEP_NAMES: Record<SlotName, readonly string[]> = {
  allele: ['Allele'],
  consequence: ['Consequence'],
  symbol: ['SYMBOL'],
  gene: ['Gene'],
  feature: ['Feature'],
  biotype: ['BIOTYPE'],
  canonical: ['CANONICAL'],
  pick: ['PICK'],
  hgvsc: ['HGVSc'],
  hgvsp: ['HGVSp'],
  protein: ['Protein_position'],
  aa: ['Amino_acids'],
  cdna: ['cDNA_position'],
  alleleNum: ['ALLELE_NUM'],
}

// vcf2maf renames SnpEff's ANN fields to VEP's (Annotation → Consequence, Gene_Name → SYMBOL, …).
export const ANN_NAMES: Record<SlotName, readonly string[]> = {
  allele: ['Allele'],
  consequence: ['Annotation'],
  symbol: ['Gene_Name'],
  gene: ['Gene_ID'],
  feature: ['Feature_ID'],
  biotype: ['Transcript_BioType'],
  canonical: [],
  pick: [],
  hgvsc: ['HGVS.c'],
  hgvsp: ['HGVS.p'],
  protein: ['AA.pos/AA.length'],
  aa: [],
  cdna: ['cDNA.pos/cDNA.length'],
  alleleNum: [],
}

// Illumina Isaac (IONA) "HGNC|TranscriptID|Consequence" and Nirvana "GenotypeIndex|HGNC|Transcript ID|
// Consequence" (GenotypeIndex: the 1-based ALT). No protein change, biotype or canonical flag is written.
export const CSQT_NAMES: Record<SlotName, readonly string[]> = {
  allele: [],
  consequence: ['Consequence'],
  symbol: ['HGNC'],
  gene: [],
  feature: ['TranscriptID'],
  biotype: [],
  canonical: [],
  pick: [],
  hgvsc: [],
  hgvsp: [],
  protein: [],
  aa: [],
  cdna: [],
  alleleNum: ['GenotypeIndex'],
}

/** The entry layout of the '|'-separated dialects (VEP, SnpEff ANN, CSQT); undefined for the others. */
export function entryLayout(d: Dialect): EntryLayout | undefined {
  switch (d.kind) {
    case 'vep':
      return layout(d.fields, VEP_NAMES)
    case 'snpeff-ann':
      return layout(d.fields, ANN_NAMES)
    case 'csqt':
      return layout(d.fields, CSQT_NAMES)
    default:
      return undefined
  }
}
