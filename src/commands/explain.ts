// `lint-config explain --balance N`: the sizing table of SPEC section 2 at one balance, as exact data and as text, Markdown and JSON.
import Fraction from 'fraction.js'
import { formatNumber, formatPercent, formatUsd, q, roundScaled } from '../model/decimal.js'
import { readSizingConfig, type ModeSetting, type Regime, type SizingMode } from '../model/sizing-config.js'
import {
  balanceAfterMove,
  exposureAt,
  formatIntervals,
  isOverrideLive,
  leverageOf,
  overrideLiveSet,
  selectProfile,
  sizeAt,
  symbolSize,
  type Interval,
} from '../model/sizing.js'
import { formatExcessDeviation, formatTolerance } from '../rules/stale-override.js'

/** One `symbol_profiles.<S>.<regime>.position.base_position_usd` override at the explained balance. */
export interface OverrideExplanation {
  readonly regime: Regime
  /** The override, USD notional. */
  readonly value: Fraction
  /** JSON pointer of the override's scalar. */
  readonly path: string
  /** The bot uses it at this balance: `|value - size| / size <= tolerance`. */
  readonly applies: boolean
  /** `|value - size| / size` as a ratio (0.656 = 65.6%); undefined when the size is not positive. */
  readonly deviation?: Fraction
  /** Tolerance ratio the test used (0.5 = 50%). */
  readonly tolerance: Fraction
  /** Every balance where the override is live (empty: never). */
  readonly live: readonly Interval[]
  /** `live` in words, amounts to the cent ("up to $700.00"; "no balance" when empty). */
  readonly liveText: string
}

/** One traded symbol at the explained balance. */
export interface SymbolExplanation {
  readonly symbol: string
  /** `position_multiplier`, 1 when absent. */
  readonly multiplier: Fraction
  /** Base size * multiplier, before any override. USD notional. */
  readonly size: Fraction
  /** In YAML order; only overrides with a usable number. */
  readonly overrides: readonly OverrideExplanation[]
}

/** One adverse price move of `move` (0.1 = 10%) against every open position. */
export interface MoveExplanation {
  readonly move: Fraction
  /** balance - notional * move, USD. */
  readonly balanceLeft: Fraction
  /** balanceLeft / balance; undefined at balance 0. */
  readonly share?: Fraction
}

/** Every symbol's position open at once. Amounts USD; a `share` is a ratio of the balance, undefined at balance 0. */
export interface ExposureExplanation {
  readonly positions: number
  readonly notional: Fraction
  readonly notionalShare?: Fraction
  /** notional / leverage; undefined when leverage <= 0. */
  readonly margin?: Fraction
  readonly marginShare?: Fraction
  /** balance - margin. */
  readonly reserve?: Fraction
  readonly reserveShare?: Fraction
  /** 10% and 20%, in that order. */
  readonly moves: readonly MoveExplanation[]
}

/** The sizing table at one balance. Exact Fractions throughout; only the renderers round. */
export interface Explanation {
  /** USD. */
  readonly balance: Fraction
  /** The profile the balance selects. */
  readonly profile: { readonly name: string; readonly mode: SizingMode; readonly path: string }
  /** The selected profile's base size, USD notional. */
  readonly baseSize: Fraction
  /** Percent profiles: `max_position_percent` (25 means 25% of the balance as margin). */
  readonly maxPositionPercent?: Fraction
  /** `scalping.leverage`, 1 when absent. */
  readonly leverage: Fraction
  /** Override tolerance ratio (0.5 = 50%). */
  readonly tolerance: Fraction
  /** `scalping.symbols`, or when that is absent or empty the symbols of `symbol_profiles`, in YAML order. */
  readonly symbols: readonly SymbolExplanation[]
  readonly exposure: ExposureExplanation
}

export interface ExplainOptions {
  /** Pins the sizing mode of every profile ('auto' detects it per profile). */
  sizingMode?: ModeSetting
  /** Override tolerance as a ratio (0.5 = 50%); default: the config's own, else 0.5. */
  tolerance?: Fraction | number
}

/** The adverse moves the table shows: 10% and 20% on every position (the seed report's safety check). */
export const ADVERSE_MOVES: readonly Fraction[] = Object.freeze([new Fraction(1, 10), new Fraction(1, 5)])

