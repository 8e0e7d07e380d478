// The fast parser's scanners: pure functions over the text of one line (offsets in, offsets out), bailing where the subset ends.
import { Bail } from './fast-bail.js'

/** How scanBlockPlain's scalar ended: at the line's end, at a `: ` (a key), at a ` #` (a comment). */
export const TERM_EOL = 0
export const TERM_COLON = 1
export const TERM_COMMENT = 2

/** What a scanner leaves beside its return value (one object per parse, reused: scanners run for every scalar). */
export interface Scan {
  term: number
  /** The `:` or `#` that ended a plain scalar; after flow collections and items, the offset after them. */
  at: number
  /** A quoted scalar's value. */
  value: string
}

/** Scans a one-line quoted scalar at `start`; returns the offset of its closing quote; its value goes to `scan.value`. */
export function scanQuoted(text: string, start: number, end: number, scan: Scan): number {
  const quote = text.charCodeAt(start)
  let escaped = false
  let i = start + 1
  for (;;) {
    if (i >= end) throw new Bail('multiline', start)
    const c = text.charCodeAt(i)
    if (c === quote) {
      if (quote === 0x27 && i + 1 < end && text.charCodeAt(i + 1) === 0x27) {
        escaped = true
        i += 2
        continue
      }
      break
    }
    if (c === 0x5c && quote === 0x22) throw new Bail('escape', i)
    if (c < 0x20 || c > 0x7e) i = wide(text, c, i, true)
    else i++
  }
  const raw = text.slice(start + 1, i)
  scan.value = escaped ? raw.split("''").join("'") : raw
  return i
}

/**
 * The first character of a plain scalar (block or flow context): indicators that start something else, or that
 * yaml rejects, bail. A leading `-` is kept only before a digit, a letter or a dot (`-1.5`, `-foo`).
 */
export function checkPlainStart(text: string, c: number, at: number, end: number, inFlow: boolean): void {
  switch (c) {
    case 0x21: // !
      throw new Bail('tag', at)
    case 0x26: // &
      throw new Bail('anchor', at)
    case 0x2a: // *
      throw new Bail('alias', at)
    case 0x7c: // |
    case 0x3e: // >
      throw new Bail('blockScalar', at)
    case 0x25: // % (a directive at the start of a line, reserved elsewhere)
      throw new Bail(at === 0 || text.charCodeAt(at - 1) === 0x0a ? 'directive' : inFlow ? 'flowSyntax' : 'syntax', at)
    case 0x3f: // ?
      throw new Bail('complexKey', at)
    case 0x09:
      throw new Bail('tab', at)
    case 0x2c: // ,
    case 0x5b: // [
    case 0x5d: // ]
    case 0x7b: // {
    case 0x7d: // }
    case 0x23: // #
    case 0x3a: // :
    case 0x40: // @
    case 0x60: // `
    case 0x22: // "
    case 0x27: // '
      throw new Bail(inFlow ? 'flowSyntax' : 'syntax', at)
    case 0x2d: {
      // -
      const n = at + 1 < end ? text.charCodeAt(at + 1) : -1
      const ok = (n >= 0x30 && n <= 0x39) || (n >= 0x41 && n <= 0x5a) || (n >= 0x61 && n <= 0x7a) || n === 0x2e
      if (!ok) throw new Bail(inFlow ? 'flowSyntax' : 'syntax', at)
      return
    }
    default:
      if (c < 0x20) throw new Bail('nonPrintable', at)
  }
}

/**
 * A block-context plain scalar on one line: up to `: ` (TERM_COLON), ` #` (TERM_COMMENT) or the line's end (TERM_EOL); `scan.at` is the `:` or `#`.
 * Returns the end of the scalar, trailing spaces excluded.
 */
export function scanBlockPlain(text: string, start: number, end: number, scan: Scan): number {
  let last = start
  let i = start
  while (i < end) {
    const c = text.charCodeAt(i)
    if (c === 0x20) {
      if (i + 1 < end && text.charCodeAt(i + 1) === 0x23) {
        scan.term = TERM_COMMENT
        scan.at = i + 1
        return last
      }
      i++
    } else if (c === 0x3a) {
      if (i + 1 === end || text.charCodeAt(i + 1) === 0x20) {
        scan.term = TERM_COLON
        scan.at = i
        return last
      }
      last = ++i
    } else if (c < 0x20 || c > 0x7e) {
      i = wide(text, c, i, false)
      last = i
    } else {
      last = ++i
    }
  }
  scan.term = TERM_EOL
  return last
}

/** Checks a character outside printable ASCII; returns the offset after it (2 for a surrogate pair) or bails. */
export function wide(text: string, c: number, i: number, tabOk: boolean): number {
  if (c === 0x09) {
    if (tabOk) return i + 1
    throw new Bail('tab', i)
  }
  if (c === 0x0d) throw new Bail('lineBreak', i)
  if (c < 0x20) throw new Bail('nonPrintable', i)
  if (c === 0x85) throw new Bail('lineBreak', i)
  if (c <= 0x9f) throw new Bail('nonPrintable', i)
  if (c < 0xd800) {
    if (c === 0x2028 || c === 0x2029) throw new Bail('lineBreak', i)
    return i + 1
  }
  if (c <= 0xdbff) {
    const low = text.charCodeAt(i + 1)
    if (low >= 0xdc00 && low <= 0xdfff) return i + 2
    throw new Bail('nonPrintable', i)
  }
  if (c <= 0xdfff || c === 0xfeff || c >= 0xfffe) throw new Bail('nonPrintable', i)
  return i + 1
}

/** A comment's text: anything printable, tabs included. */
export function checkComment(text: string, from: number, end: number): void {
  let i = from
  while (i < end) {
    const c = text.charCodeAt(i)
    // Printable ASCII, and the Latin-1 to CJK range below the line and paragraph separators, are fine.
    if ((c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c < 0x2028)) i++
    else i = wide(text, c, i, true)
  }
}

/** The offset of the first character at or after `i` that is not a space. */
export function skipSpaces(text: string, i: number, end: number): number {
  while (i < end && text.charCodeAt(i) === 0x20) i++
  return i
}

/** A space, or the end of the line (`:` must be followed by one of them to be a mapping indicator). */
export function isBlankAt(text: string, i: number, end: number): boolean {
  return i === end || text.charCodeAt(i) === 0x20
}

/**
 * A plain scalar in a flow collection, up to `,[]{}` or the line's end (trailing spaces excluded). As a mapping
 * key it ends at its `:` (set in `scan.at`); anywhere else a `:` bails, as does a `#`.
 */
export function scanFlowPlain(text: string, start: number, end: number, asKey: boolean, scan: Scan): number {
  let last = start
  let i = start
  while (i < end) {
    const c = text.charCodeAt(i)
    if (c === 0x20) {
      i++
      continue
    }
    if (c === 0x2c || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d) break
    if (c === 0x3a) {
      if (asKey) {
        scan.at = i
        return last
      }
      throw new Bail('flowSyntax', i)
    }
    // PyYAML ends a flow plain scalar at '?' too (it starts a key there), where yaml reads on.
    if (c === 0x23 || c === 0x3f) throw new Bail('flowSyntax', i)
    if (c < 0x20 || c > 0x7e) {
      i = wide(text, c, i, false)
      last = i
    } else {
      last = ++i
    }
  }
  if (asKey) throw new Bail('flowSyntax', i)
  scan.at = last
  return last
}
