// demo/panel.json: validated against src/panels/schema.ts (PanelSchema) by test/demo/generator.test.ts.

import { PAM_GENES } from './targets.mjs'

/**
 * Genes the demo's variants and copy-number rows touch, the full Sanchez-Vega PI3K set (so "PAM
 * wild-type" means assayed and negative), and other genes a breast panel carries.
 */
const OTHER_GENES = [
  'ARID1A', 'ATM', 'BRCA1', 'BRCA2', 'CCND1', 'CCNE1', 'CDH1', 'CDKN2A', 'CHEK2', 'ERBB2', 'ESR1', 'FGFR1', 'GATA3',
  'KMT2C', 'KRAS', 'MAP3K1', 'MYC', 'NF1', 'NOTCH1', 'PALB2', 'RB1', 'TP53',
]
const GENES = [...new Set([...OTHER_GENES, ...PAM_GENES])].sort()

export function panelJson() {
  const panel = {
    id: 'demo-520-synthetic',
    version: '1',
    name: 'Synthetic demo panel (subset of a 520-gene comprehensive panel)',
    citation: 'Synthetic; gene choice follows the real-world trastuzumab deruxtecan HR-negative HER2-low MBC study (520-gene panel). See demo/README.md.',
    licence: 'MIT',
    sizeMb: 1.9,
    genome: 'GRCh38',
    defaultAssay: { mutations: 'exons', copyNumber: true, fusions: false },
    genes: GENES,
  }
  return JSON.stringify(panel, null, 2) + '\n'
}
