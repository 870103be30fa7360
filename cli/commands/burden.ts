/**
 * biomarkit burden [inputs...] --clinical F --endpoint orr|dcr|COLUMN --feature tmb|mutation_count|clinical:COL -o plot.svg [--png] [--log]
 * The burden-by-response figure (points + box per response group, Wilcoxon p), as `km` and
 * `forest` draw theirs: same inputs, clinical reading and output options. How the feature and the
 * response were read, and who was left out, go to stderr.
 */
import { Command } from 'commander'
import { z } from 'zod'
import { binaryEndpoint } from '../../src/clinical/endpoints.js'
import { InputError, quote } from '../../src/errors.js'
import { parseEndpoint } from '../../src/scan/endpoints.js'
import { burdenByResponse } from '../../viz/burden-figure.js'
import { burdenSvg } from '../../viz/burden-plot.js'
import type { CliIO } from '../context.js'
import { inputAction } from '../inputs.js'
import { addCommon, prepare, splitWords, writeFigure } from './figures.js'

export function burdenCommand(io: CliIO): Command {
  const cmd = new Command('burden').description('burden by response: a numeric feature (TMB, mutation count, a numeric clinical column) per response group, points + box, with the Wilcoxon rank-sum p')
  addCommon(cmd)
    .requiredOption('--feature <name>', 'tmb, mutation_count (from the calls: give the inputs) or clinical:COL (a numeric column)')
    .option('--y-label <text>', 'value axis title (default the feature and its unit)')
    .option('--log', 'log10 value axis (every value must be > 0)')
    .action(inputAction(io, async (inputs, raw) => {
      const feature = z.string().parse(raw['feature'])
      const ep = parseEndpoint(String(raw['endpoint']))
      if (ep.kind !== 'group') throw new InputError('USAGE', `burden: ${quote(ep.name)} is not a response endpoint (orr, dcr or a two-valued column)`)
      const { words, genomic } = splitWords([feature])
      if (genomic.length > 0) throw new InputError('USAGE', `burden: ${quote(feature)} is not a numeric feature`, { suggestion: 'tmb, mutation_count or clinical:COL (a numeric column)' })
      const { o, clinical, run, files } = await prepare(io, inputs, raw, words, [], ep)
      const v = run.vectors[0]
      if (!v) throw new InputError('USAGE', 'burden: no feature to draw')
      if (v.kind !== 'numeric') throw new InputError('USAGE', `burden: ${quote(v.label)} is ${v.interpretation}; the burden plot draws a numeric feature`, { suggestion: 'km or forest draw a factor with levels' })
      const rep = binaryEndpoint(clinical.table, ep.spec, { lenient: raw['lenient'] === true })
      if (rep.kind !== 'binary') throw new InputError('USAGE', `burden: ${quote(ep.name)} has ${rep.levels.length} levels; the burden plot compares two response groups`)
      const fig = burdenByResponse(v, rep, { title: o.title, yLabel: typeof raw['yLabel'] === 'string' ? raw['yLabel'] : undefined, log: raw['log'] === true })
      for (const line of rep.reading) io.stderr(`biomarkit: ${line}\n`)
      io.stderr(`biomarkit: ${v.id}: ${v.interpretation}\n`)
      io.stderr(`biomarkit: drawn: ${rep.positive} ${fig.n[0]}, ${rep.negative} ${fig.n[1]}${fig.noValue > 0 ? `; ${fig.noValue} with a response but no ${v.label} left out` : ''}${fig.wilcoxon ? `; Wilcoxon rank-sum p = ${fig.wilcoxon.p} (${fig.wilcoxon.method})` : ''}\n`)
      await writeFigure(io, burdenSvg(fig.input), o.output, o.png, files)
    }))
  return cmd
}
