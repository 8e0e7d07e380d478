// Short constructors for the model tests: exact numbers from decimals, balance intervals from their ends.
import Fraction from 'fraction.js'
import { q } from '../../src/model/decimal.js'
import type { Interval } from '../../src/model/interval.js'
import type { Pl, PlPiece } from '../../src/model/pl.js'

/** The exact rational of a decimal (1.2 is 6/5). */
export const F = (n: number): Fraction => q(n)

/** A balance interval: `hi` null is +inf. */
export const iv = (lo: number, loClosed: boolean, hi: number | null, hiClosed: boolean): Interval => ({
  lo: F(lo),
  loClosed,
  hi: hi === null ? null : F(hi),
  hiClosed,
})

/** One line of a test function: `slope * b + intercept`, or undefined there. */
export interface TestLine {
  slope: Fraction
  intercept: Fraction
  defined: boolean
}

/**
 * A piecewise-linear function on [0, +inf) cut at `cuts` (whole balances): piece i takes `lines[i]` (labelled `p<i>`,
 * or `u<i>` where undefined), and a cut belongs to the piece on its left unless `closedLeft[i + 1]` gives it to the right.
 */
export function plFromCuts(cuts: readonly number[], lines: readonly TestLine[], closedLeft: readonly boolean[]): Pl {
  const xs = [...new Set(cuts)].sort((a, b) => a - b).map((c) => new Fraction(c))
  const out: PlPiece[] = []
  let lo = new Fraction(0)
  let loClosed = true
  for (let i = 0; i <= xs.length; i++) {
    const hi = xs[i] ?? null
    const rightClaims = i < xs.length && closedLeft[i + 1]!
    const interval: Interval = { lo, loClosed, hi, hiClosed: hi !== null && !rightClaims }
    const line = lines[i]!
    out.push(line.defined ? { interval, slope: line.slope, intercept: line.intercept, label: `p${i}` } : { interval, label: `u${i}` })
    if (hi !== null) {
      lo = hi
      loClosed = rightClaims
    }
  }
  return out
}
