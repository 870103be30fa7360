/**
 * The synthetic demo cohort (demo/): the generator reproduces the committed files byte for byte,
 * and demo/panel.json validates against the panel schema. The published aggregates are checked
 * from the committed files in clinical.test.ts, genomics.test.ts and r-reference.test.ts.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { loadPanel, loadShippedPathways } from '../../src/panels/index.js'
import { DEMO, ROOT } from './files.js'

/** Hand-written files in demo/ that the generator does not produce. */
const HAND_WRITTEN = new Set(['README.md'])

function relFiles(dir: string): string[] {
  const walk = (d: string): string[] =>
    readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [relative(dir, join(d, n))]))
  return walk(dir).sort()
}

describe('demo generator', () => {
  const out = mkdtempSync(join(tmpdir(), 'biomarkit-demo-'))
  afterAll(() => rmSync(out, { recursive: true, force: true }))

  it('reproduces every committed demo file byte for byte, and nothing else', () => {
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'make-demo.mjs'), out], { stdio: 'pipe' })
    const generated = relFiles(out)
    const committed = relFiles(DEMO).filter((f) => !HAND_WRITTEN.has(f))
    expect(committed).toEqual(generated)
    for (const f of generated) {
      expect(readFileSync(join(DEMO, f)).equals(readFileSync(join(out, f))), `${f} differs from a fresh run`).toBe(true)
    }
    expect(generated.length).toBeGreaterThan(30)
  })
})

describe('demo/panel.json', () => {
  it('loads through the panel schema and assays every gene the demo files mention, exons and copy number', async () => {
    const panel = await loadPanel(join(DEMO, 'panel.json'))
    expect(panel.id).toBe('demo-520-synthetic')
    expect(panel.sizeMb).toBe(1.9)
    const mentioned = new Set<string>()
    for (const f of readdirSync(join(DEMO, 'vcf'))) {
      for (const m of readFileSync(join(DEMO, 'vcf', f), 'utf8').matchAll(/[|=,][ACGT-]*\|[a-z_&]+\|[A-Z]+\|([A-Z0-9]+)\|/g)) {
        mentioned.add(m[1] ?? '')
      }
    }
    for (const line of readFileSync(join(DEMO, 'cna.tsv'), 'utf8').trim().split('\n').slice(1)) mentioned.add(line.split('\t')[1] ?? '')
    expect(mentioned.size).toBeGreaterThanOrEqual(15)
    for (const g of mentioned) {
      expect(panel.genes.get(g), g).toMatchObject({ mutations: 'exons', copyNumber: true })
    }
  })

  it('assays the whole shipped Sanchez-Vega PI3K pathway, so "PAM wild-type" means tested and negative', async () => {
    const pi3k = (await loadShippedPathways()).find((p) => p.id === 'PI3K')
    const panel = await loadPanel(join(DEMO, 'panel.json'))
    expect(pi3k).toBeDefined()
    expect((pi3k?.genes ?? []).filter((g) => !panel.genes.has(g))).toEqual([])
  })
})
