/**
 * What the report's provenance records beyond the input hashes: every option of the command with
 * its value and whether it was given or is the default, the clinical column choices, and the
 * samples analysed — enough to rerun the report and get the same bytes. Pure over values: the
 * CLI reads the options from commander (cli/report-provenance.ts); a library caller passes its own.
 */
import type { ClinicalTable } from '../model/clinical.js'

/** One option as the command saw it: its flag (`--top-plots`), its value, and whether the value is the default. */
export interface OptionValue {
  readonly name: string
  readonly value: unknown
  readonly isDefault: boolean
}

function show(v: unknown): string {
  if (Array.isArray(v)) return v.map((x) => show(x)).join(',')
  if (typeof v === 'string') return v
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  return JSON.stringify(v) ?? String(v)
}

/** Each option with a value, in the given order: `--top-plots` 12 (default) → ['--top-plots', '12 (default)']. */
export function optionRows(options: readonly OptionValue[]): [string, string][] {
  return options.filter((o) => o.value !== undefined).map((o) => [o.name, `${show(o.value)}${o.isDefault ? ' (default)' : ''}`])
}

/** How the clinical table was keyed and read: the sample column and how it was chosen, the response column, the samples analysed. */
export function columnChoices(table: ClinicalTable, samples: readonly string[]): [string, string][] {
  const m = table.sampleMatch
  const how = m === undefined ? '' : ` (chosen by ${m.chosenBy}; ${m.matched} matched the calls, ${m.callsOnly} calls only, ${m.clinicalOnly} clinical only)`
  return [
    ['clinical sample column', `${table.sampleColumn}${how}`],
    ['best-response column', table.responseColumn ?? 'none found'],
    [`samples analysed (${samples.length})`, samples.join(', ')],
  ]
}
