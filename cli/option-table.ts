/**
 * Every command-line option is declared once, in a table (cli/option-groups.ts and a command's own
 * table): its flags, help text, default, choices, how commander collects it, and the zod schema its
 * parsed value must pass. Both the commander declaration and the validation are derived from that
 * entry, so an option's name, help, default and type cannot differ between the help and the checks,
 * nor silently between commands (test/cli/option-table.test.ts).
 *
 * Every command validates all its declared options before its action runs (a preAction hook), with
 * the one zod-error formatter (src/io/zod-issues.ts): `--min-altered: Too small: …, got -1`.
 */
import { Option, type Command } from 'commander'
import { z } from 'zod'
import { validate } from '../src/io/zod-issues.js'

export interface OptionSpec<S extends z.ZodType = z.ZodType, Opt extends boolean = boolean> {
  readonly flags: string
  readonly description: string
  /** The parsed value's schema, without optional/default: those follow from `default` and `required`. */
  readonly schema: S
  readonly default?: string | boolean | undefined
  readonly required?: boolean | undefined
  /**
   * The value when the option is not given, for an option whose help states its default in words
   * (`(default 6: maftools minMut 5 …)`) or not at all: zod supplies it, commander's help does not show it.
   */
  readonly implied?: unknown
  /** Commander's choices (help lists them; commander rejects others before validation). */
  readonly choices?: readonly string[] | undefined
  /** Commander's argument parser: how repeated and comma-separated values are collected. */
  readonly parse?: ((value: string, previous: unknown) => unknown) | undefined
  /** A restatement of a shared option in one command's words: same option names, schema and parser (the value's placeholder may say more). */
  readonly base?: OptionSpec | undefined
  /** Whether the value may be absent (no default, not required); a type-level fact for schemaOf. */
  readonly optional: Opt
}

export type OptionGroup = Readonly<Record<string, OptionSpec>>

interface More {
  readonly choices?: readonly string[]
  readonly parse?: (value: string, previous: unknown) => unknown
}

/** An option that may be absent. */
export function opt<S extends z.ZodType>(flags: string, description: string, schema: S, more?: More): OptionSpec<S, true>
/** An option with a default or required: always present once commander has parsed. */
export function opt<S extends z.ZodType>(flags: string, description: string, schema: S, more: More & ({ readonly default: string | boolean } | { readonly required: true } | { readonly implied: z.output<S> })): OptionSpec<S, false>
export function opt<S extends z.ZodType>(flags: string, description: string, schema: S, more: More & { readonly default?: string | boolean; readonly required?: boolean; readonly implied?: unknown } = {}): OptionSpec<S> {
  return { flags, description, schema, ...more, optional: more.default === undefined && more.required !== true && more.implied === undefined }
}

/** An option whose value is one of `values`: the choices and the zod enum from one list. */
export function choice<const V extends readonly [string, ...string[]]>(flags: string, description: string, values: V): OptionSpec<z.ZodEnum<{ [K in V[number]]: K }>, true>
export function choice<const V extends readonly [string, ...string[]]>(flags: string, description: string, values: V, def: V[number]): OptionSpec<z.ZodEnum<{ [K in V[number]]: K }>, false>
export function choice<const V extends readonly [string, ...string[]]>(flags: string, description: string, values: V, def?: V[number]): OptionSpec<z.ZodEnum<{ [K in V[number]]: K }>> {
  return { flags, description, schema: z.enum(values), choices: values, ...(def === undefined ? {} : { default: def }), optional: def === undefined }
}

/**
 * The shared option `base` in one command's words (its help says what the option does there), or
 * with that command's default or requiredness. Flags, schema, choices and parser stay the base's.
 */
export function variant<S extends z.ZodType>(base: OptionSpec<S>, more: { readonly description?: string; readonly flags?: string; readonly default?: string | boolean; readonly required: true }): OptionSpec<S, false>
export function variant<S extends z.ZodType>(base: OptionSpec<S>, more: { readonly description?: string; readonly default?: string | boolean; readonly implied?: unknown; readonly required?: false } & ({ readonly default: string | boolean } | { readonly implied: unknown })): OptionSpec<S, false>
export function variant<S extends z.ZodType, O extends boolean>(base: OptionSpec<S, O>, more: { readonly description: string; readonly flags?: string }): OptionSpec<S, O>
export function variant<S extends z.ZodType>(base: OptionSpec<S>, more: { readonly description?: string; readonly flags?: string; readonly default?: string | boolean; readonly required?: boolean; readonly implied?: unknown }): OptionSpec<S> {
  const spec = { ...base, ...more, base: base.base ?? base }
  return { ...spec, optional: spec.default === undefined && spec.required !== true && spec.implied === undefined }
}

