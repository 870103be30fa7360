/** The Riaz 2017 report command line as the README gives it, shared by the report and browser tests. */
import { join } from 'node:path'
import { shared } from '../helpers.js'

const DIR = 'riaz2017-nivolumab'
export const RIAZ_MUTATIONS = join(DIR, 'pre_therapy_nonsynonmous_mutations.csv.gz')

export const RIAZ_REPORT_ARGS = (out: string, extra: readonly string[] = []): string[] => [
  'report',
  shared(RIAZ_MUTATIONS),
  '--columns',
  'sample=Patient,gene=Hugo Symbol,class=Variant Classification,protein=HGVS_p,chrom=Chromosome,start=Start,end=End',
  '--clinical',
  shared(join(DIR, 'bms038_clinical_data.csv')),
  // OS_SOR / PFS_SOR code the event as 0 (bms038_analysis: Surv(time, SOR == 0)).
  '--endpoints',
  'OS~OS_SOR,PFS~PFS_SOR',
  '--event-value',
  '0',
  '--time-unit',
  'days',
  ...extra,
  '-o',
  out,
]

/** The inline <svg>…</svg> elements of a report, in order. */
export function inlineSvgs(html: string): string[] {
  return [...html.matchAll(/<svg[\s\S]*?<\/svg>/g)].map((m) => m[0])
}

