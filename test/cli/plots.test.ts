import { describe, expect, it } from 'vitest'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { run } from '../../cli/main.js'
import { memoryIO } from '../../cli/context.js'
import { xmlProblem } from '../viz/xml.js'
import { FIXTURES, ROOT, tmpDir } from '../helpers.js'

const LAML = join(FIXTURES, 'maf', 'tcga_laml.maf.gz')
const ANNOT = join(FIXTURES, 'clinical', 'tcga_laml_annot.tsv')

describe('oncoplot command', () => {
  it('draws the tcga_laml top 20 with the FAB track, PNG and the drawn matrix', async () => {
    const d = tmpDir()
    const io = memoryIO()
    const code = await run(['oncoplot', LAML, '--clinical', ANNOT, '--tracks', 'FAB_classification', '--png', '--matrix-out', join(d, 'm.tsv'), '-o', join(d, 'laml.svg')], io)
    expect(io.err).toBe('biomarkit: sample IDs: clinical column "Tumor_Sample_Barcode" (chosen by overlap with the calls\' sample IDs: Tumor_Sample_Barcode 193); 193 matched; 0 in the calls, not in the table; 7 in the table, not sequenced\n')
    expect(code).toBe(0)
    const svg = readFileSync(join(d, 'laml.svg'), 'utf8')
    expect(xmlProblem(svg)).toBeUndefined()
    expect(svg).toContain('Altered in 159 of 193 samples (82.4%)')
    const png = readFileSync(join(d, 'laml.png'))
    expect([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG')
    const rows = readFileSync(join(d, 'm.tsv'), 'utf8').trim().split('\n')
    expect(rows).toHaveLength(21)
    expect(rows.slice(1, 4).map((r) => r.split('\t')[0])).toEqual(['FLT3', 'DNMT3A', 'NPM1'])
    expect((rows[0] as string).split('\t')).toHaveLength(160)
  })

  it('needs --clinical for tracks, and says so with exit 1', async () => {
    const d = tmpDir()
    const io = memoryIO()
    expect(await run(['oncoplot', LAML, '--tracks', 'FAB_classification', '-o', join(d, 'x.svg')], io)).toBe(1)
    expect(io.err).toMatch(/--tracks and --sort-by need --clinical FILE/)
    expect(existsSync(join(d, 'x.svg'))).toBe(false)
  })
})

describe('interactions command', () => {
  it('tests the distinct pairs among the top genes', async () => {
    const io = memoryIO()
    expect(await run(['interactions', LAML, '--top', '10'], io)).toBe(0)
    const lines = io.out.trim().split('\n')
    expect(lines[0]).toBe('# 10 genes, 45 distinct pairs; samples assayed for both genes; q = Benjamini-Hochberg over the 45 pairs')
    // The second line reports DISCOVER and the sample burden (issue #18 item 4).
    expect(lines[1]).toMatch(/^# DISCOVER .*sample burden: median/)
    expect(lines).toHaveLength(3 + 45)
    const top = (lines[3] as string).split('\t')
    expect(top.slice(0, 7)).toEqual(['IDH2', 'RUNX1', '7', '13', '9', '164', '193'])
  })
})

describe('report command', () => {
  it('writes one self-contained HTML file with a CSP and no external resources', async () => {
    const d = tmpDir()
    const out = join(d, 'r.html')
    const io = memoryIO()
    const code = await run(
      ['report', '--manifest', join(ROOT, 'demo', 'manifest.tsv'), '--panel', join(ROOT, 'demo', 'panel.json'), '--rules', 'tdxd-her2low', '--clinical', join(ROOT, 'demo', 'clinical.tsv'), '-o', out],
      io,
    )
    expect(io.err).toBe('')
    expect(code).toBe(0)
    const html = readFileSync(out, 'utf8')
    expect(html).toMatch(/Content-Security-Policy/)
    expect(html).not.toMatch(/(src|href)="https?:/)
    expect(html).toContain('MYC amplification')
  })
})
