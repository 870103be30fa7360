/**
 * The input options every analysis command shares, one zod schema, and the adapter to loadCohort;
 * `inputAction` builds the command's read limits once and keeps them with its options.
 */
import { constants } from 'node:buffer'
import type { Command } from 'commander'
import { z } from 'zod'
import { InputError } from '../src/errors.js'
import type { BuiltMatrix } from '../src/matrix/build.js'
import { loadCohort, type Cohort } from '../src/input/cohort.js'
import type { RowSink } from '../src/input/stream-read.js'
import { isBadRow, type ReadReport } from '../src/model/report.js'
import { classifyCohort, prepareClassifier, type ClassifyOptions } from '../src/pipeline/classify-cohort.js'
import { classifyLowMemory, holdLimit, lowMemoryWanted } from '../src/scale/low-memory.js'
import { HoldLimitReached, HoldMeter } from '../src/io/limits.js'
import { readMafAhead, stopReadsAhead } from '../src/scale/read/parallel.js'
import type { ReadLimits } from '../src/io/read-limits.js'
import type { CliIO } from './context.js'
import { memoryBudget } from './memory-budget.js'
import { cliReadLimits, limitsOf, withLimits } from './read-limits.js'
import { progress } from './progress.js'
import { announceStudy, declaredSamples, expandStudy } from './study.js'
import { addOptions, choice, collect, opt, parseOptions, schemaOf } from './option-table.js'

const MAX_STRING_LENGTH = constants.MAX_STRING_LENGTH

const MAX_LINE = `at most ${MAX_STRING_LENGTH} (the longest string this JavaScript engine can hold)`

/** The input options every analysis command shares: one table, declared and validated from it. */
export const INPUT_OPTIONS = {
  manifest: opt('--manifest <file>', 'TSV with columns sample, file, role (somatic|germline|cna|fusion|maf)', z.string()),
  cna: opt('--cna <file>', 'copy-number table (maftools cnTable, cBioPortal discrete matrix, or long numeric form); repeatable', z.array(z.string()), { parse: collect }),
  fusions: opt('--fusions <file>', 'fusion / structural-variant table (cBioPortal SV or sample, gene_a, gene_b); repeatable', z.array(z.string()), { parse: collect }),
  samples: opt('--samples <file>', 'sequenced sample IDs, one per line (wild-type where nothing was called)', z.string()),
  columns: opt('--columns <map>', 'column map for non-MAF mutation tables, e.g. sample=Patient,gene=Gene,class=Consequence,protein=HGVSp', z.string()),
  keepFiltered: opt('--keep-filtered', 'keep VCF records whose FILTER is not PASS (counted either way)', z.boolean()),
  splitMultiallelic: opt('--split-multiallelic', "VCF: one row per ALT allele the tumour carries, instead of vcf2maf's one per record", z.boolean()),
  lenient: opt('--lenient', 'skip bad rows (counted by reason in the read report) instead of stopping', z.boolean()),
  inputOrigin: choice('--input-origin <origin>', 'origin for inputs that do not state it', ['somatic', 'germline']),
  tumorId: opt('--tumor-id <id>', 'tumour sample column in a tumour/normal VCF', z.string()),
  normalId: opt('--normal-id <id>', 'normal sample column in a tumour/normal VCF', z.string()),
  // A line is one string: V8 cannot hold a longer one, so a larger cap could never be honoured.
  maxLineLength: opt('--max-line-length <chars>', 'longest accepted input line in characters (default 67108864); a longer one is an error, not an out-of-memory crash', z.coerce.number().int().positive().max(MAX_STRING_LENGTH, MAX_LINE)),
  maxInputBytes: opt('--max-input-bytes <size>', "most bytes one input may decompress to, e.g. 20G (default: the memory budget, BIOMARKIT_MEMORY or the machine's memory)", z.string()),
  maxSideFileBytes: opt('--max-side-file-bytes <size>', 'most bytes a side file (panel, rules, pathways, theme, sample list or order) may decompress to (default 32M)', z.string()),
  strict: opt('--strict', 'treat container warnings as errors (a BGZF file without its end-of-file block)', z.boolean()),
}

export function addInputOptions(cmd: Command): Command {
  return addOptions(cmd.argument('[inputs...]', 'VCF, MAF or ANNOVAR files (format sniffed from content; gzip/bgzip fine; - for stdin) or folders'), INPUT_OPTIONS)
}

export const InputOptionsSchema = schemaOf(INPUT_OPTIONS)
export type InputOptions = z.infer<typeof InputOptionsSchema>

