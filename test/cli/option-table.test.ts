/**
 * Every option of every command comes from the option table (cli/option-table.ts), is validated
 * from it, and a flag means the same kind of value in every command that declares it.
 */
import { Option } from 'commander'
import { describe, expect, it } from 'vitest'
import { buildProgram, run } from '../../cli/main.js'
import { attributeOf, declaredSpecs, schemaOf, specOf, type OptionSpec } from '../../cli/option-table.js'
import { memoryIO } from '../../cli/context.js'

const program = buildProgram(memoryIO())
const commands = program.commands.filter((c) => c.name() !== 'help')
const long = (spec: OptionSpec): string => new Option(spec.flags).long ?? spec.flags

/**
 * Flags that name a different kind of value in different commands, each for a reason of the
 * command (never renamed: scripts use them). Every other shared flag has one schema and parser.
 */
const DIFFERENT_VALUES: Readonly<Record<string, string>> = {
  '--columns': 'table: the characteristics to list; the input commands: the column map of a mutation table',
  '--endpoint': 'scan tests several endpoints (a list); the figures draw one',
  '--features': "scan's and forest's feature words; report's feature types (genes, rules, pathways)",
  '--width': "oncoplot: the matrix's maximum width; lollipop: the figure's width, 300 to 10,000",
}

describe('command options are declared once, in the option table', () => {
  it('every declared option comes from a table entry, and the command validates its value', () => {
    const missing: string[] = []
    for (const cmd of commands) {
      const keys = new Set(Object.keys(schemaOf(Object.fromEntries(declaredSpecs(cmd).map((s, i) => [String(i), s]))).shape))
      for (const o of cmd.options) {
        const spec = specOf(o)
        if (spec === undefined) missing.push(`${cmd.name()} ${o.flags}: not from the option table`)
        else if (!keys.has(attributeOf(spec))) missing.push(`${cmd.name()} ${o.flags}: not validated`)
      }
      expect(declaredSpecs(cmd).length).toBe(cmd.options.length)
    }
    expect(missing).toEqual([])
    // Not vacuous: the commands declare well over a hundred options between them.
    expect(commands.reduce((n, c) => n + c.options.length, 0)).toBeGreaterThan(300)
  })

  it('a table key is the attribute commander stores the value under', async () => {
    const tables = await Promise.all([
      import('../../cli/inputs.js').then((m) => [m.INPUT_OPTIONS, m.LOW_MEMORY_OPTIONS]),
      import('../../cli/analysis-options.js').then((m) => [m.CLASSIFY_OPTIONS]),
      import('../../cli/clinical-options.js').then((m) => [m.CLINICAL_OPTIONS]),
      import('../../cli/feature-scan.js').then((m) => [m.FEATURE_SCAN_OPTIONS]),
      import('../../cli/output.js').then((m) => [m.EXCEL_SAFE_OPTIONS]),
    ])
    for (const table of tables.flat()) {
      for (const [key, spec] of Object.entries(table as Record<string, OptionSpec>)) {
        const attr = attributeOf(spec)
        // A `--no-x` entry beside its `--x` is keyed noX; it stores into x.
        expect(key === attr || key === `no${attr[0]?.toUpperCase()}${attr.slice(1)}`, `${key} ↔ ${spec.flags}`).toBe(true)
      }
    }
  })

  it('a flag shared by commands has one schema and parser, and one help text unless restated for a command', () => {
    const byFlag = new Map<string, { cmd: string; spec: OptionSpec }[]>()
    for (const cmd of commands) for (const spec of declaredSpecs(cmd)) byFlag.set(long(spec), [...(byFlag.get(long(spec)) ?? []), { cmd: cmd.name(), spec }])
    const problems: string[] = []
    let shared = 0
    for (const [flag, uses] of byFlag) {
      const cmds = new Set(uses.map((u) => u.cmd))
      if (cmds.size < 2) continue
      shared++
      const [first] = uses as [{ cmd: string; spec: OptionSpec }]
      for (const u of uses.slice(1)) {
        const a = first.spec
        const b = u.spec
        if (flag in DIFFERENT_VALUES) continue
        if (a.schema !== b.schema || a.parse !== b.parse) problems.push(`${flag}: ${first.cmd} and ${u.cmd} validate or collect it differently`)
        const sameRoot = (a.base ?? a) === (b.base ?? b)
        if (!sameRoot) problems.push(`${flag}: ${first.cmd} and ${u.cmd} declare it in two table entries`)
        else if (a.description !== b.description && a.base === undefined && b.base === undefined) problems.push(`${flag}: two help texts`)
      }
    }
    expect(problems).toEqual([])
    expect(shared).toBeGreaterThan(40)
  })

  it('a flag in the exemption list really differs (the list does not outlive its reason)', () => {
    for (const flag of Object.keys(DIFFERENT_VALUES)) {
      const schemas = new Set(commands.flatMap((c) => declaredSpecs(c).filter((s) => long(s) === flag).map((s) => s.schema)))
      expect(schemas.size, flag).toBeGreaterThan(1)
    }
  })
})

describe('options are validated before the action, with the one formatter', () => {
  it.each([
    [['scan', 'x.maf', '--endpoint', 'orr', '--min-altered', '-1'], /^biomarkit: --min-altered: Too small: expected number to be >=0, got "-1"$/m],
    [['oncoplot', 'x.maf', '-o', 'o.svg', '--scale', '20'], /^biomarkit: --scale: Too big: expected number to be <=16, got "20"$/m],
    [['scan', 'x.maf', '--endpoint', 'orr', '--genes', ','], /^biomarkit: --genes: expected at least one gene$/m],
    [['interactions', 'x.maf', '--top', '1'], /^biomarkit: --top: expected at least 2 \(genes are tested in pairs\), got 1$/m],
  ])('%j: exit 1, the flag, what was expected, what was found', async (argv, message) => {
    const io = memoryIO()
    expect(await run(argv, io)).toBe(1)
    expect(io.err).toMatch(message)
    expect(io.out).toBe('')
  })
})
