/**
 * ANNOVAR annotations (table_annovar.pl) → gene, consequence terms, protein change.
 * Shared by the VCF reader (INFO Func.<db>=…) and the *_multianno.txt reader.
 *
 * - VCF output: each ALT has its own block "ANNOVAR_DATE=…;…;ALLELE_END" in INFO, in ALT order, so
 *   the INFO string is read here block by block (INFO typing keeps only the last duplicate key).
 *   Values escape ';' as \x3b and '=' as \x3d, and write spaces as '_' ("nonsynonymous_SNV");
 *   consequence.ts looks terms up with '_' → ' ' as a fallback.
 * - Func "exonic" (or "exonic;splicing") takes its terms from ExonicFunc; other Func values are the
 *   terms themselves; ';'-joined terms ("UTR5;UTR3", repeated "exonic;exonic") are split and the most
 *   severe decides (consequence.ts priorities).
 * - Gene: the first of ';'/','-separated names (intergenic rows list both neighbours).
 * - Protein: the p. part of the FIRST AAChange entry ("NOD2:NM_001293557:exon3:c.C2023T:p.R675W"),
 *   as maftools' annovarToMaf does; ANNOVAR already writes one-letter codes.
 */
export interface AnnovarFields {
  readonly func?: string | undefined
  readonly gene?: string | undefined
  readonly exonicFunc?: string | undefined
  readonly aaChange?: string | undefined
}

export interface AnnovarCall {
  readonly gene?: string | undefined
  readonly terms: string[]
  readonly protein?: string | undefined
}

function clean(v: string | undefined): string | undefined {
  if (v === undefined) return undefined
  // maftools' example table quotes fields that contain commas, inside a TSV.
  const q = v.length >= 2 && v.startsWith('"') && v.endsWith('"') ? v.slice(1, -1) : v
  const s = q.includes('\\x') ? q.replaceAll('\\x3b', ';').replaceAll('\\x3d', '=').replaceAll('\\x2c', ',') : q
  return s === '' || s === '.' || s === 'NA' ? undefined : s
}

export function interpretAnnovar(f: AnnovarFields): AnnovarCall {
  const func = clean(f.func)
  const exonic = clean(f.exonicFunc)
  const terms: string[] = []
  for (const t of (func ?? '').split(';')) {
    if (t === '') continue
    if (t === 'exonic' && exonic !== undefined) terms.push(...exonic.split(';').filter((x) => x !== ''))
    else terms.push(t)
  }
  const geneField = clean(f.gene)
  const gene = geneField?.split(/[;,]/)[0]
  const aa = clean(f.aaChange)
  let protein: string | undefined
  if (aa !== undefined) {
    const first = aa.split(/[,;]/)[0] ?? ''
    protein = first.split(':').find((p) => p.startsWith('p.'))
  }
  return { gene: gene === '' ? undefined : gene, terms, protein }
}

/**
 * Split a raw VCF INFO string into per-ALT ANNOVAR blocks (key → value), in ALT order.
 * Keys outside any block are ignored. Cost: one split(';') of the INFO column per record.
 */
export function annovarBlocks(info: string, db: string): AnnovarFields[] {
  const blocks: AnnovarFields[] = []
  const want = new Map<string, keyof AnnovarFields>([
    [`Func.${db}`, 'func'],
    [`Gene.${db}`, 'gene'],
    [`ExonicFunc.${db}`, 'exonicFunc'],
    [`AAChange.${db}`, 'aaChange'],
  ])
  let cur: { -readonly [K in keyof AnnovarFields]: AnnovarFields[K] } | undefined
  for (const pair of info.split(';')) {
    const eq = pair.indexOf('=')
    const key = eq === -1 ? pair : pair.slice(0, eq)
    if (key === 'ANNOVAR_DATE') {
      cur = {}
      blocks.push(cur)
      continue
    }
    if (key === 'ALLELE_END') {
      cur = undefined
      continue
    }
    const slot = want.get(key)
    if (slot === undefined || eq === -1) continue
    // No ANNOVAR_DATE (older table_annovar): a single implicit block.
    if (cur === undefined) {
      cur = {}
      blocks.push(cur)
    }
    cur[slot] = pair.slice(eq + 1)
  }
  return blocks
}
