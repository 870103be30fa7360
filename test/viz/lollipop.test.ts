/**
 * Lollipop plot: residue positions, sites, the transcript rule, the figure (golden SVG, escaping)
 * and the command on TCGA LAML (DNMT3A R882, maftools' example).
 * Regenerate the golden SVG: UPDATE_GOLDEN=1 npx vitest run test/viz/lollipop.test.ts (review the diff).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { memoryIO } from '../../cli/context.js'
import { run } from '../../cli/main.js'
import { lollipopSites, proteinPosition, siteLabel } from '../../src/classify/lollipop.js'
import type { Alteration, VariantClass } from '../../src/model/alteration.js'
import { proteinTranscript, type ProteinTranscript } from '../../src/panels/protein-table.js'
import { layoutLollipop } from '../../viz/lollipop.js'
import { toSvg } from '../../viz/svg.js'
import { FIXTURES, thrownAsync, tmpDir, tmpFile } from '../helpers.js'
import { xmlProblem } from './xml.js'

const ev = (sample: string, protein: string | undefined, variantClass: VariantClass = 'Missense_Mutation', kind: Alteration['kind'] = 'snv'): Alteration => ({
  sample, gene: 'G', kind, variantClass, protein, origin: 'somatic', source: { file: 'x', line: 1 },
})

describe('protein positions', () => {
  it('reads the first residue number of one- and three-letter, indel, frameshift and splice forms', () => {
    expect(proteinPosition('p.R882H')).toBe(882)
    expect(proteinPosition('p.Arg248Gln')).toBe(248)
    expect(proteinPosition('p.(Arg248Gln)')).toBe(248)
    expect(proteinPosition('p.E746_A750del')).toBe(746)
    expect(proteinPosition('p.K120fs*12')).toBe(120)
    expect(proteinPosition('p.X125_splice')).toBe(125)
    expect(proteinPosition('R175H')).toBe(175)
  })
  it('names no position for "p.?", empty or missing changes', () => {
    for (const p of ['p.?', '', 'p.', undefined, 'c.123A>G']) expect(proteinPosition(p)).toBeUndefined()
  })
})

describe('sites', () => {
  it('counts mutations per position, colours by the most frequent class, reports what it leaves out', () => {
    const d = lollipopSites(
      [ev('a', 'p.R10H'), ev('b', 'p.R10C'), ev('b', 'p.R10*', 'Nonsense_Mutation'), ev('c', 'p.?'), ev('d', 'p.Q500*', 'Nonsense_Mutation'), ev('e', 'p.R10H', 'Missense_Mutation', 'cna'), ev('f', 'p.G20fs', 'Frame_Shift_Del', 'indel')],
      100,
    )
    expect(d.sites.map((s) => [s.position, s.count, s.samples, s.mainClass])).toEqual([
      [10, 3, 2, 'Missense_Mutation'],
      [20, 1, 1, 'Frame_Shift_Del'],
    ])
    expect([d.drawn, d.unplaced, d.beyond, d.samples]).toEqual([4, 1, 1, 3])
    expect(siteLabel(d.sites[0] as (typeof d.sites)[number])).toBe('R10*/C/H')
  })
  it('splits by side and counts samples outside both groups', () => {
    const side = (s: string) => (s === 'a' ? 'above' : s === 'b' ? 'below' : undefined)
    const d = lollipopSites([ev('a', 'p.R10H'), ev('b', 'p.R10H'), ev('c', 'p.R10H')], 100, side)
    expect(d.sites.map((s) => [s.position, s.side, s.count])).toEqual([
      [10, 'above', 1],
      [10, 'below', 1],
    ])
    expect(d.ungrouped).toBe(1)
  })
})

describe('transcript choice', () => {
  it('takes the longest annotated RefSeq protein, ties first in the domain table (DNMT3A: NP_072046, as maftools)', async () => {
    const t = await proteinTranscript('DNMT3A')
    expect([t.refseq, t.protein, t.length]).toEqual(['NM_022552', 'NP_072046', 912])
    expect(t.domains.map((d) => [d.label, d.start, d.end])).toContainEqual(['ADDz_Dnmt3a', 478, 614])
  })
  it('takes a transcript by NM_ or NP_ id, and refuses one of another gene', async () => {
    expect((await proteinTranscript('DNMT3A', { refseq: 'NP_715640' })).length).toBe(723)
    expect((await proteinTranscript('DNMT3A', { refseq: 'NM_153759.2' })).protein).toBe('NP_715640')
    expect((await thrownAsync(() => proteinTranscript('DNMT3A', { refseq: 'NM_000546' }))).message).toMatch(/is not a transcript of DNMT3A/)
    expect((await thrownAsync(() => proteinTranscript('NOTAGENE1'))).message).toMatch(/no RefSeq protein for gene "NOTAGENE1"/)
  })
})

