/**
 * A small report built from real pipeline pieces: a literal cohort matrix (test/viz/helpers), Fisher
 * rows from src/scan testFeature + BH, PFS rows and curves from src/scan scanSurvival, the oncoplot SVG from
 * viz. `names` lets the escaping tests swap in hostile sample / gene names.
 */
import type { CohortMatrix } from '../../src/matrix/types.js'
import { newReport, drop, warn } from '../../src/model/report.js'
import { testFeature } from '../../src/scan/binary.js'
import { adjustWithinFamilies } from '../../src/scan/families.js'
import type { AssociationRow } from '../../src/scan/row.js'
import { scanSurvival } from '../../src/scan/scan-survival.js'
import { layoutOncoplot } from '../../viz/layout.js'
import { kmSectionFromScan } from '../../viz/report/survival.js'
import type { ReportInput } from '../../viz/report/types.js'
import { toSvg } from '../../viz/svg.js'
import { buildMatrix, clinicalTable } from '../viz/helpers.js'

export const SAMPLES = ['P01', 'P02', 'P03', 'P04', 'P05', 'P06', 'P07', 'P08', 'P09', 'P10', 'P11', 'P12']
/** 1 = responder (CR/PR), 0 = SD/PD, -1 = not evaluable. */
const RESPONSE = [1, 1, 0, 0, -1, 0, 1, 0, 1, 1, 0, 0]
const PFS = [24.5, 12, 6.2, 2.1, 3.3, 1.5, 8, 30, 15.75, 40, 4.4, 2.9]
const EVENT = [0, 1, 1, 1, 1, 0, 1, 0, 1, 0, 1, 1] as const

export interface FixtureNames {
  readonly samples?: readonly string[] | undefined
  readonly genes?: readonly [string, string, string] | undefined
  readonly title?: string | undefined
}

export function fixtureMatrix(names: FixtureNames = {}): CohortMatrix {
  const s = names.samples ?? SAMPLES
  const [g1, g2, g3] = names.genes ?? ['TP53', 'MYC', 'KRAS']
  const at = (i: number): string => s[i] ?? `S${i}`
  return buildMatrix({
    samples: s,
    rows: {
      [g1]: { [at(0)]: 'Missense_Mutation@p.R175H', [at(1)]: 'Nonsense_Mutation@p.R213*', [at(3)]: 'Frame_Shift_Del', [at(8)]: 'Missense_Mutation@p.R248Q', [at(11)]: 'NA' },
      [g2]: { [at(0)]: 'amp', [at(6)]: 'amp', [at(9)]: 'gain;Missense_Mutation@p.T58I' },
      [g3]: { [at(2)]: 'Missense_Mutation@p.G12C', [at(3)]: 'Missense_Mutation@p.G12D', [at(5)]: 'Missense_Mutation@p.G12V', [at(10)]: 'germline!Missense_Mutation@p.Q61H' },
    },
  })
}

function associations(m: CohortMatrix): AssociationRow[] {
  const group = Int32Array.from(RESPONSE)
  const rows = m.features.map((_, f) => testFeature(m, f, group, { endpoint: 'ORR', comparison: 'CR+PR vs SD+PD', family: 'ORR', level: 1 }, { power: true }))
  adjustWithinFamilies(rows, 'BH')
  return rows
}

/** PFS through the real survival scan (KM, log-rank, Cox), for TP53 and MYC. */
function survival(m: CohortMatrix): Pick<ReportInput, 'survival' | 'km'> {
  const clinical = clinicalTable(['sample', 'pfs_months', 'pfs_event'], m.samples.map((s, i) => [s, String(PFS[i]), String(EVENT[i])]))
  const scan = scanSurvival(m, clinical, 'pfs', [0, 1])
  const km = scan.rows.map((r, i) => {
    const c = scan.curves[i]
    if (c === undefined) throw new Error('scanSurvival returned fewer curves than rows')
    return kmSectionFromScan(r, c, { timeLabel: 'Time (months)', unit: 'mo' })
  })
  return { survival: scan.rows, km }
}

export function fixtureInput(names: FixtureNames = {}): ReportInput {
  const m = fixtureMatrix(names)
  const maf = newReport(names.samples === undefined ? 'cohort.maf' : `${names.samples[0] ?? ''}.maf`, 'maf')
  maf.rowsRead = 20
  maf.kept = 16
  drop(maf, 'filtered', 3, 'not PASS')
  drop(maf, 'duplicate', 1)
  warn(maf, { code: 'row-error', location: { file: 'cohort.maf', line: 7 }, detail: `unknown Variant_Classification ${JSON.stringify(names.genes?.[0] ?? 'Weird_Class')}` })
  const clinical = newReport('clinical.tsv', 'clinical')
  clinical.rowsRead = 12
  clinical.kept = 12
  return {
    title: names.title ?? 'biomarkit report — fixture cohort',
    synthetic: true,
    cohort: { samplesSequenced: m.samples.length, patientsClinical: 12, features: m.features.length, panels: ['MSK-IMPACT468'] },
    oncoplotSvg: toSvg(layoutOncoplot(m, { tooltips: true, sampleNames: 'show', removeUnaltered: false })),
    associations: associations(m),
    ...survival(m),
    readReports: [maf, clinical],
    provenance: {
      tool: 'biomarkit',
      version: '0.1.0',
      inputs: [
        { role: 'maf', name: 'cohort.maf', sha256: 'a'.repeat(64), bytes: 1234 },
        { role: 'clinical', name: 'clinical.tsv', sha256: 'b'.repeat(64), bytes: 456 },
      ],
      parameters: [
        ['response column', 'best_response'],
        ['alternative', 'two-sided'],
      ],
    },
  }
}
