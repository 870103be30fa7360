import { describe, expect, it } from 'vitest'
import { parseClinicalLines } from '../../src/clinical/index.js'
import { InputError } from '../../src/errors.js'
import { encodeCovariates } from '../../src/scan/covariates.js'

const table = (rows: string[]) => parseClinicalLines('clin.tsv', ['sample\tage\tstage\tmets', ...rows]).table

describe('encodeCovariates', () => {
  it('keeps numbers, codes two levels 0/1 and k levels as k−1 indicators against the first', () => {
    const cov = encodeCovariates(table(['A\t50\tI\tyes', 'B\t61.5\tII\tno', 'C\t70\tIII\tyes', 'D\tNA\tI\tno']), ['age', 'stage', 'mets'])
    expect(cov.names).toEqual(['age', 'stage=II', 'stage=III', 'mets=yes'])
    expect([...cov.rows]).toEqual([
      ['A', [50, 0, 0, 1]],
      ['B', [61.5, 1, 0, 0]],
      ['C', [70, 0, 1, 1]],
    ])
    expect(cov.missing).toBe(1)
  })

  it('rejects a numeric value that overflows to Infinity, naming file, line and column', () => {
    const t = table(['A\t50\tI\tyes', 'B\t1e999\tII\tno', 'C\t70\tIII\tyes'])
    const err = (() => {
      try {
        encodeCovariates(t, ['age'])
      } catch (e) {
        return e
      }
      return undefined
    })()
    expect(err).toBeInstanceOf(InputError)
    expect((err as InputError).format()).toBe('clin.tsv:3:2: --covariates: column "age": "1e999" is not a finite number')
  })
})
