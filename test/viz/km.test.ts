import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { kaplanMeier } from '../../src/stats/km.js'
import { kmCurve, kmMedian, kmSvg, layoutKm, legendText, nAtRisk, type KmCurve, type KmPlotInput } from '../../viz/km.js'
import type { Scene, Shape } from '../../viz/scene.js'
import { textWidth } from '../../viz/text.js'
import { xmlProblem } from './xml.js'

/** survival::aml by arm, written by test/fixtures/report/km-aml.R (R 4.2.2, survival 3.5.3). */
interface RCurve {
  label: string
  times: number[]
  surv: number[]
  lower: (number | null)[]
  upper: (number | null)[]
  nRisk: number[]
  censorTimes: number[]
  rMedian: number
  riskTicks: number[]
  rRisk: number[]
}
const ref = JSON.parse(readFileSync(new URL('../fixtures/report/km-aml.json', import.meta.url), 'utf8')) as { tie: { times: number[]; surv: number[]; rMedian: number }; curves: RCurve[] }
const curves: KmCurve[] = ref.curves.map((c) => ({ ...c, lower: c.lower.map((v) => v ?? NaN), upper: c.upper.map((v) => v ?? NaN) }))
const input: KmPlotInput = { title: 'AML: maintenance chemotherapy', curves, annotations: ['Log-rank p = 0.0653', 'HR 0.44 (95% CI 0.18–1.07)'], timeLabel: 'Time (weeks)', unit: 'wk' }

function texts(scene: Scene, group: string): string[] {
  return scene.groups.filter((g) => g.id === group).flatMap((g) => g.shapes.filter((s): s is Extract<Shape, { kind: 'text' }> => s.kind === 'text').map((s) => s.text))
}

describe('Kaplan–Meier summaries match R survival', () => {
  it.each(ref.curves.map((c) => [c.label, c] as const))('median of %s equals survfit print (%#)', (_, c) => {
    expect(kmMedian(c.times, c.surv)).toBe(c.rMedian)
  })
  it('takes the midpoint of a flat stretch at exactly 0.5, as quantile.survfit does', () => {
    expect(kmMedian(ref.tie.times, ref.tie.surv)).toBe(ref.tie.rMedian)
  })
  it('reports "not reached" when S(t) stays above 0.5', () => {
    expect(kmMedian([1, 2], [0.9, 0.8])).toBeUndefined()
    expect(legendText({ label: 'G', times: [1, 2], surv: [0.9, 0.8], nRisk: [5, 4], censorTimes: [] }, 'mo')).toBe('G (n=5): median not reached')
  })
  it.each(ref.curves.map((c) => [c.label, c] as const))('numbers at risk of %s equal summary(fit, times, extend = TRUE)', (_, c) => {
    const curve = curves.find((k) => k.label === c.label) as KmCurve
    expect(c.riskTicks.map((t) => nAtRisk(curve, t))).toEqual(c.rRisk)
  })
})

describe('kmCurve adapts the statistics engine to the plot', () => {
  // survival::aml (Miller 1997), the same data km-aml.R summarises.
  const arms = {
    Maintained: { time: [9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161], status: [1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 0] },
    Nonmaintained: { time: [5, 5, 8, 8, 12, 16, 23, 27, 30, 33, 43, 45], status: [1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1] },
  } as const
  it.each(ref.curves.map((c) => [c.label, c] as const))('%s: times, n at risk, censor times and median equal survfit (%#)', (label, c) => {
    const arm = arms[label as keyof typeof arms]
    const k = kmCurve(label, kaplanMeier(arm.time, arm.status.map((s) => (s === 1 ? 1 : 0))))
    expect(k.times).toEqual(c.times)
    expect(k.nRisk).toEqual(c.nRisk)
    expect(k.censorTimes).toEqual(c.censorTimes)
    expect(k.median).toBe(c.rMedian)
    k.surv.forEach((v, i) => expect(v).toBeCloseTo(c.surv[i] ?? NaN, 12))
    expect(c.riskTicks.map((t) => nAtRisk(k, t))).toEqual(c.rRisk)
  })
})

