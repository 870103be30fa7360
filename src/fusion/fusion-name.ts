/**
 * Splitting a fusion label ("EML4--ALK", "TMPRSS2::ERG", "ALK-EML4", "ETV6-RUNX1 fusion",
 * "EGFR-intragenic") into its 5' and 3' genes.
 *
 * Separators, most specific first: '::' (HGNC fusion nomenclature, Bruford 2021), '--' (STAR-Fusion,
 * Arriba, PCGR), '/' , then a single '-' (cBioPortal's older fusion files, OncoKB). Gene symbols can
 * contain '-' themselves (NKX2-1, HLA-A), so a label with several single hyphens is split only when
 * a known gene (the row's Hugo_Symbol) anchors one side; otherwise it is ambiguous and undefined.
 * "intragenic" as the second part means a rearrangement inside the first gene (partner = itself).
 * A trailing " fusion" / " Fusion" word is dropped.
 */

export interface FusionGenes {
  readonly gene5: string
  readonly gene3: string
}

export function splitFusionName(label: string, knownGene?: string): FusionGenes | undefined {
  const text = label.trim().replace(/\s+fusion$/i, '').trim()
  if (text === '') return undefined
  for (const sep of ['::', '--', '/']) {
    const parts = text.split(sep)
    if (parts.length === 2) return pair(parts[0] as string, parts[1] as string)
    if (parts.length > 2) return undefined
  }
  const hyphens = text.split('-').length - 1
  if (hyphens === 0) return undefined
  if (hyphens === 1) {
    const [a, b] = text.split('-') as [string, string]
    return pair(a, b)
  }
  if (knownGene !== undefined && knownGene !== '') {
    if (text.startsWith(`${knownGene}-`)) return pair(knownGene, text.slice(knownGene.length + 1))
    if (text.endsWith(`-${knownGene}`)) return pair(text.slice(0, -knownGene.length - 1), knownGene)
  }
  return undefined
}

function pair(a: string, b: string): FusionGenes | undefined {
  const gene5 = a.trim()
  let gene3 = b.trim()
  if (gene5 === '' || gene3 === '') return undefined
  if (gene3.toLowerCase() === 'intragenic') gene3 = gene5
  return { gene5, gene3 }
}
