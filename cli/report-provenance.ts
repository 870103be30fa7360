/**
 * The report's option provenance from commander: each option the command has a value for, with
 * whether commander filled it from the default. The rows themselves are formatted by the library
 * (src/pipeline/report-provenance.ts).
 */
import type { Command } from 'commander'
import { optionRows } from '../src/pipeline/report-provenance.js'

/** Every option the command has a value for, in the command's order: `--top-plots` → "12 (default)". */
export function optionParameters(cmd: Command, raw: Record<string, unknown>): [string, string][] {
  return optionRows(
    cmd.options.map((opt) => {
      const key = opt.attributeName()
      return { name: opt.long ?? opt.short ?? key, value: raw[key], isDefault: cmd.getOptionValueSource(key) === 'default' }
    }),
  )
}
