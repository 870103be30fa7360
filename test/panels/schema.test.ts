import { readFileSync, existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { generateSchemas } from '../../src/classify/json-schemas.js'

const dir = new URL('../../panels/', import.meta.url)

describe('committed JSON Schemas', () => {
  for (const [name, text] of generateSchemas()) {
    it(`panels/${name} matches the zod schema (fix: npm run build && node scripts/gen-schemas.mjs)`, () => {
      const path = new URL(name, dir)
      expect(existsSync(path), `panels/${name} is missing: run npm run build && node scripts/gen-schemas.mjs`).toBe(true)
      expect(readFileSync(path, 'utf8'), `panels/${name} is stale: run npm run build && node scripts/gen-schemas.mjs`).toBe(text)
    })
  }

  it('the panel schema forbids unknown keys', () => {
    const s = JSON.parse(generateSchemas().get('panel.schema.json') as string) as { additionalProperties?: unknown }
    expect(s.additionalProperties).toBe(false)
  })
})
