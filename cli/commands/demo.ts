/**
 * biomarkit demo [--out DIR]
 * Runs the real pipeline on the shipped SYNTHETIC cohort (demo/: per-patient VEP VCFs, germline
 * VCFs, copy-number table, panel, manifest, clinical table) and writes the study's figures and tables.
 */
import { existsSync, mkdirSync, rmdirSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Command } from 'commander'
import { z } from 'zod'
import { readClinical } from '../../src/clinical/read.js'
import { InputError } from '../../src/errors.js'
import { loadCohort } from '../../src/input/cohort.js'
import { readTable } from '../../src/io/table.js'
import { OutputSet } from '../../src/io/write.js'
import { efficacyTable, lineOfTherapyCounts } from '../../src/pipeline/efficacy.js'
import { efficacyText, efficacyTsv } from '../../src/tables/efficacy-format.js'
import { groupRowsTsv, survivalRowsTsv } from '../../src/scan/index.js'
import { matrixTsv, renderPng } from '../../viz/index.js'
import { kmSvg, renderReport } from '../../viz/report/index.js'
import { reportInput, runAnalysis } from '../../src/pipeline/analysis-run.js'
import { demoSummaryLines, studyOutputs } from '../../src/tables/demo-study.js'
import { tmbVector } from '../../src/features/burden.js'
import { reportFigures } from '../../src/pipeline/report-figures.js'
import type { CliIO } from '../context.js'
import { progress } from '../progress.js'
import { addOptions, opt, parseOptions, schemaOf } from '../option-table.js'
import { cliReadLimits } from '../read-limits.js'

export const SYNTHETIC_NOTE =
  'SYNTHETIC demo cohort: generated to match the published aggregate results of a real-world study of trastuzumab deruxtecan in HR-negative, HER2-low metastatic breast cancer (64 patients, 28 sequenced). It matches the study’s published numbers, not its patients.'

/** demo/ beside the package, from cli/commands (tests) or dist/cli/commands (built). */
export function demoDir(): string {
  for (const rel of ['../../demo/', '../../../demo/']) {
    const p = fileURLToPath(new URL(rel, import.meta.url))
    if (existsSync(join(p, 'manifest.tsv'))) return p
  }
  throw new InputError('NOT_FOUND', 'the demo cohort (demo/manifest.tsv) is not installed with this copy of biomarkit')
}

const DEMO_OPTIONS = { out: opt('--out <dir>', 'output folder', z.string(), { default: 'biomarkit-demo' }) }

const Schema = schemaOf(DEMO_OPTIONS)

export { efficacyText }

export function demoCommand(io: CliIO): Command {
  return addOptions(new Command('demo').description('run the whole pipeline on the built-in SYNTHETIC demo cohort and write its figures, tables and report'), DEMO_OPTIONS)
    .action(async (raw: Record<string, unknown>) => {
      const o = parseOptions(Schema, raw)
      const dir = demoDir()
      const out = resolve(o.out)
      const created = outputFolder(o.out)
      const outputs = new OutputSet([], io.registry)
      try {
        await writeDemo(io, dir, out, outputs)
      } catch (e) {
        await outputs.abort()
        if (created !== undefined) removeCreated(out, created)
        throw e
      }
    })
}

