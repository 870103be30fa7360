/**
 * The protein change of a chosen annotation entry, for the byte path (row-reader.ts): the usual case
 * (a VEP HGVSp) is shortened byte to byte into a buffer (../hgvsp.ts shortProteinInto); splice
 * sites (HGVSc decides), "c.…" values and "p.=" go through the same string rule as the text path
 * (hgvspShort), given the entry's fields sliced only when that rule reads them.
 */
import { SLOT } from '../entry-layout.js'
import { hgvspShort, shortProteinInto, type ProteinInputs } from '../hgvsp.js'
import type { EntryBytes } from './entry-bytes.js'

export class EntryProtein implements ProteinInputs {
  private entry = 0
  private buf: Buffer = Buffer.alloc(0)
  /** The change `of` last answered null for: bytes[0, length), ASCII. */
  bytes = Buffer.allocUnsafe(256)
  length = 0

  constructor(private readonly entries: EntryBytes) {}

  private field(slot: number): string | undefined {
    if (!this.entries.present(this.entry, slot)) return undefined
    return this.buf.toString('latin1', this.entries.start(this.entry, slot), this.entries.end(this.entry, slot))
  }
  get hgvsp(): string | undefined {
    return this.field(SLOT.hgvsp)
  }
  get hgvsc(): string | undefined {
    return this.field(SLOT.hgvsc)
  }
  get proteinPosition(): string | undefined {
    return this.field(SLOT.protein)
  }
  get aminoAcids(): string | undefined {
    return this.field(SLOT.aa)
  }

  /** hgvspShort of entry e whose class `term` decided: null when the change is in `bytes`. */
  of(buf: Buffer, e: number, term: string): string | undefined | null {
    const entries = this.entries
    if (term !== 'splice_acceptor_variant' && term !== 'splice_donor_variant') {
      if (!entries.present(e, SLOT.hgvsp)) return undefined
      const a = entries.start(e, SLOT.hgvsp)
      const z = entries.end(e, SLOT.hgvsp)
      if (z - a > this.bytes.length) this.bytes = Buffer.allocUnsafe(2 * (z - a))
      const n = shortProteinInto(buf, a, z, this.bytes)
      const pb = this.bytes
      if (n === 0) return undefined
      // "p.=" takes hgvspShort's synonymous rule (Protein_position, Amino_acids).
      if (n > 0 && !(n === 3 && pb[0] === 112 && pb[1] === 46 && pb[2] === 61)) {
        this.length = n
        return null
      }
    }
    this.buf = buf
    this.entry = e
    return hgvspShort(this, term)
  }
}
