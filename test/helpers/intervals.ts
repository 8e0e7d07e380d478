// Short constructors for the model tests: exact numbers from decimals, balance intervals from their ends.
import type Fraction from 'fraction.js'
import { q } from '../../src/model/decimal.js'
import type { Interval } from '../../src/model/interval.js'

/** The exact rational of a decimal (1.2 is 6/5). */
export const F = (n: number): Fraction => q(n)

/** A balance interval: `hi` null is +inf. */
export const iv = (lo: number, loClosed: boolean, hi: number | null, hiClosed: boolean): Interval => ({
  lo: F(lo),
  loClosed,
  hi: hi === null ? null : F(hi),
  hiClosed,
})
