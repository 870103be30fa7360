/**
 * The read report: every input row is accounted for (read = kept + dropped, by reason).
 */
export interface ReadReport {
  readonly file: string
  readonly format: string
  rowsRead: number
  kept: number
  /** Reason → count. Reasons are short stable phrases ("duplicate", "filtered: not PASS", …). */
  readonly dropped: Record<string, number>
  /** Located warnings (first few of each kind are kept verbatim). */
  readonly warnings: string[]
}

export function newReport(file: string, format: string): ReadReport {
  return { file, format, rowsRead: 0, kept: 0, dropped: {}, warnings: [] }
}

export function drop(report: ReadReport, reason: string, n = 1): void {
  report.dropped[reason] = (report.dropped[reason] ?? 0) + n
}

const MAX_WARNINGS = 50

export function warn(report: ReadReport, message: string): void {
  if (report.warnings.length < MAX_WARNINGS) report.warnings.push(message)
  else if (report.warnings.length === MAX_WARNINGS) report.warnings.push('… further warnings not shown')
}

export function totalDropped(report: ReadReport): number {
  let n = 0
  for (const v of Object.values(report.dropped)) n += v
  return n
}
