/**
 * A record with many ALT alleles costs work linear in their number (issue 21: 10k/20k/40k ALTs took
 * 1.3/4.7/16.8 s, 200k did not finish). No timing: the test counts the operations the old code
 * repeated per ALT over the whole record — characters read with charCodeAt (VEP's allele trimming
 * over every ALT, AD re-read per ALT) and elements visited by Array.prototype.filter (every entry
 * matched per ALT) — and requires 4× the ALTs to cost under 6× the operations (linear: ~4×; the
 * old code: ~16×). Both record engines, with and without splitMultiallelic; and a copy-number record
 * of many symbolic ALTs, which the text path reads whole (every INFO key typed).
 */
import { afterEach, describe, expect, it } from 'vitest'
import { EventTable } from '../../src/model/events.js'
import { VcfParser, type RecordEngine } from '../../src/vcf/reader.js'
import { VEP_FORMAT } from './_util.js'
import { gmodOracle } from './gmod-oracle.js'

function manyAlts(n: number): string[] {
  const alt = (k: number): string => {
    let s = ''
    for (let x = k + 1; x > 0; x = Math.floor(x / 4)) s += 'ACGT'[x % 4]
    return `A${s}`
  }
  const alts = Array.from({ length: n }, (_, k) => alt(k))
  const csq = alts.map((a) => `${a.slice(1)}|frameshift_variant|HIGH|TP53|ENSG1|Transcript|ENST1|protein_coding|5/11|c.1ins|p.V1fs|1|1|V/VX||YES|`).join(',')
  return [
    '##fileformat=VCFv4.2',
    `##INFO=<ID=CSQ,Number=.,Type=String,Description="Consequence annotations from Ensembl VEP. Format: ${VEP_FORMAT}">`,
    '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
    '##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allelic depths">',
    '##FORMAT=<ID=AF,Number=A,Type=Float,Description="Allele fractions">',
    '##tumor_sample=TUMOR',
    '##normal_sample=NORMAL',
    '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tNORMAL\tTUMOR',
    // The tumour carries every ALT, so a split read makes a row for each.
    `17\t7675088\t.\tA\t${alts.join(',')}\t.\tPASS\tCSQ=${csq}\tGT:AD:AF\t0/0:30,${alts.map(() => '0').join(',')}:${alts.map(() => '0').join(',')}\t${['0', ...alts.map((_, k) => String(k + 1))].join('/')}:${['100', ...alts.map((_, k) => String(k % 7))].join(',')}:${alts.map(() => '0.01').join(',')}`,
  ]
}

// The originals, restored after each count (called with their `this` through .call / .apply).
// eslint-disable-next-line @typescript-eslint/unbound-method
const charCodeAt = String.prototype.charCodeAt
const filter = Array.prototype.filter
let ops = 0
afterEach(() => {
  String.prototype.charCodeAt = charCodeAt
  Array.prototype.filter = filter
})

function counted(run: () => void): number {
  ops = 0
  String.prototype.charCodeAt = function (this: string, i: number) {
    ops++
    return charCodeAt.call(this, i)
  }
  Array.prototype.filter = function (this: unknown[], ...a: Parameters<typeof filter>) {
    ops += this.length
    return filter.apply(this, a) as unknown[]
  } as typeof filter
  try {
    run()
  } finally {
    String.prototype.charCodeAt = charCodeAt
    Array.prototype.filter = filter
  }
  return ops
}

function read(n: number, engine: RecordEngine, split: boolean, table: boolean): number {
  const p = new VcfParser('many.vcf', { splitMultiallelic: split }, engine, table ? new EventTable() : undefined)
  manyAlts(n).forEach((l, i) => (table ? p.pushBytes(Buffer.from(l), 0, Buffer.byteLength(l), i + 1) : p.push(l, i + 1)))
  const r = p.finish()
  return table ? 1 : r.alterations.length
}

describe('a record with many ALTs', () => {
  for (const [name, engine] of [['fast', 'fast'], ['gmod oracle', gmodOracle]] as const) {
    for (const split of [false, true]) {
      for (const table of engine === 'fast' ? [false, true] : [false]) {
        it(`${name} engine${table ? ', table path' : ''}, ${split ? 'split per ALT' : "vcf2maf's one ALT"}: 4× the ALTs, < 6× the operations`, () => {
          expect(read(50, engine, split, table)).toBe(split && !table ? 50 : 1)
          const small = counted(() => read(1000, engine, split, table))
          const big = counted(() => read(4000, engine, split, table))
          expect(big / small, `${small} → ${big} operations`).toBeLessThan(6)
        })
      }
    }
  }
})

/** A copy-number record with n symbolic ALTs <CN0> … <CN{n-1}> (every one carried), read by the whole-record path. */
function manyCnAlts(n: number): string[] {
  const alts = Array.from({ length: n }, (_, k) => `<CN${k}>`)
  return [
    '##fileformat=VCFv4.2',
    '##INFO=<ID=END,Number=1,Type=Integer,Description="End">',
    '##INFO=<ID=SVLEN,Number=A,Type=Integer,Description="Length per ALT">',
    '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
    '##tumor_sample=TUMOR',
    '##normal_sample=NORMAL',
    '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tNORMAL\tTUMOR',
    `17\t7675088\t.\tA\t${alts.join(',')}\t.\tPASS\tEND=7690000;SVLEN=${alts.map(() => '14912').join(',')}\tGT\t0/0\t${alts.map((_, k) => String(k + 1)).join('/')}`,
  ]
}

describe('a copy-number record with many symbolic ALTs (our whole-record reading)', () => {
  const genes = [{ gene: 'TP53', chrom: '17', start: 7661779, end: 7687538 }]
  const read = (n: number): number => {
    const p = new VcfParser('cn.vcf', { genes, cnaLowLevel: true })
    manyCnAlts(n).forEach((l, i) => p.push(l, i + 1))
    return p.finish().alterations.length
  }
  it('4× the ALTs, < 6× the operations', () => {
    // CN 2 is neutral: every other ALT is a call.
    expect(read(50)).toBe(49)
    const small = counted(() => read(1000))
    const big = counted(() => read(4000))
    expect(big / small, `${small} → ${big} operations`).toBeLessThan(6)
  })
})
