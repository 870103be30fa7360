/**
 * biomarkit lollipop GENE <inputs...> [--refseq ID] [--clinical F --split-by COL [--split-levels A,B]]
 *   [--rules R] [--label-top N] [--sites-out F] [--png [--scale N | --dpi N]] -o plot.svg
 */
import { Command } from 'commander'
import { z } from 'zod'
import type { Side } from '../../src/classify/lollipop.js'
import { loadRules } from '../../src/classify/rules.js'
import { compileRules } from '../../src/classify/rule-match.js'
import { InputError, quote } from '../../src/errors.js'
import { isMissing } from '../../src/io/fields.js'
import { writeFilesAtomic } from '../../src/io/write.js'
import { DEFAULT_READING, type ClinicalTable } from '../../src/model/clinical.js'
import { describeResponseColumn, isResponseColumn } from '../../src/clinical/endpoints.js'
import { lookupResponse, type ResponseCode } from '../../src/clinical/response.js'
import { classifyCohort, resolveData } from '../../src/pipeline/classify-cohort.js'
import { renderPng } from '../../viz/png.js'
import { addClassifyOptions, classifyOptions, parseList } from '../analysis-options.js'
import { addClinicalOptions, loadClinical } from '../clinical-options.js'
import { clinicalNotes } from './oncoplot.js'
import { lollipopFigure } from '../lollipop-figure.js'
import type { CliIO } from '../context.js'
import { addInputOptions, inputAction, loadInputs } from '../inputs.js'
import { parseOptions } from '../validate.js'
import { limitsOf } from '../read-limits.js'

const Schema = z.object({
  output: z.string({ message: 'required: -o plot.svg' }),
  refseq: z.string().optional(),
  clinical: z.string().optional(),
  splitBy: z.string().optional(),
  splitLevels: z.array(z.string()).length(2, { message: '--split-levels takes two values: ABOVE,BELOW' }).optional(),
  rules: z.string().optional(),
  labelTop: z.coerce.number().int().min(0).default(8),
  sitesOut: z.string().optional(),
  png: z.boolean().optional(),
  scale: z.coerce.number().positive().max(16).optional(),
  dpi: z.coerce.number().positive().max(1536).optional(),
  width: z.coerce.number().min(300).max(10_000).optional(),
})

/** Responder (CR/PR, or a responder coding), non-responder (SD/PD, or a non-responder coding), or neither (NE, CR/PR/SD…). */
function responderSide(code: ResponseCode): Side | undefined {
  if (code.kind === 'binary') return code.responder ? 'above' : 'below'
  if (code.categories.every((c) => c === 'CR' || c === 'PR')) return 'above'
  if (code.categories.every((c) => c === 'SD' || c === 'PD')) return 'below'
  return undefined
}

/**
 * Which side of the axis a sample's mutations go: a best-response column (read as scan reads it,
 * with --response-map) splits responders from non-responders, NE and missing left out; any other
 * column must have exactly two values (or name them with --split-levels: the first above).
 */
export function sidesFromColumn(table: ClinicalTable, column: string, levels?: readonly string[]): { sideOf: (s: string) => Side | undefined; names: { above: string; below: string }; rule: string } {
  if (!table.columns.includes(column)) throw new InputError('MISSING_COLUMN', `--split-by ${quote(column)}: no such clinical column`, { file: table.file, suggestion: `columns are: ${table.columns.join(', ')}` })
  const value = (s: string): string | undefined => {
    const v = table.rows.get(s)?.values.get(column)
    return v === undefined || isMissing(v) ? undefined : v.trim()
  }
  if (levels === undefined && isResponseColumn(table, column)) {
    const map = (table.reading ?? DEFAULT_READING).responseMap
    return {
      sideOf: (s) => {
        const v = value(s)
        if (v === undefined) return undefined
        const r = lookupResponse(v, { map, columnName: column })
        return r.kind === 'response' ? responderSide(r.code) : undefined
      },
      names: { above: 'Responders (CR/PR)', below: 'Non-responders (SD/PD)' },
      rule: `${describeResponseColumn(table, column)}; CR/PR above, SD/PD below, NE and missing left out`,
    }
  }
  const present = new Set<string>()
  for (const r of table.rows.values()) {
    const v = r.values.get(column)
    if (v !== undefined && !isMissing(v)) present.add(v.trim())
  }
  const two = levels ?? [...present].sort()
  if (two.length !== 2 || !two.every((l) => present.has(l))) {
    throw new InputError('BAD_VALUE', `--split-by ${quote(column)}: need exactly two values, found ${present.size} (${[...present].sort().slice(0, 8).map((v) => quote(v)).join(', ')})`, { file: table.file, suggestion: 'name the two with --split-levels ABOVE,BELOW, or split by a best-response column' })
  }
  const [above, below] = two as [string, string]
  return {
    sideOf: (s) => {
      const v = value(s)
      return v === above ? 'above' : v === below ? 'below' : undefined
    },
    names: { above: `${column} = ${above}`, below: `${column} = ${below}` },
    rule: `${column}: ${above} above, ${below} below, other values and missing left out`,
  }
}

