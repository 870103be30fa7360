/** Structure of the demo VCFs, checked line by line without the generator's code. */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEMO } from './files.js'

describe('demo VCFs are well-formed', () => {
  const files = readdirSync(join(DEMO, 'vcf')).filter((f) => f.endsWith('.vcf')).sort()
  it.each(files)('%s: 25-field CSQ entries with one PICK, consistent AD/AF/DP, anchored indels, sorted', (f) => {
    const lines = readFileSync(join(DEMO, 'vcf', f), 'utf8').split('\n').filter((l) => l !== '')
    expect(lines[0]).toBe('##fileformat=VCFv4.2')
    expect(lines).toContain('##VEP="v110" API="v110" cache="homo_sapiens/110_GRCh38" assembly="GRCh38"')
    const contigs = lines.filter((l) => l.startsWith('##contig=')).map((l) => /ID=([^,>]+)/.exec(l)?.[1] ?? '')
    const chrom = lines.find((l) => l.startsWith('#CHROM'))?.split('\t') ?? []
    let last: [number, number] = [-1, 0]
    for (const l of lines.filter((x) => !x.startsWith('#'))) {
      const [c = '', pos = '', , ref = '', alt = '', , , info = '', format = '', ...samples] = l.split('\t')
      expect(samples.length).toBe(chrom.length - 9)
      const key: [number, number] = [contigs.indexOf(c), Number(pos)]
      expect(key[0], `${f}: ${c} has a ##contig line`).toBeGreaterThanOrEqual(0)
      expect(key[0] > last[0] || (key[0] === last[0] && key[1] > last[1]), `${f}: sorted at ${c}:${pos}`).toBe(true)
      last = key
      if (ref.length !== alt.length) expect(ref[0], `${f}: indel at ${pos} keeps its anchor base`).toBe(alt[0])
      const csq = /CSQ=([^;]+)/.exec(info)?.[1] ?? ''
      const entries = csq.split(',').map((e) => e.split('|'))
      for (const e of entries) expect(e).toHaveLength(25)
      expect(entries.filter((e) => e[24] === '1')).toHaveLength(1)
      expect(entries.filter((e) => e[23] === 'YES')).toHaveLength(1)
      const keys = format.split(':')
      for (const sample of samples) {
        const v: Record<string, string> = Object.fromEntries(sample.split(':').map((x, i) => [keys[i] ?? '', x]))
        const [refN, altN] = (v['AD'] ?? '').split(',').map(Number)
        expect((refN ?? 0) + (altN ?? 0)).toBe(Number(v['DP']))
      }
      // The tumour column's AF is its alt fraction (Mutect2's AF is an estimate; here it is exact).
      const tumor = samples.at(-1)?.split(':') ?? []
      if (keys.includes('AF')) {
        const [refT, altT] = (tumor[keys.indexOf('AD')] ?? '').split(',').map(Number)
        expect(Number(tumor[keys.indexOf('AF')])).toBeCloseTo((altT ?? 0) / ((refT ?? 0) + (altT ?? 0)), 3)
      }
    }
  })
})
