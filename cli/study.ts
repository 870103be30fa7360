/**
 * A cBioPortal study folder given as an input: its meta files say what to read, and the study's
 * files fill the options the user did not give (explicit options override: --cna, --fusions,
 * --panel/--sample-panels, --clinical). The files it holds but biomarkit does not read are listed
 * once on stderr.
 */
import { readLineBatches } from '../src/io/lines.js'
import { InputError } from '../src/errors.js'
import { readPanelMatrix } from '../src/panels/cbioportal.js'
import { anyPanel } from '../src/panels/profiled.js'
import { isStudyFolder, readStudyFolder, type StudyFolder } from '../src/study/folder.js'
import { studyPanels, type StudyPanels } from '../src/study/panels.js'
import { sampleLevelLine } from '../src/study/patients.js'
import type { ReadLimits } from '../src/io/read-limits.js'
import type { CliIO } from './context.js'
import { limitsOf } from './read-limits.js'

export interface StudyInput {
  readonly folder: StudyFolder
  readonly panels: StudyPanels
}

const KEY = '__biomarkitStudy'
const announced = new WeakSet<StudyInput>()

/** The inputs with a study folder replaced by its mutation files, and the options it fills in. */
/** `onMutations`: told the study's mutation files once its meta files name them (readStudyFolder). */
export async function expandStudy(
  inputs: readonly string[],
  raw: Record<string, unknown>,
  limits?: ReadLimits,
  onMutations?: (paths: readonly string[]) => void,
): Promise<{ inputs: string[]; raw: Record<string, unknown> }> {
  const folders = inputs.filter(isStudyFolder)
  if (folders.length === 0) return { inputs: [...inputs], raw }
  if (folders.length > 1) throw new InputError('USAGE', `${folders.length} study folders given (${folders.join(', ')}): analyse one study at a time`)
  const folder = await readStudyFolder(folders[0] as string, limits, onMutations)
  const study: StudyInput = { folder, panels: await studyPanels(folder, limits) }
  const given = (k: string): boolean => raw[k] !== undefined && !(Array.isArray(raw[k]) && raw[k].length === 0)
  const out: Record<string, unknown> = { ...raw, [KEY]: study }
  if (!given('cna') && folder.cna.length > 0) out.cna = folder.cna.map((p) => p.path)
  if (!given('fusions') && folder.sv.length > 0) out.fusions = folder.sv.map((p) => p.path)
  return { inputs: inputs.flatMap((p) => (p === folders[0] ? folder.mutations.map((m) => m.path) : [p])), raw: out }
}

export function studyOf(raw: unknown): StudyInput | undefined {
  return (raw as Record<string, unknown> | undefined)?.[KEY] as StudyInput | undefined
}

/** The study's panel rules, unless --panel or --sample-panels were given. */
export function studyPanelRules(raw: Record<string, unknown>): StudyPanels | undefined {
  const s = studyOf(raw)
  if (s === undefined) return undefined
  const explicit = (Array.isArray(raw.panel) && raw.panel.length > 0) || raw.samplePanels !== undefined
  return explicit ? undefined : s.panels
}

/**
 * Samples that are sequenced without a call: the study's case lists and every sample a panel
 * matrix (the study's, or --sample-panels) names for at least one profile.
 */
export async function declaredSamples(raw: Record<string, unknown>, limits?: ReadLimits): Promise<string[]> {
  const rules = studyPanelRules(raw)
  // The union in first-seen order, without a new set of every ID: `declared` is already distinct
  // (a case list's IDs are kept once each, several lists are merged through a set) and so are the
  // matrix's samples (map keys), so a matrix sample is added exactly when `declaredSet` lacks it.
  const out = [...(rules?.declared ?? [])]
  const known = rules?.declaredSet
  const m = typeof raw.samplePanels === 'string' ? await readPanelMatrix(raw.samplePanels, limits) : rules?.matrix
  if (m === undefined) return out
  // Rows share a few records: anyPanel once per run of the same record.
  let last: unknown
  let any = false
  for (const [s, row] of m.rows) {
    if (row !== last) any = anyPanel((last = row))
    if (any && known?.has(s) !== true) out.push(s)
  }
  return out
}

/** Once per run, on stderr: what the study folder provided and what it holds that is not read. */
export function announceStudy(io: CliIO, raw: unknown): void {
  const s = studyOf(raw)
  if (s === undefined || announced.has(s)) return
  announced.add(s)
  const f = s.folder
  const used = [
    `${f.mutations.length} mutation`,
    `${f.cna.length} copy-number`,
    `${f.sv.length} structural-variant`,
    `${f.panelFiles.length} gene-panel`,
    `${f.panelMatrix ? 1 : 0} panel-matrix`,
    `${f.caseLists.length} case-list`,
    `${(f.patients ? 1 : 0) + (f.samples ? 1 : 0)} clinical`,
  ]
  io.stderr(`biomarkit: study folder ${f.dir} (${f.studyId ?? 'no cancer_study_identifier'}): read ${used.join(', ')} file(s)\n`)
  if (f.unused.length > 0) io.stderr(`biomarkit: not used: ${f.unused.map((u) => `${u.file} (${u.why})`).join('; ')}\n`)
}

/** "counts are per sample: 240 samples of 193 patients", when a study's samples share patients. */
export async function studyLevelNote(raw: unknown, samples: readonly string[]): Promise<string | undefined> {
  const s = studyOf(raw)
  if (s?.folder.samples === undefined) return undefined
  // Two columns of the sample file (the whole clinical reader is not needed for a count). Read in
  // line batches, the two fields cut out of each line without splitting it: one await per line and
  // a full split of every line took ~0.5 s of 200,000 samples' summary.
  const patientOf = new Map<string, string>()
  let cols: [number, number] | undefined
  for await (const batch of readLineBatches(s.folder.samples, { limits: limitsOf(raw) })) {
    for (const text of batch.lines) {
      if (text === '' || text.startsWith('#')) continue
      if (cols === undefined) {
        const up = text.split('\t').map((h) => h.trim().toUpperCase())
        cols = [up.indexOf('SAMPLE_ID'), up.indexOf('PATIENT_ID')]
        if (cols[0] < 0 || cols[1] < 0) return undefined
        continue
      }
      patientOf.set(field(text, cols[0]).trim(), field(text, cols[1]).trim())
    }
  }
  return sampleLevelLine(patientOf, samples)
}

/** Tab-separated field `col` of a line ('' past its last field), found without splitting the line. */
function field(text: string, col: number): string {
  let from = 0
  for (let i = 0; i < col; i++) {
    const tab = text.indexOf('\t', from)
    if (tab < 0) return ''
    from = tab + 1
  }
  const end = text.indexOf('\t', from)
  return text.slice(from, end < 0 ? text.length : end)
}
