// The bot's sizing pipeline in its own order, per era, as exact piecewise-linear functions of the balance (docs/sizing-model.md).
import Fraction from 'fraction.js'
import { HUNDRED, ONE, q, ZERO } from './decimal.js'
import { readBotConfig, type BotConfig, type BotProfile } from './bot-config.js'
import { chooseEra, type BotSetting, type EraChoice, type Semantics } from './eras.js'
import { intersect, toInterval, type Interval, type Span } from './interval.js'
import { dynamicCapAtrFactor, strengthCategory, strengthMultiplier, volatilityMultiplier, type MarketState } from './market.js'
import { plAffine, plConst, plLabel, plMap, plMax, plMin, plScale, plSimplify, plUndefined, withLine, type Pl, type ValueMap } from './pl.js'
import { multiplierOf } from './size-function.js'
import { readSizingConfig, type Regime, type SizingConfig } from './sizing-config.js'
import { LABEL, noTradeLabel, reasonAt } from './pipeline-labels.js'
import { riskOf } from './pipeline-risk.js'
import { applyCap, basePl, leverageOf, limits, marginLimit, overrideMap, stopLoss } from './pipeline-steps.js'

export { isNoTrade, LABEL, noTradeLabel, noTradePath, noTradeReason } from './pipeline-labels.js'
export { leverageTableOf, resolveRisk, riskOf, type ResolvedRisk } from './pipeline-risk.js'

/** What the pipeline reads: the era's semantics and the config's views. */
export interface PipelineContext {
  readonly choice: EraChoice
  readonly sem: Semantics
  readonly bot: BotConfig
  readonly sizing: SizingConfig
}

const NINETEEN_TWENTIETHS = new Fraction(19, 20)
const ALL_VALUES: Span = { lo: null, loClosed: false, hi: null, hiClosed: false }

const contexts = new WeakMap<object, Map<string, PipelineContext>>()

/** The pipeline context for a config's data and `bot` setting; memoised per data object. */
export function pipelineContext(data: unknown, setting: BotSetting = 'auto'): PipelineContext {
  const make = (): PipelineContext => {
    const choice = chooseEra(data, setting)
    return Object.freeze({ choice, sem: choice.semantics, bot: readBotConfig(data), sizing: readSizingConfig(data) })
  }
  if (typeof data !== 'object' || data === null) return make()
  let bySetting = contexts.get(data)
  if (!bySetting) contexts.set(data, (bySetting = new Map()))
  let ctx = bySetting.get(setting)
  if (!ctx) bySetting.set(setting, (ctx = make()))
  return ctx
}

// ---------------------------------------------------------------------------------------------
// Profile selection

/**
 * Where each profile is selected within `domain`, as the bot's code selects: sorted by threshold, `b <= threshold`,
 * the last one above every threshold. Under `held` (the percent era's 5% downgrade hysteresis), a profile also holds
 * the balances down to 0.95 x the threshold below it, as it does for a bot that came from above.
 */
