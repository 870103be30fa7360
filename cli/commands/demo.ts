/**
 * biomarkit demo [--out DIR]
 * Runs the real pipeline on the shipped SYNTHETIC cohort (demo/: per-patient VEP VCFs, germline
 * VCFs, copy-number table, panel, manifest, clinical table) and writes the study's figures and tables.
 */
import { existsSync, mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Command } from 'commander'
import { z } from 'zod'
import { readClinical } from '../../src/clinical/read.js'
import type { ClinicalTable } from '../../src/model/clinical.js'
import { InputError } from '../../src/errors.js'
import { loadCohort } from '../../src/input/cohort.js'
import { writeFileAtomic } from '../../src/io/write.js'
import { efficacyTable, type EfficacyRow } from '../../src/pipeline/efficacy.js'
import { alignColumns } from '../../src/pipeline/summary-report.js'
import { groupRowsTsv, survivalRowsTsv } from '../../src/scan/index.js'
import { formatP } from '../../src/stats/format.js'
import { matrixTsv, renderPng } from '../../viz/index.js'
import { kmSvg, renderReport } from '../../viz/report/index.js'
import { reportInput, runAnalysis } from '../analysis-run.js'
import type { CliIO } from '../context.js'
import { progress } from '../progress.js'
import { parseOptions } from '../validate.js'

export const SYNTHETIC_NOTE =
  'SYNTHETIC demo cohort: generated to match the published aggregate results of a real-world study of trastuzumab deruxtecan in HR-negative, HER2-low metastatic breast cancer (64 patients, 28 sequenced). It matches the study’s published numbers, not its patients.'

/** demo/ beside the package, from cli/commands (tests) or dist/cli/commands (built). */
export function demoDir(): string {
  for (const rel of ['../../demo/', '../../../demo/']) {
    const p = fileURLToPath(new URL(rel, import.meta.url))
    if (existsSync(join(p, 'manifest.tsv'))) return p
  }
  throw new InputError('NOT_FOUND', 'the demo cohort (demo/manifest.tsv) is not installed with this copy of biomarkit')
}

const Schema = z.object({ out: z.string().default('biomarkit-demo') })

const pct = (x: number, n: number) => `${x}/${n} (${((100 * x) / n).toFixed(1)}%)`
const med = (m: EfficacyRow['pfs']) => (m === undefined ? 'NA' : Number.isNaN(m.median) ? 'NR' : m.median.toFixed(1))

export function efficacyText(rows: readonly EfficacyRow[]): string[] {
  const t: string[][] = [['group', 'patients', 'ORR', 'DCR', 'median rwPFS (mo)', 'median OS (mo)', 'deaths']]
  for (const r of rows) {
    t.push([r.group, String(r.patients), r.orr ? pct(r.orr.x, r.orr.n) : 'NA', r.dcr ? pct(r.dcr.x, r.dcr.n) : 'NA', med(r.pfs), med(r.os), r.os ? String(r.os.events) : 'NA'])
  }
  return alignColumns(t)
}

/** Patients per line of therapy: 1st, 2nd, ≥3rd (the study's grouping). */
export function lineOfTherapyCounts(table: ClinicalTable): [string, number][] {
  const bins: [string, number][] = [
    ['1st', 0],
    ['2nd', 0],
    ['≥3rd', 0],
  ]
  for (const r of table.rows.values()) {
    const v = Number(r.values.get('line_of_therapy'))
    if (!Number.isFinite(v)) continue
    const b = bins[v <= 1 ? 0 : v === 2 ? 1 : 2] as [string, number]
    b[1]++
  }
  return bins
}

