/**
 * Oncotator VCF output → Effect records.
 *
 * Oncotator (broadinstitute/oncotator, -o VCF) writes its MAF columns as INFO keys, each declared
 * Number=. Type=String Description="Unknown": gene, variant_classification (MAF words:
 * Missense_Mutation, Silent, …, lincRNA), protein_change ("p.P2S", one-letter), annotation_transcript.
 * It has already chosen one transcript per variant (its other_transcripts key is not read). A value
 * list with one entry per ALT is read per ALT; a single value applies to every ALT.
 * Class: the word through the consequence table (annotator-terms.ts ONCOTATOR_CLASSES: the MAF class
 * of the same name, lincRNA → RNA); any other word is an UNKNOWN_TERM error at its line.
 * Values are read from the raw INFO text and URL-decoded as INFO values are (rules/info.ts).
 *
 * Complexity: O(INFO bytes) per record (one pass per key read; four keys).
 */
import type { AnnotationDecoder } from './annotation-decoder.js'
import type { Effect } from './effect.js'
import { rawInfoValue } from './funcotator.js'

function decodeValue(v: string): string {
  if (!v.includes('%')) return v
  try {
    return decodeURIComponent(v)
  } catch {
    return v
  }
}

function values(info: string, key: string): (string | undefined)[] {
  const raw = rawInfoValue(info, key)
  if (raw === undefined || raw === '') return []
  return raw.split(',').map((v) => (v === '' || v === '.' ? undefined : decodeValue(v)))
}

export function oncotatorDecoder(): AnnotationDecoder {
  return {
    key: 'variant_classification',
    decode(_values, _where, record) {
      const cls = values(record.infoText, 'variant_classification')
      if (cls.length === 0) return []
      const gene = values(record.infoText, 'gene')
      const protein = values(record.infoText, 'protein_change')
      const tx = values(record.infoText, 'annotation_transcript')
      const perAlt = cls.length > 1
      const pick = (list: readonly (string | undefined)[], i: number): string | undefined => (list.length === 1 ? list[0] : list[i])
      const out: Effect[] = []
      for (let i = 0; i < cls.length; i++) {
        const c = cls[i]
        if (c === undefined) continue
        out.push({
          allele: '',
          alleleNum: perAlt ? i + 1 : undefined,
          terms: [c],
          symbol: pick(gene, i),
          feature: pick(tx, i),
          canonical: false,
          pick: false,
          hgvsp: pick(protein, i),
          transcriptLength: 0,
        })
      }
      return out
    },
  }
}
