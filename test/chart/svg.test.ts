// The chart's SVG as data: parsed as XML, its vertices, bands, lanes and marks mapped back to balances and sizes and checked against the model to the cent.
import { DOMParser, type Element } from '@xmldom/xmldom'
import Fraction from 'fraction.js'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseDocument } from 'yaml'
import { chartData, type ChartData } from '../../src/chart/chart-data.js'
import { renderChartHtmlOverlay } from '../../src/chart/html.js'
import { renderChartSvg } from '../../src/chart/svg.js'
import { lintText } from '../../src/engine/lint-text.js'
import { q } from '../../src/model/decimal.js'
import { formatIntervals } from '../../src/model/interval.js'
import { pipelineContext } from '../../src/model/pipeline.js'
import { plConst, plAffine } from '../../src/model/pl.js'
import { readSizingConfig } from '../../src/model/sizing-config.js'
import { sizePieces, symbolSize } from '../../src/model/sizing.js'
import { overrideView } from '../../src/model/traded-analysis.js'
import { rules } from '../../src/rules/index.js'
import { defaultSettings } from '../../src/settings/normalize.js'
import { CHART_RULES } from '../helpers/chart-rules.js'

const REPO = path.resolve(import.meta.dirname, '../..')
const read = (rel: string): string => readFileSync(path.join(REPO, rel), 'utf8')

/** Parses SVG text as strict XML: any well-formedness error throws. */
function parseSvg(text: string): Element {
  const doc = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(`not well-formed XML: ${message}`)
    },
  }).parseFromString(text, 'image/svg+xml')
  return doc.documentElement as unknown as Element
}

function all(root: Element, tag = '*'): Element[] {
  return Array.from(root.getElementsByTagName(tag)) as unknown as Element[]
}
const hasClass = (e: Element, cls: string): boolean => (e.getAttribute('class') ?? '').split(/\s+/).includes(cls)
const byClass = (root: Element, cls: string, tag = '*'): Element[] => all(root, tag).filter((e) => hasClass(e, cls))
const num = (e: Element, attr: string): number => Number(e.getAttribute(attr))
const text = (e: Element): string => e.textContent ?? ''
/** The element's own <title> child (its tooltip). */
const titleOf = (e: Element): string => text(all(e, 'title').find((t) => t.parentNode === (e as unknown))!)

/** Pixel <-> data mapping of the plot, read from its data attributes (the same numbers the ticks are drawn from). */
interface Mapping {
  balance(px: number): number
  size(py: number): number
  px(b: number): number
}

function mapping(svg: Element): Mapping {
  const plot = byClass(svg, 'lc-plot', 'g')[0]!
  const [x0, x1] = plot.getAttribute('data-x-domain')!.split(' ').map(Number) as [number, number]
  const [y0, y1] = plot.getAttribute('data-y-domain')!.split(' ').map(Number) as [number, number]
  const [left, top, right, bottom] = plot.getAttribute('data-box')!.split(' ').map(Number) as [number, number, number, number]
  const log = plot.getAttribute('data-scale') === 'log'
  const t = (px: number): number => (px - left) / (right - left)
  return {
    balance: (px) => (log ? Math.exp(Math.log(x0) + t(px) * (Math.log(x1) - Math.log(x0))) : x0 + t(px) * (x1 - x0)),
    size: (py) => y0 + ((bottom - py) / (bottom - top)) * (y1 - y0),
    px: (b) => left + (right - left) * (log ? (Math.log(b) - Math.log(x0)) / (Math.log(x1) - Math.log(x0)) : (b - x0) / (x1 - x0)),
  }
}

function vertices(poly: Element, m: Mapping): { b: number; s: number }[] {
  return poly
    .getAttribute('points')!
    .trim()
    .split(/\s+/)
    .map((pair) => {
      const [x, y] = pair.split(',').map(Number) as [number, number]
      return { b: m.balance(x), s: m.size(y) }
    })
}

/** To the cent: within half a cent of the model's exact value. */
const cent = (got: number, want: Fraction | number): boolean => Math.abs(got - Number(want.valueOf())) < 0.005

