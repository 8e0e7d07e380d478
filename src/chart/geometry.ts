// Pure geometry of the sizing charts: axes (log or linear), ticks, exact vertices of piecewise-linear functions, label spreading.
import type Fraction from 'fraction.js'
import type { Interval } from '../model/interval.js'
import { pieceAt, plRestrict, type Pl } from '../model/pl.js'

/** How an axis maps values: logarithmic (balances, by default) or linear. */
export type AxisScale = 'log' | 'linear'

/** A map from data values in [lo, hi] (lo > 0 on a log axis) to pixels in [px0, px1]; px1 < px0 for a y axis (up is more). */
export interface Axis {
  readonly scale: AxisScale
  readonly lo: number
  readonly hi: number
  readonly px0: number
  readonly px1: number
}

/** The pixel of value `v` on `axis` (not clamped). */
export function toPx(axis: Axis, v: number): number {
  const t =
    axis.scale === 'log' ? (Math.log(v) - Math.log(axis.lo)) / (Math.log(axis.hi) - Math.log(axis.lo)) : (v - axis.lo) / (axis.hi - axis.lo)
  return axis.px0 + t * (axis.px1 - axis.px0)
}

/** The smallest 1, 2 or 5 times a power of ten that is >= x (x > 0): a step a reader can add up. */
export function niceStep(x: number): number {
  const p = 10 ** Math.floor(Math.log10(x))
  for (const m of [1, 2, 5, 10]) if (m * p >= x * (1 - 1e-12)) return m * p
  return 10 * p
}

/**
 * Tick values inside [lo, hi], ascending: on a log axis 1, 2 and 5 times each power of ten (only the powers of ten
 * when that gives more than 2 x `target` ticks), on a linear axis multiples of a nice step giving about `target`.
 */
export function ticks(scale: AxisScale, lo: number, hi: number, target = 6): number[] {
  if (!(hi > lo)) return [lo]
  if (scale === 'log') {
    const all: number[] = []
    const decades: number[] = []
    for (let k = Math.floor(Math.log10(lo)); k <= Math.ceil(Math.log10(hi)); k++) {
      for (const m of [1, 2, 5]) {
        const v = m * 10 ** k
        if (v >= lo * (1 - 1e-12) && v <= hi * (1 + 1e-12)) {
          all.push(v)
          if (m === 1) decades.push(v)
        }
      }
    }
    return all.length > 2 * target && decades.length >= 2 ? decades : all
  }
  const step = niceStep((hi - lo) / target)
  const out: number[] = []
  for (let v = Math.ceil(lo / step - 1e-9) * step; v <= hi + step * 1e-9; v += step) out.push(Math.abs(v) < step * 1e-9 ? 0 : v)
  return out
}

/** A vertex of a drawn line: a balance (USD) and a size (USD notional), as numbers. */
export interface Vertex {
  readonly b: number
  readonly s: number
}

/** A balance where the drawn function jumps: `closed` says which side's value the function takes at `at` itself. */
export interface Jump {
  readonly at: number
  readonly before: number
  readonly after: number
  readonly closed: 'before' | 'after' | 'neither'
}

/** The polylines that draw a function (each continuous), and where it jumps between them. */
export interface Runs {
  readonly runs: readonly (readonly Vertex[])[]
  readonly jumps: readonly Jump[]
}

const vertex = (b: Fraction, s: Fraction): Vertex => ({ b: b.valueOf(), s: s.valueOf() })

/**
 * How `f` is drawn on [lo, hi]: one straight segment per piece between its exact end values on a linear balance axis;
 * on a log axis a sloped piece is a curve, so it is sampled every `step` pixels of `axis` between its exact ends
 * (a constant piece stays two vertices). A new run starts where f jumps or is undefined; equal neighbours share a vertex.
 */
export function plRuns(f: Pl, lo: Fraction, hi: Fraction, axis: Axis, step = 2): Runs {
  const runs: Vertex[][] = []
  const jumps: Jump[] = []
  let current: Vertex[] | undefined
  let prev: { b: Fraction; v: Fraction; closed: boolean } | undefined
  for (const p of plRestrict(f, { lo, loClosed: true, hi, hiClosed: true })) {
    const a = p.interval.lo
    const z = p.interval.hi ?? hi
    const va = pieceAt(p, a)
    const vz = pieceAt(p, z)
    if (!va || !vz) {
      current = undefined
      prev = undefined
      continue
    }
    const continues = current && prev && prev.b.equals(a) && prev.v.equals(va)
    if (!continues) {
      if (prev && prev.b.equals(a)) {
        jumps.push({ at: a.valueOf(), before: prev.v.valueOf(), after: va.valueOf(), closed: prev.closed ? 'before' : p.interval.loClosed ? 'after' : 'neither' })
      }
      current = [vertex(a, va)]
      runs.push(current)
    }
    if (axis.scale === 'log' && !p.slope!.equals(0) && z.gt(a)) {
      const [x0, x1] = [a.valueOf(), z.valueOf()]
      const n = Math.max(1, Math.ceil(Math.abs(toPx(axis, x1) - toPx(axis, x0)) / step))
      const slope = p.slope!.valueOf()
      const intercept = p.intercept!.valueOf()
      for (let i = 1; i < n; i++) {
        const b = Math.exp(Math.log(x0) + ((Math.log(x1) - Math.log(x0)) * i) / n)
        current!.push({ b, s: slope * b + intercept })
      }
    }
    if (z.gt(a)) current!.push(vertex(z, vz))
    prev = { b: z, v: vz, closed: p.interval.hiClosed }
  }
  return { runs, jumps }
}

