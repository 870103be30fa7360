/**
 * The visual grammar as data (cBioPortal OncoPrint style): every alteration kind is a glyph with a
 * fill, an inset inside the unit cell, a z-layer, a legend label and a legend order.
 *
 * Layers, bottom to top: copy number fills the whole cell height; a fusion is a band (inset 0.2);
 * the mutation glyph takes the middle third (inset 1/3); a germline event adds a corner marker.
 * ≥ 2 mutation events (snv/indel, any classes, as maftools counts since its issue #347) draw one
 * Multi_Hit glyph in the maftools palette; the cBioPortal palette draws the highest-priority
 * collapsed class instead (its black already means truncating). Copy number and fusion events never count towards Multi_Hit (maftools keeps CN
 * out too; it has no separate fusion glyph).
 *
 * Default colours are maftools' `get_vcColors()` (RColorBrewer Paired[1:11] + Spectral[1:3] + black,
 * violet, royalblue, #7b7060), so a figure can be compared with `oncoplot()`. The cBioPortal palette
 * colours the collapsed classes (src/classify/collapse.ts) like OncoPrint.
 */
import type { Alteration, VariantClass } from '../src/model/alteration.js'
import type { AlteredCell } from '../src/matrix/types.js'
import { collapseClass, type CollapsedClass } from '../src/classify/collapse.js'

export type PaletteName = 'maftools' | 'cbioportal'
export type GlyphLayer = 'cna' | 'fusion' | 'mutation' | 'germline'

export interface GlyphSpec {
  /** Stable key: "mut:Missense_Mutation", "mut:missense", "cna:amp", "fusion", "germline". */
  readonly key: string
  readonly layer: GlyphLayer
  readonly fill: string
  /** Vertical inset as a fraction of the cell height, each side. */
  readonly insetY: number
  readonly z: number
  readonly label: string
  readonly legendOrder: number
}

export const LAYER: Readonly<Record<GlyphLayer, { readonly z: number; readonly insetY: number }>> = {
  cna: { z: 1, insetY: 0 },
  fusion: { z: 2, insetY: 0.2 },
  mutation: { z: 3, insetY: 1 / 3 },
  germline: { z: 4, insetY: 0 },
}

/** maftools get_vcColors() (R/oncomatrix.R), in its legend order. */
export const MAFTOOLS_COLORS: readonly (readonly [string, string])[] = [
  ['Nonstop_Mutation', '#A6CEE3'],
  ['Frame_Shift_Del', '#1F78B4'],
  ['IGR', '#B2DF8A'],
  ['Missense_Mutation', '#33A02C'],
  ['Silent', '#FB9A99'],
  ['Nonsense_Mutation', '#E31A1C'],
  ['RNA', '#FDBF6F'],
  ['Splice_Site', '#FF7F00'],
  ['Intron', '#CAB2D6'],
  ['Frame_Shift_Ins', '#6A3D9A'],
  ['In_Frame_Del', '#FFFF99'],
  ['In_Frame_Ins', '#D53E4F'],
  ['Translation_Start_Site', '#F46D43'],
  ['Multi_Hit', '#000000'],
]

/** Classes maftools has no colour for (it treats them as silent): our choice, kept apart from the above. */
const EXTRA_COLORS: readonly (readonly [string, string])[] = [
  ['Splice_Region', '#FDB863'],
  ["3'UTR", '#8DD3C7'],
  ["5'UTR", '#80B1D3'],
  ["3'Flank", '#BEBADA'],
  ["5'Flank", '#00B7CE'],
  ['Targeted_Region', '#7B7060'],
  ['De_novo_Start_InFrame', '#BC80BD'],
  ['De_novo_Start_OutOfFrame', '#CF58BC'],
  ['Start_Codon_SNP', '#F46D43'],
  ['Start_Codon_Del', '#F46D43'],
  ['Start_Codon_Ins', '#F46D43'],
  ['Stop_Codon_Del', '#A6CEE3'],
  ['Stop_Codon_Ins', '#A6CEE3'],
  ['Unknown', '#7B7060'],
]

