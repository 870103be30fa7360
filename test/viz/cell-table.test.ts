import { describe, expect, it } from 'vitest'
import { CellStore } from '../../src/matrix/cell-store.js'
import { countedClasses } from '../../src/classify/classes.js'
import { buildMatrix as buildRecordMatrix } from '../../src/matrix/build.js'
import { ALTERED, WILD_TYPE, type RecordMatrix } from '../../src/matrix/types.js'
import { MapCells } from '../../src/matrix/cells.js'
import type { Alteration } from '../../src/model/alteration.js'
import { forEachAlteredCell, type AlteredCellView } from '../../viz/cell-events.js'
import { buildCellTable } from '../../viz/cell-table.js'
import { makePalette } from '../../viz/glyphs.js'
import { layoutOncoplot } from '../../viz/layout.js'
import { toSvg } from '../../viz/svg.js'
import { small } from './fixture-small.js'
import { buildMatrix } from './helpers.js'

const maftools = makePalette('maftools')
const rowsOf = (m: RecordMatrix): number[] => m.features.map((_, i) => i)

/** The small fixture's events through the classify stage: cells live in a CellStore. */
function storeBacked(): RecordMatrix {
  const events: Alteration[] = []
  for (const cell of small.cells.values()) events.push(...cell.events)
  const classes = [...new Set(events.map((e) => e.variantClass))]
  const m = buildRecordMatrix(events, { samples: small.samples, classes: countedClasses({ classes }) })
  // One ALTERED cell the store has no record for: it must draw as Unknown on both paths.
  const state = Uint8Array.from(m.state)
  const empty = state.indexOf(WILD_TYPE)
  state[empty] = ALTERED
  return { ...m, state }
}

describe('cell table', () => {
  const stored = storeBacked()
  const plain: RecordMatrix = { ...stored, cells: new MapCells(new Map(stored.cells)) }

  it('walks a CellStore row by row with the same cells and events as asking cell by cell', () => {
    expect(stored.cells).toBeInstanceOf(CellStore)
    const n = stored.samples.length
    const seen = (c: AlteredCellView) => [c.s, Array.from({ length: c.n }, (_, k) => c.code(k)), Array.from({ length: c.n }, (_, k) => c.record(k)).map((e) => `${e.variantClass}:${e.origin}:${e.source.line}`)]
    for (const f of rowsOf(stored)) {
      const a: unknown[] = []
      const b: unknown[] = []
      forEachAlteredCell(stored, f, (c) => a.push(seen(c)))
      forEachAlteredCell(plain, f, (c) => b.push(seen(c)))
      expect(a).toEqual(b)
      const altered = [...stored.state.subarray(f * n, f * n + n)].flatMap((v, s) => (v === ALTERED ? [s] : []))
      expect(a.map((x) => (x as [number])[0])).toEqual(altered)
    }
    const t = buildCellTable(stored, rowsOf(stored), maftools)
    expect(t.sigs.map((g) => g.label)).toContain('Unknown')
    expect(toSvg(layoutOncoplot(stored, { removeUnaltered: false }))).toBe(toSvg(layoutOncoplot(plain, { removeUnaltered: false })))
  })

  it('interns by the multiset of event kinds: order does not matter, counts do', () => {
    const m = buildMatrix({
      samples: ['A', 'B', 'C', 'D', 'E'],
      rows: {
        G: { A: 'Missense_Mutation;Nonsense_Mutation', B: 'Nonsense_Mutation;Missense_Mutation', C: 'Missense_Mutation;Missense_Mutation', D: 'germline!Missense_Mutation', E: 'Missense_Mutation' },
      },
    })
    const t = buildCellTable(m, [0], maftools)
    const [a, b, c, d, e] = Array.from(t.sig)
    expect(a).toBe(b)
    expect(new Set([a, c, d, e]).size).toBe(4)
    const at = (id: number | undefined) => ({ glyphs: t.sigs[(id ?? 0) - 1], events: t.sigEvents[(id ?? 0) - 1] })
    // Both Multi_Hit cells draw alike (and share the glyph object) but count different events.
    expect(at(a).glyphs).toBe(at(c).glyphs)
    expect(at(a).events).toEqual([
      ['mut:Missense_Mutation', 1],
      ['mut:Nonsense_Mutation', 1],
    ])
    expect(at(c).events).toEqual([['mut:Missense_Mutation', 2]])
    expect(at(d).glyphs?.keys).toEqual(['mut:Missense_Mutation', 'germline'])
    expect(at(e).glyphs?.keys).toEqual(['mut:Missense_Mutation'])
    expect(t.altered).toBe(5)
  })

  it('gives the same top bar from signatures as from counting every event once per sample', () => {
    // Relabelled as rules, the rows take the per-event path (rows could share events); here they
    // share none, so both paths must draw the same bars.
    const asRules: RecordMatrix = { ...small, features: small.features.map((f) => ({ ...f, type: 'rule' as const })) }
    for (const palette of ['maftools', 'cbioportal'] as const) {
      const top = (m: RecordMatrix) => layoutOncoplot(m, { removeUnaltered: false, palette }).groups.find((g) => g.id === 'top-bar')
      const bars = top(small)
      expect(bars?.shapes.filter((s) => s.kind === 'rects').length).toBeGreaterThan(3)
      expect(top(asRules)).toEqual(bars)
    }
  })
})

describe('top bar over rows that share events', () => {
  it('counts an event once when two shown pathways hold its gene (CellStore rebuilds records per read)', () => {
    const e = (sample: string, gene: string, variantClass: Alteration['variantClass'], line: number): Alteration => ({ sample, gene, kind: 'snv', variantClass, origin: 'somatic', source: { file: 't.maf', line } })
    const m = buildRecordMatrix([e('A', 'G', 'Missense_Mutation', 1), e('B', 'H', 'Missense_Mutation', 2), e('B', 'K', 'Nonsense_Mutation', 3)], {
      samples: ['A', 'B'],
      pathways: [
        { id: 'P1', label: 'P1', genes: ['G', 'H'] },
        { id: 'P2', label: 'P2', genes: ['G', 'K'] },
      ],
    })
    expect(m.cells).toBeInstanceOf(CellStore)
    const scene = layoutOncoplot(m, { features: ['P1', 'P2'], palette: 'maftools' })
    const bars = scene.groups.find((g) => g.id === 'top-bar')?.shapes.filter((s) => s.kind === 'rects') ?? []
    const fills = makePalette('maftools').glyphs
    const heights = (key: string) => {
      const r = bars.find((s) => s.kind === 'rects' && s.fill === fills.get(key)?.fill)
      return r?.kind === 'rects' ? r.rects.filter((_, i) => i % 4 === 3) : []
    }
    // A: one Missense (in both pathways) → 1 event; B: Missense + Nonsense → 2; the tallest column is 2.
    expect(heights('mut:Missense_Mutation')).toEqual([30, 30])
    expect(heights('mut:Nonsense_Mutation')).toEqual([30])
  })
})
