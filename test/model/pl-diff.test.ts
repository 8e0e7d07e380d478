// plDiff: examples with exact ends and largest changes, and fast-check laws against pointwise evaluation (seed 9).
import fc from 'fast-check'
import Fraction from 'fraction.js'
import { describe, expect, it } from 'vitest'
import { intervalContains, type Interval } from '../../src/model/interval.js'
import { plDiff, plEqual, type PlChange, type PlEdgeValue, type PlRelativeChange } from '../../src/model/pl-diff.js'
import { plAffine, plAt, plConst, type Pl } from '../../src/model/pl.js'
import { F, iv, plFromCuts } from '../helpers/intervals.js'

const SEED = 9
const ivText = (i: Interval): string => `${i.loClosed ? '[' : '('}${i.lo.toFraction()}, ${i.hi === null ? 'inf' : i.hi.toFraction()}${i.hiClosed ? ']' : ')'}`
const edgeText = (v: PlEdgeValue): string => (v.kind === 'value' ? v.value.toFraction() : v.kind === 'unbounded' ? `${v.sign > 0 ? '+' : '-'}inf` : 'undef')
const largestText = (l: PlRelativeChange | undefined): string => {
  if (!l) return 'none'
  const ratio = l.ratio === null ? `${l.sign > 0 ? '+' : '-'}unbounded` : l.ratio.toFraction()
  const at = l.at === null ? 'inf' : l.at.toFraction()
  return `${ratio} ${l.attained ? 'at' : 'near'} ${at}${l.side ? ` ${l.side}` : ''}`
}
/** A change as one line: interval, before->after at the start and the end, largest change. */
const text = (c: PlChange): string =>
  `${ivText(c.interval)} ${edgeText(c.start.before)}->${edgeText(c.start.after)} .. ${edgeText(c.end.before)}->${edgeText(c.end.after)}; ${largestText(c.largest)}`

/** Progressive-ladder-like: 30 up to 100, linear to 50 at 500, linear to 150 at 1500, then 150. */
const before: Pl = [
  ...plConst(iv(0, true, 100, true), F(30), 'micro'),
  ...plAffine(iv(100, false, 500, true), F(0.05), F(25), 'micro'),
  ...plAffine(iv(500, false, 1500, true), F(0.1), F(0), 'small'),
  ...plConst(iv(1500, false, null, false), F(150), 'small'),
]

describe('plDiff: examples', () => {
  it('reports nothing for equal functions, however they are cut', () => {
    const small = [...plAffine(iv(500, false, 1000, false), F(0.1), F(0)), ...plAffine(iv(1000, true, 1500, true), F(0.1), F(0))]
    const recut: Pl = [...before.slice(0, 2), ...small, before[3]!]
    expect(plDiff(before, recut)).toEqual([])
    expect(plEqual(before, recut)).toBe(true)
    expect(plDiff([], [])).toEqual([])
  })

  it('a raised size_at_max: one interval from the profile start on, exact limits, the largest change where it is first reached', () => {
    const after: Pl = [...before.slice(0, 2), ...plAffine(iv(500, false, 1500, true), F(0.2), F(-50), 'small'), ...plConst(iv(1500, false, null, false), F(250))]
    expect(plDiff(before, after).map(text)).toEqual(['(500, inf) 50->50 .. 150->250; 2/3 at 1500'])
    expect(plEqual(before, after)).toBe(false)
  })

  it('lines that cross split the change at the crossing, where the functions agree', () => {
    const after: Pl = [...before.slice(0, 2), ...plConst(iv(500, false, 1500, true), F(100)), before[3]!]
    // 0.1 b meets 100 at 1000; both are 150 again from 1500 on.
    expect(plDiff(before, after).map(text)).toEqual(['(500, 1000) 50->100 .. 100->100; 1 near 500 above', '(1000, 1500] 100->100 .. 150->100; -1/3 at 1500'])
  })

  it('a jump at one balance is a one-point interval', () => {
    const jump = plConst(iv(1500, true, 1500, true), F(160))
    const after: Pl = [...before.slice(0, 2), ...plAffine(iv(500, false, 1500, false), F(0.1), F(0)), ...jump, before[3]!]
    expect(plDiff(before, after).map(text)).toEqual(['[1500, 1500] 150->160 .. 150->160; 1/15 at 1500'])
  })

  it('percent pieces: proportional lines change by the same ratio throughout; a growing size is unbounded at +inf', () => {
    const f = plAffine(iv(0, true, null, false), F(0.5), F(0))
    const g = plAffine(iv(0, true, null, false), F(0.6), F(0))
    expect(plDiff(f, g).map(text)).toEqual(['(0, inf) 0->0 .. +inf->+inf; 1/5 at 0 above'])
    const capped = plConst(iv(0, true, null, false), F(100))
    expect(plDiff(capped, f).map(text)).toEqual(['[0, 200) 100->0 .. 100->100; -1 at 0', '(200, inf) 100->100 .. 100->+inf; +unbounded near inf'])
  })

  it('a size that starts from 0 has an unbounded relative change there', () => {
    const f = plAffine(iv(0, true, null, false), F(1), F(0))
    const g = plAffine(iv(0, true, null, false), F(1), F(10))
    expect(plDiff(f, g).map(text)).toEqual(['[0, inf) 0->10 .. +inf->+inf; +unbounded at 0'])
  })

  it('defined against undefined: the interval has values at its ends but no relative change', () => {
    const traded: Pl = plConst(iv(0, true, null, false), F(60))
    expect(plDiff([], traded).map(text)).toEqual(['[0, inf) undef->60 .. undef->60; none'])
    const gap: Pl = [{ interval: iv(0, true, 100, false) }, ...plConst(iv(100, true, null, false), F(60))]
    expect(plDiff(gap, traded).map(text)).toEqual(['[0, 100) undef->60 .. undef->60; none'])
  })
})