interface ChartOfOptions {
  findings?: boolean
  limiter?: boolean
  /** The bot era setting, for the live sets and the findings. */
  bot?: string
}

function chartOf(rel: string, balances: number[] = [], options: ChartOfOptions = {}): { chart: ChartData; data: unknown } {
  const source = read(rel)
  const data = parseDocument(source).toJS()
  const bot = options.bot !== undefined ? { bot: options.bot } : {}
  const settings = { ...defaultSettings(rules), shared: { balances, sizingMode: 'auto' as const, ...bot } }
  const found = options.findings ? lintText(source, settings, { filePath: rel, rules: CHART_RULES }).findings : []
  return { chart: chartData(data, { title: rel, balances, findings: found, limiter: options.limiter === true, ...bot })!, data }
}

/** The polylines of one symbol's line (not its label, not a cap or an override highlight). */
function seriesLines(svg: Element, symbol: string): Element[] {
  const group = byClass(svg, 'lc-series', 'g').find((g) => g.getAttribute('data-symbol') === symbol && !hasClass(g, 'lc-base'))!
  return byClass(group, 'lc-line', 'polyline')
}

/** The model's piece ends for `symbol` inside [lo, hi], exact: straight from size-function's pieces, not from the adapter. */
function modelEnds(data: unknown, symbol: string, lo: number, hi: number): { b: Fraction; s: Fraction }[] {
  const out: { b: Fraction; s: Fraction }[] = []
  for (const p of sizePieces(readSizingConfig(data), symbol)) {
    if (!p.slope || !p.intercept) continue
    const a = p.interval.lo.gt(lo) ? p.interval.lo : q(lo)
    const z = p.interval.hi === null || p.interval.hi.gt(hi) ? q(hi) : p.interval.hi
    if (z.lt(a)) continue
    for (const b of [a, z]) out.push({ b, s: p.slope.mul(b).add(p.intercept) })
  }
  return out
}

const domain = (svg: Element): [number, number] =>
  byClass(svg, 'lc-plot', 'g')[0]!.getAttribute('data-x-domain')!.split(' ').map(Number) as [number, number]