/** The demo's files, staged in `outputs` and renamed into `out` together once all are written. */
async function writeDemo(io: CliIO, dir: string, out: string, outputs: OutputSet): Promise<void> {
  const bar = progress(io, 'demo')
  const limits = cliReadLimits(io)
  const cohort = await loadCohort({ inputs: [], manifest: join(dir, 'manifest.tsv'), limits, onFile: (d, t, f) => bar.update(d, t, f) })
  bar.done()
  const clinical = await readClinical(join(dir, 'clinical.tsv'), { limits })
  const classify = { panels: [join(dir, 'panel.json')], rules: 'tdxd-her2low', limits }
  const a = await runAnalysis(cohort, clinical.table, {
    classify,
    endpoints: ['orr', 'dcr', 'pfs'],
    featureTypes: ['rule'],
    tracks: ['best_response', 'pfs_months', 'pfs_event', 'her2_ihc'],
    top: 20,
    keepUnaltered: true,
  })
  const w = (name: string, data: string | Uint8Array) => outputs.add(join(out, name), data)
  const banner = `# ${SYNTHETIC_NOTE}`
  await w('oncoplot.svg', a.oncoplot.svg)
  await w('oncoplot.png', renderPng(a.oncoplot.svg))
  await w('oncoplot-matrix.tsv', matrixTsv(a.matrix, a.oncoplot.order))
  await w('associations.tsv', [banner, ...groupRowsTsv(a.groups.flatMap((g) => g.rows))].join('\n') + '\n')
  await w('survival.tsv', [banner, ...survivalRowsTsv(a.survival.flatMap((s) => s.rows))].join('\n') + '\n')
  const eff = efficacyTable(clinical.table, ['her2_ihc', 'brain_mets', 'prior_trop2_adc'])
  await w('efficacy.tsv', [banner, ...efficacyTsv(eff)].join('\n') + '\n')
  // The study's Tables 1–3 and Fig. 1–3 (Fig. 4 is the oncoplot), through the library code the commands use.
  const adverseEvents = await readTable(join(dir, 'adverse_events.tsv'), { what: 'adverse-event table', limits })
  const study = studyOutputs({ table: clinical.table, efficacy: eff, tmb: tmbVector(a.matrix, "maftools' nine non-synonymous classes"), adverseEvents, banner })
  for (const [name, text] of study.files) await w(name, text)
  await w('fig4-oncoplot.svg', a.oncoplot.svg)
  const lines = lineOfTherapyCounts(clinical.table)
  await w('cohort.tsv', [banner, 'characteristic\tlevel\tpatients', ...lines.map(([l, n]) => `line_of_therapy\t${l}\t${n}`)].join('\n') + '\n')
  const kmFiles: string[] = []
  for (const k of a.km) {
    const name = `km-${k.feature.replace(/[^A-Za-z0-9_.-]+/g, '_')}-${k.endpoint}.svg`
    kmFiles.push(name)
    await w(name, kmSvg(k))
  }
  // The study's figures: TP53 and PIK3CA are the genes its lollipops are about.
  const extra = await reportFigures(a.matrix, clinical.table, { endpoints: ['orr', 'dcr', 'pfs'], lollipops: ['TP53', 'PIK3CA'], limits })
  const html = renderReport({
    ...(await reportInput(cohort, a, {
      figures: extra.figures,
      interpretation: extra.notes,
      title: 'biomarkit demo: T-DXd in HR-negative HER2-low MBC (synthetic cohort)',
      synthetic: true,
      syntheticNote: SYNTHETIC_NOTE,
      inputs: [...cohort.files.map((p) => ({ path: p, role: 'calls' })), { path: join(dir, 'clinical.tsv'), role: 'clinical' }, { path: join(dir, 'panel.json'), role: 'panel' }],
      parameters: [
        ['endpoints', 'orr,dcr,pfs'],
        ['rules', 'tdxd-her2low'],
        ['panel', 'demo-520-synthetic'],
      ],
      clinicalReport: clinical.report,
      patientsClinical: clinical.table.rows.size,
      panels: ['demo-520-synthetic'],
      baseNames: true,
    })),
    study: [...study.sections, { id: 'fig4', title: 'Fig. 4 — Genomic landscape', note: 'The oncoplot, drawn in full below.' }],
  })
  await w('report.html', html)
  await outputs.commit()

  // The console summary mirrors the study's efficacy and biomarker tables.
  const text = demoSummaryLines({ note: SYNTHETIC_NOTE, lineOfTherapy: lines, efficacy: eff, orr: a.groups.find((g) => g.endpoint.name === 'orr'), sequenced: a.matrix.samples.length, multivariable: study.multivariable })
  text.push(
    `Wrote to ${out}:`,
    '  table1-baseline.tsv, table2-efficacy.tsv, table3-adverse-events.tsv, cox-univariable-pfs.tsv, cox-multivariable-pfs.tsv,',
    '  fig1-km-pfs-*.svg, fig2-km-os-*.svg, fig3-forest-*.svg, fig4-oncoplot.svg, tmb-by-response.svg,',
    '  oncoplot.svg, oncoplot.png, oncoplot-matrix.tsv, associations.tsv, survival.tsv, efficacy.tsv, cohort.tsv,',
    `  ${kmFiles.length} KM plots (km-*.svg), report.html`,
    '',
  )
  io.stdout(text.join('\n'))
}

/**
 * Make the --out folder; returns the top folder created (to remove again if the demo fails), or
 * undefined when it existed. A file there, or a place that cannot be written, is a located exit 1
 * (it was a raw EEXIST/EACCES, exit 2).
 */
function outputFolder(path: string): string | undefined {
  let st
  try {
    st = statSync(path)
  } catch {
    st = undefined
  }
  if (st !== undefined && !st.isDirectory()) {
    throw new InputError('OUTPUT', 'exists and is not a folder; --out names the folder the demo writes into', { file: path, suggestion: 'choose a new or existing folder name' })
  }
  if (st !== undefined) return undefined
  // Each missing folder made in turn, not mkdirSync's recursive mode, which never returns on some
  // paths (under /proc, Node 20).
  const missing: string[] = []
  for (let d = resolve(path); !existsSync(d) && dirname(d) !== d; d = dirname(d)) missing.unshift(d)
  try {
    for (const d of missing) mkdirSync(d)
    return missing[0]
  } catch (e) {
    for (const d of missing.reverse()) removeCreated(d, d)
    const code = (e as NodeJS.ErrnoException).code
    throw new InputError('OUTPUT', `cannot create the output folder (${code ?? 'error'})`, { file: path, suggestion: 'choose a folder you can write to' })
  }
}

/** Remove the folders made for a demo that failed, from `out` up to the first one created (each only if empty). */
function removeCreated(out: string, created: string): void {
  for (let d = out; ; d = dirname(d)) {
    try {
      rmdirSync(d)
    } catch {
      return // not empty, or already gone
    }
    if (d === resolve(created) || dirname(d) === d) return
  }
}
