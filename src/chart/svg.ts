// The sizing chart as one SVG (size against balance per symbol, profile bands, caps, overrides, reference balances, findings), from ChartData only.
import Fraction from 'fraction.js'
import { formatUsd } from '../model/decimal.js'
import { formatIntervals } from '../model/interval.js'
import { plAt, type Pl } from '../model/pl.js'
import type { ChartData, ChartSeries, FindingMark } from './chart-data.js'
import { capWords, findingWords, overrideWords } from './words.js'
import { bandPolygons, clipIntervals, complementIn, coord, plRuns, spreadLabels, ticks, toPx, type Axis, type AxisScale, type Runs, type Vertex } from './geometry.js'

export interface ChartSvgOptions {
  /** The balance axis: logarithmic (default) or linear from $0. */
  scale?: AxisScale
  /** The version before a change: its lines drawn faded under `chart`'s (the head's), labelled "(base)". */
  base?: ChartData
  /** Prefix of the element ids inside the SVG (hatch pattern, title), unique per document. */
  idPrefix?: string
}

/** Layout in pixels: the plot box, then the override lanes under the balance axis. */
const WIDTH = 960
const LEFT = 76
const RIGHT = 214
const TOP = 66
const PLOT_HEIGHT = 380
const AXIS_SPACE = 52
const LANE = 30
const FONT = 12

/** Line colours (Okabe-Ito, safe for colour-blind readers) for light and dark backgrounds, and dash patterns: never colour alone. */
const LIGHT = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#8A6D00', '#56B4E9', '#000000']
const DARK = ['#56B4E9', '#FF9E57', '#3DDBA9', '#E7A1CC', '#F0C24D', '#A9D8F5', '#FFFFFF']
const DASHES = ['', '9 4', '2 3', '12 3 2 3', '5 5', '1 3', '14 4 4 4']

/** The chart's CSS: colours as custom properties, switched by prefers-color-scheme. */
function chartCss(): string {
  const vars = (palette: readonly string[]): string => palette.map((c, i) => `--lc-s${i}:${c};`).join('')
  return [
    `.lc-chart{--lc-bg:#ffffff;--lc-fg:#1f2328;--lc-muted:#59636e;--lc-grid:#d8dee4;--lc-band0:rgba(84,174,255,0.06);--lc-band1:rgba(84,174,255,0.14);--lc-cap:#cf222e;--lc-live:#1a7f37;--lc-stale:#9a6700;--lc-error:#cf222e;--lc-warn:#9a6700;${vars(LIGHT)}}`,
    `@media (prefers-color-scheme: dark){.lc-chart{--lc-bg:#0d1117;--lc-fg:#e6edf3;--lc-muted:#9198a1;--lc-grid:#30363d;--lc-band0:rgba(84,174,255,0.07);--lc-band1:rgba(84,174,255,0.16);--lc-cap:#ff7b72;--lc-live:#3fb950;--lc-stale:#d29922;--lc-error:#ff7b72;--lc-warn:#d29922;${vars(DARK)}}}`,
    '.lc-chart text{fill:var(--lc-fg);font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:12px}',
    '.lc-chart .lc-muted{fill:var(--lc-muted)}',
    '.lc-chart .lc-halo{paint-order:stroke;stroke:var(--lc-bg);stroke-width:3px;stroke-linejoin:round}',
    '.lc-chart .lc-grid{stroke:var(--lc-grid);stroke-width:1}',
    '.lc-chart .lc-axis{stroke:var(--lc-muted);stroke-width:1}',
    '.lc-chart .lc-band-0{fill:var(--lc-band0)}.lc-chart .lc-band-1{fill:var(--lc-band1)}',
    '.lc-chart .lc-boundary{stroke:var(--lc-muted);stroke-width:1;stroke-dasharray:3 3}',
    '.lc-chart .lc-line{fill:none;stroke-width:2.25;stroke-linejoin:round}',
    '.lc-chart .lc-base .lc-line{stroke-width:1.5;opacity:0.5}',
    '.lc-chart .lc-range{stroke:none;opacity:0.18}',
    '.lc-chart .lc-jump{stroke-width:1;stroke-dasharray:2 2}',
    '.lc-chart .lc-cap-line{fill:none;stroke:var(--lc-cap);stroke-width:1.5;stroke-dasharray:6 3}',
    '.lc-chart .lc-cap-end{stroke:var(--lc-cap);stroke-width:1}',
    '.lc-chart .lc-live{fill:var(--lc-live);opacity:0.75}',
    '.lc-chart .lc-stale{stroke:var(--lc-stale);stroke-width:1;opacity:0.9}',
    '.lc-chart .lc-on-line{fill:none;stroke:var(--lc-live);stroke-width:6;opacity:0.16;stroke-linecap:butt}',
    '.lc-chart .lc-reference{stroke:var(--lc-fg);stroke-width:1;stroke-dasharray:1 3}',
    '.lc-chart .lc-dot{stroke:var(--lc-bg);stroke-width:1.5}',
    '.lc-chart .lc-error{fill:var(--lc-error)}',
    '.lc-chart .lc-warn{fill:var(--lc-bg);stroke:var(--lc-warn);stroke-width:1.5}',
  ].join('\n')
}

