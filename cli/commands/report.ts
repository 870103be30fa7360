/**
 * biomarkit report <inputs...> --clinical F [--endpoints orr,dcr,pfs] [--rules X] [--tracks LIST] -o report.html
 * One self-contained HTML file: cohort summary, oncoplot with hover details, association table,
 * forest plot, KM curves with numbers at risk, the read report and provenance.
 */
import { Command } from 'commander'
import { z } from 'zod'
import { sampleWarnings } from '../../src/clinical/provenance.js'
import { classifyCohort } from '../../src/pipeline/classify-cohort.js'
import { writeFileAtomic } from '../../src/io/write.js'
import { renderReport } from '../../viz/report/index.js'
import { reportInput, runAnalysis } from '../analysis-run.js'
import { addClassifyOptions, classifyOptions, parseList } from '../analysis-options.js'
import { addClinicalOptions, loadClinical } from '../clinical-options.js'
import type { CliIO } from '../context.js'
import { clinicalNotes } from './oncoplot.js'
import { scanStatements } from './scan.js'
import { addInputOptions, inputAction, loadInputs } from '../inputs.js'
import { parseOptions } from '../validate.js'

const Schema = z.object({
  clinical: z.string({ message: 'required: the clinical table' }),
  output: z.string({ message: 'required: -o report.html' }),
  endpoints: z.array(z.string()).default(['orr', 'dcr', 'pfs']),
  tracks: z.array(z.string()).optional(),
  covariates: z.array(z.string()).optional(),
  minAltered: z.coerce.number().int().nonnegative().optional(),
  top: z.coerce.number().int().positive().default(20),
  title: z.string().default('biomarkit report'),
})

export function reportCommand(io: CliIO): Command {
  const cmd = new Command('report').description('self-contained HTML report: oncoplot, associations, forest plot, KM curves, read report, provenance')
  addClinicalOptions(addClassifyOptions(addInputOptions(cmd)))
    .requiredOption('--clinical <file>', 'clinical table')
    .requiredOption('-o, --output <file>', 'HTML file to write')
    .option('--endpoints <list>', 'endpoints (default orr,dcr,pfs)', parseList)
    .option('--tracks <list>', 'clinical tracks under the oncoplot (default: best response and PFS when present)', parseList)
    .option('--covariates <list>', 'clinical columns to adjust Cox models for', parseList)
    .option('--min-altered <n>', 'test genes altered in at least N samples (default 6)')
    .option('--top <n>', 'oncoplot rows', '20')
    .option('--title <text>', 'report title')
    .action(inputAction(async (inputs, raw) => {
      const o = parseOptions(Schema, raw)
      const cohort = await loadInputs(inputs, raw, io)
      const copts = classifyOptions(raw)
      const featureTypes = ['gene' as const, ...(copts.rules ? ['rule' as const] : []), ...(copts.pathways ? ['pathway' as const] : [])]
      const matrix = await classifyCohort(cohort, { ...copts, withPathways: featureTypes.includes('pathway') })
      const clinical = await loadClinical(o.clinical, raw, matrix.samples)
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
        matrix,
      })
      const tracks = (o.tracks ?? defaultTracks).filter((t) => clinical.table.columns.includes(t))
      const html = renderReport(
        await reportInput(cohort, a, {
          title: o.title,
          inputs: [...cohort.files.map((p) => ({ path: p, role: 'calls' })), { path: o.clinical, role: 'clinical' }],
          parameters: [
            ['endpoints', o.endpoints.join(',')],
            ['rules', copts.rules ?? 'none'],
            ['panels', (copts.panels ?? []).join(',') || 'none (everything assayed)'],
            ['origin', copts.origin ?? 'any'],
          ],
          clinicalReport: clinical.report,
          interpretation: [...scanStatements(clinical.table, { groups: a.groups, survival: a.survival }), ...clinicalNotes(clinical.table, tracks).filter((l) => l.startsWith('track '))],
          warnings: sampleWarnings(clinical.table),
          patientsClinical: clinical.table.rows.size,
          panels: copts.panels ?? [],
        }),
      )
      await writeFileAtomic(o.output, html, [...cohort.files, o.clinical])
    }))
  return cmd
}