describe('the SVG of the bundled example (4 progressive profiles, 5 symbols, 6 overrides, reference $1,018, limiter drawn)', () => {
  const { chart, data } = chartOf('fixtures/example/config_futures.yaml', [1018], { findings: true, limiter: true })
  const cfg = readSizingConfig(data)

  it('is well-formed XML with a title and a description for assistive technology', () => {
    const svg = parseSvg(renderChartSvg(chart))
    expect(svg.getAttribute('role')).toBe('img')
    expect(svg.getAttribute('aria-labelledby')).toBe('lc-title lc-desc')
    expect(text(all(svg, 'title')[0]!)).toBe('Position size against balance: fixtures/example/config_futures.yaml')
    expect(text(all(svg, 'desc')[0]!)).toContain('one line per symbol: BTC-USDT, ETH-USDT, SOL-USDT, DOGE-USDT, XRP-USDT.')
    expect(all(svg, 'script')).toHaveLength(0)
  })

  it('linear axis: each symbol is one polyline whose vertices are exactly the model\'s sizes at the piece ends, to the cent', () => {
    const svg = parseSvg(renderChartSvg(chart, { scale: 'linear' }))
    const m = mapping(svg)
    const [lo, hi] = domain(svg)
    expect([lo, hi]).toEqual([0, 11000])
    for (const symbol of cfg.symbols) {
      const lines = seriesLines(svg, symbol)
      expect(lines).toHaveLength(1)
      const got = vertices(lines[0]!, m)
      // Shared ends appear once: 0, 100, 500, 1500, 3000, 10000, 11000.
      const want = modelEnds(data, symbol, lo, hi).filter((e, i, list) => list.findIndex((o) => o.b.equals(e.b)) === i)
      expect(got).toHaveLength(want.length)
      want.forEach((w, i) => {
        expect(cent(got[i]!.b, w.b), `${symbol} vertex ${i} balance ${got[i]!.b} vs ${w.b}`).toBe(true)
        expect(cent(got[i]!.s, w.s), `${symbol} vertex ${i} size ${got[i]!.s} vs ${w.s}`).toBe(true)
      })
    }
    const btc = vertices(seriesLines(svg, 'BTC-USDT')[0]!, m).map((v) => Math.round(v.s * 100) / 100)
    expect(btc).toEqual([36, 36, 60, 180, 240, 360, 360])
  })

  it('log axis: the piece ends are vertices to the cent, and every sampled vertex lies on the model\'s size to the cent', () => {
    const svg = parseSvg(renderChartSvg(chart))
    const m = mapping(svg)
    const [lo, hi] = domain(svg)
    expect([lo, hi]).toEqual([50, 20000])
    for (const symbol of cfg.symbols) {
      const got = seriesLines(svg, symbol).flatMap((l) => vertices(l, m))
      for (const w of modelEnds(data, symbol, lo, hi)) {
        expect(got.some((v) => cent(v.b, w.b) && cent(v.s, w.s)), `${symbol} at ${w.b}`).toBe(true)
      }
      for (const v of got) {
        const model = symbolSize(cfg, symbol, new Fraction(Math.round(v.b * 1e6), 1e6))!
        expect(Math.abs(v.s - model.valueOf()), `${symbol} at ${v.b}`).toBeLessThan(0.005)
      }
      // Sampled: many more vertices than pieces where the size is linear in the balance.
      expect(got.length).toBeGreaterThan(100)
    }
  })

  it('draws one band per profile between its boundaries, labelled with name and mode, and a boundary line at each threshold', () => {
    for (const scale of ['log', 'linear'] as const) {
      const svg = parseSvg(renderChartSvg(chart, { scale }))
      const m = mapping(svg)
      const [lo, hi] = domain(svg)
      const bands = byClass(svg, 'lc-profile', 'g')
      expect(bands.map((g) => [g.getAttribute('data-profile'), g.getAttribute('data-mode')])).toEqual([
        ['micro', 'progressive'],
        ['small', 'progressive'],
        ['medium', 'progressive'],
        ['large', 'progressive'],
      ])
      const edges = bands.map((g) => {
        const r = all(g, 'rect')[0]!
        return [m.balance(num(r, 'x')), m.balance(num(r, 'x') + num(r, 'width'))]
      })
      const want = [
        [lo, 500],
        [500, 1500],
        [1500, 3000],
        [3000, hi],
      ]
      edges.forEach(([a, z], i) => {
        expect(cent(a!, want[i]![0]!) && cent(z!, want[i]![1]!), `${scale} band ${i}: ${a}..${z}`).toBe(true)
      })
      const boundaries = byClass(svg, 'lc-boundary', 'line').map((l) => m.balance(num(l, 'x1')))
      expect(boundaries.map((b) => Math.round(b * 100) / 100)).toEqual([500, 1500, 3000])
      expect(titleOf(bands[1]!)).toBe('small (progressive): balances above $500.00 up to $1,500.00')
    }
    const labels = byClass(parseSvg(renderChartSvg(chart)), 'lc-profile', 'g').map((g) => all(g, 'text').map(text))
    expect(labels).toEqual([['micro', 'progressive'], ['small', 'progressive'], ['medium'], ['large', 'progressive']])
  })

  it('draws one lane per override: live balances solid, stale ones hatched, both exactly where the bot uses it (the era\'s rule, as stale-override judges)', () => {
    const svg = parseSvg(renderChartSvg(chart, { scale: 'linear' }))
    const m = mapping(svg)
    const [lo, hi] = domain(svg)
    const lanes = byClass(svg, 'lc-override', 'g')
    const overrides = cfg.symbolProfiles.flatMap((s) => s.overrides)
    expect(lanes).toHaveLength(overrides.length)
    expect(lanes).toHaveLength(6)
    lanes.forEach((lane, i) => {
      const o = overrides[i]!
      expect([lane.getAttribute('data-symbol'), lane.getAttribute('data-regime')]).toEqual([o.symbol, o.regime])
      const live = overrideView(pipelineContext(data), o.symbol, o.regime, o.value.value).live
      const rects = (cls: string) =>
        byClass(lane, cls, 'rect').map((r) => [m.balance(num(r, 'x')), m.balance(num(r, 'x') + num(r, 'width'))] as [number, number])
      const want = live.map((iv) => [Math.max(iv.lo.valueOf(), lo), iv.hi === null ? hi : Math.min(iv.hi.valueOf(), hi)])
      const got = rects('lc-live')
      expect(got).toHaveLength(want.length)
      got.forEach(([a, z], k) => expect(cent(a, want[k]![0]!) && cent(z, want[k]![1]!), `${o.symbol} ${o.regime} live ${a}..${z}`).toBe(true))
      // Stale parts fill the rest of the view, edge to edge with the live ones.
      const parts = [...got, ...rects('lc-stale-band')].sort((p, r) => p[0] - r[0])
      expect(cent(parts[0]![0], lo) && cent(parts[parts.length - 1]![1], hi)).toBe(true)
      parts.forEach((p, k) => k === 0 || expect(cent(p[0], parts[k - 1]![1])).toBe(true))
    })
    // BTC trending $42: live up to $700, stale above, with its stale-override finding in the tooltip.
    expect(titleOf(lanes[0]!)).toBe(
      'BTC-USDT trending override $42.00: live for balances up to $700.00\n' +
        'stale-override (error, line 108): BTC-USDT trending override $42.00 is ignored at balance $1,018.00: per-symbol size $122.16 deviates 65.6% (> 50%); it is live only for balances up to $700.00',
    )
  })

  it("draws stale what the era's rule calls stale: with bot risk-manager (an override may only raise the size), DOGE-USDT choppy $20 is never live", () => {
    const era = chartOf('fixtures/example/config_futures.yaml', [1018], { findings: true, bot: 'risk-manager' }).chart
    const svg = parseSvg(renderChartSvg(era, { scale: 'linear' }))
    const m = mapping(svg)
    const [lo, hi] = domain(svg)
    const lanes = byClass(svg, 'lc-override', 'g')
    const doge = lanes.find((g) => g.getAttribute('data-symbol') === 'DOGE-USDT')!
    // Under the designed rule (and variant-b) it is live up to $500; the risk-manager code never uses it.
    expect(formatIntervals(chart.overrides[4]!.live)).toBe('up to $500.00')
    expect(byClass(doge, 'lc-live', 'rect')).toHaveLength(0)
    const stale = byClass(doge, 'lc-stale-band', 'rect')
    expect(stale).toHaveLength(1)
    expect(cent(m.balance(num(stale[0]!, 'x')), lo) && cent(m.balance(num(stale[0]!, 'x') + num(stale[0]!, 'width')), hi)).toBe(true)
    expect(all(doge, 'text').map(text)).toEqual(['DOGE-USDT choppy $20.00: never live (stale at every balance); ⚠ stale-override'])
    expect(titleOf(doge)).toBe(
      'DOGE-USDT choppy override $20.00: live for balances no balance\n' +
        'stale-override (error, line 128): DOGE-USDT choppy override $20.00 is never used: it is below the size, or more than 50% above it, at every balance (the size runs from $24.00 to $240.00)',
    )
    // The other lanes shrink to the raise-only sets: BTC trending $42 is live only up to $200.
    const btc = byClass(lanes[0]!, 'lc-live', 'rect').map((r) => [m.balance(num(r, 'x')), m.balance(num(r, 'x') + num(r, 'width'))])
    expect(btc).toHaveLength(1)
    expect(cent(btc[0]![0]!, lo) && cent(btc[0]![1]!, 200)).toBe(true)
  })

  it('marks the reference balance with a vertical line and each symbol\'s size there, to the cent', () => {
    const svg = parseSvg(renderChartSvg(chart, { scale: 'linear' }))
    const m = mapping(svg)
    const [mark] = byClass(svg, 'lc-reference-mark', 'g')
    expect(mark!.getAttribute('data-balance')).toBe('1018')
    expect(cent(m.balance(num(all(mark!, 'line')[0]!, 'x1')), 1018)).toBe(true)
    const dots = all(mark!, 'circle').map((c) => m.size(num(c, 'cy')))
    const sizes = cfg.symbols.map((s) => symbolSize(cfg, s, q(1018))!)
    expect(sizes.map((s) => s.toString())).toEqual(['122.16', '101.8', '91.62', '81.44', '81.44'])
    dots.forEach((d, i) => expect(cent(d, sizes[i]!), `dot ${i}`).toBe(true))
    expect(all(mark!, 'text').map(text)).toEqual([
      'reference $1,018.00',
      'BTC $122.16',
      'ETH $101.80',
      'SOL $91.62',
      'DOGE $81.44',
      'XRP $81.44',
    ])
  })

  it('draws each binding cap and floor only where it clips the designed size (the limiter too, with size-cap\'s limiter option)', () => {
    const svg = parseSvg(renderChartSvg(chart, { scale: 'linear' }))
    const m = mapping(svg)
    const caps = byClass(svg, 'lc-cap', 'g')
    expect(caps.map((g) => `${g.getAttribute('data-symbol')} ${g.getAttribute('data-name')}`)).toEqual([
      "SOL-USDT micro's min_position_usd",
      "DOGE-USDT micro's min_position_usd",
      "XRP-USDT micro's min_position_usd",
      'BTC-USDT max_size_limiter.max_single_size_usd',
      'ETH-USDT max_size_limiter.max_single_size_usd',
      'SOL-USDT max_size_limiter.max_single_size_usd',
      'DOGE-USDT max_size_limiter.max_single_size_usd',
      'XRP-USDT max_size_limiter.max_single_size_usd',
    ])
    // BTC is 1.2 x the base size: above $150 once the base passes $125, at $1,250; the line runs to the view's end at $150.
    const btc = vertices(byClass(caps[3]!, 'lc-cap-line', 'polyline')[0]!, m)
    expect([btc[0]!.b, btc[0]!.s, btc[btc.length - 1]!.b, btc[btc.length - 1]!.s].map((v) => Math.round(v * 100) / 100)).toEqual([1250, 150, 11000, 150])
    // SOL's floor: 0.9 x the base is below $30 up to $166.67 (where micro's ramp reaches $33.33).
    const sol = vertices(byClass(caps[0]!, 'lc-cap-line', 'polyline')[0]!, m)
    expect([sol[0]!.b, sol[0]!.s, sol[sol.length - 1]!.b, sol[sol.length - 1]!.s].map((v) => Math.round(v * 100) / 100)).toEqual([0, 30, 166.67, 30])
    expect(titleOf(caps[3]!)).toBe('max_size_limiter.max_single_size_usd caps BTC-USDT to $150.00 for balances above $1,250.00')
  })
})

