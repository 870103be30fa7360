/**
 * biomarkit interactions <inputs...> [--top N] [--genes LIST] [--format tsv|json] [-o FILE]
 * Co-occurrence / mutual exclusivity among the most altered features (pairwise Fisher, FDR over
 * the distinct pairs).
 */
import { Command, Option } from 'commander'
import { z } from 'zod'
import { InputError } from '../../src/errors.js'
import { writeFilesAtomic } from '../../src/io/write.js'
import { layoutCooccurrence } from '../../viz/cooccurrence.js'
import { renderPng } from '../../viz/png.js'
import { toSvg } from '../../viz/svg.js'
import { addClassifyOptions, classifyOptions, parseList } from '../analysis-options.js'
import type { CliIO } from '../context.js'
import { addInputOptions, addLowMemoryOptions, classifyInputs, inputAction } from '../inputs.js'
import { addExcelSafeOption, emit } from '../output.js'
import { parseOptions } from '../validate.js'
import { interactionScan, interactionsJson, interactionsTsv } from '../../src/pipeline/interaction-scan.js'
import { jsonNumbers } from '../../src/io/json-numbers.js'

const Schema = z.object({
  top: z.coerce.number().int().min(2).default(25),
  genes: z.array(z.string()).optional(),
  format: z.enum(['tsv', 'json']).default('tsv'),
  output: z.string().optional(),
  excelSafe: z.boolean().optional(),
  plot: z.string().optional(),
  png: z.boolean().optional(),
})

export function interactionsCommand(io: CliIO): Command {
  const cmd = new Command('interactions').description('pairwise co-occurrence / mutual exclusivity of the most altered genes')
  addExcelSafeOption(addLowMemoryOptions(addClassifyOptions(addInputOptions(cmd))))
    .option('--top <n>', 'the N most altered genes (by altered / assayed)', '25')
    .option('--genes <list>', 'these genes instead of the top N', parseList)
    .addOption(new Option('--format <fmt>', 'output format').choices(['tsv', 'json']).default('tsv'))
    .option('-o, --output <file>', 'output file (default: stdout)')
    .option('--plot <file>', 'also draw the pairs as a heatmap (SVG; upper triangle, −log10 p by direction, * q < 0.05)')
    .option('--png', 'with --plot, also write a PNG next to the SVG')
    .action(inputAction(async (inputs, raw) => {
      const o = parseOptions(Schema, raw)
      const { matrix, files } = await classifyInputs(inputs, raw, io, classifyOptions(raw))
      const scan = interactionScan(matrix, { top: o.top, genes: o.genes })
      const text = o.format === 'json' ? JSON.stringify(interactionsJson(scan), jsonNumbers, 1) + '\n' : interactionsTsv(scan).join('\n') + '\n'
      if (o.png && o.plot === undefined) throw new InputError('USAGE', '--png goes with --plot FILE')
      await emit(io, text, o.output, files, { tabular: o.format === 'tsv', excelSafe: o.excelSafe })
      if (o.plot !== undefined) {
        // The figure and its PNG replace their targets together or not at all.
        const svg = toSvg(layoutCooccurrence(scan.genes, scan.rows))
        await writeFilesAtomic([{ path: o.plot, data: svg }, ...(o.png ? [{ path: o.plot.replace(/\.svg$/i, '') + '.png', data: renderPng(svg) }] : [])], files)
      }
    }))
  return cmd
}
