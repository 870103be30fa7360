/**
 * Copy-number and structural VCFs from ../shared/data (igv.js MIT, Canvas GPL-3.0, vcf-js MIT,
 * SnpEff/LUMPY test data, GATK BSD): read in place. None of the CNV files carries gene annotation,
 * so genes come from a gene list (hg19 coordinates typed in from UCSC/RefSeq for these tests).
 */
import { describe, expect, it } from 'vitest'
import { readVcf } from '../../src/vcf/read.js'
import type { GeneInterval } from '../../src/vcf/options.js'
import { hasShared, rejected, shared } from './_util.js'
import { droppedText, totalDropped } from '../../src/model/report.js'

const SKIP = 'needs ../shared/data (the real-data folder next to the checkout)'
const GENES: GeneInterval[] = [
  { gene: 'OR4F5', chrom: '1', start: 69091, end: 70008 },
  { gene: 'PUM1', chrom: 'chr1', start: 31404353, end: 31538564 },
  { gene: 'NRAS', chrom: '1', start: 115247085, end: 115259515 },
  { gene: 'NLGN4Y', chrom: 'Y', start: 14522573, end: 14845654 },
  { gene: 'ALK', chrom: '2', start: 29415640, end: 30144477 },
  { gene: 'EML4', chrom: '2', start: 42396490, end: 42559688 },
]
const run = (rel: string, opts = {}) => readVcf(shared(rel), { genes: GENES, ...opts })
const cnaView = (a: { sample: string; gene: string; variantClass: string; chrom?: string | undefined; start?: number | undefined; end?: number | undefined; copyNumber?: number | undefined; cnState?: string | undefined }) =>
  [a.sample, a.gene, a.variantClass, a.chrom, a.start, a.end, a.copyNumber, a.cnState]

describe.skipIf(!hasShared('canvas/HCC1187Truth.vcf'))(`copy number (${SKIP})`, () => {
  it('a CNV VCF without annotation or gene list is UNANNOTATED', async () => {
    const e = await rejected(readVcf(shared('canvas/HCC1187Truth.vcf')))
    expect(e.code).toBe('UNANNOTATED')
    expect(e.suggestion).toMatch(/gene coordinate list/)
  })

  it('Canvas HCC1187 truth set: <CNV> with INFO CN; amplification kept, low-level only on request', async () => {
    // line 5: chr1 31410879 … <CNV> PASS END=31561815;CN=8   (PUM1 inside → amp)
    // line 2: chr1 10000 … END=11129261;CN=3                 (OR4F5 inside → gain)
    // line 10: chr1 98012752 … END=115470606;CN=1            (NRAS inside → shallow deletion)
    const r = await run('canvas/HCC1187Truth.vcf')
    expect(r.alterations.map(cnaView)).toEqual([['HCC1187Truth', 'PUM1', 'Amp', 'chr1', 31410880, 31561815, 8, 'amp']])
    expect(droppedText(r.report)['copy number: low-level (gain or shallow deletion)']).toBe(2)
    const low = await run('canvas/HCC1187Truth.vcf', { cnaLowLevel: true })
    expect(low.alterations.map(cnaView)).toEqual([
      ['HCC1187Truth', 'OR4F5', 'Amp', 'chr1', 10001, 11129261, 3, 'gain'],
      ['HCC1187Truth', 'PUM1', 'Amp', 'chr1', 31410880, 31561815, 8, 'amp'],
      ['HCC1187Truth', 'NRAS', 'Del', 'chr1', 98012753, 115470606, 1, 'shallow_del'],
    ])
    expect(low.report.rowsRead).toBe(low.report.kept + totalDropped(low.report))
  })

  it('thresholds are options: amp at CN ≥ 9 drops the CN 8 segment', async () => {
    const r = await run('canvas/HCC1187Truth.vcf', { cnThresholds: { amp: 9 } })
    expect(r.alterations).toEqual([])
  })

  it('igv.js cnv.vcf line 16: <DEL> CN=0 (string-typed CN) is a deep deletion; LOWBFSCORE needs keepFiltered', async () => {
    // 1 69091 CNVR1.1 N <DEL> 6.95 LOWBFSCORE CN=0;SVTYPE=DEL;END=70008;… GT 1/1
    expect((await run('igv.js/cnv.vcf')).alterations).toEqual([])
    const r = await run('igv.js/cnv.vcf', { keepFiltered: true })
    expect(r.alterations.map(cnaView)).toEqual([['ZHQ076-001', 'OR4F5', 'Del', '1', 69092, 70008, 0, 'deep_del']])
    expect(r.alterations[0]).toMatchObject({ kind: 'cna', variantType: 'CNV', filter: 'LOWBFSCORE' })
  })

  it('vcf-js y-chrom-haploid: <CN0> in a cohort; samples with missing GT and CN are not called deleted', async () => {
    // line 41: Y 14483990 … <CN0> … END=15232198; HG00096/HG00101 GT 0, HG00103/HG001055 all '.'
    const r = await run('vcf-js/y-chrom-haploid.vcf')
    expect(r.alterations).toEqual([])
    expect(droppedText(r.report)).toEqual({ 'genotype: no sample carries the allele': 1, 'annotation: record has none': 1 })
  })
})

describe.skipIf(!hasShared('snpeff/ann/EML4-ALK_fusion.vcf'))(`fusions (${SKIP})`, () => {
  it('LUMPY + SnpEff EML4-ALK: the <INV> joins ALK (POS) and EML4 (END) from the gene list', async () => {
    // line 69: chr2 29447648 6 N <INV> . PASS …END=42524140;…SVTYPE=INV;… ANN=<INV>|intron_variant|MODIFIER|ALK|…
    const r = await run('snpeff/ann/EML4-ALK_fusion.vcf')
    const f = r.alterations.filter((a) => a.kind === 'fusion')
    expect(f.map((a) => [a.sample, a.gene, a.partner, a.variantClass, a.source.line])).toEqual([
      ['HDC134P', 'ALK', 'EML4', 'Fusion', 69],
      ['HDC134P', 'EML4', 'ALK', 'Fusion', 69],
    ])
    // Breakend pairs whose two ends hit the same gene (e.g. BTNL9-BTNL9) are not fusions.
    expect(droppedText(r.report)['breakend: same gene at both ends']).toBe(16)
    expect(r.report.rowsRead).toBe(r.report.kept + totalDropped(r.report))
  })

  it('a <DEL> with GT 1/1 and no CN is read as 0 copies (LUMPY deletion in SH3GLB1)', async () => {
    // line 65: chr1 87181493 1 N <DEL> … END=87181917;…SVTYPE=DEL … ANN=<DEL>|frameshift_variant&…|SH3GLB1|… GT 1/1
    const r = await run('snpeff/ann/EML4-ALK_fusion.vcf')
    expect(r.alterations.find((a) => a.source.line === 65)).toMatchObject({ gene: 'SH3GLB1', kind: 'cna', variantClass: 'Del', copyNumber: 0, cnState: 'deep_del', start: 87181494, end: 87181917 })
  })

  it('Manta breakends whose mates are not in the file are counted, not invented', async () => {
    const r = await run('vcf-js/breakends.vcf')
    expect(r.alterations).toEqual([])
    expect(droppedText(r.report)['breakend: mate not found']).toBe(2)
  })
})
