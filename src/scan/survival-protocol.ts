/**
 * What ./survival-threads.ts and its worker (./survival-worker.ts) share: the worker's input and
 * answer, and the slots of the control array. Its own module so that the worker loads the
 * per-feature code only, not the thread starter (which imports the MAF reader's thread count).
 */
import type { MessagePort } from 'node:worker_threads'
import type { FeatureOutcome, SurvivalInputs } from './survival-feature.js'

/** What the worker is given (typed arrays over SharedArrayBuffers; the port is transferred). */
export interface SurvivalWorkerInput {
  readonly inputs: SurvivalInputs
  /** State bytes (SharedArrayBuffer-backed): scanned feature i's row starts at base[i]. */
  readonly state: Uint8Array
  readonly base: Int32Array
  readonly features: number
  /** control[NEXT]: the next feature to take; control[READY]: 1 once `state` is filled. */
  readonly control: Int32Array
  /** Per feature: 0 = not delivered by the worker, 1 = its outcome is on the port, 2 = it failed there. */
  readonly status: Int32Array
  readonly port: MessagePort
}

/** One worker message: feature i's outcome. */
export interface SurvivalWorkerAnswer {
  readonly i: number
  readonly outcome: FeatureOutcome
}

export const NEXT = 0
export const READY = 1
