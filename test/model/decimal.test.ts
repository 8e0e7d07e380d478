// Exact decimal reading (q) and the edge-only formatters of src/model/decimal.ts.
import { describe, expect, it } from 'vitest'
import Fraction from 'fraction.js'
import { formatNumber, formatPercent, formatSignedUsd, formatUsd, q, roundScaled } from '../../src/model/decimal.js'

const frac = (x: Fraction): string => x.toFraction()

describe('q', () => {
  it('reads a JS number from its shortest round-trip text, not its binary value', () => {
    expect(frac(q(1.2))).toBe('6/5')
    expect(frac(q(0.1))).toBe('1/10')
    expect(frac(q(101.8))).toBe('509/5')
    expect(frac(q(478.455))).toBe('95691/200')
    expect(q(0.1 + 0.2).equals(new Fraction(30000000000000004n, 10n ** 17n))).toBe(true)
  })

  it('reads integers, negatives and zero', () => {
    expect(frac(q(999999))).toBe('999999')
    expect(frac(q(-5))).toBe('-5')
    expect(frac(q(0))).toBe('0')
    expect(frac(q(-0))).toBe('0')
    expect(frac(q(-12.5))).toBe('-25/2')
  })

  it('reads exponent forms exactly', () => {
    expect(frac(q(1e-7))).toBe('1/10000000')
    expect(frac(q(1.5e-10))).toBe('3/20000000000')
    expect(frac(q(1e21))).toBe('1000000000000000000000')
    expect(frac(q(2.5e22))).toBe('25000000000000000000000')
    expect(q(5e-324).equals(new Fraction(5n, 10n ** 324n))).toBe(true)
    expect(q(Number.MAX_VALUE).equals(new Fraction(17976931348623157n * 10n ** 292n, 1n))).toBe(true)
  })

  it('reads decimal text', () => {
    expect(frac(q('12.50'))).toBe('25/2')
    expect(frac(q('.5'))).toBe('1/2')
    expect(frac(q('5.'))).toBe('5')
    expect(frac(q('+3'))).toBe('3')
    expect(frac(q('-0.01'))).toBe('-1/100')
    expect(frac(q('1e3'))).toBe('1000')
    expect(frac(q('1E-2'))).toBe('1/100')
    expect(frac(q('1018.00'))).toBe('1018')
  })

  it('throws a RangeError on NaN, infinities and non-decimal text', () => {
    for (const bad of [NaN, Infinity, -Infinity]) expect(() => q(bad)).toThrow(RangeError)
    for (const bad of ['', '.', '-', 'abc', '1,000', ' 1', '1 ', '0x10', 'Infinity', 'NaN', '1e', '1_000', '1e99999999999999999999']) {
      expect(() => q(bad), bad).toThrow(RangeError)
    }
  })
})

describe('roundScaled', () => {
  it('rounds half away from zero, exactly', () => {
    expect(roundScaled(q(95.692), 2)).toBe(9569n)
    expect(roundScaled(q(478.455), 2)).toBe(47846n)
    expect(roundScaled(q(-478.455), 2)).toBe(-47846n)
    expect(roundScaled(q(0.004999), 2)).toBe(0n)
    expect(roundScaled(q(-0.004999), 2)).toBe(0n)
    expect(roundScaled(new Fraction(2, 3), 0)).toBe(1n)
    expect(roundScaled(new Fraction(1, 2), 0)).toBe(1n)
    expect(roundScaled(new Fraction(-1, 2), 0)).toBe(-1n)
  })
})

describe('formatUsd', () => {
  it.each([
    [1018, '$1,018.00'],
    [101.8, '$101.80'],
    [95.692, '$95.69'],
    [478.455, '$478.46'],
    [478.456, '$478.46'],
    [922.3088, '$922.31'],
    [0, '$0.00'],
    [0.005, '$0.01'],
    [999.995, '$1,000.00'],
    [1234567.891, '$1,234,567.89'],
    [999999, '$999,999.00'],
    [-5, '-$5.00'],
    [-0.005, '-$0.01'],
    [-0.004, '$0.00'],
    [-1234.5, '-$1,234.50'],
  ])('%s -> %s', (x, text) => {
    expect(formatUsd(x)).toBe(text)
  })

  it('formats exact rationals', () => {
    expect(formatUsd(new Fraction(1, 3))).toBe('$0.33')
    expect(formatUsd(new Fraction(2, 3))).toBe('$0.67')
    expect(formatUsd(new Fraction(1400, 3))).toBe('$466.67')
    expect(formatUsd(new Fraction(10n ** 21n, 1n))).toBe('$1,000,000,000,000,000,000,000.00')
  })
})

describe('formatSignedUsd', () => {
  it.each([
    [24, '+$24.00'],
    [-50, '-$50.00'],
    [0, '$0.00'],
    [0.001, '$0.00'],
    [-0.001, '$0.00'],
    [0.005, '+$0.01'],
    [1000, '+$1,000.00'],
  ])('%s -> %s', (x, text) => {
    expect(formatSignedUsd(x)).toBe(text)
  })
})

describe('formatPercent', () => {
  it('formats a ratio with one decimal by default', () => {
    expect(formatPercent(0.656)).toBe('65.6%')
    expect(formatPercent(new Fraction(478456, 1018000))).toBe('47.0%')
    expect(formatPercent(0.9530004)).toBe('95.3%')
    expect(formatPercent(0.00049)).toBe('0.0%')
    expect(formatPercent(0.0005)).toBe('0.1%')
    expect(formatPercent(1)).toBe('100.0%')
    expect(formatPercent(-0.05)).toBe('-5.0%')
    expect(formatPercent(-0.0004)).toBe('0.0%')
  })

  it('takes the number of decimals', () => {
    expect(formatPercent(0.47, 0)).toBe('47%')
    expect(formatPercent(0.4649, 0)).toBe('46%')
    expect(formatPercent(0.465, 0)).toBe('47%')
    expect(formatPercent(new Fraction(1, 3), 2)).toBe('33.33%')
  })
})

describe('formatNumber', () => {
  it('trims trailing zeros and never groups', () => {
    expect(formatNumber(5)).toBe('5')
    expect(formatNumber(1.2)).toBe('1.2')
    expect(formatNumber(4.5)).toBe('4.5')
    expect(formatNumber(-1.25)).toBe('-1.25')
    expect(formatNumber(1000000)).toBe('1000000')
    expect(formatNumber(1e21)).toBe('1000000000000000000000')
    expect(formatNumber(new Fraction(1, 3))).toBe('0.333333')
  })

  it('rounds half away from zero at maxDecimals', () => {
    expect(formatNumber(new Fraction(2, 3), 2)).toBe('0.67')
    expect(formatNumber(2.5, 0)).toBe('3')
    expect(formatNumber(-2.5, 0)).toBe('-3')
    expect(formatNumber(1e-7)).toBe('0')
    expect(formatNumber(-1e-7)).toBe('0')
    expect(formatNumber(1.005, 2)).toBe('1.01')
  })
})
