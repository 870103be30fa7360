/**
 * The report in a real browser: Debian's Chromium driven by playwright-core (no browser download).
 * CI installs it with apt (chromium, fonts-dejavu-core); where /usr/bin/chromium is absent the
 * suite is skipped with a message rather than failing.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { memoryIO } from '../../cli/context.js'
import { run } from '../../cli/main.js'
import { renderReport } from '../../viz/report/render.js'
import { hasShared } from '../helpers.js'
import { RIAZ_MUTATIONS, RIAZ_REPORT_ARGS } from './riaz.js'
import { fixtureInput, SAMPLES } from './fixture.js'
import { decodePng, isPng, pixel } from './png.js'

const CHROMIUM = '/usr/bin/chromium'
const HAVE_CHROMIUM = existsSync(CHROMIUM)
if (!HAVE_CHROMIUM) console.warn(`browser.test.ts skipped: ${CHROMIUM} not found (apt-get install -y chromium fonts-dejavu-core)`)

describe.skipIf(!HAVE_CHROMIUM)('HTML report in Chromium', () => {
  const input = fixtureInput()
  let dir = ''
  let url = ''
  let browser: Browser | undefined
  let page: Page
  const requests: string[] = []
  const errors: string[] = []

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bmk-report-'))
    const file = join(dir, 'report.html')
    writeFileSync(file, renderReport(input))
    url = pathToFileURL(file).href
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    })
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    page.on('request', (r) => requests.push(r.url()))
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`)
    })
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`))
    await page.goto(url, { waitUntil: 'load' })
  }, 30_000)

  afterAll(async () => {
    await browser?.close()
    if (dir !== '') rmSync(dir, { recursive: true, force: true })
  })

  it('loads with no console errors (a CSP refusal of our own script would be one) and requests nothing else', async () => {
    // The script ran: it made every header focusable. Blocked by the CSP, it would not have.
    expect(await page.locator('#bmk-assoc th').first().getAttribute('tabindex')).toBe('0')
    expect(errors).toEqual([])
    expect(requests).toEqual([url])
  })

  it('draws one oncoplot column per sample', async () => {
    const onco = page.locator('.bmk-oncoplot svg')
    expect(await onco.count()).toBe(1)
    expect(await onco.locator('g[data-role="matrix"]').getAttribute('data-columns')).toBe(String(SAMPLES.length))
    expect((await onco.locator('g[data-role="sample-names"] text').allTextContents()).sort()).toEqual(SAMPLES)
    // One hover target per altered cell (fixture: 4 TP53 + 3 MYC + 4 KRAS).
    expect(await onco.locator('g[data-role="matrix"] rect[data-sample]').count()).toBe(11)
  })

  it('shows an altered cell’s details in the tooltip on hover', async () => {
    const tip = page.locator('#bmk-tip')
    expect(await tip.isVisible()).toBe(false)
    await page.locator('.bmk-oncoplot rect[data-sample="P01"][data-feature="TP53"]').hover()
    expect(await tip.isVisible()).toBe(true)
    expect((await tip.textContent())?.split('\n')).toEqual(['Sample: P01', 'Gene: TP53', 'Alteration: Missense_Mutation', 'Protein: p.R175H', 'VAF: 0.25', 'Origin: somatic'])
    await page.locator('h1').hover()
    expect(await tip.isVisible()).toBe(false)
  })

  it('sorts the association table by a clicked header, then reverses it', async () => {
    const firstCol = async (): Promise<string[]> => page.locator('#bmk-assoc tbody tr td:first-child').allTextContents()
    const byP = [...input.associations].map((r, i) => ({ r, i })).sort((a, b) => a.r.p - b.r.p || a.i - b.i).map((x) => x.r.label)
    expect(await firstCol()).toEqual(input.associations.map((r) => r.label))
    const pHead = page.locator('#bmk-assoc thead th', { hasText: /^p$/ })
    await pHead.click()
    expect(await pHead.getAttribute('aria-sort')).toBe('ascending')
    expect(await firstCol()).toEqual(byP)
    await pHead.click()
    expect(await pHead.getAttribute('aria-sort')).toBe('descending')
    const desc = await firstCol()
    expect(desc[0]).toBe(byP[byP.length - 1])
    await page.locator('#bmk-assoc thead th', { hasText: /^Feature$/ }).click()
    expect(await firstCol()).toEqual(input.associations.map((r) => r.label).sort())
    // Headers are focusable and sort from the keyboard too.
    await page.locator('#bmk-assoc thead th', { hasText: /^Feature$/ }).focus()
    await page.keyboard.press('Enter')
    expect(await firstCol()).toEqual(input.associations.map((r) => r.label).sort().reverse())
  })

  it('prints without the tooltip and navigation, keeping the synthetic banner', async () => {
    await page.emulateMedia({ media: 'print' })
    try {
      // A string expression: the test project has no DOM typings.
      const display = async (sel: string): Promise<unknown> => page.evaluate(`getComputedStyle(document.querySelector(${JSON.stringify(sel)})).display`)
      expect(await display('#bmk-tip')).toBe('none')
      expect(await display('nav.bmk-toc')).toBe('none')
      expect(await page.locator('#bmk-synthetic').isVisible()).toBe(true)
    } finally {
      await page.emulateMedia({ media: 'screen' })
    }
  })

  it('renders a non-trivial screenshot: right size, the banner in its colour, many colours', async () => {
    const file = join(dir, 'report.png')
    await page.mouse.move(0, 0)
    await page.screenshot({ path: file, fullPage: true })
    const buf = readFileSync(file)
    expect(isPng(buf)).toBe(true)
    expect(statSync(file).size).toBeGreaterThan(50_000)
    const img = decodePng(buf)
    const height = Number(await page.evaluate('document.documentElement.scrollHeight'))
    expect(img.width).toBe(1280)
    expect(img.height).toBe(height)
    const box = await page.locator('#bmk-synthetic').boundingBox()
    if (box === null) throw new Error('no banner')
    // #fef3c7 banner background, sampled inside the border, right of the text.
    expect(pixel(img, box.x + box.width - 20, box.y + box.height / 2)).toEqual([0xfe, 0xf3, 0xc7])
    // White page background at the far right of the title row.
    expect(pixel(img, 1275, 5)).toEqual([255, 255, 255])
    const colours = new Set<number>()
    for (let i = 0; i < img.rgba.length; i += 4 * 97) colours.add(((img.rgba[i] ?? 0) << 16) | ((img.rgba[i + 1] ?? 0) << 8) | (img.rgba[i + 2] ?? 0))
    expect(colours.size).toBeGreaterThan(50)
  })
})

/**
 * The Riaz 2017 report (1,176 survival rows, 14-column table) at a laptop width and a narrow one:
 * the page never scrolls sideways; the wide tables scroll inside their own boxes; a screenshot of the
 * viewport is exactly the window's width.
 */
