// The piecewise-linear algebra: examples at the edges, and fast-check laws against pointwise evaluation (seed 42).
import fc from 'fast-check'
import Fraction from 'fraction.js'
import { describe, expect, it } from 'vitest'
import { intervalContains, type Interval, type Span } from '../../src/model/interval.js'
import {
  plAffine,
  plAt,
  plConst,
  plLimitAbove,
  plLimitBelow,
  plMap,
  plMax,
  plMin,
  plPreimage,
  plRange,
  plRestrict,
  plScale,
  plSimplify,
  type Pl,
  type ValueMap,
} from '../../src/model/pl.js'
import { F, iv, plFromCuts } from '../helpers/intervals.js'

const SEED = 42
const ALL: Interval = iv(0, true, null, false)
const text = (x: Fraction | undefined): string | undefined => x?.toFraction()
const ivText = (ivs: readonly Interval[]): string[] =>
  ivs.map((i) => `${i.loClosed ? '[' : '('}${i.lo.toFraction()}, ${i.hi === null ? 'inf' : i.hi.toFraction()}${i.hiClosed ? ']' : ')'}`)

/** A continuous ladder-like function: 30 up to 100, linear to 50 at 500, then 0.1 * b (a percent piece). */
const ladder: Pl = [
  ...plConst(iv(0, true, 100, true), F(30), 'a'),
  ...plAffine(iv(100, false, 500, true), F(0.05), F(25), 'b'),
  ...plAffine(iv(500, false, null, false), F(0.1), F(0), 'c'),
]

/** The bot's 0.95 haircut above a cap of 60: values up to 60 stay, above it become 57. */
const haircut: ValueMap = [
  { span: { lo: null, loClosed: false, hi: F(60), hiClosed: true }, slope: F(1), intercept: F(0) },
  { span: { lo: F(60), loClosed: false, hi: null, hiClosed: false }, slope: F(0), intercept: F(57), label: 'cap' },
]

describe('pl: examples', () => {
  it('evaluates, and takes limits from either side', () => {
    expect(text(plAt(ladder, F(100)))).toBe('30')
    expect(text(plAt(ladder, F(300)))).toBe('40')
    expect(text(plLimitAbove(ladder, F(500)))).toBe('50')
    expect(text(plLimitBelow(ladder, F(500)))).toBe('50')
    expect(text(plLimitBelow(ladder, F(0)))).toBeUndefined()
  })

  it('maps through a cap with a haircut: a drop at the balance where the size passes the cap', () => {
    const capped = plMap(ladder, haircut)
    expect(text(plAt(capped, F(600)))).toBe('60')
    expect(text(plLimitAbove(capped, F(600)))).toBe('57')
    expect(plAt(capped, F(700))!.toFraction()).toBe('57')
    expect(capped.find((p) => intervalContains(p.interval, F(700)))!.label).toBe('cap')
  })

  it('min and max split where the lines cross, keeping the label of the side they take', () => {
    const cap = plConst(ALL, F(45), 'cap')
    const m = plMin(ladder, cap)
    expect(ivText(m.map((p) => p.interval))).toEqual(['[0, 100]', '(100, 400]', '(400, 500]', '(500, inf)'])
    expect(m.map((p) => p.label)).toEqual(['a', 'b', 'cap', 'cap'])
    const M = plSimplify(plMax(ladder, cap))
    expect(ivText(M.map((p) => p.interval))).toEqual(['[0, 400]', '(400, 500]', '(500, inf)'])
  })

  it('preimages and ranges are exact, open and closed ends included', () => {
    expect(ivText(plPreimage(ladder, { lo: F(40), loClosed: false, hi: F(60), hiClosed: true }))).toEqual(['(300, 600]'])
    const r = plRange(plRestrict(ladder, { lo: F(0), loClosed: true, hi: F(500), hiClosed: false }))!
    expect([text(r.min ?? undefined), r.minAttained, text(r.max ?? undefined), r.maxAttained]).toEqual(['30', true, '50', false])
    expect(plRange(ladder)!.max).toBeNull()
  })

  it('is undefined where either side is', () => {
    const gap: Pl = [{ interval: iv(0, true, 200, true) }, ...plConst(iv(200, false, null, false), F(1))]
    expect(plAt(plMin(ladder, gap), F(100))).toBeUndefined()
    expect(text(plAt(plMin(ladder, gap), F(300)))).toBe('1')
    expect(plAt(plScale(gap, F(2)), F(100))).toBeUndefined()
  })
})

// ---------------------------------------------------------------------------------------------
// Laws

const cents = fc.integer({ min: 0, max: 400_000 }).map((k) => new Fraction(k, 100))
const coef = fc.integer({ min: -300, max: 300 }).map((k) => new Fraction(k, 20))

/** A random piecewise-linear function on [0, +inf): breakpoints, alternating closed ends, random lines, some undefined. */
const plArb: fc.Arbitrary<Pl> = fc
  .record({
    cuts: fc.uniqueArray(fc.integer({ min: 1, max: 4000 }), { maxLength: 5 }),
    lines: fc.array(fc.record({ slope: coef, intercept: fc.integer({ min: -500, max: 500 }).map((k) => new Fraction(k)), defined: fc.boolean() }), {
      minLength: 6,
      maxLength: 6,
    }),
    closedLeft: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
  })
  .map(({ cuts, lines, closedLeft }) => plFromCuts(cuts, lines, closedLeft))

