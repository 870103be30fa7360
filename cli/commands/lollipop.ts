/**
 * biomarkit lollipop GENE <inputs...> [--refseq ID] [--clinical F --split-by COL [--split-levels A,B]]
 *   [--rules R] [--label-top N] [--sites-out F] [--png [--scale N | --dpi N]] -o plot.svg
 */
import { Command } from 'commander'
import { z } from 'zod'
import { InputError, quote } from '../../src/errors.js'
import { writeFilesAtomic } from '../../src/io/write.js'
import { prepareClassifier } from '../../src/pipeline/classify-cohort.js'
import { renderPng } from '../../viz/png.js'
import { addClassifyOptions, classifyOptions } from '../analysis-options.js'
import { addClinicalOptions, loadClinical } from '../clinical-options.js'
import { lollipopFigure, lollipopSitesTsv, ruleHotspots } from '../../src/pipeline/lollipop-figure.js'
import { sidesFromColumn } from '../../src/pipeline/lollipop-sides.js'
import type { CliIO } from '../context.js'
import { clinicalNotes } from '../../src/pipeline/endpoint-scan.js'
import { addInputOptions, inputAction, loadInputs } from '../inputs.js'
import { CLINICAL, DPI, OUTPUT_SVG, PNG, SCALE } from '../common-options.js'
import { addOptions, list, opt, parseOptions, schemaOf, variant } from '../option-table.js'
import { limitsOf } from '../read-limits.js'

const LOLLIPOP_OPTIONS = {
  output: OUTPUT_SVG,
  refseq: opt('--refseq <id>', 'RefSeq transcript (NM_) or protein (NP_) to draw (default: the longest annotated, as maftools)', z.string()),
  clinical: variant(CLINICAL, { description: 'clinical table for --split-by' }),
  splitBy: opt('--split-by <column>', 'draw the first group above the axis and the second below (best response: responders vs non-responders)', z.string()),
  splitLevels: opt('--split-levels <a,b>', 'the two values of --split-by, the first above', z.array(z.string()).length(2, { message: '--split-levels takes two values: ABOVE,BELOW' }), { parse: list }),
  labelTop: opt('--label-top <n>', 'label at most N recurrent positions (2+ mutations)', z.coerce.number().int().min(0), { default: '8' }),
  sitesOut: opt('--sites-out <file>', 'also write the drawn sites as TSV (position, side, count, samples, changes, classes)', z.string()),
  width: opt('--width <px>', 'figure width', z.coerce.number().min(300).max(10_000)),
  png: PNG,
  scale: SCALE,
  dpi: DPI,
}

const Schema = schemaOf(LOLLIPOP_OPTIONS)

export function lollipopCommand(io: CliIO): Command {
  const cmd = new Command('lollipop').description("a gene's mutations along its protein with domains (maftools lollipopPlot); SVG, PNG on request")
  cmd.argument('<gene>', 'HGNC symbol, e.g. TP53')
  addClinicalOptions(addClassifyOptions(addInputOptions(cmd)))
  addOptions(cmd, LOLLIPOP_OPTIONS)
  cmd.action((gene: string, inputs: string[], raw: Record<string, unknown>) =>
    inputAction(io, async (files, opts) => {
      const o = parseOptions(Schema, opts)
      if (o.splitBy !== undefined && o.clinical === undefined) throw new InputError('USAGE', '--split-by needs --clinical FILE')
      if (o.scale !== undefined && o.dpi !== undefined) throw new InputError('USAGE', '--scale and --dpi say the same thing: give one')
      const cohort = await loadInputs(files, opts, io)
      // One classifier: its rules were compiled with the pathway table (a rule may name a pathway),
      // and give the hotspots drawn for --rules.
      const classifier = await prepareClassifier({ ...classifyOptions(opts), genes: [gene], cnNotAssayed: cohort.cnNotAssayed })
      const matrix = classifier.annotate(classifier.build(cohort.events, cohort.samples))
      const feature = matrix.features.find((f) => f.type === 'gene')
      if (feature === undefined) throw new InputError('NOT_FOUND', `gene ${quote(gene)} was not built`)
      const clinical = o.clinical === undefined ? undefined : (await loadClinical(o.clinical, opts, matrix.samples)).table
      if (clinical !== undefined) for (const line of clinicalNotes(clinical, [])) io.stderr(`biomarkit: ${line}\n`)
      const split = clinical !== undefined && o.splitBy !== undefined ? sidesFromColumn(clinical, o.splitBy, o.splitLevels) : undefined
      const hotspots = ruleHotspots(classifier.rules, feature.id)
      const fig = await lollipopFigure(matrix, feature.id, { refseq: o.refseq, split, hotspots, labelTop: o.labelTop, width: o.width, limits: limitsOf(opts, io) })
      const used = [...cohort.files, ...(o.clinical ? [o.clinical] : [])]
      const outs: { path: string; data: string | Uint8Array }[] = [{ path: o.output, data: fig.svg }]
      if (o.png) outs.push({ path: o.output.replace(/\.svg$/i, '') + '.png', data: renderPng(fig.svg, { scale: o.dpi !== undefined ? o.dpi / 96 : o.scale }) })
      if (o.sitesOut !== undefined) outs.push({ path: o.sitesOut, data: lollipopSitesTsv(fig).join('\n') + '\n' })
      await writeFilesAtomic(outs, used, io.registry)
      io.stderr(`lollipop: ${fig.notes.join('; ')}\n`)
    })(inputs, raw),
  )
  return cmd
}
