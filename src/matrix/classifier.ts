/**
 * A matrix builder with its options' files already read (src/pipeline/classify-cohort.ts
 * prepareClassifier makes one). Declared in the matrix stage so that the low-memory path
 * (src/scale), which builds one matrix per sample partition, needs nothing from the pipeline.
 */
import type { CompiledRule } from '../classify/rule-match.js'
import type { EventTable } from '../model/events.js'
import type { AliasResolver } from '../panels/aliases.js'
import type { BuildTrace, BuiltMatrix } from './build.js'
import type { CellStore } from './cell-store.js'
import type { MatrixCells } from './types.js'

/** The options' files, read once, ready to classify a table (or many: one per sample partition). */
export interface Classifier {
  readonly build: (events: EventTable, samples: readonly string[]) => BuiltMatrix<CellStore> & { readonly trace: BuildTrace }
  /** The state a build gives `samples` without events: gene features `genes`, then the rules and pathways (../scale/merge.ts). */
  readonly fill: (samples: readonly string[], genes: readonly string[]) => Uint8Array
  readonly rules: readonly CompiledRule[]
  readonly aliases: AliasResolver
  /** Gene features were given (--genes). */
  readonly genesGiven: boolean
  /** The matrix with the panel notes added (per-profile panel decisions, per-panel members of rules and pathways). */
  readonly annotate: <C extends MatrixCells>(m: BuiltMatrix<C>) => BuiltMatrix<C>
}
