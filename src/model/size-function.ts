// The size as a function of the balance (SPEC section 2): profile selection, base and per-symbol size, its affine pieces, ranges and jumps.
import Fraction from 'fraction.js'
import { formatUsd, ONE, ZERO } from './decimal.js'
import { DOMAIN, LINE, intersect, intervalContains, mergeIntervals, spanContains, toInterval, type Interval, type Span } from './interval.js'
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

// ---------------------------------------------------------------------------------------------
// The size as a piecewise-linear function of the balance

/** Which part of a profile's formula a piece comes from. */
export type PieceKind = 'at-min' | 'interpolated' | 'at-max' | 'fixed' | 'percent' | 'unknown'

/** On `interval`, size = slope * b + intercept (USD notional); both absent when the profile defines no size. */
export interface SizePiece {
  readonly interval: Interval
  readonly profile: ProfileView
  readonly kind: PieceKind
  readonly slope?: Fraction
  readonly intercept?: Fraction
}

interface Segment {
  span: Span
  kind: PieceKind
  slope?: Fraction
  intercept?: Fraction
}

/** A profile's formula over the whole line, split where it changes shape; same values as baseSize at every point. */
function segments(p: ProfileView, leverage: Fraction): Segment[] {
  if (p.mode === 'progressive' && p.minBalance && p.hi && p.sizeAtMin && p.sizeAtMax) {
    const m = p.minBalance.value
    const hi = p.hi.value
    const sMin = p.sizeAtMin.value
    const sMax = p.sizeAtMax.value
    const out: Segment[] = [{ span: { lo: null, loClosed: false, hi: m, hiClosed: true }, kind: 'at-min', slope: ZERO, intercept: sMin }]
    if (hi.gt(m)) {
      const slope = sMax.sub(sMin).div(hi.sub(m))
      // Closed at hi: the line reaches size_at_max exactly there, so this matches baseSize's `b >= hi` branch.
      out.push({ span: { lo: m, loClosed: false, hi, hiClosed: true }, kind: 'interpolated', slope, intercept: sMin.sub(slope.mul(m)) })
      out.push({ span: { lo: hi, loClosed: false, hi: null, hiClosed: false }, kind: 'at-max', slope: ZERO, intercept: sMax })
    } else {
      out.push({ span: { lo: m, loClosed: false, hi: null, hiClosed: false }, kind: 'at-max', slope: ZERO, intercept: sMax })
    }
    return out
  }
  if (p.mode === 'fixed' && p.basePositionUsd) return [{ span: LINE, kind: 'fixed', slope: ZERO, intercept: p.basePositionUsd.value }]
  if (p.mode === 'percent' && p.maxPositionPercent) {
    return [{ span: LINE, kind: 'percent', slope: p.maxPositionPercent.value.div(HUNDRED).mul(leverage), intercept: ZERO }]
  }
  return [{ span: LINE, kind: 'unknown' }]
}

export function at(slope: Fraction, intercept: Fraction, b: Fraction): Fraction {
  return slope.mul(b).add(intercept)
}

/** Balances that select profile i of the sorted list, within [0, +inf). */
export function selectionSpan(cfg: SizingConfig, i: number): Span | undefined {
  const ps = cfg.profiles
  const lo = i === 0 ? null : ps[i - 1]!.threshold!.value
  const hi = i === ps.length - 1 ? null : ps[i]!.threshold!.value
  return intersect({ lo, loClosed: false, hi, hiClosed: true }, DOMAIN)
}

/**
 * The base size (or `symbol`'s size) as pieces covering [0, +inf) in order, each affine in the balance:
 * profile selection cuts at thresholds, and a progressive profile adds its flat / linear / flat parts.
 * Empty when the config has no profile.
 */
export function sizePieces(cfg: SizingConfig, symbol?: string): SizePiece[] {
  const mult = symbol === undefined ? ONE : multiplierOf(cfg, symbol)
  return scaledPieces(basePieces(cfg), mult)
}

const basePieceCache = new WeakMap<SizingConfig, readonly SizePiece[]>()
const scaledCache = new WeakMap<readonly SizePiece[], Map<string, SizePiece[]>>()

