/** Table 3 as TSV: term, any grade n (%), grade ≥ 3 n (%), and the counts for machines. */
import type { AeTable } from './adverse-events.js'

const cell = (s: string) => s.replace(/[\t\r\n]+/g, ' ')

export const AE_COLUMNS = ['term', 'any_grade', 'any_grade_n', 'any_grade_percent', 'grade_3_plus', 'grade_3_plus_n', 'grade_3_plus_percent', 'patients'] as const

export function aeTsv(t: AeTable): string[] {
  const out: string[] = [AE_COLUMNS.join('\t')]
  for (const r of t.rows) {
    out.push([cell(r.term), `${r.anyGrade} (${r.anyGradePercent.toFixed(1)})`, r.anyGrade, r.anyGradePercent, `${r.grade3plus} (${r.grade3plusPercent.toFixed(1)})`, r.grade3plus, r.grade3plusPercent, t.patients].join('\t'))
  }
  return out
}
