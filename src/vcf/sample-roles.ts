/**
 * Which sample column is the tumour: the roles a VCF's sample columns play, decided once from the
 * header (reader.ts), first rule that applies:
 *  1. options tumorId / normalId (must name header columns);
 *  2. Mutect2's ##tumor_sample= / ##normal_sample= header lines;
 *  3. column names, each role only when exactly one column matches, trying in turn: the whole
 *     name TUMOR/TUMOUR/NORMAL (any case); a suffix _T/-T/.T/_TUMOR or _N/-N/.N/_NORMAL; the word
 *     TUMOR/NORMAL anywhere (DNA_TUMOR); SnpEff cancer-mode names (Patient_01_Somatic /
 *     Patient_01_Germline). A tumour guessed from names needs a normal guessed too;
 *     two candidates (DNA_TUMOR and RNA_TUMOR, RADIA) are ambiguous → cohort unless tumorId says;
 *  4. one sample column: tumour-only; none: sites-only (sample from sampleOverride / tumorId /
 *     file name);
 *  5. otherwise a multi-sample cohort: an alteration for every sample whose GT carries the allele.
 */
import { InputError } from '../errors.js'

export type SampleMode = 'paired' | 'tumor-only' | 'sites-only' | 'cohort'

export interface SampleRoles {
  readonly mode: SampleMode
  readonly tumorIdx?: number | undefined
  readonly normalIdx?: number | undefined
  /** Name written into Alteration.sample for paired / tumour-only / sites-only files. */
  readonly tumorName?: string | undefined
}

export interface RoleOptions {
  readonly tumorId?: string | undefined
  readonly normalId?: string | undefined
  readonly sampleOverride?: string | undefined
}

function indexOf(samples: readonly string[], name: string | undefined, what: string, file: string, line: number): number | undefined {
  if (name === undefined) return undefined
  const i = samples.indexOf(name)
  if (i === -1) {
    throw new InputError('USAGE', `${what} ${JSON.stringify(name)} is not a sample column of this VCF`, {
      file,
      line,
      suggestion: samples.length ? `the sample columns are: ${samples.join(', ')}` : 'this VCF has no sample columns',
    })
  }
  return i
}

function uniqueMatch(samples: readonly string[], test: (s: string) => boolean): number | undefined {
  let found: number | undefined
  for (let i = 0; i < samples.length; i++) {
    if (test(samples[i] as string)) {
      if (found !== undefined) return undefined
      found = i
    }
  }
  return found
}

/** Tumour and normal columns guessed from names, each only when exactly one column matches. */
function byName(samples: readonly string[]): { t?: number | undefined; n?: number | undefined } {
  const t =
    uniqueMatch(samples, (s) => /^tumou?r$/i.test(s)) ??
    uniqueMatch(samples, (s) => /[_.-](t|tumou?r)$/i.test(s)) ??
    uniqueMatch(samples, (s) => /tumou?r/i.test(s)) ??
    uniqueMatch(samples, (s) => /somatic/i.test(s))
  const n =
    uniqueMatch(samples, (s) => /^normal$/i.test(s)) ??
    uniqueMatch(samples, (s) => /[_.-](n|normal)$/i.test(s)) ??
    uniqueMatch(samples, (s) => /normal/i.test(s)) ??
    uniqueMatch(samples, (s) => /germline/i.test(s))
  // A lone "_T" column is not enough to call a file tumour/normal: require the normal too.
  return t !== undefined && n !== undefined && t !== n ? { t, n } : { n }
}

export function resolveRoles(
  samples: readonly string[],
  header: { tumorSample?: string | undefined; normalSample?: string | undefined },
  opts: RoleOptions,
  file: string,
  line: number,
): SampleRoles {
  const name = (i: number): string => opts.sampleOverride ?? (samples[i] as string)
  let t = indexOf(samples, opts.tumorId, 'tumorId', file, line)
  let n = indexOf(samples, opts.normalId, 'normalId', file, line)
  if (t === undefined && header.tumorSample !== undefined) {
    t = samples.indexOf(header.tumorSample)
    if (t === -1) t = undefined
  }
  if (n === undefined && header.normalSample !== undefined) {
    n = samples.indexOf(header.normalSample)
    if (n === -1) n = undefined
  }
  if (t === undefined || n === undefined) {
    const guess = byName(samples)
    t ??= guess.t
    if (guess.n !== t) n ??= guess.n
  }
  if (t !== undefined) return { mode: n === undefined ? 'tumor-only' : 'paired', tumorIdx: t, normalIdx: n === t ? undefined : n, tumorName: name(t) }
  if (samples.length === 1) return { mode: 'tumor-only', tumorIdx: 0, tumorName: name(0) }
  if (samples.length === 0) {
    const base = file.replace(/^.*[\\/]/, '').replace(/\.(vcf|bcf)(\.b?gz)?$/i, '')
    return { mode: 'sites-only', tumorName: opts.sampleOverride ?? opts.tumorId ?? base }
  }
  if (opts.sampleOverride !== undefined) {
    throw new InputError('USAGE', `sampleOverride is for single-sample files; this VCF has ${samples.length} sample columns and no tumour/normal pair`, {
      file,
      line,
      suggestion: 'pass tumorId (and normalId) to choose the tumour column',
    })
  }
  return { mode: 'cohort' }
}