/** cBioPortal OncoPrint colours (cbioportal-frontend geneticrules), driver shades. */
export const CBIOPORTAL_COLORS: Readonly<Record<CollapsedClass, string>> = {
  truncating: '#000000',
  missense: '#008000',
  inframe: '#993404',
  splice: '#E5802B',
  promoter: '#00B7CE',
  other: '#CF58BC',
  silent: '#A6A6A6',
  fusion: '#8B00C9',
  amp: '#FF0000',
  gain: '#FFB6C1',
  shallow_del: '#8FD8D8',
  deep_del: '#0000FF',
}

const COLLAPSED_LABEL: Readonly<Record<CollapsedClass, string>> = {
  truncating: 'Truncating',
  missense: 'Missense',
  inframe: 'In-frame',
  splice: 'Splice',
  promoter: 'Promoter',
  other: 'Other',
  silent: 'Silent / non-coding',
  fusion: 'Fusion',
  amp: 'Amplification',
  gain: 'Gain',
  shallow_del: 'Shallow deletion',
  deep_del: 'Deep deletion',
}

/** When one cell holds several collapsed mutation classes, the first in this list is drawn (cBioPortal-like priority). */
const COLLAPSED_PRIORITY: readonly CollapsedClass[] = ['truncating', 'splice', 'inframe', 'missense', 'promoter', 'other', 'silent']

type CnKey = 'amp' | 'gain' | 'shallow_del' | 'deep_del'
const CN_ORDER: readonly CnKey[] = ['amp', 'gain', 'shallow_del', 'deep_del']
const CN_LABEL_MAFTOOLS: Readonly<Record<CnKey, string>> = { amp: 'Amp', gain: 'Gain', shallow_del: 'ShallowDel', deep_del: 'Del' }
const CN_COLOR_MAFTOOLS: Readonly<Record<CnKey, string>> = { amp: '#EE82EE', gain: '#F4B6F4', shallow_del: '#A8B8F0', deep_del: '#4169E1' }

export const GERMLINE_MARK = { fill: '#FFFFFF', stroke: '#000000', label: 'Germline' } as const

export interface Palette {
  readonly name: PaletteName
  readonly glyphs: ReadonlyMap<string, GlyphSpec>
}

function spec(key: string, layer: GlyphLayer, fill: string, label: string, legendOrder: number): GlyphSpec {
  return { key, layer, fill, insetY: LAYER[layer].insetY, z: LAYER[layer].z, label, legendOrder }
}

/** Build a palette; `overrides` maps a glyph key or a label (e.g. "Missense_Mutation", "amp") to a colour. */
export function makePalette(name: PaletteName, overrides: Readonly<Record<string, string>> = {}): Palette {
  const list: GlyphSpec[] = []
  let order = 0
  if (name === 'maftools') {
    for (const [cls, fill] of [...MAFTOOLS_COLORS, ...EXTRA_COLORS]) list.push(spec(`mut:${cls}`, 'mutation', fill, cls, order++))
    list.push(spec('fusion', 'fusion', CBIOPORTAL_COLORS.fusion, 'Fusion', order++))
    for (const cn of CN_ORDER) list.push(spec(`cna:${cn}`, 'cna', CN_COLOR_MAFTOOLS[cn], CN_LABEL_MAFTOOLS[cn], order++))
  } else {
    for (const c of COLLAPSED_PRIORITY) list.push(spec(`mut:${c}`, 'mutation', CBIOPORTAL_COLORS[c], COLLAPSED_LABEL[c], order++))
    list.push(spec('fusion', 'fusion', CBIOPORTAL_COLORS.fusion, 'Fusion', order++))
    for (const cn of CN_ORDER) list.push(spec(`cna:${cn}`, 'cna', CBIOPORTAL_COLORS[cn], COLLAPSED_LABEL[cn], order++))
  }
  list.push(spec('germline', 'germline', GERMLINE_MARK.fill, GERMLINE_MARK.label, order++))
  const glyphs = new Map<string, GlyphSpec>()
  for (const g of list) {
    const bare = g.key.includes(':') ? g.key.slice(g.key.indexOf(':') + 1) : g.key
    const fill = overrides[g.key] ?? overrides[bare] ?? overrides[g.label] ?? g.fill
    glyphs.set(g.key, { ...g, fill })
  }
  return { name, glyphs }
}

