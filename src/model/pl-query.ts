// Questions asked of a piecewise-linear function of the balance: where it takes given values, its range, where it is defined, its simplest form.
import type Fraction from 'fraction.js'
import { toInterval, type Interval, type Span } from './interval.js'
import { piece, pieceAt, piecePreimage, type Pl, type PlPiece } from './pl.js'

/** Exactly the balances where f's value lies in `values`, as sorted, disjoint, maximal intervals. */
export function plPreimage(f: Pl, values: Span): Interval[] {
  const parts: Interval[] = []
  for (const p of f) {
    const span = piecePreimage(p, values)
    if (span) parts.push(toInterval(span))
  }
  return mergeSorted(parts)
}

function mergeSorted(parts: Interval[]): Interval[] {
  const out: Interval[] = []
  for (const iv of parts) {
    const prev = out[out.length - 1]
    if (prev && prev.hi !== null && prev.hi.equals(iv.lo) && (prev.hiClosed || iv.loClosed)) {
      out[out.length - 1] = Object.freeze({ lo: prev.lo, loClosed: prev.loClosed, hi: iv.hi, hiClosed: iv.hiClosed })
    } else out.push(iv)
  }
  return out
}

/** Merges neighbouring pieces that carry the same line and label (the same function, fewer pieces). */
export function plSimplify(f: Pl): Pl {
  const out: PlPiece[] = []
  for (const p of f) {
    const prev = out[out.length - 1]
    const touching = prev && prev.interval.hi !== null && prev.interval.hi.equals(p.interval.lo) && (prev.interval.hiClosed || p.interval.loClosed)
    const same =
      prev &&
      prev.label === p.label &&
      ((prev.slope === undefined && p.slope === undefined) ||
        (prev.slope !== undefined && p.slope !== undefined && prev.slope.equals(p.slope) && prev.intercept!.equals(p.intercept!)))
    if (touching && same) {
      out[out.length - 1] = piece(
        Object.freeze({ lo: prev.interval.lo, loClosed: prev.interval.loClosed, hi: p.interval.hi, hiClosed: p.interval.hiClosed }),
        p.slope,
        p.intercept,
        p.label,
      )
    } else out.push(p)
  }
  return out
}

/** Bounds of f's values where it is defined: `null` is unbounded; undefined when f is defined nowhere. */
export interface PlRange {
  readonly min: Fraction | null
  readonly minAttained: boolean
  readonly max: Fraction | null
  readonly maxAttained: boolean
}

/** The infimum and supremum of f over its domain, and whether f reaches them. */
export function plRange(f: Pl): PlRange | undefined {
  let min: { v: Fraction | null; at: boolean } | undefined
  let max: { v: Fraction | null; at: boolean } | undefined
  const better = (cur: typeof min, v: Fraction | null, attained: boolean, dir: 1 | -1): NonNullable<typeof min> => {
    if (!cur) return { v, at: attained }
    if (cur.v === null) return cur
    if (v === null) return { v, at: false }
    const c = v.compare(cur.v) * dir
    if (c > 0) return { v, at: attained }
    if (c === 0) return { v: cur.v, at: cur.at || attained }
    return cur
  }
  for (const p of f) {
    if (!p.slope || !p.intercept) continue
    const { lo, loClosed, hi, hiClosed } = p.interval
    const sign = p.slope.compare(0)
    const atLo = pieceAt(p, lo)!
    if (sign === 0) {
      min = better(min, atLo, true, -1)
      max = better(max, atLo, true, 1)
      continue
    }
    const atHi = hi === null ? null : pieceAt(p, hi)!
    if (sign > 0) {
      min = better(min, atLo, loClosed, -1)
      max = better(max, atHi, hi !== null && hiClosed, 1)
    } else {
      min = better(min, atHi, hi !== null && hiClosed, -1)
      max = better(max, atLo, loClosed, 1)
    }
  }
  if (!min || !max) return undefined
  return Object.freeze({ min: min.v, minAttained: min.at, max: max.v, maxAttained: max.at })
}

/** The balances where f is defined, merged. */
export function plDefined(f: Pl): Interval[] {
  return mergeSorted(f.filter((p) => p.slope !== undefined).map((p) => p.interval))
}
