// Exact rationals from config numbers, and the only place where money and percentages are rounded (for text).
import Fraction from 'fraction.js'

export { Fraction }

/** 0 as a Fraction, shared because Fraction values are immutable. */
export const ZERO = new Fraction(0)
/** 1 as a Fraction. */
export const ONE = new Fraction(1)
/** 100 as a Fraction (percent <-> ratio). */
export const HUNDRED = new Fraction(100)

const DECIMAL_TEXT = /^([+-])?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/

/**
 * The exact rational a config number denotes, read from its decimal text.
 *
 * A JS number is read through `String(n)`, its shortest round-trip form, so `1.2` is 6/5 exactly
 * (never the binary double 5404319552844595/4503599627370496) and `1e-7`, `1e21` work. A string must be
 * plain decimal text (`"-12.50"`, `".5"`, `"1e3"`); no separators, no whitespace.
 *
 * @throws RangeError for NaN, ±Infinity or text that is not a decimal number (callers filter those first).
 */
export function q(n: number | string): Fraction {
  if (typeof n === 'number' && !Number.isFinite(n)) throw new RangeError(`not a finite number: ${n}`)
  const text = typeof n === 'number' ? String(n) : n
  const m = DECIMAL_TEXT.exec(text)
  const intDigits = m?.[2] ?? ''
  const fracDigits = m?.[3] ?? ''
  if (!m || intDigits.length + fracDigits.length === 0) throw new RangeError(`not a decimal number: ${JSON.stringify(text)}`)
  const exponent = Number(m[4] ?? '0') - fracDigits.length
  if (!Number.isSafeInteger(exponent)) throw new RangeError(`exponent out of range: ${JSON.stringify(text)}`)
  let num = BigInt(intDigits + fracDigits || '0')
  let den = 1n
  // BigInt keeps 1e21 and 5e-324 exact where Number arithmetic would not.
  if (exponent >= 0) num *= 10n ** BigInt(exponent)
  else den = 10n ** BigInt(-exponent)
  if (m[1] === '-') num = -num
  return new Fraction(num, den)
}

/**
 * `x * 10^digits` rounded to an integer, half away from zero (95.692 -> 9569, 478.455 -> 47846 at 2 digits).
 * Exact: works on the numerator and denominator, never on a float.
 */
export function roundScaled(x: Fraction, digits: number): bigint {
  const scaledNum = x.n * 10n ** BigInt(digits)
  let whole = scaledNum / x.d
  const rest = scaledNum % x.d
  if (rest * 2n >= x.d) whole += 1n
  return x.s < 0n ? -whole : whole
}

function toFraction(x: Fraction | number): Fraction {
  return typeof x === 'number' ? q(x) : x
}

/** Digits of a non-negative scaled integer with `digits` decimals, e.g. (101800n, 2) -> "1018.00". */
function fixedText(abs: bigint, digits: number, group: boolean): string {
  const scale = 10n ** BigInt(digits)
  let whole = (abs / scale).toString()
  if (group) whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  if (digits === 0) return whole
  return `${whole}.${(abs % scale).toString().padStart(digits, '0')}`
}

/**
 * USD amount with thousands separators and cents, rounded half away from zero:
 * 1018 -> "$1,018.00", 95.692 -> "$95.69", -5 -> "-$5.00". An amount that rounds to zero prints unsigned.
 */
export function formatUsd(x: Fraction | number): string {
  const cents = roundScaled(toFraction(x), 2)
  const text = `$${fixedText(cents < 0n ? -cents : cents, 2, true)}`
  return cents < 0n ? `-${text}` : text
}

/** A USD change with an explicit sign: 24 -> "+$24.00", -50 -> "-$50.00"; a change that rounds to zero is "$0.00". */
export function formatSignedUsd(x: Fraction | number): string {
  const text = formatUsd(x)
  return text.startsWith('-') || text === '$0.00' ? text : `+${text}`
}

/** A ratio as a percentage, rounded half away from zero: (0.656) -> "65.6%", (0.47, 0) -> "47%". */
export function formatPercent(x: Fraction | number, digits = 1): string {
  const scaled = roundScaled(toFraction(x).mul(100), digits)
  const text = `${fixedText(scaled < 0n ? -scaled : scaled, digits, false)}%`
  return scaled < 0n ? `-${text}` : text
}

/**
 * Plain decimal text with at most `maxDecimals` decimals (half away from zero) and no trailing zeros,
 * no separators: 5 -> "5", 1.2 -> "1.2", 1/3 -> "0.333333". For leverage ("5x"), multipliers, tolerances.
 */
export function formatNumber(x: Fraction | number, maxDecimals = 6): string {
  const scaled = roundScaled(toFraction(x), maxDecimals)
  let text = fixedText(scaled < 0n ? -scaled : scaled, maxDecimals, false)
  if (text.includes('.')) text = text.replace(/\.?0+$/, '')
  return scaled < 0n ? `-${text}` : text
}


/** A ratio (the tolerance) as a percentage without needless decimals: 1/2 -> "50%", 3/8 -> "37.5%". */
export function formatTolerance(tol: Fraction): string {
  return `${formatNumber(tol.mul(HUNDRED))}%`
}

/**
 * `|o - s| / s` as a percentage for an override the bot ignores (so the ratio is above `tol`): one decimal, or more
 * when one decimal would print the tolerance itself ("50.001%" rather than a contradictory "50.0% (> 50%)").
 */
export function formatExcessDeviation(deviation: Fraction, tol: Fraction): string {
  for (let digits = 1; digits < 6; digits++) {
    if (roundScaled(deviation.mul(HUNDRED), digits) !== roundScaled(tol.mul(HUNDRED), digits)) return formatPercent(deviation, digits)
  }
  return formatPercent(deviation, 6)
}

/**
 * Exact decimal text of a rational: "101.8", "-5", "0.65625"; a non-terminating value as "n/d" ("1900/3").
 * Never rounded, so a consumer can recompute what the table shows.
 */
export function exactText(x: Fraction): string {
  let d = x.d
  let twos = 0
  let fives = 0
  while (d % 2n === 0n) {
    d /= 2n
    twos++
  }
  while (d % 5n === 0n) {
    d /= 5n
    fives++
  }
  const sign = x.s < 0n ? '-' : ''
  if (d !== 1n) return `${sign}${x.n}/${x.d}`
  const digits = Math.max(twos, fives)
  const scaled = ((x.n * 10n ** BigInt(digits)) / x.d).toString().padStart(digits + 1, '0')
  if (digits === 0) return `${sign}${scaled}`
  return `${sign}${scaled.slice(0, -digits)}.${scaled.slice(-digits)}`.replace(/\.?0+$/, '')
}
