// The sizing table at one balance as exact data (SPEC section 2): profile, base and per-symbol sizes, overrides, exposure. Renderers live in formatters/.
import Fraction from 'fraction.js'
import { q } from './decimal.js'
import { readSizingConfig, type ModeSetting, type Regime, type SizingMode } from './sizing-config.js'
import { pipelineContext } from './pipeline.js'
import { plAt } from './pl.js'
import { balanceAfterMove, exposureAt, formatIntervals, leverageOf, selectProfile, sizeAt, symbolSize, type Interval } from './sizing.js'
import { BOT_TOLERANCE, isLiveUnder, overrideView } from './traded-analysis.js'
import { tradedTable, type TradedTable } from './traded-table.js'

/** One `symbol_profiles.<S>.<regime>.position.base_position_usd` override at the explained balance. */
export interface OverrideExplanation {
  readonly regime: Regime
  /** The override, USD notional. */
  readonly value: Fraction
  /** JSON pointer of the override's scalar. */
  readonly path: string
  /** The bot uses it at this balance, by its era's rule (symmetric: `|value - size| / size <= tolerance`; asymmetric: also `value >= size`). */
  readonly applies: boolean
  /** The size the bot compares it with (after the symbol's multiplier, at the reference market's leverage). USD notional. */
  readonly comparedWith?: Fraction
  /** `|value - size| / size` as a ratio (0.656 = 65.6%); undefined when the size is not positive. */
  readonly deviation?: Fraction
  /** The era's rule: 'symmetric' (either side, variant-b) or 'asymmetric' (only to raise the size, risk-manager and percent). */
  readonly rule: 'symmetric' | 'asymmetric'
  /** Tolerance ratio the test used (0.5 = 50%). */
  readonly tolerance: Fraction
  /** Why the bot trades nothing for this symbol and regime at this balance, so the override is never compared. */
  readonly noTrade?: string
  /** Every balance where the override is live (empty: never). */
  readonly live: readonly Interval[]
  /** `live` in words, amounts to the cent ("up to $700.00"; "no balance" when empty). */
  readonly liveText: string
}

/** One traded symbol at the explained balance. */
export interface SymbolExplanation {
  readonly symbol: string
  /** `position_multiplier`, 1 when absent. */
  readonly multiplier: Fraction
  /** Base size * multiplier, before any override. USD notional. */
  readonly size: Fraction
  /** In YAML order; only overrides with a usable number. */
  readonly overrides: readonly OverrideExplanation[]
}

/** One adverse price move of `move` (0.1 = 10%) against every open position. */
export interface MoveExplanation {
  readonly move: Fraction
  /** balance - notional * move, USD. */
  readonly balanceLeft: Fraction
  /** balanceLeft / balance; undefined at balance 0. */
  readonly share?: Fraction
}

/** Every symbol's position open at once. Amounts USD; a `share` is a ratio of the balance, undefined at balance 0. */
export interface ExposureExplanation {
  readonly positions: number
  readonly notional: Fraction
  readonly notionalShare?: Fraction
  /** notional / leverage; undefined when leverage <= 0. */
  readonly margin?: Fraction
  readonly marginShare?: Fraction
  /** balance - margin. */
  readonly reserve?: Fraction
  readonly reserveShare?: Fraction
  /** 10% and 20%, in that order. */
  readonly moves: readonly MoveExplanation[]
}

/** The sizing table at one balance. Exact Fractions throughout; only the renderers round. */
export interface SizingTable {
  /** USD. */
  readonly balance: Fraction
  /** The profile the balance selects. */
  readonly profile: { readonly name: string; readonly mode: SizingMode; readonly path: string }
  /** The selected profile's base size, USD notional. */
  readonly baseSize: Fraction
  /** Percent profiles: `max_position_percent` (25 means 25% of the balance as margin). */
  readonly maxPositionPercent?: Fraction
  /** `scalping.leverage`, 1 when absent. */
  readonly leverage: Fraction
  /** Override tolerance ratio (0.5 = 50%). */
  readonly tolerance: Fraction
  /** `scalping.symbols`, or when that is absent or empty the symbols of `symbol_profiles`, in YAML order. */
  readonly symbols: readonly SymbolExplanation[]
  readonly exposure: ExposureExplanation
  /** What the bot's code of the era trades (per symbol and regime, and the account), beside the designed sizes above. */
  readonly traded: TradedTable
}