export function demoCommand(io: CliIO): Command {
  return new Command('demo')
    .description('run the whole pipeline on the built-in SYNTHETIC demo cohort and write its figures, tables and report')
    .option('--out <dir>', 'output folder', 'biomarkit-demo')
    .action(async (raw: Record<string, unknown>) => {
      const o = parseOptions(Schema, raw)
      const dir = demoDir()
      const out = resolve(o.out)
      mkdirSync(out, { recursive: true })
      const bar = progress(io, 'demo')
      const cohort = await loadCohort({ inputs: [], manifest: join(dir, 'manifest.tsv'), onFile: (d, t, f) => bar.update(d, t, f) })
      bar.done()
      const clinical = await readClinical(join(dir, 'clinical.tsv'))
      const classify = { panels: [join(dir, 'panel.json')], rules: 'tdxd-her2low' }
      const a = await runAnalysis(cohort, clinical.table, {
        classify,
        endpoints: ['orr', 'dcr', 'pfs'],
        featureTypes: ['rule'],
        tracks: ['best_response', 'pfs_months', 'pfs_event', 'her2_ihc'],
        top: 20,
        keepUnaltered: true,
      })
      const inputs = [...cohort.files]
      const w = (name: string, data: string | Uint8Array) => writeFileAtomic(join(out, name), data, inputs)
      const banner = `# ${SYNTHETIC_NOTE}`
      await w('oncoplot.svg', a.oncoplot.svg)
      await w('oncoplot.png', renderPng(a.oncoplot.svg))
      await w('oncoplot-matrix.tsv', matrixTsv(a.matrix, a.oncoplot.order))
      await w('associations.tsv', [banner, ...groupRowsTsv(a.groups.flatMap((g) => g.rows))].join('\n') + '\n')
      await w('survival.tsv', [banner, ...survivalRowsTsv(a.survival.flatMap((s) => s.rows))].join('\n') + '\n')
      const eff = efficacyTable(clinical.table, ['her2_ihc', 'brain_mets', 'prior_trop2_adc'])
      const effTsv = [banner, 'group\tpatients\torr_x\torr_n\torr\tdcr_x\tdcr_n\tdcr\tpfs_median\tpfs_lower\tpfs_upper\tos_median\tos_lower\tos_upper\tos_deaths']
      for (const r of eff) {
        const n = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? 'NA' : String(x))
        effTsv.push([r.group, r.patients, n(r.orr?.x), n(r.orr?.n), n(r.orr?.rate), n(r.dcr?.x), n(r.dcr?.n), n(r.dcr?.rate), n(r.pfs?.median), n(r.pfs?.lower), n(r.pfs?.upper), n(r.os?.median), n(r.os?.lower), n(r.os?.upper), n(r.os?.events)].join('\t'))
      }
      await w('efficacy.tsv', effTsv.join('\n') + '\n')
      const lines = lineOfTherapyCounts(clinical.table)
      await w('cohort.tsv', [banner, 'characteristic\tlevel\tpatients', ...lines.map(([l, n]) => `line_of_therapy\t${l}\t${n}`)].join('\n') + '\n')
      const kmFiles: string[] = []
      for (const k of a.km) {
        const name = `km-${k.feature.replace(/[^A-Za-z0-9_.-]+/g, '_')}-${k.endpoint}.svg`
        kmFiles.push(name)
        await w(name, kmSvg(k))
      }
      const html = renderReport(
        await reportInput(cohort, a, {
          title: 'biomarkit demo: T-DXd in HR-negative HER2-low MBC (synthetic cohort)',
          synthetic: true,
          syntheticNote: SYNTHETIC_NOTE,
          inputs: [...cohort.files.map((p) => ({ path: p, role: 'calls' })), { path: join(dir, 'clinical.tsv'), role: 'clinical' }, { path: join(dir, 'panel.json'), role: 'panel' }],
          parameters: [
            ['endpoints', 'orr,dcr,pfs'],
            ['rules', 'tdxd-her2low'],
            ['panel', 'demo-520-synthetic'],
          ],
          clinicalReport: clinical.report,
          patientsClinical: clinical.table.rows.size,
          panels: ['demo-520-synthetic'],
          baseNames: true,
        }),
      )
      await w('report.html', html)

      // The console summary mirrors the study's efficacy and biomarker tables.
      const text: string[] = [
        '',
        `  ${SYNTHETIC_NOTE}`,
        '',
        `Line of therapy: ${lines.map(([l, n]) => `${l} ${n}`).join(', ')}`,
        'Efficacy (all patients in the clinical table):',
        ...efficacyText(eff).map((l) => '  ' + l),
        '',
      ]
      const orr = a.groups.find((g) => g.endpoint.name === 'orr')
      if (orr) {
        text.push(`Biomarkers (${a.matrix.samples.length} sequenced patients), ORR by status, Fisher's exact test (two-sided):`)
        const t: string[][] = [['biomarker', 'altered', 'ORR altered', 'ORR wild-type', 'p', 'power (rate halved)']]
        for (const r of orr.rows) {
          t.push([r.label, `${r.altered}/${r.assayed}`, r.rateAltered ? pct(r.rateAltered.x, r.rateAltered.n) : 'NA', r.rateWildType ? pct(r.rateWildType.x, r.rateWildType.n) : 'NA', formatP(r.p), r.power === undefined ? 'NA' : `${(100 * r.power).toFixed(0)}%`])
        }
        text.push(...alignColumns(t).map((l) => '  ' + l), '')
      }
      text.push(`Wrote to ${out}:`, '  oncoplot.svg, oncoplot.png, oncoplot-matrix.tsv, associations.tsv, survival.tsv, efficacy.tsv, cohort.tsv,', `  ${kmFiles.length} KM plots (km-*.svg), report.html`, '')
      io.stdout(text.join('\n'))
    })
}
