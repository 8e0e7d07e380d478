// Chart geometry: exact vertices of piecewise-linear functions on linear and log axes, ticks, interval clipping, label spreading (fast-check, seed 7).
import fc from 'fast-check'
import Fraction from 'fraction.js'
import { describe, expect, it } from 'vitest'
import { bandPolygons, clipIntervals, complementIn, coord, plRuns, spreadLabels, ticks, toPx, type Axis } from '../../src/chart/geometry.js'
import type { Interval } from '../../src/model/interval.js'
import { pieceAt, plAt, plLimitAbove, type Pl, type PlPiece } from '../../src/model/pl.js'

const SEED = 7
const params = { seed: SEED, numRuns: 200 }
const F = (n: number): Fraction => new Fraction(n)

/**
 * A ladder-like function on [0, +inf): breakpoints in cents, a value at each end of each piece (so pieces may jump),
 * some pieces undefined, each breakpoint owned by the left or the right piece.
 */
const ladderArb: fc.Arbitrary<Pl> = fc
  .record({
    cuts: fc.uniqueArray(fc.integer({ min: 100, max: 2_000_000 }), { minLength: 1, maxLength: 6 }),
    ends: fc.array(fc.tuple(fc.integer({ min: 0, max: 90_000 }), fc.integer({ min: 0, max: 90_000 })), { minLength: 7, maxLength: 7 }),
    defined: fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }),
    leftOwns: fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }),
  })
  .map(({ cuts, ends, defined, leftOwns }) => {
    const xs = [...cuts].sort((a, b) => a - b).map((c) => new Fraction(c, 100))
    const out: PlPiece[] = []
    let lo = F(0)
    let loClosed = true
    for (let i = 0; i <= xs.length; i++) {
      const hi = xs[i] ?? null
      const interval: Interval = { lo, loClosed, hi, hiClosed: hi !== null && leftOwns[i]! }
      const [a, z] = ends[i]!.map((e) => new Fraction(e, 100)) as [Fraction, Fraction]
      // The last piece runs to +inf: constant, or rising with the slope of its first cents.
      const slope = hi === null ? (i % 2 === 0 ? F(0) : new Fraction(ends[i]![1] % 50, 100)) : z.sub(a).div(hi.sub(lo))
      const intercept = a.sub(slope.mul(lo))
      out.push(defined[i] || i === xs.length ? { interval, slope, intercept, label: `p${i}` } : { interval, label: `u${i}` })
      if (hi !== null) {
        lo = hi
        loClosed = !leftOwns[i]!
      }
    }
    return out
  })

/** A view [lo, hi] around the function's breakpoints. */
function viewOf(f: Pl): { lo: Fraction; hi: Fraction } {
  const cuts = f.map((p) => p.interval.hi).filter((x): x is Fraction => x !== null)
  return { lo: cuts[0]!.div(2), hi: cuts[cuts.length - 1]!.mul(2) }
}

const axisOf = (scale: 'log' | 'linear', lo: Fraction, hi: Fraction): Axis => ({ scale, lo: lo.valueOf(), hi: hi.valueOf(), px0: 0, px1: 700 })

/** Piece ends inside the view (with the view's ends), as exact [balance, value] pairs, for the defined pieces. */
function pieceEnds(f: Pl, lo: Fraction, hi: Fraction): [Fraction, Fraction][] {
  const out: [Fraction, Fraction][] = []
  for (const p of f) {
    if (!p.slope) continue
    const a = p.interval.lo.gt(lo) ? p.interval.lo : lo
    const z = p.interval.hi === null || p.interval.hi.gt(hi) ? hi : p.interval.hi
    if (z.lt(a)) continue
    out.push([a, pieceAt(p, a)!], [z, pieceAt(p, z)!])
  }
  return out
}

const close = (a: number, b: number, tol = 1e-9): boolean => Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b))

