/**
 * The low-memory path (src/scale/low-memory.ts) gives what the default path gives: the same
 * summary JSON (features, genes with their class counts and key order, per-sample rows, read
 * reports, notes), the same matrix, and the same first error, for 1 to 13 sample partitions.
 */
import { requireRecords } from '../../src/matrix/cells.js'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { InputError } from '../../src/errors.js'
import { loadCohort } from '../../src/input/cohort.js'
import { classifyCohort, prepareClassifier, type ClassifyOptions } from '../../src/pipeline/classify-cohort.js'
import { classifyLowMemory } from '../../src/scale/low-memory.js'
import { summaryJson } from '../../src/pipeline/summary-report.js'
import { stateTotals } from '../../src/matrix/summary.js'
import { FIXTURES, tmpDir, tmpFile } from '../helpers.js'
import { CRAFTED, HEADER, ROW } from '../maf/crafted.js'

const LAML = join(FIXTURES, 'maf', 'tcga_laml.maf.gz')
const APL = join(FIXTURES, 'maf', 'APL_primary.maf.gz')
const CNA = join(FIXTURES, 'cna', 'cntable.tsv')

interface Inputs {
  readonly inputs: string[]
  readonly cna?: string[]
  readonly samplesFile?: string
  readonly origin?: 'somatic' | 'germline'
}

async function outcome(run: () => Promise<unknown>): Promise<string> {
  try {
    return JSON.stringify(await run())
  } catch (e) {
    if (!(e instanceof InputError)) throw e
    return `error ${e.code} ${e.file}:${e.line}:${e.column} ${e.message}`
  }
}

const counted = ['x']

function defaultRun(i: Inputs, copts: ClassifyOptions): Promise<string> {
  return outcome(async () => {
    const cohort = await loadCohort({ inputs: i.inputs, cna: i.cna, samplesFile: i.samplesFile, origin: i.origin })
    const matrix = await classifyCohort(cohort, copts)
    return { summary: summaryJson({ matrix, reports: cohort.reports, countedClasses: counted }), state: [...matrix.state], features: matrix.features }
  })
}

function lowRun(i: Inputs, copts: ClassifyOptions, partitions: number, tmp?: string, vcfChunk?: number): Promise<string> {
  return outcome(async () => {
    const r = await classifyLowMemory({ inputs: i.inputs, cna: i.cna, samplesFile: i.samplesFile, origin: i.origin, partitions, tmpDir: tmp, vcfChunk }, () => prepareClassifier(copts))
    const matrix = r.matrix
    return { summary: summaryJson({ matrix, reports: r.reports, countedClasses: counted }), state: [...matrix.state], features: matrix.features }
  })
}

async function same(i: Inputs, copts: ClassifyOptions = {}, parts = [1, 2, 5, 13], vcfChunks: (number | undefined)[] = [undefined]): Promise<string> {
  const want = await defaultRun(i, copts)
  for (const k of parts) for (const c of vcfChunks) expect(await lowRun(i, copts, k, undefined, c), `${k} partitions, VCF chunks of ${c ?? 'default'}`).toBe(want)
  return want
}

const VCFS = [
  'bcftools/split-vep.4.vcf',
  'bcftools/split-vep.8.vcf',
  'bcftools/split-vep.9.vcf',
  'bcftools/indel-stats.vcf',
  'bcftools/perl-flt.vcf',
  'gatk/FilterFuncotations.multi-allelic.vcf',
  'gatk/FilterFuncotations.multi-transcript.vcf',
  'gatk/PIK3CA_SNPS.oncotatorAnnotated.vcf',
  'igv.js/S4.funcotator.vcf.gz',
  'cyvcf2/test-hemi.vcf',
  'vcf2maf/test.vcf',
].map((f) => join(FIXTURES, 'vcf', f))

