/**
 * Statements of how a clinical table was read, for every output (stderr notes, scan JSON, the
 * report): which column matched the samples and how, with counts on both sides, and near-misses.
 * Endpoint-level statements (coding, unit, NE rule, direction) come with each endpoint.
 */
import { quote } from '../errors.js'
import type { ClinicalTable } from '../model/clinical.js'
import { describeNearMisses } from './match.js'

export function sampleStatements(table: ClinicalTable): string[] {
  const m = table.sampleMatch
  if (m === undefined) return [`sample IDs: clinical column ${quote(table.sampleColumn)}`]
  const how =
    m.chosenBy === 'option'
      ? '--sample-column'
      : m.chosenBy === 'overlap'
        ? `chosen by overlap with the calls' sample IDs: ${m.tried.map((t) => `${t.column} ${t.overlap}`).join(', ')}`
        : 'by name'
  return [
    `sample IDs: clinical column ${quote(m.column)} (${how}); ${m.matched} matched; ${m.callsOnly} in the calls, not in the table; ${m.clinicalOnly} in the table, not sequenced`,
  ]
}

/** Warnings every output repeats (near-miss IDs are never merged). */
export function sampleWarnings(table: ClinicalTable): string[] {
  const m = table.sampleMatch
  return m !== undefined && m.nearMisses.length > 0 ? [describeNearMisses(m.nearMisses)] : []
}
