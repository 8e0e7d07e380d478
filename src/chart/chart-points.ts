// Point charts (Mermaid's xychart): a ChartData's sizes at the balances where the ladder changes, as data; a review overlays base and head.
import type Fraction from 'fraction.js'
import { plAt, plLimitAbove, type Pl } from '../model/pl.js'
import { pieceEnds, type ChartData } from './chart-data.js'

/** One x position of a point chart: the size at `balance` (USD), or, right after a jump, its limit just above it. */
export interface ChartBalance {
  readonly balance: Fraction
  readonly side: 'at' | 'above'
  /** A reference balance (settings `balances`, `--balance`). */
  readonly reference: boolean
}

/**
 * Sizes (USD notional) of named series at shared balances: what a point chart such as Mermaid's xychart draws.
 * `sizes[i]` is the size at `balances[i]`, undefined where the series defines none.
 */
export interface SizingChart {
  /** What the lines are, as a chart title ("Designed per-symbol size against balance"). */
  readonly title: string
  readonly balances: readonly ChartBalance[]
  readonly series: readonly SizingChartSeries[]
}

/** One line of a point chart: `name` is what the legend says ("BTC-USDT", "BTC-USDT (base)"). */
export interface SizingChartSeries {
  readonly name: string
  readonly symbol: string
  /** Set on the two versions of a review overlay. */
  readonly version?: 'base' | 'head'
  /** USD notional, one per balance of the chart. */
  readonly sizes: readonly (Fraction | undefined)[]
}

/** The functions a chart's series draw, named: the symbol for a line, "<symbol> lowest/highest" for a band. */
interface Named {
  symbol: string
  name: string
  version?: 'base' | 'head'
  f: Pl
}

function namedFunctions(chart: ChartData, version?: 'base' | 'head'): Named[] {
  const suffix = version ? ` (${version})` : ''
  const tag = version ? { version } : {}
  return chart.series.flatMap(({ symbol, line, band }) => [
    ...(line ? [{ symbol, name: `${symbol}${suffix}`, ...tag, f: line }] : []),
    ...(band
      ? [
          { symbol, name: `${symbol} lowest${suffix}`, ...tag, f: band.lowest },
          { symbol, name: `${symbol} highest${suffix}`, ...tag, f: band.highest },
        ]
      : []),
  ])
}

/** Profile edges, piece ends and reference balances of a chart: where a point chart needs a point. */
function keyBalances(chart: ChartData): Fraction[] {
  return [
    ...chart.profiles.flatMap((p) => pieceEnds([p.region])),
    ...chart.series.flatMap((s) => [...(s.line ? pieceEnds(s.line) : []), ...(s.band ? [...pieceEnds(s.band.lowest), ...pieceEnds(s.band.highest)] : [])]),
    ...chart.references.map((r) => r.balance),
  ]
}

function pointsOf(title: string, named: readonly Named[], balances: readonly Fraction[], references: readonly Fraction[]): SizingChart {
  const unique = [...new Map(balances.map((b) => [b.toFraction(), b])).values()].sort((a, b) => a.compare(b))
  const isRef = (b: Fraction): boolean => references.some((r) => r.equals(b))
  const xs: ChartBalance[] = []
  for (const balance of unique) {
    xs.push({ balance, side: 'at', reference: isRef(balance) })
    const jumps = named.some(({ f }) => {
      const at = plAt(f, balance)
      const above = plLimitAbove(f, balance)
      return at === undefined ? above !== undefined : above === undefined || !above.equals(at)
    })
    if (jumps) xs.push({ balance, side: 'above', reference: false })
  }
  const sizeAt = (f: Pl, x: ChartBalance): Fraction | undefined => (x.side === 'at' ? plAt(f, x.balance) : plLimitAbove(f, x.balance))
  return { title, balances: xs, series: named.map(({ f, ...rest }) => ({ ...rest, sizes: xs.map((x) => sizeAt(f, x)) })) }
}

/**
 * The chart's series at its profile boundaries, piece ends (ramp starts and ends) and reference balances, ascending;
 * where some series jumps, a second point just above the balance. Values straight from the chart's exact functions.
 */
export function sizingChartPoints(chart: ChartData): SizingChart {
  return pointsOf(chart.pointTitle, namedFunctions(chart), keyBalances(chart), chart.references.map((r) => r.balance))
}

/**
 * Base and head on one point chart (the review of a config change): every series twice, "<name> (base)" then
 * "<name> (head)", at the key balances of both versions.
 */
export function overlaySizingChart(base: ChartData, head: ChartData): SizingChart {
  const b = namedFunctions(base, 'base')
  const h = namedFunctions(head, 'head')
  const names = [...new Set([...base.series, ...head.series].map((s) => s.symbol))]
  const named = names.flatMap((symbol) => [...b, ...h].filter((n) => n.symbol === symbol))
  const refs = [...base.references, ...head.references].map((r) => r.balance)
  return pointsOf(`${head.pointTitle}: base and head`, named, [...keyBalances(base), ...keyBalances(head)], refs)
}
