/**
 * A sample list (--samples; oncoplot's --sample-order): one ID per line, blank lines and `#`
 * comments skipped, white space around an ID trimmed. Read through the side-file reader (capped).
 * Each ID keeps its line, so a later complaint about it can say where it came from.
 */
import { InputError, quote } from '../errors.js'
import { displayName } from '../io/lines.js'
import { readSideLines } from '../io/side-file.js'
import type { ReadNote } from '../model/report.js'
import type { ReadLimits } from '../io/read-limits.js'

export interface ListedSample {
  readonly id: string
  readonly line: number
}

export async function readSampleList(path: string, what = 'sample list', limits?: ReadLimits): Promise<ListedSample[]> {
  const out: ListedSample[] = []
  for (const l of await readSideLines(path, what, limits)) {
    const id = l.text.trim()
    if (id !== '' && !id.startsWith('#')) out.push({ id, line: l.line })
  }
  return out
}

/** Latin letters that Cyrillic and Greek capitals and small letters are mistaken for. */
const LOOK_ALIKE: ReadonlyMap<string, string> = new Map(
  [...'АВЕКМНОРСТХаеорсхуΑΒΕΖΗΙΚΜΝΟΡΤΥΧο'].map((c, i) => [c, 'ABEKMHOPCTXaeopcxyABEZHIKMNOPTYXo'[i] as string]),
)

/** What two IDs are once case, white space (also zero-width) and look-alike letters are ignored. */
function looseKey(id: string): string {
  let s = id.normalize('NFKC').replace(/[\s\u200b-\u200d\u2060\ufeff]+/g, '')
  s = [...s].map((c) => LOOK_ALIKE.get(c) ?? c).join('')
  return s.toLowerCase()
}

function howDifferent(a: string, b: string): string {
  if (a.toLowerCase() === b.toLowerCase()) return 'case'
  const bare = (s: string): string => s.replace(/[\s\u200b-\u200d\u2060\ufeff]+/g, '')
  if (bare(a) === bare(b)) return 'white space'
  if (bare(a).toLowerCase() === bare(b).toLowerCase()) return 'case and white space'
  return 'look-alike characters (Unicode)'
}

export interface NearMiss {
  readonly listed: ListedSample
  readonly call: string
  readonly how: string
}

/**
 * Listed IDs that match no call sample exactly but one when case, white space and look-alike
 * letters are ignored. Sample IDs are compared exactly, so each such pair is two samples: a
 * listed one with nothing called, and a called one not on the list.
 */
export function nearMisses(listed: readonly ListedSample[], callSamples: Iterable<string>): NearMiss[] {
  const calls = new Set(callSamples)
  const listedIds = new Set(listed.map((s) => s.id))
  const byKey = new Map<string, string>()
  for (const c of calls) if (!listedIds.has(c) && !byKey.has(looseKey(c))) byKey.set(looseKey(c), c)
  const out: NearMiss[] = []
  for (const s of listed) {
    if (calls.has(s.id)) continue
    const c = byKey.get(looseKey(s.id))
    if (c !== undefined) out.push({ listed: s, call: c, how: howDifferent(s.id, c) })
  }
  return out
}

/**
 * The identity check of a sample list against the calls: near-misses that leave no exact overlap
 * are an error at the first one's line (every listed sample would be wild-type and every called
 * one off the list: the cohort doubled, each frequency halved); otherwise a warning with counts.
 */
export function checkSampleList(path: string, listed: readonly ListedSample[], callSamples: Iterable<string>): ReadNote | undefined {
  const calls = [...callSamples]
  const misses = nearMisses(listed, calls)
  if (misses.length === 0) return undefined
  const first = misses[0] as NearMiss
  const example = `${quote(first.listed.id)} (line ${first.listed.line}) vs ${quote(first.call)} in the calls, differing in ${first.how}`
  const callSet = new Set(calls)
  const exact = listed.filter((s) => callSet.has(s.id)).length
  if (exact === 0) {
    throw new InputError('BAD_VALUE', `no listed sample ID matches a called sample exactly, but ${misses.length} match once case, white space or look-alike characters are ignored (e.g. ${example})`, {
      file: displayName(path),
      line: first.listed.line,
      suggestion: 'sample IDs are compared exactly: write them as the calls do',
    })
  }
  const detail = `--samples ${displayName(path)}: ${misses.length} listed ID(s) match a called sample only when case, white space or look-alike characters are ignored (e.g. ${example}); IDs are compared exactly, so each is counted as a separate sample with nothing called (${exact} listed ID(s) match exactly)`
  return { code: 'samples-near-miss', detail }
}
