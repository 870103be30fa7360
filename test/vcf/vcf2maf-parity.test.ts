/**
 * vcf2maf parity on a real VEP v110 tumour/normal Mutect2 VCF (CaMutQC, ../shared, GPL-3.0: read in
 * place): `biomarkit convert` writes, for every one of its 87 records, the row vcf2maf.pl's rules
 * give, and the gene summary maftools would compute from that MAF is vcf2maf's. The expected
 * tables are made by scripts/r/vcf2maf-gene-summary.R (vcf2maf's rules and maftools' getGeneSummary
 * restated in R; see test/fixtures/vcf2maf-parity/README.md).
 *
 * Compared: per record Hugo_Symbol, Chromosome, Start/End_Position, Reference_Allele,
 * Tumor_Seq_Allele2, Variant_Type, Variant_Classification (which settle the gene summary), and the
 * gene summary itself. Not compared: HGVS columns, Transcript_ID, read counts (tested by hand in
 * real-vep.test.ts), Tumor_Seq_Allele1, dbSNP_RS, the FILTER vcf2maf adds for gnomAD common variants
 * (`common_variant`; maftools does not read FILTER), and the outputs of vcf2maf.pl and maftools
 * themselves (neither runs here).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { memoryIO } from '../../cli/context.js'
import { run } from '../../cli/main.js'
import { FIXTURES, hasShared, shared, tmpDir } from '../helpers.js'

const VCF = 'camutqc/vep/WES_EA_T_1_mutect2.vep.vcf'
const EXPECTED = join(FIXTURES, 'vcf2maf-parity')
const COMPARED = ['Hugo_Symbol', 'Chromosome', 'Start_Position', 'End_Position', 'Reference_Allele', 'Tumor_Seq_Allele2', 'Variant_Type', 'Variant_Classification'] as const
/** maftools' vc.nonSilent: the classes getGeneSummary counts. */
const NON_SYN = ['Frame_Shift_Del', 'Frame_Shift_Ins', 'Splice_Site', 'Translation_Start_Site', 'Nonsense_Mutation', 'Nonstop_Mutation', 'In_Frame_Del', 'In_Frame_Ins', 'Missense_Mutation']

function table(text: string): Record<string, string>[] {
  const lines = text.split('\n').filter((l) => l !== '' && !l.startsWith('#'))
  const head = (lines[0] as string).split('\t')
  return lines.slice(1).map((l) => {
    const f = l.split('\t')
    return Object.fromEntries(head.map((c, i) => [c, f[i] ?? '']))
  })
}

/** maftools getGeneSummary, restated: per gene, rows per non-synonymous class, total, samples. */
function geneSummary(rows: readonly Record<string, string>[], classes: readonly string[]): string[][] {
  const by = new Map<string, { n: Map<string, number>; samples: Set<string> }>()
  for (const r of rows) {
    const vc = r.Variant_Classification as string
    if (!NON_SYN.includes(vc)) continue
    const g = r.Hugo_Symbol as string
    const e = by.get(g) ?? { n: new Map<string, number>(), samples: new Set<string>() }
    e.n.set(vc, (e.n.get(vc) ?? 0) + 1)
    e.samples.add(r.Tumor_Sample_Barcode as string)
    by.set(g, e)
  }
  const out = [...by].map(([g, e]) => {
    const counts = classes.map((c) => e.n.get(c) ?? 0)
    return { g, counts, total: counts.reduce((a, b) => a + b, 0), samples: e.samples.size }
  })
  out.sort((a, b) => b.total - a.total || (a.g < b.g ? -1 : a.g > b.g ? 1 : 0))
  return out.map((o) => [o.g, ...o.counts.map(String), String(o.total), String(o.samples)])
}

describe.skipIf(!hasShared(VCF))(`vcf2maf parity on ${VCF} (skipped when ../shared is absent)`, () => {
  it('every record converts to the row vcf2maf.pl writes, and the MAF gives vcf2maf\'s gene summary', async () => {
    const out = join(tmpDir(), 'ea.maf')
    const io = memoryIO()
    expect(await run(['convert', shared(VCF), '-o', out], io), io.err).toBe(0)
    const ours = table(readFileSync(out, 'utf8'))
    const expected = table(readFileSync(join(EXPECTED, 'WES_EA_T_1_mutect2.records.tsv'), 'utf8'))
    expect(expected).toHaveLength(87)
    expect(ours.map((r) => COMPARED.map((k) => r[k]))).toEqual(expected.map((r) => COMPARED.map((k) => r[k])))
    expect(new Set(ours.map((r) => r.Tumor_Sample_Barcode))).toEqual(new Set(['WES_EA_T_1']))

    const summary = readFileSync(join(EXPECTED, 'WES_EA_T_1_mutect2.gene-summary.tsv'), 'utf8').trim().split('\n').map((l) => l.split('\t'))
    const head = summary[0] as string[]
    expect(head.slice(-2)).toEqual(['total', 'MutatedSamples'])
    expect(geneSummary(ours, head.slice(1, -2))).toEqual(summary.slice(1))
    // 12 non-synonymous rows in 11 genes (MUC6 twice; SP8 the one In_Frame_Del), 75 other rows.
    expect(summary.slice(1).reduce((a, r) => a + Number(r[r.length - 2]), 0)).toBe(12)
  })
})
