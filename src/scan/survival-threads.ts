/**
 * scanSurvival's features on two threads: a worker thread (./survival-worker.ts) takes features
 * while this thread does too, each from one shared counter (Atomics.add), so both end within one
 * feature of each other whatever the features cost (panels make some features' model rows a third
 * of others'). The worker gets the endpoint's rows (visited samples, times, events, covariates)
 * and the scanned features' state bytes once, as SharedArrayBuffer-backed typed arrays (state
 * already in one, as a large patient-level matrix's, is shared as is, not copied); per
 * feature only its numbers come back (a MessagePort, read here with receiveMessageOnPort once the
 * feature's flag is set). Both threads run ./survival-feature.ts on the same bytes, and each
 * feature's result is put at its place in the list, so the rows are those of the one-thread loop.
 *
 * Synchronous, like the rest of scanSurvival: this thread waits for the worker's last features
 * with Atomics.wait, never on the event loop. A worker that fails, never starts or stops answering
 * loses nothing: a feature it has not delivered when this thread would wait longer than
 * `GIVE_UP_MS` past its own last feature is computed here (the same numbers; the worker is then
 * terminated).
 *
 * Used when two threads are available (BIOMARKIT_THREADS, as the MAF reader: `parseThreads`), the
 * compiled worker exists beside this module (the TypeScript sources run by vitest have none: tests
 * drive this through dist/), no curves are wanted and the work is large enough: features × rows ≥
 * `minCells` (default MIN_CELLS, see there).
 */
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads'
import { parseThreads } from '../scale/read/parallel.js'
import { survivalBuffers, survivalFeature, warmUp, type FeatureOutcome, type SurvivalInputs } from './survival-feature.js'
import { NEXT, READY, type SurvivalWorkerAnswer, type SurvivalWorkerInput } from './survival-protocol.js'

export interface SurvivalThreadTuning {
  /** Scans of fewer features × visited rows than this run on one thread (default MIN_CELLS). */
  readonly minCells?: number | undefined
  /** Tests: this thread takes no feature before the worker has delivered one (so both take part on a small scan). */
  readonly workerFirst?: boolean | undefined
}

/** Features delivered by a worker, and by this thread, in threaded scans (tests check both take part). */
export const threadCounts = { worker: 0, main: 0 }

/**
 * Below this many features × visited rows one thread does the scan. Measured: a worker costs
 * 110–170 ms of CPU before it delivers its first feature (thread, modules loaded, its own warm-up;
 * the library unbundled, 2 loaded cores), and the loop runs at roughly 50–80 ns a cell on one
 * thread; at 4M cells (e.g. 500 genes × 8,000 patients) one thread needs ~0.2–0.3 s, so half of
 * that is saved for a worker's start. Smaller scans stay on one thread.
 */
export const MIN_CELLS = 4_000_000
/** How long this thread waits for a feature the worker took, past its own last one, before computing it itself. */
const GIVE_UP_MS = 10_000

const WORKER = new URL('./survival-worker.js', import.meta.url)

/** Typed arrays over SharedArrayBuffers, copied from `a`. */
function shared<T extends Float64Array | Int32Array | Uint8Array>(a: T, make: (b: SharedArrayBuffer) => T): T {
  const out = make(new SharedArrayBuffer(Math.max(1, a.byteLength)))
  out.set(a)
  return out
}

/** Whether a scan of `features` features over `rows` visited rows goes to two threads. */
export function threadedScan(features: number, rows: number, tuning: SurvivalThreadTuning = {}): boolean {
  return features >= 2 && features * rows >= (tuning.minCells ?? MIN_CELLS) && parseThreads() >= 2 && existsSync(fileURLToPath(WORKER))
}

/**
 * The outcomes of `features` (indices into the matrix whose row-major state bytes are `state`, `samples`
 * a row), in their order, computed by this thread and a worker. Call only when `threadedScan` says so.
 */
export function survivalOutcomesThreaded(inp: SurvivalInputs, state: Uint8Array, samples: number, features: readonly number[], tuning: SurvivalThreadTuning = {}): FeatureOutcome[] {
  const nf = features.length
  const control = new Int32Array(new SharedArrayBuffer(8))
  const status = new Int32Array(new SharedArrayBuffer(4 * nf))
  // State already in a SharedArrayBuffer (a large patient-level matrix, ../study/patients.ts) is
  // handed over as is, each feature at its own row; other state is copied, scanned features only.
  const inPlace = state.buffer instanceof SharedArrayBuffer
  const sharedState = inPlace ? state : new Uint8Array(new SharedArrayBuffer(Math.max(1, nf * samples)))
  const base = new Int32Array(new SharedArrayBuffer(Math.max(4, 4 * nf)))
  features.forEach((f, i) => (base[i] = (inPlace ? f : i) * samples))
  const inputs: SurvivalInputs = {
    ...inp,
    vSample: shared(inp.vSample, (b) => new Int32Array(b, 0, inp.vSample.length)),
    vTime: shared(inp.vTime, (b) => new Float64Array(b, 0, inp.vTime.length)),
    vEvent: shared(inp.vEvent, (b) => new Uint8Array(b, 0, inp.vEvent.length)),
    vCov: shared(inp.vCov, (b) => new Float64Array(b, 0, inp.vCov.length)),
  }
  const { port1, port2 } = new MessageChannel()
  const data: SurvivalWorkerInput = { inputs, state: sharedState, base, features: nf, control, status, port: port2 }
  let worker: Worker | undefined
  try {
    worker = new Worker(WORKER, { workerData: data, transferList: [port2] })
    worker.unref()
    worker.on('error', () => undefined) // a failed worker delivers nothing; its features are computed here
  } catch {
    worker = undefined
  }
  // The state bytes are copied (when they must be) while the worker starts; it waits on READY.
  if (!inPlace) features.forEach((f, i) => sharedState.set(state.subarray(f * samples, (f + 1) * samples), i * samples))
  Atomics.store(control, READY, 1)
  Atomics.notify(control, READY)
  const out: (FeatureOutcome | undefined)[] = new Array<FeatureOutcome | undefined>(nf)
  const buf = survivalBuffers(inp)
  warmUp()
  try {
    if (tuning.workerFirst === true) Atomics.wait(status, 0, 0, GIVE_UP_MS)
    for (;;) {
      const i = Atomics.add(control, NEXT, 1)
      if (i >= nf) break
      out[i] = survivalFeature(inp, state, (features[i] as number) * samples, buf)
      threadCounts.main++
    }
    // The worker's features: wait for each (its flag), then read what it posted.
    const deadline = Date.now() + GIVE_UP_MS
    for (let i = 0; i < nf; i++) {
      if (out[i] !== undefined) continue
      while (Atomics.load(status, i) === 0) {
        const left = deadline - Date.now()
        if (left <= 0 || Atomics.wait(status, i, 0, left) === 'timed-out') break
      }
    }
    for (let m = receiveMessageOnPort(port1); m !== undefined; m = receiveMessageOnPort(port1)) {
      const a = m.message as SurvivalWorkerAnswer
      if (out[a.i] === undefined && Atomics.load(status, a.i) === 1) {
        out[a.i] = a.outcome
        threadCounts.worker++
      }
    }
    // Anything the worker did not deliver (it failed, or gave no answer in time): computed here.
    for (let i = 0; i < nf; i++) out[i] ??= survivalFeature(inp, state, (features[i] as number) * samples, buf)
  } finally {
    port1.close()
    void worker?.terminate()
  }
  return out as FeatureOutcome[]
}
