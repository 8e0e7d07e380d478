// The charts in a real browser: Debian's headless Chromium renders the HTML chart (example, percent ladder) and the job summary's Mermaid block.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { PNG } from 'pngjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseDocument } from 'yaml'
import { chartData } from '../../src/chart/chart-data.js'
import { sizingChartPoints } from '../../src/chart/chart-points.js'
import { renderChartHtml } from '../../src/chart/html.js'
import { lintText } from '../../src/engine/lint-text.js'
import { renderMermaidChart } from '../../src/formatters/mermaid-chart.js'
import { rules } from '../../src/rules/index.js'
import { defaultSettings } from '../../src/settings/normalize.js'
import { findChromium, launchChromium } from '../../scripts/chromium.mjs'
import { runCli } from '../helpers/run-cli.js'
import { skipAllUnless } from '../helpers/skip.js'

const REPO = path.resolve(import.meta.dirname, '../..')
const MERMAID = createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js')
const chromiumPath = findChromium()

function chartHtml(rel: string, balances: number[], scale: 'log' | 'linear' = 'log'): { html: string; symbols: number } {
  const source = readFileSync(path.join(REPO, rel), 'utf8')
  const settings = { ...defaultSettings(rules), shared: { balances, sizingMode: 'auto' as const } }
  const { findings } = lintText(source, settings, { filePath: rel })
  const chart = chartData(parseDocument(source).toJS(), { title: rel, balances, findings })!
  return { html: renderChartHtml(chart, { scale }), symbols: chart.series.length }
}

/** Console errors, page errors and every request a page makes (a self-contained page makes none). */
function watch(page: Page): { errors: string[]; requests: string[] } {
  const seen = { errors: [] as string[], requests: [] as string[] }
  page.on('console', (m) => void (m.type() === 'error' && seen.errors.push(m.text())))
  page.on('pageerror', (e) => void seen.errors.push(String(e)))
  page.on('request', (r) => void seen.requests.push(r.url()))
  return seen
}

/** How much a screenshot varies: the standard deviation of its luminance (0..255), its share of pixels unlike the corner one, and its colours. */
function pixelStats(png: Buffer): { stddev: number; inked: number; colours: number; corner: [number, number, number] } {
  const { data, width, height } = PNG.sync.read(png)
  const n = width * height
  const corner: [number, number, number] = [data[0]!, data[1]!, data[2]!]
  let sum = 0
  let sumSq = 0
  let inked = 0
  const colours = new Set<number>()
  for (let i = 0; i < n; i++) {
    const [r, g, b] = [data[4 * i]!, data[4 * i + 1]!, data[4 * i + 2]!]
    const y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    sum += y
    sumSq += y * y
    if (Math.abs(r - corner[0]) + Math.abs(g - corner[1]) + Math.abs(b - corner[2]) > 30) inked++
    colours.add((r << 16) | (g << 8) | b)
  }
  const mean = sum / n
  return { stddev: Math.sqrt(Math.max(0, sumSq / n - mean * mean)), inked: inked / n, colours: colours.size, corner }
}

