/**
 * Test helpers: build a CohortMatrix from a literal description, and a strict XML well-formedness
 * checker (no XML parser is a dependency).
 */
import type { Alteration, CnState, VariantClass } from '../../src/model/alteration.js'
import { isVariantClass } from '../../src/model/alteration.js'
import { ALTERED, NOT_ASSAYED, WILD_TYPE, type AlteredCell, type RecordMatrix } from '../../src/matrix/types.js'
import { MapCells } from '../../src/matrix/cells.js'
import type { ClinicalTable } from '../../src/model/clinical.js'

const CN: Readonly<Record<string, { cls: VariantClass; cn: CnState }>> = {
  amp: { cls: 'Amp', cn: 'amp' },
  gain: { cls: 'Amp', cn: 'gain' },
  shallow_del: { cls: 'Del', cn: 'shallow_del' },
  deep_del: { cls: 'Del', cn: 'deep_del' },
}

/**
 * rows: feature id → sample → cell spec. A spec is 'NA' (not assayed) or ';'-joined events, each
 * `[germline!]Class[@p.X]` where Class is a MAF class, 'Fusion', or a CN state (amp, gain,
 * shallow_del, deep_del). Samples not listed in a row are wild type.
 */
export interface MatrixLiteral {
  readonly samples: readonly string[]
  readonly rows: Readonly<Record<string, Readonly<Record<string, string>>>>
  readonly panelMb?: Readonly<Record<string, number>>
  readonly burden?: Readonly<Record<string, number>>
}

function event(sample: string, gene: string, token: string, line: number): Alteration {
  let t = token
  let origin: Alteration['origin'] = 'somatic'
  if (t.startsWith('germline!')) {
    origin = 'germline'
    t = t.slice('germline!'.length)
  }
  const [cls, protein] = t.split('@') as [string, string | undefined]
  const source = { file: 'literal', line }
  const cn = CN[cls]
  if (cn) return { sample, gene, kind: 'cna', variantClass: cn.cls, cnState: cn.cn, origin, source }
  if (cls === 'Fusion') return { sample, gene, kind: 'fusion', variantClass: 'Fusion', origin, partner: 'ALK', source }
  if (!isVariantClass(cls)) throw new Error(`bad class ${cls}`)
  return { sample, gene, kind: 'snv', variantClass: cls, protein, origin, vaf: 0.25, source }
}

export function buildMatrix(lit: MatrixLiteral): RecordMatrix {
  const samples = [...lit.samples]
  const ids = Object.keys(lit.rows)
  const n = samples.length
  const state = new Uint8Array(ids.length * n).fill(WILD_TYPE)
  const cells = new Map<number, AlteredCell>()
  const burden = new Uint32Array(n)
  let line = 1
  ids.forEach((id, f) => {
    const row = lit.rows[id] ?? {}
    for (const [sample, spec] of Object.entries(row)) {
      const s = samples.indexOf(sample)
      if (s < 0) throw new Error(`unknown sample ${sample}`)
      const i = f * n + s
      if (spec === 'NA') {
        state[i] = NOT_ASSAYED
        continue
      }
      state[i] = ALTERED
      const events = spec.split(';').map((tok) => event(sample, id, tok, line++))
      for (const e of events) if (e.kind === 'snv' || e.kind === 'indel') burden[s] = (burden[s] ?? 0) + 1
      cells.set(i, {
        events,
        classes: [...new Set(events.map((e) => e.variantClass))],
        origins: [...new Set(events.map((e) => e.origin))],
      })
    }
  })
  if (lit.burden) for (const [k, v] of Object.entries(lit.burden)) burden[samples.indexOf(k)] = v
  return {
    samples,
    features: ids.map((id) => ({ id, label: id, type: 'gene' as const, genes: [id] })),
    state,
    cells: new MapCells(cells),
    samplePanel: samples.map(() => undefined),
    panelMb: samples.map((s) => lit.panelMb?.[s]),
    burden,
  }
}

export function clinicalTable(columns: readonly string[], rows: readonly (readonly string[])[], responseColumn?: string): ClinicalTable {
  const map = new Map<string, { sample: string; line: number; values: Map<string, string | undefined> }>()
  rows.forEach((r, i) => {
    const values = new Map<string, string | undefined>()
    columns.forEach((c, j) => values.set(c, r[j] === '' || r[j] === 'NA' ? undefined : r[j]))
    map.set(r[0] ?? '', { sample: r[0] ?? '', line: i + 2, values })
  })
  return { file: 'clinical.tsv', sampleColumn: columns[0] ?? 'sample', responseColumn, columns, rows: map }
}
