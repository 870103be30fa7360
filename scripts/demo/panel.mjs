// demo/panel.json: validated against src/panels/schema.ts (PanelSchema) by test/demo/generator.test.ts.

/**
 * Genes the demo's variants and copy-number rows touch, the full Sanchez-Vega PI3K set (so "PAM
 * wild-type" means assayed and negative), and other genes a breast panel carries.
 */
const GENES = [
  'AKT1', 'AKT2', 'AKT3', 'ARID1A', 'ATM', 'BRCA1', 'BRCA2', 'CCND1', 'CCNE1', 'CDH1', 'CDKN2A', 'CHEK2', 'ERBB2', 'ESR1',
  'FGFR1', 'GATA3', 'INPP4B', 'KMT2C', 'KRAS', 'MAP3K1', 'MTOR', 'MYC', 'NF1', 'NOTCH1', 'PALB2', 'PIK3CA', 'PIK3CB',
  'PIK3R1', 'PIK3R2', 'PIK3R3', 'PPP2R1A', 'PTEN', 'RB1', 'RICTOR', 'RPTOR', 'STK11', 'TP53', 'TSC1', 'TSC2',
]

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
