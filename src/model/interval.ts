// Balance intervals and spans: exact sets of balances, their intersection, merging and wording; the model's geometry.
import type Fraction from 'fraction.js'
import { formatUsd, ZERO } from './decimal.js'

/**
 * A set of balances (USD) inside [0, +inf). `hi: null` is +inf (then `hiClosed` is false).
 * Never empty: an empty set is an empty list of intervals.
 */
export interface Interval {
  readonly lo: Fraction
  readonly loClosed: boolean
  readonly hi: Fraction | null
  readonly hiClosed: boolean
}

/** Like Interval on the whole real line: `lo: null` is -inf. Model-internal: rules and commands see Intervals. */
export interface Span {
  lo: Fraction | null
  loClosed: boolean
  hi: Fraction | null
  hiClosed: boolean
}

/** The whole real line. */
export const LINE: Span = { lo: null, loClosed: false, hi: null, hiClosed: false }
/** The balance domain [0, +inf). */
export const DOMAIN: Span = { lo: ZERO, loClosed: true, hi: null, hiClosed: false }

/** Intersection of two spans; undefined when empty. */
export function intersect(a: Span, b: Span): Span | undefined {
  let lo: Fraction | null
  let loClosed: boolean
  if (a.lo === null || b.lo === null) {
    lo = a.lo ?? b.lo
    loClosed = a.lo === null ? b.loClosed : a.loClosed
  } else {
    const c = a.lo.compare(b.lo)
    lo = c >= 0 ? a.lo : b.lo
    loClosed = c > 0 ? a.loClosed : c < 0 ? b.loClosed : a.loClosed && b.loClosed
  }
  let hi: Fraction | null
  let hiClosed: boolean
  if (a.hi === null || b.hi === null) {
    hi = a.hi ?? b.hi
    hiClosed = a.hi === null ? b.hiClosed : a.hiClosed
  } else {
    const c = a.hi.compare(b.hi)
    hi = c <= 0 ? a.hi : b.hi
    hiClosed = c < 0 ? a.hiClosed : c > 0 ? b.hiClosed : a.hiClosed && b.hiClosed
  }
  if (hi === null) hiClosed = false
  if (lo === null) loClosed = false
  if (lo !== null && hi !== null) {
    const c = lo.compare(hi)
    if (c > 0 || (c === 0 && !(loClosed && hiClosed))) return undefined
  }
  return { lo, loClosed, hi, hiClosed }
}

export function spanContains(s: Span, x: Fraction): boolean {
  const aboveLo = s.lo === null || (s.loClosed ? x.gte(s.lo) : x.gt(s.lo))
  const belowHi = s.hi === null || (s.hiClosed ? x.lte(s.hi) : x.lt(s.hi))
  return aboveLo && belowHi
}

/** Spans already inside [0, +inf) as Intervals. */
export function toInterval(s: Span): Interval {
  return Object.freeze({ lo: s.lo ?? ZERO, loClosed: s.lo === null ? true : s.loClosed, hi: s.hi, hiClosed: s.hi === null ? false : s.hiClosed })
}

/** True when b lies in the interval. */
export function intervalContains(iv: Interval, b: Fraction): boolean {
  return spanContains(iv, b)
}

/** Sorts and merges into disjoint, maximal intervals: (a, b] ∪ (b, c] = (a, c], but (a, b) ∪ (b, c) stays two. */
export function mergeIntervals(ivs: readonly Interval[]): Interval[] {
  const sorted = [...ivs].sort((a, b) => a.lo.compare(b.lo) || Number(b.loClosed) - Number(a.loClosed))
  const out: Interval[] = []
  for (const iv of sorted) {
    const prev = out[out.length - 1]
    if (prev && prev.hi === null) continue
    if (prev && prev.hi !== null) {
      const c = iv.lo.compare(prev.hi)
      if (c < 0 || (c === 0 && (prev.hiClosed || iv.loClosed))) {
        let hi: Fraction | null = prev.hi
        let hiClosed = prev.hiClosed
        if (iv.hi === null) {
          hi = null
          hiClosed = false
        } else {
          const d = iv.hi.compare(prev.hi)
          if (d > 0 || (d === 0 && iv.hiClosed)) {
            hi = iv.hi
            hiClosed = d > 0 ? iv.hiClosed : true
          }
        }
        out[out.length - 1] = Object.freeze({ lo: prev.lo, loClosed: prev.loClosed, hi, hiClosed })
        continue
      }
    }
    out.push(iv)
  }
  return out
}

/**
 * A balance interval in words, amounts to the cent: "up to $700.00" ([0, 700]), "below $700.00" ([0, 700)),
 * "from $500.00 to $1,250.00", "above $500.00 up to $1,250.00", "from $500.00 below $1,250.00",
 * "above $500.00 below $1,250.00", "from $3,000.00" / "above $3,000.00" (unbounded), "at any balance", "at exactly $700.00".
 */
export function formatInterval(iv: Interval): string {
  const lo = formatUsd(iv.lo)
  const fromZero = iv.lo.equals(0) && iv.loClosed
  if (iv.hi === null) return fromZero ? 'at any balance' : `${iv.loClosed ? 'from' : 'above'} ${lo}`
  const hi = formatUsd(iv.hi)
  if (iv.lo.equals(iv.hi)) return `at exactly ${lo}`
  if (fromZero) return `${iv.hiClosed ? 'up to' : 'below'} ${hi}`
  if (iv.loClosed) return `from ${lo} ${iv.hiClosed ? 'to' : 'below'} ${hi}`
  return `above ${lo} ${iv.hiClosed ? 'up to' : 'below'} ${hi}`
}

/** Several intervals joined with " and "; "no balance" for the empty set. */
export function formatIntervals(ivs: readonly Interval[]): string {
  return ivs.length === 0 ? 'no balance' : ivs.map(formatInterval).join(' and ')
}
