// Where two exact piecewise-linear functions differ: maximal balance intervals, the values at their ends, the largest relative change.
import type Fraction from 'fraction.js'
import type { Interval } from './interval.js'
import type { Pl, PlPiece } from './pl.js'

/**
 * One function's value at an end of an interval: its value at a closed end, its one-sided limit from inside the
 * interval at an open end, and at +inf (an interval without upper bound) its limit as the balance grows, which is
 * `unbounded` when the last piece slopes. `undefined` where the function is undefined there (nothing traded).
 */
export type PlEdgeValue =
  | { readonly kind: 'value'; readonly value: Fraction }
  | { readonly kind: 'unbounded'; readonly sign: 1 | -1 }
  | { readonly kind: 'undefined' }

/** The two functions' values at one end of an interval: `before` is f's, `after` is g's. */
export interface PlEdge {
  readonly before: PlEdgeValue
  readonly after: PlEdgeValue
}

/**
 * The relative change `(g - f) / f` with the largest absolute value over an interval (on a tie: the one reached at
 * a balance, then the lowest balance). `ratio` is a ratio (0.2 = +20%), `null` when the change has no bound (f
 * reaches or tends to 0 where g does not, or g outgrows a constant f), with `sign` its direction.
 *
 * `at` is the lowest balance where the change takes or approaches that value, `null` for "as the balance grows
 * without bound". `attained` says whether some balance of the interval has exactly this change: at `at` itself, or
 * with `side: 'above'` at every balance just above `at` (a constant change over an open stretch). When not attained,
 * `side` says from where the change tends to it (`above`: as the balance falls to `at`, `below`: as it rises to it).
 */
export interface PlRelativeChange {
  readonly ratio: Fraction | null
  readonly sign: -1 | 0 | 1
  readonly at: Fraction | null
  readonly attained: boolean
  readonly side?: 'above' | 'below'
}

/**
 * One maximal interval where f and g differ: at every balance inside, one is defined and the other not, or both
 * are defined with different values. `start` and `end` hold both values at the interval's ends (see PlEdgeValue).
 * `largest` is absent when f or g is undefined somewhere in the interval: a relative change needs both.
 */
export interface PlChange {
  readonly interval: Interval
  readonly start: PlEdge
  readonly end: PlEdge
  readonly largest?: PlRelativeChange
}

/** An affine line `slope * b + intercept`, or none where the function is undefined. */
interface Line {
  readonly slope: Fraction
  readonly intercept: Fraction
}

/** A cell of the common refinement: one balance, or the open stretch between two (hi null: up to +inf). */
interface Cell {
  readonly point: boolean
  readonly lo: Fraction
  readonly hi: Fraction | null
  readonly f?: Line
  readonly g?: Line
  readonly differ: boolean
}

const lineOf = (p: PlPiece | undefined): Line | undefined =>
  p?.slope && p.intercept ? { slope: p.slope, intercept: p.intercept } : undefined

const valueAt = (l: Line, b: Fraction): Fraction => l.slope.mul(b).add(l.intercept)

const sameLine = (a: Line, b: Line): boolean => a.slope.equals(b.slope) && a.intercept.equals(b.intercept)

function contains(iv: Interval, b: Fraction): boolean {
  const aboveLo = iv.loClosed ? b.gte(iv.lo) : b.gt(iv.lo)
  const belowHi = iv.hi === null || (iv.hiClosed ? b.lte(iv.hi) : b.lt(iv.hi))
  return aboveLo && belowHi
}

/** The piece whose interval holds `b` (pieces are disjoint, so at most one does). */
function pieceHolding(f: Pl, b: Fraction): PlPiece | undefined {
  return f.find((p) => contains(p.interval, b))
}

/** Every endpoint of either function's pieces, sorted and without repeats. */
function breakpoints(f: Pl, g: Pl): Fraction[] {
  const all: Fraction[] = []
  for (const p of [...f, ...g]) {
    all.push(p.interval.lo)
    if (p.interval.hi !== null) all.push(p.interval.hi)
  }
  all.sort((a, b) => a.compare(b))
  return all.filter((x, i) => i === 0 || !x.equals(all[i - 1]!))
}

/** A balance strictly inside the open stretch (lo, hi). */
function inside(lo: Fraction, hi: Fraction | null): Fraction {
  return hi === null ? lo.add(1) : lo.add(hi).div(2)
}

