// The bot's code eras: what each sizes differently (override rule, caps, leverage, percent base...), by date, and how a config's shape picks one.
import { isDict, own } from './sizing-config.js'

/** The eras lint-config models by name; each stands for its pinned commit (docs/sizing-model.md). */
export const ERA_IDS = ['variant-b', 'risk-manager', 'percent'] as const
export type EraId = (typeof ERA_IDS)[number]

/** The `bot` setting: 'auto' (from the config's shape), an era, or a date (YYYY-MM-DD: the bot's code at the end of that day). */
export type BotSetting = 'auto' | EraId | string

/** How a per-symbol, per-regime `position.max_position_usd` combines with the profile's cap (audit D1). */
export type SymbolCapRule =
  /** 1e5f6e8: the symbol's floor and cap replace the profile's. */
  | 'replace'
  /** 90ae0cd: the floor is the larger; the cap is used only when it lies between the size and the profile's cap. */
  | 'lower-unless-below-size'
  /** 77f7658: the cap is used only when below the profile's and at least half the size. */
  | 'lower-unless-below-half-size'
  /** 08ee37d: the larger of the two caps; a symbol cap below the floor is an error: no trade. */
  | 'max-or-no-trade'
  /** 6510cf3: the smaller of the two caps; a cap below the floor: no trade. */
  | 'min-or-no-trade'
  /** c58410c: the smaller of the two caps; a cap below the floor is raised to the floor. */
  | 'min-raised-to-floor'

/** The adaptive leverage of the era (AdaptiveLeverage.calculate_leverage), or the config's fixed leverage. */
export interface LeverageRule {
  readonly kind: 'config' | 'adaptive'
  /** Default leverage map (very_weak, weak, medium, strong, very_strong) and clamp. */
  readonly defaultMap?: readonly [number, number, number, number, number]
  readonly defaultMin?: number
  readonly defaultMax?: number
  /** Whether `scalping.adaptive_leverage` is read (from 016e636). */
  readonly readsConfig?: boolean
  /** The regime factor applied to the signal strength in ranging (0.8 from 5cff39c, 1.0 before). */
  readonly rangingFactor?: number
  /** `min(L, cap)` in ranging (5cff39c: 10; d583209: 15; removed at 016e636). */
  readonly rangingCap?: number
  /** Caps on the leverage from the profile's base (`psu`): [share of the balance or USD, cap], strict `>`, first match. */
  readonly sizeCaps?: readonly { readonly above: number; readonly of: 'balance' | 'usd'; readonly cap: number }[]
  /** ETH-USDT: `psu * L > 200` -> min(L, 7 if > 300 else 5) (2a95283 ... 13ee863). */
  readonly ethCap?: boolean
}

/** Everything that differs between the bot's code eras and that decides a traded number. */
export interface Semantics {
  /** The named era this is, or the one whose code the date falls in. */
  readonly era: EraId
  /** YYYY-MM-DD of the newest change it includes. */
  readonly asOf: string
  /** The commit the named era stands for (or the newest change's commit). */
  readonly commit: string
  /** 'percent': every profile is `b * max_position_percent / 100 * L`; 'profile': progressive or fixed. */
  readonly base: 'profile' | 'percent'
  /** Downgrades wait until the balance is 5% under the lower threshold (4a76e42). */
  readonly hysteresis: boolean
  /** 'symmetric': live iff 0.5 s <= o <= 1.5 s (C); 'asymmetric': live iff s <= o <= 1.5 s (D, E). */
  readonly override: 'symmetric' | 'asymmetric'
  readonly symbolCap: SymbolCapRule
  /** `0.95 * max` when the size after the strength multiplier exceeds the cap (5cff39c); else `min(s, max)`. */
  readonly haircut: boolean
  /** Progressive profiles damp the strength multiplier: `1 + (m - 1) * 0.9` (7244d51 ... 1a8ed59). */
  readonly strengthDamping: boolean
  /** Strength multipliers and margin limits from `risk.base/by_balance/by_regime` (1e7224d); else hard-coded. */
  readonly riskParamsFromConfig: boolean
  /** A required risk parameter missing -> the whole fallback dict (73b91f2); else key by key. */
  readonly riskParamsWholeFallback: boolean
  /** The free-margin check (1e7224d). */
  readonly freeMargin: boolean
  /**
   * From 1e7224d the profile's fields are checked: a missing `max_position_usd`, or a floor, cap, percent or position
   * count at or below 0, means no trade; before, a missing cap is `2 x` the base.
   */
  readonly strictProfile: boolean
  /** A final `min(notional, max)` after the floor (contract rounding's re-cap, 90ae0cd). */
  readonly finalRecap: boolean
  /** The volatility step after the cap (08ee37d). */
  readonly volatility: boolean
  /** `scalping.risk_config` dynamic margin cap and risk-based sizing (7244d51). */
  readonly riskConfig: boolean
  /** How `scalping.sl_percent` becomes a fraction: `sl > 1 ? sl / 100 : sl` before 957d984. */
  readonly slAsFractionBelowOne: boolean
  /** `_resolve_sl_percent_for_risk`: sl_percent -> exit_params.<R>.sl_min_percent -> symbol regime sl_percent (8e997bb). */
  readonly slChain: boolean
  readonly leverage: LeverageRule
}

