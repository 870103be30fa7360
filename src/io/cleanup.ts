/**
 * What an interrupted run must not leave behind: temporary outputs (written beside their target,
 * renamed over it only on success) and --low-memory partition folders (a copy of the patients'
 * calls in TMPDIR). Writers register them here while they exist; on SIGINT or SIGTERM the CLI
 * removes them, synchronously, before exiting 130 or 143 (128 + the signal number, as shells do).
 *
 * A process-wide set rather than per-run state: a signal ends the process, whichever run made them.
 */
import { rmSync, unlinkSync } from 'node:fs'

const files = new Set<string>()
const folders = new Set<string>()

export function trackTempFile(path: string): void {
  files.add(path)
}
export function untrackTempFile(path: string): void {
  files.delete(path)
}
export function trackTempFolder(path: string): void {
  folders.add(path)
}
export function untrackTempFolder(path: string): void {
  folders.delete(path)
}

/** Remove everything still registered (best effort: a file already gone is fine). */
export function removeTracked(): void {
  for (const f of files) {
    try {
      unlinkSync(f)
    } catch {
      /* already renamed or removed */
    }
  }
  files.clear()
  for (const d of folders) rmSync(d, { recursive: true, force: true })
  folders.clear()
}

/** How a signal ends the CLI: temporaries removed, exit 128 + signal number. */
export const SIGNAL_EXIT: Readonly<Record<'SIGINT' | 'SIGTERM', number>> = { SIGINT: 130, SIGTERM: 143 }

export function installInterruptCleanup(exit: (code: number) => void = (c) => process.exit(c)): void {
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => {
      removeTracked()
      exit(SIGNAL_EXIT[sig])
    })
  }
}
