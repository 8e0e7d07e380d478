// Exact piecewise-linear functions of the balance: the algebra the bot's sizing pipeline is built from (map, min, max, preimage, range).
import type Fraction from 'fraction.js'
import { ZERO } from './decimal.js'
import { intersect, spanContains, toInterval, type Interval, type Span } from './interval.js'

/**
 * On `interval`, the function is `slope * b + intercept` (b a balance in USD), or undefined there when `slope` and
 * `intercept` are absent (the bot trades nothing, or nothing defines a value). `label` names what decided the value on
 * this piece (a step of the pipeline, a cap): min/max keep the label of the side they take.
 */
export interface PlPiece {
  readonly interval: Interval
  readonly slope?: Fraction
  readonly intercept?: Fraction
  readonly label?: string
}

/** A piecewise-linear function: pieces sorted by balance, pairwise disjoint (a domain with no gaps unless built so). */
export type Pl = readonly PlPiece[]

/** One piece of a map of values (sizes) to values: on the sizes in `span`, `s -> slope * s + intercept`. */
export interface ValuePiece {
  readonly span: Span
  readonly slope: Fraction
  readonly intercept: Fraction
  readonly label?: string
}

/** A piecewise-linear map of values, e.g. "above the cap, 0.95 x cap": pieces covering every value it is applied to. */
export type ValueMap = readonly ValuePiece[]

export function piece(interval: Interval, slope: Fraction | undefined, intercept: Fraction | undefined, label: string | undefined): PlPiece {
  const out: { interval: Interval; slope?: Fraction; intercept?: Fraction; label?: string } = { interval }
  if (slope !== undefined && intercept !== undefined) {
    out.slope = slope
    out.intercept = intercept
  }
  if (label !== undefined) out.label = label
  return Object.freeze(out)
}

/** `slope * b + intercept` on one interval. */
export function plAffine(domain: Interval, slope: Fraction, intercept: Fraction, label?: string): Pl {
  return [piece(domain, slope, intercept, label)]
}

/** A constant on one interval. */
export function plConst(domain: Interval, value: Fraction, label?: string): Pl {
  return [piece(domain, ZERO, value, label)]
}

/** Undefined on one interval (nothing traded, or nothing defines a value). */
export function plUndefined(domain: Interval, label?: string): Pl {
  return [piece(domain, undefined, undefined, label)]
}

/** The value of piece `p` at `b` (which must lie in its interval); undefined where the piece is undefined. */
export function pieceAt(p: PlPiece, b: Fraction): Fraction | undefined {
  return p.slope && p.intercept ? p.slope.mul(b).add(p.intercept) : undefined
}

/** The piece whose interval holds `b`. */
export function pieceContaining(f: Pl, b: Fraction): PlPiece | undefined {
  return f.find((p) => spanContains(p.interval, b))
}

/** f(b); undefined outside the domain or where f is undefined. */
export function plAt(f: Pl, b: Fraction): Fraction | undefined {
  const p = pieceContaining(f, b)
  return p && pieceAt(p, b)
}

/** The limit of f as the balance falls to `b` from above (the value just above `b`); undefined when f is undefined there. */
export function plLimitAbove(f: Pl, b: Fraction): Fraction | undefined {
  const p = f.find((q) => q.interval.lo.lte(b) && (q.interval.hi === null || q.interval.hi.gt(b)))
  return p && pieceAt(p, b)
}

/** The limit of f as the balance rises to `b` from below; undefined at the left end of the domain. */
export function plLimitBelow(f: Pl, b: Fraction): Fraction | undefined {
  const p = f.find((q) => q.interval.lo.lt(b) && q.interval.hi !== null && q.interval.hi.gte(b))
  return p && pieceAt(p, b)
}

/** f restricted to `domain`. */
export function plRestrict(f: Pl, domain: Span): Pl {
  const out: PlPiece[] = []
  for (const p of f) {
    const span = intersect(p.interval, domain)
    if (span) out.push(span === p.interval ? p : piece(toInterval(span), p.slope, p.intercept, p.label))
  }
  return out
}