const toFraction = (x: Fraction | number): Fraction => (typeof x === 'number' ? q(x) : x)

/**
 * The sizing table for `data` (a config's `doc.toJS()`) at `balance` (USD, >= 0). Undefined when the balance
 * selects no profile that defines a size (no usable profiles). Never throws on odd config data.
 */
export function explain(data: unknown, balance: Fraction | number, options: ExplainOptions = {}): Explanation | undefined {
  const b = toFraction(balance)
  const cfg = readSizingConfig(data, { mode: options.sizingMode ?? 'auto' })
  const profile = selectProfile(cfg, b)
  const base = sizeAt(cfg, b)
  if (!profile || !base) return undefined
  const tol = options.tolerance !== undefined ? toFraction(options.tolerance) : cfg.tolerance.value
  const names = cfg.symbols.length > 0 ? cfg.symbols : cfg.symbolProfiles.map((s) => s.symbol)

  const symbols: SymbolExplanation[] = names.map((symbol) => {
    const view = cfg.symbolProfiles.find((s) => s.symbol === symbol)
    const size = symbolSize(cfg, symbol, b)!
    const overrides = (view?.overrides ?? []).map((o): OverrideExplanation => {
      const value = o.value.value
      const live = overrideLiveSet(cfg, symbol, value, tol)
      return {
        regime: o.regime,
        value,
        path: o.value.path,
        applies: isOverrideLive(value, size, tol),
        ...(size.gt(0) ? { deviation: value.sub(size).abs().div(size) } : {}),
        tolerance: tol,
        live,
        liveText: formatIntervals(live),
      }
    })
    return { symbol, multiplier: view?.multiplier ?? new Fraction(1), size, overrides }
  })

  // Every size is defined once the base size is, so the exposure is too.
  const exp = exposureAt(cfg, b, names)!
  const share = (x: Fraction | undefined): { share?: Fraction } => (x !== undefined && b.gt(0) ? { share: x.div(b) } : {})
  const exposure: ExposureExplanation = {
    positions: names.length,
    notional: exp.notional,
    ...(b.gt(0) ? { notionalShare: exp.notional.div(b) } : {}),
    ...(exp.margin ? { margin: exp.margin, ...(b.gt(0) ? { marginShare: exp.margin.div(b) } : {}) } : {}),
    ...(exp.reserve ? { reserve: exp.reserve, ...(b.gt(0) ? { reserveShare: exp.reserve.div(b) } : {}) } : {}),
    moves: ADVERSE_MOVES.map((move) => {
      const balanceLeft = balanceAfterMove(exp, move)
      return { move, balanceLeft, ...share(balanceLeft) }
    }),
  }

  return {
    balance: b,
    profile: { name: profile.name, mode: profile.mode, path: profile.path },
    baseSize: base,
    ...(profile.mode === 'percent' && profile.maxPositionPercent ? { maxPositionPercent: profile.maxPositionPercent.value } : {}),
    leverage: leverageOf(cfg),
    tolerance: tol,
    symbols,
    exposure,
  }
}

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
  return `${head} ignored: deviates ${deviationText(o)} (> ${tol}); ${where}`
}

function headline(e: Explanation): string {
  const percent = e.maxPositionPercent ? ` (${formatNumber(e.maxPositionPercent)}% of the balance as margin at ${formatNumber(e.leverage)}x)` : ''
  return `profile ${e.profile.name} (${e.profile.mode}), base size ${formatUsd(e.baseSize)}${percent}`
}

function shareText(x: Fraction | undefined): string {
  return x === undefined ? 'n/a' : formatPercent(x)
}

function movePercent(move: Fraction): string {
  return formatTolerance(move)
}

function openLine(e: Explanation): string {
  const n = e.exposure.positions
  const which = n === 0 ? 'no position (no symbols)' : n === 1 ? 'the 1 position' : n === 2 ? 'both positions' : `all ${n} positions`
  return `With ${which} open at ${formatNumber(e.leverage)}x leverage:`
}