/** Balances to test at: random ones, and every breakpoint of either function with its neighbours. */
function probes(fs: readonly Pl[], extra: readonly Fraction[]): Fraction[] {
  const out = [...extra]
  for (const f of fs) {
    for (const p of f) {
      out.push(p.interval.lo, p.interval.lo.add(new Fraction(1, 1000)))
      if (p.interval.hi !== null) out.push(p.interval.hi, p.interval.hi.sub(new Fraction(1, 1000)))
    }
  }
  return out.filter((b) => b.gte(0))
}

const valueMapArb: fc.Arbitrary<ValueMap> = fc
  .record({ cap: fc.integer({ min: -100, max: 600 }), haircut: fc.integer({ min: 50, max: 100 }), floor: fc.integer({ min: -200, max: 100 }) })
  .map(({ cap, haircut: h, floor }) => {
    const c = new Fraction(cap)
    const lo = new Fraction(Math.min(floor, cap))
    return [
      { span: { lo: null, loClosed: false, hi: lo, hiClosed: false }, slope: new Fraction(0), intercept: lo, label: 'floor' },
      { span: { lo, loClosed: true, hi: c, hiClosed: true }, slope: new Fraction(1), intercept: new Fraction(0) },
      { span: { lo: c, loClosed: false, hi: null, hiClosed: false }, slope: new Fraction(0), intercept: c.mul(h).div(100), label: 'cap' },
    ]
  })

const pointwiseMap = (g: ValueMap, s: Fraction): Fraction | undefined => {
  const gp = g.find((p) => {
    const span: Span = p.span
    return (span.lo === null || (span.loClosed ? s.gte(span.lo) : s.gt(span.lo))) && (span.hi === null || (span.hiClosed ? s.lte(span.hi) : s.lt(span.hi)))
  })
  return gp && gp.slope.mul(s).add(gp.intercept)
}

const sameValue = (a: Fraction | undefined, b: Fraction | undefined): boolean => (a === undefined ? b === undefined : b !== undefined && a.equals(b))

describe(`pl: laws (fast-check, seed ${SEED})`, () => {
  const params = { seed: SEED, numRuns: 300 }

  it('plMap(f, g)(b) == g(f(b)) at every balance', () => {
    fc.assert(
      fc.property(plArb, valueMapArb, fc.array(cents, { maxLength: 5 }), (f, g, extra) => {
        const h = plMap(f, g)
        for (const b of probes([f, h], extra)) {
          const fb = plAt(f, b)
          const want = fb === undefined ? undefined : pointwiseMap(g, fb)
          if (!sameValue(plAt(h, b), want)) return false
        }
        return true
      }),
      params,
    )
  })

  it('plMin and plMax agree with min and max at every balance, and keep the pieces disjoint and sorted', () => {
    fc.assert(
      fc.property(plArb, plArb, fc.array(cents, { maxLength: 5 }), (f, g, extra) => {
        const lo = plMin(f, g)
        const hi = plMax(f, g)
        for (const h of [lo, hi]) {
          for (let i = 1; i < h.length; i++) {
            const a = h[i - 1]!.interval
            const b = h[i]!.interval
            if (a.hi === null || a.hi.gt(b.lo) || (a.hi.equals(b.lo) && a.hiClosed && b.loClosed)) return false
          }
        }
        for (const b of probes([f, g, lo], extra)) {
          const x = plAt(f, b)
          const y = plAt(g, b)
          const both = x !== undefined && y !== undefined
          if (!sameValue(plAt(lo, b), both ? (x.lt(y) ? x : y) : undefined)) return false
          if (!sameValue(plAt(hi, b), both ? (x.gt(y) ? x : y) : undefined)) return false
        }
        return true
      }),
      params,
    )
  })

  it('plPreimage holds exactly the balances whose value lies in the span', () => {
    fc.assert(
      fc.property(
        plArb,
        fc.integer({ min: -500, max: 500 }),
        fc.integer({ min: 0, max: 400 }),
        fc.boolean(),
        fc.boolean(),
        fc.array(cents, { maxLength: 5 }),
        (f, lo, w, lc, hc, extra) => {
          const span: Span = { lo: new Fraction(lo), loClosed: lc, hi: new Fraction(lo + w), hiClosed: hc }
          const pre = plPreimage(f, span)
          const identity = [{ span, slope: new Fraction(1), intercept: new Fraction(0) }]
          for (const b of probes([f], [...extra, ...pre.flatMap((i) => (i.hi ? [i.lo, i.hi] : [i.lo]))])) {
            const v = plAt(f, b)
            const inSpan = v !== undefined && pointwiseMap(identity, v) !== undefined
            if (pre.some((i) => intervalContains(i, b)) !== inSpan) return false
          }
          return true
        },
      ),
      params,
    )
  })

  it('plRange bounds every value and is reached or approached', () => {
    fc.assert(
      fc.property(plArb, fc.array(cents, { maxLength: 8 }), (f, extra) => {
        const r = plRange(f)
        const values = probes([f], extra).map((b) => plAt(f, b)).filter((v): v is Fraction => v !== undefined)
        if (!r) return values.length === 0
        return values.every((v) => (r.min === null || v.gte(r.min)) && (r.max === null || v.lte(r.max)))
      }),
      params,
    )
  })

  it('plSimplify keeps every value', () => {
    fc.assert(
      fc.property(plArb, fc.array(cents, { maxLength: 5 }), (f, extra) => {
        const s = plSimplify(plMap(f, [{ span: { lo: null, loClosed: false, hi: null, hiClosed: false }, slope: new Fraction(0), intercept: new Fraction(1) }]))
        return probes([f], extra).every((b) => sameValue(plAt(s, b), plAt(f, b) === undefined ? undefined : new Fraction(1)))
      }),
      params,
    )
  })
})
