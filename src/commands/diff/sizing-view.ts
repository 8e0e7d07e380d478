// The diff's one window on the sizing model: every size, live set and sizing table the diff shows is read here, nowhere else.
// Sizes and the exposure are the designed model's (size-function); live sets are the bot's (the era's override rule, traded-analysis).
import type Fraction from 'fraction.js'
import { q } from '../../model/decimal.js'
import { toInterval, type Interval } from '../../model/interval.js'
import type { Pl } from '../../model/pl.js'
import { isDict, own, readSizingConfig, type ModeSetting, type Regime, type SizingConfig } from '../../model/sizing-config.js'
import type { BotSetting } from '../../model/eras.js'
import { pipelineContext } from '../../model/pipeline.js'
import { exposureAt as modelExposureAt, leverageOf, selectionSpan, sizeAt, sizePieces } from '../../model/sizing.js'
import { BOT_TOLERANCE, overrideView } from '../../model/traded-analysis.js'
import { sizingTable, type SizingTable } from '../../model/sizing-table.js'
import type { ExposureSide, LintSettings } from '../../types.js'

/** What the sizing depends on besides the config: the settings' sizing mode and bot era, and stale-override's tolerance option. */
export interface SizingSettings {
  readonly sizingMode: ModeSetting
  /** The bot era setting ('auto' by default): whose override rule decides where an override is live. */
  readonly bot?: BotSetting
  /** Override tolerance as a ratio (0.5 = 50%); unset: the bot's literal 50%. */
  readonly tolerance?: number
}

/** The sizing settings of a run's lint settings. */
export function sizingSettings(settings: LintSettings): SizingSettings {
  const tolerance = settings.rules['stale-override']?.options.tolerance
  return {
    sizingMode: settings.shared.sizingMode,
    ...(settings.shared.bot !== undefined ? { bot: settings.shared.bot } : {}),
    ...(typeof tolerance === 'number' ? { tolerance } : {}),
  }
}

const config = (data: unknown, s: SizingSettings): SizingConfig => readSizingConfig(data, { mode: s.sizingMode })

/** One entry of `scalping.balance_profiles` as the diff compares it. */
export interface ProfileFacts {
  readonly name: string
  /** JSON pointer of the profile mapping. */
  readonly path: string
  /** progressive | fixed | percent | unknown, as the model reads it. */
  readonly mode: string
  /** The mapping's own keys and values as the bot loads them, in YAML order. */
  readonly fields: ReadonlyMap<string, unknown>
  /** The balances that select this profile (empty for a profile without a usable threshold). */
  readonly selected: readonly Interval[]
}

/** Every balance profile: those the model can select, by threshold, then those it never selects. */
export function profiles(data: unknown, s: SizingSettings): ProfileFacts[] {
  const cfg = config(data, s)
  const raw = own(own(data, 'scalping'), 'balance_profiles')
  const fieldsOf = (name: string): Map<string, unknown> => {
    const entry = own(raw, name)
    return new Map(isDict(entry) ? Object.keys(entry).map((k) => [k, entry[k]]) : [])
  }
  const selectable = cfg.profiles.map((p, i): ProfileFacts => {
    const span = selectionSpan(cfg, i)
    return { name: p.name, path: p.path, mode: p.mode, fields: fieldsOf(p.name), selected: span ? [toInterval(span)] : [] }
  })
  const never = cfg.invalidProfiles.map((p): ProfileFacts => ({ name: p.name, path: p.path, mode: p.mode, fields: fieldsOf(p.name), selected: [] }))
  return [...selectable, ...never]
}

/** The symbols the bot trades: `scalping.symbols`, or when that is absent or empty the keys of `symbol_profiles`. */
export function tradedSymbols(data: unknown, s: SizingSettings): string[] {
  const cfg = config(data, s)
  return cfg.symbols.length > 0 ? [...cfg.symbols] : cfg.symbolProfiles.map((p) => p.symbol)
}

/** The model's size pieces (of the base size, or of one symbol's size) as an exact piecewise-linear function. */
function asPl(cfg: SizingConfig, symbol?: string): Pl {
  return sizePieces(cfg, symbol).map((p) =>
    p.slope && p.intercept
      ? { interval: p.interval, slope: p.slope, intercept: p.intercept, label: p.profile.name }
      : { interval: p.interval, label: p.profile.name },
  )
}

/** The base size (USD notional, before any multiplier) as a function of the balance; empty without profiles. */
export function baseSizes(data: unknown, s: SizingSettings): Pl {
  return asPl(config(data, s))
}

/** Each traded symbol's size (USD notional, multiplier applied, before overrides) as a function of the balance. */
export function symbolSizes(data: unknown, s: SizingSettings): Map<string, Pl> {
  const cfg = config(data, s)
  return new Map(tradedSymbols(data, s).map((symbol) => [symbol, asPl(cfg, symbol)]))
}

/** One `symbol_profiles.<S>.<regime>.position.base_position_usd` override and the balances where the bot uses it. */
export interface OverrideFacts {
  readonly symbol: string
  readonly regime: Regime
  /** JSON pointer of the override's scalar. */
  readonly path: string
  /** USD notional. */
  readonly value: Fraction
  /** Exactly the balances where the bot uses it (empty: stale at every balance). */
  readonly live: readonly Interval[]
}

/** Every override of every symbol profile, in YAML order, live where the era's rule uses it (as stale-override judges). */
export function overrides(data: unknown, s: SizingSettings): OverrideFacts[] {
  const cfg = config(data, s)
  const pc = pipelineContext(data, s.bot ?? 'auto')
  const tol = s.tolerance !== undefined ? q(s.tolerance) : BOT_TOLERANCE
  return cfg.symbolProfiles.flatMap((view) =>
    view.overrides.map((o) => ({
      symbol: o.symbol,
      regime: o.regime,
      path: o.value.path,
      value: o.value.value,
      live: overrideView(pc, o.symbol, o.regime, o.value.value, tol).live,
    })),
  )
}

/** The sizing table (`explain`) at one balance (USD); undefined when no profile defines a size there. */
export function sizingTableAt(data: unknown, s: SizingSettings, balance: Fraction | number): SizingTable | undefined {
  const bot = s.bot !== undefined ? { bot: s.bot } : {}
  const tolerance = s.tolerance !== undefined ? { tolerance: s.tolerance } : {}
  return sizingTable(data, balance, { sizingMode: s.sizingMode, ...bot, ...tolerance })
}

/** Every traded symbol's position open at once at one balance. Amounts USD; a share is a ratio of the balance. */
export type ExposureFacts = ExposureSide

/** The exposure with every position open at one balance (USD, >= 0), as `explain` shows it; undefined when no profile defines a size there. */
export function exposureAt(data: unknown, s: SizingSettings, balance: Fraction | number): ExposureFacts | undefined {
  const b = typeof balance === 'number' ? q(balance) : balance
  const cfg = config(data, s)
  if (sizeAt(cfg, b) === undefined) return undefined
  // The positions the sizing table opens: every traded symbol, each at its per-symbol size.
  const e = modelExposureAt(cfg, b, tradedSymbols(data, s))
  if (!e) return undefined
  const { margin, reserve } = e
  return {
    positions: e.positions.length,
    leverage: leverageOf(cfg),
    notional: e.notional,
    ...(margin ? { margin } : {}),
    ...(reserve ? { reserve } : {}),
    ...(b.gt(0)
      ? { notionalShare: e.notional.div(b), ...(margin ? { marginShare: margin.div(b) } : {}), ...(reserve ? { reserveShare: reserve.div(b) } : {}) }
      : {}),
  }
}