/** [label, amount, share] rows of the exposure block. */
function exposureRows(e: Explanation): [string, string, string][] {
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
export function renderExplainText(list: readonly Explanation[]): string {
  return list.map(textBlock).join('\n')
}

function textBlock(e: Explanation): string {
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
  return lines.join('\n') + '\n'
}

// ---------------------------------------------------------------------------------------------
// Markdown

/** Config text inside a GitHub-flavoured table: no pipes breaking cells, no raw HTML. */
function md(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|')
}

/** GitHub-flavoured Markdown (the Actions job summary): a `###` heading and two tables per explanation. */
export function renderExplainMarkdown(list: readonly Explanation[]): string {
  return list.map(markdownBlock).join('\n')
}

function markdownBlock(e: Explanation): string {
  const percent = e.maxPositionPercent ? ` (${formatNumber(e.maxPositionPercent)}% of the balance as margin at ${formatNumber(e.leverage)}x)` : ''
  const lines: string[] = [
    `### Balance ${formatUsd(e.balance)} — profile ${md(e.profile.name)} (${e.profile.mode})`,
    '',
    `Base size ${formatUsd(e.baseSize)}${percent}.`,
    '',
    '| Symbol | Multiplier | Size | Overrides |',
    '| --- | ---: | ---: | --- |',
  ]
  for (const s of e.symbols) {
    // Override texts hold only numbers and fixed regime names; names from the config are escaped.
    const overrides = s.overrides.length > 0 ? s.overrides.map(overrideText).join('<br>') : 'none'
    lines.push(`| ${md(s.symbol)} | ${formatMultiplier(s.multiplier)} | ${formatUsd(s.size)} | ${overrides} |`)
  }
  lines.push('', openLine(e), '', '| | Amount | % of balance |', '| --- | ---: | ---: |')
  for (const [label, money, share] of exposureRows(e)) lines.push(`| ${label} | ${money} | ${share} |`)
  for (const m of e.exposure.moves) {
    lines.push(`| Left after a ${movePercent(m.move)} adverse move on every position | ${formatUsd(m.balanceLeft)} | ${shareText(m.share)} |`)
  }
  return lines.join('\n') + '\n'
}

// ---------------------------------------------------------------------------------------------
// JSON

/**
 * Exact decimal text of a rational: "101.8", "-5", "0.65625"; a non-terminating value as "n/d" ("1900/3").
 * Never rounded, so a consumer can recompute what the table shows.
 */
export function exactText(x: Fraction): string {
  let d = x.d
  let twos = 0
  let fives = 0
  while (d % 2n === 0n) {
    d /= 2n
    twos++
  }
  while (d % 5n === 0n) {
    d /= 5n
    fives++
  }
  const sign = x.s < 0n ? '-' : ''
  if (d !== 1n) return `${sign}${x.n}/${x.d}`
  const digits = Math.max(twos, fives)
  const scaled = ((x.n * 10n ** BigInt(digits)) / x.d).toString().padStart(digits + 1, '0')
  if (digits === 0) return `${sign}${scaled}`
  return `${sign}${scaled.slice(0, -digits)}.${scaled.slice(-digits)}`.replace(/\.?0+$/, '')
}

/** Money rounded to the cent, as a JSON number. */
function cents(x: Fraction): number {
  return Number(roundScaled(x, 2)) / 100
}

/** A ratio as a percentage rounded to 0.1, as a JSON number (0.47 -> 47). */
function tenths(x: Fraction): number {
  return Number(roundScaled(x.mul(100), 1)) / 10
}

function money(x: Fraction | undefined): { usd: number; exact: string } | null {
  return x === undefined ? null : { usd: cents(x), exact: exactText(x) }
}

function percentOrNull(x: Fraction | undefined): number | null {
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
 *                             live: [{ from: {usd, exact}, fromInclusive, to: {usd, exact} | null, toInclusive }],
 *                             liveText }] }],
 *   exposure: { positions, notional: {usd, exact}, notionalPercent,
 *               margin: {usd, exact} | null, marginPercent, reserve: {usd, exact} | null, reservePercent,
 *               adverseMoves: [{ movePercent, balanceLeft: {usd, exact}, percentOfBalance }] } }
 * ```
 * Pretty-printed with two spaces, ending with a newline.
 */
export function renderExplainJson(list: readonly Explanation[]): string {
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
  }))
  return `${JSON.stringify(out, null, 2)}\n`
}