describe('findings at their balance', () => {
  it('marks a jump and a drop at the boundary where they happen, with the rule ids and messages in the tooltip', () => {
    const { chart } = chartOf('fixtures/invalid/size-drops-at-boundary.yaml', [], { findings: true })
    const svg = parseSvg(renderChartSvg(chart, { scale: 'linear' }))
    const m = mapping(svg)
    const marks = byClass(svg, 'lc-finding', 'g')
    expect(marks.map((g) => [g.getAttribute('data-balance'), g.getAttribute('data-rules')])).toEqual([
      ['1500', 'interpolation-properties profile-continuity profile-monotonicity'],
    ])
    const tip = all(marks[0]!, 'polygon')[0]!.getAttribute('points')!.split(' ')[0]!.split(',').map(Number)
    expect(cent(m.balance(tip[0]!), 1500)).toBe(true)
    // The tooltip names each finding's rule, severity and line, with its message (other tests pin the messages).
    expect(titleOf(marks[0]!).split('\n')).toEqual([
      'At balance $1,500.00:',
      ...chart.findings.map((f) => `${f.ruleId} (${f.severity === 'error' ? 'error' : 'warning'}, line ${f.line}): ${f.message}`),
    ])
    expect(chart.findings.map((f) => f.messageId)).toEqual(['notMonotone', 'notContinuous', 'endpointNotExact', 'sizeJump', 'drop'])
    // A filled triangle when one of them is an error, a hollow one for warnings only: the shape, not only the colour.
    const error = chart.findings.some((f) => f.severity === 'error')
    expect(hasClass(all(marks[0]!, 'polygon')[0]!, error ? 'lc-error' : 'lc-warn')).toBe(true)
    const asError = { ...chart, findings: chart.findings.map((f, i) => ({ ...f, severity: i === 3 ? ('error' as const) : ('warn' as const) })) }
    const asWarnings = { ...chart, findings: chart.findings.map((f) => ({ ...f, severity: 'warn' as const })) }
    const shape = (c: ChartData) => all(byClass(parseSvg(renderChartSvg(c)), 'lc-finding', 'g')[0]!, 'polygon')[0]!.getAttribute('class')
    expect([shape(asError), shape(asWarnings)]).toEqual(['lc-error', 'lc-warn'])
    // The line breaks at the drop: a filled end at $200 (the threshold belongs to small), a hollow one at $150.
    const group = byClass(svg, 'lc-series', 'g')[0]!
    expect(byClass(group, 'lc-line', 'polyline')).toHaveLength(2)
    const ends = all(group, 'circle').map((c) => [Math.round(m.size(num(c, 'cy')) * 100) / 100, c.getAttribute('fill')])
    expect(ends).toEqual([
      [200, 'var(--lc-s0)'],
      [150, 'var(--lc-bg)'],
    ])
  })

  it('marks a gap between profiles at the threshold where the next profile takes over', () => {
    const { chart } = chartOf('fixtures/invalid/gap-between-profiles.yaml', [], { findings: true })
    const marks = byClass(parseSvg(renderChartSvg(chart)), 'lc-finding', 'g')
    expect(marks.map((g) => [g.getAttribute('data-balance'), g.getAttribute('data-rules')])).toEqual([['500', 'profile-continuity']])
  })
})

