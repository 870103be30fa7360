/**
 * I/O limits at the edge (issue #20): the memory budget policy (BIOMARKIT_MEMORY, the cgroup
 * files) is read in cli/ only, and no reader takes its limits from an ambient async context. The
 * library gets both as values (src/io/read-limits.ts); stage lint already keeps src/ from importing
 * cli/memory-budget.ts, and this test keeps the policy from being written into src/ again.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../helpers.js'

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => join(e.parentPath, e.name))
}

/** Files under `folders` whose text matches `re`, relative to the repository. */
function matching(folders: readonly string[], re: RegExp): string[] {
  return folders.flatMap((f) => sources(join(ROOT, f))).filter((p) => re.test(readFileSync(p, 'utf8'))).map((p) => relative(ROOT, p)).sort()
}

describe('I/O limits at the edge', () => {
  it('src/ reads neither BIOMARKIT_MEMORY nor the cgroup memory files; cli/memory-budget.ts does', () => {
    const policy = /BIOMARKIT_MEMORY'?\]|process\.env\[?'?BIOMARKIT_MEMORY|\/sys\/fs\/cgroup/
    expect(matching(['src'], policy)).toEqual([])
    expect(matching(['cli'], policy)).toEqual(['cli/memory-budget.ts'])
  })

  it('no AsyncLocalStorage in src/, cli/ or viz/: limits, the hold meter and the read registry are passed', () => {
    expect(matching(['src', 'cli', 'viz'], /AsyncLocalStorage|node:async_hooks/)).toEqual([])
  })
})
