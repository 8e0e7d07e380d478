// The sizing chart as one self-contained HTML page: the inline SVG, then the same facts as text tables (no script, no network).
import { formatUsd } from '../model/decimal.js'
import { formatIntervals } from '../model/interval.js'
import type { ChartData } from './chart-data.js'
import { sizingChartPoints, type SizingChart } from './chart-points.js'
import { xml } from './svg-markup.js'
import { renderChartSvg, type ChartSvgOptions } from './svg.js'
import { capWords, overrideWords } from './words.js'

export interface ChartHtmlOptions {
  /** The balance axis: logarithmic (default) or linear from $0. */
  scale?: ChartSvgOptions['scale']
  /** More of the page after the chart's own sections, as HTML (its text already escaped): the diff's changes. */
  appendix?: string
}

const PAGE_CSS = [
  ':root{color-scheme:light dark}',
  'body{margin:0;padding:24px;background:#ffffff;color:#1f2328;font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}',
  '@media (prefers-color-scheme: dark){body{background:#0d1117;color:#e6edf3}th,td{border-color:#30363d}a{color:#4493f8}}',
  'h1{font-size:20px;margin:0 0 4px}h2{font-size:16px;margin:24px 0 8px}',
  'figure{margin:16px 0;overflow-x:auto}figcaption{font-size:13px;opacity:.8;max-width:960px}',
  'table{border-collapse:collapse;font-variant-numeric:tabular-nums}th,td{border:1px solid #d1d9e0;padding:4px 8px;text-align:left}td.num{text-align:right}',
  '.error{font-weight:600}',
].join('\n')

function pointLabel(chart: SizingChart, i: number): string {
  const x = chart.balances[i]!
  return `${formatUsd(x.balance)}${x.side === 'above' ? ' (just above)' : ''}${x.reference ? ' (reference)' : ''}`
}

/** Sizes at the balances where the ladder changes, as a table: the chart's numbers for readers who cannot see it. */
function pointsTable(points: SizingChart): string {
  const head = `<tr><th scope="col">Balance</th>${points.series.map((s) => `<th scope="col">${xml(s.name)}</th>`).join('')}</tr>`
  const rows = points.balances.map(
    (_, i) =>
      `<tr><th scope="row">${xml(pointLabel(points, i))}</th>${points.series
        .map((s) => `<td class="num">${s.sizes[i] ? xml(formatUsd(s.sizes[i]!)) : 'n/a'}</td>`)
        .join('')}</tr>`,
  )
  return `<table>\n<thead>${head}</thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`
}

function sections(chart: ChartData): string[] {
  const out: string[] = []
  out.push('<h2>Sizes where the ladder changes</h2>', pointsTable(sizingChartPoints(chart)))
  out.push(
    '<h2>Profiles</h2>',
    `<table>\n<thead><tr><th scope="col">Profile</th><th scope="col">Mode</th><th scope="col">Selected for balances</th></tr></thead>\n<tbody>\n${chart.profiles
      .map((p) => `<tr><td>${xml(p.name)}</td><td>${xml(p.mode)}</td><td>${xml(formatIntervals([p.region]))}</td></tr>`)
      .join('\n')}\n</tbody>\n</table>`,
  )
  const list = (items: readonly string[]): string => `<ul>\n${items.map((t) => `<li>${xml(t)}</li>`).join('\n')}\n</ul>`
  if (chart.caps.length > 0) out.push('<h2>Caps and floors that bind</h2>', list(chart.caps.map(capWords)))
  if (chart.overrides.length > 0) out.push('<h2>Overrides</h2>', list(chart.overrides.map(overrideWords)))
  if (chart.findings.length > 0) {
    out.push(
      '<h2>Findings</h2>',
      `<ul>\n${chart.findings
        .map(
          (f) =>
            `<li${f.severity === 'error' ? ' class="error"' : ''}>${xml(`${f.line}:${f.column} ${f.severity === 'error' ? 'error' : 'warning'} ${f.ruleId}: ${f.message}${f.balance ? ` (marked at ${formatUsd(f.balance)})` : ''}`)}</li>`,
        )
        .join('\n')}\n</ul>`,
    )
  }
  return out
}

/**
 * One self-contained HTML page of the sizing chart: the SVG inline, then the same facts as text (sizes where the
 * ladder changes, profiles, binding caps, overrides with their live balances, findings). With `base`, the base
 * version's lines are drawn faded under `chart`'s (the head's) and the tables are the head's.
 * Light and dark mode follow prefers-color-scheme; nothing is loaded from the network and no script runs.
 */
export function renderChartHtml(chart: ChartData, options: ChartHtmlOptions & { base?: ChartData } = {}): string {
  const svg = renderChartSvg(chart, { scale: options.scale ?? 'log', ...(options.base ? { base: options.base } : {}), idPrefix: 'lc-chart' })
  const heading = options.base ? `Sizing change: ${options.base.title} to ${chart.title}` : `Sizing of ${chart.title}`
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    `<title>${xml(heading)}</title>`,
    `<style>\n${PAGE_CSS}\n</style>`,
    '</head>',
    '<body>',
    `<h1>${xml(heading)}</h1>`,
    `<p>${xml(`Leverage ${chart.leverage.toString()}x, override tolerance ${chart.tolerance.mul(100).toString()}%. Lines: ${chart.sizeLabel}.`)}</p>`,
    `<figure>\n${svg}<figcaption>${xml('Vertical bands are the balance profiles; dashed red lines are caps where they clip the size (clipped area hatched); dotted verticals are the reference balances; triangles above the plot mark findings (hover for the rule and message; filled = error, hollow = warning); the lanes below show where each override is live.')}</figcaption>\n</figure>`,
    ...sections(chart),
    ...(options.appendix !== undefined ? [options.appendix] : []),
    '</body>',
    '</html>',
    '',
  ].join('\n')
}

/** Base and head on one chart, for the review of a config change (`lint-config diff --format html`). */
export function renderChartHtmlOverlay(base: ChartData, head: ChartData, options: ChartHtmlOptions = {}): string {
  return renderChartHtml(head, { ...options, base })
}
