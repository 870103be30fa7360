/**
 * biomarkit swimmer --clinical F --endpoint pfs|os|TIME~EVENT [--response-column C] [--response-time C] -o swimmer.svg
 * One bar per patient from the clinical table alone (the study's Supplementary Fig. 2).
 */
import { Command } from 'commander'
import { z } from 'zod'
import { describeResponseColumn, isResponseColumn } from '../../src/clinical/endpoints.js'
import { readClinical } from '../../src/clinical/read.js'
import { lookupResponse, singleCategory } from '../../src/clinical/response.js'
import { survivalEndpoint } from '../../src/clinical/survival.js'
import { describeUnit } from '../../src/clinical/units.js'
import { InputError, quote } from '../../src/errors.js'
import { isMissing, parseFloatField } from '../../src/io/fields.js'
import { writeFilesAtomic } from '../../src/io/write.js'
import { DEFAULT_READING } from '../../src/model/clinical.js'
import { parseEndpoint } from '../../src/scan/endpoints.js'
import { renderPng } from '../../viz/png.js'
import { toSvg } from '../../viz/svg.js'
import { layoutSwimmer, type SwimmerRow } from '../../viz/swimmer.js'
import { addClinicalOptions, clinicalReading } from '../clinical-options.js'
import type { CliIO } from '../context.js'
import { parseOptions } from '../validate.js'

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
      const { table } = await readClinical(o.clinical, { sampleColumn: o.sampleColumn, responseColumn: o.responseColumn, reading: clinicalReading(raw) })
      const ep = parseEndpoint(o.endpoint)
      if (ep.kind !== 'survival') throw new InputError('USAGE', `--endpoint ${quote(o.endpoint)}: a swimmer plot needs a time and an event (pfs, os or TIME~EVENT)`)
      const surv = survivalEndpoint(table, ep.spec)
      const responseColumn = o.responseColumn ?? table.responseColumn
      if (responseColumn !== undefined && !isResponseColumn(table, responseColumn)) {
        throw new InputError('BAD_VALUE', `${quote(responseColumn)} is not a best-response column`, { file: table.file, suggestion: 'name one with --response-column, or map its codes with --response-map' })
      }
      if (o.responseTime !== undefined && !table.columns.includes(o.responseTime)) throw new InputError('MISSING_COLUMN', `--response-time ${quote(o.responseTime)}: no such clinical column`, { file: table.file, suggestion: `columns are: ${table.columns.join(', ')}` })
      const map = (table.reading ?? DEFAULT_READING).responseMap
      const rows: SwimmerRow[] = []
      let noResponse = 0
      for (const [id, p] of surv.values) {
        const row = table.rows.get(id)
        const raw = responseColumn === undefined ? undefined : row?.values.get(responseColumn)
        const look = raw === undefined || isMissing(raw) ? undefined : lookupResponse(raw, { map, columnName: responseColumn })
        const response = look?.kind === 'response' ? singleCategory(look.code) : undefined
        if (response === undefined) noResponse++
        const rt = o.responseTime === undefined ? undefined : row?.values.get(o.responseTime)
        const loc = { name: o.responseTime ?? '', file: table.file, line: row?.line, column: table.columns.indexOf(o.responseTime ?? '') + 1 }
        const responseTime = rt === undefined || isMissing(rt) ? undefined : parseFloatField(rt, loc)
        if (responseTime !== undefined && !(responseTime >= 0)) throw new InputError('BAD_NUMBER', `${loc.name}: expected a time ≥ 0, got ${quote(rt ?? '')}`, { file: loc.file, line: loc.line, column: loc.column })
        rows.push({ id, time: p.time, event: p.event === 1, response, responseTime: responseTime === undefined ? undefined : responseTime * surv.unit.factor })
      }
      if (rows.length === 0) throw new InputError('EMPTY_FILE', `no patient has both ${surv.timeColumn} and ${surv.eventColumn}`, { file: table.file })
      const excluded = Object.entries(surv.excluded).map(([why, ids]) => `${ids.length} ${why}`)
      const unit = surv.unit.shown
      const stated = [
        `${rows.length} patients; bar = ${surv.timeColumn} in ${describeUnit(surv.unit)}; end mark = ${surv.coding}${excluded.length > 0 ? `; not drawn: ${excluded.join(', ')}` : ''}`,
        responseColumn === undefined ? 'no best-response column: bars in grey' : `${describeResponseColumn(table, responseColumn)}${noResponse > 0 ? `; ${noResponse} without a single RECIST category drawn grey` : ''}`,
      ]
      // The figure says it briefly; stderr says it all.
      const notes = [`${rows.length} patients: ${surv.events} ${surv.eventColumn} (cross), ${surv.censored} censored (arrow)${excluded.length > 0 ? `; not drawn: ${excluded.join(', ')}` : ''}`, stated[1] as string]
      const svg = toSvg(layoutSwimmer(rows, { title: o.title, notes, timeLabel: unit === undefined ? `${surv.timeColumn} (time, unit not stated)` : `${surv.timeColumn} (${unit})`, eventLabel: surv.eventColumn }))
      await writeFilesAtomic([{ path: o.output, data: svg }, ...(o.png ? [{ path: o.output.replace(/\.svg$/i, '') + '.png', data: renderPng(svg, { scale: o.dpi !== undefined ? o.dpi / 96 : o.scale }) }] : [])], [o.clinical])
      for (const n of [...surv.reading, ...stated]) io.stderr(`swimmer: ${n}\n`)
    })
  return cmd
}
