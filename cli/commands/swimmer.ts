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
import { swimmerFigure } from '../swimmer-figure.js'
import { addClinicalOptions, clinicalReading } from '../clinical-options.js'
import type { CliIO } from '../context.js'
import { parseOptions } from '../validate.js'
import { cliReadLimits } from '../read-limits.js'

const Schema = z.object({
  clinical: z.string({ message: 'required: --clinical FILE' }),
  endpoint: z.string({ message: 'required: --endpoint pfs|os|TIME~EVENT (the bar length and its end mark)' }),
  output: z.string({ message: 'required: -o swimmer.svg' }),
  sampleColumn: z.string().optional(),
  responseColumn: z.string().optional(),
  responseTime: z.string().optional(),
  title: z.string().optional(),
  png: z.boolean().optional(),
  scale: z.coerce.number().positive().max(16).optional(),
  dpi: z.coerce.number().positive().max(1536).optional(),
})

export function swimmerCommand(io: CliIO): Command {
  const cmd = new Command('swimmer').description('swimmer plot from the clinical table: one bar per patient, coloured by best response, event and ongoing marks')
  addClinicalOptions(cmd)
    .requiredOption('--clinical <file>', 'clinical table')
    .requiredOption('--endpoint <spec>', 'bar length and end mark: pfs, os or TIME~EVENT (event at the end: a cross; censored: an arrow)')
    .requiredOption('-o, --output <file>', 'SVG file to write')
    .option('--response-time <column>', 'time the best response was seen (same unit as the endpoint time): a diamond on the bar')
    .option('--title <text>', 'figure title')
    .option('--png', 'also write a PNG next to the SVG (same name, .png)')
    .option('--scale <n>', 'PNG pixels per SVG pixel (default 2)')
    .option('--dpi <n>', 'PNG resolution in dots per inch, instead of --scale')
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
