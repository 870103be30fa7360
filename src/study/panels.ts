/**
 * A study folder's panel rules per profile (../panels/profiled.ts): which matrix column is the
 * profile's (the column is the meta file's `stable_id`), which samples are profiled (the profile's
 * case list, else the samples its data file names) and the meta file's `gene_panel`.
 */
import { InputError } from '../errors.js'
import { readLines } from '../io/lines.js'
import { readPanelMatrix, type PanelMatrix } from '../panels/cbioportal.js'
import type { AssayKind, KindSource } from '../panels/profiled.js'
import { profileCaseList, type StudyFolder, type StudyProfile } from './folder.js'
import { CASE_LIST_SUFFIX, type CaseList } from './meta.js'
import type { ReadLimits } from '../io/read-limits.js'

export interface StudyPanels {
  /** The panel matrix, read once (its path is `matrix.file`). */
  readonly matrix: PanelMatrix | undefined
  readonly panelFiles: readonly string[]
  readonly kinds: Readonly<Record<AssayKind, KindSource>>
  /** Every sample a case list declares profiled (sequenced even without a call). */
  readonly declared: readonly string[]
  /** `declared` as a set (the case list's own set when there is one list). */
  readonly declaredSet: ReadonlySet<string>
}

/** Sample IDs a data file names: the MAF's Tumor_Sample_Barcode, a long table's Sample_Id, a wide CNA matrix's columns. */
export async function dataFileSamples(p: StudyProfile, limits?: ReadLimits): Promise<Set<string>> {
  const out = new Set<string>()
  let col = -1
  let wide = false
  for await (const { text, line } of readLines(p.path, { limits })) {
    if (text === '' || text.startsWith('#')) continue
    const f = text.split('\t')
    if (col === -1 && !wide) {
      const lower = f.map((h) => h.trim().toLowerCase())
      col = lower.findIndex((h) => h === 'tumor_sample_barcode' || h === 'sample_id')
      if (col === -1 && p.datatype.toUpperCase() === 'DISCRETE') {
        // Wide matrix: every column but the gene ones is a sample.
        for (const h of f.slice(1)) if (!/^(entrez_gene_id|hugo_symbol|cytoband)$/i.test(h.trim())) out.add(h.trim())
        wide = true
        break
      }
      if (col === -1) throw new InputError('MISSING_COLUMN', 'no sample column (Tumor_Sample_Barcode or Sample_Id)', { file: p.path, line })
      continue
    }
    const s = f[col]?.trim()
    if (s) out.add(s)
  }
  return out
}

/** `limits`: default readLimits(). */
export async function studyPanels(study: StudyFolder, limits?: ReadLimits): Promise<StudyPanels> {
  // The case lists that declare samples profiled: usually one (or the same one for every profile),
  // whose IDs are then used as they are; several are merged.
  const lists = new Set<CaseList>()
  const kind = async (profiles: readonly StudyProfile[], suffixes: readonly string[]): Promise<KindSource> => {
    const list = profileCaseList(study, suffixes)
    const columns = profiles.flatMap((p) => (p.stableId === undefined ? [] : [p.stableId]))
    const metaPanel = profiles.find((p) => p.genePanel !== undefined)?.genePanel
    if (list) {
      lists.add(list)
      return { columns, profiled: list.sampleSet, profiledBy: `case list ${list.stableId}`, metaPanel }
    }
    const samples = new Set<string>()
    for (const p of profiles) for (const s of await dataFileSamples(p, limits)) samples.add(s)
    return { columns, profiled: samples, profiledBy: profiles.length === 0 ? 'the study (it has no such profile)' : 'the data file', metaPanel }
  }
  const matrix = study.panelMatrix === undefined ? undefined : await readPanelMatrix(study.panelMatrix.path, limits)
  const kinds = {
    mutations: await kind(study.mutations, CASE_LIST_SUFFIX.mutations),
    copyNumber: await kind(study.cna, CASE_LIST_SUFFIX.cna),
    fusions: await kind(study.sv, CASE_LIST_SUFFIX.sv),
  }
  const all = [...lists]
  const declaredSet = all.length === 1 ? (all[0] as CaseList).sampleSet : new Set(all.flatMap((l) => l.samples))
  return {
    matrix,
    panelFiles: study.panelFiles,
    kinds,
    declared: all.length === 1 ? (all[0] as CaseList).samples : [...declaredSet],
    declaredSet,
  }
}
