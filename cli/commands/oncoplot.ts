/**
 * biomarkit oncoplot <inputs...> [--clinical F --tracks LIST] [--top N | --genes LIST] [--sort-by TRACK]
 *   [--theme F] [--width PX] [--matrix-out F] [--png] -o plot.svg
 */
import { Command, Option } from 'commander'
import { z } from 'zod'
import { describeResponseColumn, isResponseColumn } from '../../src/clinical/endpoints.js'
import { sampleStatements, sampleWarnings } from '../../src/clinical/provenance.js'
import { InputError } from '../../src/errors.js'
import { readLines } from '../../src/io/lines.js'
import { writeFileAtomic } from '../../src/io/write.js'
import { featureCounts, type CohortMatrix } from '../../src/matrix/types.js'
import type { ClinicalTable } from '../../src/model/clinical.js'
import { classifyCohort } from '../../src/pipeline/classify-cohort.js'
import { layoutOrdered, matrixTsv, orderMatrix, pairedEventColumn, readTheme, renderPng, toSvg, type OncoplotOptions, type TrackSpec } from '../../viz/index.js'
import { addClassifyOptions, classifyOptions, parseList } from '../analysis-options.js'
import { addClinicalOptions, loadClinical } from '../clinical-options.js'
import type { CliIO } from '../context.js'
import { addInputOptions, inputAction, loadInputs } from '../inputs.js'
import { parseOptions } from '../validate.js'

const Schema = z.object({
  output: z.string({ message: 'required: -o plot.svg' }),
  clinical: z.string().optional(),
  tracks: z.array(z.string()).optional(),
  top: z.coerce.number().int().positive().default(20),
  genes: z.array(z.string()).optional(),
  show: z.enum(['genes', 'rules', 'pathways']).default('genes'),
  sortBy: z.string().optional(),
  sampleOrder: z.string().optional(),
  keepGeneOrder: z.boolean().optional(),
  removeUnaltered: z.boolean().default(true),
  theme: z.string().optional(),
  palette: z.enum(['maftools', 'cbioportal']).optional(),
  width: z.coerce.number().positive().optional(),
  matrixOut: z.string().optional(),
  png: z.boolean().optional(),
  title: z.string().optional(),
})

/** Top N features of one type by altered fraction n/N (ties by id), or the named ones. */
export function pickFeatures(m: CohortMatrix, type: 'gene' | 'rule' | 'pathway', top: number, named?: readonly string[]): string[] {
  if (named) {
    const known = new Set(m.features.map((f) => f.id))
    const unknown = named.filter((g) => !known.has(g))
    if (unknown.length > 0) throw new InputError('USAGE', `--genes: not altered in any sample or not in the data: ${unknown.join(', ')}`)
    return [...named]
  }
  return m.features
    .map((f, i) => ({ f, c: featureCounts(m, i) }))
    .filter((x) => x.f.type === type && x.c.altered > 0)
    .sort((a, b) => b.c.altered / b.c.assayed - a.c.altered / a.c.assayed || b.c.altered - a.c.altered || (a.f.id < b.f.id ? -1 : a.f.id > b.f.id ? 1 : 0))
    .slice(0, top)
    .map((x) => x.f.id)
}

/** How the clinical table and its response tracks were read (stderr; the report prints the same). */
export function clinicalNotes(table: ClinicalTable, tracks: readonly string[]): string[] {
  const out = [...sampleWarnings(table).map((w) => `warning: ${w}`), ...sampleStatements(table)]
  for (const t of tracks) if (table.columns.includes(t) && isResponseColumn(table, t)) out.push(`track ${describeResponseColumn(table, t)}`)
  return out
}

/** Track list → specs: a numeric time column listed with its event column gets event marks. */
export function trackSpecs(table: ClinicalTable, names: readonly string[]): TrackSpec[] {
  const listed = new Set(names)
  const usedAsEvent = new Set<string>()
  const specs: TrackSpec[] = []
  for (const n of names) {
    const ev = pairedEventColumn(table, n)
    if (ev !== undefined && listed.has(ev)) {
      usedAsEvent.add(ev)
      specs.push({ column: n, eventColumn: ev })
    } else specs.push({ column: n })
  }
  return specs.filter((s) => !usedAsEvent.has(s.column))
}

