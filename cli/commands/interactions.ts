/**
 * biomarkit interactions <inputs...> [--top N] [--genes LIST] [--format tsv|json] [-o FILE]
 * Co-occurrence / mutual exclusivity among the most altered features (pairwise Fisher, FDR over
 * the distinct pairs).
 */
import { Command, Option } from 'commander'
import { z } from 'zod'
import { InputError } from '../../src/errors.js'
import { writeFilesAtomic } from '../../src/io/write.js'
import { interactions } from '../../src/scan/interactions.js'
import { discoverPairs } from '../../src/scan/discover-pairs.js'
import { formatSignificant } from '../../src/stats/format.js'
import { layoutCooccurrence } from '../../viz/cooccurrence.js'
import { renderPng } from '../../viz/png.js'
import { toSvg } from '../../viz/svg.js'
import { addClassifyOptions, classifyOptions, parseList } from '../analysis-options.js'
import type { CliIO } from '../context.js'
import { addInputOptions, addLowMemoryOptions, classifyInputs, inputAction } from '../inputs.js'
import { addExcelSafeOption, emit } from '../output.js'
import { parseOptions } from '../validate.js'
import { pickFeatures } from '../../src/pipeline/oncoplot-features.js'
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
    .action(inputAction(io, async (inputs, raw) => {
      const o = parseOptions(Schema, raw)
      const { matrix, files } = await classifyInputs(inputs, raw, io, classifyOptions(raw))
      const ids = pickFeatures(matrix, 'gene', o.top, o.genes)
      const index = new Map(matrix.features.map((f, i) => [f.id, i]))
      const rows = interactions(
        matrix,
        ids.map((id) => index.get(id) as number),
      ).sort((a, b) => a.p - b.p || (a.featureA + a.featureB < b.featureA + b.featureB ? -1 : 1))
      // DISCOVER beside Fisher: conditions on each sample's alteration rate (Canisius et al. 2016).
      const disc = discoverPairs(matrix, rows)
      let text: string
      if (o.format === 'json') text = JSON.stringify({ features: ids, pairs: rows.length, discover: { note: disc.note, burdenMedian: disc.burdenMedian, burdenMax: disc.burdenMax, fisherOnly: disc.fisherOnly }, rows: rows.map((r, i) => ({ ...r, discoverExpected: disc.pairs[i]?.expected, discoverP: disc.pairs[i]?.p, discoverQ: disc.pairs[i]?.q })) }, jsonNumbers, 1) + '\n'
      else {
        const n = (x: number) => formatSignificant(x, 7)
        const lines = [
          `# ${ids.length} genes, ${rows.length} distinct pairs; samples assayed for both genes; q = Benjamini-Hochberg over the ${rows.length} pairs`,
          `# DISCOVER (one-sided in the pair's direction, background fitted to every gene's and sample's alteration count over all ${disc.genes} genes; not-assayed cells count as not altered): ${disc.note}`,
          ['gene_a', 'gene_b', 'n11_both', 'n10_a_only', 'n01_b_only', 'n00_neither', 'n', 'odds_ratio_cmle', 'odds_ratio_lower', 'odds_ratio_upper', 'p', 'q', 'relation', 'discover_expected_both', 'discover_p', 'discover_q'].join('\t'),
          ...rows.map((r, i) => [r.featureA, r.featureB, r.n11, r.n10, r.n01, r.n00, r.n, n(r.oddsRatio), n(r.oddsRatioLower), n(r.oddsRatioUpper), n(r.p), n(r.q), r.relation, n(disc.pairs[i]?.expected ?? Number.NaN), n(disc.pairs[i]?.p ?? Number.NaN), n(disc.pairs[i]?.q ?? Number.NaN)].join('\t')),
        ]
        text = lines.join('\n') + '\n'
      }
      if (o.png && o.plot === undefined) throw new InputError('USAGE', '--png goes with --plot FILE')
      await emit(io, text, o.output, files, { tabular: o.format === 'tsv', excelSafe: o.excelSafe })
      if (o.plot !== undefined) {
        // The figure and its PNG replace their targets together or not at all.
        const svg = toSvg(layoutCooccurrence(ids, rows))
        await writeFilesAtomic([{ path: o.plot, data: svg }, ...(o.png ? [{ path: o.plot.replace(/\.svg$/i, '') + '.png', data: renderPng(svg) }] : [])], files, io.registry)
      }
    }))
  return cmd
}
