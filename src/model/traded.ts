// What the bot trades: one symbol and regime at a balance (the reference market, or the exact range over every market state), and over all balances.
import Fraction from 'fraction.js'
import { q } from './decimal.js'
import type { BotProfile } from './bot-config.js'
import type { Interval } from './interval.js'
import {
  ATR_STATES,
  dynamicCapAtrFactor,
  leverageCategory,
  leverageRegimeFactor,
  REFERENCE_MARKET,
  strengthCategory,
  volatilityMultiplier,
  type AtrState,
  type MarketState,
  type StrengthThresholds,
} from './market.js'
import {
  isNoTrade,
  leverageTableOf,
  noTradePath,
  noTradeReason,
  riskOf,
  selectionRegions,
  tradedPl,
  type PipelineContext,
  type Run,
  type RunPart,
  type TraceStep,
} from './pipeline.js'
import { pieceContaining, plAt, type Pl } from './pl.js'
import type { Regime } from './sizing-config.js'

/** The traded position for one symbol and regime at one balance. Amounts USD; `notional` is 0 when nothing trades. */
export interface TradedPoint {
  readonly balance: Fraction
  readonly notional: Fraction
  /** notional / leverage. */
  readonly margin: Fraction
  readonly leverage: Fraction
  /** The profile the pipeline sized with. */
  readonly profile: string
  /** What decided the value: a step's label (`cap x 0.95`, `risk-based sizing`...) or `designed size`. */
  readonly binding: string
  /** The bot's reason for trading nothing, when it trades nothing. */
  readonly noTrade?: string
  /** The pointer of the key that reason is about. */
  readonly noTradePath?: string
  readonly market: MarketState
}

const WHOLE_AXIS: Interval = Object.freeze({ lo: new Fraction(0), loClosed: true, hi: null, hiClosed: false })

function point(b: Fraction): Interval {
  return { lo: b, loClosed: true, hi: b, hiClosed: true }
}

/** The traded position at balance `b`; with `trace`, every step's value there. */
export function tradedAt(
  ctx: PipelineContext,
  symbol: string,
  regime: Regime,
  b: Fraction,
  market: MarketState = REFERENCE_MARKET,
  options: { override?: Run['override']; trace?: TraceStep[] } = {},
): TradedPoint {
  const parts: RunPart[] = []
  const run: Run = { ctx, symbol, regime, market, ...(options.override ? { override: options.override } : {}) }
  const pl = tradedPl(run, point(b), options.trace, parts)
  const piece = pieceContaining(pl, b)
  const part = parts[0]
  const notional = piece ? plAt(pl, b)! : new Fraction(0)
  const leverage = part?.leverage ?? new Fraction(1)
  const label = piece?.label ?? 'no trade: no balance profile'
  return Object.freeze({
    balance: b,
    notional,
    margin: leverage.gt(0) ? notional.div(leverage) : notional,
    leverage,
    profile: part?.profile.name ?? '',
    binding: isNoTrade(label) ? 'no trade' : label,
    ...(isNoTrade(label) ? { noTrade: noTradeReason(label), noTradePath: noTradePath(label) } : {}),
    market,
  })
}

const curves = new WeakMap<PipelineContext, Map<string, { traded: Pl; steps: TraceStep[] }>>()

/** The traded notional over every balance for one symbol and regime at the reference market (memoised). */
export function tradedCurve(ctx: PipelineContext, symbol: string, regime: Regime, market: MarketState = REFERENCE_MARKET, override: Run['override'] = 'rule'): Pl {
  return curve(ctx, symbol, regime, market, override).traded
}

/**
 * The size one step of the pipeline hands on, over every balance (reference market): 'position_multiplier' is the size
 * the override is compared with. Undefined where the pipeline stops before that step.
 */
export function stepCurve(ctx: PipelineContext, symbol: string, regime: Regime, step: string, market: MarketState = REFERENCE_MARKET): Pl {
  return curve(ctx, symbol, regime, market, 'rule').steps.filter((s) => s.step === step).flatMap((s) => s.value)
}