describe('figure', () => {
  const t: ProteinTranscript = { gene: 'TP53', refseq: 'NM_X', protein: 'NP_X', length: 393, rule: 'test', domains: [{ start: 109, end: 288, label: 'P53 DNA-binding' }, { start: 319, end: 359, label: 'P53_tetramer' }] }
  const data = lollipopSites([ev('a', 'p.R175H'), ev('b', 'p.R175H'), ev('c', 'p.R248Q'), ev('d', 'p.R273C'), ev('e', 'p.E11fs', 'Frame_Shift_Del', 'indel')], 393, (s) => (s === 'c' ? 'below' : 'above'))
  const svg = toSvg(layoutLollipop(t, data, { sides: { above: 'Responders', below: 'Non-responders' }, hotspots: [{ position: 175, label: 'rule-x' }], notes: ['5 mutations'] }))
  it('matches the stored SVG after number normalisation', () => {
    const GOLDEN = new URL('../fixtures/viz/golden-lollipop.svg', import.meta.url)
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(GOLDEN)) writeFileSync(GOLDEN, svg)
    const norm = (s: string) => s.replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10))
    expect(xmlProblem(svg)).toBeUndefined()
    expect(norm(svg)).toBe(norm(readFileSync(GOLDEN, 'utf8')))
  })
  it('labels the recurrent site, draws both sides, the hotspot and the legend', () => {
    expect(svg).toContain('>R175H</text>')
    expect(svg).toContain('data-side="below"')
    expect(svg).toContain('data-positions="175"')
    expect(svg).toContain('>hotspot (rule-x)</text>')
    expect(svg).toContain('>Missense Mutation</text>')
  })
  it('escapes protein changes and group names from the data', () => {
    const hostile = lollipopSites([ev('a', 'p.R175<script>&"'), ev('b', 'p.R175<script>&"')], 393)
    const s = toSvg(layoutLollipop(t, hostile, { sides: { above: '<b>x</b>', below: 'y&z' } }))
    expect(xmlProblem(s)).toBeUndefined()
    expect(s).not.toContain('<script>')
    expect(s).not.toContain('<b>')
  })
  it('writes the same bytes twice', () => {
    expect(toSvg(layoutLollipop(t, data))).toBe(toSvg(layoutLollipop(t, data)))
  })
})

describe('lollipop command', () => {
  const LAML = join(FIXTURES, 'maf', 'tcga_laml.maf.gz')
  it('draws DNMT3A on TCGA LAML with R882 as the most recurrent position (27 of 51 drawn)', async () => {
    const d = tmpDir()
    const io = memoryIO()
    expect(await run(['lollipop', 'DNMT3A', LAML, '--sites-out', join(d, 's.tsv'), '-o', join(d, 'd.svg')], io)).toBe(0)
    expect(io.err).toContain('51 mutations in 47 samples drawn; not drawn: 3 without a protein position')
    const rows = readFileSync(join(d, 's.tsv'), 'utf8').trim().split('\n').slice(2).map((l) => l.split('\t'))
    const top = [...rows].sort((a, b) => Number(b[2]) - Number(a[2]))[0]
    expect(top?.slice(0, 5)).toEqual(['882', 'above', '27', '27', 'R882H:19,R882C:7,R882P:1'])
    const svg = readFileSync(join(d, 'd.svg'), 'utf8')
    expect(xmlProblem(svg)).toBeUndefined()
    expect(svg).toContain('DNMT3A — NP_072046 (NM_022552), 912 aa')
    expect(svg).toContain('>R882C/H/P</text>')
  })
  it('marks the hotspots of a rules file whose other rules name a pathway (tdxd-her2low: PAM_pathway → PI3K)', async () => {
    // The rules were once compiled a second time without the pathway table: exit 1, 'unknown pathway "PI3K"'.
    const d = tmpDir()
    const io = memoryIO()
    expect(await run(['lollipop', 'PIK3CA', '--manifest', join(FIXTURES, '..', '..', 'demo', 'manifest.tsv'), '--rules', 'tdxd-her2low', '-o', join(d, 'p.svg')], io)).toBe(0)
    const svg = readFileSync(join(d, 'p.svg'), 'utf8')
    expect(xmlProblem(svg)).toBeUndefined()
    expect(svg).toContain('PIK3CA_hotspot')
  })
  it('splits by best response and refuses a column with more than two values', async () => {
    const clin = tmpFile('c.tsv', 'Tumor_Sample_Barcode\tbor\tsite\nTCGA-AB-2802\tPR\tx\nTCGA-AB-2803\tPD\ty\nTCGA-AB-2805\tSD\tz\n')
    const d = tmpDir()
    const io = memoryIO()
    expect(await run(['lollipop', 'DNMT3A', LAML, '--clinical', clin, '--split-by', 'bor', '-o', join(d, 'a.svg')], io)).toBe(0)
    expect(io.err).toContain('split by bor read as: PD (RECIST) ×1; PR (RECIST) ×1; SD (RECIST) ×1; CR/PR above, SD/PD below, NE and missing left out')
    expect(io.err).toContain('not drawn: 53 from samples outside the two groups')
    const bad = memoryIO()
    expect(await run(['lollipop', 'DNMT3A', LAML, '--clinical', clin, '--split-by', 'site', '-o', join(d, 'b.svg')], bad)).toBe(1)
    expect(bad.err).toMatch(/need exactly two values, found 3/)
    expect(existsSync(join(d, 'b.svg'))).toBe(false)
  })
})
