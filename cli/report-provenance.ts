/**
 * What the report's provenance records beyond the input hashes: every option of the command with
 * its value and whether it was given or is the default, the clinical column choices, and the
 * samples analysed — enough to rerun the report and get the same bytes.
 */
import type { Command } from 'commander'
import type { ClinicalTable } from '../src/model/clinical.js'

function show(v: unknown): string {
  if (Array.isArray(v)) return v.map((x) => show(x)).join(',')
  if (typeof v === 'string') return v
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  return JSON.stringify(v) ?? String(v)
}

/** Every option the command has a value for, in the command's order: `--top-plots` → "12 (default)". */
export function optionParameters(cmd: Command, raw: Record<string, unknown>): [string, string][] {
  const out: [string, string][] = []
  for (const opt of cmd.options) {
    const key = opt.attributeName()
    const v = raw[key]
    if (v === undefined) continue
    const name = opt.long ?? opt.short ?? key
    out.push([name, `${show(v)}${cmd.getOptionValueSource(key) === 'default' ? ' (default)' : ''}`])
  }
  return out
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
