/**
 * JSON Schemas for the data files users write, generated from the zod schemas (never hand-kept).
 * Written to panels/*.schema.json by scripts/gen-schemas.mjs; test/panels/schema.test.ts fails
 * when a committed copy differs from what this produces.
 */
import { z } from 'zod'
import { PanelSchema } from '../panels/schema.js'
import { PathwaySetSchema } from '../panels/pathways.js'
import { AliasFileSchema } from '../panels/aliases.js'
import { RuleFileSchema } from './rules.js'

const SCHEMAS: readonly (readonly [string, z.ZodType, string])[] = [
  ['panel.schema.json', PanelSchema, 'biomarkit panel'],
  ['pathways.schema.json', PathwaySetSchema, 'biomarkit pathway set'],
  ['gene-aliases.schema.json', AliasFileSchema, 'biomarkit gene-symbol alias table'],
  ['rules.schema.json', RuleFileSchema, 'biomarkit biomarker rules'],
]

/** File name → schema text (2-space JSON, trailing newline). */
export function generateSchemas(): Map<string, string> {
  const out = new Map<string, string>()
  for (const [name, schema, title] of SCHEMAS) {
    const js = { title, ...z.toJSONSchema(schema, { io: 'input' }) }
    out.set(name, `${JSON.stringify(js, null, 2)}\n`)
  }
  return out
}
