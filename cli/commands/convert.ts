/**
 * biomarkit convert <inputs...> --to maf|json [-o FILE]
 * Normalized alterations out: a GDC-style MAF (for maftools / cBioPortal) or JSON with the read report.
 *
 * Streamed: rows are formatted one at a time from the compact event table and written in 1 MB
 * pieces (to stdout, waiting for it to drain, or to the output's temporary file), so no output
 * string or array of row objects is built: 5M rows or 100,000 columns used to fail with "Invalid
 * string length". The bytes are those of the whole-output formatters (mafLines, JSON.stringify
 * with indent 1), which the tests compare against.
 */
import { Command, Option } from 'commander'
import { z } from 'zod'
import { isMafWritable, mafExtraColumns, mafHeader, mafRow } from '../../src/maf/write.js'
import type { Cohort } from '../../src/input/cohort.js'
import { droppedText, readReportJson } from '../../src/model/report.js'
import type { CliIO } from '../context.js'
import { addInputOptions, inputAction, loadInputs } from '../inputs.js'
import { addExcelSafeOption, openOutput, type TextOutput } from '../output.js'
import { parseOptions } from '../validate.js'

const Schema = z.object({ to: z.enum(['maf', 'json']), output: z.string().optional(), excelSafe: z.boolean().optional() })

/** Rows per piece handed to the output (one string each: bounded, and few awaits). */
const ROWS_PER_PIECE = 4096

async function writeMaf(cohort: Cohort, out: TextOutput): Promise<void> {
  const extra = mafExtraColumns(cohort.events.extrasInRowOrder())
  await out.write(mafHeader(extra).join('\n') + '\n')
  let piece: string[] = []
  for (const a of cohort.events) {
    if (!isMafWritable(a)) continue
    piece.push(mafRow(a, extra))
    if (piece.length >= ROWS_PER_PIECE) {
      await out.write(piece.join('\n') + '\n')
      piece = []
    }
  }
  if (piece.length > 0) await out.write(piece.join('\n') + '\n')
}

/** JSON.stringify(value, null, 1) of a value nested `depth` levels deep in an indent-1 document. */
const nested = (value: unknown, depth: number): string => JSON.stringify(value, null, 1).replaceAll('\n', '\n' + ' '.repeat(depth))

/** Byte for byte JSON.stringify({ samples, alterations, readReports }, null, 1) + '\n', the array streamed. */
async function writeJson(cohort: Cohort, out: TextOutput): Promise<void> {
  await out.write(`{\n "samples": ${nested(cohort.samples, 1)},\n "alterations": `)
  if (cohort.events.length === 0) await out.write('[]')
  else {
    let piece: string[] = []
    let first = true
    for (const a of cohort.events) {
      piece.push('  ' + nested(a, 2))
      if (piece.length >= ROWS_PER_PIECE) {
        await out.write((first ? '[\n' : ',\n') + piece.join(',\n'))
        first = false
        piece = []
      }
    }
    if (piece.length > 0) await out.write((first ? '[\n' : ',\n') + piece.join(',\n'))
    await out.write('\n ]')
  }
  await out.write(`,\n "readReports": ${nested(cohort.reports.map(readReportJson), 1)}\n}\n`)
}

export function convertCommand(io: CliIO): Command {
  const cmd = new Command('convert').description('normalize VCF / MAF / ANNOVAR inputs to a GDC-style MAF or JSON')
  addExcelSafeOption(
    addInputOptions(cmd)
      .addOption(new Option('--to <format>', 'output format').choices(['maf', 'json']).default('maf'))
      .option('-o, --output <file>', 'output file (default: stdout)'),
  ).action(
    inputAction(async (inputs, raw) => {
      const o = parseOptions(Schema, raw)
      const cohort = await loadInputs(inputs, raw, io, { keepExtra: o.to === 'maf' })
      if (o.to === 'maf') {
        let notMaf = 0
        for (const a of cohort.events) if (!isMafWritable(a)) notMaf++
        if (notMaf > 0) io.stderr(`biomarkit: ${notMaf} copy-number/fusion record(s) are not MAF rows and were not written (use --to json to keep them)\n`)
      }
      const out = await openOutput(io, o.output, cohort.files, { tabular: o.to === 'maf', excelSafe: o.excelSafe })
      try {
        await (o.to === 'maf' ? writeMaf(cohort, out) : writeJson(cohort, out))
        await out.close()
      } catch (e) {
        await out.abort()
        throw e
      }
      for (const r of cohort.reports) {
        const dropped = Object.entries(droppedText(r))
        if (dropped.length > 0) io.stderr(`${r.file}: read ${r.rowsRead}, kept ${r.kept}; dropped ${dropped.map(([k, v]) => `${v} ${k}`).join(', ')}\n`)
      }
    }),
  )
  return cmd
}
