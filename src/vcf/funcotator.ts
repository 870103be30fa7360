/**
 * GATK Funcotator INFO/FUNCOTATION → Effect records.
 *
 * Layout (GATK VcfOutputRenderer): FUNCOTATION=[f1|f2|…],[…] — Number=A, one bracketed group per
 * ALT in ALT order; a group holds one funcotation, or several joined by '#' ("[…]#[…]") when
 * Funcotator ran with --transcript-selection-mode ALL. Field names come from the header
 * Description ("Funcotation fields are: Gencode_28_hugoSymbol|…"); we read the Gencode source's
 * hugoSymbol, variantClassification, annotationTranscript and proteinChange (the first Gencode_*
 * field of each name). A funcotation whose field count differs from the header's is a located error.
 *
 * Escapes: Funcotator writes ',' ';' '=' TAB '|' (and ' ') inside a value as "_%2C_", "_%3B_",
 * "_%3D_", "_%09_", "_%7C_", "_%20_". INFO typing (rules/info.ts, as @gmod/vcf) percent-decodes the
 * INFO values, which would turn an escaped "_%7C_" into a bare '|' and shift every later field, so
 * this decoder reads the raw INFO text (DecodeContext.infoText) and decodes only the fields it uses:
 * "_%XX_" → the character, then any other %XX as URL escapes.
 *
 * Class: Funcotator's own Variant_Classification word, mapped to a MAF class by the consequence
 * table (annotator-terms.ts FUNCOTATOR_CLASSES); an empty class is COULD_NOT_DETERMINE (→ Unknown).
 * Transcript choice: Funcotator has already chosen one transcript per allele unless run in ALL
 * mode; among '#'-joined funcotations effect.ts pickEffect takes the most severe class (vcf2maf
 * priority of the closest SO term), ties by the order written (Funcotator writes its choice
 * first). Protein: Gencode_*_proteinChange as written ("p.M315I", already one-letter).
 *
 * Complexity: O(INFO bytes) per record: one scan for the FUNCOTATION key, one split('|') per funcotation.
 */
import { InputError, quote, type Location } from '../errors.js'
import type { AnnotationDecoder } from './annotation-decoder.js'
import type { Effect } from './effect.js'

const ESCAPE = /_(%[0-9A-Fa-f]{2})_/g

/** Funcotator value → text: "_%2C_" → ',', then URL %XX escapes (kept as written if not valid UTF-8). */
export function unescapeFuncotation(s: string): string {
  if (!s.includes('%')) return s
  const t = s.replace(ESCAPE, '$1')
  try {
    return decodeURIComponent(t)
  } catch {
    return t
  }
}

/** The raw value of INFO key `key` (the last one, as INFO typing keeps), or undefined. */
export function rawInfoValue(info: string, key: string): string | undefined {
  const head = `${key}=`
  let found: string | undefined
  let from = 0
  const n = info.length
  while (from < n) {
    let semi = info.indexOf(';', from)
    if (semi === -1) semi = n
    if (info.startsWith(head, from)) found = info.slice(from + head.length, semi)
    from = semi + 1
  }
  return found === undefined ? undefined : found.replace(/\r?\n?$/, '')
}

function fieldIndex(fields: readonly string[], suffix: string): number {
  return fields.findIndex((f) => f.startsWith('Gencode_') && f.endsWith(suffix))
}

/** The Gencode fields the decoder needs; undefined when the header lacks the gene or class field. */
export function funcotatorColumns(fields: readonly string[]): { symbol: number; cls: number; feature: number; protein: number } | undefined {
  const symbol = fieldIndex(fields, '_hugoSymbol')
  const cls = fieldIndex(fields, '_variantClassification')
  if (symbol === -1 || cls === -1) return undefined
  return { symbol, cls, feature: fieldIndex(fields, '_annotationTranscript'), protein: fieldIndex(fields, '_proteinChange') }
}

function badGroup(group: string, where: Location): InputError {
  return new InputError('FORMAT', `malformed FUNCOTATION value: expected [field|field|…] per ALT, got ${quote(group.length > 80 ? `${group.slice(0, 80)}…` : group)}`, {
    ...where,
    suggestion: 'the INFO value is not Funcotator VCF output',
  })
}

function badFields(f: string, got: number, want: number, where: Location): InputError {
  return new InputError('FORMAT', `malformed FUNCOTATION entry: ${got} '|'-separated fields, the header declares ${want}: ${quote(f.length > 80 ? `${f.slice(0, 80)}…` : f)}`, {
    ...where,
    suggestion: 'the INFO header line and the records disagree; re-run Funcotator or fix the header',
  })
}

export function funcotatorDecoder(key: string, fields: readonly string[]): AnnotationDecoder {
  const c = funcotatorColumns(fields)
  const n = fields.length
  return {
    key,
    decode(_values, where, record) {
      const raw = rawInfoValue(record.infoText, key)
      if (raw === undefined || raw === '' || raw === '.') return []
      if (c === undefined) {
        throw new InputError('FORMAT', `the ${key} header lists no Gencode_*_hugoSymbol and Gencode_*_variantClassification fields`, {
          ...where,
          suggestion: 'run Funcotator with its GENCODE data source',
        })
      }
      const out: Effect[] = []
      const at = (p: readonly string[], i: number): string | undefined => {
        if (i < 0) return undefined
        const v = p[i]
        return v === undefined || v === '' ? undefined : unescapeFuncotation(v)
      }
      const groups = raw.split(',')
      for (let g = 0; g < groups.length; g++) {
        const group = groups[g] as string
        if (group === '.' || group === '') continue
        if (!group.startsWith('[') || !group.endsWith(']')) throw badGroup(group, where)
        for (const f of group.slice(1, -1).split(']#[')) {
          const p = f.split('|')
          if (p.length !== n) throw badFields(f, p.length, n, where)
          out.push({
            allele: '',
            alleleNum: g + 1,
            terms: [at(p, c.cls) ?? 'COULD_NOT_DETERMINE'],
            symbol: at(p, c.symbol),
            feature: at(p, c.feature),
            canonical: false,
            pick: false,
            hgvsp: at(p, c.protein),
            transcriptLength: 0,
          })
        }
      }
      return out
    },
  }
}
