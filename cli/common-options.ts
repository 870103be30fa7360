/**
 * Options that several commands declare, each once: the same flag means the same kind of value
 * everywhere. A command whose help must say what the option does there restates it with
 * `variant` (same flags, schema and parser; its own words, default or requiredness).
 */
import { z } from 'zod'
import { ALTERNATIVES } from '../src/stats/fisher.js'
import { choice, collectList, list, opt, variant } from './option-table.js'

const positiveInt = z.coerce.number().int().positive()

export const OUTPUT = opt('-o, --output <file>', 'output file (default: stdout)', z.string())
/** The figure commands: -o names the SVG (required). */
export const OUTPUT_SVG = variant(OUTPUT, { description: 'SVG file to write', required: true })
export const FORMAT = choice('--format <fmt>', 'output format', ['tsv', 'json'], 'tsv')
export const JSON_OUTPUT = opt('--json', 'machine-readable output', z.boolean())
export const CLINICAL = opt('--clinical <file>', 'clinical table', z.string())
export const TITLE = opt('--title <text>', 'figure title', z.string())

export const PNG = opt('--png', 'also write a PNG next to the SVG (same name, .png)', z.boolean())
export const PLOT = opt('--plot <file>', 'also draw a figure (SVG)', z.string())
export const PLOT_PNG = variant(PNG, { description: 'with --plot, also write a PNG next to the SVG' })
export const SCALE = opt('--scale <n>', 'PNG pixels per SVG pixel (default 2)', z.coerce.number().positive().max(16))
export const DPI = opt('--dpi <n>', 'PNG resolution in dots per inch, instead of --scale (an SVG pixel is 1/96 inch: 300 dpi = scale 3.125)', z.coerce.number().positive().max(1536))

export const LOG = opt('--log', 'log10 value axis', z.boolean())

export const TOP = opt('--top <n>', 'the N most altered genes', positiveInt)
// An empty list (`--genes ,`) names nothing to test or draw: an error on every command.
export const GENES = opt('--genes <list>', 'these genes only', z.array(z.string().min(1)).min(1, 'expected at least one gene'), { parse: list })
export const TRACKS = opt('--tracks <list>', 'clinical columns to draw under the matrix (e.g. best_response,pfs_months,pfs_event)', z.array(z.string()), { parse: list })
export const COVARIATES = opt('--covariates <list>', 'clinical columns to adjust the Cox model for (e.g. brain_mets,prior_trop2_adc)', z.array(z.string()), { parse: list })
export const MIN_ALTERED = opt('--min-altered <n>', 'test genes altered in at least N assayed samples (default 6: maftools minMut 5 = more than 5)', z.coerce.number().int().nonnegative())
export const PATIENT_COLUMN = opt('--patient-column <name>', 'patient-ID column of the clinical table: test every endpoint per patient', z.string())
export const ENDPOINT = opt('--endpoint <name>', 'pfs, os or TIME~EVENT', z.string())

export const ALTERNATIVE = choice('--alternative <side>', 'side of the Fisher test', ALTERNATIVES as unknown as readonly ['two-sided', 'less', 'greater'], 'two-sided')
export const ADJUST = choice('--adjust <method>', 'multiple-testing correction within each family', ['BH', 'bonferroni'], 'BH')
export const CONF_TYPE = choice('--conf-type <type>', 'KM confidence interval type, as R survfit', ['log', 'log-log'], 'log')

export { collectList }
