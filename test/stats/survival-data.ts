/** The survival datasets written by scripts/r/make-reference.R (test/fixtures/r/survival-data.tsv). */
import { num, readReference } from './reference.js'

export interface Dataset {
  readonly name: string
  readonly time: number[]
  readonly event: (0 | 1)[]
  readonly group: string[]
  readonly x1: number[]
  readonly x2: number[]
}

export function survivalDatasets(): Map<string, Dataset> {
  const out = new Map<string, Dataset>()
  for (const r of readReference('survival-data.tsv')) {
    const name = r.dataset ?? ''
    let d = out.get(name)
    if (!d) {
      d = { name, time: [], event: [], group: [], x1: [], x2: [] }
      out.set(name, d)
    }
    d.time.push(num(r, 'time'))
    d.event.push(num(r, 'event') === 1 ? 1 : 0)
    d.group.push(r.group ?? '')
    d.x1.push(num(r, 'x1'))
    d.x2.push(num(r, 'x2'))
  }
  return out
}
