// Issue #18 item 4: on Riaz 2017, Fisher calls 161 of the 300 top-25 pairs (maftools' top 25) significant because a
// few hypermutated samples make every pair "co-occur"; `interactions` now reports DISCOVER beside
// Fisher and says when burden varies enough to matter. Read from ../shared (skipped when absent).
import { describe, expect, it } from 'vitest'
import { memoryIO } from '../../cli/context.js'
import { run } from '../../cli/main.js'
import { hasShared, shared } from '../helpers.js'

const RIAZ = 'riaz2017-nivolumab/pre_therapy_nonsynonmous_mutations.csv.gz'
const COLUMNS = 'sample=Patient,gene=Hugo Symbol,class=Variant Classification,protein=HGVS_p,chrom=Chromosome,start=Start,end=End'

describe.skipIf(!hasShared(RIAZ))('interactions on Riaz 2017: DISCOVER beside Fisher', () => {
  it('keeps Fisher as it was and shows that burden, not co-occurrence, drives its 161 calls', async () => {
    const io = memoryIO()
    expect(await run(['interactions', shared(RIAZ), '--columns', COLUMNS, '--top', '25', '--format', 'json'], io), io.err).toBe(0)
    const j = JSON.parse(io.out) as { rows: { q: number; discoverQ: number; discoverP: number }[]; discover: { note: string; fisherOnly: number } }
    expect(j.rows).toHaveLength(300)
    expect(j.rows.filter((r) => r.q < 0.05)).toHaveLength(161)
    expect(j.discover.fisherOnly).toBeGreaterThan(100)
    expect(j.discover.note).toMatch(/uneven enough to make unrelated genes "co-occur" under Fisher/)
    for (const r of j.rows) expect(r.discoverP).toBeGreaterThanOrEqual(0)
  }, 120_000)
})
