// The chart's lines, drawn from the model's pieces: each symbol's size (runs, jumps, ranges as bands) and the labels right of the plot.
import type Fraction from 'fraction.js'
import { plAt } from '../model/pl.js'
import type { ChartData, ChartSeries } from './chart-data.js'
import { bandPolygons, coord, plRuns, spreadLabels, toPx, type Runs, type Vertex } from './geometry.js'
import { colour, dash, el, title, xml } from './svg-markup.js'
import { points, type View } from './svg-view.js'

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

export function seriesMarkup(view: View, s: ChartSeries, i: number, base: boolean): string {
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
export function shownAt(s: ChartSeries, b: Fraction): Fraction | undefined {
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
export function lineLabels(view: View, chart: ChartData, base: ChartData | undefined): string {
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

/** A base series takes the colour of the head's series of the same symbol (a new colour after them when the head has none). */
export function seriesIndex(head: ChartData, base: ChartData, s: ChartSeries): number {
  const i = head.series.findIndex((h) => h.symbol === s.symbol)
  return i >= 0 ? i : head.series.length + base.series.indexOf(s)
}