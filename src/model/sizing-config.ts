// Typed view of the sizing paths of config_futures.yaml, read from plain data (doc.toJS()) with a JSON pointer for every value.
import Fraction from 'fraction.js'
import { q } from './decimal.js'

/** How a profile turns a balance into a base size (SPEC section 2). */
export type SizingMode = 'progressive' | 'fixed' | 'percent' | 'unknown'
/** The linter's `mode` setting: detect per profile, or pin one mode for every profile. */
export type ModeSetting = 'auto' | 'progressive' | 'fixed' | 'percent'
/** Regimes whose `position.base_position_usd` the bot reads as an override. */
export type Regime = 'trending' | 'ranging' | 'choppy'
/** The regime keys under a symbol profile, in the order the bot documents them. */
export const REGIMES: readonly Regime[] = ['trending', 'ranging', 'choppy']

/** A usable config number: finite, typed as a number in the data (not a boolean, not numeric text). */
export interface NumField {
  /** Exact value of the decimal text (1.2 is 6/5). */
  readonly value: Fraction
  /** RFC 6901 pointer of the scalar, e.g. '/scalping/balance_profiles/small/size_at_min'. */
  readonly path: string
}

/** One entry of `scalping.balance_profiles`. Balances and sizes in USD; sizes are notional. */
export interface ProfileView {
  readonly name: string
  /** Pointer of the profile mapping. */
  readonly path: string
  readonly mode: SizingMode
  /** Upper balance of the profile, inclusive: `b == threshold` selects this profile. */
  readonly threshold?: NumField
  readonly minBalance?: NumField
  readonly maxBalance?: NumField
  /** Where interpolation ends (`max_balance ?? threshold`); set when either is usable. */
  readonly hi?: NumField
  readonly sizeAtMin?: NumField
  readonly sizeAtMax?: NumField
  /** The raw `progressive` flag is exactly `true`. */
  readonly progressive: boolean
  readonly basePositionUsd?: NumField
  /** Percent of the balance taken as margin (25.0 means 25%). */
  readonly maxPositionPercent?: NumField
  readonly minPositionUsd?: NumField
  readonly maxPositionUsd?: NumField
  /** 0-based position of the entry in the YAML mapping. */
  readonly order: number
}

/** `symbol_profiles.<symbol>.<regime>.position.base_position_usd`: USD notional the bot uses instead of the computed size when close enough. */
export interface OverrideView {
  readonly symbol: string
  readonly regime: Regime
  readonly value: NumField
}

/** One entry of `scalping.adaptive_regime.symbol_profiles`. */
export interface SymbolView {
  readonly symbol: string
  readonly path: string
  /** `position_multiplier`, 1 when absent or unusable. */
  readonly multiplier: Fraction
  /** Pointer of `position_multiplier` when it is usable. */
  readonly multiplierPath?: string
  /** In YAML order of the regime keys. */
  readonly overrides: readonly OverrideView[]
}

export interface SizingConfig {
  /** Profiles with a usable threshold, sorted by threshold ascending; ties keep YAML order. */
  readonly profiles: readonly ProfileView[]
  /** Entries without a usable threshold (never selected), in YAML order. */
  readonly invalidProfiles: readonly ProfileView[]
  /** `scalping.leverage`; callers default it to 1. */
  readonly leverage?: NumField
  /** `scalping.symbols`, string entries only. */
  readonly symbols: readonly string[]
  readonly symbolProfiles: readonly SymbolView[]
  /** Override tolerance as a ratio: `risk.base.position_override_tolerance_percent / 100`, else the bot's 1/2. */
  readonly tolerance: { readonly value: Fraction; readonly path?: string }
  /** `futures_modules.max_size_limiter`'s USD caps: one position's notional, and all open positions' notional. */
  readonly limiter: { readonly maxSingleSizeUsd?: NumField; readonly maxTotalSizeUsd?: NumField }
}

