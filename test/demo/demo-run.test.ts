// The README's first command: `biomarkit demo` runs the real pipeline on the shipped synthetic
// cohort. Every number the study publishes is asserted here from the demo's OUTPUT files (not from
// the generator's constants).
import { describe, expect, it } from 'vitest'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { run } from '../../cli/main.js'
import { memoryIO } from '../../cli/context.js'
import { tmpDir } from '../helpers.js'
import { xmlProblem } from '../viz/xml.js'

function table(path: string): Record<string, string>[] {
  const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l !== '' && !l.startsWith('#'))
  const head = (lines.shift() as string).split('\t')
  return lines.map((l) => Object.fromEntries(l.split('\t').map((v, i) => [head[i] as string, v])))
}

describe('biomarkit demo (synthetic cohort matched to the published T-DXd HER2-low aggregates)', async () => {
  const out = tmpDir('biomarkit-demo-')
  const io = memoryIO()
  const code = await run(['demo', '--out', out], io)
  const eff = table(join(out, 'efficacy.tsv'))
  const group = (g: string) => eff.find((r) => r.group === g) as Record<string, string>
  const assoc = table(join(out, 'associations.tsv'))
  const orr = (id: string) => assoc.find((r) => r.feature === id && r.endpoint === 'orr') as Record<string, string>

  it('finishes, says the data are synthetic, and writes every output', () => {
    expect(code).toBe(0)
    expect(io.out).toMatch(/SYNTHETIC demo cohort/)
    for (const f of ['oncoplot.svg', 'oncoplot.png', 'oncoplot-matrix.tsv', 'associations.tsv', 'survival.tsv', 'efficacy.tsv', 'cohort.tsv', 'report.html', 'km-MYC_amplification-pfs.svg']) {
      expect(existsSync(join(out, f)), f).toBe(true)
    }
    expect(statSync(join(out, 'oncoplot.png')).size).toBeGreaterThan(10_000)
    for (const f of ['associations.tsv', 'survival.tsv', 'efficacy.tsv']) expect(readFileSync(join(out, f), 'utf8')).toMatch(/^# SYNTHETIC/)
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toMatch(/SYNTHETIC/)
  })

  it('the report carries the lollipops of TP53 and PIK3CA, the swimmer plot and the co-occurrence heatmap', () => {
    const html = readFileSync(join(out, 'report.html'), 'utf8')
    expect([...html.matchAll(/<h3>Lollipop: ([^<]+)<\/h3>\n<figure class="bmk-figure" data-figure="lollipop">\n<svg/g)].map((m) => m[1])).toEqual(['TP53', 'PIK3CA'])
    expect(html.match(/data-figure="swimmer">\n<svg/g)).toHaveLength(1)
    expect(html.match(/data-figure="cooccurrence">\n<svg/g)).toHaveLength(1)
    expect(html.match(/data-figure="summary">\n<svg/g)).toHaveLength(1)
    // The swimmer plot says how the response and the endpoint were read.
    expect(html).toMatch(/Swimmer plot \(pfs\)/)
  })

  it('reproduces best response, ORR and DCR overall and by subgroup', () => {
    const all = group('All patients')
    expect([all.patients, all.orr_x, all.orr_n, all.dcr_x]).toEqual(['64', '23', '64', '48'])
    expect(((100 * Number(all.orr_x)) / 64).toFixed(1)).toBe('35.9')
    expect(((100 * Number(all.dcr_x)) / 64).toFixed(1)).toBe('75.0')
    const pick = (g: string) => [group(g).patients, group(g).orr_x, group(g).dcr_x]
    expect(pick('her2_ihc = 2+')).toEqual(['32', '13', '27'])
    expect(pick('her2_ihc = 1+')).toEqual(['32', '10', '21'])
    expect(pick('brain_mets = yes')).toEqual(['11', '2', '7'])
    expect(pick('prior_trop2_adc = yes')).toEqual(['10', '0', '5'])
    const lines = table(join(out, 'cohort.tsv')).map((r) => [r.level, r.patients])
    expect(lines).toEqual([
      ['1st', '3'],
      ['2nd', '18'],
      ['≥3rd', '43'],
    ])
  })

  it('reproduces the rwPFS and OS medians to 0.1 month and the 31 deaths', () => {
    const m = (g: string, k: 'pfs_median' | 'os_median') => Number(group(g)[k]).toFixed(1)
    expect(m('All patients', 'pfs_median')).toBe('5.0')
    expect([m('her2_ihc = 2+', 'pfs_median'), m('her2_ihc = 1+', 'pfs_median')]).toEqual(['6.0', '3.9'])
    expect([m('brain_mets = yes', 'pfs_median'), m('brain_mets = no', 'pfs_median')]).toEqual(['3.6', '5.6'])
    expect([m('prior_trop2_adc = yes', 'pfs_median'), m('prior_trop2_adc = no', 'pfs_median')]).toEqual(['3.1', '5.5'])
    expect(m('All patients', 'os_median')).toBe('14.9')
    expect(group('All patients').os_deaths).toBe('31')
    expect([m('her2_ihc = 2+', 'os_median'), m('her2_ihc = 1+', 'os_median')]).toEqual(['18.1', '14.0'])
    expect([m('brain_mets = yes', 'os_median'), m('brain_mets = no', 'os_median')]).toEqual(['8.6', '15.7'])
    expect([m('prior_trop2_adc = yes', 'os_median'), m('prior_trop2_adc = no', 'os_median')]).toEqual(['11.1', '15.7'])
  })

  it('finds the biomarker counts in the 28 sequenced patients from raw VCF and copy-number calls', () => {
    const n = (id: string) => [orr(id).n_altered, orr(id).n_assayed]
    expect(n('TP53_mut')).toEqual(['24', '28'])
    expect(n('PIK3CA_mut')).toEqual(['9', '28'])
    expect(n('MYC_amp')).toEqual(['6', '28'])
    expect(n('PTEN_any')).toEqual(['5', '28'])
    expect(n('BRCA1_any')).toEqual(['7', '28'])
    expect(n('BRCA1_germline')).toEqual(['5', '28'])
    expect(n('BRCA1_somatic')).toEqual(['2', '28'])
  })

  it('reproduces ORR 1/6 with MYC amplification and 1/7 with BRCA1 mutation, none significant by Fisher', () => {
    expect([orr('MYC_amp').a_altered_group1, orr('MYC_amp').n_altered]).toEqual(['1', '6'])
    expect(Number(orr('MYC_amp').rate_altered).toFixed(3)).toBe('0.167')
    expect([orr('BRCA1_any').a_altered_group1, orr('BRCA1_any').n_altered]).toEqual(['1', '7'])
    expect(Number(orr('BRCA1_any').rate_altered).toFixed(3)).toBe('0.143')
    for (const id of ['TP53_mut', 'PIK3CA_mut', 'MYC_amp', 'PTEN_any', 'BRCA1_any', 'PAM_pathway']) expect(Number(orr(id).p), id).toBeGreaterThan(0.05)
    // TP53 and PAM: ORR similar in altered and wild-type (within 10 points).
    for (const id of ['TP53_mut', 'PAM_pathway']) expect(Math.abs(Number(orr(id).rate_altered) - Number(orr(id).rate_wildtype)), id).toBeLessThan(0.1)
  })

  it('draws the oncoplot over all 28 sequenced patients, as well-formed SVG', () => {
    const svg = readFileSync(join(out, 'oncoplot.svg'), 'utf8')
    expect(xmlProblem(svg)).toBeUndefined()
    const header = readFileSync(join(out, 'oncoplot-matrix.tsv'), 'utf8').split('\n')[0] as string
    expect(header.split('\t')).toHaveLength(29)
  })

  it('Table 1: the published counts and percentages (HER2 IHC, lines of therapy, brain metastases, prior Trop-2 ADC)', () => {
    const t1 = table(join(out, 'table1-baseline.tsv'))
    const cell = (c: string, l: string) => t1.find((r) => r.characteristic === c && r.level === l)?.['All patients (n = 64)']
    expect([cell('her2_ihc', '1+'), cell('her2_ihc', '2+')]).toEqual(['32 (50.0)', '32 (50.0)'])
    expect([cell('line_of_therapy_group', '1st'), cell('line_of_therapy_group', '2nd'), cell('line_of_therapy_group', '≥3rd')]).toEqual(['3 (4.7)', '18 (28.1)', '43 (67.2)'])
    expect(cell('brain_mets', 'yes')).toBe('11 (17.2)')
    expect(cell('prior_trop2_adc', 'yes')).toBe('10 (15.6)')
    expect(t1.find((r) => r.characteristic === 'age')?.['All patients (n = 64)']).toMatch(/^\d+ \(\d+–\d+\); IQR /)
  })

  it('Table 2: ORR, DCR and KM medians as efficacy.tsv, and the rwPFS HR of HER2 2+ vs 1+ inside the published 0.31–0.96', () => {
    const t2 = table(join(out, 'table2-efficacy.tsv'))
    expect(t2.map((r) => [r.group, r.orr_x, r.dcr_x])).toEqual(eff.map((r) => [r.group, r.orr_x, r.dcr_x]))
    const her2 = t2.find((r) => r.group === 'her2_ihc = 2+') as Record<string, string>
    expect(her2.reference).toBe('1+')
    expect(Number(her2.pfs_hr)).toBeGreaterThan(0.31)
    expect(Number(her2.pfs_hr)).toBeLessThan(0.96)
    // Published point estimate 0.54: the generator holds it within ±5% (log scale).
    expect(Math.abs(Math.log(Number(her2.pfs_hr) / 0.54))).toBeLessThan(0.05)
  })

  it('Fig. 3: univariable HRs near the published ones; multivariable HRs within the published 95% CIs', () => {
    const uni = table(join(out, 'cox-univariable-pfs.tsv'))
    const multi = table(join(out, 'cox-multivariable-pfs.tsv'))
    expect(Object.keys(multi[0] ?? {}).slice(0, 5)).toEqual(['term', 'hr', 'hr_lower', 'hr_upper', 'p'])
    const hr = (rows: Record<string, string>[], term: string) => Number(rows.find((r) => r.term === term)?.hr)
    // Published univariable: HER2 2+ 0.54, brain metastases 2.57, prior Trop-2 ADC 2.51 (±5% by construction).
    for (const [term, want] of [['her2_ihc=2+', 0.54], ['brain_mets=yes', 2.57], ['prior_trop2_adc=yes', 2.51]] as const) expect(Math.abs(Math.log(hr(uni, term) / want)), term).toBeLessThan(0.05)
    // Published multivariable: brain metastases 2.46 (1.15–5.29), prior Trop-2 ADC 2.79 (1.28–6.08).
    expect(hr(multi, 'brain_mets=yes')).toBeGreaterThan(1.15)
    expect(hr(multi, 'brain_mets=yes')).toBeLessThan(5.29)
    expect(hr(multi, 'prior_trop2_adc=yes')).toBeGreaterThan(1.28)
    expect(hr(multi, 'prior_trop2_adc=yes')).toBeLessThan(6.08)
    for (const r of multi) expect(Number(r.p), r.term).toBeLessThan(0.05)
    for (const f of ['fig3-forest-univariable-pfs.svg', 'fig3-forest-multivariable-pfs.svg', 'fig1-km-pfs-her2_ihc.svg', 'fig2-km-os-brain_mets.svg', 'tmb-by-response.svg']) {
      expect(xmlProblem(readFileSync(join(out, f), 'utf8')), f).toBeUndefined()
    }
    expect(readFileSync(join(out, 'fig1-km-pfs-her2_ihc.svg'), 'utf8')).toMatch(/2\+ vs 1\+: HR 0\.5\d \(95% CI 0\.\d\d–0\.9\d\), P = 0\.0\d\d/)
  })

  it('Fig. 1–2: KM of rwPFS and OS overall and by each factor, with the published medians and the HR, 95% CI and P of Table 2', () => {
    const t2 = table(join(out, 'table2-efficacy.tsv'))
    const text = (f: string) => [...readFileSync(join(out, f), 'utf8').matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1] as string)
    const mo = (x: string | undefined) => `${Number(Number(x).toFixed(1))} mo`
    for (const [fig, ep] of [['fig1', 'pfs'], ['fig2', 'os']] as const) {
      const all = text(`${fig}-km-${ep}-all.svg`)
      expect(all, `${fig} all`).toContain(`All patients (n=64): median ${mo(group('All patients')[`${ep}_median`])}`)
      for (const f of ['her2_ihc', 'brain_mets', 'prior_trop2_adc']) {
        const file = `${fig}-km-${ep}-${f}.svg`
        expect(xmlProblem(readFileSync(join(out, file), 'utf8')), file).toBeUndefined()
        const labels = text(file)
        const rows = t2.filter((r) => r.column === f)
        for (const r of rows) expect(labels, `${file} ${r.level}`).toContain(`${f} ${r.level} (n=${r.patients}): median ${mo(r[`${ep}_median`])}`)
        const cmp = rows.find((r) => r[`${ep}_hr`] !== 'NA') as Record<string, string>
        const two = (x: string | undefined) => Number(x).toFixed(2)
        const p = Number(cmp[`${ep}_hr_p`])
        expect(labels, file).toContain(`${cmp.level} vs ${cmp.reference}: HR ${two(cmp[`${ep}_hr`])} (95% CI ${two(cmp[`${ep}_hr_lower`])}–${two(cmp[`${ep}_hr_upper`])}), P = ${p < 0.001 ? '< 0.001' : p.toFixed(3)}`)
      }
    }
    // The published rwPFS medians on the figures: HER2 2+ vs 1+ 6.0 vs 3.9 months.
    expect(text('fig1-km-pfs-her2_ihc.svg')).toEqual(expect.arrayContaining(['her2_ihc 2+ (n=32): median 6 mo', 'her2_ihc 1+ (n=32): median 3.9 mo']))
  })

  it('Fig. 4: the oncoplot of the 28 sequenced patients as fig4-oncoplot.svg', () => {
    const svg = readFileSync(join(out, 'fig4-oncoplot.svg'), 'utf8')
    expect(xmlProblem(svg)).toBeUndefined()
    expect(svg).toBe(readFileSync(join(out, 'oncoplot.svg'), 'utf8'))
    expect(svg).toMatch(/Altered in \d+ of 28/)
  })

  it('Table 3: the published adverse-event percentages, sorted by frequency', () => {
    const t3 = table(join(out, 'table3-adverse-events.tsv'))
    const row = (term: string) => t3.find((r) => r.term === term) as Record<string, string>
    expect(row('Nausea').any_grade).toBe('46 (71.9)')
    expect(row('Fatigue').any_grade).toBe('25 (39.1)')
    expect(row('Neutropenia').any_grade).toBe('20 (31.3)')
    expect(row('Neutropenia').grade_3_plus).toBe('6 (9.4)')
    expect(row('Thrombocytopenia').grade_3_plus).toBe('5 (7.8)')
    const n = t3.map((r) => Number(r.any_grade_n))
    expect(n).toEqual([...n].sort((a, b) => b - a))
  })

  it('shows the study tables and figures in the report in the study order', () => {
    const html = readFileSync(join(out, 'report.html'), 'utf8')
    const at = ['id="table1"', 'id="table2"', 'id="fig1"', 'id="fig2"', 'id="fig3"', 'id="table3"', 'id="fig4"'].map((id) => html.indexOf(id))
    expect(at.every((i) => i > 0)).toBe(true)
    expect(at).toEqual([...at].sort((a, b) => a - b))
  })

  it('is deterministic: a second run writes the same bytes', async () => {
    const out2 = tmpDir('biomarkit-demo-')
    expect(await run(['demo', '--out', out2], memoryIO())).toBe(0)
    for (const f of ['oncoplot.svg', 'associations.tsv', 'survival.tsv', 'efficacy.tsv', 'report.html', 'table1-baseline.tsv', 'table3-adverse-events.tsv', 'cox-multivariable-pfs.tsv', 'fig3-forest-multivariable-pfs.svg', 'tmb-by-response.svg']) {
      expect(readFileSync(join(out2, f), 'utf8'), f).toBe(readFileSync(join(out, f), 'utf8'))
    }
  })
})