const HAVE_RIAZ = hasShared(RIAZ_MUTATIONS)
if (HAVE_CHROMIUM && !HAVE_RIAZ) console.warn('browser.test.ts: the Riaz report check is skipped: ../shared/data/riaz2017-nivolumab not found')

describe.skipIf(!HAVE_CHROMIUM || !HAVE_RIAZ)('Riaz 2017 report in Chromium', () => {
  let dir = ''
  let browser: Browser | undefined
  const errors: string[] = []

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bmk-riaz-'))
    const io = memoryIO()
    const code = await run(RIAZ_REPORT_ARGS(join(dir, 'riaz.html')), io)
    if (code !== 0) throw new Error(`report failed: ${io.err}`)
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] })
  }, 300_000)

  afterAll(async () => {
    await browser?.close()
    if (dir !== '') rmSync(dir, { recursive: true, force: true })
  })

  for (const width of [1280, 900]) {
    it(`does not overflow a ${width}px window sideways; its tables scroll in their own boxes`, async () => {
      if (browser === undefined) throw new Error('no browser')
      const page = await browser.newPage({ viewport: { width, height: 900 } })
      page.on('pageerror', (e) => errors.push(e.message))
      await page.goto(pathToFileURL(join(dir, 'riaz.html')).href, { waitUntil: 'load' })
      const { scrollWidth, innerWidth } = await page.evaluate<{ scrollWidth: number; innerWidth: number }>('({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth })')
      expect(scrollWidth).toBeLessThanOrEqual(innerWidth)
      // The survival table keeps every row but its box stays inside the window.
      const box = await page.evaluate<{ right: number; rows: number; clientHeight: number; scrollHeight: number }>(`(() => {
        const t = document.getElementById('bmk-survival'), wrap = t.parentElement, r = wrap.getBoundingClientRect()
        return { right: r.right, rows: t.querySelectorAll('tbody tr').length, clientHeight: wrap.clientHeight, scrollHeight: wrap.scrollHeight }
      })()`)
      expect(box.right).toBeLessThanOrEqual(width)
      expect(box.rows).toBe(1176)
      expect(box.scrollHeight).toBeGreaterThan(box.clientHeight)
      await page.locator('#survival').scrollIntoViewIfNeeded()
      const file = join(dir, `riaz-${width}.png`)
      await page.screenshot({ path: file })
      const img = decodePng(readFileSync(file))
      expect(img.width).toBe(width)
      expect(errors).toEqual([])
      await page.close()
    }, 120_000)
  }
})
