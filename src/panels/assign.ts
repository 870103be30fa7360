/**
 * Which panel each sample was assayed on.
 *
 * `PanelAssignment` is what the matrix builder consumes: panels by id, and sample → panel id.
 * From a cBioPortal panel matrix, each sample's (mutations, copy number, structural variant)
 * panel triple becomes one composite panel, so a sample profiled for mutations on TESTPANEL2 but
 * not profiled for copy number gets CN events refused and CN rules NOT_ASSAYED.
 */
import type { AssayKind } from './profiled.js'
import { InputError } from '../errors.js'
import type { CbioGenePanel, PanelMatrix } from './cbioportal.js'
import type { GeneAssay, Panel } from './schema.js'

export interface PanelAssignment {
  readonly panels: ReadonlyMap<string, Panel>
  readonly samplePanel: ReadonlyMap<string, string>
}

/** cBioPortal profile column → what it tells about. Other profiles (mrna, methylation…) are ignored. */
export const PROFILE_KIND: Readonly<Record<string, AssayKind>> = {
  mutations: 'mutations',
  cna: 'copyNumber',
  gistic: 'copyNumber',
  cna_discrete: 'copyNumber',
  linear_cna: 'copyNumber',
  log2cna: 'copyNumber',
  structural_variants: 'fusions',
  fusion: 'fusions',
  sv: 'fusions',
}

export interface CbioAssignmentResult extends PanelAssignment {
  /** Profile columns that do not bear on alterations and were ignored. */
  readonly ignoredProfiles: readonly string[]
}

/**
 * Build composite panels from a cBioPortal panel matrix and its panel definitions.
 * A kind with no column in the matrix (e.g. no `structural_variants`) follows the mutation
 * panel: cBioPortal lists only panel-specific profiles, and targeted assays call CN and SVs on
 * the genes they sequence. `sizeMb` optionally gives each definition's size for TMB.
 */
export function assignFromCbioportal(
  matrix: PanelMatrix,
  definitions: readonly CbioGenePanel[],
  sizeMb: ReadonlyMap<string, number> = new Map(),
): CbioAssignmentResult {
  const defs = new Map(definitions.map((d) => [d.stableId, new Set(d.genes)]))
  const columns: Partial<Record<AssayKind, string[]>> = {}
  const ignoredProfiles: string[] = []
  for (const p of matrix.profiles) {
    const k = PROFILE_KIND[p.toLowerCase()]
    if (k === undefined) ignoredProfiles.push(p)
    else (columns[k] ??= []).push(p)
  }
  if (columns.mutations === undefined) {
    throw new InputError('MISSING_COLUMN', 'panel matrix has no "mutations" column', { file: matrix.file })
  }
  const pick = (row: Readonly<Record<string, string | undefined>>, kind: AssayKind): string | undefined => {
    const cols = columns[kind] ?? columns.mutations ?? []
    for (const c of cols) {
      const v = row[c]
      if (v !== undefined) return v
    }
    return undefined
  }
  const panels = new Map<string, Panel>()
  const samplePanel = new Map<string, string>()
  for (const [sample, row] of matrix.rows) {
    const mut = pick(row, 'mutations')
    const cn = pick(row, 'copyNumber')
    const sv = pick(row, 'fusions')
    for (const id of [mut, cn, sv]) {
      if (id !== undefined && !defs.has(id)) {
        throw new InputError('NOT_FOUND', `sample ${sample}: panel ${id} has no definition`, {
          file: matrix.file,
          suggestion: `supply data_gene_panel_${id.toLowerCase()}.txt (stable_id: ${id})`,
        })
      }
    }
    const id = mut === cn && cn === sv && mut !== undefined ? mut : `mutations=${mut ?? 'NA'};cna=${cn ?? 'NA'};sv=${sv ?? 'NA'}`
    samplePanel.set(sample, id)
    if (panels.has(id)) continue
    const m = mut === undefined ? undefined : defs.get(mut)
    const c = cn === undefined ? undefined : defs.get(cn)
    const s = sv === undefined ? undefined : defs.get(sv)
    const genes = new Map<string, GeneAssay>()
    for (const g of [...(m ?? []), ...(c ?? []), ...(s ?? [])]) {
      if (genes.has(g)) continue
      genes.set(g, {
        mutations: m?.has(g) ? 'exons' : 'none',
        hotspots: [],
        copyNumber: c?.has(g) ?? false,
        fusions: s?.has(g) ?? false,
      })
    }
    panels.set(id, { id, name: id, sizeMb: mut === undefined ? undefined : sizeMb.get(mut), genes })
  }
  return { panels, samplePanel, ignoredProfiles }
}

/** Every sample on one panel. */
export function assignAll(panel: Panel, samples: Iterable<string>): PanelAssignment {
  const samplePanel = new Map<string, string>()
  for (const s of samples) samplePanel.set(s, panel.id)
  return { panels: new Map([[panel.id, panel]]), samplePanel }
}