export type EventRole = { readonly layer: 'cna'; readonly cn: CnKey } | { readonly layer: 'fusion' } | { readonly layer: 'mutation'; readonly cls: VariantClass }

const CN_OF_CLASS: Partial<Record<VariantClass, CnKey>> = { Amp: 'amp', Del: 'deep_del' }

/** Which layer an event draws on. A CN event uses its cnState when known, else Amp → amp, Del → deep_del. */
export function eventRole(e: Alteration): EventRole {
  if (e.kind === 'cna' || e.cnState !== undefined || CN_OF_CLASS[e.variantClass] !== undefined) {
    return { layer: 'cna', cn: e.cnState ?? CN_OF_CLASS[e.variantClass] ?? 'amp' }
  }
  if (e.kind === 'fusion' || e.variantClass === 'Fusion') return { layer: 'fusion' }
  return { layer: 'mutation', cls: e.variantClass }
}

export interface CellGlyphs {
  /** Glyph keys to draw, bottom to top. */
  readonly keys: readonly string[]
  /** maftools writeMatrix-style label: CN labels, Fusion, then the mutation class or Multi_Hit, ';'-joined. */
  readonly label: string
  /** Number of mutation (non-CN, non-fusion) events. */
  readonly mutations: number
}

/** The glyphs of one altered cell under a palette (only its events matter). Pure; O(events). */
export function cellGlyphs(cell: Pick<AlteredCell, 'events'>, palette: Palette): CellGlyphs {
  const cn = new Set<CnKey>()
  let fusion = false
  let germline = false
  const muts: VariantClass[] = []
  for (const e of cell.events) {
    const r = eventRole(e)
    if (r.layer === 'cna') cn.add(r.cn)
    else if (r.layer === 'fusion') fusion = true
    else muts.push(r.cls)
    if (e.origin === 'germline') germline = true
  }
  const keys: string[] = []
  const labels: string[] = []
  // Two CN states in one cell (e.g. two segments) draw the strongest: CN_ORDER puts amp/deep_del by table.
  const cnKey = CN_ORDER.find((k) => cn.has(k))
  for (const k of CN_ORDER) if (cn.has(k)) labels.push(CN_LABEL_MAFTOOLS[k])
  if (cnKey !== undefined) keys.push(`cna:${cnKey}`)
  if (fusion) {
    keys.push('fusion')
    labels.push('Fusion')
  }
  if (muts.length > 0) {
    const mutLabel = muts.length > 1 ? 'Multi_Hit' : (muts[0] as VariantClass)
    labels.push(mutLabel)
    if (palette.name === 'maftools') keys.push(`mut:${mutLabel}`)
    else {
      // OncoPrint has no multi-hit glyph (black is already truncating): draw the highest-priority class.
      const present = new Set(muts.map((c) => collapseClass(c)))
      const top = COLLAPSED_PRIORITY.find((c) => present.has(c)) ?? 'other'
      keys.push(`mut:${top}`)
    }
  }
  if (germline) keys.push('germline')
  return { keys, label: labels.join(';'), mutations: muts.length }
}

/** The glyph key one event is counted under in the top bar: its own class (maftools palette) or collapsed class. */
export function eventKey(palette: Palette, e: Alteration): string {
  const r = eventRole(e)
  if (r.layer === 'cna') return `cna:${r.cn}`
  if (r.layer === 'fusion') return 'fusion'
  return palette.name === 'maftools' ? `mut:${r.cls}` : `mut:${collapseClass(r.cls)}`
}

/** Glyph spec for a key; unknown keys are a programming error, not user input. */
export function glyph(palette: Palette, key: string): GlyphSpec {
  const g = palette.glyphs.get(key)
  if (g === undefined) throw new Error(`no glyph for ${key}`)
  return g
}
