/**
 * Worker thread of ./survival-threads.ts: takes features from the shared counter until none is
 * left, computes each over the shared state bytes exactly as the main thread does
 * (./survival-feature.ts), posts its outcome, then sets its flag (so the outcome is on the port
 * when the main thread sees the flag). A feature that throws is flagged failed; the main thread
 * computes it (and meets the same error) and this thread stops taking features.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { survivalBuffers, survivalFeature, warmUp } from './survival-feature.js'
import { NEXT, READY, type SurvivalWorkerAnswer, type SurvivalWorkerInput } from './survival-protocol.js'

const d = workerData as SurvivalWorkerInput
if (parentPort !== null) {
  const { inputs, state, base, features, control, status, port } = d
  warmUp()
  Atomics.wait(control, READY, 0)
  const buf = survivalBuffers(inputs)
  for (;;) {
    const i = Atomics.add(control, NEXT, 1)
    if (i >= features) break
    let answer: SurvivalWorkerAnswer
    try {
      answer = { i, outcome: survivalFeature(inputs, state, base[i] as number, buf) }
    } catch {
      Atomics.store(status, i, 2)
      Atomics.notify(status, i)
      break
    }
    port.postMessage(answer)
    Atomics.store(status, i, 1)
    Atomics.notify(status, i)
  }
  port.close()
}
