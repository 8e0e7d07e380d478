// The chart's frame: the layout in pixels, the balance and size scales fitted to the data, and the axes with their ticks and titles.
import Fraction from 'fraction.js'
import type { Pl } from '../model/pl.js'
import type { ChartData } from './chart-data.js'
import { coord, plRuns, ticks, toPx, type Axis, type AxisScale, type Vertex } from './geometry.js'
import { compactUsd, el, xml } from './svg-markup.js'

/** Layout in pixels: the plot box, then the override lanes under the balance axis. */
export const LAYOUT = { width: 960, left: 76, right: 214, top: 66, plotHeight: 380, axisSpace: 52, lane: 30, font: 12 } as const

export interface View {
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

export function makeView(chart: ChartData, base: ChartData | undefined, scale: AxisScale, hatch: string): View {
  const charts = base ? [chart, base] : [chart]
  const { lo, hi } = balanceView(charts, scale)
  const plotLeft = LAYOUT.left
  const plotRight = LAYOUT.width - LAYOUT.right
  const plotTop = LAYOUT.top
  const plotBottom = LAYOUT.top + LAYOUT.plotHeight
  const x: Axis = { scale, lo: lo.valueOf(), hi: hi.valueOf(), px0: plotLeft, px1: plotRight }
  const { min, max } = sizeExtent(charts, lo, hi, x)
  const yTicks = ticks('linear', min, max * 1.08, 6)
  const step = yTicks.length > 1 ? yTicks[1]! - yTicks[0]! : max
  const yHi = Math.ceil((max * 1.08) / step - 1e-9) * step
  const yLo = min < 0 ? Math.floor(min / step) * step : 0
  return { x, y: { scale: 'linear', lo: yLo, hi: yHi, px0: plotBottom, px1: plotTop }, lo, hi, plotTop, plotBottom, plotLeft, plotRight, hatch }
}

export const points = (view: View, vs: readonly Vertex[]): string => vs.map((v) => `${coord(toPx(view.x, v.b))},${coord(toPx(view.y, v.s))}`).join(' ')

export function axes(view: View, scale: AxisScale): string {
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
