// PyYAML's scalar scanners (scanner.py): block scalars, single- and double-quoted scalars, plain scalars.
import { LoadError, charRepr } from './errors.js'
import { isBlankZ, isBreak, isBreakZ, isHexDigit, type Mark } from './reader.js'
import { ScannerBase, type Token } from './scanner-base.js'

const ESCAPE_REPLACEMENTS: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\x08',
  t: '\x09',
  '\t': '\x09',
  n: '\x0A',
  v: '\x0B',
  f: '\x0C',
  r: '\x0D',
  e: '\x1B',
  ' ': '\x20',
  '"': '"',
  '\\': '\\',
  '/': '/',
  N: '\x85',
  _: '\xA0',
  L: '\u2028',
  P: '\u2029',
}
const ESCAPE_CODES: Record<string, number> = { x: 2, u: 4, U: 8 }

/** '---' or '...' followed by a blank: a document separator, which ends quoted and plain scalars. */
function isSeparator(scanner: ScalarScanner): boolean {
  return scanner.atDocumentSeparator()
}

export class ScalarScanner extends ScannerBase {
  atDocumentSeparator(): boolean {
    const prefix = this.prefix(3)
    return (prefix === '---' || prefix === '...') && isBlankZ(this.peek(3))
  }

  protected scanBlockScalar(style: '|' | '>'): Token {
    const folded = style === '>'
    const chunks: string[] = []
    const start = this.getMark()
    this.forward()
    const [chomping, increment] = this.scanBlockScalarIndicators(start)
    this.scanBlockScalarIgnoredLine(start)
    let minIndent = this.indent + 1
    if (minIndent < 1) minIndent = 1
    let breaks: string[]
    let end: Mark
    let indent: number
    if (increment === null) {
      let maxIndent: number
      ;[breaks, maxIndent, end] = this.scanBlockScalarIndentation()
      indent = Math.max(minIndent, maxIndent)
    } else {
      indent = minIndent + increment - 1
      ;[breaks, end] = this.scanBlockScalarBreaks(indent)
    }
    let lineBreak = ''
    while (this.column === indent && this.peek() !== 0) {
      chunks.push(...breaks)
      const leadingNonSpace = this.peek() !== 0x20 && this.peek() !== 0x09
      let length = 0
      while (!isBreakZ(this.peek(length))) length++
      chunks.push(this.prefix(length))
      this.forward(length)
      lineBreak = this.scanLineBreak()
      ;[breaks, end] = this.scanBlockScalarBreaks(indent)
      if (this.column === indent && this.peek() !== 0) {
        if (folded && lineBreak === '\n' && leadingNonSpace && this.peek() !== 0x20 && this.peek() !== 0x09) {
          if (breaks.length === 0) chunks.push(' ')
        } else chunks.push(lineBreak)
      } else break
    }
    if (chomping !== false) chunks.push(lineBreak)
    if (chomping === true) chunks.push(...breaks)
    return { id: '<scalar>', value: chunks.join(''), plain: false, style, start, end }
  }

  private scanBlockScalarIndicators(start: Mark): [boolean | null, number | null] {
    let chomping: boolean | null = null
    let increment: number | null = null
    let c = this.peek()
    const isDigit = (d: number): boolean => d >= 0x30 && d <= 0x39
    const zero = (): LoadError =>
      this.error('while scanning a block scalar', start, 'expected indentation indicator in the range 1-9, but found 0', this.getMark())
    if (c === 0x2b || c === 0x2d) {
      chomping = c === 0x2b
      this.forward()
      c = this.peek()
      if (isDigit(c)) {
        increment = c - 0x30
        if (increment === 0) throw zero()
        this.forward()
      }
    } else if (isDigit(c)) {
      increment = c - 0x30
      if (increment === 0) throw zero()
      this.forward()
      c = this.peek()
      if (c === 0x2b || c === 0x2d) {
        chomping = c === 0x2b
        this.forward()
      }
    }
    c = this.peek()
    if (c !== 0 && c !== 0x20 && !isBreak(c)) {
      throw this.error('while scanning a block scalar', start, `expected chomping or indentation indicators, but found ${charRepr(c)}`, this.getMark())
    }
    return [chomping, increment]
  }

