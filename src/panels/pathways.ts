/**
 * Pathway sets: named gene sets used as matrix features and by rules (`"pathway": "PI3K"`).
 * Shipped: panels/pathways-sanchez-vega-2018.json (ten oncogenic signalling pathways).
 */
import { z } from 'zod'
import { InputError } from '../errors.js'
import { readJsonFile, validateJson } from './json.js'
import { SYMBOL_RE } from './schema.js'
import type { AliasResolver } from './aliases.js'
import type { ReadLimits } from '../io/read-limits.js'

const Symbol_ = z.string().regex(SYMBOL_RE, 'expected a gene symbol')

export const PathwaySetSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: z.string().regex(/^[A-Za-z0-9_.-]+$/, 'expected an identifier'),
    name: z.string().min(1),
    citation: z.string().min(1),
    source: z.string().optional(),
    licence: z.string().optional(),
    pathways: z
      .array(
        z.strictObject({
          id: z.string().regex(/^[A-Za-z0-9_.-]+$/, 'expected an identifier'),
          label: z.string().min(1),
          genes: z
            .array(
              z.union([
                Symbol_,
                z.strictObject({ symbol: Symbol_, role: z.enum(['oncogene', 'tumour_suppressor']).optional() }),
              ]),
            )
            .min(1),
        }),
      )
      .min(1),
  })
  .describe('A set of pathways (named gene sets)')

export type PathwaySetFile = z.infer<typeof PathwaySetSchema>

export interface Pathway {
  readonly id: string
  readonly label: string
  /** Current symbols, in file order. */
  readonly genes: readonly string[]
}

export function normalizePathwaySet(p: PathwaySetFile, file: string, aliases?: AliasResolver): Pathway[] {
  const ids = new Set<string>()
  return p.pathways.map((pw, i) => {
    if (ids.has(pw.id)) throw new InputError('SCHEMA', `pathways[${i}].id: ${pw.id} is listed twice`, { file })
    ids.add(pw.id)
    const genes: string[] = []
    for (const g of pw.genes) {
      const raw = typeof g === 'string' ? g : g.symbol
      const s = aliases ? aliases.resolve(raw, p.id) : raw
      if (genes.includes(s)) throw new InputError('SCHEMA', `pathways[${i}]: gene ${s} is listed twice`, { file })
      genes.push(s)
    }
    return { id: pw.id, label: pw.label, genes }
  })
}

export function parsePathwaySet(json: unknown, file: string, aliases?: AliasResolver): Pathway[] {
  return normalizePathwaySet(validateJson(PathwaySetSchema, json, file, 'pathway set'), file, aliases)
}

export async function loadPathwaySet(path: string, aliases?: AliasResolver, limits?: ReadLimits): Promise<Pathway[]> {
  return normalizePathwaySet(await readJsonFile(PathwaySetSchema, path, 'pathway set', limits), path, aliases)
}