describe(`chart geometry: laws (fast-check, seed ${SEED})`, () => {
  it('linear axis: the vertices are exactly the piece ends, one straight segment per piece', () => {
    fc.assert(
      fc.property(ladderArb, (f) => {
        const { lo, hi } = viewOf(f)
        const { runs } = plRuns(f, lo, hi, axisOf('linear', lo, hi))
        const vertices = runs.flat()
        const ends = pieceEnds(f, lo, hi)
        // Every vertex is a piece end, and every piece end is a vertex (shared ends once).
        for (const v of vertices) if (!ends.some(([b, s]) => close(b.valueOf(), v.b) && close(s.valueOf(), v.s))) return false
        for (const [b, s] of ends) if (!vertices.some((v) => close(b.valueOf(), v.b) && close(s.valueOf(), v.s))) return false
        return runs.every((r) => r.every((v, i) => i === 0 || v.b > r[i - 1]!.b))
      }),
      params,
    )
  })

  it('log axis: every vertex lies on the function, piece ends exact, sloped pieces sampled at most 2 px apart', () => {
    fc.assert(
      fc.property(ladderArb, (f) => {
        const { lo, hi } = viewOf(f)
        const axis = axisOf('log', lo, hi)
        const { runs } = plRuns(f, lo, hi, axis)
        for (const r of runs) {
          for (let i = 0; i < r.length; i++) {
            const v = r[i]!
            // At a shared end the vertex lies on one of the two pieces that meet there.
            if (!definedAt(f, v.b).some((p) => close(p.slope!.valueOf() * v.b + p.intercept!.valueOf(), v.s, 1e-7))) return false
            if (i > 0 && toPx(axis, v.b) - toPx(axis, r[i - 1]!.b) > 2 + 1e-6 && !close(v.s, r[i - 1]!.s, 0)) {
              // A gap wider than 2 px only along a constant piece (drawn straight, unsampled).
              const p = definedAt(f, Math.sqrt(v.b * r[i - 1]!.b))[0]
              if (!p || !p.slope!.equals(0)) return false
            }
          }
        }
        const vertices = runs.flat()
        return pieceEnds(f, lo, hi).every(([b, s]) => vertices.some((v) => close(b.valueOf(), v.b) && close(s.valueOf(), v.s)))
      }),
      params,
    )
  })

  it('a run breaks exactly where the function jumps or is undefined, and each jump is reported with both sides', () => {
    fc.assert(
      fc.property(ladderArb, (f) => {
        const { lo, hi } = viewOf(f)
        const { runs, jumps } = plRuns(f, lo, hi, axisOf('linear', lo, hi))
        for (const j of jumps) {
          const at = F(j.at)
          const above = plLimitAbove(f, at)
          if (!above || !close(above.valueOf(), j.after)) return false
          const value = plAt(f, at)
          if (j.closed === 'before' && !(value && close(value.valueOf(), j.before))) return false
          if (j.closed === 'after' && !(value && close(value.valueOf(), j.after))) return false
        }
        // Consecutive runs meet at a jump (same balance) or are separated by an undefined stretch.
        for (let k = 1; k < runs.length; k++) {
          const end = runs[k - 1]![runs[k - 1]!.length - 1]!
          const start = runs[k]![0]!
          if (end.b === start.b && !jumps.some((j) => j.at === start.b)) return false
          if (end.b > start.b) return false
        }
        return true
      }),
      params,
    )
  })

  it('bandPolygons: each outline runs along the highest function, then back along the lowest', () => {
    fc.assert(
      fc.property(ladderArb, fc.integer({ min: 0, max: 5000 }), (f, lift) => {
        const { lo, hi } = viewOf(f)
        const highest: Pl = f.map((p) => (p.slope ? { ...p, intercept: p.intercept!.add(new Fraction(lift, 100)) } : p))
        for (const poly of bandPolygons(f, highest, lo, hi, axisOf('linear', lo, hi))) {
          const turn = poly.findIndex((v, i) => i > 0 && v.b <= poly[i - 1]!.b)
          const top = poly.slice(0, turn)
          const bottom = poly.slice(turn)
          if (turn <= 1 || bottom.length < 2) return false
          for (const v of top) if (!close(plAtNumber(highest, v.b, top), v.s, 1e-7)) return false
          for (const v of bottom) if (!close(plAtNumber(f, v.b, bottom), v.s, 1e-7)) return false
        }
        return true
      }),
      params,
    )
  })

  it('clipIntervals and complementIn tile the view without overlap', () => {
    const ivArb = fc.uniqueArray(fc.integer({ min: 1, max: 10_000 }), { minLength: 2, maxLength: 8 }).map((xs) => {
      const s = [...xs].sort((a, b) => a - b)
      const out: Interval[] = []
      for (let i = 0; i + 1 < s.length; i += 2) out.push({ lo: F(s[i]!), loClosed: true, hi: F(s[i + 1]!), hiClosed: false })
      return out
    })
    fc.assert(
      fc.property(ivArb, fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 5001, max: 12_000 }), (ivs, a, z) => {
        const parts = [...clipIntervals(ivs, F(a), F(z)), ...complementIn(ivs, F(a), F(z))].sort((p, q) => p.lo - q.lo)
        if (parts[0]!.lo !== a || parts[parts.length - 1]!.hi !== z) return false
        return parts.every((p, i) => p.hi > p.lo && (i === 0 || p.lo === parts[i - 1]!.hi))
      }),
      params,
    )
  })

  it('spreadLabels keeps the order, keeps labels apart and inside the bounds when they fit, and moves nothing already apart', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 400, noNaN: true }), { maxLength: 20 }), (ys) => {
        const out = spreadLabels(ys, 14, 0, 400)
        const order = ys.map((_, i) => i).sort((i, j) => ys[i]! - ys[j]! || i - j)
        for (let k = 1; k < order.length; k++) if (out[order[k]!]! - out[order[k - 1]!]! < 14 - 1e-9) return false
        if (ys.length * 14 <= 400 && out.some((y) => y < -1e-9 || y > 400 + 1e-9)) return false
        const apart = order.every((i, k) => k === 0 || ys[i]! - ys[order[k - 1]!]! >= 14)
        return !apart || out.every((y, i) => y === ys[i])
      }),
      params,
    )
  })
})