export function lollipopCommand(io: CliIO): Command {
  const cmd = new Command('lollipop').description("a gene's mutations along its protein with domains (maftools lollipopPlot); SVG, PNG on request")
  cmd.argument('<gene>', 'HGNC symbol, e.g. TP53')
  addClinicalOptions(addClassifyOptions(addInputOptions(cmd)))
    .requiredOption('-o, --output <file>', 'SVG file to write')
    .option('--refseq <id>', 'RefSeq transcript (NM_) or protein (NP_) to draw (default: the longest annotated, as maftools)')
    .option('--clinical <file>', 'clinical table for --split-by')
    .option('--split-by <column>', 'draw the first group above the axis and the second below (best response: responders vs non-responders)')
    .option('--split-levels <a,b>', 'the two values of --split-by, the first above', parseList)
    .option('--label-top <n>', 'label at most N recurrent positions (2+ mutations)', '8')
    .option('--sites-out <file>', 'also write the drawn sites as TSV (position, side, count, samples, changes, classes)')
    .option('--width <px>', 'figure width')
    .option('--png', 'also write a PNG next to the SVG (same name, .png)')
    .option('--scale <n>', 'PNG pixels per SVG pixel (default 2)')
    .option('--dpi <n>', 'PNG resolution in dots per inch, instead of --scale')
  cmd.action((gene: string, inputs: string[], raw: Record<string, unknown>) =>
    inputAction(io, async (files, opts) => {
      const o = parseOptions(Schema, opts)
      if (o.splitBy !== undefined && o.clinical === undefined) throw new InputError('USAGE', '--split-by needs --clinical FILE')
      if (o.scale !== undefined && o.dpi !== undefined) throw new InputError('USAGE', '--scale and --dpi say the same thing: give one')
      const cohort = await loadInputs(files, opts, io)
      const matrix = await classifyCohort(cohort, { ...classifyOptions(opts), genes: [gene] })
      const feature = matrix.features.find((f) => f.type === 'gene')
      if (feature === undefined) throw new InputError('NOT_FOUND', `gene ${quote(gene)} was not built`)
      const clinical = o.clinical === undefined ? undefined : (await loadClinical(o.clinical, opts, matrix.samples)).table
      if (clinical !== undefined) for (const line of clinicalNotes(clinical, [])) io.stderr(`biomarkit: ${line}\n`)
      const split = clinical !== undefined && o.splitBy !== undefined ? sidesFromColumn(clinical, o.splitBy, o.splitLevels) : undefined
      const hotspots: { position: number; label: string }[] = []
      if (o.rules !== undefined) {
        for (const r of compileRules(await loadRules(resolveData(o.rules, 'biomarkers-'), limitsOf(opts, io)), o.rules)) {
          if (!r.genes.includes(feature.id) || r.hotspots === undefined) continue
          for (const residue of r.hotspots.keys()) hotspots.push({ position: Number(residue.replace(/^\D+/, '')), label: r.id })
        }
      }
      const { svg, data, transcript, notes } = await lollipopFigure(matrix, feature.id, { refseq: o.refseq, split, hotspots, labelTop: o.labelTop, width: o.width, limits: limitsOf(opts, io) })
      const used = [...cohort.files, ...(o.clinical ? [o.clinical] : [])]
      const outs: { path: string; data: string | Uint8Array }[] = [{ path: o.output, data: svg }]
      if (o.png) outs.push({ path: o.output.replace(/\.svg$/i, '') + '.png', data: renderPng(svg, { scale: o.dpi !== undefined ? o.dpi / 96 : o.scale }) })
      if (o.sitesOut !== undefined) {
        const rows = data.sites.map((s) => [s.position, s.side, s.count, s.samples, s.changes.map((c) => `${c.change}:${c.count}`).join(','), s.classes.map((c) => `${c.variantClass}:${c.count}`).join(',')].join('\t'))
        outs.push({ path: o.sitesOut, data: [`# ${feature.id} ${transcript.protein} (${transcript.refseq}), ${transcript.length} aa; ${notes.join('; ')}`, 'position\tside\tcount\tsamples\tchanges\tclasses', ...rows].join('\n') + '\n' })
      }
      await writeFilesAtomic(outs, used, io.registry)
      io.stderr(`lollipop: ${notes.join('; ')}\n`)
    })(inputs, raw),
  )
  return cmd
}