/** Text for XML: the five special characters escaped. */
export function xml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}

/** An element with attributes (undefined ones left out) and optional inner markup. */
function el(name: string, attrs: Record<string, string | number | undefined>, inner?: string): string {
  const a = Object.entries(attrs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${xml(typeof v === 'number' ? coord(v) : v!)}"`)
    .join('')
  return inner === undefined ? `<${name}${a}/>` : `<${name}${a}>${inner}</${name}>`
}

const title = (text: string): string => `<title>${xml(text)}</title>`

/** "$1k", "$2.5k", "$1M": balance tick labels. */
function compactUsd(v: number): string {
  const units: [number, string][] = [
    [1e9, 'B'],
    [1e6, 'M'],
    [1e3, 'k'],
  ]
  for (const [u, s] of units) if (Math.abs(v) >= u) return `$${Number((v / u).toPrecision(3))}${s}`
  return `$${Number(v.toPrecision(4))}`
}

/** "$1,018.00", from a number that came from an exact value (labels and titles). */
const usd = (v: Fraction | number): string => formatUsd(typeof v === 'number' ? new Fraction(Math.round(v * 100), 100) : v)

interface View {
  x: Axis
  y: Axis
  lo: Fraction
  hi: Fraction
  plotTop: number
  plotBottom: number
  plotLeft: number
  plotRight: number
  /** Id of the hatch pattern (stale and clipped areas). */
  hatch: string
}

/** The drawn balances: [lo / 2, hi * 2] on a log axis, [0, hi * 1.1] on a linear one (the data's range padded). */
function balanceView(charts: readonly ChartData[], scale: AxisScale): { lo: Fraction; hi: Fraction } {
  const lo = charts.map((c) => c.range.lo).reduce((a, b) => (b.lt(a) ? b : a))
  const hi = charts.map((c) => c.range.hi).reduce((a, b) => (b.gt(a) ? b : a))
  const top = hi.gt(lo) ? hi : lo.mul(10)
  return scale === 'log' ? { lo: lo.div(2), hi: top.mul(2) } : { lo: new Fraction(0), hi: top.mul(11).div(10) }
}

/** Every function the chart draws (lines, bands, caps), for the size axis's extent. */
function drawnFunctions(chart: ChartData): Pl[] {
  return [
    ...chart.series.flatMap((s) => [...(s.line ? [s.line] : []), ...(s.band ? [s.band.lowest, s.band.highest] : [])]),
    ...chart.caps.map((c) => c.limit),
  ]
}

function sizeExtent(charts: readonly ChartData[], lo: Fraction, hi: Fraction, x: Axis): { min: number; max: number } {
  let min = 0
  let max = 0
  for (const chart of charts) {
    for (const f of drawnFunctions(chart)) {
      for (const run of plRuns(f, lo, hi, x, 8).runs) {
        for (const v of run) {
          min = Math.min(min, v.s)
          max = Math.max(max, v.s)
        }
      }
    }
  }
  return { min, max: max > min ? max : min + 100 }
}

function makeView(chart: ChartData, base: ChartData | undefined, scale: AxisScale, hatch: string): View {
  const charts = base ? [chart, base] : [chart]
  const { lo, hi } = balanceView(charts, scale)
  const plotLeft = LEFT
  const plotRight = WIDTH - RIGHT
  const plotTop = TOP
  const plotBottom = TOP + PLOT_HEIGHT
  const x: Axis = { scale, lo: lo.valueOf(), hi: hi.valueOf(), px0: plotLeft, px1: plotRight }
  const { min, max } = sizeExtent(charts, lo, hi, x)
  const yTicks = ticks('linear', min, max * 1.08, 6)
  const step = yTicks.length > 1 ? yTicks[1]! - yTicks[0]! : max
  const yHi = Math.ceil((max * 1.08) / step - 1e-9) * step
  const yLo = min < 0 ? Math.floor(min / step) * step : 0
  return { x, y: { scale: 'linear', lo: yLo, hi: yHi, px0: plotBottom, px1: plotTop }, lo, hi, plotTop, plotBottom, plotLeft, plotRight, hatch }
}

const points = (view: View, vs: readonly Vertex[]): string => vs.map((v) => `${coord(toPx(view.x, v.b))},${coord(toPx(view.y, v.s))}`).join(' ')

function axes(view: View, scale: AxisScale): string {
  const out: string[] = []
  const { plotLeft, plotRight, plotTop, plotBottom } = view
  for (const t of ticks(scale, view.x.lo > 0 ? view.x.lo : 0, view.x.hi, 8)) {
    if (scale === 'log' && t <= 0) continue
    const px = toPx(view.x, t)
    out.push(el('line', { class: 'lc-grid', x1: px, x2: px, y1: plotTop, y2: plotBottom }))
    out.push(el('text', { x: px, y: plotBottom + 16, 'text-anchor': 'middle', class: 'lc-muted' }, xml(compactUsd(t))))
  }
  for (const t of ticks('linear', view.y.lo, view.y.hi, 6)) {
    const py = toPx(view.y, t)
    out.push(el('line', { class: 'lc-grid', x1: plotLeft, x2: plotRight, y1: py, y2: py }))
    out.push(el('text', { x: plotLeft - 6, y: py + 4, 'text-anchor': 'end', class: 'lc-muted' }, xml(compactUsd(t))))
  }
  out.push(el('line', { class: 'lc-axis', x1: plotLeft, x2: plotRight, y1: plotBottom, y2: plotBottom }))
  out.push(el('line', { class: 'lc-axis', x1: plotLeft, x2: plotLeft, y1: plotTop, y2: plotBottom }))
  const xTitle = `Balance (USD, ${scale === 'log' ? 'logarithmic' : 'linear'} scale)`
  out.push(el('text', { x: (plotLeft + plotRight) / 2, y: plotBottom + 36, 'text-anchor': 'middle' }, xml(xTitle)))
  const yTitle = 'Position size (USD notional)'
  out.push(el('text', { x: 16, y: (plotTop + plotBottom) / 2, 'text-anchor': 'middle', transform: `rotate(-90 16 ${coord((plotTop + plotBottom) / 2)})` }, xml(yTitle)))
  return el('g', { class: 'lc-axes' }, out.join(''))
}

function profileBands(chart: ChartData, view: View): string {
  const out: string[] = []
  chart.profiles.forEach((p, i) => {
    const [part] = clipIntervals([p.region], view.lo, view.hi)
    if (!part) return
    const x0 = toPx(view.x, part.lo > 0 || view.x.scale === 'linear' ? part.lo : view.x.lo)
    const x1 = toPx(view.x, part.hi)
    const words = `${p.name} (${p.mode}): balances ${formatIntervals([p.region])}`
    const inner = [title(words), el('rect', { class: `lc-band-${i % 2}`, x: x0, y: view.plotTop, width: x1 - x0, height: view.plotBottom - view.plotTop })]
    // A label only where it fits; the title (tooltip) and the HTML's table name every profile.
    const fits = (text: string, size: number): boolean => text.length * size * 0.6 + 6 <= x1 - x0
    if (fits(p.name, FONT)) inner.push(el('text', { x: (x0 + x1) / 2, y: view.plotTop + 15, 'text-anchor': 'middle', 'font-weight': '600' }, xml(p.name)))
    if (fits(p.name, FONT) && fits(p.mode, 11)) {
      inner.push(el('text', { x: (x0 + x1) / 2, y: view.plotTop + 29, 'text-anchor': 'middle', class: 'lc-muted', 'font-size': '11' }, xml(p.mode)))
    }
    if (p.region.hi !== null && p.region.hi.lt(view.hi) && p.region.hi.gt(view.lo)) {
      inner.push(el('line', { class: 'lc-boundary', x1, x2: x1, y1: view.plotTop, y2: view.plotBottom }))
    }
    out.push(el('g', { class: 'lc-profile', 'data-profile': p.name, 'data-mode': p.mode }, inner.join('')))
  })
  return el('g', { class: 'lc-profiles' }, out.join(''))
}

function colour(i: number): string {
  return `var(--lc-s${i % LIGHT.length})`
}

function dash(i: number): string | undefined {
  return DASHES[i % DASHES.length] || undefined
}

function runsMarkup(view: View, runs: Runs, i: number, cls = 'lc-line'): string {
  const out = runs.runs.map((r) =>
    r.length === 1
      ? el('circle', { cx: toPx(view.x, r[0]!.b), cy: toPx(view.y, r[0]!.s), r: 2.5, fill: colour(i) })
      : el('polyline', { class: cls, points: points(view, r), stroke: colour(i), 'stroke-dasharray': dash(i) }),
  )
  for (const j of runs.jumps) {
    const x = toPx(view.x, j.at)
    const [y0, y1] = [toPx(view.y, j.before), toPx(view.y, j.after)]
    out.push(el('line', { class: 'lc-jump', x1: x, x2: x, y1: y0, y2: y1, stroke: colour(i) }))
    // The value at the balance itself is the filled end (a threshold belongs to the lower profile).
    out.push(el('circle', { cx: x, cy: y0, r: 3, fill: j.closed === 'before' ? colour(i) : 'var(--lc-bg)', stroke: colour(i) }))
    out.push(el('circle', { cx: x, cy: y1, r: 3, fill: j.closed === 'after' ? colour(i) : 'var(--lc-bg)', stroke: colour(i) }))
  }
  return out.join('')
}

function seriesMarkup(view: View, s: ChartSeries, i: number, base: boolean): string {
  const inner: string[] = [title(`${s.symbol}${base ? ' (base)' : ''}`)]
  if (s.band) {
    for (const poly of bandPolygons(s.band.lowest, s.band.highest, view.lo, view.hi, view.x)) {
      inner.push(el('polygon', { class: 'lc-range', points: points(view, poly), fill: colour(i) }))
    }
  }
  if (s.line) inner.push(runsMarkup(view, plRuns(s.line, view.lo, view.hi, view.x), i))
  if (s.band && !s.line) {
    inner.push(runsMarkup(view, plRuns(s.band.lowest, view.lo, view.hi, view.x), i, 'lc-line lc-lowest'))
    inner.push(runsMarkup(view, plRuns(s.band.highest, view.lo, view.hi, view.x), i, 'lc-line lc-highest'))
  }
  return el('g', { class: base ? 'lc-series lc-base' : 'lc-series', 'data-symbol': s.symbol }, inner.join(''))
}

/** The value a series shows at balance b: its line, else the top of its band. */
function shownAt(s: ChartSeries, b: Fraction): Fraction | undefined {
  return s.line ? plAt(s.line, b) : s.band ? plAt(s.band.highest, b) : undefined
}

/** The last drawn vertex of a series (its value at the right edge of the view), for its label. */
function rightEnd(view: View, s: ChartSeries): Vertex | undefined {
  const f = s.line ?? s.band?.highest
  if (!f) return undefined
  const runs = plRuns(f, view.lo, view.hi, view.x, 1000).runs
  return runs[runs.length - 1]?.[runs[runs.length - 1]!.length - 1]
}

/** Labels right of the plot: a sample of each line's colour and dash, then its symbol, spread so they never overlap. */
function lineLabels(view: View, chart: ChartData, base: ChartData | undefined): string {
  const items = chart.series.flatMap((s, i) => {
    const end = rightEnd(view, s)
    return end ? [{ s, i, y: toPx(view.y, end.s), text: s.symbol }] : []
  })
  const ys = spreadLabels(
    items.map((it) => it.y),
    15,
    view.plotTop + 6,
    view.plotBottom - 4,
  )
  const out = items.map((it, k) => {
    const y = ys[k]!
    const x = view.plotRight + 8
    return el(
      'g',
      { class: 'lc-line-label', 'data-symbol': it.s.symbol },
      el('polyline', { class: 'lc-line', points: `${coord(view.plotRight)},${coord(it.y)} ${coord(x)},${coord(y)} ${coord(x + 22)},${coord(y)}`, stroke: colour(it.i), 'stroke-dasharray': dash(it.i) }) +
        el('text', { x: x + 27, y: y + 4 }, xml(it.text)),
    )
  })
  if (base) out.push(el('text', { x: view.plotRight + 8, y: view.plotBottom + 16, class: 'lc-muted' }, 'faded: base, solid: head'))
  return el('g', { class: 'lc-line-labels' }, out.join(''))
}

function capMarkup(view: View, chart: ChartData): string {
  const out: string[] = []
  const labelled = new Set<string>()
  for (const cap of chart.caps) {
    const i = chart.series.findIndex((s) => s.symbol === cap.symbol)
    const findings = chart.findings.filter((f) => f.path === cap.path && f.message.includes(cap.symbol))
    const words = [capWords(cap), ...findings.map(findingWords)].join('\n')
    const inner: string[] = [title(words)]
    const runs = plRuns(cap.limit, view.lo, view.hi, view.x)
    for (const r of runs.runs) {
      if (r.length < 2) continue
      inner.push(el('polyline', { class: 'lc-cap-line', points: points(view, r) }))
      // Where the limit starts or stops binding for this symbol: a mark in the symbol's colour on the limit.
      for (const v of [r[0]!, r[r.length - 1]!]) {
        if (v.b <= view.x.lo || v.b >= view.x.hi) continue
        const [cx, cy] = [toPx(view.x, v.b), toPx(view.y, v.s)]
        inner.push(el('polygon', { class: 'lc-cap-end', points: `${coord(cx)},${coord(cy - 5)} ${coord(cx + 5)},${coord(cy)} ${coord(cx)},${coord(cy + 5)} ${coord(cx - 5)},${coord(cy)}`, fill: colour(Math.max(i, 0)) }))
      }
    }
    const long = runs.runs.filter((r) => r.length >= 2)
    if (long.length > 0 && !labelled.has(cap.path)) {
      labelled.add(cap.path)
      // Where the limit binds the lines lie beyond it, so the other side of it is clear: below a cap, above a floor.
      const text = xml(`${cap.kind === 'cap' ? 'cap' : 'floor'}: ${cap.name} ${usd(cap.limit[0]!.intercept ?? 0)}`)
      if (cap.kind === 'cap') {
        const end = long[long.length - 1]![long[long.length - 1]!.length - 1]!
        inner.push(el('text', { x: Math.min(toPx(view.x, end.b), view.plotRight) - 4, y: toPx(view.y, end.s) + 15, class: 'lc-halo', 'text-anchor': 'end' }, text))
      } else {
        const start = long[0]![0]!
        inner.push(el('text', { x: Math.max(toPx(view.x, start.b), view.plotLeft) + 4, y: toPx(view.y, start.s) - 6, class: 'lc-halo' }, text))
      }
    }
    out.push(el('g', { class: 'lc-cap', 'data-symbol': cap.symbol, 'data-name': cap.name, 'data-series': i }, inner.join('')))
  }
  return el('g', { class: 'lc-caps' }, out.join(''))
}

function referenceMarkup(view: View, chart: ChartData): string {
  const out: string[] = []
  for (const ref of chart.references) {
    const b = ref.balance.valueOf()
    if (ref.balance.lt(view.lo) || ref.balance.gt(view.hi) || (view.x.scale === 'log' && b <= 0)) continue
    const x = toPx(view.x, b)
    const shown = chart.series.map((s, i) => ({ s, i, size: shownAt(s, ref.balance) })).filter((d) => d.size !== undefined)
    const words = [`Reference balance ${usd(ref.balance)}`, ...ref.sizes.map((z) => `${z.symbol}: ${z.size ? usd(z.size) : 'no size'}`)].join('\n')
    const inner: string[] = [title(words), el('line', { class: 'lc-reference', x1: x, x2: x, y1: view.plotTop, y2: view.plotBottom })]
    const ly = view.plotBottom - 6
    inner.push(el('text', { x: x - 4, y: ly, transform: `rotate(-90 ${coord(x - 4)} ${coord(ly)})`, class: 'lc-halo' }, xml(`reference ${usd(ref.balance)}`)))
    const ys = spreadLabels(
      shown.map((d) => toPx(view.y, d.size!.valueOf())),
      14,
      view.plotTop + 36,
      view.plotBottom - 4,
    )
    const leftSide = x > view.plotRight - 120
    shown.forEach((d, k) => {
      const cy = toPx(view.y, d.size!.valueOf())
      inner.push(el('circle', { class: 'lc-dot', cx: x, cy, r: 4, fill: colour(d.i) }))
      const text = `${d.s.symbol.split('-')[0]} ${usd(d.size!)}`
      inner.push(el('text', { x: leftSide ? x - 8 : x + 8, y: ys[k]! + 4, 'text-anchor': leftSide ? 'end' : 'start', class: 'lc-halo' }, xml(text)))
    })
    out.push(el('g', { class: 'lc-reference-mark', 'data-balance': ref.balance.toString() }, inner.join('')))
  }
  return el('g', { class: 'lc-references' }, out.join(''))
}

function findingMarkup(view: View, chart: ChartData): string {
  const byBalance = new Map<string, { balance: Fraction; marks: FindingMark[] }>()
  for (const f of chart.findings) {
    if (!f.balance || f.balance.lt(view.lo) || f.balance.gt(view.hi)) continue
    const key = f.balance.toFraction()
    const entry = byBalance.get(key) ?? { balance: f.balance, marks: [] }
    entry.marks.push(f)
    byBalance.set(key, entry)
  }
  const out: string[] = []
  for (const { balance, marks } of byBalance.values()) {
    const x = toPx(view.x, balance.valueOf())
    const y = view.plotTop - 12
    const error = marks.some((m) => m.severity === 'error')
    const words = [`At balance ${usd(balance)}:`, ...marks.map(findingWords)].join('\n')
    // Errors are filled triangles, warnings hollow ones: the shape tells them apart, not only the colour.
    const tri = `${coord(x)},${coord(y + 8)} ${coord(x - 7)},${coord(y - 5)} ${coord(x + 7)},${coord(y - 5)}`
    const inner = [
      title(words),
      el('polygon', { points: tri, class: error ? 'lc-error' : 'lc-warn' }),
      el('text', { x: x + 10, y: y + 2, 'font-size': '11' }, xml(marks.length > 1 ? `${marks.length} findings` : marks[0]!.ruleId)),
    ]
    out.push(el('g', { class: 'lc-finding', 'data-balance': balance.toString(), 'data-rules': [...new Set(marks.map((m) => m.ruleId))].join(' ') }, inner.join('')))
  }
  return el('g', { class: 'lc-findings' }, out.join(''))
}

/** The override lanes under the balance axis: one row per override, live balances solid, stale ones hatched. */
function overrideLanes(view: View, chart: ChartData, top: number): string {
  if (chart.overrides.length === 0) return ''
  const out: string[] = [
    el('text', { x: view.plotLeft, y: top + 12, 'font-weight': '600' }, 'Overrides: where the bot uses each base_position_usd (solid: live; hatched: stale, ignored)'),
  ]
  chart.overrides.forEach((o, k) => {
    const y = top + 20 + k * LANE
    const live = clipIntervals(o.live, view.lo, view.hi)
    const stale = complementIn(o.live, view.lo, view.hi)
    const findings = chart.findings.filter((f) => f.path === o.path)
    const words = [overrideWords(o), ...findings.map(findingWords)].join('\n')
    const inner: string[] = [title(words)]
    const px = (b: number): number => (view.x.scale === 'log' && b <= 0 ? view.plotLeft : toPx(view.x, b))
    for (const part of live) inner.push(el('rect', { class: 'lc-live', x: px(part.lo), y: y + 15, width: px(part.hi) - px(part.lo), height: 11 }))
    for (const part of stale) {
      inner.push(el('rect', { class: 'lc-stale-band', x: px(part.lo), y: y + 15, width: px(part.hi) - px(part.lo), height: 11, fill: `url(#${view.hatch})` }))
    }
    const i = chart.series.findIndex((s) => s.symbol === o.symbol)
    const flag = findings.length > 0 ? `; ⚠ ${[...new Set(findings.map((f) => f.ruleId))].join(', ')}` : ''
    const where = o.live.length === 0 ? 'never live (stale at every balance)' : `live ${formatIntervals(o.live)}`
    inner.push(el('rect', { x: view.plotLeft, y: y + 2, width: 9, height: 9, fill: colour(Math.max(i, 0)) }))
    inner.push(el('text', { x: view.plotLeft + 14, y: y + 11, 'font-size': '11' }, xml(`${o.symbol} ${o.regime} ${usd(o.value)}: ${where}${flag}`)))
    const onLine = plRuns(o.onLine, view.lo, view.hi, view.x)
    for (const r of onLine.runs) if (r.length >= 2) inner.push(el('polyline', { class: 'lc-on-line', points: points(view, r) }))
    out.push(el('g', { class: 'lc-override', 'data-symbol': o.symbol, 'data-regime': o.regime, 'data-value': o.value.toString() }, inner.join('')))
  })
  return el('g', { class: 'lc-overrides' }, out.join(''))
}

/** A one-paragraph description of the chart for screen readers (the SVG's desc). */
function description(chart: ChartData, scale: AxisScale, base: ChartData | undefined): string {
  const parts = [
    `Position size (${chart.sizeLabel}) against balance on a ${scale === 'log' ? 'logarithmic' : 'linear'} balance axis, one line per symbol: ${chart.series.map((s) => s.symbol).join(', ')}.`,
    `Profiles: ${chart.profiles.map((p) => `${p.name} (${p.mode}) ${formatIntervals([p.region])}`).join('; ')}.`,
  ]
  if (chart.references.length > 0) parts.push(`Reference balances: ${chart.references.map((r) => usd(r.balance)).join(', ')}.`)
  if (chart.caps.length > 0) parts.push(`${chart.caps.length} binding caps or floors are drawn where they clip the size.`)
  if (chart.overrides.length > 0) parts.push(`${chart.overrides.length} overrides are shown as lanes under the axis.`)
  const placed = chart.findings.filter((f) => f.balance).length
  if (placed > 0) parts.push(`${placed} findings are marked at their balance.`)
  if (base) parts.push(`The base version's lines are drawn faded under the head's.`)
  return parts.join(' ')
}

/**
 * The sizing chart as a standalone SVG document (no script, no external resource): per-symbol size against balance
 * with exact geometry (each piece one straight segment on a linear axis; sloped pieces sampled on a log axis),
 * profile bands labelled with name and mode, binding caps with the clipped area hatched, reference balances with
 * the sizes there, findings marked at their balance (rule id and message in a title), override lanes below.
 * Colours follow prefers-color-scheme; every line also has its own dash pattern and a text label.
 */
export function renderChartSvg(chart: ChartData, options: ChartSvgOptions = {}): string {
  const scale = options.scale ?? 'log'
  const id = options.idPrefix ?? 'lc'
  const view = makeView(chart, options.base, scale, `${id}-hatch`)
  const lanesTop = view.plotBottom + AXIS_SPACE
  const height = lanesTop + (chart.overrides.length > 0 ? 22 + chart.overrides.length * LANE : 0) + 8
  const heading = `Position size against balance: ${chart.title}${options.base ? ` (base ${options.base.title} and head)` : ''}`
  const body = [
    el('rect', { x: 0, y: 0, width: WIDTH, height, fill: 'var(--lc-bg)' }),
    el('text', { x: LEFT, y: 22, 'font-size': '15', 'font-weight': '600' }, xml(heading)),
    el('text', { x: LEFT, y: 38, class: 'lc-muted', 'font-size': '11' }, xml(chart.sizeLabel)),
    el('g', { class: 'lc-plot', 'data-scale': scale, 'data-x-domain': `${coord(view.x.lo)} ${coord(view.x.hi)}`, 'data-y-domain': `${coord(view.y.lo)} ${coord(view.y.hi)}`, 'data-box': `${view.plotLeft} ${view.plotTop} ${view.plotRight} ${view.plotBottom}` },
      [
        profileBands(chart, view),
        axes(view, scale),
        capMarkup(view, chart),
        ...(options.base ? options.base.series.map((s) => seriesMarkup(view, s, seriesIndex(chart, options.base!, s), true)) : []),
        ...chart.series.map((s, i) => seriesMarkup(view, s, i, false)),
        referenceMarkup(view, chart),
        findingMarkup(view, chart),
        lineLabels(view, chart, options.base),
      ].join(''),
    ),
    overrideLanes(view, chart, lanesTop),
  ].join('')
  const defs = `<defs><pattern id="${xml(id)}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="6" style="stroke:var(--lc-stale);stroke-width:2"/></pattern></defs>`
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="lc-chart" role="img" width="${WIDTH}" height="${coord(height)}" viewBox="0 0 ${WIDTH} ${coord(height)}" aria-labelledby="${xml(id)}-title ${xml(id)}-desc">`,
    `<title id="${xml(id)}-title">${xml(heading)}</title>`,
    `<desc id="${xml(id)}-desc">${xml(description(chart, scale, options.base))}</desc>`,
    `<style>${chartCss()}</style>`,
    defs,
    body,
    '</svg>',
  ].join('\n') + '\n'
}

/** A base series takes the colour of the head's series of the same symbol (a new colour after them when the head has none). */
function seriesIndex(head: ChartData, base: ChartData, s: ChartSeries): number {
  const i = head.series.findIndex((h) => h.symbol === s.symbol)
  return i >= 0 ? i : head.series.length + base.series.indexOf(s)
}
