// The sizing chart as one SVG (size against balance per symbol, profile bands, caps, overrides, reference balances, findings), from ChartData only.
import { formatIntervals } from '../model/interval.js'
import type { ChartData } from './chart-data.js'
import { coord, type AxisScale } from './geometry.js'
import { capMarkup, findingMarkup, overrideLanes, profileBands, referenceMarkup } from './svg-marks.js'
import { chartCss, el, usd, xml } from './svg-markup.js'
import { lineLabels, seriesIndex, seriesMarkup } from './svg-series.js'
import { axes, LAYOUT, makeView } from './svg-view.js'

export interface ChartSvgOptions {
  /** The balance axis: logarithmic (default) or linear from $0. */
  scale?: AxisScale
  /** The version before a change: its lines drawn faded under `chart`'s (the head's), labelled "(base)". */
  base?: ChartData
  /** Prefix of the element ids inside the SVG (hatch pattern, title), unique per document. */
  idPrefix?: string
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
  const lanesTop = view.plotBottom + LAYOUT.axisSpace
  const height = lanesTop + (chart.overrides.length > 0 ? 22 + chart.overrides.length * LAYOUT.lane : 0) + 8
  const heading = `Position size against balance: ${chart.title}${options.base ? ` (base ${options.base.title} and head)` : ''}`
  const body = [
    el('rect', { x: 0, y: 0, width: LAYOUT.width, height, fill: 'var(--lc-bg)' }),
    el('text', { x: LAYOUT.left, y: 22, 'font-size': '15', 'font-weight': '600' }, xml(heading)),
    el('text', { x: LAYOUT.left, y: 38, class: 'lc-muted', 'font-size': '11' }, xml(chart.sizeLabel)),
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
    `<svg xmlns="http://www.w3.org/2000/svg" class="lc-chart" role="img" width="${LAYOUT.width}" height="${coord(height)}" viewBox="0 0 ${LAYOUT.width} ${coord(height)}" aria-labelledby="${xml(id)}-title ${xml(id)}-desc">`,
    `<title id="${xml(id)}-title">${xml(heading)}</title>`,
    `<desc id="${xml(id)}-desc">${xml(description(chart, scale, options.base))}</desc>`,
    `<style>${chartCss()}</style>`,
    defs,
    body,
    '</svg>',
  ].join('\n') + '\n'
}