/** The commander attribute an option's value is stored under (`--no-italic` → italic). */
export function attributeOf(spec: OptionSpec): string {
  return new Option(spec.flags).attributeName()
}

const isNegation = (spec: OptionSpec): boolean => /(^|[ ,])--no-/.test(spec.flags)

type Shape<G extends OptionGroup> = { [K in keyof G]: G[K] extends OptionSpec<infer S, infer O> ? (O extends true ? z.ZodOptional<S> : S) : never }

/**
 * The zod object that validates a group's parsed values. A `--no-x` entry shares its attribute with
 * `--x` and adds no key of its own when `--x` is in the group.
 */
export function schemaOf<G extends OptionGroup>(group: G): z.ZodObject<Shape<G>> {
  const shape: Record<string, z.ZodType> = {}
  const specs = Object.values(group)
  for (const spec of [...specs.filter((s) => !isNegation(s)), ...specs.filter(isNegation)]) {
    const key = attributeOf(spec)
    if (key in shape) continue
    shape[key] = spec.optional ? spec.schema.optional() : spec.default !== undefined ? spec.schema.prefault(spec.default as never) : spec.implied !== undefined ? spec.schema.default(spec.implied as never) : spec.schema
  }
  return z.object(shape) as unknown as z.ZodObject<Shape<G>>
}

/** `minAltered` → `--min-altered`: how an option is named in an error. */
function flagOf(path: readonly PropertyKey[]): string {
  return path.length === 0 ? 'options' : `--${path.map(String).join('.').replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())}`
}

/** Validate a command's parsed options (a group, or a schema built from groups); a failure is a usage error. */
export function parseOptions<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  return validate(schema, raw, { code: 'USAGE', where: (p) => flagOf(p.slice(0, 1)), max: 1 })
}

const specOfOption = new WeakMap<Option, OptionSpec>()
const specsOfCommand = new WeakMap<Command, OptionSpec[]>()

/** The commander Option of a table entry. */
function toOption(spec: OptionSpec): Option {
  const o = new Option(spec.flags, spec.description)
  if (spec.choices !== undefined) o.choices(spec.choices)
  if (spec.default !== undefined) o.default(spec.default)
  if (spec.parse !== undefined) o.argParser(spec.parse)
  if (spec.required === true) o.makeOptionMandatory(true)
  specOfOption.set(o, spec)
  return o
}

/**
 * Declare a group's options on a command, in the group's order. The first call also installs the
 * check that validates every option the command declared, before its action runs.
 */
export function addOptions(cmd: Command, group: OptionGroup): Command {
  let specs = specsOfCommand.get(cmd)
  if (specs === undefined) {
    specs = []
    specsOfCommand.set(cmd, specs)
    const all = specs
    cmd.hook('preAction', (_self, action) => {
      if (action === cmd) parseOptions(schemaOf(Object.fromEntries(all.map((s, i) => [String(i), s]))), cmd.opts())
    })
  }
  for (const spec of Object.values(group)) {
    cmd.addOption(toOption(spec))
    specs.push(spec)
  }
  return cmd
}

/** The table entry an Option was declared from (undefined: declared outside the table). */
export function specOf(option: Option): OptionSpec | undefined {
  return specOfOption.get(option)
}

/** The entries a command declared (for the consistency test). */
export function declaredSpecs(cmd: Command): readonly OptionSpec[] {
  return specsOfCommand.get(cmd) ?? []
}

/** Repeatable option: each use adds one value. */
export const collect = (v: string, prev: unknown): string[] => [...((prev as string[] | undefined) ?? []), v]

/** `a, b,,c` → [a, b, c]. */
export const list = (v: string): string[] =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')

/** Comma-separated and repeatable: every use adds its values. */
export const collectList = (v: string, prev: unknown): string[] => [...((prev as string[] | undefined) ?? []), ...list(v)]
