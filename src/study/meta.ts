/**
 * cBioPortal study metadata (https://docs.cbioportal.org/file-formats/): `meta_*.txt` files and
 * case lists are `key: value` lines. A meta file names its data file (`data_filename`), the kind
 * of data (`genetic_alteration_type` + `datatype`), the molecular profile's `stable_id` (the
 * column name in the gene-panel matrix) and, for targeted profiles, one `gene_panel` for every
 * sample the matrix does not name. A case list names a set of samples (`case_list_ids`, tab
 * separated); `<study>_sequenced` is the mutation profile's, `<study>_cna` the copy-number one's,
 * `<study>_sv` the structural-variant one's.
 *
 * Readers take numbered lines (tests feed arrays); the folder walk is in ./folder.ts.
 */
import { InputError, quote } from '../errors.js'

export interface NumberedLine {
  readonly text: string
  readonly line: number
}

/** key → { value, line }, keys as written (cBioPortal keys are lower case). */
export type MetaFields = ReadonlyMap<string, { readonly value: string; readonly line: number }>

/** `key: value` lines; blank lines skipped; a line without a colon or a key given twice is an error. */
export function parseMetaLines(lines: Iterable<NumberedLine>, file: string): MetaFields {
  const out = new Map<string, { value: string; line: number }>()
  for (const { text, line } of lines) {
    if (text.trim() === '' || text.startsWith('#')) continue
    const colon = text.indexOf(':')
    if (colon <= 0) throw new InputError('FORMAT', `expected "key: value", got ${quote(text.length > 60 ? text.slice(0, 60) + '…' : text)}`, { file, line, column: 1 })
    const key = text.slice(0, colon).trim()
    if (out.has(key)) throw new InputError('FORMAT', `${key} given twice (lines ${out.get(key)?.line} and ${line})`, { file, line, column: 1 })
    out.set(key, { value: text.slice(colon + 1).trim(), line })
  }
  return out
}

/** What a meta file declares, with the kinds biomarkit reads named. */
export type ProfileRole = 'mutations' | 'cna' | 'sv' | 'panelMatrix' | 'patients' | 'samples'

export interface MetaFile {
  readonly file: string
  readonly alterationType: string
  readonly datatype: string
  readonly stableId: string | undefined
  readonly dataFile: string | undefined
  readonly genePanel: string | undefined
  /** `pd_annotations_filename`: cBioPortal's custom driver annotations for a discrete CNA profile (not read; ./folder.ts says why). */
  readonly pdAnnotations: string | undefined
  /** What biomarkit does with it, or why not (`unused`). */
  readonly role: ProfileRole | undefined
  readonly unused: string | undefined
}

/**
 * (genetic_alteration_type, datatype) → role, or the reason it is not read. A table, so a new
 * kind is one row; anything not listed is reported as unused with its two words.
 */
const ROLES: readonly { type: string; datatype: string; role?: ProfileRole; unused?: string }[] = [
  { type: 'MUTATION_EXTENDED', datatype: 'MAF', role: 'mutations' },
  { type: 'MUTATION_UNCALLED', datatype: 'MAF', unused: 'uncalled mutations are not alterations' },
  { type: 'COPY_NUMBER_ALTERATION', datatype: 'DISCRETE', role: 'cna' },
  { type: 'COPY_NUMBER_ALTERATION', datatype: 'DISCRETE_LONG', role: 'cna' },
  { type: 'COPY_NUMBER_ALTERATION', datatype: 'CONTINUOUS', unused: 'continuous copy number: the discrete calls are read' },
  { type: 'COPY_NUMBER_ALTERATION', datatype: 'LOG2-VALUE', unused: 'log2 copy number: the discrete calls are read' },
  { type: 'COPY_NUMBER_ALTERATION', datatype: 'SEG', unused: 'segments: the discrete gene calls are read' },
  { type: 'STRUCTURAL_VARIANT', datatype: 'SV', role: 'sv' },
  { type: 'FUSION', datatype: 'FUSION', role: 'sv' },
  { type: 'GENE_PANEL_MATRIX', datatype: 'GENE_PANEL_MATRIX', role: 'panelMatrix' },
  { type: 'CLINICAL', datatype: 'PATIENT_ATTRIBUTES', role: 'patients' },
  { type: 'CLINICAL', datatype: 'SAMPLE_ATTRIBUTES', role: 'samples' },
]

export function parseMetaFile(lines: Iterable<NumberedLine>, file: string): MetaFile {
  const f = parseMetaLines(lines, file)
  const get = (k: string): string | undefined => {
    const v = f.get(k)?.value
    return v === undefined || v === '' ? undefined : v
  }
  const alterationType = get('genetic_alteration_type') ?? ''
  const datatype = get('datatype') ?? ''
  const row = ROLES.find((r) => r.type === alterationType.toUpperCase() && r.datatype === datatype.toUpperCase())
  const unused = row === undefined ? `${alterationType || '(no genetic_alteration_type)'} / ${datatype || '(no datatype)'} is not read` : row.unused
  const dataFile = get('data_filename')
  if (row?.role !== undefined && dataFile === undefined) {
    throw new InputError('FORMAT', `${alterationType} / ${datatype}: no data_filename`, { file, suggestion: 'name the data file with "data_filename: …"' })
  }
  return {
    file,
    alterationType,
    datatype,
    stableId: get('stable_id'),
    dataFile,
    genePanel: get('gene_panel'),
    pdAnnotations: get('pd_annotations_filename'),
    role: row?.role,
    unused,
  }
}

export interface CaseList {
  readonly file: string
  readonly stableId: string
  readonly samples: readonly string[]
  /** The same IDs as a set (profile rules look samples up in it). */
  readonly sampleSet: ReadonlySet<string>
}

export function parseCaseList(lines: Iterable<NumberedLine>, file: string): CaseList {
  const f = parseMetaLines(lines, file)
  const id = f.get('stable_id')?.value
  if (id === undefined || id === '') throw new InputError('FORMAT', 'case list without "stable_id:"', { file })
  const ids = f.get('case_list_ids')
  if (ids === undefined) throw new InputError('FORMAT', 'case list without "case_list_ids:"', { file })
  // One pass over the (often one huge) line: each ID is cut out between tabs as it is met, and
  // kept in order the first time, so no array of every field (200,000 IDs: a 200,000-string split
  // plus a copy of the set) is built.
  const seen = new Set<string>()
  const samples: string[] = []
  const text = ids.value
  for (let from = 0; from <= text.length; ) {
    let to = text.indexOf('\t', from)
    if (to === -1) to = text.length
    const s = text.slice(from, to).trim()
    if (s !== '') {
      const before = seen.size
      if (seen.add(s).size > before) samples.push(s)
    }
    from = to + 1
  }
  return { file, stableId: id, samples, sampleSet: seen }
}

/** Which case list says a profile's samples were profiled: `<study>_<suffix>` (cBioPortal's conventions). */
export const CASE_LIST_SUFFIX: Readonly<Record<'mutations' | 'cna' | 'sv', readonly string[]>> = {
  mutations: ['sequenced'],
  cna: ['cna'],
  sv: ['sv', 'structural_variants', 'fusion'],
}
