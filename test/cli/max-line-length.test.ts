/**
 * --max-line-length covers every file a command reads, not only the calls: a line over the cap in
 * a clinical table, a panel, a rules file, … is the located LINE_TOO_LONG error (file, line, exit 1,
 * no stack trace), and the package's own shipped files are not held to the user's cap.
 */
import { describe, expect, it } from 'vitest'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { memoryIO } from '../../cli/context.js'
import { run } from '../../cli/main.js'
import { tmpDir } from '../helpers.js'

const CAP = 500
const LONG = 'x'.repeat(CAP + 100)
const SPACES = ' '.repeat(CAP + 100) // JSON whitespace: the file stays valid, one line gets too long
const HINT = '  hint: the file is probably not a text table; if it really is, raise --max-line-length (characters)\n'

const MAF_HEADER = 'Hugo_Symbol\tChromosome\tStart_Position\tEnd_Position\tReference_Allele\tTumor_Seq_Allele2\tVariant_Classification\tVariant_Type\tTumor_Sample_Barcode'
const MAF = [MAF_HEADER, 'TP53\t17\t7675088\t7675088\tC\tT\tMissense_Mutation\tSNP\tS1', 'KRAS\t12\t25245350\t25245350\tC\tA\tMissense_Mutation\tSNP\tS2', 'TP53\t17\t7674220\t7674220\tC\tT\tMissense_Mutation\tSNP\tS3', '']
/** Line `n` (1-based) of `lines` replaced by the over-long `text`. */
const withLong = (lines: readonly string[], n: number, text: string): string[] => lines.map((l, i) => (i + 1 === n ? text : l))
const CLINICAL = ['sample\tbest_response\tpfs_months\tpfs_event\tnote', 'S1\tPR\t5\t1\t', 'S2\tSD\t3\t1\t', 'S3\tPD\t2\t1\t', 'S4\tCR\t9\t0\t', '']
/** Clinical row `n` (2-4) with an over-long note. */
const longNote = (n: number): string[] => withLong(CLINICAL, n, `${CLINICAL[n - 1]}${LONG}`)
const PANEL = (pad: string) => ['{', '  "id": "mini",', '  "version": "1",', `  "name": "Mini",${pad}`, '  "citation": "c",', '  "defaultAssay": { "mutations": "exons", "copyNumber": true, "fusions": true },', '  "genes": ["TP53", "KRAS"]', '}', '']
const RULES = (pad: string) => ['{', '  "id": "r",', '  "citation": "c",', `  "rules": [{ "id": "tp53", "label": "TP53", "gene": "TP53", "classes": ["Missense_Mutation"] }]${pad}`, '}', '']
const PATHWAYS = (pad: string) => ['{', '  "id": "mini",', '  "name": "m",', '  "citation": "c",', `  "pathways": [{ "id": "RAS", "label": "RAS", "genes": ["KRAS", "NRAS"] }]${pad}`, '}', '']

/** Write files into a fresh folder; returns their paths by name. */
function files(contents: Record<string, readonly string[] | Buffer>): Record<string, string> {
  const dir = tmpDir()
  const out: Record<string, string> = {}
  for (const [name, c] of Object.entries(contents)) {
    out[name] = join(dir, name)
    writeFileSync(out[name], Buffer.isBuffer(c) ? c : c.join('\n'))
  }
  return out
}


/** `argv` runs (exit 0) without the cap, and with it stops at `file`:`line` with the clean error. */
async function expectTooLong(argv: string[], file: string, line: number): Promise<void> {
  const free = memoryIO()
  expect({ code: await run(argv, free), err: free.err }).toMatchObject({ code: 0 })
  const io = memoryIO()
  const code = await run([...argv, '--max-line-length', String(CAP)], io)
  expect({ code, err: io.err }).toEqual({ code: 1, err: `biomarkit: ${file}:${line}: line is longer than ${CAP} characters\n${HINT}` })
  expect(io.out).toBe('')
}

