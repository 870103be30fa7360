import type { z } from 'zod'
import { InputError } from '../src/errors.js'

/** Parse a command's options with its zod schema first thing; a failure is a usage error. */
export function parseOptions<T extends z.ZodType>(schema: T, raw: unknown): z.infer<T> {
  const r = schema.safeParse(raw)
  if (r.success) return r.data
  const issue = r.error.issues[0]
  const path = issue?.path.length ? `--${issue.path.map(String).join('.').replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())}` : 'options'
  throw new InputError('USAGE', `${path}: ${issue?.message ?? 'invalid value'}`)
}