describe('the SVG of a percent ladder (fixtures/valid/percent-ladder.yaml)', () => {
  const { chart, data } = chartOf('fixtures/valid/percent-ladder.yaml', [1018])

  it('draws each percent piece as one straight segment on a linear axis, vertices to the cent, with the jump at $1,500', () => {
    const svg = parseSvg(renderChartSvg(chart, { scale: 'linear' }))
    const m = mapping(svg)
    const [lo, hi] = domain(svg)
    const lines = seriesLines(svg, 'BTC-USDT')
    expect(lines).toHaveLength(2)
    const got = lines.flatMap((l) => vertices(l, m))
    const want = modelEnds(data, 'BTC-USDT', lo, hi)
    // 10% at 5x is half the balance up to $1,500, then 12% at 5x is 0.6 x the balance.
    expect(want.map((w) => [w.b.toString(), w.s.toString()])).toEqual([
      ['0', '0'],
      ['500', '250'],
      ['500', '250'],
      ['1500', '750'],
      ['1500', '900'],
      ['27500', '16500'],
    ])
    const unique = want.filter((w, i) => i === 0 || !(w.b.equals(want[i - 1]!.b) && w.s.equals(want[i - 1]!.s)))
    expect(got).toHaveLength(unique.length)
    unique.forEach((w, i) => expect(cent(got[i]!.b, w.b) && cent(got[i]!.s, w.s), `vertex ${i}`).toBe(true))
  })

  it('draws the floors and the cap where they bind: micro\'s $15 floor below $30, large\'s $15,000 cap above $25,000', () => {
    const svg = parseSvg(renderChartSvg(chart, { scale: 'linear' }))
    const m = mapping(svg)
    const caps = byClass(svg, 'lc-cap', 'g').filter((g) => g.getAttribute('data-symbol') === 'BTC-USDT')
    expect(caps.map((g) => g.getAttribute('data-name'))).toEqual(["micro's min_position_usd", "large's max_position_usd"])
    const ends = caps.map((g) => {
      const v = vertices(byClass(g, 'lc-cap-line', 'polyline')[0]!, m)
      return [v[0]!.b, v[0]!.s, v[v.length - 1]!.b, v[v.length - 1]!.s].map((x) => Math.round(x * 100) / 100)
    })
    expect(ends).toEqual([
      [0, 15, 30, 15],
      [25000, 15000, 27500, 15000],
    ])
  })
})

