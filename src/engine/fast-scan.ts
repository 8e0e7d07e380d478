// The fast parser's scanners: pure functions over the text of one line (offsets in, offsets out), and its bail-outs.
/** Why fastParse left a text to the `yaml` package. */
export type BailReason =
  | 'empty' // no content line: an empty document
  | 'tab' // a tab outside a comment or a quoted scalar
  | 'nonPrintable' // a character PyYAML's reader rejects, or a byte order mark inside the text
  | 'lineBreak' // a lone CR, NEL, LS or PS: PyYAML breaks lines there
  | 'documentMarker' // `---` or `...`
  | 'directive' // `%`
  | 'anchor' // `&`
  | 'alias' // `*`
  | 'tag' // `!`
  | 'blockScalar' // `|` or `>`
  | 'complexKey' // `?`
  | 'mergeKey' // `<<`
  | 'nonStringKey' // a plain key that resolves to a number, boolean, null...
  | 'timestamp' // a plain scalar that resolves to a date
  | 'escape' // a backslash in a double-quoted scalar
  | 'multiline' // a scalar or flow collection that goes on past its line, or an unterminated one
  | 'flowSyntax' // anything in a flow collection outside the subset: empty entries, `:` in plain scalars, comments...
  | 'indentation' // a line whose indentation the subset (or YAML) does not allow there
  | 'syntax' // anything else outside the subset, mostly what yaml reports as an error
  | 'longKey' // an implicit key near yaml's 1024-character limit
  | 'tooDeep' // nesting deeper than the subset allows
  | 'internal' // an exception inside fastParse: a bug, never expected (the tests fail on it)

/** Every bail-out reason, for tests and reports. */
export const BAIL_REASONS: readonly BailReason[] = [
  'empty',
  'tab',
  'nonPrintable',
  'lineBreak',
  'documentMarker',
  'directive',
  'anchor',
  'alias',
  'tag',
  'blockScalar',
  'complexKey',
  'mergeKey',
  'nonStringKey',
  'timestamp',
  'escape',
  'multiline',
  'flowSyntax',
  'indentation',
  'syntax',
  'longKey',
  'tooDeep',
  'internal',
]

/** Thrown to leave a text to the slow path: why, and where. */
export class Bail {
  constructor(
    readonly reason: BailReason,
    readonly offset: number,
  ) {}
}

/**
 * Whether a plain scalar could match any tag test of the YAML 1.1 + pyyamlTags schema (null, bool, int, float,
 * merge, sexagesimal int, timestamp). Everything else is a string, as PyYAML's resolver decides from the first
 * character. Letters only start the null and bool words, at most 5 characters long ("false"). A test in
 * fast-parse.test.ts pins the schema's regular expressions so that this stays a superset.
 */
export function mayResolveToNonString(source: string): boolean {
  const n = source.length
  if (n === 0) return true
  const c = source.charCodeAt(0)
  if (c >= 0x30 && c <= 0x39) return true
  switch (c) {
    case 0x2d: // -
    case 0x2b: // +
    case 0x2e: // .
    case 0x7e: // ~
    case 0x3c: // <
    case 0x3d: // = (PyYAML's value tag)
      return true
    case 0x6e: // n
    case 0x4e: // N
    case 0x79: // y
    case 0x59: // Y
    case 0x74: // t
    case 0x54: // T
    case 0x6f: // o
    case 0x4f: // O
    case 0x66: // f
    case 0x46: // F
      return n <= 5
    default:
      return false
  }
}

/**
 * The value of the two commonest number shapes, decided as the schema decides them, else NaN (which these shapes
 * never produce). `-?(0|[1-9][0-9]*)`: the first tag whose test matches is PyYAML's decimal int (null and bool need
 * a letter or `~`, binary and hex a letter, octal a leading 0 and another digit), resolved by Number.parseInt(s, 10).
 * `-?[0-9]+.[0-9]+`: the first match is PyYAML's float (no int test allows a dot), resolved by Number.parseFloat as
 * resolveFloat does when there is no `_`, `:`, `.inf` or `.nan`. Neither tag sets a format. A test in
 * fast-parse.test.ts checks this against the schema on a large list of scalars.
 */
export function simpleNumber(source: string): number {
  const n = source.length
  let i = source.charCodeAt(0) === 0x2d ? 1 : 0
  if (i >= n) return Number.NaN
  const first = source.charCodeAt(i)
  if (first < 0x30 || first > 0x39) return Number.NaN
  i++
  while (i < n) {
    const c = source.charCodeAt(i)
    if (c < 0x30 || c > 0x39) break
    i++
  }
  if (i === n) {
    // An integer: a leading zero only alone ("0", "-0").
    return first === 0x30 && n - (source.charCodeAt(0) === 0x2d ? 1 : 0) > 1 ? Number.NaN : Number.parseInt(source, 10)
  }
  if (source.charCodeAt(i) !== 0x2e || i + 1 === n) return Number.NaN
  for (i++; i < n; i++) {
    const c = source.charCodeAt(i)
    if (c < 0x30 || c > 0x39) return Number.NaN
  }
  return Number.parseFloat(source)
}

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
