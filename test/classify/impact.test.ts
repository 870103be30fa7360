/**
 * Real MSK-IMPACT (IM3) calls from genome-nexus (MIT) on the MSK-IMPACT 468 gene list (CaMutQC,
 * GPL-3.0). Both are read in place from ../shared/data; skipped when that folder is absent.
 * Checks the panel contract on real data: every event on a gene outside the panel is refused and
 * counted, nothing on the panel is lost, and every frequency is over the assayed samples.
 */
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { readMaf } from '../../src/maf/index.js'
import { readGeneList } from '../../src/panels/cbioportal.js'
import { assignAll } from '../../src/panels/assign.js'
import { panelFromGenes } from '../../src/panels/load.js'
import { loadShippedAliases } from '../../src/panels/shipped.js'
import { buildMatrix } from '../../src/matrix/build.js'
import { countedClasses, counts } from '../../src/classify/classes.js'
import { featureCounts } from '../../src/matrix/types.js'

const data = (p: string) => fileURLToPath(new URL(`../../../shared/data/${p}`, import.meta.url))
const MAF = data('genome-nexus/data_mutations_extended_100.txt')
const LIST = data('camutqc/panels/MSK-IMPACT_gene_v3_468.txt')

describe.skipIf(!existsSync(MAF) || !existsSync(LIST))('MSK-IMPACT calls on the IMPACT-468 panel (../shared/data, in place)', () => {
  it('refuses exactly the off-panel events and keeps every on-panel counted event', async () => {
    const maf = await readMaf(MAF)
    const aliases = await loadShippedAliases()
    const genes = (await readGeneList(LIST)).map((g) => aliases.resolve(g, 'impact468'))
    const panel = panelFromGenes('IMPACT468', 'MSK-IMPACT 468', genes, { mutations: 'exons', hotspots: [], copyNumber: true, fusions: true })
    const m = buildMatrix(maf.alterations, { samples: maf.samples, panels: assignAll(panel, maf.samples), aliases })
    const onPanel = (g: string) => panel.genes.has(aliases.resolve(g, 'check'))
    const off = maf.alterations.filter((a) => !onPanel(a.gene)).length
    expect(m.notes.refused['gene not on panel'] ?? 0).toBe(off)
    const cc = countedClasses()
    const kept = maf.alterations.filter((a) => onPanel(a.gene) && counts(cc, a.gene, a)).length
    let inCells = 0
    for (const cell of m.cells.values()) inCells += cell.events.length
    expect(inCells).toBe(kept)
    expect(kept).toBeGreaterThan(0)
    for (let f = 0; f < m.features.length; f++) {
      const c = featureCounts(m, f)
      expect(c.altered).toBeLessThanOrEqual(c.assayed)
    }
  })
})
