// Over the designed size's pieces: the balances where it passes a cap, its range, and its jumps.
import Fraction from 'fraction.js'
import { formatUsd, ONE } from './decimal.js'
import { intervalContains, type Interval, type Span } from './interval.js'
import type { ProfileView, SizingConfig } from './sizing-config.js'
import { multiplierOf } from './size-function.js'
import { at, balancesWithSize, basePieces, pieceImage, scaledPieces, sizePieces, type SizePiece } from './size-pieces.js'

// ---------------------------------------------------------------------------------------------
// Caps

const imageCache = new WeakMap<SizingConfig, Map<string, (Span | undefined)[]>>()

/** Each piece's image for `symbol`, cached per multiplier: a stale-override run asks once per override. */
export function pieceImages(cfg: SizingConfig, symbol: string): (Span | undefined)[] {
  let byMult = imageCache.get(cfg)
  if (!byMult) imageCache.set(cfg, (byMult = new Map()))
  const key = multiplierOf(cfg, symbol).toFraction()
  let images = byMult.get(key)
  if (!images) byMult.set(key, (images = sizePieces(cfg, symbol).map(pieceImage)))
  return images
}


/**
 * Exactly the balances in [0, +inf) where `mult` times the base size (USD notional) is strictly above (or strictly
 * below) `bound`, as sorted, disjoint, maximal intervals. With `profile`, only balances that select that profile.
 * Balances where no profile defines a size are never included.
 */
export function balancesWhereSize(
  cfg: SizingConfig,
  mult: Fraction,
  rel: 'above' | 'below',
  bound: Fraction,
  profile?: ProfileView,
): Interval[] {
  const sizes: Span =
    rel === 'above' ? { lo: bound, loClosed: false, hi: null, hiClosed: false } : { lo: null, loClosed: false, hi: bound, hiClosed: false }
  return balancesWithSize(scaledPieces(basePieces(cfg), mult), sizes, profile)
}

/** Bounds of `mult` times the base size over the balances where it is defined (only where `profile` is selected, if given). */
export function scaledSizeRange(cfg: SizingConfig, mult: Fraction, profile?: ProfileView): SizeRange | undefined {
  const pieces = scaledPieces(basePieces(cfg), mult)
  return computeSizeRange(profile === undefined ? pieces : pieces.filter((p) => p.profile === profile))
}

/** A balance where the size function is not continuous. Sizes USD notional; `before` is absent at 0. */
export interface Discontinuity {
  readonly at: Fraction
  /** Limit from below. */
  readonly before?: Fraction
  /** The size at `at` itself. */
  readonly value?: Fraction
  /** Limit from above. */
  readonly after?: Fraction
}

/**
 * Every balance where the base size (or `symbol`'s size) jumps, including inside a zero-width or inverted
 * progressive profile. Junctions next to an 'unknown' piece are reported only when the defined sides disagree.
 */
export function discontinuities(cfg: SizingConfig, symbol?: string): Discontinuity[] {
  const pieces = sizePieces(cfg, symbol)
  const valueOf = (p: SizePiece | undefined, x: Fraction): Fraction | undefined =>
    p?.slope && p.intercept ? at(p.slope, p.intercept, x) : undefined
  const out: Discontinuity[] = []
  const seen = new Set<string>()
  for (const piece of pieces) {
    const x = piece.interval.hi
    if (x === null || seen.has(x.toFraction())) continue
    seen.add(x.toFraction())
    const before = valueOf(pieces.find((p) => p.interval.lo.lt(x) && p.interval.hi !== null && p.interval.hi.gte(x)), x)
    const value = valueOf(pieces.find((p) => intervalContains(p.interval, x)), x)
    const after = valueOf(pieces.find((p) => p.interval.lo.lte(x) && (p.interval.hi === null || p.interval.hi.gt(x))), x)
    const defined = [before, value, after].filter((v): v is Fraction => v !== undefined)
    if (defined.some((v) => !v.equals(defined[0]!))) {
      out.push(Object.freeze({ at: x, ...(before ? { before } : {}), ...(value ? { value } : {}), ...(after ? { after } : {}) }))
    }
  }
  return out
}

/** Bounds of the size over [0, +inf), USD notional. `null` means unbounded (a percent piece grows without end). */
export interface SizeRange {
  /** Infimum; null = unbounded below. */
  readonly min: Fraction | null
  readonly minAttained: boolean
  /** Supremum; null = unbounded above. */
  readonly max: Fraction | null
  readonly maxAttained: boolean
}

interface Bound {
  value: Fraction | null
  attained: boolean
}

/** Smallest and largest size the base (or `symbol`'s) size takes where defined; undefined when it is defined nowhere. */
export function sizeRange(cfg: SizingConfig, symbol?: string): SizeRange | undefined {
  // Symbols with the same multiplier have the same range; configs with hundreds of symbols ask for each.
  const mult = symbol === undefined ? ONE : multiplierOf(cfg, symbol)
  let byMult = rangeCache.get(cfg)
  if (!byMult) rangeCache.set(cfg, (byMult = new Map()))
  const key = mult.toFraction()
  if (byMult.has(key)) return byMult.get(key)
  const range = computeSizeRange(sizePieces(cfg, symbol))
  byMult.set(key, range)
  return range
}

const rangeCache = new WeakMap<SizingConfig, Map<string, SizeRange | undefined>>()

function computeSizeRange(pieces: readonly SizePiece[]): SizeRange | undefined {
  let min: Bound | undefined
  let max: Bound | undefined
  const better = (cur: Bound | undefined, cand: Bound, dir: 1 | -1): Bound => {
    if (!cur) return cand
    if (cur.value === null) return cur
    if (cand.value === null) return cand
    const c = cand.value.compare(cur.value) * dir
    if (c > 0) return cand
    if (c === 0) return { value: cur.value, attained: cur.attained || cand.attained }
    return cur
  }
  for (const p of pieces) {
    if (!p.slope || !p.intercept) continue
    const { lo, loClosed, hi, hiClosed } = p.interval
    const sign = p.slope.compare(0)
    if (sign === 0) {
      min = better(min, { value: p.intercept, attained: true }, -1)
      max = better(max, { value: p.intercept, attained: true }, 1)
      continue
    }
    const atLo: Bound = { value: at(p.slope, p.intercept, lo), attained: loClosed }
    const atHi: Bound = hi === null ? { value: null, attained: false } : { value: at(p.slope, p.intercept, hi), attained: hiClosed }
    min = better(min, sign > 0 ? atLo : atHi, -1)
    max = better(max, sign > 0 ? atHi : atLo, 1)
  }
  if (!min || !max) return undefined
  return Object.freeze({ min: min.value, minAttained: min.attained, max: max.value, maxAttained: max.attained })
}

/** "from $36.00 to $360.00", "from $18.75 upwards", "always $50.00": the words after "the size runs" / "the size is". */
export function formatSizeRange(range: SizeRange): string {
  const { min, max } = range
  if (min !== null && max !== null) return min.equals(max) ? `is always ${formatUsd(min)}` : `runs from ${formatUsd(min)} to ${formatUsd(max)}`
  if (min !== null) return `runs from ${formatUsd(min)} upwards`
  if (max !== null) return `runs up to ${formatUsd(max)}`
  return 'is unbounded'
}