/**
 * The common refinement of f and g into points and open stretches, each marked with whether f and g differ on all
 * of it. A stretch where two different lines cross is split at the crossing, which is a point where they agree.
 */
function cells(f: Pl, g: Pl): Cell[] {
  const xs = breakpoints(f, g)
  const out: Cell[] = []
  const open = (lo: Fraction, hi: Fraction | null): void => {
    const mid = inside(lo, hi)
    const lf = lineOf(pieceHolding(f, mid))
    const lg = lineOf(pieceHolding(g, mid))
    const cell = (a: Fraction, b: Fraction | null, differ: boolean): Cell => ({ point: false, lo: a, hi: b, f: lf, g: lg, differ })
    if (!lf || !lg) {
      out.push(cell(lo, hi, lf !== lg))
      return
    }
    if (sameLine(lf, lg)) {
      out.push(cell(lo, hi, false))
      return
    }
    const ds = lf.slope.sub(lg.slope)
    const cross = ds.equals(0) ? undefined : lg.intercept.sub(lf.intercept).div(ds)
    if (cross === undefined || !cross.gt(lo) || (hi !== null && !cross.lt(hi))) {
      out.push(cell(lo, hi, true))
      return
    }
    out.push(cell(lo, cross, true), { point: true, lo: cross, hi: cross, f: lf, g: lg, differ: false }, cell(cross, hi, true))
  }
  xs.forEach((x, i) => {
    const lf = lineOf(pieceHolding(f, x))
    const lg = lineOf(pieceHolding(g, x))
    const differ = lf && lg ? !valueAt(lf, x).equals(valueAt(lg, x)) : lf !== lg
    out.push({ point: true, lo: x, hi: x, f: lf, g: lg, differ })
    open(x, xs[i + 1] ?? null)
  })
  return out
}

const VALUE = (value: Fraction): PlEdgeValue => ({ kind: 'value', value })
const UNDEFINED: PlEdgeValue = { kind: 'undefined' }

/** A line's value at b (the value at a point cell, the limit at the end of a stretch). */
function edgeAt(l: Line | undefined, b: Fraction): PlEdgeValue {
  return l ? VALUE(valueAt(l, b)) : UNDEFINED
}

/** A line's limit as the balance grows without bound. */
function edgeAtInfinity(l: Line | undefined): PlEdgeValue {
  if (!l) return UNDEFINED
  const s = l.slope.compare(0)
  return s === 0 ? VALUE(l.intercept) : { kind: 'unbounded', sign: s > 0 ? 1 : -1 }
}

const signOf = (x: Fraction): -1 | 0 | 1 => x.compare(0) as -1 | 0 | 1

/** Candidates for the largest relative change on one cell where both lines are defined and differ. */
function cellCandidates(c: Cell): PlRelativeChange[] {
  const f = c.f!
  const g = c.g!
  if (c.point) {
    const fv = valueAt(f, c.lo)
    const gv = valueAt(g, c.lo)
    if (fv.equals(0)) return [unbounded(signOf(gv), c.lo, true)]
    const ratio = gv.sub(fv).div(fv)
    return [{ ratio, sign: signOf(ratio), at: c.lo, attained: true }]
  }
  const fZero = f.slope.equals(0) && f.intercept.equals(0)
  if (fZero) return [{ ...unbounded(signOf(valueAt(g, inside(c.lo, c.hi))), c.lo, true), side: 'above' }]
  // Proportional lines (g = k f) have the same relative change everywhere: k - 1.
  if (f.slope.mul(g.intercept).equals(g.slope.mul(f.intercept))) {
    const k = f.slope.equals(0) ? g.intercept.div(f.intercept) : g.slope.div(f.slope)
    const ratio = k.sub(1)
    return [{ ratio, sign: signOf(ratio), at: c.lo, attained: true, side: 'above' }]
  }
  // f vanishes inside the stretch while g does not (they would agree there otherwise): no bound.
  if (!f.slope.equals(0)) {
    const root = f.intercept.neg().div(f.slope)
    if (root.gt(c.lo) && (c.hi === null || root.lt(c.hi))) return [unbounded(signOf(valueAt(g, root)), root, true)]
  }
  // Elsewhere (g - f) / f is a Moebius function of the balance, monotone on the stretch: its extremes are its limits
  // at the two ends.
  return [endLimit(f, g, c.lo, 'above'), c.hi === null ? infinityLimit(f, g) : endLimit(f, g, c.hi, 'below')]
}

