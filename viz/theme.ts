/**
 * The oncoplot theme: colours and fonts, overridable from a JSON file (`--theme FILE`), validated by
 * zod at the edge. Glyph colours are keyed by glyph key ("mut:Missense_Mutation", "cna:amp"), bare
 * key ("Missense_Mutation", "amp") or legend label ("Amplification").
 */
import { z } from 'zod'
import { readSideText } from '../src/io/side-file.js'
import { validate } from '../src/io/zod-issues.js'
import { jsonLocator, parseJsonText } from '../src/panels/json.js'
import type { ReadLimits } from '../src/io/read-limits.js'

const Color = z
  .string()
  .regex(/^(#[0-9a-fA-F]{3}|#[0-9a-fA-F]{6}|#[0-9a-fA-F]{8}|[a-zA-Z]{3,30})$/, 'expected a colour: #rgb, #rrggbb, #rrggbbaa or a CSS colour name')

export const ThemeSchema = z
  .object({
    palette: z.enum(['maftools', 'cbioportal']).optional(),
    colors: z.record(z.string(), Color).optional(),
    wildType: Color.optional(),
    notAssayed: Color.optional(),
    background: Color.optional(),
    text: Color.optional(),
    fontFamily: z.string().min(1).max(200).optional(),
    fontSize: z.number().min(4).max(48).optional(),
    clinical: z.record(z.string(), z.record(z.string(), Color)).optional(),
  })
  .strict()

export type ThemeInput = z.infer<typeof ThemeSchema>

export interface Theme {
  readonly palette: 'maftools' | 'cbioportal'
  readonly colors: Readonly<Record<string, string>>
  /** maftools bgCol default. */
  readonly wildType: string
  readonly notAssayed: string
  readonly background: string
  readonly text: string
  readonly fontFamily: string
  readonly fontSize: number
  readonly clinical: Readonly<Record<string, Readonly<Record<string, string>>>>
}

export const DEFAULT_THEME: Theme = {
  palette: 'maftools',
  colors: {},
  wildType: '#CCCCCC',
  notAssayed: '#FFFFFF',
  background: '#FFFFFF',
  text: '#222222',
  fontFamily: 'Helvetica, Arial, DejaVu Sans, sans-serif',
  fontSize: 10,
  clinical: {},
}

export function resolveTheme(input: ThemeInput = {}): Theme {
  return {
    palette: input.palette ?? DEFAULT_THEME.palette,
    colors: input.colors ?? {},
    wildType: input.wildType ?? DEFAULT_THEME.wildType,
    notAssayed: input.notAssayed ?? DEFAULT_THEME.notAssayed,
    background: input.background ?? DEFAULT_THEME.background,
    text: input.text ?? DEFAULT_THEME.text,
    fontFamily: input.fontFamily ?? DEFAULT_THEME.fontFamily,
    fontSize: input.fontSize ?? DEFAULT_THEME.fontSize,
    clinical: input.clinical ?? {},
  }
}

/** Parse and validate theme JSON text; errors carry the file and, for syntax errors, line:column. */
export function parseTheme(text: string, file: string): Theme {
  // The one JSON parser of side files: nesting bounded, syntax errors at line:column.
  const json = parseJsonText(text, file)
  // One formatter of schema errors (src/io/zod-issues.ts): the key's line and column, the value found.
  const data = validate(ThemeSchema, json, {
    file,
    locate: jsonLocator(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text),
    prefix: 'theme: ',
    suggestion: 'keys: palette, colors, wildType, notAssayed, background, text, fontFamily, fontSize, clinical',
  })
  return resolveTheme(data)
}

/**
 * Read and validate a theme file (`--theme FILE`), through the line source like every input (a BOM,
 * gzip, invalid UTF-8 as file:line:column, the line cap; readFile's 'utf8' made bad bytes U+FFFD).
 */
export async function readTheme(path: string, limits?: ReadLimits): Promise<Theme> {
  return parseTheme(await readSideText(path, 'theme file', limits), path)
}

/** JSON Schema of the theme file, generated from the zod schema (never hand-synchronised). */
export function themeJsonSchema(): unknown {
  return z.toJSONSchema(ThemeSchema)
}
