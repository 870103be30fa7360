/**
 * biomarkit convert <inputs...> --to maf|json [-o FILE]
 * Normalized alterations out: a GDC-style MAF (for maftools / cBioPortal) or JSON with the read report.
 *
 * Memory flat in rows: MAF and VCF inputs are read block by block and each block's rows are
 * formatted into a spool on disk (src/pipeline/convert-spool.ts) and dropped; once every input is
 * read, the document's start (the MAF header with every carried column, or the JSON sample list) is
 * written, then the spooled rows, then the end. So nothing reaches the output (a file's temporary
 * copy, or stdout) before the inputs were read whole: a failed read leaves no half-written output.
 * The bytes are those of the whole-output formatters (mafLines, JSON.stringify with indent 1).
 */
import { Command } from 'commander'
import { z } from 'zod'
import { ConvertSpool } from '../../src/pipeline/convert-spool.js'
import { JsonFormat, MafFormat } from '../../src/pipeline/convert-format.js'
import { droppedText } from '../../src/model/report.js'
import type { CliIO } from '../context.js'
import { addInputOptions, inputAction, loadInputs } from '../inputs.js'
import { addExcelSafeOption, openOutput } from '../output.js'
import { OUTPUT } from '../common-options.js'
import { addOptions, choice, parseOptions, schemaOf } from '../option-table.js'

const CONVERT_OPTIONS = {
  to: choice('--to <format>', 'output format', ['maf', 'json'], 'maf'),
  output: OUTPUT,
}

const Schema = schemaOf(CONVERT_OPTIONS).extend({ excelSafe: z.boolean().optional() })

export function convertCommand(io: CliIO): Command {
  const cmd = new Command('convert').description('normalize VCF / MAF / ANNOVAR inputs to a GDC-style MAF or JSON')
  addExcelSafeOption(
    addOptions(addInputOptions(cmd), CONVERT_OPTIONS),
  ).action(
    inputAction(io, async (inputs, raw) => {
      const o = parseOptions(Schema, raw)
      const maf = o.to === 'maf' ? new MafFormat() : undefined
      const json = maf === undefined ? new JsonFormat() : undefined
      const spool = new ConvertSpool(maf ?? (json as JsonFormat))
      try {
        const cohort = await loadInputs(inputs, raw, io, { keepExtra: maf !== undefined, stream: spool })
        if (maf !== undefined && maf.notMaf > 0) io.stderr(`biomarkit: ${maf.notMaf} copy-number/fusion record(s) are not MAF rows and were not written (use --to json to keep them)\n`)
        const out = await openOutput(io, o.output, cohort.files, { tabular: maf !== undefined, excelSafe: o.excelSafe })
        try {
          await (maf !== undefined ? maf.write(spool, out) : (json as JsonFormat).write(spool, cohort.samples, cohort.reports, out))
          await out.close()
        } catch (e) {
          await out.abort()
          throw e
        }
        for (const r of cohort.reports) {
          const dropped = Object.entries(droppedText(r))
          if (dropped.length > 0) io.stderr(`${r.file}: read ${r.rowsRead}, kept ${r.kept}; dropped ${dropped.map(([k, v]) => `${v} ${k}`).join(', ')}\n`)
        }
      } finally {
        spool.remove()
      }
    }, { readAhead: false }),
  )
  return cmd
}
