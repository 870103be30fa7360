/**
 * biomarkit fisher A B C D [--alternative two-sided|less|greater] [--conf-level 0.95] [--json]
 * Fisher's exact test on one 2×2 table [[A, B], [C, D]] (rows altered / wild-type, columns
 * responder / non-responder), with R's p-value rule, the conditional MLE odds ratio and its exact CI.
 */
import { Command } from 'commander'
import { z } from 'zod'
import { jsonNumber } from '../../src/io/json-numbers.js'
import { InputError } from '../../src/errors.js'
import { validate } from '../../src/io/zod-issues.js'
import { ALTERNATIVES, fisherExact, type FisherResult } from '../../src/stats/fisher.js'
import { formatInterval, formatP, formatRatio } from '../../src/stats/format.js'
import { ALTERNATIVE, JSON_OUTPUT } from '../common-options.js'
import type { CliIO } from '../context.js'
import { addOptions, opt, schemaOf, variant } from '../option-table.js'

const CELL_NAMES = ['A', 'B', 'C', 'D'] as const

const Count = z
  .string()
  .regex(/^\d+$/, 'expected a non-negative integer')
  .transform(Number)
  .refine((n) => Number.isSafeInteger(n), 'is too large (at most 2^53 − 1)')

/** fisher's options: one table. --alternative is validated by zod (not commander's choices), to name the value found. */
const FISHER_OPTIONS = {
  // The shared --alternative without commander's choices: zod rejects another side, naming it.
  alternative: { ...variant(ALTERNATIVE, { description: `${ALTERNATIVES.join(' | ')} (one-sided sides refer to the odds ratio ad/bc)` }), choices: undefined },
  confLevel: opt('--conf-level <level>', 'confidence level of the odds-ratio interval', z.coerce.number().gt(0, 'must be between 0 and 1').lt(1, 'must be between 0 and 1'), { default: '0.95' }),
  json: variant(JSON_OUTPUT, { description: 'print JSON (Infinity as "Inf", undefined as null)', default: false }),
}

const Schema = schemaOf(FISHER_OPTIONS).extend({ counts: z.tuple([Count, Count, Count, Count]) })

/** The four cells are arguments, named A–D; an option by its flag. One formatter (src/io/zod-issues.ts) says what was expected and found. */
function parse(raw: unknown): z.infer<typeof Schema> {
  return validate(Schema, raw, {
    code: 'USAGE',
    max: 1,
    where: (path) => {
      const [key, index] = path
      if (key === 'counts' && typeof index === 'number') return CELL_NAMES[index] ?? `cell ${index + 1}`
      return `--${String(key).replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())}`
    },
    suggestion: (issue) => (issue.path[0] === 'counts' ? 'give the four cell counts of the 2×2 table, e.g. `biomarkit fisher 1 5 22 36`' : undefined),
  })
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
  const cmd = new Command('fisher')
    .description("Fisher's exact test on a 2×2 table [[A, B], [C, D]] (R fisher.test semantics)")
    .argument('<A>', 'altered & responder')
    .argument('<B>', 'altered & non-responder')
    .argument('<C>', 'wild-type & responder')
    .argument('<D>', 'wild-type & non-responder')
  return addOptions(cmd, FISHER_OPTIONS).action((a: string, b: string, c: string, d: string, raw: Record<string, unknown>) => {
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