describe('--max-line-length covers every file the command reads', () => {
  it('scan --clinical', async () => {
    const f = files({ 'calls.maf': MAF, 'clinical.tsv': longNote(3) })
    await expectTooLong(['scan', f['calls.maf']!, '--clinical', f['clinical.tsv']!, '--endpoint', 'orr', '--min-altered', '1'], f['clinical.tsv']!, 3)
  })

  it('report --clinical, and scan --clinical gzipped', async () => {
    const f = files({ 'calls.maf': MAF, 'clinical.tsv.gz': gzipSync(longNote(4).join('\n')) })
    const clinical = f['clinical.tsv.gz']!
    const out = join(tmpDir(), 'r.html')
    await expectTooLong(['report', f['calls.maf']!, '--clinical', clinical, '-o', out], clinical, 4)
    await expectTooLong(['scan', f['calls.maf']!, '--clinical', clinical, '--endpoint', 'orr'], clinical, 4)
  })

  it('oncoplot --clinical, --sample-order and --theme', async () => {
    const f = files({
      'calls.maf': MAF,
      'clinical.tsv': longNote(2),
      'order.txt': ['S3', 'S1', `# ${LONG}`, ''],
      'theme.json': ['{', `  "fontFamily": "Helvetica"${SPACES}`, '}', ''],
    })
    const out = join(tmpDir(), 'p.svg')
    await expectTooLong(['oncoplot', f['calls.maf']!, '--clinical', f['clinical.tsv']!, '-o', out], f['clinical.tsv']!, 2)
    await expectTooLong(['oncoplot', f['calls.maf']!, '--sample-order', f['order.txt']!, '-o', out], f['order.txt']!, 3)
    await expectTooLong(['oncoplot', f['calls.maf']!, '--theme', f['theme.json']!, '-o', out], f['theme.json']!, 2)
  })

  it('summary --panel (JSON and cBioPortal), --sample-panels, --rules and --pathways', async () => {
    const f = files({
      'calls.maf': MAF,
      'panel.json': PANEL(SPACES),
      'data_gene_panel_x.txt': ['stable_id: mini', `description: ${LONG}`, 'gene_list: TP53\tKRAS', ''],
      'ok-panel.json': PANEL(''),
      'matrix.txt': ['SAMPLE_ID\tmutations', 'S1\tmini', 'S2\tmini', `${LONG}\tmini`, 'S3\tmini', ''],
      'rules.json': RULES(SPACES),
      'pathways.json': PATHWAYS(SPACES),
    })
    const maf = f['calls.maf']!
    await expectTooLong(['summary', maf, '--panel', f['panel.json']!], f['panel.json']!, 4)
    await expectTooLong(['summary', maf, '--panel', f['data_gene_panel_x.txt']!], f['data_gene_panel_x.txt']!, 2)
    await expectTooLong(['summary', maf, '--panel', f['ok-panel.json']!, '--sample-panels', f['matrix.txt']!], f['matrix.txt']!, 4)
    await expectTooLong(['summary', maf, '--rules', f['rules.json']!], f['rules.json']!, 4)
    await expectTooLong(['summary', maf, '--pathways', f['pathways.json']!], f['pathways.json']!, 5)
  })

  it('summary --manifest, --samples, --cna and --fusions; interactions and convert too', async () => {
    const f = files({
      'calls.maf': MAF,
      'manifest.tsv': ['sample\tfile\trole', '*\tcalls.maf\tmaf', `${LONG}\tcalls.maf\tmaf`, ''],
      'samples.txt': ['S1', 'S2', 'S3', LONG, ''],
      'cna.tsv': ['gene\tsample\tcn', 'MYC\tS1\tAmp', `ERBB2\t${LONG}\tAmp`, ''],
      'fusions.tsv': ['sample\tgene_a\tgene_b', `S1\tEML4\t${LONG}`, ''],
      'ok-panel.json': PANEL(''),
      'panel.json': PANEL(SPACES),
    })
    const maf = f['calls.maf']!
    await expectTooLong(['summary', '--manifest', f['manifest.tsv']!], f['manifest.tsv']!, 3)
    await expectTooLong(['summary', maf, '--samples', f['samples.txt']!], f['samples.txt']!, 4)
    await expectTooLong(['summary', maf, '--cna', f['cna.tsv']!], f['cna.tsv']!, 3)
    await expectTooLong(['summary', maf, '--fusions', f['fusions.tsv']!], f['fusions.tsv']!, 2)
    await expectTooLong(['interactions', maf, '--panel', f['panel.json']!], f['panel.json']!, 4)
    await expectTooLong(['convert', '--manifest', f['manifest.tsv']!], f['manifest.tsv']!, 3)
  })

  it('--low-memory: the MAF partitions (byte and text paths), the VCF fold, --samples, --cna and --fusions', async () => {
    // The limits reach the low-memory holder's sinks (read-cohort.ts → MafPartitions, VcfFold), not
    // only loadCohort: the long line comes after the 16 KiB the format sniff peeks at (N filler rows).
    const N = 1000
    const fill = Array.from({ length: N }, (_, i) => `TP53\t17\t${7670000 + i}\t${7670000 + i}\tC\tT\tMissense_Mutation\tSNP\tS${i % 3}`)
    const maf = (last: string): string[] => [MAF_HEADER, ...fill, last, '']
    const ann = "##INFO=<ID=ANN,Number=.,Type=String,Description=\"Functional annotations: 'Allele | Annotation | Annotation_Impact | Gene_Name | Gene_ID | Feature_Type | Feature_ID | Transcript_BioType | Rank | HGVS.c | HGVS.p | cDNA.pos / cDNA.length | CDS.pos / CDS.length | AA.pos / AA.length | Distance | ERRORS / WARNINGS / INFO'\">"
    const rec = (chrom: string, pos: string, ref: string, alt: string, gene: string, note: string): string =>
      `${chrom}\t${pos}\t.\t${ref}\t${alt}\t.\tPASS\tANN=${alt}|missense_variant|MODERATE|${gene}|${gene}|transcript|NM_1|protein_coding|||p.X1Y|||||;NOTE=${note}\tGT\t0/1`
    const head = ['##fileformat=VCFv4.2', ann, '##INFO=<ID=NOTE,Number=1,Type=String,Description="n">', '##FORMAT=<ID=GT,Number=1,Type=String,Description="g">', '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1']
    const vcf = [...head, ...Array.from({ length: N }, (_, i) => rec('17', String(7670000 + i), 'C', 'T', 'TP53', 'a')), rec('12', '25245350', 'C', 'A', 'KRAS', LONG), '']
    const f = files({
      'calls.maf': maf(`${MAF[2]}${LONG}`),
      'calls-cr.maf': [maf(`${MAF[3]}${LONG}`).join('\r')],
      'ok.maf': MAF,
      'calls.vcf': vcf,
      'samples.txt': ['S1', 'S2', 'S3', LONG, ''],
      'cna.tsv': ['gene\tsample\tcn', 'MYC\tS1\tAmp', `ERBB2\t${LONG}\tAmp`, ''],
      'fusions.tsv': ['sample\tgene_a\tgene_b', `S1\tEML4\t${LONG}`, ''],
    })
    const ok = f['ok.maf']!
    await expectTooLong(['summary', f['calls.maf']!, '--low-memory'], f['calls.maf']!, N + 2)
    await expectTooLong(['summary', f['calls-cr.maf']!, '--low-memory'], f['calls-cr.maf']!, N + 2)
    await expectTooLong(['summary', f['calls.vcf']!, '--low-memory'], f['calls.vcf']!, N + 6)
    await expectTooLong(['summary', ok, '--low-memory', '--samples', f['samples.txt']!], f['samples.txt']!, 4)
    await expectTooLong(['summary', ok, '--low-memory', '--cna', f['cna.tsv']!], f['cna.tsv']!, 3)
    await expectTooLong(['summary', ok, '--low-memory', '--fusions', f['fusions.tsv']!], f['fusions.tsv']!, 2)
  })

  it("does not hold the package's shipped files to the user's cap", async () => {
    // gene-aliases.json (read by every analysis) and the shipped rules have lines over 250 characters.
    const f = files({ 'calls.maf': MAF })
    const io = memoryIO()
    expect(await run(['summary', f['calls.maf']!, '--rules', 'tdxd-her2low', '--pathways', 'sanchez-vega-2018', '--max-line-length', '250'], io)).toBe(0)
    expect(io.err).toBe('')
  })
})
