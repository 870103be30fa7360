/** The statistics the study tables quote, from src/stats (R wilcox.test semantics). */
import { wilcoxonRankSum } from '../stats/wilcoxon.js'

/** Two-sided Wilcoxon rank-sum p (exact when R would be, else normal with continuity and tie correction). */
export function wilcoxonP(x: readonly number[], y: readonly number[]): number {
  return wilcoxonRankSum(x, y).p
}