export function selectionRegions(
  profiles: readonly BotProfile[],
  selection: MarketState['selection'],
  hysteresis: boolean,
  domain: Span,
): { profile: BotProfile; index: number; interval: Interval }[] {
  const out: { profile: BotProfile; index: number; interval: Interval }[] = []
  const n = profiles.length
  const T = (i: number): Fraction => profiles[i]!.threshold.value
  const held = selection === 'held' && hysteresis
  // A profile after one with the same threshold is never the raw choice, unless it is the last (above all thresholds).
  const selectable = (i: number): boolean => i === 0 || T(i - 1).lt(T(i)) || i === n - 1
  // Profiles above have claimed (floor, +inf); what is left for the next one down is (-inf, floor].
  let floor: Fraction | null = null
  for (let i = n - 1; i >= 0; i--) {
    if (!selectable(i)) continue
    const lo = i === 0 ? null : held ? T(i - 1).mul(NINETEEN_TWENTIETHS) : T(i - 1)
    let hi: Fraction | null = i === n - 1 ? null : T(i)
    if (floor !== null && (hi === null || floor.lt(hi))) hi = floor
    const part = intersect({ lo, loClosed: false, hi, hiClosed: hi !== null }, domain)
    if (part) out.unshift({ profile: profiles[i]!, index: i, interval: toInterval(part) })
    if (lo === null) break
    if (floor === null || lo.lt(floor)) floor = lo
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// The pipeline for one profile, on one interval of balances

/** Everything one run of the pipeline holds fixed. */
export interface Run {
  readonly ctx: PipelineContext
  readonly symbol: string
  readonly regime: Regime
  readonly market: MarketState
  /**
   * How the regime's `position.base_position_usd` override is taken: by the era's rule (default), left out (what the
   * bot would trade were it deleted), or always used (what the config asks for, whatever the rule says).
   */
  readonly override?: 'rule' | 'skip' | 'force'
}

/** A stretch of balances sized with one profile at one leverage. */
export interface RunPart {
  readonly profile: BotProfile
  readonly interval: Interval
  readonly leverage: Fraction
}

/** One named step and the function it produced (for explain's trace). */
export interface TraceStep {
  readonly step: string
  readonly value: Pl
}

/**
 * The traded notional (USD) for one symbol, regime and market state, over `domain`: the bot's steps in its order,
 * exact. Pieces labelled `no trade: ...` are where the bot sizes 0. With `trace`, each step's function is recorded.
 */
export function tradedPl(run: Run, domain: Interval, trace?: TraceStep[], parts?: RunPart[]): Pl {
  const { ctx } = run
  const out: Pl[] = []
  for (const region of selectionRegions(ctx.bot.profiles, run.market.selection, ctx.sem.hysteresis, domain)) {
    const levs = leverageOf(run, region.profile, region.interval)
    if (typeof levs === 'string') {
      out.push(plUndefined(region.interval, noTradeLabel(levs)))
      continue
    }
    for (const { interval, leverage } of levs) {
      parts?.push({ profile: region.profile, interval, leverage })
      out.push(profileRun(run, region.profile, interval, leverage, trace))
    }
  }
  // No trade is 0 traded: the pieces keep the reason as their label.
  return plSimplify(out.flat().map((p) => (p.slope ? p : withLine(p, ZERO, ZERO))))
}

function profileRun(run: Run, p: BotProfile, iv: Interval, L: Fraction, trace: TraceStep[] | undefined): Pl {
  const { ctx, regime } = run
  const { sem, bot } = ctx
  const note = (step: string, value: Pl): Pl => {
    trace?.push({ step, value })
    return value
  }
  if (sem.strictProfile && (!p.maxPositionPercent.value.gt(0) || !p.maxOpenPositions.value.gt(0))) {
    return plUndefined(iv, noTradeLabel(reasonAt(`${p.name}'s max_position_percent or max_open_positions is not above 0`, p.path)))
  }
  const base = basePl(run, p, iv, L)
  if (typeof base === 'string') return plUndefined(iv, noTradeLabel(base))
  note('base', base)
  let s: Pl = note('position_multiplier', plScale(base, multiplierOf(ctx.sizing, run.symbol)))
  const regimeView = bot.symbolRegimes.get(run.symbol)?.get(regime)
  const o = regimeView?.position.basePositionUsd?.value
  if (o !== undefined && run.override !== 'skip') {
    const map: ValueMap = run.override === 'force' ? [{ span: ALL_VALUES, slope: ZERO, intercept: o, label: LABEL.override }] : overrideMap(o, sem.override)
    s = note('override', plMap(s, map))
  }
  const lim = limits(run, p, regimeView?.position, base, s, iv)
  if (typeof lim === 'string') return plUndefined(iv, noTradeLabel(lim))
  const risk = riskOf(ctx, p.name, regime)
  // The symbol's `arm` replaces the global regime multiplier (deep merge); without ARM none applies.
  const rm = bot.adaptiveRegimeEnabled ? (regimeView?.armMultiplier ?? bot.regimeMultiplier[regime])?.value : undefined
  if (rm !== undefined) s = note('regime multiplier', plScale(s, rm))
  const category = strengthCategory(run.market.strength, run.market.conflict, risk.strength.thresholds)
  s = note('strength multiplier', plScale(s, strengthMultiplier(sem, p, risk.strength, category)))
  s = note('cap', applyCap(s, lim.max, sem.haircut, sem.haircut ? LABEL.capHaircut : LABEL.cap))
  const vol = bot.volatility(regime)
  if (sem.volatility && vol.enabled && run.market.atr.kind !== 'none') {
    const v = volatilityMultiplier(run.market.atr, vol.baseAtrPercent?.value ?? q(0.02), vol.minMultiplier?.value ?? q(0.5), vol.maxMultiplier?.value ?? q(1.5))
    s = note('volatility', applyCap(plScale(s, v), lim.max, false, LABEL.volatilityCap))
  }
  // Margin limits, in notional terms at leverage L: a margin limit m caps the notional at L x m.
  const line = (k: Fraction): Pl => plAffine(iv, k.mul(L), ZERO)
  s = note(LABEL.maxMargin, marginLimit(s, line(risk.maxMargin), lim.min, LABEL.maxMargin, p.path))
  if (sem.freeMargin) s = note(LABEL.freeMargin, marginLimit(s, line(ONE), lim.min, LABEL.freeMargin, p.path))
  const rc = bot.riskConfig
  if (sem.riskConfig && rc.maxMarginPerTrade !== undefined) {
    const pct = rc.maxMarginPerTrade.value.div(HUNDRED)
    const af = rc.volatilityFactorEnabled ? dynamicCapAtrFactor(run.market.atr) : ONE
    const rf = regime === 'trending' ? q(1.2) : regime === 'choppy' ? q(0.8) : ONE
    const dynamic = plMin(plAffine(iv, pct.mul(af).mul(rf), ZERO), plAffine(iv, pct.mul(rc.maxMarginCapMultiplier?.value ?? q(2)), ZERO))
    const cap = plMax(dynamic, plConst(iv, rc.minMarginCap?.value ?? q(8)))
    s = note(LABEL.dynamicCap, plMin(s, plLabel(plScale(cap, L), LABEL.dynamicCap)))
  }
  const sl = stopLoss(run, regimeView)
  if (sem.riskConfig && rc.useRiskBasedSizing && typeof sl !== 'string' && sl.gt(0)) {
    // Risk-based margin b x loss / sl / L: as a notional it does not depend on the leverage.
    s = note(LABEL.riskBased, plMin(s, plAffine(iv, risk.maxLoss.div(sl), ZERO, LABEL.riskBased)))
  }
  if (typeof sl === 'string') return plUndefined(iv, noTradeLabel(sl))
  if (sl.gt(0)) s = note(LABEL.maxSafe, plMin(s, plLabel(line(risk.maxLoss.div(sl)), LABEL.maxSafe)))
  s = note(LABEL.marginSafety, plMin(s, plLabel(line(risk.marginSafety), LABEL.marginSafety)))
  // max(min, min(m, max)): the floor comes last, after every risk limit; from 90ae0cd a final re-cap to max.
  s = plMax(plMin(s, plLabel(lim.max, LABEL.cap)), plConst(iv, lim.min, LABEL.floor))
  if (sem.finalRecap) s = plMin(s, plLabel(lim.max, LABEL.cap))
  return note('final', s)
}