  private scanBlockScalarIgnoredLine(start: Mark): void {
    while (this.peek() === 0x20) this.forward()
    if (this.peek() === 0x23) while (!isBreakZ(this.peek())) this.forward()
    if (!isBreakZ(this.peek())) {
      throw this.error('while scanning a block scalar', start, `expected a comment or a line break, but found ${charRepr(this.peek())}`, this.getMark())
    }
    this.scanLineBreak()
  }

  private scanBlockScalarIndentation(): [string[], number, Mark] {
    const chunks: string[] = []
    let maxIndent = 0
    let end = this.getMark()
    while (this.peek() === 0x20 || isBreak(this.peek())) {
      if (this.peek() !== 0x20) {
        chunks.push(this.scanLineBreak())
        end = this.getMark()
      } else {
        this.forward()
        if (this.column > maxIndent) maxIndent = this.column
      }
    }
    return [chunks, maxIndent, end]
  }

  private scanBlockScalarBreaks(indent: number): [string[], Mark] {
    const chunks: string[] = []
    let end = this.getMark()
    while (this.column < indent && this.peek() === 0x20) this.forward()
    while (isBreak(this.peek())) {
      chunks.push(this.scanLineBreak())
      end = this.getMark()
      while (this.column < indent && this.peek() === 0x20) this.forward()
    }
    return [chunks, end]
  }

  protected scanFlowScalar(style: "'" | '"'): Token {
    const double = style === '"'
    const chunks: string[] = []
    const start = this.getMark()
    const quote = this.peek()
    this.forward()
    this.scanFlowScalarNonSpaces(double, start, chunks)
    while (this.peek() !== quote) {
      this.scanFlowScalarSpaces(double, start, chunks)
      this.scanFlowScalarNonSpaces(double, start, chunks)
    }
    this.forward()
    return { id: '<scalar>', value: chunks.join(''), plain: false, style, start, end: this.getMark() }
  }

  private scanFlowScalarNonSpaces(double: boolean, start: Mark, chunks: string[]): void {
    for (;;) {
      let length = 0
      for (let c = this.peek(); c !== 0x27 && c !== 0x22 && c !== 0x5c && !isBlankZ(c); c = this.peek(length)) length++
      if (length > 0) {
        chunks.push(this.prefix(length))
        this.forward(length)
      }
      const c = this.peek()
      if (!double && c === 0x27 && this.peek(1) === 0x27) {
        chunks.push("'")
        this.forward(2)
      } else if ((double && c === 0x27) || (!double && (c === 0x22 || c === 0x5c))) {
        chunks.push(String.fromCharCode(c))
        this.forward()
      } else if (double && c === 0x5c) {
        this.forward()
        const e = this.peek()
        const escape = String.fromCodePoint(e)
        if (e !== 0 && Object.prototype.hasOwnProperty.call(ESCAPE_REPLACEMENTS, escape)) {
          chunks.push(ESCAPE_REPLACEMENTS[escape]!)
          this.forward()
        } else if (Object.prototype.hasOwnProperty.call(ESCAPE_CODES, escape)) {
          const length = ESCAPE_CODES[escape]!
          this.forward()
          for (let k = 0; k < length; k++) {
            if (!isHexDigit(this.peek(k))) {
              throw this.error('while scanning a double-quoted scalar', start, `expected escape sequence of ${length} hexadecimal numbers, but found ${charRepr(this.peek(k))}`, this.getMark())
            }
          }
          const code = Number.parseInt(this.prefix(length), 16)
          if (code > 0x10ffff) {
            // Python's chr() raises ValueError: not a YAMLError, so no mark; the escape is the place.
            const here = this.getMark()
            throw new LoadError('python', null, null, 'chr() arg not in range(0x110000)', null, { start: here, end: here })
          }
          chunks.push(code <= 0xffff ? String.fromCharCode(code) : String.fromCodePoint(code))
          this.forward(length)
        } else if (isBreak(e)) {
          this.scanLineBreak()
          this.scanFlowScalarBreaks(double, start, chunks)
        } else {
          throw this.error('while scanning a double-quoted scalar', start, `found unknown escape character ${charRepr(e)}`, this.getMark())
        }
      } else return
    }
  }

