/**
 * JSON data files (panels, pathway sets, alias tables, rules, the oncoplot theme) are read through
 * the line source: a byte that is not UTF-8 is an error naming file, line and column, never a
 * silent U+FFFD in a gene symbol, a rule name or a font.
 */
import { describe, expect, it } from 'vitest'
import { memoryIO } from '../../cli/context.js'
import { run } from '../../cli/main.js'
import { loadRules } from '../../src/classify/rules.js'
import { loadAliases } from '../../src/panels/aliases.js'
import { loadPanel } from '../../src/panels/load.js'
import { loadPathwaySet } from '../../src/panels/pathways.js'
import { readTheme } from '../../viz/theme.js'
import { FIXTURES, thrownAsync, tmpFile } from '../helpers.js'
import { join } from 'node:path'

const PANEL = ['{', '  "id": "mini",', '  "version": "1",', '  "name": "Mini panel",', '  "citation": "c",', '  "defaultAssay": { "mutations": "exons", "copyNumber": true, "fusions": false },', '  "genes": ["TP53", "KRAS"]', '}']
const PATHWAYS = ['{', '  "id": "mini",', '  "name": "Mini set",', '  "citation": "c",', '  "pathways": [{ "id": "RTK-RAS", "label": "RTK/RAS signalling", "genes": ["KRAS", "NRAS"] }]', '}']
const ALIASES = ['{', '  "citation": "c",', '  "aliases": [{ "from": "MLL3", "to": "KMT2C", "note": "HGNC previous symbol" }]', '}']
const RULES = ['{', '  "id": "r",', '  "name": "r",', '  "citation": "c",', '  "rules": [{ "id": "tp53", "label": "TP53 mutated", "gene": "TP53", "classes": ["Missense_Mutation"] }]', '}']
const THEME = ['{', '  "fontFamily": "Helvetica",', '  "wildType": "#eeeeee"', '}']

/**
 * The lines joined by `eol`, with the byte 0xE9 (Latin-1 é) put in place of the first `target`
 * character on line `line`: returns the bytes and that character's 1-based column.
 */
function latin1(lines: readonly string[], line: number, target: string, eol = '\n'): { bytes: Buffer; column: number } {
  const text = lines[line - 1] as string
  const at = text.indexOf(target)
  if (at < 0) throw new Error(`no ${target} on line ${line}`)
  const before = [...lines.slice(0, line - 1), text.slice(0, at)].join(eol)
  const after = [text.slice(at + target.length), ...lines.slice(line)].join(eol)
  return { bytes: Buffer.concat([Buffer.from(before), Buffer.from([0xe9]), Buffer.from(`${after}${eol}`)]), column: at + 1 }
}

const readers: [string, readonly string[], number, string, (p: string) => Promise<unknown>][] = [
  ['panel', PANEL, 4, 'Mini', loadPanel],
  ['pathway set', PATHWAYS, 5, 'signalling', loadPathwaySet],
  ['alias table', ALIASES, 3, 'previous', loadAliases],
  ['rules', RULES, 5, 'TP53 mutated', loadRules],
  ['theme', THEME, 2, 'Helvetica', readTheme],
]

describe('JSON data files: invalid UTF-8', () => {
  for (const [what, lines, line, target, read] of readers) {
    it(`a ${what} file: names file, line and column (LF, CRLF, gzip)`, async () => {
      for (const [eol, gzip] of [
        ['\n', false],
        ['\r\n', false],
        ['\n', true],
      ] as const) {
        const { bytes, column } = latin1(lines, line, target, eol)
        const p = tmpFile(`${what}.json`, bytes, { gzip })
        const e = await thrownAsync(() => read(p))
        expect({ code: e.code, file: e.file, line: e.line, column: e.column }).toEqual({ code: 'ENCODING', file: p, line, column })
      }
    })

    it(`a ${what} file with valid UTF-8 (a BOM, a β) still reads`, async () => {
      const text = lines.map((l, i) => (i + 1 === line ? l.replace(target, `${target}β`) : l)).join('\n')
      await expect(read(tmpFile(`${what}.json`, `\uFEFF${text}\n`))).resolves.toBeDefined()
    })
  }

  it('the CLI exits 1 with file:line:column for a --panel, --rules or --pathways file with a Latin-1 byte', async () => {
    const maf = join(FIXTURES, 'maf', 'tcga_laml.maf.gz')
    const cases: [string, readonly string[], number, string][] = [
      ['--panel', PANEL, 4, 'Mini'],
      ['--rules', RULES, 5, 'TP53 mutated'],
      ['--pathways', PATHWAYS, 5, 'signalling'],
    ]
    for (const [option, lines, line, target] of cases) {
      const { bytes, column } = latin1(lines, line, target)
      const p = tmpFile('data.json', bytes)
      const io = memoryIO()
      expect(await run(['summary', maf, option, p], io)).toBe(1)
      expect(io.err).toBe(`biomarkit: ${p}:${line}:${column}: invalid UTF-8 byte sequence\n  hint: re-save the file as UTF-8 (e.g. iconv -f latin1 -t utf-8)\n`)
    }
  })
})
