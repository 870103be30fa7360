/**
 * Untrusted text from input files (sample IDs, gene names, protein changes, clinical values) and
 * from the command line (title) reaches SVG and HTML only escaped: every SVG is well-formed XML,
 * no hostile string appears raw, and the HTML report loads nothing from the network.
 */
import { describe, expect, it } from 'vitest'
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { run } from '../../cli/main.js'
import { memoryIO } from '../../cli/context.js'
import { tmpDir } from '../helpers.js'
import { xmlProblem } from '../viz/xml.js'

const SCRIPT = '<script>alert(1)</script>'
const HOSTILE_SAMPLES = [SCRIPT, 'A&B', `q"uote'd`, 'cdata]]>end', 'rtl\u202Eevil', 'L'.repeat(5000), '<img src=x onerror=alert(2)>']
const HOSTILE_GENE = 'G<b>&amp;"x\''
const RAW_FORBIDDEN = [SCRIPT, '<img src=x', HOSTILE_GENE, '<b>&amp;', 'cdata]]>end', 'A&B', `q"uote'd`]

function cohort(dir: string): { maf: string; clinical: string } {
  const header = ['Hugo_Symbol', 'Chromosome', 'Start_Position', 'End_Position', 'Reference_Allele', 'Tumor_Seq_Allele2', 'Variant_Classification', 'Variant_Type', 'Tumor_Sample_Barcode', 'HGVSp_Short']
  const rows: string[][] = []
  HOSTILE_SAMPLES.forEach((s, i) => {
    rows.push(['TP53', '17', String(7675000 + i), String(7675000 + i), 'C', 'T', 'Missense_Mutation', 'SNP', s, `p.R${175 + i}H<script>`])
    if (i % 2 === 0) rows.push([HOSTILE_GENE, '3', String(179234297 + i), String(179234297 + i), 'A', 'G', 'Nonsense_Mutation', 'SNP', s, 'p.<i>x</i>'])
  })
  const maf = join(dir, 'hostile.maf')
  writeFileSync(maf, [header, ...rows].map((r) => r.join('\t')).join('\n') + '\n')
  const clin = [['sample', 'best_response', 'pfs_months', 'pfs_event', 'arm'], ...HOSTILE_SAMPLES.map((s, i) => [s, ['PR', 'PD', 'SD', 'CR'][i % 4] as string, String(2 + i), String(i % 2), i % 2 ? SCRIPT : 'arm&"B"'])]
  const clinical = join(dir, 'clinical.tsv')
  writeFileSync(clinical, clin.map((r) => r.join('\t')).join('\n') + '\n')
  return { maf, clinical }
}

function expectNoRaw(text: string, where: string): void {
  for (const s of RAW_FORBIDDEN) expect(text.includes(s), `${where} contains raw ${JSON.stringify(s.slice(0, 40))}`).toBe(false)
}

describe('untrusted names are escaped in every picture and page', () => {
  it('oncoplot SVG (and the matrix TSV) from hostile sample, gene, protein and clinical values', async () => {
    const dir = tmpDir()
    const { maf, clinical } = cohort(dir)
    const svg = join(dir, 'plot.svg')
    const io = memoryIO()
    const tsv = join(dir, 'matrix.tsv')
    const code = await run(['oncoplot', maf, '--clinical', clinical, '--tracks', 'best_response,arm', '--title', `T ${SCRIPT} & ]]>`, '--matrix-out', tsv, '-o', svg], io)
    expect(code).toBe(0)
    // stderr carries only how the clinical table was read (sample column, the response track's reading).
    expect(io.err.split('\n').filter((l) => l !== '' && !/^biomarkit: (sample IDs|track best_response read as): /.test(l))).toEqual([])
    const text = readFileSync(svg, 'utf8')
    expect(xmlProblem(text)).toBeUndefined()
    expectNoRaw(text, 'oncoplot SVG')
    expect(text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    // The TSV is data, not markup: names are kept verbatim, and every row has the header's width.
    const rows = readFileSync(tsv, 'utf8').replace(/\n$/, '').split('\n').map((l) => l.split('\t'))
    expect(rows[0]).toContain(SCRIPT)
    expect(new Set(rows.map((r) => r.length)).size).toBe(1)
    // The SVG is deterministic: a second run writes the same bytes.
    const svg2 = join(dir, 'plot2.svg')
    expect(await run(['oncoplot', maf, '--clinical', clinical, '--tracks', 'best_response,arm', '--title', `T ${SCRIPT} & ]]>`, '-o', svg2], memoryIO())).toBe(0)
    expect(readFileSync(svg2, 'utf8')).toBe(text)
  })

  it('HTML report: hostile text escaped, embedded SVGs well-formed, no network resources', async () => {
    const dir = tmpDir()
    const { maf, clinical } = cohort(dir)
    const out = join(dir, 'report.html')
    const io = memoryIO()
    const code = await run(['report', maf, '--clinical', clinical, '--endpoints', 'orr,pfs', '--min-altered', '1', '--tracks', 'best_response,arm', '--title', `R ${SCRIPT} & ]]>`, '-o', out], io)
    expect({ code, err: io.err }).toEqual({ code: 0, err: '' })
    expect(readdirSync(dir).sort()).toEqual(['clinical.tsv', 'hostile.maf', 'report.html'])
    const html = readFileSync(out, 'utf8')
    expectNoRaw(html, 'report HTML')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    // Every <script> the report opens is one it wrote: a name cannot close or open one.
    expect((html.match(/<\/script/gi) ?? []).length).toBe((html.match(/<script/gi) ?? []).length)
    expect(html).not.toMatch(/alert\(1\)<\/script>/)
    // Self-contained: nothing fetched from the network.
    expect(html).not.toMatch(/\b(?:src|srcset|data|poster|action)\s*=\s*["']?\s*(?:https?:)?\/\//i)
    expect(html).not.toMatch(/<link\b[^>]*\bhref\s*=\s*["']?\s*(?:https?:)?\/\//i)
    expect(html).not.toMatch(/url\(\s*["']?\s*(?:https?:)?\/\//i)
    expect(html).not.toMatch(/@import/i)
    expect(html).not.toMatch(/\bfetch\(|XMLHttpRequest|new WebSocket/)
    const svgs = html.match(/<svg\b[\s\S]*?<\/svg>/g) ?? []
    expect(svgs.length).toBeGreaterThan(0)
    for (const s of svgs) expect(xmlProblem(s), s.slice(0, 200)).toBeUndefined()
  })
})