describe('charts in headless Chromium', () => {
  const running = skipAllUnless(chromiumPath !== undefined, 'Chromium is not installed (apt-get install chromium; .ci/run installs it)')
  let browser: Browser

  beforeAll(async () => {
    if (running) browser = await launchChromium(chromiumPath!)
  }, 60_000)
  afterAll(async () => {
    await browser?.close()
  })

  const pages: [string, string][] = [
    ['the bundled example', 'fixtures/example/config_futures.yaml'],
    ['a percent ladder', 'fixtures/valid/percent-ladder.yaml'],
  ]
  for (const [name, rel] of pages) {
    it(`renders the HTML chart of ${name}: not blank, no console error, no request, in light and dark mode`, async () => {
      const { html, symbols } = chartHtml(rel, [1018])
      const corners: [number, number, number][] = []
      for (const colorScheme of ['light', 'dark'] as const) {
        const page = await browser.newPage({ viewport: { width: 1040, height: 900 }, colorScheme })
        const seen = watch(page)
        await page.setContent(html, { waitUntil: 'load' })
        const figure = page.locator('svg.lc-chart')
        expect(await figure.count()).toBe(1)
        const box = (await figure.boundingBox())!
        expect(box.width).toBe(960)
        expect(await page.locator('svg.lc-chart .lc-series').count()).toBe(symbols)
        const stats = pixelStats(await figure.screenshot())
        expect(stats.stddev, `${colorScheme} luminance spread`).toBeGreaterThan(12)
        expect(stats.inked, `${colorScheme} share of drawn pixels`).toBeGreaterThan(0.05)
        expect(stats.colours, `${colorScheme} colours`).toBeGreaterThan(50)
        corners.push(stats.corner)
        expect(seen).toEqual({ errors: [], requests: [] })
        await page.close()
      }
      // prefers-color-scheme switches the palette: a white background in light mode, GitHub's dark one in dark mode.
      expect(corners).toEqual([
        [255, 255, 255],
        [13, 17, 23],
      ])
    })
  }

  it('renders `diff --format html` of the two fixture versions: base and head curves on one chart, not blank, no console error', async () => {
    const r = await runCli(['diff', '--balance', '1018', '--format', 'html', 'fixtures/diff/before/config_futures.yaml', 'fixtures/diff/after/config_futures.yaml'], {
      cwd: REPO,
    })
    expect(r.exitCode).toBe(1)
    const page = await browser.newPage({ viewport: { width: 1040, height: 900 } })
    const seen = watch(page)
    await page.setContent(r.stdout, { waitUntil: 'load' })
    // Head: BTC, ETH, SOL and XRP; base (faded): BTC, ETH and SOL.
    expect([await page.locator('svg.lc-chart .lc-series').count(), await page.locator('svg.lc-chart .lc-series.lc-base').count()]).toEqual([7, 3])
    const stats = pixelStats(await page.locator('svg.lc-chart').screenshot())
    expect(stats.stddev).toBeGreaterThan(12)
    expect(stats.inked).toBeGreaterThan(0.05)
    expect(await page.getByRole('heading', { name: 'Changes', exact: true }).count()).toBe(1)
    expect(seen).toEqual({ errors: [], requests: [] })
    await page.close()
  })

  it('renders the Mermaid block of the job summary with the mermaid package: an SVG with one line path per symbol', async () => {
    const source = readFileSync(path.join(REPO, 'fixtures/example/config_futures.yaml'), 'utf8')
    const chart = chartData(parseDocument(source).toJS(), { title: '', balances: [1018] })!
    const block = renderMermaidChart(sizingChartPoints(chart))
    const text = block.slice('```mermaid\n'.length, block.indexOf('\n```\n'))
    const page = await browser.newPage()
    const seen = watch(page)
    await page.setContent('<!doctype html><html><body><div id="out"></div></body></html>')
    await page.addScriptTag({ path: MERMAID })
    const rendered = await page.evaluate(async (diagram) => {
      // Runs in the page: the DOM and the mermaid global are the browser's (this project's TypeScript has no DOM types).
      interface Node {
        innerHTML: string
        textContent: string | null
        getAttribute(name: string): string | null
        querySelectorAll(selector: string): ArrayLike<Node> & Iterable<Node>
      }
      const page = globalThis as unknown as {
        document: { getElementById(id: string): Node }
        mermaid: { initialize(c: object): void; render(id: string, t: string): Promise<{ svg: string }> }
      }
      page.mermaid.initialize({ startOnLoad: false })
      const { svg } = await page.mermaid.render('size-chart', diagram)
      const out = page.document.getElementById('out')
      out.innerHTML = svg
      return {
        svgs: out.querySelectorAll('svg').length,
        lines: [...out.querySelectorAll('g[class^="line-plot-"]')].map((g) => g.querySelectorAll('path').length),
        legend: [...out.querySelectorAll('g.legend text')].map((t) => t.textContent),
        colours: [...out.querySelectorAll('g[class^="line-plot-"] path')].map((p) => p.getAttribute('stroke')),
      }
    }, text)
    expect(rendered).toEqual({
      svgs: 1,
      lines: [1, 1, 1, 1, 1],
      legend: ['BTC-USDT', 'ETH-USDT', 'SOL-USDT', 'DOGE-USDT', 'XRP-USDT'],
      colours: ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00'],
    })
    const stats = pixelStats(await page.locator('#out svg').screenshot())
    expect(stats.inked).toBeGreaterThan(0.01)
    expect(seen.errors).toEqual([])
    await page.close()
  })
})
