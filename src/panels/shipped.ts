/**
 * Where the data shipped in the package's `panels/` folder lives at run time: `<root>/panels`,
 * reached from src/panels (tests, tsx) or dist/src/panels (the built package).
 */
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { loadAliases, type AliasResolver } from './aliases.js'
import { loadPathwaySet, type Pathway } from './pathways.js'

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

/** The shipped alias table (panels/gene-aliases.json). */
export async function loadShippedAliases(): Promise<AliasResolver> {
  return loadAliases(shippedPath('gene-aliases.json'))
}

/** The ten Sanchez-Vega 2018 pathways, PDK1 resolved to PDPK1 through `aliases` (default: the shipped table). */
export async function loadShippedPathways(aliases?: AliasResolver): Promise<Pathway[]> {
  return loadPathwaySet(shippedPath('pathways-sanchez-vega-2018.json'), aliases ?? (await loadShippedAliases()))
}