const C_1E5F6E8: Semantics = {
  era: 'variant-b',
  asOf: '2025-11-11',
  commit: '1e5f6e8',
  base: 'profile',
  hysteresis: false,
  override: 'symmetric',
  symbolCap: 'replace',
  haircut: false,
  strengthDamping: false,
  riskParamsFromConfig: false,
  riskParamsWholeFallback: false,
  freeMargin: false,
  strictProfile: false,
  finalRecap: false,
  volatility: false,
  riskConfig: false,
  slAsFractionBelowOne: true,
  slChain: false,
  leverage: { kind: 'config' },
}

const D_LEVERAGE_94F68CE: LeverageRule = { kind: 'adaptive', defaultMap: [3, 5, 10, 20, 30], defaultMin: 3, defaultMax: 30, readsConfig: false, rangingFactor: 1 }

/** Changes that move a traded number, in commit order (docs/sizing-model.md cites each). A date includes its whole day. */
const CHANGES: readonly { readonly date: string; readonly commit: string; readonly set: (s: Semantics) => Partial<Semantics> }[] = [
  { date: '2025-11-12', commit: '1e7224d', set: () => ({ riskParamsFromConfig: true, freeMargin: true, strictProfile: true }) },
  { date: '2025-11-12', commit: '90ae0cd', set: () => ({ symbolCap: 'lower-unless-below-size', finalRecap: true }) },
  { date: '2025-11-14', commit: '77f7658', set: () => ({ symbolCap: 'lower-unless-below-half-size' }) },
  { date: '2025-11-19', commit: '08ee37d', set: () => ({ symbolCap: 'max-or-no-trade', volatility: true }) },
  { date: '2025-11-23', commit: 'bef86e2', set: () => ({ era: 'risk-manager', override: 'asymmetric' }) },
  { date: '2025-12-08', commit: '7244d51', set: () => ({ strengthDamping: true, riskConfig: true }) },
  { date: '2025-12-17', commit: '957d984', set: () => ({ slAsFractionBelowOne: false }) },
  { date: '2025-12-21', commit: '94f68ce', set: () => ({ leverage: D_LEVERAGE_94F68CE }) },
  { date: '2025-12-24', commit: '5cff39c', set: (s) => ({ haircut: true, leverage: { ...s.leverage, rangingFactor: 0.8, rangingCap: 10 } }) },
  {
    date: '2025-12-28',
    commit: '2a95283',
    set: (s) => ({ leverage: { ...s.leverage, sizeCaps: [{ above: 100, of: 'usd', cap: 10 }, { above: 50, of: 'usd', cap: 15 }], ethCap: true } }),
  },
  {
    date: '2026-01-11',
    commit: '42e284f',
    set: (s) => ({ leverage: { ...s.leverage, sizeCaps: [{ above: 0.1, of: 'balance', cap: 10 }, { above: 0.05, of: 'balance', cap: 15 }] } }),
  },
  { date: '2026-01-11', commit: '6510cf3', set: () => ({ symbolCap: 'min-or-no-trade' }) },
  { date: '2026-01-12', commit: '73b91f2', set: () => ({ riskParamsWholeFallback: true }) },
  { date: '2026-01-18', commit: 'c58410c', set: () => ({ symbolCap: 'min-raised-to-floor' }) },
  { date: '2026-02-01', commit: '8e997bb', set: () => ({ slChain: true }) },
  { date: '2026-02-10', commit: 'd583209', set: (s) => ({ leverage: { ...s.leverage, rangingCap: 15 } }) },
  { date: '2026-02-12', commit: '1a8ed59', set: () => ({ era: 'percent', base: 'percent', strengthDamping: false }) },
  { date: '2026-02-23', commit: 'cfc3852', set: (s) => ({ leverage: { ...s.leverage, defaultMap: [3, 5, 10, 15, 20], defaultMax: 20 } }) },
  { date: '2026-02-23', commit: '4a76e42', set: () => ({ hysteresis: true }) },
  {
    date: '2026-02-28',
    commit: '4f03a66',
    set: (s) => ({ leverage: { ...s.leverage, sizeCaps: [{ above: 0.2, of: 'balance', cap: 10 }] } }),
  },
  {
    date: '2026-03-01',
    commit: '016e636',
    set: (s) => {
      const { rangingCap: _dropped, ...rest } = s.leverage
      return { leverage: { ...rest, readsConfig: true } }
    },
  },
  { date: '2026-03-01', commit: '13ee863', set: (s) => ({ leverage: { ...s.leverage, ethCap: false } }) },
]

