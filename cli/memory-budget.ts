/**
 * The memory budget, read here at the edge and nowhere in src/ (issue #20): BIOMARKIT_MEMORY when
 * set (bytes, or with K/M/G), else the smaller of the machine's memory and the cgroup's limit
 * (containers). The CLI's default --max-input-bytes, and what the automatic low-memory switch
 * (src/scale/wanted.ts) compares the inputs with; the library is given it as a number.
 */
import { readFileSync } from 'node:fs'
import { totalmem } from 'node:os'

export function memoryBudget(): number {
  const env = process.env['BIOMARKIT_MEMORY']?.trim()
  const m = env === undefined ? null : /^(\d+(?:\.\d+)?)\s*([KMG]?)B?$/i.exec(env)
  if (m) return Number(m[1]) * 1024 ** ' KMG'.indexOf((m[2] || ' ').toUpperCase())
  let budget = totalmem()
  for (const f of ['/sys/fs/cgroup/memory.max', '/sys/fs/cgroup/memory/memory.limit_in_bytes']) {
    try {
      const v = Number(readFileSync(f, 'utf8').trim())
      if (Number.isFinite(v) && v > 0) budget = Math.min(budget, v)
    } catch {
      /* no such limit */
    }
  }
  return budget
}