describe('low-memory path = default path', () => {
  it('TCGA LAML: summary, matrix and features, with 1 to 13 partitions', async () => {
    const out = await same({ inputs: [LAML] }, { withPathways: true })
    expect(out).toContain('"DNMT3A"')
  })

  it('with copy number, a panel (not-assayed cells), rules and pathways', async () => {
    await same({ inputs: [LAML], cna: [CNA] }, { withPathways: true, panels: [join(FIXTURES, 'panels', 'small.json')] })
    await same({ inputs: [LAML], cna: [CNA] }, { rules: 'tdxd-her2low', withPathways: true })
  })

  it('with given genes (an alias among them: rewritten and counted once)', async () => {
    const out = await same({ inputs: [LAML] }, { genes: ['TP53', 'FLT3', 'MLL2', 'NPM1', 'NOT_A_GENE'] })
    expect(out).toContain('{"from":"MLL2","to":"KMT2D","where":"data","count":2}')
  })

  it('two files, their samples overlapping, and declared samples without calls', async () => {
    const lines = gunzipSync(readFileSync(LAML)).toString('utf8').split('\n')
    const head = lines.findIndex((l) => l.startsWith('Hugo_Symbol'))
    const rows = lines.slice(head + 1).filter((l) => l !== '')
    const a = tmpFile('lm-a.maf', [...lines.slice(0, head + 1), ...rows.slice(0, 1500), ''].join('\n'))
    const b = tmpFile('lm-b.maf.gz', [lines[head], ...rows.slice(1200), ''].join('\n'), { gzip: true })
    const declared = tmpFile('lm-samples.txt', ['# sequenced', 'TCGA-AB-2802', 'NO-CALLS-1', 'NO-CALLS-2', ''].join('\n'))
    await same({ inputs: [a, b, APL], samplesFile: declared }, { withPathways: true })
  })

  it.each(VCFS)('VCF %s: read in chunks of 1, 2 and 65,536 rows (errors too)', async (vcf) => {
    await same({ inputs: [vcf] }, { withPathways: true }, [1, 3], [1, 2, undefined])
  })

  it('VCF and MAF naming the same samples, in either order: the events of a cell from both, in input order', async () => {
    const vcf = join(FIXTURES, 'vcf', 'igv.js', 'S4.funcotator.vcf.gz')
    const pik = join(FIXTURES, 'vcf', 'gatk', 'PIK3CA_SNPS.oncotatorAnnotated.vcf')
    const maf = tmpFile('lm-s4.maf', [
      HEADER,
      ROW('S4', 'TP53', '7675100', 'Nonsense_Mutation'),
      ROW('S4', 'ERBB3', '100', 'Splice_Site'),
      ROW('S9', 'TP53', '7675101', 'Frame_Shift_Del'),
      ROW('PIK3CA_SNPS.oncotatorAnnotated', 'PIK3CA', '179234297', 'In_Frame_Del'),
      ROW('S4', 'KMT2C', '200', 'Missense_Mutation'),
      '',
    ].join('\n'))
    for (const inputs of [[vcf, maf, pik], [maf, vcf, pik], [pik, maf, vcf]]) {
      await same({ inputs }, { withPathways: true }, [1, 2], [1, undefined])
      await same({ inputs, origin: 'germline' }, { origin: 'germline' }, [2], [3])
    }
  })

  it('a bad VCF record: the first error in input order, across VCF and MAF files', async () => {
    const good = gunzipSync(readFileSync(join(FIXTURES, 'vcf', 'igv.js', 'S4.funcotator.vcf.gz'))).toString('utf8').split('\n')
    const firstRecord = good.findIndex((l) => l !== '' && !l.startsWith('#'))
    const bad = [...good]
    bad[firstRecord + 1] = (bad[firstRecord + 1] as string).replace(/^(\S+)\t\d+/, '$1\t12x')
    const v = tmpFile('lm-bad.vcf', bad.join('\n'))
    const m = tmpFile('lm-bad2.maf', [HEADER, ROW('S4'), ROW('S5', 'TP53', '9x'), ''].join('\n'))
    expect(await same({ inputs: [v, m] }, {}, [1, 3], [1, undefined])).toMatch(/^error BAD_NUMBER .*lm-bad\.vcf:/)
    expect(await same({ inputs: [m, v] }, {}, [1, 3], [1, undefined])).toMatch(/^error BAD_NUMBER .*lm-bad2\.maf:3:3 /)
  })

  it('comma-separated MAF (quoted fields too) and lines longer than the byte-by-byte copy', async () => {
    const csv = [HEADER, ROW('S1'), ROW('"S2"', 'KRAS', '25245350'), ROW('S3', 'TP53', '7675090', 'Missense_Mutation', '"p.R17,H"\t3\t9\tSomatic\tPASS')]
      .map((l) => l.replaceAll('\t', ','))
      .join('\n')
    await same({ inputs: [tmpFile('lm-csv.maf', csv + '\n')] }, {}, [1, 3])
    const long = [HEADER + '\tNote', ...Array.from({ length: 60 }, (_, i) => ROW(`S${i % 7}`, 'TP53', String(100 + i)) + '\t' + 'n'.repeat(200 + 97 * i))]
    await same({ inputs: [tmpFile('lm-long.maf', long.join('\n') + '\n')] }, {}, [1, 4])
  })

  it.each(Object.keys(CRAFTED))('crafted MAF edge case: %s', async (name) => {
    const f = tmpFile(`lm-${name}.maf`, CRAFTED[name] as string)
    await same({ inputs: [f] }, {}, [1, 3])
  })

  it('the first error in input order, whichever partition holds it', async () => {
    // Bad rows in several samples (so in several partitions); the first by line is reported.
    const rows = Array.from({ length: 40 }, (_, i) => ROW(`S${i}`, 'TP53', String(1000 + i)))
    rows[25] = ROW('S25', 'TP53', '12x')
    rows[31] = ROW('S31', 'TP53', '1', 'Missense_Mutation', 'p.X\t1y\t3\tSomatic\tPASS')
    rows[33] = 'TP53\t17\t1'
    const f = tmpFile('lm-errors.maf', [HEADER, ...rows, ''].join('\n'))
    const want = await same({ inputs: [f] }, {}, [1, 2, 3, 7])
    expect(want).toMatch(/^error BAD_NUMBER .*lm-errors\.maf:27:3 /)
    // An error in the second file comes after every row of the first, bad or not.
    const g = tmpFile('lm-errors2.maf', [HEADER, ROW('S0', 'TP53', '5x'), ''].join('\n'))
    expect(await same({ inputs: [g, f] }, {}, [1, 4])).toMatch(/lm-errors2\.maf:2:3 /)
    expect(await same({ inputs: [f, g] }, {}, [1, 4])).toMatch(/lm-errors\.maf:27:3 /)
    // A file that cannot be read comes after the rows of the files before it.
    expect(await same({ inputs: [f, `${f}.missing`] }, {}, [1, 4])).toMatch(/lm-errors\.maf:27:3 /)
    // A bad classification option (an unknown rule set) comes after every input row's error.
    expect(await same({ inputs: [f] }, { rules: 'no-such-rules' }, [2])).toMatch(/lm-errors\.maf:27:3 /)
    expect(await same({ inputs: [tmpFile('lm-ok.maf', CRAFTED.plain as string)] }, { rules: 'no-such-rules' }, [2])).toMatch(/^error NOT_FOUND/)
  })

  it('a file the byte reader hands to the text path late (bad UTF-8 after good rows) is partitioned again', async () => {
    const good = Array.from({ length: 30 }, (_, i) => ROW(`S${i}`, 'KRAS', String(200 + i)))
    const text = Buffer.concat([Buffer.from([HEADER, ...good, ''].join('\n')), Buffer.from([0x53, 0xff, 0x0a])])
    await same({ inputs: [tmpFile('lm-utf8.maf', text)] }, {}, [1, 3])
    const cr = [HEADER, ...good].join('\n') + '\n' + ROW('S99') + '\r' + ROW('S98') + '\n'
    await same({ inputs: [tmpFile('lm-cr.maf', cr)] }, {}, [1, 3])
  })

  it('refusal reasons keep the order of the row that first met each, whichever partition holds it', async () => {
    const panel = tmpFile(
      'lm-order-panel.json',
      JSON.stringify({
        id: 'ORDER',
        version: '1',
        name: 'order test',
        citation: 'biomarkit tests',
        defaultAssay: { mutations: 'exons', copyNumber: false, fusions: false },
        genes: ['TP53', { symbol: 'MYC', assay: { mutations: 'none', copyNumber: true } }],
      }),
    )
    const rows = Array.from({ length: 24 }, (_, i) => ROW(`S${i}`, 'TP53', String(100 + i)))
    for (const [a, b] of [
      [3, 17],
      [17, 3],
    ] as const) {
      const r = [...rows]
      r[a] = ROW(`S${a}`, 'MYC', '5')
      r[b] = ROW(`S${b}`, 'KRAS', '6')
      const f = tmpFile(`lm-order-${a}.maf`, [HEADER, ...r, ''].join('\n'))
      const out = await same({ inputs: [f] }, { panels: [panel] }, [1, 2, 3, 5, 7])
      const refused = (JSON.parse(out) as { summary: { notes: { refused: Record<string, number> } } }).summary.notes.refused
      expect(Object.keys(refused)).toEqual(a < b ? ['mutations not assayed', 'gene not on panel'] : ['gene not on panel', 'mutations not assayed'])
    }
  })

  it('samples absent from the panel matrix are whole-exome (cBioPortal), counted over the whole cohort as in one pass', async () => {
    const matrixFile = tmpFile('lm-panel-matrix.txt', ['SAMPLE_ID\tmutations', 'S1\tP1', ''].join('\n'))
    const panel = tmpFile('lm-p1.txt', ['stable_id: P1', 'description: one', 'gene_list: TP53\tKRAS', ''].join('\n'))
    const rows = Array.from({ length: 12 }, (_, i) => ROW(`S${i}`, 'TP53', String(100 + i)))
    const f = tmpFile('lm-panels.maf', [HEADER, ...rows, ''].join('\n'))
    expect(await same({ inputs: [f] }, { panels: [panel], samplePanels: matrixFile }, [1, 4])).toContain('"mutations panels: 11 whole-exome (not in the panel matrix, no panel named); 1 P1 from panel matrix (mutations)"')
  })
})

