// Market inputs the config does not fix (signal strength, conflict, ATR, the hysteresis hold): states, and what each era derives from them.
import Fraction from 'fraction.js'
import { ONE, q, ZERO } from './decimal.js'
import { LEVERAGE_CATEGORIES, type BotConfig, type BotProfile, type LeverageCategory, type StrengthCategory } from './bot-config.js'
import type { LeverageRule, Semantics } from './eras.js'
import type { Regime } from './sizing-config.js'

/**
 * ATR over the price, as the bot buckets it: `none` (no reading: no volatility step, no ATR factor), or a bucket of
 * AdaptiveLeverage's volatility factor (< 1%: 1.3, 1%..5%: 1.0, > 5%: 0.7) at one of its ends, where the sizing
 * multiplier and the dynamic cap's ATR factor take their extreme values (both fall as the ATR grows).
 */
export type AtrState =
  | { readonly kind: 'none' }
  /** ATR/price -> 0 (the lowest volatility). */
  | { readonly kind: 'zero' }
  /** ATR/price at `value`; `bucket` says which side of a bucket edge it is taken from. */
  | { readonly kind: 'at'; readonly value: Fraction; readonly bucket: 'low' | 'mid' | 'high' }
  /** ATR/price -> +inf (the highest volatility). */
  | { readonly kind: 'infinite' }

/** One state of the market at a sizing call. */
export interface MarketState {
  /** Signal strength, 0..1 (the bot's default is 0.5). */
  readonly strength: Fraction
  /** The signal's indicators disagree (`has_conflict`). */
  readonly conflict: boolean
  readonly atr: AtrState
  /** 'raw': the profile the balance selects; 'held': the upper profile the 5% hysteresis holds, where it can. */
  readonly selection: 'raw' | 'held'
}

/** The bot's neutral market: a signal of the default strength 0.5, no conflict, no ATR reading, no hysteresis hold. */
export const REFERENCE_MARKET: MarketState = Object.freeze({ strength: new Fraction(1, 2), conflict: false, atr: Object.freeze({ kind: 'none' }), selection: 'raw' })

const ONE_PERCENT = new Fraction(1, 100)
const FIVE_PERCENT = new Fraction(5, 100)

/** The ATR states whose derived inputs bound every ATR the market can show (bucket ends), and no reading. */
export const ATR_STATES: readonly AtrState[] = Object.freeze([
  { kind: 'none' },
  { kind: 'zero' },
  { kind: 'at', value: ONE_PERCENT, bucket: 'low' },
  { kind: 'at', value: ONE_PERCENT, bucket: 'mid' },
  { kind: 'at', value: FIVE_PERCENT, bucket: 'mid' },
  { kind: 'at', value: FIVE_PERCENT, bucket: 'high' },
  { kind: 'infinite' },
])

/** AdaptiveLeverage's volatility factor on the strength (`f2f4e90:AL:120-127`). */
export function atrLeverageFactor(atr: AtrState): Fraction {
  if (atr.kind === 'none') return ONE
  if (atr.kind === 'zero' || (atr.kind === 'at' && atr.bucket === 'low')) return new Fraction(13, 10)
  if (atr.kind === 'infinite' || (atr.kind === 'at' && atr.bucket === 'high')) return new Fraction(7, 10)
  return ONE
}

/** The sizing volatility multiplier `max(min, min(base / atr, max))`, 1 without a reading (`f2f4e90:RM:1180-1187`). */
export function volatilityMultiplier(atr: AtrState, base: Fraction, min: Fraction, max: Fraction): Fraction {
  const clamp = (x: Fraction): Fraction => {
    const capped = x.lt(max) ? x : max
    return capped.gt(min) ? capped : min
  }
  switch (atr.kind) {
    case 'none':
      return ONE
    case 'zero':
      return clamp(max.add(1))
    case 'infinite':
      return clamp(min.sub(1))
    case 'at':
      return clamp(base.div(atr.value))
  }
}

/** The dynamic margin cap's ATR factor `max(0.5, min(1.5, 1 / (1 + 10 atr)))`, 1 without a reading (`f2f4e90:RM:262-270`). */
export function dynamicCapAtrFactor(atr: AtrState): Fraction {
  switch (atr.kind) {
    case 'none':
    case 'zero':
      return ONE
    case 'infinite':
      return new Fraction(1, 2)
    case 'at': {
      const f = ONE.div(ONE.add(atr.value.mul(10)))
      return f.lt(new Fraction(1, 2)) ? new Fraction(1, 2) : f
    }
  }
}

