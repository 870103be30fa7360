/**
 * A cBioPortal study folder (DataHub, AACR Project GENIE, MSK-IMPACT exports), read through its
 * meta files: each `meta_*.txt` names its data file and what it holds (./meta.ts). Recognised by
 * `meta_study.txt` or any `meta_*.txt` in the folder. Gene-panel definitions
 * (`data_gene_panel_*.txt`, in the folder or its `gene_panels/` subfolder) and case lists
 * (`case_lists/*.txt`) are found by name, as cBioPortal's importer finds them.
 *
 * Only file names and the small meta files are read here; data files are read by the usual readers.
 * Every other file in the folder is listed as unused with the reason, once.
 */
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { InputError } from '../errors.js'
import { readLines } from '../io/lines.js'
import { parseCaseList, parseMetaFile, parseMetaLines, type CaseList, type MetaFile, type NumberedLine } from './meta.js'
import type { ReadLimits } from '../io/read-limits.js'

export interface StudyProfile extends MetaFile {
  /** The data file's path (folder + data_filename). */
  readonly path: string
}

export interface StudyFolder {
  readonly dir: string
  readonly studyId: string | undefined
  readonly mutations: readonly StudyProfile[]
  readonly cna: readonly StudyProfile[]
  readonly sv: readonly StudyProfile[]
  readonly panelMatrix: StudyProfile | undefined
  readonly panelFiles: readonly string[]
  readonly patients: string | undefined
  readonly samples: string | undefined
  readonly caseLists: readonly CaseList[]
  /** Files the folder holds that biomarkit does not read, with why (file names relative to the folder). */
  readonly unused: readonly { readonly file: string; readonly why: string }[]
}

const META = /^meta_.*\.txt$/

/**
 * Why a discrete CNA profile's custom driver annotations (cbp_driver Putative_Driver /
 * Putative_Passenger, cbp_driver_tiers) are not read: they only feed cBioPortal's optional
 * driver/VUS filter, which is off by default (every call is counted and shown); biomarkit has no
 * such filter, so it counts every call as cBioPortal's default does. Reading them would change
 * no number. The same columns inside a MAF or a DISCRETE_LONG file are not read either.
 */
export const PD_ANNOTATIONS_WHY = "custom driver annotations (cbp_driver, cbp_driver_tiers) only feed cBioPortal's optional driver/VUS filter; biomarkit has no such filter and counts every call, as cBioPortal does by default"
const PANEL = /^data_gene_panel_(?!matrix).*\.txt$/

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory()
  } catch {
    return false
  }
}

/** A folder with meta_study.txt or any meta_*.txt. */
export function isStudyFolder(p: string): boolean {
  if (p === '-' || !isDir(p)) return false
  return readdirSync(p).some((f) => META.test(f))
}

async function lines(path: string, limits: ReadLimits | undefined): Promise<NumberedLine[]> {
  const out: NumberedLine[] = []
  for await (const l of readLines(path, { limits })) out.push(l)
  return out
}

/**
 * `limits`: default readLimits(). `onMutations`: told the mutation data files as soon as the meta
 * files name them, before the case lists are read (a caller starts their parse meanwhile).
 */
export async function readStudyFolder(dir: string, limits?: ReadLimits, onMutations?: (paths: readonly string[]) => void): Promise<StudyFolder> {
  const names = readdirSync(dir).sort()
  const used = new Set<string>()
  const unused: { file: string; why: string }[] = []
  let studyId: string | undefined
  if (names.includes('meta_study.txt')) {
    used.add('meta_study.txt')
    const path = join(dir, 'meta_study.txt')
    studyId = parseMetaLines(await lines(path, limits), path).get('cancer_study_identifier')?.value || undefined
  }
  const byRole: Record<string, StudyProfile[]> = { mutations: [], cna: [], sv: [], panelMatrix: [], patients: [], samples: [] }
  for (const name of names) {
    if (!META.test(name) || name === 'meta_study.txt') continue
    const metaPath = join(dir, name)
    const meta = parseMetaFile(await lines(metaPath, limits), metaPath)
    used.add(name)
    if (meta.dataFile !== undefined) used.add(meta.dataFile)
    if (meta.pdAnnotations !== undefined) {
      used.add(meta.pdAnnotations)
      const missing = existsSync(join(dir, meta.pdAnnotations)) ? '' : '; named but not in the folder'
      unused.push({ file: meta.pdAnnotations, why: `${name} pd_annotations_filename: ${PD_ANNOTATIONS_WHY}${missing}` })
    }
    if (meta.role === undefined) {
      unused.push({ file: meta.dataFile ?? name, why: `${name}: ${meta.unused ?? 'not read'}` })
      continue
    }
    const path = join(dir, meta.dataFile as string)
    if (!existsSync(path)) throw new InputError('NOT_FOUND', `data_filename ${meta.dataFile as string}: no such file in the study folder`, { file: metaPath })
    ;(byRole[meta.role] as StudyProfile[]).push({ ...meta, path })
  }
  const single = (role: string): StudyProfile | undefined => {
    const list = byRole[role] as StudyProfile[]
    if (list.length > 1) throw new InputError('FORMAT', `${list.length} meta files declare ${role === 'panelMatrix' ? 'a gene-panel matrix' : `${role} clinical attributes`}: ${list.map((m) => m.file).join(', ')}`, { file: dir })
    return list[0]
  }
  const mutations = byRole['mutations'] as StudyProfile[]
  if (onMutations !== undefined && mutations.length > 0) onMutations(mutations.map((m) => m.path))
  const panelFiles: string[] = []
  for (const name of names) {
    if (PANEL.test(name)) {
      panelFiles.push(join(dir, name))
      used.add(name)
    }
  }
  const panelDir = join(dir, 'gene_panels')
  if (isDir(panelDir)) {
    used.add('gene_panels')
    for (const name of readdirSync(panelDir).sort()) if (PANEL.test(name)) panelFiles.push(join(panelDir, name))
  }
  const caseLists: CaseList[] = []
  const caseDir = join(dir, 'case_lists')
  if (isDir(caseDir)) {
    used.add('case_lists')
    for (const name of readdirSync(caseDir).sort()) {
      if (!name.endsWith('.txt')) continue
      caseLists.push(parseCaseList(await lines(join(caseDir, name), limits), join(caseDir, name)))
    }
  }
  for (const name of names) if (!used.has(name) && !name.startsWith('.')) unused.push({ file: name, why: 'no meta file names it' })
  unused.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
  return {
    dir,
    studyId,
    mutations: byRole.mutations as StudyProfile[],
    cna: byRole.cna as StudyProfile[],
    sv: byRole.sv as StudyProfile[],
    panelMatrix: single('panelMatrix'),
    panelFiles,
    patients: single('patients')?.path,
    samples: single('samples')?.path,
    caseLists,
    unused,
  }
}

/** The case list a profile's samples are listed in (`<study>_sequenced`, `<study>_cna`, `<study>_sv`), if the folder has one. */
export function profileCaseList(study: StudyFolder, suffixes: readonly string[]): CaseList | undefined {
  for (const suffix of suffixes) {
    const hit = study.caseLists.find((c) => c.stableId === `${study.studyId ?? ''}_${suffix}` || (study.studyId === undefined && c.stableId.endsWith(`_${suffix}`)))
    if (hit) return hit
  }
  return undefined
}
