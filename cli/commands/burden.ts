/**
 * biomarkit burden [inputs...] --clinical F --endpoint orr|dcr|COLUMN --feature tmb|mutation_count|clinical:COL -o plot.svg [--png] [--log]
 * The burden-by-response figure (points + box per response group, Wilcoxon p), as `km` and
 * `forest` draw theirs: same inputs, clinical reading and output options. How the feature and the
 * response were read, and who was left out, go to stderr.
 */
import { Command } from 'commander'
import { z } from 'zod'
import { InputError, quote } from '../../src/errors.js'
import { parseEndpoint } from '../../src/scan/endpoints.js'
import { burdenFeatureFigure } from '../../src/pipeline/feature-figures.js'
import type { CliIO } from '../context.js'
import { inputAction } from '../inputs.js'
import { LOG } from '../common-options.js'
import { addOptions, opt, parseOptions, schemaOf, variant } from '../option-table.js'
import { addCommon, KM_OPTIONS, prepare, splitWords, writeFigure } from './figures.js'

const BURDEN_OPTIONS = {
  feature: variant(KM_OPTIONS.feature, { description: 'tmb, mutation_count (from the calls: give the inputs) or clinical:COL (a numeric column)', required: true }),
  yLabel: opt('--y-label <text>', 'value axis title (default the feature and its unit)', z.string()),
  log: variant(LOG, { description: 'log10 value axis (every value must be > 0)' }),
}

export function burdenCommand(io: CliIO): Command {
  const cmd = new Command('burden').description('burden by response: a numeric feature (TMB, mutation count, a numeric clinical column) per response group, points + box, with the Wilcoxon rank-sum p')
  addOptions(addCommon(cmd), BURDEN_OPTIONS)
    .action(inputAction(io, async (inputs, raw) => {
      const { feature } = parseOptions(schemaOf(BURDEN_OPTIONS), raw)
      const ep = parseEndpoint(String(raw['endpoint']))
      if (ep.kind !== 'group') throw new InputError('USAGE', `burden: ${quote(ep.name)} is not a response endpoint (orr, dcr or a two-valued column)`)
      const { words, genomic } = splitWords([feature])
      if (genomic.length > 0) throw new InputError('USAGE', `burden: ${quote(feature)} is not a numeric feature`, { suggestion: 'tmb, mutation_count or clinical:COL (a numeric column)' })
      const { o, clinical, run, files } = await prepare(io, inputs, raw, words, [], ep)
      const fig = burdenFeatureFigure(run, clinical.table, ep, { title: o.title, yLabel: typeof raw['yLabel'] === 'string' ? raw['yLabel'] : undefined, log: raw['log'] === true, lenient: raw['lenient'] === true })
      for (const line of fig.statements) io.stderr(`biomarkit: ${line}\n`)
      await writeFigure(io, fig.svg, o.output, o.png, files)
    }))
  return cmd
}