function curve(ctx: PipelineContext, symbol: string, regime: Regime, market: MarketState, override: Run['override']): { traded: Pl; steps: TraceStep[] } {
  let byKey = curves.get(ctx)
  if (!byKey) curves.set(ctx, (byKey = new Map()))
  const key = `${symbol}\u0000${regime}\u0000${marketKey(market)}\u0000${override}`
  let hit = byKey.get(key)
  if (!hit) {
    const steps: TraceStep[] = []
    hit = { traded: tradedPl({ ctx, symbol, regime, market, override }, WHOLE_AXIS, steps), steps }
    byKey.set(key, hit)
  }
  return hit
}

function marketKey(m: MarketState): string {
  const atr = m.atr.kind === 'at' ? `at:${m.atr.value.toFraction()}:${m.atr.bucket}` : m.atr.kind
  return `${m.strength.toFraction()}|${m.conflict}|${atr}|${m.selection}`
}

// ---------------------------------------------------------------------------------------------
// The range over market states

/** The lowest and highest traded notional over every market state, with the state that gives each. */
export interface TradedRange {
  readonly lo: TradedPoint
  readonly hi: TradedPoint
}

/**
 * Candidate signal strengths: the ends of every cell where the strength category (per each profile's thresholds) and
 * the adaptive leverage category stay the same (both are step functions of the strength), with a point inside each cell.
 */
function strengthCandidates(ctx: PipelineContext, thresholds: readonly StrengthThresholds[], regime: Regime): Fraction[] {
  const cuts = [new Fraction(0), new Fraction(1), ...thresholds.flatMap((t) => [t.medium, t.strong, t.very_strong])]
  if (ctx.sem.leverage.kind === 'adaptive') {
    const rf = leverageRegimeFactor(ctx.sem.leverage, regime)
    for (const vf of [q(0.7), q(1), q(1.3)]) for (const bound of [0.3, 0.5, 0.7, 0.9]) cuts.push(q(bound).div(rf.mul(vf)))
  }
  const sorted = [...new Map(cuts.filter((c) => c.gte(0) && c.lte(1)).map((c) => [c.toFraction(), c])).values()].sort((a, b) => a.compare(b))
  const out: Fraction[] = []
  sorted.forEach((c, i) => {
    out.push(c)
    const next = sorted[i + 1]
    if (next) out.push(c.add(next).div(2))
  })
  return out
}

/**
 * Every market state worth sizing with the given profiles: one per distinct set of derived inputs (the strength
 * category under each profile's thresholds, the leverage category, the ATR's effects, the hysteresis hold).
 */
export function marketStates(ctx: PipelineContext, regime: Regime, profiles: readonly BotProfile[]): MarketState[] {
  const sem = ctx.sem
  const vol = ctx.bot.volatility(regime)
  const rc = ctx.bot.riskConfig
  const dynamicCapAtr = sem.riskConfig && rc.maxMarginPerTrade !== undefined && rc.volatilityFactorEnabled
  const atrMatters = (sem.volatility && vol.enabled) || dynamicCapAtr || sem.leverage.kind === 'adaptive'
  const atrs: readonly AtrState[] = atrMatters ? ATR_STATES : [REFERENCE_MARKET.atr]
  // The hold matters only where the hysteresis can keep another profile than the balance selects.
  const selections: MarketState['selection'][] = sem.hysteresis && profiles.length > 1 ? ['raw', 'held'] : ['raw']
  const risks = profiles.map((p) => riskOf(ctx, p.name, regime))
  const table = sem.leverage.kind === 'adaptive' ? leverageTableOf(ctx) : undefined
  // Per derived inputs (each profile's strength multiplier, the leverage map's value, the hold), the ATR effects that
  // are extreme: the traded size never falls as the volatility multiplier or the dynamic cap's ATR factor rises.
  const groups = new Map<string, { m: MarketState; v: Fraction; af: Fraction }[]>()
  const candidates: MarketState[] = []
  const strengths = strengthCandidates(ctx, risks.map((r) => r.strength.thresholds), regime)
  for (const selection of selections)
    for (const atr of atrs) for (const conflict of [false, true]) for (const strength of strengths) candidates.push({ strength, conflict, atr, selection })
  for (const m of candidates) {
    const ks = risks.map((r) => r.strength.multipliers[strengthCategory(m.strength, m.conflict, r.strength.thresholds)].toFraction()).join(',')
    const lev = table && sem.leverage.kind === 'adaptive' ? table.map[leverageCategory(sem.leverage, regime, m)].toFraction() : '-'
    const key = `${ks}|${lev}|${m.selection}|${m.atr.kind === 'none' ? 'none' : 'atr'}`
    const v = volatilityMultiplier(m.atr, vol.baseAtrPercent?.value ?? q(0.02), vol.minMultiplier?.value ?? q(0.5), vol.maxMultiplier?.value ?? q(1.5))
    const af = dynamicCapAtrFactor(m.atr)
    const group = groups.get(key) ?? []
    if (!group.some((g) => g.v.equals(v) && g.af.equals(af))) group.push({ m, v, af })
    groups.set(key, group)
  }
  const out: MarketState[] = [REFERENCE_MARKET]
  for (const group of groups.values()) {
    const best = group.reduce((a, b) => (b.v.gt(a.v) || (b.v.equals(a.v) && b.af.gt(a.af)) ? b : a))
    const worst = group.reduce((a, b) => (b.v.lt(a.v) || (b.v.equals(a.v) && b.af.lt(a.af)) ? b : a))
    out.push(best.m)
    if (worst !== best) out.push(worst.m)
  }
  return out
}