// ---------------------------------------------------------------------------------------------
// Laws against pointwise evaluation

const coef = fc.integer({ min: -40, max: 40 }).map((k) => new Fraction(k, 4))

const lineArb = fc.record({
  slope: coef,
  intercept: fc.integer({ min: -20, max: 40 }).map((k) => new Fraction(k)),
  defined: fc.integer({ min: 0, max: 4 }).map((k) => k > 0),
})
const shape = fc.record({
  cuts: fc.uniqueArray(fc.integer({ min: 1, max: 40 }), { maxLength: 5 }),
  lines: fc.array(lineArb, { minLength: 6, maxLength: 6 }),
  closedLeft: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
})
const fArb = shape.map(({ cuts, lines, closedLeft }) => plFromCuts(cuts, lines, closedLeft))

/** g: either unrelated to f, or f with some of its lines (and cuts) replaced, so that they agree on stretches. */
const pairArb: fc.Arbitrary<[Pl, Pl]> = fc.oneof(
  fc.tuple(fArb, fArb),
  fc.tuple(shape, fc.array(fc.option(lineArb, { nil: undefined }), { minLength: 6, maxLength: 6 }), fc.integer({ min: 1, max: 40 })).map(([s, repl, cut]) => {
    const extraCut = cut
    const f = plFromCuts(s.cuts, s.lines, s.closedLeft)
    const lines = s.lines.map((l, i) => repl[i] ?? l)
    // A cut f does not have, with the same line on both sides, keeps the function and changes the pieces.
    const cuts = s.cuts.length < 5 ? [...s.cuts, extraCut] : s.cuts
    const idx = [...new Set(cuts)].sort((a, b) => a - b).indexOf(extraCut)
    const aligned = cuts === s.cuts || idx < 0 ? lines : [...lines.slice(0, idx + 1), lines[idx]!, ...lines.slice(idx + 1)].slice(0, 6)
    return [f, plFromCuts(cuts, aligned.length === 6 ? aligned : lines, s.closedLeft)] as [Pl, Pl]
  }),
)

const valueOf = (f: Pl, b: Fraction): Fraction | undefined => plAt(f, b)
const differs = (a: Fraction | undefined, b: Fraction | undefined): boolean => (a === undefined ? b !== undefined : b === undefined || !a.equals(b))
const ratioAt = (f: Pl, g: Pl, b: Fraction): Fraction | null | undefined => {
  const x = valueOf(f, b)
  const y = valueOf(g, b)
  if (x === undefined || y === undefined) return undefined
  return x.equals(0) ? null : y.sub(x).div(x)
}

/** Every breakpoint, every crossing of two lines, every interval end, and midpoints between neighbours, plus random balances. */
function probes(f: Pl, g: Pl, changes: readonly PlChange[], extra: readonly Fraction[]): Fraction[] {
  const pts: Fraction[] = [new Fraction(0), ...extra]
  for (const p of [...f, ...g]) {
    pts.push(p.interval.lo)
    if (p.interval.hi !== null) pts.push(p.interval.hi)
  }
  for (const p of f) {
    for (const r of g) {
      if (!p.slope || !r.slope || p.slope.equals(r.slope)) continue
      const x = r.intercept!.sub(p.intercept!).div(p.slope.sub(r.slope))
      if (x.gte(0)) pts.push(x)
    }
  }
  for (const c of changes) {
    pts.push(c.interval.lo)
    if (c.interval.hi !== null) pts.push(c.interval.hi)
  }
  pts.sort((a, b) => a.compare(b))
  const uniq = pts.filter((x, i) => i === 0 || !x.equals(pts[i - 1]!))
  const mids = uniq.slice(1).map((x, i) => x.add(uniq[i]!).div(2))
  return [...uniq, ...mids, uniq[uniq.length - 1]!.add(7)]
}

/** A step smaller than a quarter of every gap between probes: inside it no breakpoint or crossing lies. */
function epsilon(points: readonly Fraction[]): Fraction {
  const sorted = [...points].sort((a, b) => a.compare(b))
  let eps = new Fraction(1, 4)
  for (let i = 1; i < sorted.length; i++) {
    const gap = sorted[i]!.sub(sorted[i - 1]!)
    if (gap.gt(0) && gap.div(4).lt(eps)) eps = gap.div(4)
  }
  return eps
}

