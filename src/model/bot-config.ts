// Typed view of every config key the bot's sizing pipeline reads (beyond SPEC section 2), with pointers, read from plain data.
import type Fraction from 'fraction.js'
import { q } from './decimal.js'
import { escapePointerToken } from './json-pointer.js'
import { isDict, own, REGIMES, type NumField, type Regime } from './sizing-config.js'

import {
  LEVERAGE_CATEGORIES,
  PROFILE_DEFAULTS,
  STRENGTH_CATEGORIES,
  type BotConfig,
  type BotProfile,
  type LeverageCategory,
  type ProfileField,
  type RegimePosition,
  type RiskKey,
  type RiskParamsView,
  type SymbolRegimeView,
  type VolatilityView,
} from './bot-views.js'

export * from './bot-views.js'

function child(path: string, key: string): string {
  return `${path}/${escapePointerToken(key)}`
}

/** A finite number under `key` (these blocks are plain dicts to the bot: no Pydantic coercion of numeric text). */
function num(obj: unknown, key: string, path: string): NumField | undefined {
  const raw = own(obj, key)
  if (typeof raw === 'number' && Number.isFinite(raw)) return { value: q(raw), path: child(path, key) }
  return undefined
}

function truthy(obj: unknown, key: string): boolean {
  const raw = own(obj, key)
  // Python truthiness of what YAML gives: a non-empty string or a non-zero number counts, as `if x:` does.
  return raw === true || (typeof raw === 'number' && raw !== 0) || (typeof raw === 'string' && raw !== '')
}

/** A Pydantic float/int field: a finite number, or numeric text Pydantic would coerce; undefined otherwise. */
function coerced(obj: unknown, key: string): Fraction | undefined {
  const raw = own(obj, key)
  if (typeof raw === 'number' && Number.isFinite(raw)) return q(raw)
  if (typeof raw === 'string' && /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(raw)) return q(raw.trim().replace(/^\+/, ''))
  return undefined
}

function field(obj: unknown, key: keyof typeof PROFILE_DEFAULTS, path: string): ProfileField {
  const v = coerced(obj, key)
  return v === undefined ? { value: q(PROFILE_DEFAULTS[key]), defaulted: true } : { value: v, path: child(path, key), defaulted: false }
}

function readBotProfiles(raw: unknown, base: string): BotProfile[] {
  if (!isDict(raw)) return []
  const out: BotProfile[] = []
  Object.keys(raw).forEach((name, order) => {
    const p = own(raw, name)
    if (!isDict(p)) return
    const path = child(base, name)
    const extras = numbersOf(p, path, {
      maxPositionUsd: 'max_position_usd',
      minBalance: 'min_balance',
      maxBalance: 'max_balance',
      sizeAtMin: 'size_at_min',
      sizeAtMax: 'size_at_max',
    })
    out.push(
      Object.freeze({
        name,
        path,
        order,
        threshold: field(p, 'threshold', path),
        basePositionUsd: field(p, 'base_position_usd', path),
        maxOpenPositions: field(p, 'max_open_positions', path),
        maxPositionPercent: field(p, 'max_position_percent', path),
        minPositionUsd: field(p, 'min_position_usd', path),
        ...extras,
        progressive: truthy(p, 'progressive'),
      }),
    )
  })
  // Python's list.sort is stable, and so is Array.prototype.sort: equal thresholds keep YAML order.
  return out.sort((a, b) => a.threshold.value.compare(b.threshold.value))
}

/** The usable numbers among `keys` (our name -> the YAML key) of mapping `raw` at `path`; absent or unusable ones left out. */
function numbersOf<K extends string>(raw: unknown, path: string, keys: Record<K, string>): Partial<Record<K, NumField>> {
  const out: Partial<Record<K, NumField>> = {}
  for (const [key, yamlKey] of Object.entries(keys) as [K, string][]) {
    const v = num(raw, yamlKey, path)
    if (v) out[key] = v
  }
  return out
}

function readPosition(raw: unknown, path: string): RegimePosition {
  const out = numbersOf(raw, path, {
    basePositionUsd: 'base_position_usd',
    minPositionUsd: 'min_position_usd',
    maxPositionUsd: 'max_position_usd',
    maxOpenPositions: 'max_open_positions',
    maxPositionPercent: 'max_position_percent',
  })
  return Object.freeze(out)
}

