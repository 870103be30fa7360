/**
 * The founding study's tables and figures from the demo cohort, by the same library code the
 * `table`, `scan`, `km` and `forest` commands use: Table 1 (baseline), Table 2 (efficacy), Table 3
 * (adverse events), Fig. 1–2 (rwPFS and OS KM overall and by HER2 IHC, brain metastases, prior
 * Trop-2 ADC, with HR, CI and P), Fig. 3 (univariable and multivariable Cox forests of rwPFS) and
 * the Cox tables behind it, and TMB by response of the sequenced patients.
 */
import { join } from 'node:path'
import { survivalEndpoint } from '../src/clinical/survival.js'
import { binaryEndpoint } from '../src/clinical/endpoints.js'
import { clinicalFactor } from '../src/features/clinical-factor.js'
import { multivariableSurvival, univariableSurvival } from '../src/features/survival-terms.js'
import type { SurvivalTermRow } from '../src/features/rows.js'
import { numericTransform } from '../src/features/transform.js'
import type { NumericVector } from '../src/features/vector.js'
import { readTable } from '../src/io/table.js'
import type { ClinicalTable } from '../src/model/clinical.js'
import type { EfficacyRow } from '../src/pipeline/efficacy.js'
import { formatSignificant } from '../src/stats/format.js'
import { kaplanMeier } from '../src/stats/km.js'
import { wilcoxonRankSum } from '../src/stats/wilcoxon.js'
import { adverseEventTable } from '../src/tables/adverse-events.js'
import { aeTsv } from '../src/tables/ae-format.js'
import { baselineTable } from '../src/tables/baseline.js'
import { baselineTsv } from '../src/tables/baseline-format.js'
import { efficacyTsv } from '../src/tables/efficacy-format.js'
import { burdenSvg } from '../viz/burden-plot.js'
import { forestSvg } from '../viz/forest.js'
import { kmCurve, kmSvg } from '../viz/km.js'
import type { StudySection } from '../viz/report/study.js'
import { factorKmInput, hrForestOptions, hrForestRows } from '../viz/study-figures.js'
import type { ReadLimits } from '../src/io/read-limits.js'

export interface StudyOutputs {
  readonly files: readonly (readonly [string, string])[]
  readonly sections: readonly StudySection[]
  readonly multivariable: readonly SurvivalTermRow[]
}

const FACTORS = ['her2_ihc', 'brain_mets', 'prior_trop2_adc'] as const
const NONE = numericTransform('none')

/** Line of therapy as the study groups it (1st, 2nd, ≥3rd): a derived column of a copy of the table. */
function withLineGroups(t: ClinicalTable): ClinicalTable {
  const rows = new Map([...t.rows].map(([s, r]) => {
    const v = Number(r.values.get('line_of_therapy'))
    const g = !Number.isFinite(v) ? undefined : v <= 1 ? '1st' : v === 2 ? '2nd' : '≥3rd'
    return [s, { ...r, values: new Map([...r.values, ["line_of_therapy_group", g]]) }]
  }))
  return { ...t, columns: [...t.columns, 'line_of_therapy_group'], rows }
}

const tsvTable = (lines: readonly string[]) => {
  const body = lines.filter((l) => !l.startsWith('#'))
  return { head: (body[0] ?? '').split('\t'), rows: body.slice(1).map((l) => l.split('\t')) }
}

const coxTsv = (rows: readonly SurvivalTermRow[]) => [
  'term\thr\thr_lower\thr_upper\tp\tn\tevents\treference',
  ...rows.map((r) => [r.term, r.hr, r.hr_lower, r.hr_upper, r.wald_p, r.n, r.events, r.reference ?? 'NA'].map((x) => (typeof x === 'number' ? formatSignificant(x, 7) : String(x ?? 'NA'))).join('\t')),
]

