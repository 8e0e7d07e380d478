// The chart's SVG vocabulary: XML escaping, elements and titles, money labels, the line palette and dash patterns, and the CSS.
import Fraction from 'fraction.js'
import { formatUsd } from '../model/decimal.js'
import { coord } from './geometry.js'

/** Line colours (Okabe-Ito, safe for colour-blind readers) for light and dark backgrounds, and dash patterns: never colour alone. */
const LIGHT = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#8A6D00', '#56B4E9', '#000000']
const DARK = ['#56B4E9', '#FF9E57', '#3DDBA9', '#E7A1CC', '#F0C24D', '#A9D8F5', '#FFFFFF']
const DASHES = ['', '9 4', '2 3', '12 3 2 3', '5 5', '1 3', '14 4 4 4']

/** The chart's CSS: colours as custom properties, switched by prefers-color-scheme. */
export function chartCss(): string {
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
export function el(name: string, attrs: Record<string, string | number | undefined>, inner?: string): string {
  const a = Object.entries(attrs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${xml(typeof v === 'number' ? coord(v) : v!)}"`)
    .join('')
  return inner === undefined ? `<${name}${a}/>` : `<${name}${a}>${inner}</${name}>`
}

export const title = (text: string): string => `<title>${xml(text)}</title>`

/** "$1k", "$2.5k", "$1M": balance tick labels. */
export function compactUsd(v: number): string {
  const units: [number, string][] = [
    [1e9, 'B'],
    [1e6, 'M'],
    [1e3, 'k'],
  ]
  for (const [u, s] of units) if (Math.abs(v) >= u) return `$${Number((v / u).toPrecision(3))}${s}`
  return `$${Number(v.toPrecision(4))}`
}

/** "$1,018.00", from a number that came from an exact value (labels and titles). */
export const usd = (v: Fraction | number): string => formatUsd(typeof v === 'number' ? new Fraction(Math.round(v * 100), 100) : v)

export function colour(i: number): string {
  return `var(--lc-s${i % LIGHT.length})`
}

export function dash(i: number): string | undefined {
  return DASHES[i % DASHES.length] || undefined
}