/**
 * A command action given its read limits (--max-line-length, --max-input-bytes,
 * --max-side-file-bytes, --strict; ./read-limits.ts) with its options, so every file the command
 * reads honours them: --clinical, --panel, --sample-panels, --rules, --pathways, --sample-order
 * and --theme are read after loadInputs returns, and their readers take `limitsOf(raw)` too.
 */
export function inputAction(
  io: CliIO,
  action: (inputs: string[], raw: Record<string, unknown>) => Promise<void>,
  how: { readonly readAhead?: boolean } = {},
): (inputs: string[], raw: Record<string, unknown>) => Promise<void> {
  return async (inputs, raw) => {
    io.registry?.declare([...inputs, ...optionPaths(raw)])
    const o = parseOptions(InputOptionsSchema, raw)
    const limits = cliReadLimits(io, o)
    // A study folder's big MAF starts parsing in a worker as soon as its meta file names it, while
    // this thread reads the case lists and panel matrix (`readMafAhead`: taken over by the read
    // when its options match, else ended). Not for convert, which streams rows one thread.
    const ahead =
      how.readAhead === false
        ? undefined
        : (paths: readonly string[]): void => {
            for (const p of paths) readMafAhead(p, { lenient: o.lenient, origin: o.inputOrigin, limits }, AHEAD_SPLIT)
          }
    try {
      // A study folder becomes its files and fills the options not given (./study.ts).
      const e = await expandStudy(inputs, withLimits(raw, limits), limits, ahead)
      return await action(e.inputs, e.raw)
    } finally {
      stopReadsAhead()
    }
  }
}

/**
 * Where the worker's part starts in a split read started ahead: it starts ~0.75 s before this
 * thread has read the side files of the GENIE-sized study bench, so it takes more than the 46% of a
 * read started at the MAF (../src/scale/read/parallel.ts). With this thread at ~2.8 s and the worker
 * at ~3.15 s a file plus ~0.3 s to start, both end together near 0.46; 0.48 leaves the worker some
 * slack. Measured under load (both threads' shares vary), the worker ended first at every split
 * from 0.40 to 0.68, this thread then waiting only for its answer (~0.2 s).
 */
const AHEAD_SPLIT = 0.48

/**
 * Options that name a file the command reads. Declared before anything is read or written, so an
 * output opened early is checked too; the readers record every path they open as well
 * (src/io/read-registry.ts), which covers manifest entries, folder contents and shipped files.
 */
const PATH_OPTIONS = ['manifest', 'cna', 'fusions', 'samples', 'clinical', 'panel', 'samplePanels', 'rules', 'pathways', 'theme', 'sampleOrder'] as const

function optionPaths(raw: Record<string, unknown>): string[] {
  return PATH_OPTIONS.flatMap((k) => {
    const v = raw[k]
    return typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []
  })
}

/** `extra.limits`: the command's (limitsOf(raw)) unless given (a hold meter added, ./inputs.ts classifyInputs). */
export async function loadInputs(inputs: readonly string[], raw: unknown, io: CliIO, extra: { keepExtra?: boolean; stream?: RowSink; limits?: ReadLimits } = {}): Promise<Cohort> {
  const o = parseOptions(InputOptionsSchema, raw)
  const limits = extra.limits ?? limitsOf(raw, io)
  announceStudy(io, raw)
  const extraSamples = await declaredSamples(raw as Record<string, unknown>, limits)
  const bar = progress(io, 'reading')
  try {
    const cohort = await loadCohort({
      extraSamples,
      inputs,
      manifest: o.manifest,
      cna: o.cna,
      fusions: o.fusions,
      samplesFile: o.samples,
      columns: o.columns,
      keepFiltered: o.keepFiltered,
      splitMultiallelic: o.splitMultiallelic,
      lenient: o.lenient,
      origin: o.inputOrigin,
      tumorId: o.tumorId,
      normalId: o.normalId,
      keepExtra: extra.keepExtra,
      stream: extra.stream,
      limits,
      onFile: (done, total, file) => bar.update(done, total, file),
    })
    if (o.lenient) {
      let skipped = 0
      for (const r of cohort.reports) for (const t of r.dropped) if (isBadRow(t.code)) skipped += t.n
      if (skipped > 0) io.stderr(`biomarkit: --lenient: skipped ${skipped} bad row(s); see the read report for reasons\n`)
    }
    return cohort
  } finally {
    bar.done()
  }
}