/** k * f (k a constant). */
export function plScale(f: Pl, k: Fraction): Pl {
  return f.map((p) => (p.slope && p.intercept ? piece(p.interval, p.slope.mul(k), p.intercept.mul(k), p.label) : p))
}

/** The same pieces under one label (what decided the value from this step on). */
export function plLabel(f: Pl, label: string): Pl {
  return f.map((p) => piece(p.interval, p.slope, p.intercept, label))
}

/** Balances in `p` whose value lies in `values`: the preimage of a span under an affine map is a span. */
export function piecePreimage(p: PlPiece, values: Span): Span | undefined {
  const { slope, intercept } = p
  if (!slope || !intercept) return undefined
  const sign = slope.compare(0)
  if (sign === 0) return spanContains(values, intercept) ? p.interval : undefined
  const inv = (s: Fraction | null): Fraction | null => (s === null ? null : s.sub(intercept).div(slope))
  const pre: Span =
    sign > 0
      ? { lo: inv(values.lo), loClosed: values.loClosed, hi: inv(values.hi), hiClosed: values.hiClosed }
      : { lo: inv(values.hi), loClosed: values.hiClosed, hi: inv(values.lo), hiClosed: values.loClosed }
  return intersect(pre, p.interval)
}

/**
 * g(f(b)): every piece of f split where its values cross from one piece of `g` to the next. Where f is undefined the
 * result is too; a value no piece of `g` covers is left undefined (build maps that cover every value).
 */
export function plMap(f: Pl, g: ValueMap): Pl {
  const out: PlPiece[] = []
  for (const p of f) {
    if (!p.slope || !p.intercept) {
      out.push(p)
      continue
    }
    for (const gp of g) {
      const span = piecePreimage(p, gp.span)
      if (!span) continue
      const label = gp.label ?? p.label
      out.push(piece(toInterval(span), gp.slope.mul(p.slope), gp.slope.mul(p.intercept).add(gp.intercept), label))
    }
  }
  return sortPieces(out)
}

function sortPieces(ps: PlPiece[]): PlPiece[] {
  return ps.sort((a, b) => a.interval.lo.compare(b.interval.lo) || Number(b.interval.loClosed) - Number(a.interval.loClosed))
}

/** Which of two intervals ends first: negative when `a` does (an open end before a closed one at the same balance). */
function compareEnds(a: Interval, b: Interval): number {
  if (a.hi === null || b.hi === null) return a.hi === b.hi ? 0 : a.hi === null ? 1 : -1
  const c = a.hi.compare(b.hi)
  return c !== 0 ? c : a.hiClosed === b.hiClosed ? 0 : a.hiClosed ? 1 : -1
}

/**
 * Visits every pair of pieces of f and g whose intervals meet, with the common interval, in balance order: one sweep
 * over both (each sorted and pairwise disjoint), so linear in their lengths, and what it visits comes out sorted.
 */
function forOverlaps(f: Pl, g: Pl, visit: (p: PlPiece, q: PlPiece, common: Interval) => void): void {
  let i = 0
  let j = 0
  while (i < f.length && j < g.length) {
    const p = f[i]!
    const q = g[j]!
    const span = intersect(p.interval, q.interval)
    if (span) visit(p, q, toInterval(span))
    const c = compareEnds(p.interval, q.interval)
    if (c <= 0) i++
    if (c >= 0) j++
  }
}

/**
 * Combines f and g pointwise on the balances both define: on each part of the common refinement (split where the two
 * lines cross) the side `pick(sign of f - g)` names gives the line and the label. Undefined wherever either is. The
 * sign comes from the slopes and the crossing point, so no part is evaluated at an inner balance.
 */
