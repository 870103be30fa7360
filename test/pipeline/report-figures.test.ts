/**
 * The report's figures and provenance rows as library calls (no CLI), on the demo cohort: the
 * lollipop counts agree with the R reference's 2×2 tables (test/fixtures/demo/r-reference.tsv),
 * the swimmer's with the clinical file read independently.
 */
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { readClinical } from '../../src/clinical/read.js'
import { loadCohort } from '../../src/input/cohort.js'
import type { BuiltMatrix } from '../../src/matrix/build.js'
import type { RecordCells } from '../../src/matrix/cells.js'
import { ALTERED, NOT_ASSAYED } from '../../src/matrix/types.js'
import type { ClinicalTable } from '../../src/model/clinical.js'
import { classifyCohort } from '../../src/pipeline/classify-cohort.js'
import { interactionScan, interactionsTsv } from '../../src/pipeline/interaction-scan.js'
import { loadRules } from '../../src/classify/rules.js'
import { compileRules } from '../../src/classify/rule-match.js'
import { lollipopFigure, lollipopSitesTsv, ruleHotspots } from '../../src/pipeline/lollipop-figure.js'
import { sidesFromColumn } from '../../src/pipeline/lollipop-sides.js'
import { reportFigures } from '../../src/pipeline/report-figures.js'
import { columnChoices, optionRows } from '../../src/pipeline/report-provenance.js'
import { swimmerFigure } from '../../src/pipeline/swimmer-figure.js'
import { DEMO, ROOT, readTsv } from '../demo/files.js'