function readSymbolRegimes(rawProfiles: unknown, base: string): Map<string, Map<Regime, SymbolRegimeView>> {
  const out = new Map<string, Map<Regime, SymbolRegimeView>>()
  if (!isDict(rawProfiles)) return out
  for (const symbol of Object.keys(rawProfiles)) {
    const raw = own(rawProfiles, symbol)
    if (!isDict(raw)) continue
    const symbolPath = child(base, symbol)
    const regimes = new Map<Regime, SymbolRegimeView>()
    for (const regime of REGIMES) {
      // The bot looks regimes up lower-case (`regime.lower()`); a key spelt otherwise is never read.
      const block = own(raw, regime)
      if (!isDict(block)) continue
      const path = child(symbolPath, regime)
      const armMultiplier = num(own(block, 'arm'), 'position_size_multiplier', child(path, 'arm'))
      const slPercent = num(block, 'sl_percent', path)
      regimes.set(
        regime,
        Object.freeze({
          regime,
          path,
          position: readPosition(own(block, 'position'), child(path, 'position')),
          ...(armMultiplier ? { armMultiplier } : {}),
          ...(slPercent ? { slPercent } : {}),
        }),
      )
    }
    out.set(symbol, regimes)
  }
  return out
}

/** The finite numbers of a mapping, by key (a nested strength mapping). */
function numbers<K extends string>(raw: unknown, keys: readonly K[]): Partial<Record<K, Fraction>> {
  const out: Partial<Record<K, Fraction>> = {}
  for (const k of keys) {
    const v = own(raw, k)
    if (typeof v === 'number' && Number.isFinite(v)) out[k] = q(v)
  }
  return Object.freeze(out)
}

const THRESHOLD_KEYS = ['very_strong', 'strong', 'medium'] as const

/** One level of the risk merge: every key it sets, later levels replacing it. */
function mergeRiskLevel(into: { keys: Map<string, RiskKey>; sm?: RiskParamsView['strengthMultipliers']; st?: RiskParamsView['strengthThresholds'] }, raw: unknown, path: string): void {
  if (!isDict(raw)) return
  for (const key of Object.keys(raw)) {
    const v = own(raw, key)
    const at = child(path, key)
    if (key === 'strength_multipliers') into.sm = isDict(v) ? { path: at, values: numbers(v, STRENGTH_CATEGORIES) } : { path: at, values: {} }
    else if (key === 'strength_thresholds') into.st = isDict(v) ? { path: at, values: numbers(v, THRESHOLD_KEYS) } : { path: at, values: {} }
    else into.keys.set(key, typeof v === 'number' && Number.isFinite(v) ? { path: at, value: q(v) } : { path: at })
  }
}

