/**
 * biomarkit report <inputs...> --clinical F [--endpoints orr,dcr,pfs] [--rules X] [--tracks LIST] -o report.html
 * One self-contained HTML file: cohort summary, oncoplot with hover details, association table,
 * forest plot, KM curves with numbers at risk, the read report and provenance.
 */
import { Command } from 'commander'
import { z } from 'zod'
import { sampleWarnings } from '../../src/clinical/provenance.js'
import type { ReadReport } from '../../src/model/report.js'
import type { LeveledClinical } from '../../src/study/clinical.js'
import { classifyCohort } from '../../src/pipeline/classify-cohort.js'
import { writeFileAtomic } from '../../src/io/write.js'
import { renderReport } from '../../viz/report/index.js'
import { InputError } from '../../src/errors.js'
import { DEFAULT_TOP_PLOTS, reportInput, runAnalysis } from '../../src/pipeline/analysis-run.js'
import { DEFAULT_LOLLIPOPS, reportFigures } from '../../src/pipeline/report-figures.js'
import { columnChoices } from '../../src/pipeline/report-provenance.js'
import { optionParameters } from '../report-provenance.js'
import { addClassifyOptions, classifyOptions } from '../analysis-options.js'
import { addClinicalOptions } from '../clinical-options.js'
import { loadClinicalSource } from '../levels.js'
import type { CliIO } from '../context.js'
import { clinicalNotes, scanStatements } from '../../src/pipeline/endpoint-scan.js'
import { addInputOptions, inputAction, loadInputs } from '../inputs.js'
import { CLINICAL, COVARIATES, GENES, MIN_ALTERED, OUTPUT, TITLE, TOP, TRACKS } from '../common-options.js'
import { addOptions, list, opt, parseOptions, schemaOf, variant } from '../option-table.js'
import { limitsOf } from '../read-limits.js'

const REPORT_OPTIONS = {
  clinical: variant(CLINICAL, { description: 'clinical table (a study folder brings its own)' }),
  output: variant(OUTPUT, { description: 'HTML file to write', required: true }),
  endpoints: opt('--endpoints <list>', 'endpoints (default orr,dcr,pfs)', z.array(z.string()), { parse: list, implied: ['orr', 'dcr', 'pfs'] }),
  tracks: variant(TRACKS, { description: 'clinical tracks under the oncoplot (default: best response and PFS when present)' }),
  covariates: variant(COVARIATES, { description: 'clinical columns to adjust Cox models for' }),
  minAltered: MIN_ALTERED,
  top: variant(TOP, { description: 'oncoplot rows', default: '20' }),
  title: variant(TITLE, { description: 'report title', implied: 'biomarkit report' }),
  features: opt('--features <list>', 'feature types to test: genes,rules,pathways (default genes, plus rules/pathways when given)', z.array(z.enum(['genes', 'rules', 'pathways'])), { parse: list }),
  genes: variant(GENES, { description: 'test (and plot) only these genes' }),
  topPlots: opt('--top-plots <n>', `draw the N Kaplan–Meier plots with the smallest q, then p; the rest stay in the table (default ${DEFAULT_TOP_PLOTS})`, z.coerce.number().int().nonnegative(), { implied: DEFAULT_TOP_PLOTS }),
  lollipops: opt('--lollipops <list>', `lollipop plots of these genes (default: the ${DEFAULT_LOLLIPOPS} most altered genes with protein changes)`, z.array(z.string().min(1)), { parse: list }),
}

const Schema = schemaOf(REPORT_OPTIONS)

export function reportCommand(io: CliIO): Command {
  const cmd = new Command('report').description('self-contained HTML report: oncoplot, associations, forest plot, KM curves, read report, provenance')
  addOptions(addClinicalOptions(addClassifyOptions(addInputOptions(cmd))), REPORT_OPTIONS)
    .action(inputAction(io, async (inputs, raw) => {
      const o = parseOptions(Schema, raw)
      const cohort = await loadInputs(inputs, raw, io)
      const copts = classifyOptions(raw)
      const types = o.features ?? ['genes', ...(copts.rules ? ['rules' as const] : []), ...(copts.pathways ? ['pathways' as const] : [])]
      const featureTypes = types.map((t) => (t === 'genes' ? ('gene' as const) : t === 'rules' ? ('rule' as const) : ('pathway' as const)))
      const matrix = await classifyCohort(cohort, { ...copts, withPathways: featureTypes.includes('pathway') })
      const unknown = (o.genes ?? []).filter((g) => !matrix.features.some((f) => f.type === 'gene' && f.id === g))
      if (unknown.length > 0) throw new InputError('USAGE', `--genes: not altered in any sample or not in the data: ${unknown.join(', ')}`)
      // A study folder without --clinical: its sample file with each patient's attributes joined (per sample; `scan` tests per patient).
      const src = await loadClinicalSource(raw, o, matrix.samples)
      const clinical = { table: src.plain ?? (src.leveled as LeveledClinical).sample, report: src.reports[src.reports.length - 1] as ReadReport }
      for (const w of sampleWarnings(clinical.table)) io.stderr(`biomarkit: warning: ${w}\n`)
      const defaultTracks = [clinical.table.responseColumn, 'pfs_months', 'pfs_event'].filter((t): t is string => t !== undefined)
      const a = await runAnalysis(cohort, clinical.table, {
        classify: copts,
        endpoints: o.endpoints,
        featureTypes,
        minAltered: o.minAltered,
        covariates: o.covariates,
        tracks: o.tracks ?? defaultTracks,
        top: o.top,
        genes: o.genes,
        topPlots: o.topPlots,
        matrix,
      })
      const extra = await reportFigures(matrix, clinical.table, { endpoints: o.endpoints, lollipops: o.lollipops, limits: limitsOf(raw, io) })
      const tracks = (o.tracks ?? defaultTracks).filter((t) => clinical.table.columns.includes(t))
      const html = renderReport(
        await reportInput(cohort, a, {
          title: o.title,
          inputs: [...cohort.files.map((p) => ({ path: p, role: 'calls' })), ...src.files.map((p) => ({ path: p, role: 'clinical' }))],
          parameters: [
            ...optionParameters(cmd, raw),
            ...columnChoices(clinical.table, matrix.samples),
            ...(src.leveled ? [['clinical level', `per sample; patient attributes joined by ${src.leveled.link.source} (scan tests patient endpoints per patient)`] as const] : []),
          ],
          figures: extra.figures,
          clinicalReport: clinical.report,
          interpretation: [...scanStatements(clinical.table, { groups: a.groups, survival: a.survival }), ...clinicalNotes(clinical.table, tracks).filter((l) => l.startsWith('track ')), ...extra.notes],
          warnings: sampleWarnings(clinical.table),
          patientsClinical: clinical.table.rows.size,
          panels: copts.panels ?? [],
        }),
      )
      await writeFileAtomic(o.output, html, [...cohort.files, ...src.files], io.registry)
    }))
  return cmd
}