describe('low-memory path: scope and housekeeping', () => {
  it('refuses inputs it does not partition, naming the file', async () => {
    const table = tmpFile('lm.tsv', 'Patient\tGene\tConsequence\nP1\tTP53\tmissense_variant\n')
    const e = await lowRun({ inputs: [table] }, {}, 2)
    expect(e).toMatch(/^error USAGE .*lm\.tsv.* --low-memory reads MAF and VCF files; this is a table that is neither/)
  })

  it('leaves no partition files behind, after success and after an error', async () => {
    const tmp = tmpDir('lm-tmp-')
    await lowRun({ inputs: [LAML] }, {}, 3, tmp)
    await lowRun({ inputs: [tmpFile('lm-bad.maf', CRAFTED.badNumber as string)] }, {}, 3, tmp)
    expect(existsSync(tmp) && readdirSync(tmp)).toEqual([])
  })

  it('a temporary folder that cannot be used is a clear error, not a crash', async () => {
    const missing = join(tmpDir('lm-nodir-'), 'no', 'such')
    expect(await lowRun({ inputs: [LAML] }, {}, 2, missing)).toMatch(/^error OUTPUT .*no\/such:undefined:undefined cannot create a temporary partition file \(ENOENT\)$/)
  })

  it('n/N come from the merged state as from the one-pass one', async () => {
    const r = await classifyLowMemory({ inputs: [LAML], partitions: 4 }, () => prepareClassifier({}))
    const t = stateTotals(r.matrix)
    const cohort = await loadCohort({ inputs: [LAML] })
    const m = await classifyCohort(cohort, {})
    expect([...t.altered]).toEqual([...stateTotals(m).altered])
    expect(r.matrix.cells.kind).toBe('counts')
    expect(() => requireRecords(r.matrix, 'summary --plot')).toThrow(/summary --plot needs every event record, which the low-memory path does not keep/)
  })
})