function read(data: unknown): BotConfig {
  const scalping = own(data, 'scalping')
  const regimeBlock = own(scalping, 'adaptive_regime')
  const regimeMultiplier: Partial<Record<Regime, NumField>> = {}
  for (const r of REGIMES) {
    const v = num(own(regimeBlock, r), 'position_size_multiplier', `/scalping/adaptive_regime/${r}`)
    if (v) regimeMultiplier[r] = v
  }
  const al = own(scalping, 'adaptive_leverage')
  const alPath = '/scalping/adaptive_leverage'
  const map: Partial<Record<LeverageCategory, NumField>> = {}
  for (const k of LEVERAGE_CATEGORIES) {
    const v = num(own(al, 'leverage_map'), k, `${alPath}/leverage_map`)
    if (v) map[k] = v
  }
  const rc = own(scalping, 'risk_config')
  const rcPath = '/scalping/risk_config'
  const exitParams = own(data, 'exit_params')
  const exitSlMinPercent: Partial<Record<Regime, NumField>> = {}
  for (const r of REGIMES) {
    const v = num(own(exitParams, r), 'sl_min_percent', `/exit_params/${r}`)
    if (v) exitSlMinPercent[r] = v
  }
  const risk = own(data, 'risk')
  const riskCache = new Map<string, RiskParamsView>()
  const volatilityBlock = own(scalping, 'volatility_adjustment')
  const volPath = '/scalping/volatility_adjustment'

  const cfg: BotConfig = {
    profiles: Object.freeze(readBotProfiles(own(scalping, 'balance_profiles'), '/scalping/balance_profiles')),
    regimeMultiplier: Object.freeze(regimeMultiplier),
    symbolRegimes: readSymbolRegimes(own(regimeBlock, 'symbol_profiles'), '/scalping/adaptive_regime/symbol_profiles'),
    adaptiveLeverage: Object.freeze({
      present: isDict(al),
      map: Object.freeze(map),
      ...optional('minLeverage', num(al, 'min_leverage', alPath)),
      ...optional('maxLeverage', num(al, 'max_leverage', alPath)),
    }),
    riskConfig: Object.freeze({
      ...optional('maxMarginPerTrade', num(rc, 'max_margin_per_trade', rcPath)),
      useRiskBasedSizing: truthy(rc, 'use_risk_based_sizing'),
      ...(own(rc, 'use_risk_based_sizing') !== undefined ? { useRiskBasedSizingPath: `${rcPath}/use_risk_based_sizing` } : {}),
      ...optional('minMarginCap', num(rc, 'min_margin_cap', rcPath)),
      ...optional('maxMarginCapMultiplier', num(rc, 'max_margin_cap_multiplier', rcPath)),
      volatilityFactorEnabled: own(rc, 'volatility_factor_enabled') === undefined || truthy(rc, 'volatility_factor_enabled'),
    }),
    adaptiveRegimeEnabled: own(regimeBlock, 'enabled') === undefined || truthy(regimeBlock, 'enabled'),
    leveragePath: own(scalping, 'leverage') === undefined ? '/scalping' : '/scalping/leverage',
    ...optional('slPercent', num(scalping, 'sl_percent', '/scalping')),
    exitSlMinPercent: Object.freeze(exitSlMinPercent),
    ...optional('riskMaxOpenPositions', num(risk, 'max_open_positions', '/risk')),
    riskParams(profile: string, regime: Regime): RiskParamsView {
      const key = `${profile}\u0000${regime}`
      let hit = riskCache.get(key)
      if (!hit) {
        const acc: Parameters<typeof mergeRiskLevel>[0] = { keys: new Map() }
        mergeRiskLevel(acc, own(risk, 'base'), '/risk/base')
        mergeRiskLevel(acc, own(own(risk, 'by_balance'), profile), `/risk/by_balance/${escapePointerToken(profile)}`)
        mergeRiskLevel(acc, own(own(risk, 'by_regime'), regime), `/risk/by_regime/${regime}`)
        hit = Object.freeze({ keys: acc.keys, ...(acc.sm ? { strengthMultipliers: acc.sm } : {}), ...(acc.st ? { strengthThresholds: acc.st } : {}) })
        riskCache.set(key, hit)
      }
      return hit
    },
    volatility(regime: Regime): VolatilityView {
      const byRegime = own(own(volatilityBlock, 'by_regime'), regime)
      const regimePath = `${volPath}/by_regime/${regime}`
      const min = num(byRegime, 'min_multiplier', regimePath) ?? num(volatilityBlock, 'min_multiplier', volPath)
      const max = num(byRegime, 'max_multiplier', regimePath) ?? num(volatilityBlock, 'max_multiplier', volPath)
      const baseAtr = num(byRegime, 'base_atr_percent', regimePath) ?? num(volatilityBlock, 'base_atr_percent', volPath)
      return Object.freeze({
        enabled: truthy(volatilityBlock, 'enabled'),
        ...optional('baseAtrPercent', baseAtr),
        ...optional('minMultiplier', min),
        ...optional('maxMultiplier', max),
      })
    },
  }
  return Object.freeze(cfg)
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V }
}

const cache = new WeakMap<object, BotConfig>()

/** The pipeline's view of a config's data (`doc.toJS()`); never throws, memoised per data object, frozen. */
export function readBotConfig(data: unknown): BotConfig {
  if (typeof data !== 'object' || data === null) return read(data)
  let cfg = cache.get(data)
  if (!cfg) cache.set(data, (cfg = read(data)))
  return cfg
}

/** A NumField's value, or the bot's default when the key is absent. */
export function valueOr(field: NumField | undefined, fallback: Fraction): Fraction {
  return field?.value ?? fallback
}