/** The profiles the bot can size with at `b`: the one the balance selects, and the one the hysteresis may hold. */
export function profilesAt(ctx: PipelineContext, b: Fraction): BotProfile[] {
  const at = { lo: b, loClosed: true, hi: b, hiClosed: true }
  const names = new Map<string, BotProfile>()
  for (const selection of ['raw', 'held'] as const) {
    for (const r of selectionRegions(ctx.bot.profiles, selection, ctx.sem.hysteresis, at)) names.set(r.profile.name + '\u0000' + r.index, r.profile)
  }
  return [...names.values()]
}

/**
 * The exact lowest and highest traded notional at balance `b` over every market state the bot can meet (signal
 * strength and conflict, ATR, the profile the hysteresis holds), with the state that decides each end.
 */
export function tradedRange(ctx: PipelineContext, symbol: string, regime: Regime, b: Fraction): TradedRange {
  const reference = tradedAt(ctx, symbol, regime, b)
  let lo = reference
  let hi = reference
  for (const m of marketStates(ctx, regime, profilesAt(ctx, b))) {
    const t = tradedAt(ctx, symbol, regime, b, m)
    if (t.notional.lt(lo.notional)) lo = t
    if (t.notional.gt(hi.notional)) hi = t
  }
  return { lo, hi }
}

/** A market state in words: "a strong signal (strength 0.7), ATR/price below 1%, 20x". */
export function describeMarket(ctx: PipelineContext, regime: Regime, t: TradedPoint): string {
  const m = t.market
  const profile = ctx.bot.profiles.find((p) => p.name === t.profile)
  const thresholds = profile ? riskOf(ctx, profile.name, regime).strength.thresholds : undefined
  const cat = thresholds ? strengthCategory(m.strength, m.conflict, thresholds) : 'medium'
  const signal = m.conflict ? 'a conflicting signal' : `a ${cat.replace('_', '-')} signal (strength ${formatStrength(m.strength)})`
  const atr =
    m.atr.kind === 'none'
      ? 'no ATR reading'
      : m.atr.kind === 'zero'
        ? 'ATR/price near 0'
        : m.atr.kind === 'infinite'
          ? 'a very high ATR/price'
          : `ATR/price ${m.atr.bucket === 'low' ? 'just under' : m.atr.bucket === 'high' ? 'just over' : 'at'} ${m.atr.value.mul(100).toString()}%`
  const held = m.selection === 'held' ? `, ${t.profile} held by the 5% hysteresis` : ''
  return `${signal}, ${atr}, ${t.leverage.toString()}x${held}`
}

function formatStrength(s: Fraction): string {
  return s.round(4).toString()
}
