import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { jsonPathOffset } from '../../src/panels/json-path-locate.js'
import { readJsonFile } from '../../src/panels/json.js'
import { PanelSchema } from '../../src/panels/schema.js'
import { tmpFile } from '../helpers.js'

/** Every path in a JSON value: [path, the member key or element value found there]. */
function paths(v: unknown, prefix: (string | number)[] = []): [(string | number)[], { key: string } | { value: unknown }][] {
  const out: [(string | number)[], { key: string } | { value: unknown }][] = []
  if (Array.isArray(v)) {
    v.forEach((e, i) => {
      out.push([[...prefix, i], { value: e }], ...paths(e, [...prefix, i]))
    })
  } else if (v !== null && typeof v === 'object') {
    for (const [k, e] of Object.entries(v)) out.push([[...prefix, k], { key: k }], ...paths(e, [...prefix, k]))
  }
  return out
}

describe('jsonPathOffset', () => {
  it('points at the member key or the element, in compact and indented JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.constantFrom(0, 2), (v, indent) => {
        const text = JSON.stringify(v, null, indent)
        for (const [p, target] of paths(v)) {
          const at = jsonPathOffset(text, p)
          expect(at, JSON.stringify(p)).toBeDefined()
          const expected = 'key' in target ? JSON.stringify(target.key) : JSON.stringify(target.value, null, indent).split('\n')[0]
          expect(text.slice(at, at! + (expected ?? '').length), JSON.stringify(p)).toBe(expected)
        }
      }),
      { seed: 5, numRuns: 200 },
    )
  })

  it('is undefined for a path the text does not have', () => {
    expect(jsonPathOffset('{"a": [1, 2]}', ['a', 5])).toBeUndefined()
    expect(jsonPathOffset('{"a": [1, 2]}', ['b'])).toBeUndefined()
    expect(jsonPathOffset('[1]', ['a'])).toBeUndefined()
  })

  it('gives a schema error in a panel file its line and column', async () => {
    const text = '\uFEFF{\n  "id": "X",\n  "version": "1",\n  "name": "x",\n  "citation": "c",\n  "defaultAssay": { "mutations": "exons", "copyNumber": false, "fusions": false },\n  "genes": ["TP53", { "symbol": "KRAS", "assay": { "copyNumbr": true } }]\n}\n'
    const p = tmpFile('p.json', text)
    await expect(readJsonFile(PanelSchema, p, 'panel')).rejects.toMatchObject({ line: 7, column: 52, message: 'genes[1].assay.copyNumbr: unknown key' })
  })
})