/** The base size's pieces, computed once per (frozen, memoised) config: every override of every symbol reuses them. */
function basePieces(cfg: SizingConfig): readonly SizePiece[] {
  const cached = basePieceCache.get(cfg)
  if (cached) return cached
  const leverage = leverageOf(cfg)
  const out: SizePiece[] = []
  cfg.profiles.forEach((profile, i) => {
    const region = selectionSpan(cfg, i)
    if (!region) return
    for (const seg of segments(profile, leverage)) {
      const span = intersect(seg.span, region)
      if (!span) continue
      const interval = toInterval(span)
      out.push(
        seg.slope && seg.intercept
          ? Object.freeze({ interval, profile, kind: seg.kind, slope: seg.slope, intercept: seg.intercept })
          : Object.freeze({ interval, profile, kind: seg.kind }),
      )
    }
  })
  const frozen = Object.freeze(out)
  basePieceCache.set(cfg, frozen)
  return frozen
}

/** The pieces times a multiplier, cached per multiplier value (symbols share multipliers). */
function scaledPieces(base: readonly SizePiece[], mult: Fraction): SizePiece[] {
  let byMult = scaledCache.get(base)
  if (!byMult) scaledCache.set(base, (byMult = new Map()))
  const key = mult.toFraction()
  const hit = byMult.get(key)
  if (hit) return [...hit]
  const out = base.map((p) =>
    p.slope && p.intercept ? Object.freeze({ ...p, slope: p.slope.mul(mult), intercept: p.intercept.mul(mult) }) : p,
  )
  byMult.set(key, out)
  return [...out]
}

/** Value of a profile's formula approached from the right of x (USD notional): what the size tends to just above x. */
export function limitAbove(p: ProfileView, x: Fraction, leverage: Fraction): Fraction | undefined {
  for (const seg of segments(p, leverage)) {
    const startsBy = seg.span.lo === null || seg.span.lo.lte(x)
    const endsAfter = seg.span.hi === null || seg.span.hi.gt(x)
    if (startsBy && endsAfter) return seg.slope && seg.intercept && at(seg.slope, seg.intercept, x)
  }
  return undefined
}

/** Balances in `piece` whose size lies in `sizes`: the preimage of a span under an affine map is a span. */
export function preimage(piece: SizePiece, sizes: Span): Span | undefined {
  const { slope, intercept } = piece
  if (!slope || !intercept) return undefined
  const sign = slope.compare(0)
  if (sign === 0) return spanContains(sizes, intercept) ? piece.interval : undefined
  const inv = (s: Fraction | null): Fraction | null => (s === null ? null : s.sub(intercept).div(slope))
  const pre: Span =
    sign > 0
      ? { lo: inv(sizes.lo), loClosed: sizes.loClosed, hi: inv(sizes.hi), hiClosed: sizes.hiClosed }
      : { lo: inv(sizes.hi), loClosed: sizes.hiClosed, hi: inv(sizes.lo), hiClosed: sizes.loClosed }
  return intersect(pre, piece.interval)
}

/**
 * Exactly the balances in [0, +inf) where override `o` (USD notional) is live for `symbol`, as sorted, disjoint,
 * maximal intervals; empty when it is stale at every balance. `tol` is a ratio (default: the config's tolerance).
/** The balances where the pieces' size lies in `sizes` (only on `profile`'s pieces, if given), merged. */
export function balancesWithSize(pieces: readonly SizePiece[], sizes: Span, profile?: ProfileView): Interval[] {
  const parts: Interval[] = []
  for (const piece of pieces) {
    if (profile !== undefined && piece.profile !== profile) continue
    const span = preimage(piece, sizes)
    if (span) parts.push(toInterval(span))
  }
  return mergeIntervals(parts)
}

/** The sizes one piece takes (the image of its interval under its affine map), as a span. */
function pieceImage(piece: SizePiece): Span | undefined {
  const { slope, intercept, interval } = piece
  if (!slope || !intercept) return undefined
  const sign = slope.compare(0)
  const atLo = at(slope, intercept, interval.lo)
  if (sign === 0) return { lo: atLo, loClosed: true, hi: atLo, hiClosed: true }
  const atHi = interval.hi === null ? null : at(slope, intercept, interval.hi)
  return sign > 0
    ? { lo: atLo, loClosed: interval.loClosed, hi: atHi, hiClosed: interval.hiClosed }
    : { lo: atHi, loClosed: interval.hiClosed, hi: atLo, hiClosed: interval.loClosed }
}
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
