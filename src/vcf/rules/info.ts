/**
 * INFO values, typed. The rule both text-path readers of INFO call: the span scanner, which types the
 * few keys a small-variant record needs (../line-scan.ts), and `parseInfo`, which types every key of
 * a copy-number, structural or ALT-less record (the handlers in ../sv.ts read any key: END, CN,
 * CHR2, …). It is @gmod/vcf 7's typing rule by rule (its esm/parseInfo.js), so records read here
 * are the records @gmod/vcf would give; test/vcf/fast-path.test.ts holds every real VCF we have to
 * @gmod/vcf's parseLine (test/vcf/gmod-oracle.ts).
 * - The column '.' is no INFO at all. Otherwise it is split on ';'; key = text before the first '='.
 * - A Flag key, or a key without '=' or with an empty value, is `true`.
 * - Else the value split on ','; '.' → undefined; %XX-decoded when the INFO column contains any
 *   '%' (VCF 4.3 §1.2 escapes ':', ';', '=', '%', ',' and CR/LF/tab; text that does not decode is
 *   kept as written); Number() for Integer / Float (so "two" is NaN: the handlers that read a
 *   number refuse it with the text as written).
 * - A key written twice: the last wins.
 */
import type { MetaMap } from '@gmod/vcf'

/** One INFO key's value: `true` for a flag, else its comma-separated values ('.' → undefined). */
export type InfoValue = true | (string | number | undefined)[]

export type InfoMap = Record<string, InfoValue>

function decodeNoThrow(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

/** One INFO value (see the file comment); `hasPercent`: the INFO column contains '%'. */
export function infoValue(val: string | undefined, type: unknown, hasPercent: boolean): InfoValue {
  if (type === 'Flag' || val === undefined || val === '') return true
  const isNumber = type === 'Integer' || type === 'Float'
  const raw = val.split(',')
  const out: (string | number | undefined)[] = new Array<string | number | undefined>(raw.length)
  for (let j = 0; j < raw.length; j++) {
    const v = raw[j] as string
    if (v === '.') out[j] = undefined
    else {
      const w = hasPercent ? decodeNoThrow(v) : v
      out[j] = isNumber ? Number(w) : w
    }
  }
  return out
}

/**
 * Every key of the INFO column text[from, to), typed by the header's declarations. O(column length).
 * A plain object assigned key by key, as @gmod/vcf builds it, so that even odd keys ("__proto__",
 * "constructor") come out the same on both readers.
 */
export function parseInfo(text: string, from: number, to: number, meta: MetaMap): InfoMap {
  const out: InfoMap = {}
  if (to - from === 1 && text.charCodeAt(from) === 46 /* . */) return out
  const pct = text.indexOf('%', from)
  const hasPercent = pct !== -1 && pct < to
  let p = from
  for (;;) {
    let semi = text.indexOf(';', p)
    if (semi === -1 || semi > to) semi = to
    // '=' looked for within the pair only: indexOf would run on into the sample columns for each flag.
    let eq = -1
    for (let i = p; i < semi; i++) {
      if (text.charCodeAt(i) === 61 /* = */) {
        eq = i
        break
      }
    }
    const key = text.slice(p, eq === -1 ? semi : eq)
    out[key] = infoValue(eq === -1 ? undefined : text.slice(eq + 1, semi), meta[key]?.Type, hasPercent)
    if (semi === to) break
    p = semi + 1
  }
  return out
}
