/**
 * The stage order is enforced by lint (eslint.config.js + eslint.stages.js): these tests prove the
 * rules fire, on a throw-away tree written to a temporary folder, and that the repository's own
 * config turns them on for src/, cli/ and viz/.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { ESLint, type Linter } from 'eslint'
import { importX } from 'eslint-plugin-import-x'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'
import tseslint from 'typescript-eslint'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { STAGES, importSettings, stageRules } from '../../eslint.stages.js'
import { ROOT } from '../helpers.js'

const FILES: Record<string, string> = {
  'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true }, include: ['src', 'viz', 'cli'] }),
  // An upward import: io (stage 1) reading classify (a later stage).
  'src/io/reads-later.ts': "import { rule } from '../classify/rule.js'\nexport const x = rule + 1\n",
  'src/classify/rule.ts': "import { line } from '../io/line.js'\nexport const rule = line\n",
  // A downward import: allowed.
  'src/io/line.ts': 'export const line = 1\n',
  // Two formats (one stage) may not import each other.
  'src/maf/columns.ts': "import { term } from '../vcf/term.js'\nexport const col = term\n",
  'src/vcf/term.ts': 'export const term = 2\n',
  // A cycle inside one folder.
  'src/model/a.ts': "import { b } from './b.js'\nexport const a = () => b()\n",
  'src/model/b.ts': "import { a } from './a.js'\nexport const b = (): number => (a as unknown as number)\n",
  // viz holds viz/report, a later stage: a plot may not import the report; the report may import viz.
  'viz/plot.ts': "import { page } from './report/page.js'\nexport const plot = page\n",
  'viz/report/page.ts': "import { width } from '../width.js'\nexport const page = width\n",
  'viz/width.ts': 'export const width = 3\n',
  // scale holds scale/read, an earlier stage: the reader may not import scale's own files, which may import it.
  'src/scale/read/split.ts': "import { half } from './half.js'\nimport { merge } from '../merge.js'\nexport const split = half + merge\n",
  'src/scale/read/half.ts': 'export const half = 4\n',
  'src/scale/merge.ts': "import { half } from './read/half.js'\nexport const merge = half\n",
}

let dir = ''
let results: ESLint.LintResult[] = []
const messages = (file: string) => results.find((r) => r.filePath === join(dir, file))?.messages.map((m) => (process.env['DEBUG_STAGES'] ? `${m.ruleId} ${m.message}` : m.ruleId)) ?? ['<not linted>']

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'biomarkit-stages-'))
  for (const [f, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(dir, f)), { recursive: true })
    writeFileSync(join(dir, f), text)
  }
  const config: Linter.Config[] = [
    {
      files: ['**/*.ts'],
      languageOptions: { parser: tseslint.parser },
      plugins: { 'import-x': importX },
      settings: importSettings(dir, createTypeScriptImportResolver),
      rules: stageRules(dir),
    },
  ]
  const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: config })
  results = await eslint.lintFiles(['src/**/*.ts', 'viz/**/*.ts'])
}, 60_000)

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
})

describe('stage lint rules', () => {
  it('reports an import from a later stage', () => {
    expect(messages('src/io/reads-later.ts')).toContain('import-x/no-restricted-paths')
    expect(messages('src/classify/rule.ts')).toEqual([])
    expect(messages('src/io/line.ts')).toEqual([])
  })

  it('reports an import between two folders of one stage', () => {
    expect(messages('src/maf/columns.ts')).toEqual(['import-x/no-restricted-paths'])
  })

  it('reports a cycle', () => {
    expect(messages('src/model/a.ts')).toEqual(['import-x/no-cycle'])
    expect(messages('src/model/b.ts')).toEqual(['import-x/no-cycle'])
  })

  it('keeps a nested later stage apart from its parent folder', () => {
    expect(messages('viz/plot.ts')).toEqual(['import-x/no-restricted-paths'])
    expect(messages('viz/report/page.ts')).toEqual([])
  })

  it('keeps a nested earlier stage apart from its parent folder', () => {
    expect(messages('src/scale/read/split.ts')).toEqual(['import-x/no-restricted-paths'])
    expect(messages('src/scale/merge.ts')).toEqual([])
  })

  it('is on for every source folder of the repository', async () => {
    const eslint = new ESLint({ cwd: ROOT })
    for (const f of ['src/io/lines.ts', 'cli/main.ts', 'viz/oncoplot.ts']) {
      const c = (await eslint.calculateConfigForFile(join(ROOT, f))) as Linter.Config
      expect(c.rules?.['import-x/no-cycle']?.[0 as keyof object], f).toBe(2)
      expect(c.rules?.['import-x/no-restricted-paths']?.[0 as keyof object], f).toBe(2)
    }
  })

  it('names every folder of src/ in the stage order', async () => {
    const { readdirSync, statSync } = await import('node:fs')
    const named = new Set(STAGES.flat())
    const folders = readdirSync(join(ROOT, 'src')).filter((f) => statSync(join(ROOT, 'src', f)).isDirectory())
    for (const f of folders) expect(named.has(`src/${f}`), `src/${f} has no place in eslint.stages.js`).toBe(true)
  })
})