/** The strength ladder (`strength_thresholds`, strict `>`), highest first. */
export interface StrengthThresholds {
  readonly very_strong: Fraction
  readonly strong: Fraction
  readonly medium: Fraction
}

/** The category a signal of strength `s` gets (`f2f4e90:RM:1049-1074`): all comparisons strict. */
export function strengthCategory(s: Fraction, conflict: boolean, t: StrengthThresholds): StrengthCategory {
  if (conflict) return 'conflict'
  if (s.gt(t.very_strong)) return 'very_strong'
  if (s.gt(t.strong)) return 'strong'
  if (s.gt(t.medium)) return 'medium'
  return 'weak'
}

const CATEGORY_BOUNDS = [new Fraction(3, 10), new Fraction(1, 2), new Fraction(7, 10), new Fraction(9, 10)]

/** AdaptiveLeverage's regime factor on the strength. */
export function leverageRegimeFactor(rule: LeverageRule, regime: Regime): Fraction {
  if (regime === 'trending') return new Fraction(6, 5)
  if (regime === 'choppy') return new Fraction(4, 5)
  return q(rule.rangingFactor ?? 1)
}

/** The adaptive leverage's signal category for strength `s` (`f2f4e90:AL:105-149`): `a < 0.3` very_weak ... else very_strong. */
export function leverageCategory(rule: LeverageRule, regime: Regime, market: MarketState): LeverageCategory {
  let s = market.strength
  if (s.lt(0)) s = ZERO
  if (s.gt(1)) s = ONE
  let a = s.mul(leverageRegimeFactor(rule, regime)).mul(atrLeverageFactor(market.atr))
  if (a.gt(1)) a = ONE
  const i = CATEGORY_BOUNDS.findIndex((bound) => a.lt(bound))
  return LEVERAGE_CATEGORIES[i === -1 ? 4 : i]!
}

/** The leverage map and clamp the era's AdaptiveLeverage uses: the config's from 016e636 (values truncated to integers). */
export function leverageTable(rule: LeverageRule, bot: BotConfig): { map: Record<LeverageCategory, Fraction>; min: Fraction; max: Fraction } {
  const defaults = rule.defaultMap ?? [5, 5, 5, 5, 5]
  const configMap = bot.adaptiveLeverage.map
  const useConfig = rule.readsConfig === true && Object.keys(configMap).length > 0
  const map = {} as Record<LeverageCategory, Fraction>
  LEVERAGE_CATEGORIES.forEach((c, i) => {
    const own = configMap[c]
    // A config map replaces the default one whole; a category it lacks falls back to 5 (`leverage_map.get(c, 5)`).
    map[c] = useConfig ? (own ? truncate(own.value) : new Fraction(5)) : new Fraction(defaults[i]!)
  })
  const readMin = rule.readsConfig ? bot.adaptiveLeverage.minLeverage : undefined
  const readMax = rule.readsConfig ? bot.adaptiveLeverage.maxLeverage : undefined
  return { map, min: readMin ? truncate(readMin.value) : q(rule.defaultMin ?? 3), max: readMax ? truncate(readMax.value) : q(rule.defaultMax ?? 20) }
}

/** Python's int(): towards zero. */
function truncate(x: Fraction): Fraction {
  return new Fraction(x.s * (x.n / x.d))
}

/** The strength multipliers and thresholds for a profile and regime, with the bot's defaults filled in. */
export interface StrengthTable {
  readonly multipliers: Record<StrengthCategory, Fraction>
  readonly thresholds: StrengthThresholds
}

/** The hard-coded ladder of the code before 1e7224d, and the defaults after it. */
export const DEFAULT_STRENGTH: StrengthTable = Object.freeze({
  multipliers: { conflict: q(0.5), very_strong: q(1.5), strong: q(1.2), medium: ONE, weak: q(0.8) },
  thresholds: { very_strong: q(0.8), strong: q(0.6), medium: q(0.4) },
})

/** The strength multiplier the era applies for `category` on `profile`, damped for progressive profiles where the era does. */
export function strengthMultiplier(sem: Semantics, profile: BotProfile, table: StrengthTable, category: StrengthCategory): Fraction {
  const m = table.multipliers[category]
  if (!sem.strengthDamping || !profile.progressive) return m
  return ONE.add(m.sub(ONE).mul(new Fraction(9, 10)))
}
