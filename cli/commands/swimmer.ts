/**
 * biomarkit swimmer --clinical F --endpoint pfs|os|TIME~EVENT [--response-column C] [--response-time C] -o swimmer.svg
 * One bar per patient from the clinical table alone (the study's Supplementary Fig. 2).
 */
import { Command } from 'commander'
import { z } from 'zod'
import { readClinical } from '../../src/clinical/read.js'
import { InputError } from '../../src/errors.js'
import { writeFilesAtomic } from '../../src/io/write.js'
import { renderPng } from '../../viz/png.js'
import { swimmerFigure } from '../../src/pipeline/swimmer-figure.js'
import { addClinicalOptions, clinicalReading } from '../clinical-options.js'
import type { CliIO } from '../context.js'
import { CLINICAL, DPI, ENDPOINT, OUTPUT_SVG, PNG, SCALE, TITLE } from '../common-options.js'
import { addOptions, opt, parseOptions, schemaOf, variant } from '../option-table.js'
import { cliReadLimits } from '../read-limits.js'

const SWIMMER_OPTIONS = {
  clinical: variant(CLINICAL, { required: true }),
  endpoint: variant(ENDPOINT, { flags: '--endpoint <spec>', description: 'bar length and end mark: pfs, os or TIME~EVENT (event at the end: a cross; censored: an arrow)', required: true }),
  output: OUTPUT_SVG,
  responseTime: opt('--response-time <column>', 'time the best response was seen (same unit as the endpoint time): a diamond on the bar', z.string()),
  title: TITLE,
  png: PNG,
  scale: SCALE,
  dpi: DPI,
}

const Schema = schemaOf(SWIMMER_OPTIONS).extend({ sampleColumn: z.string().optional(), responseColumn: z.string().optional() })

export function swimmerCommand(io: CliIO): Command {
  const cmd = new Command('swimmer').description('swimmer plot from the clinical table: one bar per patient, coloured by best response, event and ongoing marks')
  addOptions(addClinicalOptions(cmd), SWIMMER_OPTIONS)
    .action(async (raw: Record<string, unknown>) => {
      const o = parseOptions(Schema, raw)
      if (o.scale !== undefined && o.dpi !== undefined) throw new InputError('USAGE', '--scale and --dpi say the same thing: give one')
      const { table } = await readClinical(o.clinical, { sampleColumn: o.sampleColumn, responseColumn: o.responseColumn, reading: clinicalReading(raw), limits: cliReadLimits(io) })
      const { svg, stated, reading } = swimmerFigure(table, o.endpoint, { responseColumn: o.responseColumn, responseTime: o.responseTime, title: o.title })
      await writeFilesAtomic([{ path: o.output, data: svg }, ...(o.png ? [{ path: o.output.replace(/\.svg$/i, '') + '.png', data: renderPng(svg, { scale: o.dpi !== undefined ? o.dpi / 96 : o.scale }) }] : [])], [o.clinical], io.registry)
      for (const n of [...reading, ...stated]) io.stderr(`swimmer: ${n}\n`)
    })
  return cmd
}