function combine(f: Pl, g: Pl, pick: (sign: number) => 'f' | 'g'): Pl {
  const out: PlPiece[] = []
  const take = (part: Interval, sign: number, p: PlPiece, q: PlPiece): void => {
    const src = pick(sign) === 'f' ? p : q
    out.push(piece(part, src.slope, src.intercept, src.label))
  }
  forOverlaps(f, g, (p, q, iv) => {
    if (!p.slope || !p.intercept || !q.slope || !q.intercept) {
      out.push(piece(iv, undefined, undefined, !p.slope ? p.label : q.label))
      return
    }
    // f - g = ds * b + di: constant when the slopes agree, else zero only at the crossing x = -di / ds.
    const ds = p.slope.sub(q.slope)
    const di = p.intercept.sub(q.intercept)
    const dsSign = ds.compare(0)
    if (dsSign === 0) return take(iv, di.compare(0), p, q)
    if (iv.hi !== null && iv.lo.equals(iv.hi)) return take(iv, ds.mul(iv.lo).add(di).compare(0), p, q)
    const x = di.neg().div(ds)
    // Left of x, f - g has the sign of -ds; right of it, the sign of ds.
    if (!x.gt(iv.lo)) return take(iv, dsSign, p, q)
    if (iv.hi !== null && !x.lt(iv.hi)) return take(iv, -dsSign, p, q)
    take(Object.freeze({ lo: iv.lo, loClosed: iv.loClosed, hi: x, hiClosed: true }), -dsSign, p, q)
    take(Object.freeze({ lo: x, loClosed: false, hi: iv.hi, hiClosed: iv.hiClosed }), dsSign, p, q)
  })
  return out
}

/** Pointwise f + g (f's labels), on the balances both define. */
export function plAdd(f: Pl, g: Pl): Pl {
  const out: PlPiece[] = []
  forOverlaps(f, g, (p, q, iv) => {
    const defined = p.slope && p.intercept && q.slope && q.intercept
    out.push(defined ? piece(iv, p.slope!.add(q.slope!), p.intercept!.add(q.intercept!), p.label) : piece(iv, undefined, undefined, p.label ?? q.label))
  })
  return out
}

/**
 * f, except that every piece's part lying in one of `sets` is replaced by `replace(part)`: used where a condition on the
 * balance (a preimage) switches a step on. `sets` must be sorted and disjoint (as plPreimage returns them).
 */
export function plWhere(f: Pl, sets: readonly Interval[], replace: (part: PlPiece) => PlPiece): Pl {
  if (sets.length === 0) return f
  const out: PlPiece[] = []
  for (const p of f) {
    let rest: Interval[] = [p.interval]
    for (const set of sets) {
      const next: Interval[] = []
      for (const part of rest) {
        const inside = intersect(part, set)
        if (!inside) {
          next.push(part)
          continue
        }
        out.push(replace(piece(toInterval(inside), p.slope, p.intercept, p.label)))
        next.push(...difference(part, toInterval(inside)))
      }
      rest = next
    }
    for (const part of rest) out.push(piece(part, p.slope, p.intercept, p.label))
  }
  return sortPieces(out)
}

/** `a` minus `b` where b lies inside a: up to two intervals. */
function difference(a: Interval, b: Interval): Interval[] {
  const out: Interval[] = []
  const c = a.lo.compare(b.lo)
  if (c < 0 || (c === 0 && a.loClosed && !b.loClosed)) out.push(Object.freeze({ lo: a.lo, loClosed: a.loClosed, hi: b.lo, hiClosed: !b.loClosed }))
  if (b.hi !== null) {
    const d = a.hi === null ? 1 : a.hi.compare(b.hi)
    if (d > 0 || (d === 0 && a.hiClosed && !b.hiClosed)) out.push(Object.freeze({ lo: b.hi, loClosed: !b.hiClosed, hi: a.hi, hiClosed: a.hiClosed }))
  }
  return out
}

/** A piece with a new line (or undefined when `slope`/`intercept` are), same interval. */
export function withLine(p: PlPiece, slope: Fraction | undefined, intercept: Fraction | undefined, label?: string): PlPiece {
  return piece(p.interval, slope, intercept, label ?? p.label)
}

/** Pointwise min(f, g); on a tie f's label wins. */
export function plMin(f: Pl, g: Pl): Pl {
  return combine(f, g, (sign) => (sign > 0 ? 'g' : 'f'))
}

/** Pointwise max(f, g); on a tie f's label wins. */
export function plMax(f: Pl, g: Pl): Pl {
  return combine(f, g, (sign) => (sign < 0 ? 'g' : 'f'))
}

export * from './pl-query.js'
