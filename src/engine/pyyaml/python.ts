// The Python built-ins PyYAML's SafeConstructor relies on, with their errors: int(), float(), base64.decodebytes, dates.

/** A ValueError (or KeyError...) raised by Python code inside a constructor: the bot stops, PyYAML gives no mark. */
export class PythonError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message)
    this.name = type
  }
}

/** str.isspace(): what int() and float() strip and map to ASCII spaces. */
const PY_SPACE = /[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/u
const ND = /\p{Nd}/u

/** The value of a Unicode decimal digit: runs of Nd characters always come in tens, 0 to 9. */
function digitValue(ch: string): number {
  let cp = ch.codePointAt(0)!
  let start = cp
  while (ND.test(String.fromCodePoint(start - 1))) start--
  cp -= start
  return cp % 10
}

/** As CPython's _PyUnicode_TransformDecimalAndSpaceToASCII, then stripped: null when a character is neither. */
function asciiNumber(text: string): string | null {
  let out = ''
  for (const ch of text) {
    if (PY_SPACE.test(ch)) out += ' '
    else if (ch.charCodeAt(0) < 0x80) out += ch
    else if (ND.test(ch)) out += String(digitValue(ch))
    else return null
  }
  return out.replace(/^[ \t\n\v\f\r]+|[ \t\n\v\f\r]+$/g, '')
}

/** Python's int(text, base) for the bases PyYAML uses (2, 8, 10, 16), as an exact BigInt; text without underscores. */
export function pyInt(text: string, base: 2 | 8 | 10 | 16): bigint {
  const fail = (): never => {
    throw new PythonError('ValueError', `invalid literal for int() with base ${base}: ${reprShort(text)}`)
  }
  const s = asciiNumber(text) ?? fail()
  const match = /^([+-]?)(.*)$/s.exec(s)!
  let digits = match[2]!
  const prefix = base === 16 ? /^0[xX]/ : base === 8 ? /^0[oO]/ : base === 2 ? /^0[bB]/ : null
  if (prefix?.test(digits)) digits = digits.slice(2)
  const valid = base === 16 ? /^[0-9a-fA-F]+$/ : base === 10 ? /^[0-9]+$/ : base === 8 ? /^[0-7]+$/ : /^[01]+$/
  if (!valid.test(digits)) fail()
  const radix = base === 16 ? '0x' : base === 8 ? '0o' : base === 2 ? '0b' : ''
  const value = BigInt(`${radix}${digits}`)
  return match[1] === '-' ? -value : value
}

/** Python's float(text): decimal, inf, infinity, nan (any case), surrounding whitespace; text without underscores. */
export function pyFloat(text: string): number {
  const s = asciiNumber(text)
  if (s !== null) {
    const special = /^([+-]?)(inf|infinity|nan)$/i.exec(s)
    if (special) return special[2]!.toLowerCase() === 'nan' ? Number.NaN : special[1] === '-' ? -Infinity : Infinity
    if (/^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/.test(s)) return Number(s)
  }
  throw new PythonError('ValueError', `could not convert string to float: ${reprShort(text)}`)
}

function reprShort(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`
}

/** base64.decodebytes (binascii.a2b_base64, not strict): characters outside the alphabet are skipped. */
export function decodeBase64(ascii: string): Uint8Array {
  const out: number[] = []
  let quad = 0
  let left = 0
  let pads = 0
  for (let i = 0; i < ascii.length; i++) {
    const c = ascii.charCodeAt(i)
    if (c === 0x3d) {
      // A pad after two or three characters of a quad ends the data; anywhere else it is skipped.
      if (quad >= 2 && quad + ++pads >= 4) return Uint8Array.from(out)
      continue
    }
    const v = c >= 0x41 && c <= 0x5a ? c - 0x41 : c >= 0x61 && c <= 0x7a ? c - 0x47 : c >= 0x30 && c <= 0x39 ? c + 4 : c === 0x2b ? 62 : c === 0x2f ? 63 : -1
    if (v < 0) continue
    pads = 0
    if (quad === 0) {
      left = v
      quad = 1
    } else if (quad === 1) {
      out.push(((left << 2) | (v >> 4)) & 0xff)
      left = v & 0x0f
      quad = 2
    } else if (quad === 2) {
      out.push(((left << 4) | (v >> 2)) & 0xff)
      left = v & 0x03
      quad = 3
    } else {
      out.push(((left << 6) | v) & 0xff)
      quad = 0
    }
  }
  if (quad === 1) {
    const count = Math.floor(out.length / 3) * 4 + 1
    throw new PythonError('Error', `Invalid base64-encoded string: number of data characters (${count}) cannot be 1 more than a multiple of 4`)
  }
  if (quad !== 0) throw new PythonError('Error', 'Incorrect padding')
  return Uint8Array.from(out)
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

/** datetime.date(year, month, day)'s checks, in Python's order. */
export function checkDate(year: number, month: number, day: number): void {
  if (year < 1 || year > 9999) throw new PythonError('ValueError', `year ${year} is out of range`)
  if (month < 1 || month > 12) throw new PythonError('ValueError', 'month must be in 1..12')
  if (day < 1 || day > daysInMonth(year, month)) throw new PythonError('ValueError', 'day is out of range for month')
}

/** datetime.datetime(...)'s checks of the time fields, after the date's. */
export function checkTime(hour: number, minute: number, second: number): void {
  if (hour > 23) throw new PythonError('ValueError', 'hour must be in 0..23')
  if (minute > 59) throw new PythonError('ValueError', 'minute must be in 0..59')
  if (second > 59) throw new PythonError('ValueError', 'second must be in 0..59')
}

/** datetime.timezone(offset)'s check (minutes). */
export function checkOffset(minutes: number): void {
  if (Math.abs(minutes) >= 24 * 60) {
    throw new PythonError('ValueError', 'offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24)')
  }
}

/** A JS Date at a UTC wall time (years below 100 included, which Date.UTC would move to the 1900s). */
export function utcDate(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): Date {
  const date = new Date(0)
  date.setUTCFullYear(year, month - 1, day)
  date.setUTCHours(hour, minute, second, ms)
  return date
}
