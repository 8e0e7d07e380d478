// Renderers of the traded side of a sizing table (model/traded-table.ts): what the bot's code trades, as text, Markdown and JSON.
import type Fraction from 'fraction.js'
import { exactText, formatNumber, formatPercent, formatTolerance, formatUsd, roundScaled } from '../model/decimal.js'
import type { TradedPoint } from '../model/traded.js'
import type { TradedCell, TradedExposure, TradedTable } from '../model/traded-table.js'
import { escapeMarkdown } from '../text/escape-markdown.js'

/** "percent code (f2f4e90), chosen because every balance profile is percent-shaped ...". */
export function eraLine(t: TradedTable): string {
  return `What the bot trades (the ${t.era.id} code, ${t.era.commit}; ${t.era.how === 'auto' ? 'auto: ' : ''}${t.era.reason})`
}

function binding(p: TradedPoint): string {
  return p.noTrade ? `no trade: ${p.noTrade}` : p.binding
}

function rangeText(c: TradedCell): string {
  if (!c.range) return ''
  const { lo, hi } = c.range
  return lo.notional.equals(hi.notional) ? formatUsd(lo.notional) : `${formatUsd(lo.notional)} .. ${formatUsd(hi.notional)}`
}

function share(x: Fraction | undefined): string {
  return x === undefined ? 'n/a' : formatPercent(x)
}

/** The traded block as plain text: a row per symbol and regime, then the account per regime. */
export function tradedText(t: TradedTable): string[] {
  const withRanges = t.rows.some((r) => r.cells.some((c) => c.range))
  const header = ['Symbol', 'Regime', 'Traded', 'Leverage', 'Profile', 'Binding', ...(withRanges ? ['Range'] : [])]
  const body = t.rows.flatMap((r) =>
    r.cells.map((c, i) => [
      i === 0 ? r.symbol : '',
      c.regime,
      formatUsd(c.reference.notional),
      `${formatNumber(c.reference.leverage)}x`,
      c.reference.profile,
      binding(c.reference),
      ...(withRanges ? [rangeText(c)] : []),
    ]),
  )
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)) + 2)
  const line = (cells: readonly string[]): string => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('').trimEnd()
  const lines = [eraLine(t), `at ${t.reference}:`, '', line(header), ...body.map(line)]
  const ends = t.rows.flatMap((r) =>
    r.cells.flatMap((c) =>
      c.range && !c.range.lo.notional.equals(c.range.hi.notional) ? [`  ${r.symbol} ${c.regime}: lowest with ${c.range.loWhy}; highest with ${c.range.hiWhy}`] : [],
    ),
  )
  if (ends.length > 0) lines.push('', 'The range is exact over every signal strength, conflict, ATR and hysteresis state; its ends come from:', ...ends)
  lines.push('', 'With the allowed positions open, the largest first:')
  const ex = t.exposure.map((x) => [x.regime, `${x.open.length} of ${x.allowed} allowed`, `${formatUsd(x.notional)} (${share(x.notionalShare)})`, `${formatUsd(x.margin)} (${share(x.marginShare)})`, `${formatUsd(x.reserve)} (${share(x.reserveShare)})`, moves(x)])
  const exHeader = ['Regime', 'Positions', 'Notional', 'Margin', 'Reserve', 'After a 10% / 20% adverse move']
  const exWidths = exHeader.map((h, i) => Math.max(h.length, ...ex.map((row) => row[i]!.length)) + 2)
  const exLine = (cells: readonly string[]): string => `  ${cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(exWidths[i]!))).join('').trimEnd()}`
  lines.push(exLine(exHeader), ...ex.map(exLine))
  return lines
}

function moves(x: TradedExposure): string {
  return x.moves.map((m) => `${formatUsd(m.balanceLeft)} (${share(m.share)})`).join(' / ')
}

/** The traded block as GitHub-flavoured Markdown tables. */
export function tradedMarkdown(t: TradedTable): string[] {
  const withRanges = t.rows.some((r) => r.cells.some((c) => c.range))
  const lines = [
    `${escapeMarkdown(eraLine(t))}, at ${escapeMarkdown(t.reference)}:`,
    '',
    `| Symbol | Regime | Traded | Leverage | Profile | Binding |${withRanges ? ' Range |' : ''}`,
    `| --- | --- | ---: | ---: | --- | --- |${withRanges ? ' ---: |' : ''}`,
  ]
  for (const r of t.rows) {
    for (const c of r.cells) {
      const cells = [
        escapeMarkdown(r.symbol),
        c.regime,
        formatUsd(c.reference.notional),
        `${formatNumber(c.reference.leverage)}x`,
        escapeMarkdown(c.reference.profile),
        escapeMarkdown(binding(c.reference)),
      ]
      if (withRanges) cells.push(rangeText(c))
      lines.push(`| ${cells.join(' | ')} |`)
    }
  }
  lines.push('', '| Regime | Positions | Notional | Margin | Reserve | After a 10% / 20% adverse move |', '| --- | ---: | ---: | ---: | ---: | ---: |')
  for (const x of t.exposure) {
    lines.push(`| ${x.regime} | ${x.open.length} of ${x.allowed} | ${formatUsd(x.notional)} (${share(x.notionalShare)}) | ${formatUsd(x.margin)} (${share(x.marginShare)}) | ${formatUsd(x.reserve)} (${share(x.reserveShare)}) | ${moves(x)} |`)
  }
  return lines
}

function money(x: Fraction): { usd: number; exact: string } {
  return { usd: Number(roundScaled(x, 2)) / 100, exact: exactText(x) }
}

function percent(x: Fraction | undefined): number | null {
  return x === undefined ? null : Number(roundScaled(x.mul(100), 1)) / 10
}

function pointJson(p: TradedPoint): Record<string, unknown> {
  return {
    notional: money(p.notional),
    margin: money(p.margin),
    leverage: exactText(p.leverage),
    profile: p.profile,
    binding: p.binding,
    noTrade: p.noTrade ?? null,
  }
}

/**
 * The traded block as JSON: `{ era: {id, commit, how, reason}, reference, symbols: [{symbol, regimes: [{regime,
 * reference: {notional, margin, leverage, profile, binding, noTrade}, range: {lo, loWhy, hi, hiWhy} | null}]}],
 * exposure: [{regime, allowed, open, notional, notionalPercent, margin, marginPercent, reserve, reservePercent,
 * adverseMoves: [{movePercent, balanceLeft, percentOfBalance}]}] }`; money as `{usd, exact}`.
 */
export function tradedJson(t: TradedTable): Record<string, unknown> {
  return {
    era: t.era,
    reference: t.reference,
    symbols: t.rows.map((r) => ({
      symbol: r.symbol,
      regimes: r.cells.map((c) => ({
        regime: c.regime,
        reference: pointJson(c.reference),
        range: c.range ? { lo: pointJson(c.range.lo), loWhy: c.range.loWhy, hi: pointJson(c.range.hi), hiWhy: c.range.hiWhy } : null,
      })),
    })),
    exposure: t.exposure.map((x) => ({
      regime: x.regime,
      allowed: x.allowed,
      open: x.open,
      notional: money(x.notional),
      notionalPercent: percent(x.notionalShare),
      margin: money(x.margin),
      marginPercent: percent(x.marginShare),
      reserve: money(x.reserve),
      reservePercent: percent(x.reserveShare),
      adverseMoves: x.moves.map((m) => ({
        movePercent: Number(formatTolerance(m.move).replace('%', '')),
        balanceLeft: money(m.balanceLeft),
        percentOfBalance: percent(m.share),
      })),
    })),
  }
}
