/** `biomarkit fisher` run in-process (cli/main.ts run + memoryIO): output, JSON, usage errors. */
import { describe, expect, it } from 'vitest'
import { Command } from 'commander'
import { memoryIO } from '../../cli/context.js'
import { fisherCommand } from '../../cli/commands/fisher.js'
import { COMMANDS } from '../../cli/commands/index.js'
import { run } from '../../cli/main.js'

describe('biomarkit fisher', () => {
  it('is registered in COMMANDS', () => {
    const names = COMMANDS.map((f) => f(memoryIO()).name())
    expect(names).toContain('fisher')
    expect(fisherCommand(memoryIO())).toBeInstanceOf(Command)
  })
  it('prints the 2×2 table with margins, p, conditional MLE + CI, sample OR and the method', async () => {
    const io = memoryIO()
    expect(await run(['fisher', '1', '5', '22', '36'], io)).toBe(0)
    expect(io.out).toContain("Fisher's exact test (two-sided, R rule)")
    expect(io.out).toMatch(/altered\s+1\s+5\s+6/)
    expect(io.out).toMatch(/wild-type\s+22\s+36\s+58/)
    expect(io.out).toMatch(/total\s+23\s+41\s+64/)
    // R: fisher.test(matrix(c(1,5,22,36),2,byrow=TRUE)) p = 0.4065, estimate 0.3321, CI 0.006623 3.256
    expect(io.out).toMatch(/p-value\s+0\.4065/)
    expect(io.out).toMatch(/conditional MLE\)\s+0\.3321/)
    expect(io.out).toContain('[0.006623, 3.256]')
    expect(io.out).toMatch(/ad\/bc\)\s+0\.3273/)
    expect(io.err).toBe('')
  })
  it('prints JSON with full precision, Inf for infinite bounds and null for an undefined sample OR', async () => {
    const io = memoryIO()
    expect(await run(['fisher', '0', '3', '0', '4', '--alternative', 'greater', '--json'], io)).toBe(0)
    const j = JSON.parse(io.out) as Record<string, unknown>
    expect(j.table).toEqual([[0, 3], [0, 4]])
    expect(j.alternative).toBe('greater')
    expect(j.ci).toEqual([0, 'Inf'])
    expect(j.sampleOddsRatio).toBeNull()
    expect(j.p).toBe(1)
  })
  it('honours --conf-level and --alternative less', async () => {
    const io = memoryIO()
    expect(await run(['fisher', '3', '1', '1', '3', '--alternative', 'less', '--conf-level', '0.9', '--json'], io)).toBe(0)
    const j = JSON.parse(io.out) as { ci: [number, number]; confLevel: number; p: number }
    expect(j.confLevel).toBe(0.9)
    expect(j.ci[0]).toBe(0)
    expect(j.p).toBeCloseTo(0.9857142857142858, 14)
  })
  it.each([
    [['fisher', '1', '2', 'x', '4'], /C: expected a non-negative integer, got "x"/],
    [['fisher', '1', '2.5', '3', '4'], /B: expected a non-negative integer, got "2.5"/],
    [['fisher', '1', '2', '3', '4', '--alternative', 'two.sided'], /--alternative: expected one of two-sided, less, greater/],
    [['fisher', '1', '2', '3', '4', '--conf-level', '1.5'], /--conf-level: must be between 0 and 1/],
    [['fisher', '1', '2', '3', '99999999999999999999'], /D: is too large/],
  ])('rejects %j with a usage error (exit 1)', async (argv, message) => {
    const io = memoryIO()
    expect(await run(argv, io)).toBe(1)
    expect(io.err).toMatch(message)
    expect(io.out).toBe('')
  })
  it('rejects a negative count (commander 14 passes "-4" through as an argument; zod names the cell)', async () => {
    const io = memoryIO()
    expect(await run(['fisher', '1', '2', '3', '-4'], io)).toBe(1)
    expect(io.out).toBe('')
    expect(io.err).toMatch(/D: expected a non-negative integer, got "-4"/)
  })
})