export async function studyOutputs(dir: string, table: ClinicalTable, eff: readonly EfficacyRow[], tmb: NumericVector | undefined, banner: string, limits?: ReadLimits): Promise<StudyOutputs> {
  const files: [string, string][] = []
  const sections: StudySection[] = []
  const t = withLineGroups(table)
  const base = baselineTable(t, ['age', 'her2_ihc', 'hr_conversion', 'pdl1_cps', 'line_of_therapy_group', 'prior_trop2_adc', 'brain_mets', 'visceral_mets', 'liver_mets', 'lung_mets', 'bone_mets'])
  const t1 = baselineTsv(base)
  files.push(['table1-baseline.tsv', [banner, ...t1].join('\n') + '\n'])
  sections.push({ id: 'table1', title: 'Table 1 — Baseline characteristics', note: 'n (%) of the 64 patients; age and PD-L1 CPS median (range) and IQR.', table: tsvTable(t1) })
  const t2 = efficacyTsv(eff)
  files.push(['table2-efficacy.tsv', [banner, ...t2].join('\n') + '\n'])
  sections.push({
    id: 'table2', title: 'Table 2 — Efficacy overall and by subgroup',
    note: 'ORR/DCR with Clopper–Pearson 95% CI; KM medians (months) with 95% CI; HR of each level vs its reference (Cox, Efron ties).',
    table: { head: ['group', 'patients', 'ORR', 'DCR', 'median rwPFS (95% CI)', 'median OS (95% CI)', 'rwPFS HR (95% CI), P'], rows: eff.map((r) => [r.group, String(r.patients), r.orr ? `${r.orr.x}/${r.orr.n} (${(100 * r.orr.rate).toFixed(1)}%)` : 'NA', r.dcr ? `${r.dcr.x}/${r.dcr.n} (${(100 * r.dcr.rate).toFixed(1)}%)` : 'NA', medianText(r.pfs), medianText(r.os), r.pfsHr ? `${r.pfsHr.hr.toFixed(2)} (${r.pfsHr.lower.toFixed(2)}–${r.pfsHr.upper.toFixed(2)}), ${r.pfsHr.p.toFixed(3)}` : r.level !== undefined && r.level === r.reference ? 'reference' : '']) },
  })

  // Fig. 1 (rwPFS) and Fig. 2 (OS): overall, then by each factor.
  const vectors = FACTORS.map((c) => clinicalFactor(table, c))
  let fig = 1
  for (const endpoint of ['pfs', 'os'] as const) {
    const ep = survivalEndpoint(table, endpoint)
    const name = endpoint === 'pfs' ? 'rwPFS' : 'OS'
    const svgs: string[] = []
    const all = [...ep.values.values()]
    const overall = kmSvg({ title: `${name} — all patients`, curves: [kmCurve('All patients', kaplanMeier(all.map((p) => p.time), all.map((p) => p.event)))], timeLabel: 'Months', unit: 'mo' })
    files.push([`fig${fig}-km-${endpoint}-all.svg`, overall])
    svgs.push(overall)
    for (const v of vectors) {
      const rows = univariableSurvival(v, ep, { transform: NONE })
      const svg = kmSvg(factorKmInput(v, ep, rows, { title: `${name} by ${v.label}`, timeLabel: 'Months', unit: 'mo' }))
      files.push([`fig${fig}-km-${endpoint}-${v.label}.svg`, svg])
      svgs.push(svg)
    }
    sections.push({ id: `fig${fig}`, title: `Fig. ${fig} — ${name} (Kaplan–Meier)`, note: 'HR of each level vs its reference (Cox, Efron ties) with 95% CI and Wald P; log-rank P; numbers at risk under each plot.', svgs })
    fig++
  }

  // Fig. 3: univariable and multivariable Cox of rwPFS.
  const pfs = survivalEndpoint(table, 'pfs')
  const uni = vectors.flatMap((v) => univariableSurvival(v, pfs, { transform: NONE }))
  const multi = multivariableSurvival(vectors, [], pfs, { transform: NONE }).rows
  files.push(['cox-univariable-pfs.tsv', [banner, ...coxTsv(uni)].join('\n') + '\n'])
  files.push(['cox-multivariable-pfs.tsv', [banner, ...coxTsv(multi)].join('\n') + '\n'])
  const f3a = forestSvg(hrForestRows(uni), hrForestOptions('Fig. 3a — Univariable Cox regression, rwPFS', false))
  const f3b = forestSvg(hrForestRows(multi), hrForestOptions('Fig. 3b — Multivariable Cox regression, rwPFS', true))
  files.push(['fig3-forest-univariable-pfs.svg', f3a], ['fig3-forest-multivariable-pfs.svg', f3b])
  sections.push({ id: 'fig3', title: 'Fig. 3 — Cox regression of rwPFS', note: `Multivariable model: ${FACTORS.join(', ')} (64 patients, ${multi[0]?.events ?? 0} events).`, svgs: [f3a, f3b] })

  // Table 3: adverse events.
  const aeFile = join(dir, 'adverse_events.tsv')
  const ae = adverseEventTable(await readTable(aeFile, { what: 'adverse-event table', limits }), { population: new Set(table.rows.keys()), populationName: 'the clinical table' })
  const t3 = aeTsv(ae)
  files.push(['table3-adverse-events.tsv', [banner, ...t3].join('\n') + '\n'])
  sections.push({ id: 'table3', title: 'Table 3 — Adverse events', note: `n (%) of ${ae.denominator}; a patient counts once per term, at the worst grade.`, table: { head: ['term', 'any grade n (%)', 'grade ≥3 n (%)'], rows: ae.rows.map((r) => [r.term, `${r.anyGrade} (${r.anyGradePercent.toFixed(1)})`, `${r.grade3plus} (${r.grade3plusPercent.toFixed(1)})`]) } })

  // TMB by response among the sequenced patients (Fig. 4 is the oncoplot).
  if (tmb) {
    const orr = binaryEndpoint(table, 'orr')
    if (orr.kind === 'binary') {
      const resp = [...tmb.values].filter(([s]) => orr.values.get(s) === 1).map(([, v]) => v)
      const rest = [...tmb.values].filter(([s]) => orr.values.get(s) === 0).map(([, v]) => v)
      if (resp.length > 0 && rest.length > 0) {
        const w = wilcoxonRankSum(resp, rest)
        const svg = burdenSvg({ title: 'TMB by best response (sequenced patients)', yLabel: 'TMB (mut/Mb)', annotation: `Wilcoxon rank-sum P = ${w.p.toFixed(3)} (${w.method})`, groups: [{ label: 'CR+PR', values: resp }, { label: 'SD+PD', values: rest }] })
        files.push(['tmb-by-response.svg', svg])
        sections.push({ id: 'tmb', title: 'TMB by response', note: tmb.interpretation, svgs: [svg] })
      }
    }
  }
  return { files, sections, multivariable: multi }
}

function medianText(m: EfficacyRow['pfs']): string {
  if (!m) return 'NA'
  const f = (x: number) => (Number.isNaN(x) ? 'NR' : x.toFixed(1))
  return `${f(m.median)} (${f(m.lower)}–${f(m.upper)})`
}
