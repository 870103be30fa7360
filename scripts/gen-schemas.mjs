// Writes panels/*.schema.json from the zod schemas. Run after `npm run build`:
//   npm run build && node scripts/gen-schemas.mjs
// test/panels/schema.test.ts fails when the committed schemas are stale.
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { generateSchemas } from '../dist/src/classify/json-schemas.js'

const dir = fileURLToPath(new URL('../panels/', import.meta.url))
for (const [name, text] of generateSchemas()) {
  writeFileSync(`${dir}${name}`, text)
  console.log(`wrote panels/${name}`)
}
