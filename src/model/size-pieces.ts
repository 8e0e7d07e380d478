// The designed size as affine pieces of the balance (SPEC section 2): per profile segment, scaled per symbol, with their preimages.
import Fraction from 'fraction.js'
import { ONE, ZERO } from './decimal.js'
import { DOMAIN, LINE, intersect, mergeIntervals, toInterval, type Interval, type Span } from './interval.js'
import type { ProfileView, SizingConfig } from './sizing-config.js'
import { piecePreimage } from './pl.js'
import { leverageOf, multiplierOf } from './size-function.js'

const HUNDRED = new Fraction(100)

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
export function basePieces(cfg: SizingConfig): readonly SizePiece[] {
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
export function scaledPieces(base: readonly SizePiece[], mult: Fraction): SizePiece[] {
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

/** Balances in `piece` whose size lies in `sizes`: the preimage of a span under an affine map is a span (a size piece is a Pl piece). */
export function preimage(piece: SizePiece, sizes: Span): Span | undefined {
  return piecePreimage(piece, sizes)
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
export function pieceImage(piece: SizePiece): Span | undefined {
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
