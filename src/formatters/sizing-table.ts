// Renderers of sizing tables (model/sizing-table.ts): plain text for `explain`, Markdown for `explain` and the job summary, JSON.
import type Fraction from 'fraction.js'
import { exactText, formatExcessDeviation, formatNumber, formatPercent, formatTolerance, formatUsd, roundScaled } from '../model/decimal.js'
import type { OverrideExplanation, SizingTable } from '../model/sizing-table.js'
import { escapeMarkdown } from '../text/escape-markdown.js'
import { tradedJson, tradedMarkdown, tradedText } from './traded-table.js'

// ---------------------------------------------------------------------------------------------
// Words shared by the renderers

/** 1.2 -> "1.2x", 1 -> "1.0x", 1.25 -> "1.25x": at least one decimal. */
export function formatMultiplier(m: Fraction): string {
  const text = formatNumber(m)
  return `${text.includes('.') ? text : `${text}.0`}x`
}

/** `|o - s| / s` for text: one decimal, more only when one decimal would print the tolerance of an ignored override. */
function deviationText(o: OverrideExplanation): string {
  if (!o.deviation) return 'without bound'
  return o.applies ? formatPercent(o.deviation) : formatExcessDeviation(o.deviation, o.tolerance)
}

/** "trending $42.00 ignored: deviates 65.6% (> 50%); live only for balances up to $700.00". */
function overrideText(o: OverrideExplanation): string {
  const head = `${o.regime} ${formatUsd(o.value)}`
  const tol = formatTolerance(o.tolerance)
  if (o.applies) return `${head} applies: deviates ${deviationText(o)} (<= ${tol})`
  const where = o.live.length === 0 ? 'never live at any balance' : `live only for balances ${o.liveText}`
  if (o.noTrade !== undefined) return `${head} not used: no trade here (${o.noTrade}); ${where}`
  // The asymmetric rule (risk-manager and percent eras) never lowers the size: say so where that is why.
  if (o.rule === 'asymmetric' && o.comparedWith && o.value.lt(o.comparedWith)) {
    return `${head} ignored: below the size ${formatUsd(o.comparedWith)} (an override may only raise it); ${where}`
  }
  return `${head} ignored: deviates ${deviationText(o)} (> ${tol}); ${where}`
}

function headline(e: SizingTable): string {
  const percent = e.maxPositionPercent ? ` (${formatNumber(e.maxPositionPercent)}% of the balance as margin at ${formatNumber(e.leverage)}x)` : ''
  return `profile ${e.profile.name} (${e.profile.mode}), base size ${formatUsd(e.baseSize)}${percent}`
}

function shareText(x: Fraction | undefined): string {
  return x === undefined ? 'n/a' : formatPercent(x)
}

function movePercent(move: Fraction): string {
  return formatTolerance(move)
}

function openLine(e: SizingTable): string {
  const n = e.exposure.positions
  const which = n === 0 ? 'no position (no symbols)' : n === 1 ? 'the 1 position' : n === 2 ? 'both positions' : `all ${n} positions`
  return `With ${which} open at ${formatNumber(e.leverage)}x leverage:`
}

/** [label, amount, share] rows of the exposure block. */
function exposureRows(e: SizingTable): [string, string, string][] {
  const x = e.exposure
  const money = (v: Fraction | undefined): string => (v === undefined ? 'n/a' : formatUsd(v))
  return [
    ['Total notional', money(x.notional), shareText(x.notionalShare)],
    ['Margin', money(x.margin), shareText(x.marginShare)],
    ['Reserve', money(x.reserve), shareText(x.reserveShare)],
  ]
}

// ---------------------------------------------------------------------------------------------
// Text

/** Plain-text tables, one block per explanation, separated by a blank line; ends with a newline. */
export function renderSizingText(list: readonly SizingTable[]): string {
  return list.map(textBlock).join('\n')
}