/** The commit each named era stands for, as the date it was made. */
const NAMED: Record<EraId, { date: string; commit: string }> = {
  'variant-b': { date: '2025-11-11', commit: '1e5f6e8' },
  'risk-manager': { date: '2026-02-11', commit: 'a1a72ae' },
  percent: { date: '2026-03-03', commit: 'f2f4e90' },
}

/** The first day lint-config models: the Variant-B commit. Earlier code read profiles differently (eras A and B). */
export const FIRST_MODELLED_DATE = C_1E5F6E8.asOf

const DATE = /^\d{4}-\d{2}-\d{2}$/

/** The semantics of the bot's code at the end of `date` (YYYY-MM-DD, from FIRST_MODELLED_DATE on). */
export function semanticsAt(date: string): Semantics {
  let s: Semantics = C_1E5F6E8
  for (const change of CHANGES) {
    if (change.date > date) break
    s = { ...s, ...change.set(s), asOf: change.date, commit: change.commit }
  }
  return Object.freeze(s)
}

/** The semantics of a named era (its pinned commit). */
export function semanticsOf(era: EraId): Semantics {
  const named = NAMED[era]
  return Object.freeze({ ...semanticsAt(named.date), asOf: named.date, commit: named.commit })
}

/** Why a `bot` setting is not usable, or undefined when it is. */
export function checkBotSetting(setting: string): string | undefined {
  if (setting === 'auto' || (ERA_IDS as readonly string[]).includes(setting)) return undefined
  if (!DATE.test(setting) || Number.isNaN(Date.parse(`${setting}T00:00:00Z`))) {
    return `expected auto, ${ERA_IDS.join(', ')} or a date (YYYY-MM-DD), got "${setting}"`
  }
  if (setting < FIRST_MODELLED_DATE) {
    return `${setting} predates the eras lint-config models (from ${FIRST_MODELLED_DATE}, the Variant-B commit 1e5f6e8)`
  }
  return undefined
}

/** The era a config is sized under, and why. */
export interface EraChoice {
  readonly semantics: Semantics
  /** 'setting': pinned by the `bot` setting; 'auto': detected from the config's shape. */
  readonly how: 'setting' | 'auto'
  /** One sentence: what decided it. */
  readonly reason: string
}

const SIZE_KEYS = ['size_at_min', 'size_at_max', 'min_balance', 'progressive', 'base_position_usd']

/**
 * The era for `data` under `setting`. 'auto' picks 'percent' when every profile is percent-shaped (a
 * max_position_percent and none of the progressive/fixed size keys): only that code reads such a ladder. Any other
 * shape fits both 'variant-b' and 'risk-manager'; auto then takes 'variant-b', the model SPEC section 2 describes,
 * and says so. A bad setting is the caller's to reject first (checkBotSetting).
 */
export function chooseEra(data: unknown, setting: BotSetting = 'auto'): EraChoice {
  if (setting !== 'auto') {
    const named = (ERA_IDS as readonly string[]).includes(setting)
    const semantics = named ? semanticsOf(setting as EraId) : semanticsAt(setting)
    const reason = named ? `bot: ${setting} (the code at ${semantics.commit})` : `bot: ${setting} (the code of that day, era ${semantics.era})`
    return { semantics, how: 'setting', reason }
  }
  const profiles = own(own(data, 'scalping'), 'balance_profiles')
  const entries = isDict(profiles) ? Object.values(profiles) : []
  const percentShaped = (p: unknown): boolean => own(p, 'max_position_percent') !== undefined && SIZE_KEYS.every((k) => own(p, k) === undefined || own(p, k) === null)
  if (entries.length > 0 && entries.every(percentShaped)) {
    return { semantics: semanticsOf('percent'), how: 'auto', reason: 'every balance profile is percent-shaped, which only the percent-era code reads' }
  }
  return {
    semantics: semanticsOf('variant-b'),
    how: 'auto',
    reason: "the profiles' shape fits both variant-b and risk-manager; variant-b is the spec's model (set `bot` to choose)",
  }
}