export function oncoplotCommand(io: CliIO): Command {
  const cmd = new Command('oncoplot').description('SVG oncoplot (genes × samples) with clinical tracks; PNG and the drawn matrix on request')
  addClinicalOptions(addClassifyOptions(addInputOptions(cmd)))
    .requiredOption('-o, --output <file>', 'SVG file to write')
    .option('--clinical <file>', 'clinical table for tracks and --sort-by')
    .option('--tracks <list>', 'clinical columns to draw under the matrix (e.g. best_response,pfs_months,pfs_event)', parseList)
    .option('--top <n>', 'the N most altered features (by altered / assayed)', '20')
    .option('--genes <list>', 'draw these features, in frequency order (or as given with --keep-gene-order)', parseList)
    .addOption(new Option('--show <type>', 'feature type for rows').choices(['genes', 'rules', 'pathways']).default('genes'))
    .option('--sort-by <track>', 'group columns by a clinical column, memo-sort within each group')
    .option('--sample-order <file>', 'explicit column order: one sample ID per line')
    .option('--keep-gene-order', 'rows as given by --genes')
    .option('--remove-unaltered', 'drop samples with no altered cell in the shown rows (default, as maftools)', true)
    .option('--no-remove-unaltered', 'keep samples with no altered cell in the shown rows')
    .option('--theme <file>', 'JSON theme (colours, fonts, sizes)')
    .addOption(new Option('--palette <name>', 'class colours').choices(['maftools', 'cbioportal']))
    .option('--width <px>', 'maximum matrix width in pixels')
    .option('--title <text>', 'title (default states what was counted)')
    .option('--matrix-out <file>', 'also write the drawn matrix as TSV (rows and columns in drawn order, NA = not assayed)')
    .option('--png', 'also write a PNG next to the SVG (same name, .png)')
    .action(inputAction(async (inputs, raw) => {
      const o = parseOptions(Schema, raw)
      const cohort = await loadInputs(inputs, raw, io)
      const copts = classifyOptions(raw)
      const matrix = await classifyCohort(cohort, { ...copts, withPathways: o.show === 'pathways' })
      const clinical = o.clinical ? (await loadClinical(o.clinical, raw, matrix.samples)).table : undefined
      if (clinical) for (const line of clinicalNotes(clinical, o.tracks ?? [])) io.stderr(`biomarkit: ${line}\n`)
      if ((o.tracks || o.sortBy) && !clinical) throw new InputError('USAGE', '--tracks and --sort-by need --clinical FILE')
      const type = o.show === 'genes' ? 'gene' : o.show === 'rules' ? 'rule' : 'pathway'
      // Through the line source, so a missing or non-UTF-8 file is a located error (readFile made a
      // missing file an internal fault, exit 2).
      const sampleOrder = o.sampleOrder === undefined ? undefined : await sampleIds(o.sampleOrder)
      const opts: OncoplotOptions = {
        features: pickFeatures(matrix, type, o.top, o.genes),
        keepFeatureOrder: o.keepGeneOrder,
        removeUnaltered: o.removeUnaltered,
        sortBy: o.sortBy ? { column: o.sortBy } : undefined,
        sampleOrder,
        theme: o.theme ? await readTheme(o.theme) : undefined,
        palette: o.palette,
        maxMatrixWidth: o.width,
        tracks: clinical && o.tracks ? trackSpecs(clinical, o.tracks) : undefined,
        title: o.title,
      }
      const order = orderMatrix(matrix, opts, clinical)
      const svg = toSvg(layoutOrdered(matrix, order, opts, clinical))
      const inputsUsed = [...cohort.files, ...(o.clinical ? [o.clinical] : [])]
      await writeFileAtomic(o.output, svg, inputsUsed)
      if (o.png) await writeFileAtomic(o.output.replace(/\.svg$/i, '') + '.png', renderPng(svg), inputsUsed)
      if (o.matrixOut) await writeFileAtomic(o.matrixOut, matrixTsv(matrix, order), inputsUsed)
    }))
  return cmd
}

/** One sample ID per line; blank lines and `#` comments skipped. */
async function sampleIds(path: string): Promise<string[]> {
  const ids: string[] = []
  for await (const l of readLines(path)) {
    const s = l.text.trim()
    if (s !== '' && !s.startsWith('#')) ids.push(s)
  }
  return ids
}