function unbounded(sign: -1 | 0 | 1, at: Fraction | null, attained: boolean): PlRelativeChange {
  return { ratio: null, sign, at, attained }
}

/** The limit of (g - f) / f as the balance tends to `b` from `side`, f and g not proportional. */
function endLimit(f: Line, g: Line, b: Fraction, side: 'above' | 'below'): PlRelativeChange {
  const fv = valueAt(f, b)
  const gv = valueAt(g, b)
  if (fv.equals(0)) {
    // f tends to 0 with the sign of its slope just above b (the opposite just below); g keeps gv's sign.
    const fSign = signOf(f.slope) * (side === 'above' ? 1 : -1)
    return { ...unbounded((signOf(gv) * fSign) as -1 | 0 | 1, b, false), side }
  }
  const ratio = gv.sub(fv).div(fv)
  return { ratio, sign: signOf(ratio), at: b, attained: false, side }
}

/** The limit of (g - f) / f as the balance grows without bound, f and g not proportional. */
function infinityLimit(f: Line, g: Line): PlRelativeChange {
  if (f.slope.equals(0)) return unbounded((signOf(g.slope) * signOf(f.intercept)) as -1 | 0 | 1, null, false)
  const ratio = g.slope.sub(f.slope).div(f.slope)
  return { ratio, sign: signOf(ratio), at: null, attained: false }
}

/** True when change a beats b: a larger absolute value, then reached rather than approached, then lower, then at a point. */
function beats(a: PlRelativeChange, b: PlRelativeChange): boolean {
  if (a.ratio === null || b.ratio === null) {
    if (a.ratio !== null) return false
    if (b.ratio !== null) return true
  } else {
    const c = a.ratio.abs().compare(b.ratio.abs())
    if (c !== 0) return c > 0
  }
  if (a.attained !== b.attained) return a.attained
  if (a.at === null || b.at === null) return a.at !== null && b.at === null
  const c = a.at.compare(b.at)
  if (c !== 0) return c < 0
  const rank = (x: PlRelativeChange): number => (x.side === 'below' ? 0 : x.side === undefined ? 1 : 2)
  return rank(a) < rank(b)
}

function change(run: readonly Cell[]): PlChange {
  const first = run[0]!
  const last = run[run.length - 1]!
  const interval: Interval = Object.freeze({ lo: first.lo, loClosed: first.point, hi: last.hi, hiClosed: last.point && last.hi !== null })
  const start: PlEdge = { before: edgeAt(first.f, first.lo), after: edgeAt(first.g, first.lo) }
  const end: PlEdge =
    last.hi === null ? { before: edgeAtInfinity(last.f), after: edgeAtInfinity(last.g) } : { before: edgeAt(last.f, last.hi), after: edgeAt(last.g, last.hi) }
  if (run.some((c) => !c.f || !c.g)) return { interval, start, end }
  let largest: PlRelativeChange | undefined
  for (const c of run) for (const cand of cellCandidates(c)) if (!largest || beats(cand, largest)) largest = cand
  return { interval, start, end, largest }
}

/**
 * Exactly the balances where g differs from f (the size after a change against the size before), as sorted,
 * disjoint, maximal intervals with the values at their ends and the largest relative change on each. A balance
 * where one is defined and the other not counts as a difference; where both are undefined, as none. Two changes
 * can meet at a balance where the lines cross (there f and g agree, so it belongs to neither). Exact: computed
 * from the pieces, never sampled.
 */
export function plDiff(f: Pl, g: Pl): PlChange[] {
  const out: PlChange[] = []
  let run: Cell[] = []
  for (const c of cells(f, g)) {
    if (c.differ) {
      run.push(c)
      continue
    }
    if (run.length > 0) out.push(change(run))
    run = []
  }
  if (run.length > 0) out.push(change(run))
  return out
}

/** True when f and g agree at every balance (both undefined counts as agreeing). */
export function plEqual(f: Pl, g: Pl): boolean {
  return cells(f, g).every((c) => !c.differ)
}
