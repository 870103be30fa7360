/**
 * A progress line on stderr when it is a terminal; nothing at all otherwise (pipes, CI, tests).
 */
import { escapeTerminal } from '../src/io/terminal.js'
import type { CliIO } from './context.js'

export interface Progress {
  update(done: number, total: number, label?: string): void
  done(): void
}

export function progress(io: CliIO, what: string): Progress {
  if (!io.isTTY) return { update() {}, done() {} }
  let last = 0
  let shown = false
  return {
    update(done, total, label = '') {
      const now = Date.now()
      if (now - last < 100 && done < total) return
      last = now
      const width = 24
      const fill = total > 0 ? Math.round((done / total) * width) : 0
      const name = escapeTerminal(label.length > 40 ? '…' + label.slice(-39) : label)
      io.stderr(`\r${what} [${'#'.repeat(fill)}${'.'.repeat(width - fill)}] ${done}/${total} ${name}\x1b[K`, true)
      shown = true
    },
    done() {
      if (shown) io.stderr('\r\x1b[K', true)
    },
  }
}