function textBlock(e: SizingTable): string {
  const lines: string[] = [`Balance ${formatUsd(e.balance)}: ${headline(e)}`, '']
  const rows = e.symbols.map((s) => ({
    cells: [s.symbol, formatMultiplier(s.multiplier), formatUsd(s.size)],
    overrides: s.overrides.length > 0 ? s.overrides.map(overrideText) : ['none'],
  }))
  const header = ['Symbol', 'Multiplier', 'Size']
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r.cells[i]!.length)) + 2)
  const indent = ' '.repeat(widths.reduce((a, w) => a + w, 0))
  lines.push(header.map((h, i) => h.padEnd(widths[i]!)).join('') + 'Overrides')
  for (const row of rows) {
    const [first, ...rest] = row.overrides
    lines.push(row.cells.map((c, i) => c.padEnd(widths[i]!)).join('') + first)
    for (const more of rest) lines.push(indent + more)
  }
  lines.push('', openLine(e))
  const block = exposureRows(e)
  const labelWidth = Math.max(...block.map((r) => r[0].length)) + 2
  const moneyWidth = Math.max(...block.map((r) => r[1].length))
  const shareWidth = Math.max(...block.map((r) => r[2].length))
  for (const [label, money, share] of block) {
    // At balance 0 there is no share to print; the amount alone stays.
    const tail = share === 'n/a' ? '' : `  ${share.padStart(shareWidth)} of balance`
    lines.push(`  ${label.padEnd(labelWidth)}${tail ? money.padEnd(moneyWidth) : money}${tail}`)
  }
  for (const m of e.exposure.moves) {
    const share = m.share ? ` (${formatPercent(m.share)} of balance)` : ''
    lines.push(`  A ${movePercent(m.move)} adverse move on every position leaves ${formatUsd(m.balanceLeft)}${share}`)
  }
  lines.push('', ...tradedText(e.traded))
  return lines.join('\n') + '\n'
}

// ---------------------------------------------------------------------------------------------
// Markdown


/** GitHub-flavoured Markdown (the Actions job summary): a `###` heading and two tables per explanation. */
export function renderSizingMarkdown(list: readonly SizingTable[]): string {
  return list.map(markdownBlock).join('\n')
}

function markdownBlock(e: SizingTable): string {
  const percent = e.maxPositionPercent ? ` (${formatNumber(e.maxPositionPercent)}% of the balance as margin at ${formatNumber(e.leverage)}x)` : ''
  const lines: string[] = [
    `### Balance ${formatUsd(e.balance)} — profile ${escapeMarkdown(e.profile.name)} (${e.profile.mode})`,
    '',
    `Base size ${formatUsd(e.baseSize)}${percent}.`,
    '',
    '| Symbol | Multiplier | Size | Overrides |',
    '| --- | ---: | ---: | --- |',
  ]
  for (const s of e.symbols) {
    // Override texts hold only numbers and fixed regime names; names from the config are escaped.
    const overrides = s.overrides.length > 0 ? s.overrides.map(overrideText).join('<br>') : 'none'
    lines.push(`| ${escapeMarkdown(s.symbol)} | ${formatMultiplier(s.multiplier)} | ${formatUsd(s.size)} | ${overrides} |`)
  }
  lines.push('', openLine(e), '', '| | Amount | % of balance |', '| --- | ---: | ---: |')
  for (const [label, money, share] of exposureRows(e)) lines.push(`| ${label} | ${money} | ${share} |`)
  for (const m of e.exposure.moves) {
    lines.push(`| Left after a ${movePercent(m.move)} adverse move on every position | ${formatUsd(m.balanceLeft)} | ${shareText(m.share)} |`)
  }
  lines.push('', ...tradedMarkdown(e.traded))
  return lines.join('\n') + '\n'
}

// ---------------------------------------------------------------------------------------------
// JSON

/** Money rounded to the cent, as a JSON number. */
function cents(x: Fraction): number {
  return Number(roundScaled(x, 2)) / 100
}

/** A ratio as a percentage rounded to 0.1, as a JSON number (0.47 -> 47). */
function tenths(x: Fraction): number {
  return Number(roundScaled(x.mul(100), 1)) / 10
}

