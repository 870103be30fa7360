/**
 * biomarkit interactions <inputs...> [--top N] [--genes LIST] [--format tsv|json] [-o FILE]
 * Co-occurrence / mutual exclusivity among the most altered features (pairwise Fisher, FDR over
 * the distinct pairs).
 */
import { Command } from 'commander'
import { z } from 'zod'
import { InputError } from '../../src/errors.js'
import { writeFilesAtomic } from '../../src/io/write.js'
import { layoutCooccurrence } from '../../viz/cooccurrence.js'
import { renderPng } from '../../viz/png.js'
import { toSvg } from '../../viz/svg.js'
import { addClassifyOptions, classifyOptions } from '../analysis-options.js'
import type { CliIO } from '../context.js'
import { addInputOptions, addLowMemoryOptions, classifyInputs, inputAction } from '../inputs.js'
import { addExcelSafeOption, emit } from '../output.js'
import { FORMAT, GENES, OUTPUT, PLOT, PLOT_PNG, TOP } from '../common-options.js'
import { addOptions, parseOptions, schemaOf, variant } from '../option-table.js'
import { interactionScan, interactionsJson, interactionsTsv } from '../../src/pipeline/interaction-scan.js'
import { jsonNumbers } from '../../src/io/json-numbers.js'

const INTERACTIONS_OPTIONS = {
  top: variant(TOP, { description: 'the N most altered genes (by altered / assayed)', default: '25' }),
  genes: variant(GENES, { description: 'these genes instead of the top N' }),
  format: FORMAT,
  output: OUTPUT,
  plot: variant(PLOT, { description: 'also draw the pairs as a heatmap (SVG; upper triangle, −log10 p by direction, * q < 0.05)' }),
  png: PLOT_PNG,
}

const Schema = schemaOf(INTERACTIONS_OPTIONS).extend({ excelSafe: z.boolean().optional() })

export function interactionsCommand(io: CliIO): Command {
  const cmd = new Command('interactions').description('pairwise co-occurrence / mutual exclusivity of the most altered genes')
  addOptions(addExcelSafeOption(addLowMemoryOptions(addClassifyOptions(addInputOptions(cmd)))), INTERACTIONS_OPTIONS)
    .action(inputAction(io, async (inputs, raw) => {
      const o = parseOptions(Schema, raw)
      // --top is the shared positive count; a pair needs two genes.
      if (o.top < 2) throw new InputError('USAGE', `--top: expected at least 2 (genes are tested in pairs), got ${o.top}`)
      const { matrix, files } = await classifyInputs(inputs, raw, io, classifyOptions(raw))
      const scan = interactionScan(matrix, { top: o.top, genes: o.genes })
      const text = o.format === 'json' ? JSON.stringify(interactionsJson(scan), jsonNumbers, 1) + '\n' : interactionsTsv(scan).join('\n') + '\n'
      if (o.png && o.plot === undefined) throw new InputError('USAGE', '--png goes with --plot FILE')
      await emit(io, text, o.output, files, { tabular: o.format === 'tsv', excelSafe: o.excelSafe })
      if (o.plot !== undefined) {
        // The figure and its PNG replace their targets together or not at all.
        const svg = toSvg(layoutCooccurrence(scan.genes, scan.rows))
        await writeFilesAtomic([{ path: o.plot, data: svg }, ...(o.png ? [{ path: o.plot.replace(/\.svg$/i, '') + '.png', data: renderPng(svg) }] : [])], files, io.registry)
      }
    }))
  return cmd
}
