/**
 * Where the data shipped in the package's `panels/` folder lives at run time: `<root>/panels`,
 * reached from src/panels (tests, tsx) or dist/src/panels (the built package).
 */
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const CANDIDATES = ['../../panels/', '../../../panels/']

export function shippedDir(): string {
  for (const rel of CANDIDATES) {
    const p = fileURLToPath(new URL(rel, import.meta.url))
    if (existsSync(`${p}panel.schema.json`)) return p
  }
  return fileURLToPath(new URL(CANDIDATES[0] as string, import.meta.url))
}

/** Absolute path of a shipped data file, e.g. shippedPath('pathways-sanchez-vega-2018.json'). */
export function shippedPath(name: string): string {
  return `${shippedDir()}${name}`
}