/** Money as the JSON renderings show it: `{usd, exact}` (`usd` rounded to the cent, `exact` exact text or "n/d"), null when absent. */
export function money(x: Fraction | undefined): { usd: number; exact: string } | null {
  return x === undefined ? null : { usd: cents(x), exact: exactText(x) }
}

/** A ratio as a JSON percentage rounded to 0.1 (0.47 -> 47), null when absent. */
export function percentOrNull(x: Fraction | undefined): number | null {
  return x === undefined ? null : tenths(x)
}

/**
 * JSON: an array with one object per explanation, fields in this order (all amounts USD; a money value is
 * `{usd, exact}`: `usd` rounded to the cent, `exact` the exact decimal text or "n/d"; a `...Percent` is a
 * percentage rounded to 0.1, or null where the balance is 0):
 *
 * ```
 * { balance: {usd, exact},
 *   profile: {name, mode, path}, baseSize: {usd, exact}, maxPositionPercent: number | null,
 *   leverage: exact text, tolerancePercent: number (50 = 50%),
 *   symbols: [{ symbol, multiplier: exact text, size: {usd, exact},
 *               overrides: [{ regime, value: {usd, exact}, path, applies,
 *                             deviationPercent: number | null, deviationExact: string | null,
 *                             rule: 'symmetric' | 'asymmetric', comparedWith: {usd, exact} | null,
 *                             noTrade: string | null (why the bot never compares it here),
 *                             live: [{ from: {usd, exact}, fromInclusive, to: {usd, exact} | null, toInclusive }],
 *                             liveText }] }],
 *   exposure: { positions, notional: {usd, exact}, notionalPercent,
 *               margin: {usd, exact} | null, marginPercent, reserve: {usd, exact} | null, reservePercent,
 *               adverseMoves: [{ movePercent, balanceLeft: {usd, exact}, percentOfBalance }] } }
 * ```
 * Pretty-printed with two spaces, ending with a newline.
 */
export function renderSizingJson(list: readonly SizingTable[]): string {
  const out = list.map((e) => ({
    balance: money(e.balance),
    profile: { name: e.profile.name, mode: e.profile.mode, path: e.profile.path },
    baseSize: money(e.baseSize),
    maxPositionPercent: e.maxPositionPercent ? e.maxPositionPercent.valueOf() : null,
    leverage: exactText(e.leverage),
    tolerancePercent: e.tolerance.mul(100).valueOf(),
    symbols: e.symbols.map((s) => ({
      symbol: s.symbol,
      multiplier: exactText(s.multiplier),
      size: money(s.size),
      overrides: s.overrides.map((o) => ({
        regime: o.regime,
        value: money(o.value),
        path: o.path,
        applies: o.applies,
        deviationPercent: percentOrNull(o.deviation),
        deviationExact: o.deviation ? exactText(o.deviation) : null,
        rule: o.rule,
        comparedWith: o.comparedWith ? money(o.comparedWith) : null,
        noTrade: o.noTrade ?? null,
        live: o.live.map((iv) => ({ from: money(iv.lo), fromInclusive: iv.loClosed, to: iv.hi === null ? null : money(iv.hi), toInclusive: iv.hiClosed })),
        liveText: o.liveText,
      })),
    })),
    exposure: {
      positions: e.exposure.positions,
      notional: money(e.exposure.notional),
      notionalPercent: percentOrNull(e.exposure.notionalShare),
      margin: money(e.exposure.margin),
      marginPercent: percentOrNull(e.exposure.marginShare),
      reserve: money(e.exposure.reserve),
      reservePercent: percentOrNull(e.exposure.reserveShare),
      adverseMoves: e.exposure.moves.map((m) => ({
        movePercent: m.move.mul(100).valueOf(),
        balanceLeft: money(m.balanceLeft),
        percentOfBalance: percentOrNull(m.share),
      })),
    },
    traded: tradedJson(e.traded),
  }))
  return `${JSON.stringify(out, null, 2)}\n`
}
