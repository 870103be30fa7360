/**
 * The oncoplot's default rows are maftools' top genes: ties in altered samples are broken by the
 * total number of variants (summarizeMaf), not alphabetically. References: scripts/r/oncoplot-top-genes.R.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { memoryIO } from '../../cli/context.js'
import { run } from '../../cli/main.js'
import { topFeatures } from '../../viz/select-features.js'
import { FIXTURES, hasShared, shared, tmpDir } from '../helpers.js'
import { buildMatrix } from './helpers.js'

interface Reference {
  readonly selected: readonly string[]
  readonly rows: readonly string[]
  readonly altered: number
}
const reference = (name: string): Reference => JSON.parse(readFileSync(join(FIXTURES, 'viz', name), 'utf8')) as Reference

async function drawn(args: readonly string[]): Promise<{ rows: string[]; title: string }> {
  const d = tmpDir()
  const io = memoryIO()
  const code = await run(['oncoplot', ...args, '--matrix-out', join(d, 'm.tsv'), '-o', join(d, 'p.svg')], io)
  expect(io.err).toBe('')
  expect(code).toBe(0)
  const rows = readFileSync(join(d, 'm.tsv'), 'utf8').trim().split('\n').slice(1).map((r) => r.split('\t')[0] ?? '')
  const title = /Altered in [^<]*/.exec(readFileSync(join(d, 'p.svg'), 'utf8'))?.[0] ?? ''
  return { rows, title }
}

describe('top-N feature choice', () => {
  it('breaks a tie in altered samples by the number of variants, then by symbol', () => {
    // AAA, BBB and CCC are each altered in 2 samples; CCC has 3 variants, the others 2 each.
    const m = buildMatrix({
      samples: ['s1', 's2', 's3', 's4'],
      rows: {
        AAA: { s1: 'Missense_Mutation', s2: 'Missense_Mutation' },
        BBB: { s1: 'Missense_Mutation', s3: 'Missense_Mutation' },
        CCC: { s2: 'Missense_Mutation', s3: 'Missense_Mutation;Nonsense_Mutation' },
        DDD: { s1: 'Missense_Mutation', s2: 'Missense_Mutation', s4: 'Missense_Mutation' },
      },
    })
    expect(topFeatures(m, 'gene', 2)).toEqual(['DDD', 'CCC'])
    expect(topFeatures(m, 'gene', 4)).toEqual(['DDD', 'CCC', 'AAA', 'BBB'])
    expect(topFeatures(m, 'gene', 0)).toEqual([])
  })

  it('picks maftools\' 20 genes on TCGA LAML, in maftools\' row order', async () => {
    const ref = reference('laml-top20-maftools.json')
    const { rows, title } = await drawn([join(FIXTURES, 'maf', 'tcga_laml.maf.gz'), '--top', '20'])
    expect(rows).toEqual(ref.rows)
    expect([...rows].sort()).toEqual([...ref.selected].sort())
    expect(title).toBe(`Altered in ${ref.altered} of 193 samples (82.4%)`)
  })

  describe.skipIf(!hasShared('riaz2017-nivolumab'))('Riaz 2017 (skipped: ../shared/data/riaz2017-nivolumab absent)', () => {
    const RIAZ = ['riaz2017-nivolumab/pre_therapy_nonsynonmous_mutations.csv.gz', '--columns', 'sample=Patient,gene=Hugo Symbol,class=Variant Classification,protein=HGVS_p,chrom=Chromosome,start=Start,end=End']
    it('picks maftools\' 20 genes in maftools\' order, and the title counts what maftools counts', async () => {
      const ref = reference('riaz-top20-maftools.json')
      const { rows, title } = await drawn([shared(RIAZ[0] as string), ...RIAZ.slice(1), '--top', '20'])
      expect(rows).toEqual(ref.rows)
      expect(title).toBe(`Altered in ${ref.altered} of 68 samples (79.4%)`)
    })
    it('draws named genes without an alteration as wild-type rows', async () => {
      const { rows, title } = await drawn([shared(RIAZ[0] as string), ...RIAZ.slice(1), '--genes', 'BRAF,NRAS,B2M,JAK1'])
      expect(rows).toEqual(['BRAF', 'NRAS', 'B2M', 'JAK1'])
      expect(title).toBe('Altered in 34 of 68 samples (50.0%)')
    })
  })
})