describe('report figures on the demo cohort', () => {
  const clinicalRows = readTsv(join(DEMO, 'clinical.tsv'))
  // R's Fisher tables: a + b = samples with the gene altered (ORR yes/no among altered).
  const fisher = new Map(readTsv(join(ROOT, 'test', 'fixtures', 'demo', 'r-reference.tsv')).filter((r) => r['kind'] === 'fisher').map((r) => [r['name'], Number(r['a']) + Number(r['b'])]))
  let matrix: BuiltMatrix<RecordCells>
  let table: ClinicalTable

  beforeAll(async () => {
    const cohort = await loadCohort({ inputs: [], manifest: join(DEMO, 'manifest.tsv') })
    matrix = await classifyCohort(cohort, { panels: [join(DEMO, 'panel.json')] })
    table = (await readClinical(join(DEMO, 'clinical.tsv'))).table
  })

  it('draws the summary, the co-occurrence of every altered gene, the named lollipops and the swimmer', async () => {
    const { figures, notes } = await reportFigures(matrix, table, { endpoints: ['orr', 'pfs'], lollipops: ['TP53', 'PIK3CA'] })
    expect(figures.map((f) => f.kind)).toEqual(['summary', 'cooccurrence', 'lollipop', 'lollipop', 'swimmer'])
    expect(notes).toEqual([])
    const n = matrix.samples.length
    const altered = matrix.features.filter((f, i) => f.type === 'gene' && matrix.state.subarray(i * n, (i + 1) * n).includes(ALTERED)).length
    const top = Math.min(20, altered)
    const co = figures[1]
    expect(co?.title).toBe(`Co-occurrence and mutual exclusivity of the ${top} most altered genes`)
    expect(co?.caption[0]).toContain(`over the ${(top * (top - 1)) / 2} distinct pairs`)
    for (const [i, gene] of [[2, 'TP53'], [3, 'PIK3CA']] as const) {
      const k = fisher.get(gene) as number
      expect(figures[i]?.caption[0], gene).toBe(`${k} mutations in ${k} samples drawn`)
    }
    const events = clinicalRows.filter((r) => r['pfs_event'] === '1').length
    expect(figures[4]?.caption).toContain(`pfs: pfs_event: event = "1" (${events}); censored = "0" (${clinicalRows.length - events}) [0/1 coding]: ${events} events, ${clinicalRows.length - events} censored among ${clinicalRows.length} patients with follow-up`)
  })

  it('says which figure it left out and why, and picks lollipops by count', async () => {
    const { figures, notes } = await reportFigures(matrix, table, { endpoints: ['orr'], lollipopCount: 1 })
    expect(figures.filter((f) => f.kind === 'lollipop').map((f) => f.title)).toHaveLength(1)
    expect(notes).toEqual(['swimmer plot not drawn: no survival endpoint was given'])
    await expect(reportFigures(matrix, table, { endpoints: ['orr'], lollipops: ['NOSUCHGENE'] })).rejects.toThrow(/gene "NOSUCHGENE" was not built/)
  })

  it('lollipopFigure and swimmerFigure on their own', async () => {
    const fig = await lollipopFigure(matrix, 'TP53')
    expect([fig.data.drawn, fig.data.samples]).toEqual([fisher.get('TP53'), fisher.get('TP53')])
    const s = swimmerFigure(table, 'pfs')
    expect(s.stated[0]).toMatch(new RegExp(`^${clinicalRows.length} patients; bar = pfs_months`))
    expect(s.svg.startsWith('<svg')).toBe(true)
    expect(() => swimmerFigure(table, 'orr')).toThrow(/needs a time and an event/)
  })

  it('lollipop split by response: responders above, non-responders below, as R\'s TP53 table counts them; rule hotspots marked', async () => {
    const ref = readTsv(join(ROOT, 'test', 'fixtures', 'demo', 'r-reference.tsv')).find((r) => r['kind'] === 'fisher' && r['name'] === 'TP53')
    // The shipped rule set without its pathway rules (compiling those needs the pathway table).
    const file = await loadRules(join(ROOT, 'panels', 'biomarkers-tdxd-her2low.json'))
    const rules = compileRules({ ...file, rules: file.rules.filter((r) => r.pathway === undefined) }, 'tdxd-her2low')
    const hotspots = ruleHotspots(rules, 'PIK3CA')
    expect(hotspots.map((h) => [h.position, h.label]).sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual([[542, 'PIK3CA_hotspot'], [545, 'PIK3CA_hotspot'], [1047, 'PIK3CA_hotspot']])
    const fig = await lollipopFigure(matrix, 'TP53', { split: sidesFromColumn(table, 'best_response') })
    const tsv = lollipopSitesTsv(fig)
    expect(tsv[1]).toBe('position\tside\tcount\tsamples\tchanges\tclasses')
    const bySide = (side: string) => tsv.slice(2).map((l) => l.split('\t')).filter((f) => f[1] === side).reduce((n, f) => n + Number(f[2]), 0)
    // a = altered responders, b = altered non-responders (test/fixtures/demo/r-reference.R).
    expect([bySide('above'), bySide('below')]).toEqual([Number(ref?.['a']), Number(ref?.['b'])])
    expect(() => sidesFromColumn(table, 'her2_ihc', ['1+', '3+'])).toThrow(/need exactly two values/)
  })

  it('interactionScan: every distinct pair once, its 2×2 table counted from the matrix cells', () => {
    const s = interactionScan(matrix, { top: 5 })
    expect(s.genes).toHaveLength(5)
    expect(s.rows).toHaveLength(10)
    const n = matrix.samples.length
    const at = (g: string) => matrix.features.findIndex((f) => f.id === g) * n
    for (const r of s.rows) {
      const [a, b] = [at(r.featureA), at(r.featureB)]
      const t = [0, 0, 0, 0]
      for (let j = 0; j < n; j++) {
        const x = matrix.state[a + j]
        const y = matrix.state[b + j]
        if (x === NOT_ASSAYED || y === NOT_ASSAYED) continue
        const k = (x === ALTERED ? 0 : 2) + (y === ALTERED ? 0 : 1)
        t[k] = (t[k] ?? 0) + 1
      }
      expect([r.n11, r.n10, r.n01, r.n00], `${r.featureA}–${r.featureB}`).toEqual(t)
    }
    expect(s.rows.map((r) => r.p)).toEqual([...s.rows.map((r) => r.p)].sort((x, y) => x - y))
    const tsv = interactionsTsv(s)
    expect(tsv[0]).toBe('# 5 genes, 10 distinct pairs; samples assayed for both genes; q = Benjamini-Hochberg over the 10 pairs')
    expect(tsv).toHaveLength(3 + 10)
  })
})

describe('report provenance rows', () => {
  it('each option with a value, marked when it is the default', () => {
    expect(optionRows([
      { name: '--genes', value: ['TP53', 'KRAS'], isDefault: false },
      { name: '--title', value: undefined, isDefault: false },
      { name: '--top-plots', value: 12, isDefault: true },
      { name: '--maxstat', value: true, isDefault: false },
    ])).toEqual([['--genes', 'TP53,KRAS'], ['--top-plots', '12 (default)'], ['--maxstat', 'true']])
  })

  it('the clinical column choices and the samples analysed', async () => {
    const table = (await readClinical(join(DEMO, 'clinical.tsv'))).table
    expect(columnChoices(table, ['PT01', 'PT02'])).toEqual([
      ['clinical sample column', 'patient_id'],
      ['best-response column', 'best_response'],
      ['samples analysed (2)', 'PT01, PT02'],
    ])
  })
})
