/**
 * Endpoint words on the command line: 'orr' and 'dcr' (binary, from best response), 'pfs' and 'os'
 * (survival), `time~event` for any survival pair, or a clinical column (binary or categorical).
 */
import type { GroupSpec } from '../clinical/endpoints.js'
import type { SurvivalSpec } from '../clinical/survival.js'

export type EndpointSpec = { readonly kind: 'group'; readonly spec: GroupSpec; readonly name: string } | { readonly kind: 'survival'; readonly spec: SurvivalSpec; readonly name: string }

export function parseEndpoint(word: string, time?: string, event?: string): EndpointSpec {
  const w = word.trim()
  const lower = w.toLowerCase()
  if (lower === 'pfs' || lower === 'os') return { kind: 'survival', spec: lower, name: lower }
  const tilde = w.indexOf('~')
  if (tilde > 0) return { kind: 'survival', spec: { time: w.slice(0, tilde), event: w.slice(tilde + 1) }, name: w }
  if (lower === 'survival' && time !== undefined && event !== undefined) return { kind: 'survival', spec: { time, event }, name: `${time}~${event}` }
  return { kind: 'group', spec: lower === 'orr' || lower === 'dcr' ? lower : w, name: w }
}
