// The statistics helpers of scripts/bench.mjs (pure functions; no timing here).
import { describe, expect, it } from 'vitest'
// @ts-expect-error the script is plain JavaScript without type declarations
import * as bench from '../../scripts/bench.mjs'

interface Summary {
  n: number
  median: number
  q1: number
  q3: number
  min: number
  max: number
}
interface Bench {
  quantile(values: number[], q: number): number
  median(values: number[]): number
  summarize(values: number[]): Summary
  pairedRatios(a: number[], b: number[]): number[]
  leastSquares(points: { x: number; y: number }[]): { slope: number; intercept: number; r2: number }
  shuffle<T>(items: T[], random: () => number): T[]
  checkBudget(budget: { value: number | null; limit: number; op: '<' | '<=' | '>' | '>=' }): 'PASS' | 'FAIL' | 'SKIP'
}
const { quantile, median, summarize, pairedRatios, leastSquares, shuffle, checkBudget } = bench as Bench

describe('quantile, median, summarize', () => {
  it('takes the middle value, or the mean of the two middle ones, whatever the order', () => {
    expect(median([5, 1, 3])).toBe(3)
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(median([7])).toBe(7)
    expect(median([])).toBeNaN()
  })

  it('interpolates between order statistics (R type 7)', () => {
    expect(quantile([1, 2, 3, 4, 5], 0.25)).toBe(2)
    expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75)
    expect(quantile([10, 20], 1)).toBe(20)
    expect(quantile([10, 20], 0)).toBe(10)
  })

  it('summarizes without changing the input', () => {
    const xs = [9, 1, 5, 3, 7]
    expect(summarize(xs)).toEqual({ n: 5, median: 5, q1: 3, q3: 7, min: 1, max: 9 })
    expect(xs).toEqual([9, 1, 5, 3, 7])
  })
})

describe('pairedRatios', () => {
  it('divides round by round, so a slow round cancels out', () => {
    // Round 2 is twice as slow for both commands: the paired ratio stays 3.
    expect(pairedRatios([150, 300, 150], [50, 100, 50])).toEqual([3, 3, 3])
    expect(median(pairedRatios([150, 300, 150], [50, 100, 50]))).toBe(3)
  })

  it('refuses samples of different lengths', () => {
    expect(() => pairedRatios([1, 2], [1])).toThrow(RangeError)
  })
})

describe('leastSquares', () => {
  it('recovers an exact line', () => {
    const fit = leastSquares([0, 1000, 5000, 50_000].map((x) => ({ x, y: 200 + 0.025 * x })))
    expect(fit.slope).toBeCloseTo(0.025, 12)
    expect(fit.intercept).toBeCloseTo(200, 9)
    expect(fit.r2).toBeCloseTo(1, 12)
  })

  it('matches a hand-computed fit of noisy points', () => {
    // Means 2.5 and 3.75; Sxy = 3.5, Sxx = 5, Syy = 4.75: slope 0.7, intercept 3.75 - 0.7 * 2.5 = 2, r2 = 3.5^2 / (5 * 4.75).
    const fit = leastSquares([
      { x: 1, y: 2 },
      { x: 2, y: 4 },
      { x: 3, y: 5 },
      { x: 4, y: 4 },
    ])
    expect(fit.slope).toBeCloseTo(0.7, 12)
    expect(fit.intercept).toBeCloseTo(2, 12)
    expect(fit.r2).toBeCloseTo((3.5 * 3.5) / (5 * 4.75), 12)
  })

  it('needs two distinct x values', () => {
    expect(() => leastSquares([{ x: 1, y: 1 }])).toThrow(RangeError)
    expect(() => leastSquares([{ x: 1, y: 1 }, { x: 1, y: 2 }])).toThrow(RangeError)
  })
})

describe('shuffle', () => {
  it('is a seeded permutation of a copy', () => {
    const seeded = (seed: number): (() => number) => {
      let s = seed
      return () => ((s = (s * 16807) % 2147483647) - 1) / 2147483646
    }
    const items = Array.from({ length: 20 }, (_, i) => i)
    const a = shuffle(items, seeded(1))
    expect(a).toEqual(shuffle(items, seeded(1)))
    expect([...a].sort((x, y) => x - y)).toEqual(items)
    expect(a).not.toEqual(items)
    expect(items).toEqual(Array.from({ length: 20 }, (_, i) => i))
  })
})

describe('checkBudget', () => {
  it('passes, fails or skips', () => {
    expect(checkBudget({ value: 3.0, limit: 3.0, op: '<=' })).toBe('PASS')
    expect(checkBudget({ value: 3.01, limit: 3.0, op: '<=' })).toBe('FAIL')
    expect(checkBudget({ value: 2.5, limit: 2.5, op: '<' })).toBe('FAIL')
    expect(checkBudget({ value: 249.9, limit: 250, op: '<' })).toBe('PASS')
    expect(checkBudget({ value: null, limit: 1, op: '<' })).toBe('SKIP')
    expect(checkBudget({ value: Number.NaN, limit: 1, op: '<' })).toBe('SKIP')
  })
})