/** --low-memory and --partitions, for the commands that need only cell states and counts (summary, scan, interactions). */
export const LOW_MEMORY_OPTIONS = {
  lowMemory: opt('--low-memory', 'MAF and VCF inputs: hold one part of the rows at a time, not every row (peak memory grows with samples × features; same output). Chosen by itself when the inputs would take over 60% of memory', z.boolean()),
  noLowMemory: opt('--no-low-memory', 'read the inputs whole even when they would take most of the memory', z.boolean()),
  partitions: opt('--partitions <n>', 'with --low-memory: number of sample partitions (default one per 32 MB of input)', z.coerce.number().int().min(1).max(4096)),
}

export function addLowMemoryOptions(cmd: Command): Command {
  return addOptions(cmd, LOW_MEMORY_OPTIONS)
}

const LowMemorySchema = schemaOf(LOW_MEMORY_OPTIONS)

/** What the analysis commands read: the classified matrix, the read reports and the files (for the overwrite guard). */
export interface Classified {
  readonly matrix: BuiltMatrix
  readonly reports: readonly ReadReport[]
  readonly files: string[]
}

/** Inputs → classified matrix: the default path (loadInputs, classifyCohort) or, with --low-memory, the partitioned one. */
export async function classifyInputs(inputs: readonly string[], raw: unknown, io: CliIO, copts: ClassifyOptions): Promise<Classified> {
  const lm = parseOptions(LowMemorySchema, raw)
  const o = parseOptions(InputOptionsSchema, raw)
  const limits = limitsOf(raw, io)
  const budget = memoryBudget()
  let low = lm.lowMemory === true || (lm.lowMemory === undefined && lm.partitions !== undefined)
  const auto = lm.lowMemory === undefined && lm.partitions === undefined && o.manifest === undefined && o.columns === undefined && !o.lenient
  if (auto) {
    const why = await lowMemoryWanted(inputs, budget, limits)
    if (why !== undefined) {
      io.stderr(`biomarkit: ${why}\n`)
      low = true
    }
  }
  if (!low) {
    // gzip and stdin sizes are known only as they are read: measured, and past what the memory
    // budget allows, read again in sample partitions (a pipe cannot be read again: refused).
    const limit = auto ? holdLimit(inputs, budget) : undefined
    try {
      const cohort = await loadInputs(inputs, raw, io, { limits: limit === undefined ? limits : { ...limits, hold: new HoldMeter(limit) } })
      return { matrix: await classifyCohort(cohort, { limits, ...copts }), reports: cohort.reports, files: cohort.files }
    } catch (e) {
      if (!(e instanceof HoldLimitReached)) throw e
      const gb = `${(e.limit / 2 ** 30).toFixed(1)} GB`
      if (inputs.includes('-')) {
        throw new InputError('LIMIT', `standard input decompresses to more than ${gb}, more than the memory budget allows read whole`, {
          file: '<stdin>',
          suggestion: 'add --low-memory (reads in sample partitions), or give the data as a file',
        })
      }
      io.stderr(`biomarkit: the inputs decompress to more than ${gb}, more than the memory budget allows read whole: reading them in sample partitions instead (--low-memory; same output; --no-low-memory to read them whole)\n`)
    }
  }
  const refused = (
    [
      ['--manifest', o.manifest],
      ['--columns', o.columns],
      ['--lenient', o.lenient],
    ] as const
  ).find(([, v]) => v !== undefined && v !== false)
  if (refused) {
    throw new InputError('USAGE', `--low-memory does not take ${refused[0]}: it reads MAF and VCF files given directly`, { suggestion: 'drop --low-memory (the default path reads everything)' })
  }
  announceStudy(io, raw)
  const extraSamples = await declaredSamples(raw as Record<string, unknown>, limits)
  const bar = progress(io, 'reading')
  try {
    const r = await classifyLowMemory(
      {
        extraSamples,
        inputs,
        cna: o.cna,
        fusions: o.fusions,
        samplesFile: o.samples,
        origin: o.inputOrigin,
        vcf: { keepFiltered: o.keepFiltered, tumorId: o.tumorId, normalId: o.normalId, splitMultiallelic: o.splitMultiallelic },
        partitions: lm.partitions,
        limits,
        onStep: (d, t, what) => bar.update(d, t, what),
      },
      (cnNotAssayed) => prepareClassifier({ limits, ...copts, cnNotAssayed }),
    )
    return { matrix: r.matrix, reports: r.reports, files: r.files }
  } finally {
    bar.done()
  }
}