describe('the renderer reads ChartData only', () => {
  const F = (n: number): Fraction => new Fraction(n)
  const all0: { lo: Fraction; loClosed: boolean; hi: null; hiClosed: boolean } = { lo: F(0), loClosed: true, hi: null, hiClosed: false }
  /** A hand-made chart: a series given as a [lowest, highest] band only, as the traded size over market inputs will be. */
  const band: ChartData = {
    title: 'band <&> "test"',
    sizeLabel: 'traded size range',
    pointTitle: 'Traded size range against balance',
    range: { lo: F(100), hi: F(1000) },
    leverage: F(5),
    tolerance: new Fraction(1, 2),
    series: [{ symbol: 'X<&>', band: { lowest: plAffine(all0, new Fraction(1, 10), F(0), 'lowest'), highest: plConst(all0, F(80), 'cap') } }],
    profiles: [{ name: 'only', mode: 'percent', region: all0, path: '/p' }],
    caps: [],
    overrides: [],
    references: [],
    findings: [],
  }

  it('fills the band between lowest and highest and draws both edges, escaping every text', () => {
    const svg = parseSvg(renderChartSvg(band, { scale: 'linear' }))
    const m = mapping(svg)
    const group = byClass(svg, 'lc-series', 'g')[0]!
    expect(group.getAttribute('data-symbol')).toBe('X<&>')
    const [poly] = byClass(group, 'lc-range', 'polygon')
    const outline = vertices(poly!, m).map((v) => [Math.round(v.b * 100) / 100, Math.round(v.s * 100) / 100])
    expect(outline).toEqual([
      [0, 80],
      [1100, 80],
      [1100, 110],
      [0, 0],
    ])
    expect(byClass(group, 'lc-lowest', 'polyline')).toHaveLength(1)
    expect(byClass(group, 'lc-highest', 'polyline')).toHaveLength(1)
    expect(text(all(svg, 'title')[0]!)).toBe('Position size against balance: band <&> "test"')
  })

  it('overlays a base version under the head: the base lines faded, in the colour of the same symbol', () => {
    const { chart: head } = chartOf('fixtures/example/config_futures.yaml')
    const { chart: base } = chartOf('fixtures/valid/progressive-ladder.yaml')
    const svg = parseSvg(renderChartSvg(head, { base }))
    const baseGroups = byClass(svg, 'lc-base', 'g')
    expect(baseGroups.map((g) => g.getAttribute('data-symbol'))).toEqual(base.series.map((s) => s.symbol))
    const headBtc = seriesLines(svg, 'BTC-USDT')[0]!.getAttribute('stroke')
    const baseBtc = byClass(baseGroups.find((g) => g.getAttribute('data-symbol') === 'BTC-USDT')!, 'lc-line', 'polyline')[0]!.getAttribute('stroke')
    expect(baseBtc).toBe(headBtc)
    expect(text(all(svg, 'desc')[0]!)).toContain("The base version's lines are drawn faded under the head's.")
    const page = renderChartHtmlOverlay(base, head)
    expect(page).toContain('<h1>Sizing change: fixtures/valid/progressive-ladder.yaml to fixtures/example/config_futures.yaml</h1>')
    expect(page.match(/class="lc-series lc-base"/g)).toHaveLength(base.series.length)
  })
})

describe('the chart modules import one way', () => {
  /** The specifiers a source file imports from. */
  const importsOf = (rel: string): string[] => [...read(rel).matchAll(/^import [^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]!)

  it('the renderers read ChartData and the piecewise-linear vocabulary only, never the sizing model itself', () => {
    const renderers = ['svg', 'svg-markup', 'svg-view', 'svg-series', 'svg-marks', 'html', 'words', 'geometry', 'chart-points']
    const allowed = ['fraction.js', './chart-data.js', ...renderers.map((name) => `./${name}.js`), '../model/pl.js', '../model/interval.js', '../model/decimal.js']
    for (const rel of renderers.map((name) => `src/chart/${name}.ts`)) {
      expect(importsOf(rel).filter((s) => !allowed.includes(s)), rel).toEqual([])
    }
    // The adapter is the one module that reads the model, and it knows nothing of the pictures.
    expect(importsOf('src/chart/chart-data.ts').filter((s) => s.startsWith('./'))).toEqual([])
  })
})
