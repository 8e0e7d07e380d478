// What the chart marks on and under its lines: profile bands, binding caps and floors, reference balances, findings and the override lanes.
import type Fraction from 'fraction.js'
import { formatIntervals } from '../model/interval.js'
import type { ChartData, FindingMark } from './chart-data.js'
import { clipIntervals, complementIn, coord, plRuns, spreadLabels, toPx } from './geometry.js'
import { colour, el, title, usd, xml } from './svg-markup.js'
import { shownAt } from './svg-series.js'
import { LAYOUT, points, type View } from './svg-view.js'
import { capWords, findingWords, overrideWords } from './words.js'

export function profileBands(chart: ChartData, view: View): string {
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
    if (fits(p.name, LAYOUT.font)) inner.push(el('text', { x: (x0 + x1) / 2, y: view.plotTop + 15, 'text-anchor': 'middle', 'font-weight': '600' }, xml(p.name)))
    if (fits(p.name, LAYOUT.font) && fits(p.mode, 11)) {
      inner.push(el('text', { x: (x0 + x1) / 2, y: view.plotTop + 29, 'text-anchor': 'middle', class: 'lc-muted', 'font-size': '11' }, xml(p.mode)))
    }
    if (p.region.hi !== null && p.region.hi.lt(view.hi) && p.region.hi.gt(view.lo)) {
      inner.push(el('line', { class: 'lc-boundary', x1, x2: x1, y1: view.plotTop, y2: view.plotBottom }))
    }
    out.push(el('g', { class: 'lc-profile', 'data-profile': p.name, 'data-mode': p.mode }, inner.join('')))
  })
  return el('g', { class: 'lc-profiles' }, out.join(''))
}

export function capMarkup(view: View, chart: ChartData): string {
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

export function referenceMarkup(view: View, chart: ChartData): string {
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

export function findingMarkup(view: View, chart: ChartData): string {
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
export function overrideLanes(view: View, chart: ChartData, top: number): string {
  if (chart.overrides.length === 0) return ''
  const out: string[] = [
    el('text', { x: view.plotLeft, y: top + 12, 'font-weight': '600' }, 'Overrides: where the bot uses each base_position_usd (solid: live; hatched: stale, ignored)'),
  ]
  chart.overrides.forEach((o, k) => {
    const y = top + 20 + k * LAYOUT.lane
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
