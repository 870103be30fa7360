/**
 * biomarkit oncoplot <inputs...> [--clinical F --tracks LIST] [--top N | --genes LIST] [--sort-by TRACK]
 *   [--theme F] [--width PX] [--matrix-out F] [--png] -o plot.svg
 */
import { Command, Option } from 'commander'
import { z } from 'zod'
import { describeResponseColumn, isResponseColumn } from '../../src/clinical/endpoints.js'
import { sampleStatements, sampleWarnings } from '../../src/clinical/provenance.js'
import { InputError } from '../../src/errors.js'
import { readSampleList } from '../../src/input/sample-list.js'
import { writeFilesAtomic } from '../../src/io/write.js'
import type { ClinicalTable } from '../../src/model/clinical.js'
import { classifyCohort } from '../../src/pipeline/classify-cohort.js'
import { pickFeatures, trackSpecs } from '../../src/pipeline/oncoplot-features.js'
import { layoutOrdered, matrixTsv, orderMatrix, readTheme, renderPng, toSvg, type OncoplotOptions } from '../../viz/index.js'
import { addClassifyOptions, classifyOptions, parseList } from '../analysis-options.js'
import { addClinicalOptions, loadClinical } from '../clinical-options.js'
import type { CliIO } from '../context.js'
import { addInputOptions, inputAction, loadInputs } from '../inputs.js'
import { addExcelSafeOption, guardTable } from '../output.js'
import { parseOptions } from '../validate.js'
import type { ReadLimits } from '../../src/io/read-limits.js'
import { limitsOf } from '../read-limits.js'

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
  scale: z.coerce.number().positive().max(16).optional(),
  dpi: z.coerce.number().positive().max(1536).optional(),
  italic: z.boolean().default(true),
  log: z.boolean().optional(),
  title: z.string().optional(),
  excelSafe: z.boolean().optional(),
})

/** How the clinical table and its response tracks were read (stderr; the report prints the same). */
export function clinicalNotes(table: ClinicalTable, tracks: readonly string[]): string[] {
  const out = [...sampleWarnings(table).map((w) => `warning: ${w}`), ...sampleStatements(table)]
  for (const t of tracks) if (table.columns.includes(t) && isResponseColumn(table, t)) out.push(`track ${describeResponseColumn(table, t)}`)
  return out
}

export function oncoplotCommand(io: CliIO): Command {
  const cmd = new Command('oncoplot').description('SVG oncoplot (genes × samples) with clinical tracks; PNG and the drawn matrix on request')
  addExcelSafeOption(addClinicalOptions(addClassifyOptions(addInputOptions(cmd))))
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
    .option('--scale <n>', 'PNG pixels per SVG pixel (default 2)')
    .option('--dpi <n>', 'PNG resolution in dots per inch, instead of --scale (an SVG pixel is 1/96 inch: 300 dpi = scale 3.125)')
    .option('--no-italic', 'gene symbols upright (default italic, the HGNC convention)')
    .option('--log', 'log10(1 + x) scale for the top bar and numeric tracks')
    .action(inputAction(io, async (inputs, raw) => {
      const o = parseOptions(Schema, raw)
      const cohort = await loadInputs(inputs, raw, io)
      const copts = classifyOptions(raw)
      // Named genes are built as features even where nothing is altered, so they draw as wild-type
      // rows (maftools `fill = TRUE`) instead of being refused.
      const named = o.show === 'genes' && o.genes !== undefined
      const matrix = await classifyCohort(cohort, { ...copts, withPathways: o.show === 'pathways', ...(named ? { genes: o.genes } : {}) })
      const clinical = o.clinical ? (await loadClinical(o.clinical, raw, matrix.samples)).table : undefined
      if (clinical) for (const line of clinicalNotes(clinical, o.tracks ?? [])) io.stderr(`biomarkit: ${line}\n`)
      if ((o.tracks || o.sortBy) && !clinical) throw new InputError('USAGE', '--tracks and --sort-by need --clinical FILE')
      const type = o.show === 'genes' ? 'gene' : o.show === 'rules' ? 'rule' : 'pathway'
      // Through the line source, so a missing or non-UTF-8 file is a located error (readFile made a
      // missing file an internal fault, exit 2).
      const sampleOrder = o.sampleOrder === undefined ? undefined : await sampleIds(o.sampleOrder, limitsOf(raw, io))
      const opts: OncoplotOptions = {
        features: named ? matrix.features.filter((f) => f.type === 'gene').map((f) => f.id) : pickFeatures(matrix, type, o.top, o.genes),
        keepFeatureOrder: o.keepGeneOrder,
        removeUnaltered: o.removeUnaltered,
        sortBy: o.sortBy ? { column: o.sortBy } : undefined,
        sampleOrder,
        theme: o.theme ? await readTheme(o.theme, limitsOf(raw, io)) : undefined,
        palette: o.palette,
        maxMatrixWidth: o.width,
        tracks: clinical && o.tracks ? trackSpecs(clinical, o.tracks) : undefined,
        title: o.title,
        italicGenes: o.italic,
        log: o.log,
      }
      if (o.scale !== undefined && o.dpi !== undefined) throw new InputError('USAGE', '--scale and --dpi say the same thing: give one')
      if ((o.scale !== undefined || o.dpi !== undefined) && !o.png) throw new InputError('USAGE', '--scale and --dpi set the PNG size: add --png')
      const pngScale = o.dpi !== undefined ? o.dpi / 96 : o.scale
      const order = orderMatrix(matrix, opts, clinical)
      const svg = toSvg(layoutOrdered(matrix, order, opts, clinical))
      const inputsUsed = [...cohort.files, ...(o.clinical ? [o.clinical] : [])]
      // One transaction: the SVG, PNG and matrix replace their targets together or not at all.
      await writeFilesAtomic(
        [
          { path: o.output, data: svg },
          ...(o.png ? [{ path: o.output.replace(/\.svg$/i, '') + '.png', data: renderPng(svg, { scale: pngScale }) }] : []),
          ...(o.matrixOut ? [{ path: o.matrixOut, data: guardTable(io, matrixTsv(matrix, order), o.matrixOut, o.excelSafe) }] : []),
        ],
        inputsUsed,
        io.registry,
      )
    }))
  return cmd
}

/** One sample ID per line; blank lines and `#` comments skipped (the side-file reader, capped). */
async function sampleIds(path: string, limits: ReadLimits): Promise<string[]> {
  return (await readSampleList(path, 'sample order', limits)).map((s) => s.id)
}