  private scanFlowScalarSpaces(double: boolean, start: Mark, chunks: string[]): void {
    let length = 0
    while (this.peek(length) === 0x20 || this.peek(length) === 0x09) length++
    const whitespaces = this.prefix(length)
    this.forward(length)
    const c = this.peek()
    if (c === 0) throw this.error('while scanning a quoted scalar', start, 'found unexpected end of stream', this.getMark())
    if (isBreak(c)) {
      const lineBreak = this.scanLineBreak()
      const breaks: string[] = []
      this.scanFlowScalarBreaks(double, start, breaks)
      if (lineBreak !== '\n') chunks.push(lineBreak)
      else if (breaks.length === 0) chunks.push(' ')
      chunks.push(...breaks)
    } else chunks.push(whitespaces)
  }

  private scanFlowScalarBreaks(_double: boolean, start: Mark, chunks: string[]): void {
    for (;;) {
      if (isSeparator(this)) throw this.error('while scanning a quoted scalar', start, 'found unexpected document separator', this.getMark())
      while (this.peek() === 0x20 || this.peek() === 0x09) this.forward()
      if (!isBreak(this.peek())) return
      chunks.push(this.scanLineBreak())
    }
  }

  /** A plain scalar; in the flow context it cannot contain ',', '?', '[', ']', '{' or '}'. */
  protected scanPlain(): Token {
    const chunks: string[] = []
    const start = this.getMark()
    let end = start
    const indent = this.indent + 1
    const flow = this.flowLevel > 0
    let spaces: string[] | null = []
    for (;;) {
      let length = 0
      if (this.peek() === 0x23) break
      for (;;) {
        const c = this.peek(length)
        if (isBlankZ(c)) break
        if (c === 0x3a) {
          const n = this.peek(length + 1)
          if (isBlankZ(n) || (flow && (n === 0x2c || n === 0x5b || n === 0x5d || n === 0x7b || n === 0x7d))) break
        }
        if (flow && (c === 0x2c || c === 0x3f || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d)) break
        length++
      }
      if (length === 0) break
      this.allowSimpleKey = false
      chunks.push(...spaces!)
      chunks.push(this.prefix(length))
      this.forward(length)
      end = this.getMark()
      spaces = this.scanPlainSpaces()
      if (spaces === null || spaces.length === 0 || this.peek() === 0x23 || (!flow && this.column < indent)) break
    }
    return { id: '<scalar>', value: chunks.join(''), plain: true, style: null, start, end }
  }

  /** The spaces and line breaks inside a plain scalar, folded; null at a document separator. */
  private scanPlainSpaces(): string[] | null {
    const chunks: string[] = []
    let length = 0
    while (this.peek(length) === 0x20) length++
    const whitespaces = this.prefix(length)
    this.forward(length)
    if (isBreak(this.peek())) {
      const lineBreak = this.scanLineBreak()
      this.allowSimpleKey = true
      if (isSeparator(this)) return null
      const breaks: string[] = []
      while (this.peek() === 0x20 || isBreak(this.peek())) {
        if (this.peek() === 0x20) this.forward()
        else {
          breaks.push(this.scanLineBreak())
          if (isSeparator(this)) return null
        }
      }
      if (lineBreak !== '\n') chunks.push(lineBreak)
      else if (breaks.length === 0) chunks.push(' ')
      chunks.push(...breaks)
    } else if (whitespaces) chunks.push(whitespaces)
    return chunks
  }
}
