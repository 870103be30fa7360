/**
 * biomarkit summary <inputs...> [--cna F] [--fusions F] [--panel F]... [--sample-panels F] [--json] [-o FILE]
 */
import { Command } from 'commander'
import { z } from 'zod'
import { MAFTOOLS_NONSYNONYMOUS } from '../../src/classify/classes.js'
import { mafSummaryData } from '../../src/matrix/maf-summary.js'
import { InputError } from '../../src/errors.js'
import { writeFilesAtomic } from '../../src/io/write.js'
import { layoutMafSummary } from '../../viz/maf-summary.js'
import { renderPng } from '../../viz/png.js'
import { toSvg } from '../../viz/svg.js'
import { summaryText } from '../../src/pipeline/summary-report.js'
import { summaryJsonText } from '../../src/pipeline/summary-json.js'
import { addClassifyOptions, classifyOptions } from '../analysis-options.js'
import type { CliIO } from '../context.js'
import { requireRecords } from '../../src/matrix/cells.js'
import { addInputOptions, addLowMemoryOptions, classifyInputs, inputAction } from '../inputs.js'
import { emit } from '../output.js'
import { studyLevelNote } from '../study.js'
import { JSON_OUTPUT, OUTPUT, PLOT, PLOT_PNG, TOP } from '../common-options.js'
import { addOptions, parseOptions, schemaOf, variant } from '../option-table.js'

const SUMMARY_OPTIONS = {
  top: variant(TOP, { description: 'show only the N most altered genes in the text view' }),
  json: JSON_OUTPUT,
  output: OUTPUT,
  plot: variant(PLOT, { description: "also draw the cohort summary figure (SVG; maftools' plotmafSummary)" }),
  png: PLOT_PNG,
}

const Schema = schemaOf(SUMMARY_OPTIONS).extend({ lowMemory: z.boolean().optional() })

export function summaryCommand(io: CliIO): Command {
  const cmd = new Command('summary').description('per-feature altered/assayed counts, per-sample burden and the read report')
  addOptions(addLowMemoryOptions(addClassifyOptions(addInputOptions(cmd))), SUMMARY_OPTIONS)
    .action(inputAction(io, async (inputs, raw) => {
      const o = parseOptions(Schema, raw)
      if (o.png && o.plot === undefined) throw new InputError('USAGE', '--png goes with --plot FILE')
      // The figure needs every event's alleles and class, which the low-memory path does not keep.
      if (o.plot !== undefined && o.lowMemory === true) throw new InputError('USAGE', '--plot needs every event record: drop --low-memory')
      const copts = classifyOptions(raw, { withPathways: true })
      const { matrix, reports, files } = await classifyInputs(inputs, o.plot !== undefined ? { ...raw, lowMemory: false } : raw, io, copts)
      const counted = [...(copts.classes ?? MAFTOOLS_NONSYNONYMOUS), 'Amp', 'Del', 'Fusion']
      const input = { matrix, reports, countedClasses: counted, levelNote: await studyLevelNote(raw, matrix.samples) }
      const text = o.json ? summaryJsonText(input) : summaryText(input, o.top)
      await emit(io, text, o.output, files)
      if (o.plot !== undefined) {
        const svg = toSvg(layoutMafSummary(mafSummaryData(requireRecords(matrix, 'summary --plot'))))
        await writeFilesAtomic([{ path: o.plot, data: svg }, ...(o.png ? [{ path: o.plot.replace(/\.svg$/i, '') + '.png', data: renderPng(svg) }] : [])], files, io.registry)
      }
    }))
  return cmd
}
