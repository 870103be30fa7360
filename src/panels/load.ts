/**
 * Panel JSON → Panel: validate (located errors), apply the default assay, resolve aliases.
 */
import { InputError } from '../errors.js'
import { readJsonFile, validateJson } from './json.js'
import { PanelSchema, type GeneAssay, type Panel, type PanelFile } from './schema.js'
import type { AliasResolver } from './aliases.js'
import type { ReadLimits } from '../io/read-limits.js'

/** Turn a validated panel file into a Panel. Duplicate genes (after aliasing) are an error. */
export function normalizePanel(p: PanelFile, file: string, aliases?: AliasResolver): Panel {
  const genes = new Map<string, GeneAssay>()
  const firstSeen = new Map<string, string>()
  p.genes.forEach((entry, i) => {
    const raw = typeof entry === 'string' ? entry : entry.symbol
    const symbol = aliases ? aliases.resolve(raw, p.id) : raw
    const o = typeof entry === 'string' ? {} : (entry.assay ?? {})
    const d = p.defaultAssay
    const assay: GeneAssay = {
      mutations: o.mutations ?? d.mutations,
      hotspots: o.hotspots ?? d.hotspots ?? [],
      copyNumber: o.copyNumber ?? d.copyNumber,
      fusions: o.fusions ?? d.fusions,
    }
    const first = firstSeen.get(symbol)
    if (first !== undefined) {
      const how = first === raw ? '' : ` (also as ${first}, an alias)`
      throw new InputError('SCHEMA', `genes[${i}]: gene ${symbol} is listed twice${how}`, { file })
    }
    firstSeen.set(symbol, raw)
    genes.set(symbol, assay)
  })
  return { id: p.id, name: p.name, sizeMb: p.sizeMb, genes }
}

export function parsePanel(json: unknown, file: string, aliases?: AliasResolver): Panel {
  return normalizePanel(validateJson(PanelSchema, json, file, 'panel'), file, aliases)
}

/** Read a panel JSON file (format: panels/README.md). */
export async function loadPanel(path: string, aliases?: AliasResolver, limits?: ReadLimits): Promise<Panel> {
  return normalizePanel(await readJsonFile(PanelSchema, path, 'panel', limits), path, aliases)
}

/** A panel that assays every listed gene the same way (for plain gene lists and cBioPortal panels). */
export function panelFromGenes(id: string, name: string, genes: Iterable<string>, assay: GeneAssay, sizeMb?: number): Panel {
  const m = new Map<string, GeneAssay>()
  for (const g of genes) m.set(g, assay)
  return { id, name, sizeMb, genes: m }
}