export interface ReadSizingOptions {
  mode?: ModeSetting
}

/** The bot's constant when the config does not set `position_override_tolerance_percent`. */
export const DEFAULT_TOLERANCE = new Fraction(1, 2)

type Dict = Record<string, unknown>

/** A mapping of the data (not null, not a list). */
export function isDict(x: unknown): x is Dict {
  return typeof x === 'object' && x !== null && !Array.isArray(x)
}

/** Own properties only, so keys like `constructor` or a `__proto__` entry never read through the prototype. */
export function own(obj: unknown, key: string): unknown {
  return isDict(obj) && Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined
}

function ownKeys(obj: unknown): string[] {
  return isDict(obj) ? Object.keys(obj) : []
}

/** RFC 6901 reference token: `~` -> `~0` first, then `/` -> `~1`. */
export function escapePointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1')
}

function child(path: string, key: string): string {
  return `${path}/${escapePointerToken(key)}`
}

function num(obj: unknown, key: string, path: string): NumField | undefined {
  const raw = own(obj, key)
  if (typeof raw !== 'number' || !Number.isFinite(raw)) return undefined
  return { value: q(raw), path: child(path, key) }
}

/** "Set" for the percent test: the key is there with a value (YAML `~`/null counts as absent). */
function isSet(obj: unknown, key: string): boolean {
  const raw = own(obj, key)
  return raw !== undefined && raw !== null
}

const SIZE_KEYS = ['base_position_usd', 'size_at_min', 'size_at_max'] as const

function detectMode(raw: unknown, f: Omit<ProfileView, 'mode' | 'name' | 'path' | 'order'>, setting: ModeSetting): SizingMode {
  const canProgressive = f.minBalance !== undefined && f.sizeAtMin !== undefined && f.sizeAtMax !== undefined
  switch (setting) {
    case 'progressive':
      return canProgressive ? 'progressive' : 'unknown'
    case 'fixed':
      return f.basePositionUsd !== undefined ? 'fixed' : 'unknown'
    case 'percent':
      return f.maxPositionPercent !== undefined ? 'percent' : 'unknown'
    case 'auto':
      if (f.progressive && canProgressive) return 'progressive'
      if (f.basePositionUsd !== undefined) return 'fixed'
      if (f.maxPositionPercent !== undefined && SIZE_KEYS.every((k) => !isSet(raw, k))) return 'percent'
      return 'unknown'
  }
}

function readProfile(raw: unknown, name: string, path: string, order: number, setting: ModeSetting): ProfileView {
  const threshold = num(raw, 'threshold', path)
  const maxBalance = num(raw, 'max_balance', path)
  const fields = {
    threshold,
    minBalance: num(raw, 'min_balance', path),
    maxBalance,
    hi: maxBalance ?? threshold,
    sizeAtMin: num(raw, 'size_at_min', path),
    sizeAtMax: num(raw, 'size_at_max', path),
    progressive: own(raw, 'progressive') === true,
    basePositionUsd: num(raw, 'base_position_usd', path),
    maxPositionPercent: num(raw, 'max_position_percent', path),
    minPositionUsd: num(raw, 'min_position_usd', path),
    maxPositionUsd: num(raw, 'max_position_usd', path),
  }
  // Absent fields are left out, not set to undefined, so views compare and print cleanly.
  const present = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as typeof fields
  const view: ProfileView = { name, path, mode: detectMode(raw, fields, setting), ...present, order }
  return Object.freeze(view)
}