describe('KM plot layout', () => {
  const scene = layoutKm(input)
  const svg = kmSvg(input)

  it('is well-formed XML and deterministic', () => {
    expect(xmlProblem(svg)).toBeUndefined()
    expect(kmSvg(input)).toBe(svg)
  })
  it('has a legend with n and the R median per group, and the caller annotations', () => {
    expect(texts(scene, 'km-legend')).toEqual(['Maintained (n=11): median 31 wk', 'Nonmaintained (n=12): median 23 wk'])
    expect(texts(scene, 'km-annotations')).toEqual(input.annotations)
  })
  it('prints numbers at risk at each x tick (0, 20, …, 180 for follow-up to 161), equal to R', () => {
    const [m, nm] = ref.curves as [RCurve, RCurve]
    const axis = texts(scene, 'km-axes')
    expect(axis.slice(6, 6 + m.riskTicks.length)).toEqual(m.riskTicks.map(String))
    const risk = texts(scene, 'km-risk')
    // Header, then per group: label + one count per tick.
    expect(risk[0]).toBe('Number at risk')
    expect(risk.slice(1, 12)).toEqual(['Maintained', ...m.rRisk.map(String)])
    expect(risk.slice(12)).toEqual(['Nonmaintained', ...nm.rRisk.map(String)])
  })
  it('draws one step path per group and a censor tick per censoring time', () => {
    const groups = scene.groups.filter((g) => g.id === 'km-curve')
    expect(groups.map((g) => g.data?.group)).toEqual(['Maintained', 'Nonmaintained'])
    const ticks = groups.map((g) => g.shapes[1])
    expect(ticks.map((t) => (t?.kind === 'path' ? t.d.filter((c) => c.op === 'M').length : 0))).toEqual([4, 1])
    const step = groups[0]?.shapes[0]
    // M + (H, V) per listed time: the curve is a step function, never a diagonal.
    expect(step?.kind === 'path' && step.d.every((c) => c.op !== 'L')).toBe(true)
    expect(step?.kind === 'path' ? step.d.length : 0).toBe(1 + 2 * 10)
  })
  it('places every step and censor tick at S(t) on the axis scale ', () => {
    const axis = scene.groups.find((g) => g.id === 'km-axes')?.shapes ?? []
    // Each tick label follows its tick mark: read positions off the marks, not the text baselines.
    const mark = (label: string): Shape | undefined => axis[axis.findIndex((s) => s.kind === 'text' && s.text === label) - 1]
    const yTick = (label: string): number => {
      const m = mark(label)
      return m?.kind === 'line' ? m.y1 : NaN
    }
    const xTick = (label: string): number => {
      const m = mark(label)
      return m?.kind === 'line' ? m.x1 : NaN
    }
    const [y0, y1, x0, x100] = [yTick('0.0'), yTick('1.0'), xTick('0'), xTick('100')]
    const sOf = (y: number): number => (y0 - y) / (y0 - y1)
    const tOf = (x: number): number => (100 * (x - x0)) / (x100 - x0)
    scene.groups.filter((g) => g.id === 'km-curve').forEach((g, k) => {
      const c = ref.curves[k] as RCurve
      const step = g.shapes[0]
      if (step?.kind !== 'path') throw new Error('no step path')
      const hs = step.d.flatMap((d) => (d.op === 'H' ? [tOf(d.x)] : []))
      const vs = step.d.flatMap((d) => (d.op === 'V' ? [sOf(d.y)] : []))
      hs.forEach((t, i) => expect(Math.abs(t - (c.times[i] ?? NaN))).toBeLessThan(1e-9))
      vs.forEach((v, i) => expect(Math.abs(v - (c.surv[i] ?? NaN))).toBeLessThan(1e-9))
      const ticks = g.shapes[1]
      if (ticks?.kind !== 'path') throw new Error('no censor ticks')
      const ms = ticks.d.flatMap((d) => (d.op === 'M' ? [d] : []))
      ms.forEach((m, i) => {
        const t = c.censorTimes[i] ?? NaN
        expect(Math.abs(tOf(m.x) - t)).toBeLessThan(1e-9)
        // The tick is centred (±4 px) on S at the censoring time.
        const sAt = c.surv[c.times.indexOf(t)] ?? NaN
        expect(Math.abs(sOf(m.y + 4) - sAt)).toBeLessThan(1e-9)
      })
    })
  })
  it('draws CI bands only where both limits are finite (R gives NA once S(t) = 0)', () => {
    const bands = scene.groups.find((g) => g.id === 'km-ci')?.shapes ?? []
    // 9 intervals between 10 listed times per group; Nonmaintained's last (45 → end) has NA limits
    // and is not drawn anyway, as the band stops at the last listed time like plot.survfit's.
    expect(bands.length).toBe(18)
    expect(layoutKm({ ...input, showCi: false }).groups.some((g) => g.id === 'km-ci')).toBe(false)
  })
  it('rejects curves whose arrays disagree or whose times do not increase', () => {
    const c = curves[0] as KmCurve
    expect(() => layoutKm({ title: 't', curves: [{ ...c, surv: c.surv.slice(1) }] })).toThrow(/same length/)
    expect(() => layoutKm({ title: 't', curves: [{ ...c, times: [...c.times].reverse() }] })).toThrow(/increase/)
  })
  it('escapes hostile group names and shortens 5,000-character ones', () => {
    const evil = '<script>alert(1)</script> & "q" ]]> \u202Eevil'
    const long = 'L'.repeat(5000)
    const s = kmSvg({ ...input, title: evil, curves: [{ ...(curves[0] as KmCurve), label: evil }, { ...(curves[1] as KmCurve), label: long }], annotations: [evil] })
    expect(xmlProblem(s)).toBeUndefined()
    expect(s).not.toContain('<script>')
    expect(s).toContain('&lt;script&gt;')
    expect(s).toContain('&#x202E;')
    expect(s).not.toContain('\u202E')
    // The full name stays in the hover <title>; the drawn text is shortened.
    const shown = [...s.matchAll(/<\/title>(L+)…/g)].map((m) => (m[1] ?? '').length)
    expect(shown.length).toBe(2)
    for (const n of shown) expect(n).toBeLessThan(60)
    const svgWidth = Number(/width="([\d.]+)"/.exec(s)?.[1])
    expect(svgWidth).toBe(640)
  })
  it('keeps every label inside the figure when names and annotations are very long', () => {
    const long = (ch: string): string => ch.repeat(300)
    const sc = layoutKm({ ...input, title: long('T'), annotations: [long('a')], curves: [{ ...(curves[0] as KmCurve), label: long('M') }, { ...(curves[1] as KmCurve), label: long('W') }] })
    for (const g of sc.groups) {
      for (const sh of g.shapes) {
        if (sh.kind !== 'text' || sh.rotate !== undefined) continue
        const w = textWidth(sh.text, sh.size)
        const [x0, x1] = sh.anchor === 'start' ? [sh.x, sh.x + w] : sh.anchor === 'end' ? [sh.x - w, sh.x] : [sh.x - w / 2, sh.x + w / 2]
        expect(x0, `${g.id}: ${sh.text.slice(0, 20)}`).toBeGreaterThanOrEqual(0)
        expect(x1, `${g.id}: ${sh.text.slice(0, 20)}`).toBeLessThanOrEqual(sc.width)
      }
    }
  })
  it('handles an empty group and a plot with no follow-up', () => {
    const s = kmSvg({ title: 'empty', curves: [{ label: 'none', times: [], surv: [], nRisk: [], censorTimes: [] }] })
    expect(xmlProblem(s)).toBeUndefined()
    expect(s).toContain('none (n=0): median not reached')
  })
})