/** The defined pieces whose closed hull holds balance b (two where pieces meet). */
function definedAt(f: Pl, b: number): PlPiece[] {
  return f.filter((p) => p.slope && p.interval.lo.valueOf() <= b && (p.interval.hi === null || p.interval.hi.valueOf() >= b))
}

/** f at b, as a number, choosing among pieces that share the balance the one the outline was built from (neighbours in `run`). */
function plAtNumber(f: Pl, b: number, run: readonly { b: number; s: number }[]): number {
  const values = definedAt(f, b).map((p) => p.slope!.valueOf() * b + p.intercept!.valueOf())
  const want = run.find((v) => v.b === b)!.s
  return values.find((v) => close(v, want, 1e-7)) ?? values[0]!
}

describe('chart geometry: examples', () => {
  it('ticks: 1-2-5 per decade on a log axis, only decades when that is too many, nice steps on a linear one', () => {
    expect(ticks('log', 50, 20000)).toEqual([50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000])
    expect(ticks('log', 1, 1e9)).toEqual([1, 10, 100, 1000, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9])
    expect(ticks('linear', 0, 11000, 6)).toEqual([0, 2000, 4000, 6000, 8000, 10000])
    expect(ticks('linear', 0, 432, 6)).toEqual([0, 100, 200, 300, 400])
  })

  it('toPx maps the ends of the axis to its pixels, logarithmically or linearly', () => {
    const log: Axis = { scale: 'log', lo: 10, hi: 1000, px0: 100, px1: 300 }
    const y: Axis = { scale: 'linear', lo: 0, hi: 400, px0: 446, px1: 66 }
    const got = [toPx(log, 10), toPx(log, 100), toPx(log, 1000), toPx(y, 0), toPx(y, 200), toPx(y, 400)]
    ;[100, 200, 300, 446, 256, 66].forEach((want, i) => expect(got[i]).toBeCloseTo(want, 9))
  })

  it('coord prints at most 5 decimals, without trailing zeros or a negative zero', () => {
    expect([coord(1.5), coord(2), coord(1 / 3), coord(-0.000001), coord(123.456789)]).toEqual(['1.5', '2', '0.33333', '0', '123.45679'])
  })

  it('a jump at a threshold: the lower profile owns the balance, so the left end is the filled one', () => {
    const f: Pl = [
      { interval: { lo: F(0), loClosed: true, hi: F(1500), hiClosed: true }, slope: F(0), intercept: F(150) },
      { interval: { lo: F(1500), loClosed: false, hi: null, hiClosed: false }, slope: F(0), intercept: F(180) },
    ]
    const { runs, jumps } = plRuns(f, F(1000), F(2000), axisOf('linear', F(1000), F(2000)))
    expect(runs).toEqual([
      [
        { b: 1000, s: 150 },
        { b: 1500, s: 150 },
      ],
      [
        { b: 1500, s: 180 },
        { b: 2000, s: 180 },
      ],
    ])
    expect(jumps).toEqual([{ at: 1500, before: 150, after: 180, closed: 'before' }])
  })
})
