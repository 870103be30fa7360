/**
 * biomarkit convert <inputs...> --to maf|json [-o FILE]
 * Normalized alterations out: a GDC-style MAF (for maftools / cBioPortal) or JSON with the read report.
 */
import { Command, Option } from 'commander'
import { z } from 'zod'
import { isMafWritable, mafLines } from '../../src/maf/write.js'
import type { CliIO } from '../context.js'
import { addInputOptions, inputAction, loadInputs } from '../inputs.js'
import { emit } from '../output.js'
import { parseOptions } from '../validate.js'

const Schema = z.object({ to: z.enum(['maf', 'json']), output: z.string().optional() })

export function convertCommand(io: CliIO): Command {
  const cmd = new Command('convert').description('normalize VCF / MAF / ANNOVAR inputs to a GDC-style MAF or JSON')
  addInputOptions(cmd)
    .addOption(new Option('--to <format>', 'output format').choices(['maf', 'json']).default('maf'))
    .option('-o, --output <file>', 'output file (default: stdout)')
    .action(inputAction(async (inputs, raw) => {
      const o = parseOptions(Schema, raw)
      const cohort = await loadInputs(inputs, raw, io, { keepExtra: o.to === 'maf' })
      const alterations = cohort.events.toArray()
      let text: string
      if (o.to === 'maf') {
        const notMaf = alterations.filter((a) => !isMafWritable(a)).length
        if (notMaf > 0) io.stderr(`biomarkit: ${notMaf} copy-number/fusion record(s) are not MAF rows and were not written (use --to json to keep them)\n`)
        text = mafLines(alterations).join('\n') + '\n'
      } else {
        text = JSON.stringify({ samples: cohort.samples, alterations, readReports: cohort.reports }, null, 1) + '\n'
      }
      await emit(io, text, o.output, cohort.files)
      for (const r of cohort.reports) {
        const dropped = Object.entries(r.dropped)
        if (dropped.length > 0) io.stderr(`${r.file}: read ${r.rowsRead}, kept ${r.kept}; dropped ${dropped.map(([k, v]) => `${v} ${k}`).join(', ')}\n`)
      }
    }))
  return cmd
}