/** The value (or one-sided limit from inside, at an open end) read from points only: affine extrapolation of two inner values. */
function edgeFromPoints(f: Pl, b: Fraction, closed: boolean, dir: 1 | -1, eps: Fraction): Fraction | undefined {
  if (closed) return valueOf(f, b)
  const near = valueOf(f, b.add(eps.mul(dir)))
  const nearer = valueOf(f, b.add(eps.mul(dir).div(2)))
  return near === undefined || nearer === undefined ? undefined : nearer.mul(2).sub(near)
}

const sameEdge = (v: PlEdgeValue, x: Fraction | undefined): boolean => (v.kind === 'value' ? x !== undefined && v.value.equals(x) : v.kind === 'undefined' && x === undefined)

describe(`plDiff: laws (fast-check, seed ${SEED})`, () => {
  const params = { seed: SEED, numRuns: 400 }
  const extraArb = fc.array(fc.integer({ min: 0, max: 4400 }).map((k) => new Fraction(k, 100)), { maxLength: 4 })

  it('a balance lies in a reported interval exactly when f and g differ there; intervals are sorted, disjoint and maximal', () => {
    fc.assert(
      fc.property(pairArb, extraArb, ([f, g], extra) => {
        const changes = plDiff(f, g)
        for (let i = 1; i < changes.length; i++) {
          const a = changes[i - 1]!.interval
          const b = changes[i]!.interval
          if (a.hi === null || a.hi.gt(b.lo) || (a.hi.equals(b.lo) && (a.hiClosed || b.loClosed))) return false
        }
        for (const b of probes(f, g, changes, extra)) {
          if (changes.some((c) => intervalContains(c.interval, b)) !== differs(valueOf(f, b), valueOf(g, b))) return false
        }
        return plEqual(f, g) === (changes.length === 0)
      }),
      params,
    )
  })

  it('the values at each end are the values there, or the limits from inside at open ends and as the balance grows', () => {
    fc.assert(
      fc.property(pairArb, extraArb, ([f, g], extra) => {
        const changes = plDiff(f, g)
        const pts = probes(f, g, changes, extra)
        const eps = epsilon(pts)
        const far = pts[pts.length - 1]!.add(100)
        for (const c of changes) {
          const { lo, loClosed, hi, hiClosed } = c.interval
          if (!sameEdge(c.start.before, edgeFromPoints(f, lo, loClosed, 1, eps))) return false
          if (!sameEdge(c.start.after, edgeFromPoints(g, lo, loClosed, 1, eps))) return false
          for (const [fn, v] of [
            [f, c.end.before],
            [g, c.end.after],
          ] as const) {
            if (hi !== null) {
              if (!sameEdge(v, edgeFromPoints(fn, hi, hiClosed, -1, eps))) return false
              continue
            }
            const a = valueOf(fn, far)
            const b = valueOf(fn, far.add(1))
            if (v.kind === 'undefined') {
              if (a !== undefined) return false
            } else if (v.kind === 'value') {
              if (!a || !b || !a.equals(v.value) || !b.equals(v.value)) return false
            } else if (!a || !b || b.sub(a).compare(0) !== v.sign) return false
          }
        }
        return true
      }),
      params,
    )
  })

  it('the largest relative change bounds (g - f) / f at every balance of the interval and is reached or approached', () => {
    fc.assert(
      fc.property(pairArb, extraArb, ([f, g], extra) => {
        const changes = plDiff(f, g)
        const pts = probes(f, g, changes, extra)
        const eps = epsilon(pts)
        for (const c of changes) {
          const inside = pts.filter((b) => intervalContains(c.interval, b))
          const ratios = inside.map((b) => ratioAt(f, g, b))
          const l = c.largest
          if (ratios.some((r) => r === undefined)) {
            if (l !== undefined) return false
            continue
          }
          if (!l) return false
          if (l.ratio === null) {
            // No bound: f is 0 (or tends to 0) where g is not, or g outgrows a constant f.
            if (l.at === null) {
              if (c.interval.hi !== null) return false
              continue
            }
            const near = l.attained && !l.side ? l.at : l.at.add(eps.mul(l.side === 'below' ? -1 : 1).div(1000))
            const fNear = valueOf(f, near)
            if (fNear === undefined || (l.attained && !l.side && !fNear.equals(0))) return false
            if (!(l.attained && !l.side) && fNear.abs().gt(eps)) return false
            continue
          }
          const bound = l.ratio.abs()
          for (const r of ratios) if (r === null || r!.abs().gt(bound) || (!l.attained && r!.abs().equals(bound))) return false
          if (l.attained) {
            const at = l.side === 'above' ? l.at!.add(eps) : l.at!
            const r = ratioAt(f, g, at)
            if (!r || !r.equals(l.ratio)) return false
          } else if (l.at !== null) {
            const dir = l.side === 'below' ? -1 : 1
            const r1 = ratioAt(f, g, l.at.add(eps.mul(dir)))!
            const r2 = ratioAt(f, g, l.at.add(eps.mul(dir).div(1000)))!
            if (!r2.sub(l.ratio).abs().lte(r1.sub(l.ratio).abs())) return false
          }
        }
        return true
      }),
      params,
    )
  })
})
