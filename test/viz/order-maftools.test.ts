/**
 * Reproduces maftools' oncoplot order on TCGA LAML: test/fixtures/viz/laml-memo-sort.tsv was made by
 * laml-memo-sort.R (maftools' createOncoMatrix sort recomputed in base R; see PROVENANCE.md).
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { orderMatrix } from '../../viz/order.js'
import { buildMatrix } from './helpers.js'

const text = readFileSync(new URL('../fixtures/viz/laml-memo-sort.tsv', import.meta.url), 'utf8')
const fields = text.split('\n').filter((l) => l !== '' && !l.startsWith('#')).map((l) => l.split('\t'))
const rows = fields.find((f) => f[0] === 'rows')?.[1]?.split(',') ?? []
const columns = fields.find((f) => f[0] === 'columns')?.[1]?.split(',') ?? []
const altered = new Map(fields.filter((f) => f[0] === 'altered').map((f) => [f[1] ?? '', (f[2] ?? '').split(',')]))

describe('maftools oncoplot order, TCGA LAML (R reference)', () => {
  // Give the builder the features and samples in scrambled order, plus unaltered samples.
  const samples = [...columns].reverse().concat(['TCGA-AB-0000', 'TCGA-AB-9999'])
  const lit: Record<string, Record<string, string>> = {}
  for (const g of [...rows].sort().reverse()) lit[g] = Object.fromEntries((altered.get(g) ?? []).map((s) => [s, 'Missense_Mutation']))
  const m = buildMatrix({ samples: [...samples].sort(), rows: lit })

  it('has the reference data', () => {
    expect(rows).toHaveLength(20)
    expect(columns).toHaveLength(159)
  })
  it('reproduces the row order and the column order exactly', () => {
    const o = orderMatrix(m, { top: 20 })
    expect(o.rows.map((r) => m.features[r]?.id)).toEqual(rows)
    expect(o.columns.map((c) => m.samples[c])).toEqual(columns)
  })
})
