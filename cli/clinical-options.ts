/**
 * The clinical-reading options shared by scan, oncoplot and report (one zod schema), and the one
 * way those commands read a clinical table: keyed against the calls' sample IDs, with the user's
 * reading (response map, NE rule, event values, time units, reference level) attached to the
 * table so every consumer interprets a column the same way.
 */
import type { Command } from 'commander'
import { z } from 'zod'
import { InputError } from '../src/errors.js'
import { readClinical, type ClinicalResult } from '../src/clinical/read.js'
import { parseResponseMap } from '../src/clinical/response.js'
import { TIME_UNITS, type ClinicalReading } from '../src/model/clinical.js'
import { INPUT_OPTIONS } from './inputs.js'
import { addOptions, choice, collect, opt, parseOptions, schemaOf } from './option-table.js'
import { limitsOf } from './read-limits.js'

/** The clinical-reading options: one table, declared and validated from it. */
export const CLINICAL_OPTIONS = {
  sampleColumn: opt('--sample-column <name>', "sample-ID column of the clinical table (default: the column whose values overlap the calls' sample IDs most)", z.string().min(1)),
  responseColumn: opt('--response-column <name>', 'best-response column of the clinical table', z.string().min(1)),
  responseMap: opt('--response-map <map>', 'read other response codes, e.g. MR=PD,PRCRSD=NE (targets: CR, PR, SD, PD, NE, CR/PR, Responder, Non-responder, NA)', z.array(z.string()), { parse: collect }),
  ne: choice('--ne <rule>', 'not-evaluable patients in ORR/DCR: exclude from the denominator or count as non-responders', ['exclude', 'non-responder'], 'exclude'),
  eventValue: opt('--event-value <value>', 'value of the survival event column meaning the event happened (repeatable); others are censored', z.array(z.string().min(1)), { parse: collect }),
  timeUnit: choice('--time-unit <unit>', 'unit of the survival time columns (default: from the column name or the file)', TIME_UNITS),
  displayUnit: choice('--display-unit <unit>', 'show survival times in this unit (needs a known time unit)', TIME_UNITS),
  reference: opt('--reference <level>', 'reference (0) level: LEVEL of a two-level column endpoint, or COL=LEVEL of a clinical feature or covariate (repeatable)', z.array(z.string().min(1)), { parse: collect }),
}

export function addClinicalOptions(cmd: Command): Command {
  return addOptions(cmd, CLINICAL_OPTIONS)
}

// --lenient is an input option (cli/inputs.ts); the clinical reader honours it too.
const Schema = schemaOf(CLINICAL_OPTIONS).extend({ lenient: INPUT_OPTIONS.lenient.schema.optional() })

export function clinicalReading(raw: unknown): ClinicalReading {
  const o = parseOptions(Schema, raw)
  const responseMap = new Map<string, string>()
  for (const m of o.responseMap ?? []) for (const [k, v] of parseResponseMap(m)) responseMap.set(k, v)
  // One --reference option for both uses: COL=LEVEL names a feature's reference (cli/feature-scan.ts), a bare LEVEL the endpoint's.
  const endpointRefs = (o.reference ?? []).filter((r) => !r.includes('='))
  if (endpointRefs.length > 1) throw new InputError('USAGE', `--reference: one reference level for the endpoint, got ${endpointRefs.map((r) => JSON.stringify(r)).join(' and ')}`, { suggestion: 'name feature references as COL=LEVEL' })
  return { responseMap, ne: o.ne, eventValues: o.eventValue, timeUnit: o.timeUnit, displayUnit: o.displayUnit, reference: endpointRefs[0] }
}

/** Read --clinical against the calls' sample IDs (no overlap: exit 1 before any output). */
export async function loadClinical(path: string, raw: unknown, samples: readonly string[]): Promise<ClinicalResult> {
  const o = parseOptions(Schema, raw)
  return readClinical(path, { sampleColumn: o.sampleColumn, responseColumn: o.responseColumn, lenient: o.lenient, samples, reading: clinicalReading(raw), limits: limitsOf(raw) })
}