/** Every finite end of `f`'s pieces strictly inside (lo, hi). */
function cutsInside(f: Pl, lo: Fraction, hi: Fraction): Fraction[] {
  return f.flatMap((p) => [p.interval.lo, p.interval.hi]).filter((x): x is Fraction => x !== null && x.gt(lo) && x.lt(hi))
}

/**
 * The closed outlines of the area between `lowest` and `highest` on [lo, hi]: one polygon (highest left to right, then
 * lowest right to left) per stretch between consecutive piece ends of either, where both are defined.
 */
export function bandPolygons(lowest: Pl, highest: Pl, lo: Fraction, hi: Fraction, axis: Axis): Vertex[][] {
  const cuts = [lo, ...cutsInside(lowest, lo, hi), ...cutsInside(highest, lo, hi), hi]
  const unique = [...new Map(cuts.map((c) => [c.toFraction(), c])).values()].sort((a, b) => a.compare(b))
  const out: Vertex[][] = []
  for (let i = 0; i + 1 < unique.length; i++) {
    const [x, y] = [unique[i]!, unique[i + 1]!]
    const stretch = (f: Pl): readonly Vertex[] | undefined => {
      const long = plRuns(f, x, y, axis).runs.filter((r) => r.length >= 2)
      return long.length === 1 ? long[0] : undefined
    }
    const top = stretch(highest)
    const bottom = stretch(lowest)
    if (top && bottom) out.push([...top, ...[...bottom].reverse()])
  }
  return out
}

/** A stretch of balances as numbers, lo < hi. */
export interface Stretch {
  readonly lo: number
  readonly hi: number
}

/** The parts of the intervals inside [lo, hi], as numbers; empty parts dropped. */
export function clipIntervals(ivs: readonly Interval[], lo: Fraction, hi: Fraction): Stretch[] {
  const out: Stretch[] = []
  for (const iv of ivs) {
    const a = iv.lo.gt(lo) ? iv.lo : lo
    const z = iv.hi === null || iv.hi.gt(hi) ? hi : iv.hi
    if (z.gt(a)) out.push({ lo: a.valueOf(), hi: z.valueOf() })
  }
  return out
}

/** The parts of [lo, hi] that no interval covers (the intervals sorted and disjoint), as numbers. */
export function complementIn(ivs: readonly Interval[], lo: Fraction, hi: Fraction): Stretch[] {
  const out: Stretch[] = []
  let cursor = lo
  for (const iv of ivs) {
    if (cursor.gte(hi)) break
    if (iv.lo.gt(cursor)) out.push({ lo: cursor.valueOf(), hi: (iv.lo.lt(hi) ? iv.lo : hi).valueOf() })
    if (iv.hi === null) return out
    if (iv.hi.gt(cursor)) cursor = iv.hi
  }
  if (cursor.lt(hi)) out.push({ lo: cursor.valueOf(), hi: hi.valueOf() })
  return out
}

/**
 * Label positions near `wanted` (pixels, any order) at least `gap` apart and inside [min, max] when they fit there:
 * the order of the wanted positions is kept, and each label moves as little as the others allow.
 */
export function spreadLabels(wanted: readonly number[], gap: number, min: number, max: number): number[] {
  const order = wanted.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y || a.i - b.i)
  const pos = order.map(({ y }) => Math.min(Math.max(y, min), max))
  for (let k = 1; k < pos.length; k++) pos[k] = Math.max(pos[k]!, pos[k - 1]! + gap)
  if (pos.length > 0 && pos[pos.length - 1]! > max) {
    pos[pos.length - 1] = max
    for (let k = pos.length - 2; k >= 0; k--) pos[k] = Math.min(pos[k]!, pos[k + 1]! - gap)
  }
  const out = new Array<number>(wanted.length)
  order.forEach(({ i }, k) => (out[i] = pos[k]!))
  return out
}

/** A coordinate for SVG text: at most 5 decimals, no trailing zeros, never "-0". */
export function coord(n: number): string {
  const text = n.toFixed(5).replace(/\.?0+$/, '')
  return text === '-0' ? '0' : text
}
