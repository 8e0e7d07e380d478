// Mermaid xychart of size against balance (GitHub renders it in Markdown and job summaries), from the chart points as data.
import Fraction from 'fraction.js'
import { formatUsd, roundScaled } from '../model/decimal.js'
import { escapeMarkdown } from '../text/escape-markdown.js'
import type { SizingChart } from '../types.js'

/** Line colours, in series order (Okabe-Ito, readable for colour-blind readers), with their names for the text legend. */
const MERMAID_PALETTE: readonly (readonly [hex: string, name: string])[] = [
  ['#0072B2', 'blue'],
  ['#D55E00', 'vermillion'],
  ['#009E73', 'green'],
  ['#CC79A7', 'pink'],
  ['#E69F00', 'orange'],
  ['#56B4E9', 'sky blue'],
  ['#000000', 'black'],
]

/** Text inside a Mermaid double-quoted string: no quote, no line break. */
function quoted(text: string): string {
  return `"${text.replace(/"/g, "'").replace(/[\r\n]+/g, ' ')}"`
}

/** "$1,018", "$633.33": a balance without needless cents. */
function balanceLabel(b: Fraction): string {
  return formatUsd(b).replace(/\.00$/, '')
}

/** A size to the cent as a plain number for Mermaid ("122.16", "30"). */
function value(x: Fraction | undefined): string {
  if (x === undefined) return '0'
  const cents = roundScaled(x, 2)
  const sign = cents < 0n ? '-' : ''
  const abs = cents < 0n ? -cents : cents
  const frac = (abs % 100n).toString().padStart(2, '0').replace(/0+$/, '')
  return `${sign}${abs / 100n}${frac ? `.${frac}` : ''}`
}

/** The top of the size axis: the largest size plus a tenth, rounded up to a 1, 2 or 5 step. */
function axisTop(chart: SizingChart): number {
  let max = 0
  for (const s of chart.series) for (const v of s.sizes) if (v !== undefined) max = Math.max(max, v.valueOf())
  if (max <= 0) return 100
  const target = max * 1.1
  const p = 10 ** Math.floor(Math.log10(target))
  const step = [1, 2, 5, 10].map((m) => (m * p) / 10).find((st) => Math.ceil(target / st) <= 12)!
  return Math.ceil(target / step) * step
}

export interface MermaidChartOptions {
  /** The chart's title (default: the chart's own). */
  title?: string
}

/** `hex` mixed halfway with white: the base version's shade of a symbol's colour. */
function lighter(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16)
  const mix = (c: number): string => Math.round(c + (255 - c) * 0.55).toString(16).padStart(2, '0')
  return `#${mix(n >> 16)}${mix((n >> 8) & 255)}${mix(n & 255)}`
}

/**
 * A fenced ```mermaid block with an `xychart-beta` line chart: one line per series (named, with Mermaid's legend
 * where the renderer has one), the x axis the chart's balances in order ("$1,500+" is the size just above a balance
 * where some series jumps, "(ref)" a reference balance), the y axis the size in USD notional to the cent. Then a text
 * legend naming each line's colour, so the chart never relies on colour alone. A size a series does not define is
 * drawn as 0 and said so. Ends without a newline.
 */
export function renderMermaidChart(chart: SizingChart, options: MermaidChartOptions = {}): string {
  // One colour per symbol; in a review overlay the base line takes a lighter shade of its head's colour.
  const symbols = [...new Set(chart.series.map((s) => s.symbol))]
  const colourOf = chart.series.map((s) => {
    const [hex, name] = MERMAID_PALETTE[symbols.indexOf(s.symbol) % MERMAID_PALETTE.length]!
    return s.version === 'base' ? { hex: lighter(hex), name: `light ${name}` } : { hex, name }
  })
  const palette = colourOf.map((c) => c.hex).join(', ')
  const labels = chart.balances.map((x) => `${balanceLabel(x.balance)}${x.side === 'above' ? '+' : ''}${x.reference ? ' (ref)' : ''}`)
  const lines = [
    '```mermaid',
    '---',
    'config:',
    '  xyChart:',
    '    width: 900',
    '    height: 420',
    '    showLegend: true',
    '  themeVariables:',
    '    xyChart:',
    `      plotColorPalette: ${quoted(palette)}`,
    '---',
    'xychart-beta',
    `  title ${quoted(options.title ?? chart.title)}`,
    `  x-axis ${quoted('Balance (USD)')} [${labels.map(quoted).join(', ')}]`,
    `  y-axis ${quoted('Size (USD notional)')} 0 --> ${axisTop(chart)}`,
    ...chart.series.map((s) => `  line ${quoted(s.name)} [${s.sizes.map(value).join(', ')}]`),
    '```',
  ]
  const legend = chart.series.map((s, i) => `${escapeMarkdown(s.name)} (${colourOf[i]!.name})`).join(', ')
  const notes = [`Lines: ${legend}.`]
  if (chart.balances.some((x) => x.side === 'above')) notes.push('A balance with "+" is the size just above it, where the size jumps.')
  const undefinedAt = chart.series.filter((s) => s.sizes.some((v) => v === undefined)).map((s) => s.name)
  if (undefinedAt.length > 0) notes.push(`Drawn as $0 where no profile defines a size: ${undefinedAt.map((n) => escapeMarkdown(n)).join(', ')}.`)
  return `${lines.join('\n')}\n\n${notes.join(' ')}`
}
