/**
 * Gene-symbol aliases: old or list-specific symbols → current HGNC symbols.
 *
 * The shipped table (panels/gene-aliases.json) is a curated subset of HGNC renames, not all of
 * HGNC. An alias may be scoped with `onlyIn` to the gene lists where it applies: the Sanchez-Vega
 * PI3K list writes PDK1 for PDPK1, but PDK1 is also the current symbol of pyruvate dehydrogenase
 * kinase 1, so that alias must not rewrite PDK1 mutations in a MAF.
 *
 * Aliasing is never silent: every rewrite is counted (per from → to and per list) and reported.
 */
import { z } from 'zod'
import { InputError } from '../errors.js'
import { readJsonFile, validateJson } from './json.js'
import { SYMBOL_RE } from './schema.js'
import type { ReadLimits } from '../io/read-limits.js'

const Symbol_ = z.string().regex(SYMBOL_RE, 'expected a gene symbol')

export const AliasFileSchema = z
  .strictObject({
    $schema: z.string().optional(),
    description: z.string().optional(),
    citation: z.string().min(1),
    aliases: z.array(
      z.strictObject({
        from: Symbol_,
        to: Symbol_,
        /** Gene-list ids (panel, pathway set) where the alias applies; absent: everywhere. */
        onlyIn: z.array(z.string().min(1)).min(1).optional(),
        note: z.string().optional(),
      }),
    ),
  })
  .describe('Gene-symbol alias table')

export type AliasFile = z.infer<typeof AliasFileSchema>

export interface AliasUse {
  readonly from: string
  readonly to: string
  /** The list it was applied in ('data' for alterations). */
  readonly where: string
  readonly count: number
}

interface Entry {
  readonly to: string
  readonly onlyIn: ReadonlySet<string> | undefined
}

export class AliasResolver {
  private readonly table: ReadonlyMap<string, Entry>
  private readonly uses = new Map<string, { from: string; to: string; where: string; count: number }>()

  constructor(file: AliasFile, source = '<aliases>') {
    const t = new Map<string, Entry>()
    file.aliases.forEach((a, i) => {
      if (t.has(a.from)) throw new InputError('SCHEMA', `aliases[${i}].from: ${a.from} is listed twice`, { file: source })
      if (a.from === a.to) throw new InputError('SCHEMA', `aliases[${i}]: ${a.from} is an alias of itself`, { file: source })
      t.set(a.from, { to: a.to, onlyIn: a.onlyIn ? new Set(a.onlyIn) : undefined })
    })
    for (const [from, e] of t) {
      if (t.has(e.to)) throw new InputError('SCHEMA', `alias chain ${from} → ${e.to} → …: point ${from} at the final symbol`, { file: source })
    }
    this.table = t
  }

  /**
   * Current symbol for `symbol` as used in list `where` ('data' for input alterations).
   * Unknown symbols come back unchanged. Counted (`times` uses) when rewritten.
   */
  resolve(symbol: string, where = 'data', times = 1): string {
    const e = this.table.get(symbol)
    if (e === undefined) return symbol
    if (e.onlyIn !== undefined && !e.onlyIn.has(where)) return symbol
    const key = `${where}\t${symbol}`
    const u = this.uses.get(key)
    if (u) u.count += times
    else this.uses.set(key, { from: symbol, to: e.to, where, count: times })
    return e.to
  }

  /** Every rewrite made so far, sorted by list then symbol. */
  report(): AliasUse[] {
    return [...this.uses.values()]
      .map((u) => ({ ...u }))
      .sort((a, b) => (a.where < b.where ? -1 : a.where > b.where ? 1 : a.from < b.from ? -1 : a.from > b.from ? 1 : 0))
  }

  /** Total rewrites. */
  get total(): number {
    let n = 0
    for (const u of this.uses.values()) n += u.count
    return n
  }
}

export function aliasResolverFrom(json: unknown, file: string): AliasResolver {
  return new AliasResolver(validateJson(AliasFileSchema, json, file, 'gene alias'), file)
}

export async function loadAliases(path: string, limits?: ReadLimits): Promise<AliasResolver> {
  return new AliasResolver(await readJsonFile(AliasFileSchema, path, 'gene alias', limits), path)
}