function readSymbol(raw: unknown, symbol: string, path: string): SymbolView | undefined {
  if (!isDict(raw)) return undefined
  const multiplier = num(raw, 'position_multiplier', path)
  const overrides: OverrideView[] = []
  for (const key of ownKeys(raw)) {
    if (!(REGIMES as readonly string[]).includes(key)) continue
    const positionPath = child(child(path, key), 'position')
    const value = num(own(own(raw, key), 'position'), 'base_position_usd', positionPath)
    if (value) overrides.push(Object.freeze({ symbol, regime: key as Regime, value }))
  }
  const view: SymbolView = multiplier
    ? { symbol, path, multiplier: multiplier.value, multiplierPath: multiplier.path, overrides: Object.freeze(overrides) }
    : { symbol, path, multiplier: new Fraction(1), overrides: Object.freeze(overrides) }
  return Object.freeze(view)
}

function read(data: unknown, setting: ModeSetting): SizingConfig {
  const scalping = own(data, 'scalping')
  const profilesPath = '/scalping/balance_profiles'
  const rawProfiles = own(scalping, 'balance_profiles')
  const valid: ProfileView[] = []
  const invalid: ProfileView[] = []
  ownKeys(rawProfiles).forEach((name, order) => {
    const view = readProfile(own(rawProfiles, name), name, child(profilesPath, name), order, setting)
    ;(view.threshold ? valid : invalid).push(view)
  })
  // Array.prototype.sort is stable, so equal thresholds keep YAML order as the bot's sorted() does.
  valid.sort((a, b) => a.threshold!.value.compare(b.threshold!.value))

  const rawSymbols = own(scalping, 'symbols')
  const symbols = Array.isArray(rawSymbols) ? rawSymbols.filter((s): s is string => typeof s === 'string') : []

  const symbolProfilesPath = '/scalping/adaptive_regime/symbol_profiles'
  const rawSymbolProfiles = own(own(scalping, 'adaptive_regime'), 'symbol_profiles')
  const symbolProfiles: SymbolView[] = []
  for (const symbol of ownKeys(rawSymbolProfiles)) {
    const view = readSymbol(own(rawSymbolProfiles, symbol), symbol, child(symbolProfilesPath, symbol))
    if (view) symbolProfiles.push(view)
  }

  const tol = num(own(own(data, 'risk'), 'base'), 'position_override_tolerance_percent', '/risk/base')
  const leverage = num(scalping, 'leverage', '/scalping')
  const limiterPath = '/futures_modules/max_size_limiter'
  const rawLimiter = own(own(data, 'futures_modules'), 'max_size_limiter')
  const maxSingleSizeUsd = num(rawLimiter, 'max_single_size_usd', limiterPath)
  const maxTotalSizeUsd = num(rawLimiter, 'max_total_size_usd', limiterPath)
  const cfg: SizingConfig = {
    profiles: Object.freeze(valid),
    invalidProfiles: Object.freeze(invalid),
    ...(leverage ? { leverage } : {}),
    symbols: Object.freeze(symbols),
    symbolProfiles: Object.freeze(symbolProfiles),
    tolerance: Object.freeze(tol ? { value: tol.value.div(100), path: tol.path } : { value: DEFAULT_TOLERANCE }),
    limiter: Object.freeze({ ...(maxSingleSizeUsd ? { maxSingleSizeUsd } : {}), ...(maxTotalSizeUsd ? { maxTotalSizeUsd } : {}) }),
  }
  return Object.freeze(cfg)
}

const cache = new WeakMap<object, Map<ModeSetting, SizingConfig>>()

/**
 * The sizing view of a linted config's data (`doc.toJS()`). Never throws: whatever is missing, mistyped,
 * NaN or infinite is left out. Memoised per data object and mode, since several rules read the same data;
 * the result is frozen, so share it freely.
 */
export function readSizingConfig(data: unknown, options: ReadSizingOptions = {}): SizingConfig {
  const mode = options.mode ?? 'auto'
  if (typeof data !== 'object' || data === null) return read(data, mode)
  let byMode = cache.get(data)
  if (!byMode) cache.set(data, (byMode = new Map()))
  let cfg = byMode.get(mode)
  if (!cfg) byMode.set(mode, (cfg = read(data, mode)))
  return cfg
}
