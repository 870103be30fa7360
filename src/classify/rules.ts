/**
 * Biomarker rules as data: a rule names genes (one gene, a gene list, or a pathway id), which
 * events count (MAF classes, collapsed OncoPrint classes, copy-number states, protein hotspots),
 * the origin (somatic / germline / any) and evidence thresholds. Users bring their own file
 * (`--rules FILE`); the format is documented in panels/README.md and its JSON Schema is generated
 * into panels/rules.schema.json.
 *
 * Errors carry the file and JSON path: `rules.json: rules[2].minVaf: expected a number between 0 and 1`.
 */
import { z } from 'zod'
import { MAF_CLASSES } from '../model/alteration.js'
import { COLLAPSED_CLASSES } from './collapse.js'
import { readJsonFile, validateJson } from '../panels/json.js'
import { SYMBOL_RE } from '../panels/schema.js'
import { isHotspot } from './protein.js'
import type { ReadLimits } from '../io/read-limits.js'

const Symbol_ = z.string().regex(SYMBOL_RE, 'expected a gene symbol')
const FRACTION = 'expected a number between 0 and 1'
const COUNT = 'expected a whole number ≥ 0'
const CN = 'expected a copy number ≥ 0'

/** Protein residue or substitution: "H1047R", "E545", "p.E542K", "p.His1047Arg". */
const HOTSPOT_MESSAGE = 'expected a protein change like "H1047R", "p.E545K" or a residue like "E545"'
export const PROTEIN_HOTSPOT_RE = /^(?:p\.)?\(?(?:[A-Z*]|[A-Z][a-z]{2})\d+(?:[A-Z*]|[A-Z][a-z]{2})?\)?$/

export const RuleSchema = z
  .strictObject({
    id: z.string().regex(/^[A-Za-z0-9_.-]+$/, 'expected an identifier (letters, digits, _ . -)'),
    label: z.string().min(1),
    description: z.string().optional(),
    gene: Symbol_.optional(),
    genes: z.array(Symbol_).min(1).optional(),
    pathway: z.string().min(1).optional().describe('Id of a pathway in a loaded pathway set, e.g. "PI3K"'),
    classes: z.array(z.enum(MAF_CLASSES)).min(1).optional().describe('MAF Variant_Classification values that count'),
    collapsed: z.array(z.enum(COLLAPSED_CLASSES)).min(1).optional().describe('Collapsed OncoPrint classes that count'),
    copyNumber: z.array(z.enum(['amp', 'gain', 'shallow_del', 'deep_del'])).min(1).optional(),
    hotspots: z
      .array(
        z
          .string()
          .regex(PROTEIN_HOTSPOT_RE, HOTSPOT_MESSAGE)
          // The compiler's own check (the pattern above is for the JSON Schema editors read).
          .refine(isHotspot, HOTSPOT_MESSAGE),
      )
      .min(1)
      .optional(),
    origin: z.enum(['somatic', 'germline', 'any']).optional().describe("Default 'any'. 'somatic' also accepts events of unknown origin"),
    minVaf: z.number({ error: FRACTION }).min(0, FRACTION).max(1, FRACTION).optional(),
    minDepth: z.number({ error: COUNT }).int(COUNT).min(0, COUNT).optional(),
    minCopyNumber: z.number({ error: CN }).min(0, CN).optional().describe('Absolute copy number at or above which an event is an amplification'),
    maxCopyNumber: z.number({ error: CN }).min(0, CN).optional().describe('Absolute copy number at or below which an event is a deep deletion'),
    citation: z.string().optional(),
  })
  .superRefine((r, ctx) => {
    const targets = [r.gene, r.genes, r.pathway].filter((t) => t !== undefined).length
    if (targets !== 1) ctx.addIssue({ code: 'custom', path: [], message: 'give exactly one of "gene", "genes" or "pathway"' })
    if (r.hotspots !== undefined && r.copyNumber !== undefined && r.classes === undefined && r.collapsed === undefined) {
      ctx.addIssue({ code: 'custom', path: ['hotspots'], message: 'hotspots apply to mutations; this rule only counts copy number' })
    }
    if (r.minCopyNumber !== undefined && !(r.copyNumber ?? []).includes('amp')) {
      ctx.addIssue({ code: 'custom', path: ['minCopyNumber'], message: 'minCopyNumber defines amplification: add "amp" to copyNumber' })
    }
    if (r.maxCopyNumber !== undefined && !(r.copyNumber ?? []).includes('deep_del')) {
      ctx.addIssue({ code: 'custom', path: ['maxCopyNumber'], message: 'maxCopyNumber defines deep deletion: add "deep_del" to copyNumber' })
    }
  })

export const RuleFileSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: z.string().regex(/^[A-Za-z0-9_.-]+$/, 'expected an identifier'),
    name: z.string().optional(),
    citation: z.string().optional(),
    rules: z.array(RuleSchema).min(1, 'no rules'),
  })
  .superRefine((f, ctx) => {
    const seen = new Set<string>()
    f.rules.forEach((r, i) => {
      if (seen.has(r.id)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'id'], message: `rule id ${r.id} is used twice` })
      seen.add(r.id)
    })
  })
  .describe('Biomarker rules')

export type Rule = z.infer<typeof RuleSchema>
export type RuleFile = z.infer<typeof RuleFileSchema>

export function parseRules(json: unknown, file: string): RuleFile {
  return validateJson(RuleFileSchema, json, file, 'rules')
}

export async function loadRules(path: string, limits?: ReadLimits): Promise<RuleFile> {
  return readJsonFile(RuleFileSchema, path, 'rules', limits)
}
