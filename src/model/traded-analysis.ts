// Questions the rules ask of the traded curves: where nothing trades, where a cap pins a whole profile, how the size moves at a balance.
import type Fraction from 'fraction.js'
import { mergeIntervals, type Interval } from './interval.js'
import { isNoTrade, LABEL, noTradePath, noTradeReason, selectionRegions, type PipelineContext } from './pipeline.js'
import { plAt, plLimitAbove, plLimitBelow, plRestrict, pieceAt } from './pl.js'
import type { Regime } from './sizing-config.js'
import { tradedCurve } from './traded.js'

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
