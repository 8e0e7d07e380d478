// Overrides (SPEC section 2): whether the bot uses a per-regime base_position_usd instead of the per-symbol size, and exactly where.
import type Fraction from 'fraction.js'
import { ONE, ZERO } from './decimal.js'
import { LINE, intersect, type Interval, type Span } from './interval.js'
import { balancesWithSize, pieceImages, sizePieces, symbolSize } from './size-function.js'
import type { SizingConfig } from './sizing-config.js'

/**
 * The bot's override test: it uses override `o` (USD notional) instead of size `s` iff `s > 0` and
 * `|o - s| / s <= tol` (tol is a ratio, 0.5 for 50%). Inclusive at both ends.
 */
export function isOverrideLive(o: Fraction, s: Fraction, tol: Fraction): boolean {
  return s.gt(0) && o.sub(s).abs().lte(tol.mul(s))
}

/** Whether override `o` is live for `symbol` at balance `b`; false where the size is undefined. */
export function overrideLiveAt(cfg: SizingConfig, symbol: string, o: Fraction, b: Fraction, tol: Fraction = cfg.tolerance.value): boolean {
  const s = symbolSize(cfg, symbol, b)
  return s !== undefined && isOverrideLive(o, s, tol)
}

/** `{ s : k * s <= o }` (or `>=`) as a span; undefined when empty. */
function halfLine(k: Fraction, o: Fraction, rel: 'le' | 'ge'): Span | undefined {
  const c = k.compare(0)
  if (c === 0) return (rel === 'le' ? o.gte(0) : o.lte(0)) ? LINE : undefined
  const edge = o.div(k)
  // Dividing by a negative k flips the inequality.
  const upper = (rel === 'le') === c > 0
  return upper ? { lo: null, loClosed: false, hi: edge, hiClosed: true } : { lo: edge, loClosed: true, hi: null, hiClosed: false }
}

/**
 * Sizes s where `o` is live: s > 0 and -tol*s <= o - s <= tol*s, i.e. (1 - tol) s <= o and (1 + tol) s >= o.
 * For tol in [0, 1) that is [o / (1 + tol), o / (1 - tol)]; the general form also covers tol >= 1 and odd inputs.
 */
function liveSizes(o: Fraction, tol: Fraction): Span | undefined {
  const a = halfLine(ONE.sub(tol), o, 'le')
  const b = halfLine(ONE.add(tol), o, 'ge')
  if (!a || !b) return undefined
  const ab = intersect(a, b)
  return ab && intersect(ab, { lo: ZERO, loClosed: false, hi: null, hiClosed: false })
}

/**
 * Exactly the balances in [0, +inf) where override `o` (USD notional) is live for `symbol`, as sorted, disjoint,
 * maximal intervals; empty when it is stale at every balance. `tol` is a ratio (default: the config's tolerance).
 * Agrees with `overrideLiveAt` at every balance; can be two intervals when the size drops and rises again.
 */
export function overrideLiveSet(cfg: SizingConfig, symbol: string, o: Fraction, tol: Fraction = cfg.tolerance.value): Interval[] {
  const sizes = liveSizes(o, tol)
  return sizes ? balancesWithSize(sizePieces(cfg, symbol), sizes) : []
}

/**
 * Whether override `o` is live for `symbol` at some balance: exactly `overrideLiveSet(...).length > 0`, but by
 * comparing the sizes each piece takes with the live sizes, without inverting a single piece.
 */
export function overrideEverLive(cfg: SizingConfig, symbol: string, o: Fraction, tol: Fraction = cfg.tolerance.value): boolean {
  const sizes = liveSizes(o, tol)
  if (!sizes) return false
  return pieceImages(cfg, symbol).some((image) => image !== undefined && intersect(image, sizes) !== undefined)
}

