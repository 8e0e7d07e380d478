// The typed views the bot's sizing pipeline reads (bot-config.ts reads them from the config's plain data).
import type Fraction from 'fraction.js'
import type { NumField, Regime } from './sizing-config.js'

/** A `position:` block under a symbol's regime: the per-symbol, per-regime override, floor and cap (USD notional). */
export interface RegimePosition {
  readonly basePositionUsd?: NumField
  readonly minPositionUsd?: NumField
  readonly maxPositionUsd?: NumField
  readonly maxOpenPositions?: NumField
  readonly maxPositionPercent?: NumField
}

/** One regime of one symbol profile: its `position:` block and its `arm.position_size_multiplier`. */
export interface SymbolRegimeView {
  readonly regime: Regime
  /** Pointer of the regime mapping. */
  readonly path: string
  readonly position: RegimePosition
  /** `arm.position_size_multiplier`: replaces the global regime multiplier for this symbol (deep merge). */
  readonly armMultiplier?: NumField
  /** `sl_percent` of the symbol's regime (the last fallback of the SL the risk-based sizing uses). */
  readonly slPercent?: NumField
}

/** Strength multipliers by signal category (`risk.*.strength_multipliers`). */
export interface StrengthMultipliers {
  readonly conflict?: NumField
  readonly very_strong?: NumField
  readonly strong?: NumField
  readonly medium?: NumField
  readonly weak?: NumField
}

/** One key of the risk merge: where it was last set, and its number (absent when the value is not a finite number). */
export interface RiskKey {
  readonly path: string
  readonly value?: Fraction
}

/**
 * The risk parameters one profile and regime resolve to: `risk.base`, then `risk.by_balance.<profile>`, then
 * `risk.by_regime.<regime>`, each replacing the keys it sets (a shallow dict.update: a nested
 * `strength_multipliers` mapping replaces the earlier one whole).
 */
export interface RiskParamsView {
  readonly keys: ReadonlyMap<string, RiskKey>
  readonly strengthMultipliers?: { readonly path: string; readonly values: Readonly<Partial<Record<StrengthCategory, Fraction>>> }
  readonly strengthThresholds?: { readonly path: string; readonly values: Readonly<Partial<Record<'very_strong' | 'strong' | 'medium', Fraction>>> }
}

/** `scalping.volatility_adjustment` with its per-regime overrides resolved. */
export interface VolatilityView {
  readonly enabled: boolean
  /** ATR as a fraction of the price that sizes at 1.0x (0.02 = 2%). */
  readonly baseAtrPercent?: NumField
  readonly minMultiplier?: NumField
  readonly maxMultiplier?: NumField
}

/** A Pydantic `BalanceProfile` field: the config's number (numeric text is coerced, as Pydantic's lax mode does) or the default. */
export interface ProfileField {
  readonly value: Fraction
  /** Pointer of the key; absent when the default applies. */
  readonly path?: string
  /** The key is absent and the bot uses its default. */
  readonly defaulted: boolean
}

/** A balance profile as the bot's code holds it: Pydantic fields with their defaults, the extra keys raw. */
export interface BotProfile {
  readonly name: string
  readonly path: string
  /** 0-based position in the YAML mapping (the stable sort keeps it for equal thresholds). */
  readonly order: number
  readonly threshold: ProfileField
  readonly basePositionUsd: ProfileField
  readonly maxOpenPositions: ProfileField
  readonly maxPositionPercent: ProfileField
  readonly minPositionUsd: ProfileField
  /** Extras (no Pydantic default, no coercion). */
  readonly maxPositionUsd?: NumField
  readonly minBalance?: NumField
  readonly maxBalance?: NumField
  readonly sizeAtMin?: NumField
  readonly sizeAtMax?: NumField
  /** `progressive` tested for truthiness, as `if progressive:` does. */
  readonly progressive: boolean
}

/** Pydantic BalanceProfile defaults (src/config.py in the bot, the same in every era). */
export const PROFILE_DEFAULTS = Object.freeze({ threshold: 1000, base_position_usd: 50, max_open_positions: 2, max_position_percent: 5, min_position_usd: 10 })

/** Everything beyond SPEC section 2 that decides what the bot trades. Missing keys are absent; the pipeline applies each era's defaults. */
export interface BotConfig {
  /** Every balance profile the bot loads, sorted by threshold as its code sorts them (stable; a missing threshold is 1000). */
  readonly profiles: readonly BotProfile[]
  /** `scalping.adaptive_regime.<regime>.position_size_multiplier`. */
  readonly regimeMultiplier: Readonly<Partial<Record<Regime, NumField>>>
  /** Per symbol (`scalping.adaptive_regime.symbol_profiles.<S>`), per regime key present. */
  readonly symbolRegimes: ReadonlyMap<string, ReadonlyMap<Regime, SymbolRegimeView>>
  /** `scalping.adaptive_leverage`: the leverage map by signal category and its clamp. */
  readonly adaptiveLeverage: {
    readonly present: boolean
    readonly map: Readonly<Partial<Record<LeverageCategory, NumField>>>
    readonly minLeverage?: NumField
    readonly maxLeverage?: NumField
  }
  /** `scalping.risk_config`. */
  readonly riskConfig: {
    readonly maxMarginPerTrade?: NumField
    readonly useRiskBasedSizing: boolean
    readonly useRiskBasedSizingPath?: string
    readonly minMarginCap?: NumField
    readonly maxMarginCapMultiplier?: NumField
    /** `volatility_factor_enabled` (default true): the ATR shrinks the dynamic cap. */
    readonly volatilityFactorEnabled: boolean
  }
  /** The pointer of `scalping.leverage` when the key is there (whatever its value), else of `scalping`. */
  readonly leveragePath: string
  /** `scalping.adaptive_regime.enabled` (default true): without it no regime multiplier applies. */
  readonly adaptiveRegimeEnabled: boolean
  /** `scalping.sl_percent` (the SL the risk-based sizing uses first). */
  readonly slPercent?: NumField
  /** `exit_params.<regime>.sl_min_percent` (the second fallback). */
  readonly exitSlMinPercent: Readonly<Partial<Record<Regime, NumField>>>
  /** `risk.max_open_positions`. */
  readonly riskMaxOpenPositions?: NumField
  /** Resolved per profile name and regime: `risk.base` -> `risk.by_balance.<profile>` -> `risk.by_regime.<regime>`. */
  riskParams(profile: string, regime: Regime): RiskParamsView
  /** `scalping.volatility_adjustment`, with `by_regime.<regime>` merged in. */
  volatility(regime: Regime): VolatilityView
}

/** The adaptive leverage's signal categories, weakest first. */
export const LEVERAGE_CATEGORIES = ['very_weak', 'weak', 'medium', 'strong', 'very_strong'] as const
export type LeverageCategory = (typeof LEVERAGE_CATEGORIES)[number]

/** The strength multiplier's categories (conflict first: a signal whose indicators disagree). */
export const STRENGTH_CATEGORIES = ['conflict', 'weak', 'medium', 'strong', 'very_strong'] as const
export type StrengthCategory = (typeof STRENGTH_CATEGORIES)[number]