export interface SizingTableOptions {
  /** Pins the sizing mode of every profile ('auto' detects it per profile). */
  sizingMode?: ModeSetting
  /** Override tolerance as a ratio (0.5 = 50%); default: the config's own, else 0.5. */
  tolerance?: Fraction | number
  /** The `bot` setting: which era's code sizes the config (default 'auto'). */
  bot?: string
  /** Add the exact range over every market state to each traded cell (slower: explain asks for it). */
  ranges?: boolean
}

/** The adverse moves the table shows: 10% and 20% on every position (the seed report's safety check). */
export const ADVERSE_MOVES: readonly Fraction[] = Object.freeze([new Fraction(1, 10), new Fraction(1, 5)])

const toFraction = (x: Fraction | number): Fraction => (typeof x === 'number' ? q(x) : x)

/**
 * The sizing table for `data` (a config's `doc.toJS()`) at `balance` (USD, >= 0). Undefined when the balance
 * selects no profile that defines a size (no usable profiles). Never throws on odd config data.
 */
export function sizingTable(data: unknown, balance: Fraction | number, options: SizingTableOptions = {}): SizingTable | undefined {
  const b = toFraction(balance)
  const cfg = readSizingConfig(data, { mode: options.sizingMode ?? 'auto' })
  const profile = selectProfile(cfg, b)
  const base = sizeAt(cfg, b)
  if (!profile || !base) return undefined
  const tol = options.tolerance !== undefined ? toFraction(options.tolerance) : BOT_TOLERANCE
  const names = cfg.symbols.length > 0 ? cfg.symbols : cfg.symbolProfiles.map((s) => s.symbol)
  const ctx = pipelineContext(data, options.bot ?? 'auto')
  const rule = ctx.sem.override
  const traded = tradedTable(ctx, names, b, options.ranges === true)
  const noTradeOf = (symbol: string, regime: Regime): string | undefined =>
    traded.rows.find((r) => r.symbol === symbol)?.cells.find((c) => c.regime === regime)?.reference.noTrade

  const symbols: SymbolExplanation[] = names.map((symbol) => {
    const view = cfg.symbolProfiles.find((s) => s.symbol === symbol)
    const size = symbolSize(cfg, symbol, b)!
    const overrides = (view?.overrides ?? []).map((o): OverrideExplanation => {
      const value = o.value.value
      const { sized, live } = overrideView(ctx, symbol, o.regime, value, tol)
      const s = plAt(sized, b)
      return {
        regime: o.regime,
        value,
        path: o.value.path,
        applies: s !== undefined && isLiveUnder(value, s, tol, rule),
        ...(s !== undefined ? { comparedWith: s } : {}),
        ...(s !== undefined && s.gt(0) ? { deviation: value.sub(s).abs().div(s) } : {}),
        ...(s === undefined ? { noTrade: noTradeOf(symbol, o.regime) ?? 'the pipeline stops before the override' } : {}),
        rule,
        tolerance: tol,
        live,
        liveText: formatIntervals(live),
      }
    })
    return { symbol, multiplier: view?.multiplier ?? new Fraction(1), size, overrides }
  })

  // Every size is defined once the base size is, so the exposure is too.
  const exp = exposureAt(cfg, b, names)!
  const share = (x: Fraction | undefined): { share?: Fraction } => (x !== undefined && b.gt(0) ? { share: x.div(b) } : {})
  const exposure: ExposureExplanation = {
    positions: names.length,
    notional: exp.notional,
    ...(b.gt(0) ? { notionalShare: exp.notional.div(b) } : {}),
    ...(exp.margin ? { margin: exp.margin, ...(b.gt(0) ? { marginShare: exp.margin.div(b) } : {}) } : {}),
    ...(exp.reserve ? { reserve: exp.reserve, ...(b.gt(0) ? { reserveShare: exp.reserve.div(b) } : {}) } : {}),
    moves: ADVERSE_MOVES.map((move) => {
      const balanceLeft = balanceAfterMove(exp, move)
      return { move, balanceLeft, ...share(balanceLeft) }
    }),
  }

  return {
    balance: b,
    profile: { name: profile.name, mode: profile.mode, path: profile.path },
    baseSize: base,
    ...(profile.mode === 'percent' && profile.maxPositionPercent ? { maxPositionPercent: profile.maxPositionPercent.value } : {}),
    leverage: leverageOf(cfg),
    tolerance: tol,
    symbols,
    exposure,
    traded,
  }
}

