// Regenerates panels/pathways-sanchez-vega-2018.json from maftools' oncogenic_sig_patwhays.tsv
// (maftools inst/extdata, MIT; data: Sanchez-Vega et al., Cell 2018).
// Usage: node scripts/pathways-from-maftools.mjs ../shared/data/maftools/oncogenic_sig_patwhays.tsv > panels/pathways-sanchez-vega-2018.json
// Symbols are kept exactly as in the source (PDK1 included); panels/gene-aliases.json maps them.
// Labels end in "pathway" so the TP53 and MYC pathways are not mistaken for the genes in tables.
import { readFileSync } from 'node:fs'

const LABELS = {
  Cell_Cycle: 'Cell cycle',
  Hippo: 'Hippo',
  MYC: 'MYC',
  NOTCH: 'NOTCH',
  NRF2: 'NRF2',
  PI3K: 'PI3K/AKT/mTOR (PAM)',
  'RTK-RAS': 'RTK/RAS',
  'TGF-Beta': 'TGF-β',
  TP53: 'TP53',
  WNT: 'WNT',
}
const ROLE = { OG: 'oncogene', TSG: 'tumour_suppressor' }

const path = process.argv[2]
if (!path) throw new Error('usage: pathways-from-maftools.mjs oncogenic_sig_patwhays.tsv')
const lines = readFileSync(path, 'utf8').split(/\r?\n/).filter((l) => l !== '')
if (lines[0] !== 'Pathway\tGene\tOG_TSG') throw new Error(`unexpected header: ${lines[0]}`)
const byPathway = new Map()
for (const l of lines.slice(1)) {
  const [pw, gene, role] = l.split('\t')
  if (!(pw in LABELS)) throw new Error(`unknown pathway ${pw}`)
  const list = byPathway.get(pw) ?? []
  byPathway.set(pw, list)
  const r = ROLE[(role ?? '').trim()]
  list.push(r ? { symbol: gene, role: r } : gene)
}
const out = {
  $schema: './pathways.schema.json',
  id: 'sanchez-vega-2018',
  name: 'Oncogenic signaling pathways (TCGA PanCanAtlas)',
  citation:
    'Sanchez-Vega F, Mina M, Armenia J, et al. Oncogenic Signaling Pathways in The Cancer Genome Atlas. Cell 173(2):321-337.e10 (2018). doi:10.1016/j.cell.2018.03.035',
  source:
    'maftools inst/extdata/oncogenic_sig_patwhays.tsv (PoisonAlien/maftools commit c8ff3283f7395e4a7d4fb56158e638b554d5ada0), converted by scripts/pathways-from-maftools.mjs',
  licence: 'MIT (maftools); gene lists from Sanchez-Vega et al. 2018',
  pathways: [...byPathway].map(([id, genes]) => ({ id, label: `${LABELS[id]} pathway`, genes })),
}
process.stdout.write(`${JSON.stringify(out, null, 2)}\n`)
