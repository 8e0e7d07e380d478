// Questions the rules ask of the traded curves: where nothing trades, where a cap pins a whole profile, how the size moves at a balance.
import Fraction from 'fraction.js'
import { ONE } from './decimal.js'
import { mergeIntervals, type Interval, type Span } from './interval.js'
import { isNoTrade, LABEL, noTradePath, noTradeReason, selectionRegions, type PipelineContext } from './pipeline.js'
import { plAt, plLimitAbove, plLimitBelow, plPreimage, plRestrict, pieceAt, type Pl } from './pl.js'
import type { Regime } from './sizing-config.js'
import { stepCurve, tradedCurve } from './traded.js'

/** Balances where the bot trades nothing for one symbol and regime (reference market), by reason. */
export interface NoTradeStretch {
  readonly reason: string
  /** The pointer of the key the reason is about ('' when none). */
  readonly path: string
  readonly intervals: readonly Interval[]
}

/** Every stretch of balances where the traded curve is "no trade", grouped by reason, within `from` and above. */
export function noTradeStretches(ctx: PipelineContext, symbol: string, regime: Regime, from: Interval): NoTradeStretch[] {
  const byReason = new Map<string, { path: string; parts: Interval[] }>()
  for (const p of plRestrict(tradedCurve(ctx, symbol, regime), from)) {
    if (!isNoTrade(p.label)) continue
    const reason = noTradeReason(p.label!)
    const entry = byReason.get(reason) ?? { path: noTradePath(p.label!), parts: [] }
    entry.parts.push(p.interval)
    byReason.set(reason, entry)
  }
  return [...byReason].map(([reason, { path, parts }]) => ({ reason, path, intervals: mergeIntervals(parts) }))
}

/** A profile over all of whose balances one cap fixes the traded size (reference market). */
export interface PinnedProfile {
  readonly profile: string
  /** The balances that select the profile. */
  readonly interval: Interval
  /** The traded notional there (USD): the cap, or 0.95 x the cap. */
  readonly value: Fraction
  readonly label: string
}

const CAP_LABELS: ReadonlySet<string> = new Set([LABEL.cap, LABEL.capHaircut, LABEL.volatilityCap])

/** The profiles where a cap pins the traded size of one symbol and regime at every balance the profile is selected. */
export function pinnedProfiles(ctx: PipelineContext, symbol: string, regime: Regime): PinnedProfile[] {
  const curve = tradedCurve(ctx, symbol, regime)
  const out: PinnedProfile[] = []
  for (const region of selectionRegions(ctx.bot.profiles, 'raw', false, { lo: null, loClosed: false, hi: null, hiClosed: false })) {
    const pieces = plRestrict(curve, region.interval)
    if (pieces.length === 0) continue
    const first = pieces[0]!
    const value = pieceAt(first, first.interval.lo)
    if (value === undefined) continue
    const pinned = pieces.every((p) => p.label !== undefined && CAP_LABELS.has(p.label) && p.slope?.equals(0) && p.intercept!.equals(value))
    if (pinned && value.gt(0)) out.push({ profile: region.profile.name, interval: region.interval, value, label: first.label! })
  }
  return out
}

/** The traded notional of one symbol and regime around balance `b`: just below, at, and just above it. */
export interface TradedStep {
  readonly before?: Fraction
  readonly at?: Fraction
  readonly after?: Fraction
}

export function tradedStepAt(ctx: PipelineContext, symbol: string, regime: Regime, b: Fraction): TradedStep {
  const curve = tradedCurve(ctx, symbol, regime)
  const before = plLimitBelow(curve, b)
  const at = plAt(curve, b)
  const after = plLimitAbove(curve, b)
  return { ...(before ? { before } : {}), ...(at ? { at } : {}), ...(after ? { after } : {}) }
}

/** Whether the traded size of any traded symbol in any regime changes at `b` (a jump or a drop): what a ladder finding costs. */
export function tradedMovesAt(ctx: PipelineContext, b: Fraction, symbols: readonly string[], regimes: readonly Regime[], direction: 'drop' | 'jump'): boolean {
  for (const symbol of symbols) {
    for (const regime of regimes) {
      const { before, at, after } = tradedStepAt(ctx, symbol, regime, b)
      const values = [before, at, after].filter((v): v is Fraction => v !== undefined)
      for (let i = 1; i < values.length; i++) {
        const c = values[i]!.compare(values[i - 1]!)
        if (direction === 'drop' ? c < 0 : c !== 0) return true
      }
    }
  }
  return false
}

/** The balances at and above `from`. */
export function fromBalance(from: Fraction): Interval {
  return Object.freeze({ lo: from, loClosed: true, hi: null, hiClosed: false })
}

/** The bot's literal override tolerance (its code never reads a key for it). */
export const BOT_TOLERANCE = new Fraction(1, 2)

/** The sizes where override `o` is live under the era's rule: [o / (1 + tol), o / (1 - tol)] (symmetric), [o / (1 + tol), o] (asymmetric). */
export function liveSizes(o: Fraction, tol: Fraction, rule: 'symmetric' | 'asymmetric'): Span {
  const lo = o.div(ONE.add(tol))
  const hi = rule === 'asymmetric' ? o : tol.lt(1) ? o.div(ONE.sub(tol)) : null
  return { lo, loClosed: true, hi, hiClosed: hi !== null }
}

/** Whether the era's rule uses override `o` at size `s` (symmetric: |o - s| <= tol s; asymmetric: also o >= s). */
export function isLiveUnder(o: Fraction, s: Fraction, tol: Fraction, rule: 'symmetric' | 'asymmetric'): boolean {
  if (!s.gt(0)) return false
  if (rule === 'asymmetric' && o.lt(s)) return false
  return !o.sub(s).abs().gt(tol.mul(s))
}

/** An override as the bot's code sees it: the size it is compared with (reference market) and where it is live. */
export interface OverrideView {
  /** The size after the symbol's multiplier, over every balance: what the override is compared with. */
  readonly sized: Pl
  /** The balances where the bot uses the override. */
  readonly live: readonly Interval[]
}

export function overrideView(ctx: PipelineContext, symbol: string, regime: Regime, o: Fraction, tol: Fraction = BOT_TOLERANCE): OverrideView {
  const sized = stepCurve(ctx, symbol, regime, 'position_multiplier')
  return { sized, live: plPreimage(sized, liveSizes(o, tol, ctx.sem.override)) }
}
