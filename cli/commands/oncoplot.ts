/**
 * biomarkit oncoplot <inputs...> [--clinical F --tracks LIST] [--top N | --genes LIST] [--sort-by TRACK]
 *   [--theme F] [--width PX] [--matrix-out F] [--png] -o plot.svg
 */
import { Command } from 'commander'
import { z } from 'zod'
import { InputError } from '../../src/errors.js'
import { readSampleList } from '../../src/input/sample-list.js'
import { writeFilesAtomic } from '../../src/io/write.js'
import { classifyCohort } from '../../src/pipeline/classify-cohort.js'
import { clinicalNotes } from '../../src/pipeline/endpoint-scan.js'
import { pickFeatures, trackSpecs } from '../../src/pipeline/oncoplot-features.js'
import { layoutOrdered, matrixTsv, orderMatrix, readTheme, renderPng, toSvg, type OncoplotOptions } from '../../viz/index.js'
import { addClassifyOptions, classifyOptions } from '../analysis-options.js'
import { addClinicalOptions, loadClinical } from '../clinical-options.js'
import type { CliIO } from '../context.js'
import { addInputOptions, inputAction, loadInputs } from '../inputs.js'
import { addExcelSafeOption, guardTable } from '../output.js'
import { CLINICAL, DPI, GENES, LOG, OUTPUT_SVG, PNG, SCALE, TITLE, TOP, TRACKS } from '../common-options.js'
import { addOptions, choice, opt, parseOptions, schemaOf, variant } from '../option-table.js'
import type { ReadLimits } from '../../src/io/read-limits.js'
import { limitsOf } from '../read-limits.js'

const ONCOPLOT_OPTIONS = {
  output: OUTPUT_SVG,
  clinical: variant(CLINICAL, { description: 'clinical table for tracks and --sort-by' }),
  tracks: TRACKS,
  top: variant(TOP, { description: 'the N most altered features (by altered / assayed)', default: '20' }),
  genes: variant(GENES, { description: 'draw these features, in frequency order (or as given with --keep-gene-order)' }),
  show: choice('--show <type>', 'feature type for rows', ['genes', 'rules', 'pathways'], 'genes'),
  sortBy: opt('--sort-by <track>', 'group columns by a clinical column, memo-sort within each group', z.string()),
  sampleOrder: opt('--sample-order <file>', 'explicit column order: one sample ID per line', z.string()),
  keepGeneOrder: opt('--keep-gene-order', 'rows as given by --genes', z.boolean()),
  removeUnaltered: opt('--remove-unaltered', 'drop samples with no altered cell in the shown rows (default, as maftools)', z.boolean(), { default: true }),
  noRemoveUnaltered: opt('--no-remove-unaltered', 'keep samples with no altered cell in the shown rows', z.boolean()),
  theme: opt('--theme <file>', 'JSON theme (colours, fonts, sizes)', z.string()),
  palette: choice('--palette <name>', 'class colours', ['maftools', 'cbioportal']),
  width: opt('--width <px>', 'maximum matrix width in pixels', z.coerce.number().positive()),
  title: variant(TITLE, { description: 'title (default states what was counted)' }),
  matrixOut: opt('--matrix-out <file>', 'also write the drawn matrix as TSV (rows and columns in drawn order, NA = not assayed)', z.string()),
  png: PNG,
  scale: SCALE,
  dpi: DPI,
  // commander sets italic to true unless --no-italic is given.
  italic: opt('--no-italic', 'gene symbols upright (default italic, the HGNC convention)', z.boolean(), { implied: true }),
  log: variant(LOG, { description: 'log10(1 + x) scale for the top bar and numeric tracks' }),
}

const Schema = schemaOf(ONCOPLOT_OPTIONS).extend({ excelSafe: z.boolean().optional() })

export function oncoplotCommand(io: CliIO): Command {
  const cmd = new Command('oncoplot').description('SVG oncoplot (genes × samples) with clinical tracks; PNG and the drawn matrix on request')
  addOptions(addExcelSafeOption(addClinicalOptions(addClassifyOptions(addInputOptions(cmd)))), ONCOPLOT_OPTIONS)
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
