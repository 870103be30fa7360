/**
 * Cohort manifest: one TSV (sample, file, role) so a study of 28 patients with 3–4 files each is one
 * argument. Paths are relative to the manifest's folder. Sample `*` means "every sample in the file"
 * (e.g. one copy-number table for the cohort). A sample listed with any file counts as sequenced,
 * so a patient with no alteration is wild-type, not absent.
 */
import { existsSync, statSync } from 'node:fs'
import { dirname, isAbsolute, resolve } from 'node:path'
import { InputError, quote } from '../errors.js'
import { readTable, requireColumns } from '../io/table.js'
import type { ReadLimits } from '../io/read-limits.js'

export const ROLES = ['somatic', 'germline', 'cna', 'fusion', 'maf'] as const
export type Role = (typeof ROLES)[number]

export interface ManifestEntry {
  /** Sample ID, or undefined for `*` (all samples in the file). */
  readonly sample: string | undefined
  readonly path: string
  readonly role: Role
  readonly line: number
}

export interface Manifest {
  readonly file: string
  readonly entries: readonly ManifestEntry[]
  /** Every named sample (the declared sequenced universe). */
  readonly samples: readonly string[]
}

/** `limits`: default readLimits(). */
export async function readManifest(path: string, limits?: ReadLimits): Promise<Manifest> {
  const t = await readTable(path, { what: 'manifest', limits })
  const [si, fi, ri] = requireColumns(t.header, ['sample', 'file', 'role'], 'manifest') as [number, number, number]
  const base = dirname(resolve(path))
  const entries: ManifestEntry[] = []
  const samples = new Set<string>()
  for (const r of t.rows) {
    const sample = (r.fields[si] as string).trim()
    const file = (r.fields[fi] as string).trim()
    const roleRaw = (r.fields[ri] as string).trim().toLowerCase()
    if (!(ROLES as readonly string[]).includes(roleRaw)) {
      throw new InputError('BAD_VALUE', `role: expected one of ${ROLES.join(', ')}, got ${quote(roleRaw)}`, { file: path, line: r.line, column: ri + 1 })
    }
    if (file === '') throw new InputError('BAD_VALUE', 'file: empty path', { file: path, line: r.line, column: fi + 1 })
    const full = isAbsolute(file) ? file : resolve(base, file)
    if (!existsSync(full) || !statSync(full).isFile()) {
      throw new InputError('NOT_FOUND', `file: ${quote(file)} does not exist (looked for ${full})`, {
        file: path,
        line: r.line,
        column: fi + 1,
        suggestion: 'paths in a manifest are relative to the manifest’s own folder',
      })
    }
    const s = sample === '*' || sample === '' ? undefined : sample
    if (s !== undefined) samples.add(s)
    entries.push({ sample: s, path: full, role: roleRaw as Role, line: r.line })
  }
  return { file: path, entries, samples: [...samples].sort() }
}
