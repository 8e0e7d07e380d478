// PyYAML's Reader (reader.py) over a JS string: code points, peek/prefix/forward, marks, and its character checks.

/** A position as PyYAML's Mark holds it: `pointer` is a code point index into the text; line and column are 0-based. */
export interface Mark {
  readonly pointer: number
  /** 0-based, breaking at LF, CRLF, a lone CR, NEL, LS and PS (PyYAML's rules). */
  readonly line: number
  /** 0-based, in code points; a BOM counts for nothing (PyYAML's rule). */
  readonly column: number
}

/** The characters PyYAML's reader refuses anywhere in the text (its NON_PRINTABLE); a lone surrogate is one of them. */
// eslint-disable-next-line no-control-regex
export const NON_PRINTABLE = /[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u

/** LF, CR, NEL, LS, PS. */
export function isBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x85 || c === 0x2028 || c === 0x2029
}

/** The end of the text (PyYAML's '\0' sentinel) or a line break: PyYAML's '\0\r\n\x85\u2028\u2029'. */
export function isBreakZ(c: number): boolean {
  return c === 0 || isBreak(c)
}

/** PyYAML's '\0 \r\n\x85\u2028\u2029' (no tab). */
export function isSpaceZ(c: number): boolean {
  return c === 0x20 || isBreakZ(c)
}

/** PyYAML's '\0 \t\r\n\x85\u2028\u2029'. */
export function isBlankZ(c: number): boolean {
  return c === 0x20 || c === 0x09 || isBreakZ(c)
}

/** ASCII letters, digits, '-' and '_': what PyYAML allows in anchors, directive names and tag handles. */
export function isWordChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x2d || c === 0x5f
}

export function isHexDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66)
}

/**
 * The text as PyYAML's Reader serves it to the scanner. PyYAML indexes code points; this keeps them in an Int32Array
 * followed by the 0 sentinel, with the UTF-16 offset of each when the text has characters outside the BMP.
 */
export class Reader {
  protected readonly text: string
  private readonly cps: Int32Array
  private readonly offsets: Int32Array | null
  protected pointer = 0
  /** PyYAML's `index`: the pointer, plus one when a BOM was removed before the text reached us. */
  protected index: number
  protected line = 0
  protected column = 0

  constructor(text: string, bomRemoved: boolean) {
    this.text = text
    this.index = bomRemoved ? 1 : 0
    const cps = new Int32Array(text.length + 1)
    let n = 0
    let astral = false
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i)
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const d = text.charCodeAt(i + 1)
        if (d >= 0xdc00 && d <= 0xdfff) {
          cps[n++] = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00)
          i++
          astral = true
          continue
        }
      }
      cps[n++] = c
    }
    this.cps = cps.subarray(0, n + 1)
    this.offsets = null
    if (astral) {
      const offsets = new Int32Array(n + 1)
      for (let k = 0, at = 0; k <= n; k++) {
        offsets[k] = at
        at += this.cps[k]! > 0xffff ? 2 : 1
      }
      this.offsets = offsets
    }
  }

  /** The code point `i` ahead, or 0 at (and past) the end, as PyYAML's '\0'. */
  protected peek(i = 0): number {
    return this.cps[this.pointer + i] ?? 0
  }

  /** The next `length` characters (fewer at the end of the text). */
  protected prefix(length = 1): string {
    const end = Math.min(this.pointer + length, this.cps.length - 1)
    return this.text.slice(this.offsetOf(this.pointer), this.offsetOf(end))
  }

  protected forward(length = 1): void {
    for (; length > 0; length--) {
      const c = this.cps[this.pointer]!
      this.pointer++
      this.index++
      if (c === 0x0a || c === 0x85 || c === 0x2028 || c === 0x2029 || (c === 0x0d && this.cps[this.pointer] !== 0x0a)) {
        this.line++
        this.column = 0
      } else if (c !== 0xfeff) {
        this.column++
      }
    }
  }

  getMark(): Mark {
    return { pointer: this.pointer, line: this.line, column: this.column }
  }

  /** The UTF-16 offset into the text of code point `pointer`. */
  offsetOf(pointer: number): number {
    return this.offsets ? this.offsets[Math.min(pointer, this.offsets.length - 1)]! : Math.min(pointer, this.text.length)
  }
}
