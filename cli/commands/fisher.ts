/**
 * biomarkit fisher A B C D [--alternative two-sided|less|greater] [--conf-level 0.95] [--json]
 * Fisher's exact test on one 2×2 table [[A, B], [C, D]] (rows altered / wild-type, columns
 * responder / non-responder), with R's p-value rule, the conditional MLE odds ratio and its exact CI.
 */
import { Command } from 'commander'
import { z } from 'zod'
import { jsonNumber } from '../../src/io/json-numbers.js'
import { InputError, quote } from '../../src/errors.js'
import { ALTERNATIVES, fisherExact, type FisherResult } from '../../src/stats/fisher.js'
import { formatInterval, formatP, formatRatio } from '../../src/stats/format.js'
import type { CliIO } from '../context.js'

const CELL_NAMES = ['A', 'B', 'C', 'D'] as const

const Count = z
  .string()
  .regex(/^\d+$/, 'expected a non-negative integer')
  .transform(Number)
  .refine((n) => Number.isSafeInteger(n), 'is too large (at most 2^53 − 1)')

const Schema = z.object({
  counts: z.tuple([Count, Count, Count, Count]),
  alternative: z.enum(ALTERNATIVES as [string, ...string[]]).transform((a) => a as (typeof ALTERNATIVES)[number]),
  confLevel: z.coerce.number().gt(0, 'must be between 0 and 1').lt(1, 'must be between 0 and 1'),
  json: z.boolean(),
})

function parse(raw: unknown): z.infer<typeof Schema> {
  const r = Schema.safeParse(raw)
  if (r.success) return r.data
  const issue = r.error.issues[0]
  const [key, index] = issue?.path ?? []
  const input = (raw as { counts?: unknown[]; alternative?: unknown; confLevel?: unknown }) ?? {}
  if (key === 'counts' && typeof index === 'number') {
    const cell = CELL_NAMES[index] ?? `cell ${index + 1}`
    throw new InputError('USAGE', `${cell}: ${issue?.message ?? 'invalid count'}, got ${quote(String(input.counts?.[index]))}`, {
      suggestion: 'give the four cell counts of the 2×2 table, e.g. `biomarkit fisher 1 5 22 36`',
    })
  }
  if (key === 'alternative') {
    throw new InputError('USAGE', `--alternative: expected one of ${ALTERNATIVES.join(', ')}, got ${quote(String(input.alternative))}`)
  }
  if (key === 'confLevel') {
    throw new InputError('USAGE', `--conf-level: ${issue?.message ?? 'invalid value'}, got ${quote(String(input.confLevel))}`)
  }
  throw new InputError('USAGE', issue?.message ?? 'invalid arguments')
}

function toJson(r: FisherResult): string {
  const out = {
    table: [
      [r.a, r.b],
      [r.c, r.d],
    ],
    alternative: r.alternative,
    method: r.method,
    p: jsonNumber(r.p),
    oddsRatio: jsonNumber(r.oddsRatio),
    ci: [jsonNumber(r.ci[0]), jsonNumber(r.ci[1])],
    confLevel: r.confLevel,
    sampleOddsRatio: jsonNumber(r.sampleOddsRatio),
    haldaneOddsRatio: jsonNumber(r.haldaneOddsRatio),
  }
  return JSON.stringify(out, null, 2) + '\n'
}

function toText(r: FisherResult): string {
  const cells = [
    ['', 'responder', 'non-resp.', 'total'],
    ['altered', r.a, r.b, r.a + r.b],
    ['wild-type', r.c, r.d, r.c + r.d],
    ['total', r.a + r.c, r.b + r.d, r.a + r.b + r.c + r.d],
  ].map((row) => row.map(String))
  const widths = [0, 1, 2, 3].map((j) => Math.max(...cells.map((row) => (row[j] ?? '').length)))
  const table = cells.map((row) => '  ' + row.map((v, j) => (j === 0 ? v.padEnd(widths[0] ?? 0) : v.padStart(widths[j] ?? 0))).join('  ')).join('\n')
  const level = `${formatRatio(r.confLevel * 100)}% CI`
  const sample = Number.isNaN(r.sampleOddsRatio) ? 'NA (ad = bc = 0)' : formatRatio(r.sampleOddsRatio)
  const lines: [string, string][] = [
    ['p-value', formatP(r.p)],
    ['odds ratio (conditional MLE)', formatRatio(r.oddsRatio)],
    [level, formatInterval(r.ci[0], r.ci[1])],
    ['sample odds ratio (ad/bc)', sample],
    ['Haldane odds ratio (+0.5)', formatRatio(r.haldaneOddsRatio)],
  ]
  const lw = Math.max(...lines.map(([k]) => k.length))
  return `${r.method}\n\n${table}\n\n${lines.map(([k, v]) => `  ${k.padEnd(lw)}  ${v}`).join('\n')}\n`
}

export function fisherCommand(io: CliIO): Command {
  return new Command('fisher')
    .description("Fisher's exact test on a 2×2 table [[A, B], [C, D]] (R fisher.test semantics)")
    .argument('<A>', 'altered & responder')
    .argument('<B>', 'altered & non-responder')
    .argument('<C>', 'wild-type & responder')
    .argument('<D>', 'wild-type & non-responder')
    .option('--alternative <side>', `${ALTERNATIVES.join(' | ')} (one-sided sides refer to the odds ratio ad/bc)`, 'two-sided')
    .option('--conf-level <level>', 'confidence level of the odds-ratio interval', '0.95')
    .option('--json', 'print JSON (Infinity as "Inf", undefined as null)', false)
    .action((a: string, b: string, c: string, d: string, raw: Record<string, unknown>) => {
      const o = parse({ counts: [a, b, c, d], alternative: raw.alternative, confLevel: raw.confLevel, json: raw.json === true })
      const [ca, cb, cc, cd] = o.counts
      let r: FisherResult
      try {
        r = fisherExact(ca, cb, cc, cd, { alternative: o.alternative, confLevel: o.confLevel })
      } catch (e) {
        // The exact test enumerates the table's support; past the library's memory guard it throws a
        // RangeError, which is a limit of this tool for the user's numbers, not a bug (was exit 2).
        if (e instanceof RangeError) throw new InputError('LIMIT', `table too large for the exact test: ${e.message}`, { suggestion: 'for counts this large use a chi-squared or G test' })
        throw e
      }
      io.stdout(o.json ? toJson(r) : toText(r))
    })
}
