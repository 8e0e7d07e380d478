// The size as a function of the balance (SPEC section 2): profile selection, base and per-symbol size at one balance;
// its pieces (size-pieces.ts) and ranges (size-range.ts).
import Fraction from 'fraction.js'
import { ONE, ZERO } from './decimal.js'
import type { ProfileView, SizingConfig } from './sizing-config.js'

const HUNDRED = new Fraction(100)

// ---------------------------------------------------------------------------------------------
// Sizes at one balance

/** `scalping.leverage`, or 1 when the config has none. */
export function leverageOf(cfg: SizingConfig): Fraction {
  return cfg.leverage?.value ?? ONE
}

const multipliers = new WeakMap<SizingConfig, Map<string, Fraction>>()

/** `symbol_profiles[symbol].position_multiplier`, or 1. */
export function multiplierOf(cfg: SizingConfig, symbol: string): Fraction {
  // A map per (frozen, memoised) config: configs with hundreds of symbols would otherwise search linearly per call.
  let bySymbol = multipliers.get(cfg)
  if (!bySymbol) {
    bySymbol = new Map()
    for (const s of cfg.symbolProfiles) if (!bySymbol.has(s.symbol)) bySymbol.set(s.symbol, s.multiplier)
    multipliers.set(cfg, bySymbol)
  }
  return bySymbol.get(symbol) ?? ONE
}

/**
 * The profile that balance `b` (USD) selects: the first by threshold with `b <= threshold` (so a balance
 * equal to a threshold belongs to the lower profile); above every threshold, the last. Undefined without profiles.
 */
export function selectProfile(cfg: SizingConfig, b: Fraction): ProfileView | undefined {
  for (const p of cfg.profiles) if (b.lte(p.threshold!.value)) return p
  return cfg.profiles[cfg.profiles.length - 1]
}

/**
 * A profile's base size at balance `b`, in USD notional, by its own formula (whether or not `b` selects it).
 * Progressive: `size_at_min` up to and including `min_balance`, then `size_at_max` from `hi = max_balance ?? threshold`
 * on, linear in between; the tests run in that order, so zero-width and inverted profiles never divide by zero.
 * Fixed: `base_position_usd`. Percent: `b * max_position_percent / 100 * leverage` (leverage defaults to 1).
 * Undefined for mode 'unknown' or missing fields.
 */
export function baseSize(profile: ProfileView, b: Fraction, leverage: Fraction = ONE): Fraction | undefined {
  switch (profile.mode) {
    case 'progressive': {
      const { minBalance, hi, sizeAtMin, sizeAtMax } = profile
      if (!minBalance || !hi || !sizeAtMin || !sizeAtMax) return undefined
      if (b.lte(minBalance.value)) return sizeAtMin.value
      if (b.gte(hi.value)) return sizeAtMax.value
      return sizeAtMin.value.add(b.sub(minBalance.value).div(hi.value.sub(minBalance.value)).mul(sizeAtMax.value.sub(sizeAtMin.value)))
    }
    case 'fixed':
      return profile.basePositionUsd?.value
    case 'percent':
      return profile.maxPositionPercent ? b.mul(profile.maxPositionPercent.value).div(HUNDRED).mul(leverage) : undefined
    case 'unknown':
      return undefined
  }
}

/** Base size at balance `b` (USD): the selected profile's formula. USD notional; undefined when nothing defines it. */
export function sizeAt(cfg: SizingConfig, b: Fraction): Fraction | undefined {
  const p = selectProfile(cfg, b)
  return p && baseSize(p, b, leverageOf(cfg))
}

/** Per-symbol size at balance `b`: base size * position_multiplier (default 1), before any override. USD notional. */
export function symbolSize(cfg: SizingConfig, symbol: string, b: Fraction): Fraction | undefined {
  return sizeAt(cfg, b)?.mul(multiplierOf(cfg, symbol))
}

/** Margin (USD) for the base size, or for `symbol`'s size when given: notional / leverage. Undefined when leverage <= 0. */
export function marginAt(cfg: SizingConfig, b: Fraction, symbol?: string): Fraction | undefined {
  const size = symbol === undefined ? sizeAt(cfg, b) : symbolSize(cfg, symbol, b)
  const lev = leverageOf(cfg)
  return size && lev.gt(0) ? size.div(lev) : undefined
}

/** What every position open at once costs at balance `b`. All amounts USD. */
export interface Exposure {
  readonly balance: Fraction
  readonly leverage: Fraction
  readonly positions: readonly { readonly symbol: string; readonly size: Fraction }[]
  /** Sum of per-symbol sizes (notional). */
  readonly notional: Fraction
  /** notional / leverage; undefined when leverage <= 0. */
  readonly margin?: Fraction
  /** balance - margin. */
  readonly reserve?: Fraction
}

/** One position per symbol (default `scalping.symbols`) at balance `b`; undefined when some size is undefined. */
export function exposureAt(cfg: SizingConfig, b: Fraction, symbols: readonly string[] = cfg.symbols): Exposure | undefined {
  const positions: { symbol: string; size: Fraction }[] = []
  let notional = ZERO
  for (const symbol of symbols) {
    const size = symbolSize(cfg, symbol, b)
    if (!size) return undefined
    positions.push({ symbol, size })
    notional = notional.add(size)
  }
  const leverage = leverageOf(cfg)
  if (!leverage.gt(0)) return { balance: b, leverage, positions, notional }
  const margin = notional.div(leverage)
  return { balance: b, leverage, positions, notional, margin, reserve: b.sub(margin) }
}

/** Balance (USD) left after an adverse price move of `move` (0.1 = 10%) on every open position: balance - notional * move. */
export function balanceAfterMove(exposure: Exposure, move: Fraction): Fraction {
  return exposure.balance.sub(exposure.notional.mul(move))
}

export * from './size-pieces.js'
export * from './size-range.js'
