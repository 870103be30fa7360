/**
 * TCGA LAML (maftools example, MIT; test/fixtures/maf/tcga_laml.maf.gz) against maftools'
 * gene summary, recomputed in R by test/fixtures/panels/laml-gene-summary.R (exact integers).
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { readMaf } from '../../src/maf/index.js'
import { buildMatrix, type BuiltMatrix } from '../../src/matrix/build.js'
import { geneSummary, featureSummary, sampleSummary } from '../../src/matrix/summary.js'
import { featureCounts } from '../../src/matrix/types.js'

const MAF = fileURLToPath(new URL('../fixtures/maf/tcga_laml.maf.gz', import.meta.url))
const REF = fileURLToPath(new URL('../fixtures/panels/laml-gene-summary.tsv', import.meta.url))

let m: BuiltMatrix
beforeAll(async () => {
  const maf = await readMaf(MAF)
  m = buildMatrix(maf.alterations, { samples: maf.samples })
})

describe('TCGA LAML gene summary vs maftools (R reference)', () => {
  it('193 samples; FLT3 52, DNMT3A 48, NPM1 33 altered over the default nine classes', () => {
    expect(m.samples).toHaveLength(193)
    const count = (g: string) => featureCounts(m, m.features.findIndex((f) => f.id === g))
    expect(count('FLT3')).toEqual({ altered: 52, assayed: 193, notAssayed: 0 })
    expect(count('DNMT3A').altered).toBe(48)
    expect(count('NPM1').altered).toBe(33)
  })

  it('every gene row (order, class counts, total, MutatedSamples, AlteredSamples) equals the reference', () => {
    const lines = readFileSync(REF, 'utf8').split('\n').filter((l) => l !== '' && !l.startsWith('#'))
    const header = (lines[0] as string).split('\t')
    const classes = header.slice(1, -3)
    const expected = lines.slice(1).map((l) => l.split('\t'))
    const got = geneSummary(m)
    expect(got.map((r) => r.gene)).toEqual(expected.map((r) => r[0]))
    got.forEach((r, i) => {
      const e = expected[i] as string[]
      const row = [r.gene, ...classes.map((c) => String(r.classCounts[c as keyof typeof r.classCounts] ?? 0)), r.total, r.mutatedSamples, r.alteredSamples].map(String)
      expect(row, `row ${i + 1}`).toEqual(e)
    })
  })

  it('one sample has only silent events and is wild-type everywhere, not missing', () => {
    const rows = sampleSummary(m)
    const silentOnly = rows.filter((r) => r.alteredGenes === 0)
    expect(silentOnly).toHaveLength(1)
    expect(silentOnly[0]?.notAssayedGenes).toBe(0)
    expect(featureSummary(m).every((f) => f.notAssayed === 0 && (f.fraction ?? 0) <= 1)).toBe(true)
  })
})
