/**
 * The clinical-reading options shared by scan, oncoplot and report (one zod schema), and the one
 * way those commands read a clinical table: keyed against the calls' sample IDs, with the user's
 * reading (response map, NE rule, event values, time units, reference level) attached to the
 * table so every consumer interprets a column the same way.
 */
import { Option, type Command } from 'commander'
import { z } from 'zod'
import { InputError } from '../src/errors.js'
import { readClinical, type ClinicalResult } from '../src/clinical/read.js'
import { parseResponseMap } from '../src/clinical/response.js'
import { TIME_UNITS, type ClinicalReading } from '../src/model/clinical.js'
import { parseOptions } from './validate.js'
import { limitsOf } from './read-limits.js'

const collect = (v: string, prev: string[] = []) => [...prev, v]

export function addClinicalOptions(cmd: Command): Command {
  return cmd
    .option('--sample-column <name>', 'sample-ID column of the clinical table (default: the column whose values overlap the calls\' sample IDs most)')
    .option('--response-column <name>', 'best-response column of the clinical table')
    .option('--response-map <map>', 'read other response codes, e.g. MR=PD,PRCRSD=NE (targets: CR, PR, SD, PD, NE, CR/PR, Responder, Non-responder, NA)', collect)
    .addOption(new Option('--ne <rule>', 'not-evaluable patients in ORR/DCR: exclude from the denominator or count as non-responders').choices(['exclude', 'non-responder']).default('exclude'))
    .option('--event-value <value>', 'value of the survival event column meaning the event happened (repeatable); others are censored', collect)
    .addOption(new Option('--time-unit <unit>', 'unit of the survival time columns (default: from the column name or the file)').choices([...TIME_UNITS]))
    .addOption(new Option('--display-unit <unit>', 'show survival times in this unit (needs a known time unit)').choices([...TIME_UNITS]))
    .option('--reference <level>', 'reference (0) level: LEVEL of a two-level column endpoint, or COL=LEVEL of a clinical feature or covariate (repeatable)', collect)
}

const Schema = z.object({
  sampleColumn: z.string().min(1).optional(),
  responseColumn: z.string().min(1).optional(),
  responseMap: z.array(z.string()).optional(),
  ne: z.enum(['exclude', 'non-responder']).default('exclude'),
  eventValue: z.array(z.string().min(1)).optional(),
  timeUnit: z.enum(TIME_UNITS).optional(),
  displayUnit: z.enum(TIME_UNITS).optional(),
  reference: z.array(z.string().min(1)).optional(),
  lenient: z.boolean().optional(),
})

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
