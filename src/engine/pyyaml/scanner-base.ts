// PyYAML's tokens and the scanner's state, with the scanners for whitespace, line breaks, directives, anchors and tags (scanner.py).
import { LoadError, charRepr } from './errors.js'
import { isBlankZ, isBreakZ, isHexDigit, isSpaceZ, isWordChar, Reader, type Mark } from './reader.js'

/** PyYAML's token ids, as its messages name them. */
export type PunctuationId =
  | '<stream start>'
  | '<stream end>'
  | '<document start>'
  | '<document end>'
  | '<block sequence start>'
  | '<block mapping start>'
  | '<block end>'
  | '['
  | '{'
  | ']'
  | '}'
  | '?'
  | ':'
  | '-'
  | ','

interface Spanned {
  readonly start: Mark
  readonly end: Mark
}
export interface DirectiveToken extends Spanned {
  readonly id: '<directive>'
  readonly name: string
  readonly value: readonly [number, number] | readonly [string, string] | null
}
export interface NameToken extends Spanned {
  readonly id: '<alias>' | '<anchor>'
  readonly value: string
}
export interface TagToken extends Spanned {
  readonly id: '<tag>'
  /** null for a verbatim tag (`!<...>`) and for a bare `!`. */
  readonly handle: string | null
  readonly suffix: string
}
export interface ScalarToken extends Spanned {
  readonly id: '<scalar>'
  readonly value: string
  readonly plain: boolean
  readonly style: string | null
}
export type Token = (Spanned & { readonly id: PunctuationId }) | DirectiveToken | NameToken | TagToken | ScalarToken

export type TokenId = Token['id']

const URI_PUNCTUATION = new Set(Array.from("-;/?:@&=+$,_.!~*'()[]%", (c) => c.charCodeAt(0)))
const ANCHOR_END = new Set(Array.from('?:,]}%@`', (c) => c.charCodeAt(0)))
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

/** The scanner's state (as scanner.py keeps it) and the scanners that do not produce scalars. */
export class ScannerBase extends Reader {
  /** The number of unclosed '[' and '{'; 0 is the block context. */
  protected flowLevel = 0
  protected indent = -1
  protected readonly indents: number[] = []
  /** Whether a simple key (and, in the block context, a block collection) may start here. */
  protected allowSimpleKey = true

  protected error(context: string | null, contextMark: Mark | null, problem: string, problemMark: Mark | null): LoadError {
    return new LoadError('scanner', context, contextMark, problem, problemMark)
  }

  /** Spaces, comments and line breaks up to the next token; a line break in the block context allows a simple key. */
  protected scanToNextToken(): void {
    if (this.index === 0 && this.peek() === 0xfeff) this.forward()
    for (;;) {
      while (this.peek() === 0x20) this.forward()
      if (this.peek() === 0x23) while (!isBreakZ(this.peek())) this.forward()
      if (this.scanLineBreak() === '') return
      if (this.flowLevel === 0) this.allowSimpleKey = true
    }
  }

  /** CRLF, CR, LF and NEL become '\n'; LS and PS stay; anything else is no break (''). */
  protected scanLineBreak(): string {
    const c = this.peek()
    if (c === 0x0d || c === 0x0a || c === 0x85) {
      this.forward(c === 0x0d && this.peek(1) === 0x0a ? 2 : 1)
      return '\n'
    }
    if (c === 0x2028 || c === 0x2029) {
      this.forward()
      return String.fromCharCode(c)
    }
    return ''
  }

  protected scanDirective(): Token {
    const start = this.getMark()
    this.forward()
    const name = this.scanDirectiveName(start)
    let value: readonly [number, number] | readonly [string, string] | null = null
    let end: Mark
    if (name === 'YAML') {
      value = this.scanYamlDirectiveValue(start)
      end = this.getMark()
    } else if (name === 'TAG') {
      value = this.scanTagDirectiveValue(start)
      end = this.getMark()
    } else {
      end = this.getMark()
      while (!isBreakZ(this.peek())) this.forward()
    }
    this.scanDirectiveIgnoredLine(start)
    return { id: '<directive>', name, value, start, end }
  }

  private directiveError(start: Mark, problem: string): LoadError {
    return this.error('while scanning a directive', start, problem, this.getMark())
  }

  private scanDirectiveName(start: Mark): string {
    let length = 0
    while (isWordChar(this.peek(length))) length++
    if (length === 0) throw this.directiveError(start, `expected alphabetic or numeric character, but found ${charRepr(this.peek())}`)
    const value = this.prefix(length)
    this.forward(length)
    if (!isSpaceZ(this.peek())) throw this.directiveError(start, `expected alphabetic or numeric character, but found ${charRepr(this.peek())}`)
    return value
  }

  private scanYamlDirectiveValue(start: Mark): [number, number] {
    while (this.peek() === 0x20) this.forward()
    const major = this.scanYamlDirectiveNumber(start)
    if (this.peek() !== 0x2e) throw this.directiveError(start, `expected a digit or '.', but found ${charRepr(this.peek())}`)
    this.forward()
    const minor = this.scanYamlDirectiveNumber(start)
    if (!isSpaceZ(this.peek())) throw this.directiveError(start, `expected a digit or ' ', but found ${charRepr(this.peek())}`)
    return [major, minor]
  }

  private scanYamlDirectiveNumber(start: Mark): number {
    const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39
    if (!isDigit(this.peek())) throw this.directiveError(start, `expected a digit, but found ${charRepr(this.peek())}`)
    let length = 0
    while (isDigit(this.peek(length))) length++
    const value = Number(this.prefix(length))
    this.forward(length)
    return value
  }

  private scanTagDirectiveValue(start: Mark): [string, string] {
    while (this.peek() === 0x20) this.forward()
    const handle = this.scanTagHandle('directive', start)
    if (this.peek() !== 0x20) throw this.directiveError(start, `expected ' ', but found ${charRepr(this.peek())}`)
    while (this.peek() === 0x20) this.forward()
    const prefix = this.scanTagUri('directive', start)
    if (!isSpaceZ(this.peek())) throw this.directiveError(start, `expected ' ', but found ${charRepr(this.peek())}`)
    return [handle, prefix]
  }

  private scanDirectiveIgnoredLine(start: Mark): void {
    while (this.peek() === 0x20) this.forward()
    if (this.peek() === 0x23) while (!isBreakZ(this.peek())) this.forward()
    if (!isBreakZ(this.peek())) throw this.directiveError(start, `expected a comment or a line break, but found ${charRepr(this.peek())}`)
    this.scanLineBreak()
  }

  /** An alias or an anchor: ASCII letters, digits, '-' and '_' only. */
  protected scanAnchor(id: '<alias>' | '<anchor>'): Token {
    const start = this.getMark()
    const name = id === '<alias>' ? 'alias' : 'anchor'
    this.forward()
    let length = 0
    while (isWordChar(this.peek(length))) length++
    if (length === 0) {
      throw this.error(`while scanning an ${name}`, start, `expected alphabetic or numeric character, but found ${charRepr(this.peek())}`, this.getMark())
    }
    const value = this.prefix(length)
    this.forward(length)
    const c = this.peek()
    if (!isBlankZ(c) && !ANCHOR_END.has(c)) {
      throw this.error(`while scanning an ${name}`, start, `expected alphabetic or numeric character, but found ${charRepr(c)}`, this.getMark())
    }
    return { id, value, start, end: this.getMark() }
  }

  protected scanTag(): Token {
    const start = this.getMark()
    let c = this.peek(1)
    let handle: string | null
    let suffix: string
    if (c === 0x3c) {
      handle = null
      this.forward(2)
      suffix = this.scanTagUri('tag', start)
      if (this.peek() !== 0x3e) throw this.error('while parsing a tag', start, `expected '>', but found ${charRepr(this.peek())}`, this.getMark())
      this.forward()
    } else if (isBlankZ(c)) {
      handle = null
      suffix = '!'
      this.forward()
    } else {
      let length = 1
      let useHandle = false
      while (!isSpaceZ(c)) {
        if (c === 0x21) {
          useHandle = true
          break
        }
        length++
        c = this.peek(length)
      }
      if (useHandle) handle = this.scanTagHandle('tag', start)
      else {
        handle = '!'
        this.forward()
      }
      suffix = this.scanTagUri('tag', start)
    }
    if (!isSpaceZ(this.peek())) throw this.error('while scanning a tag', start, `expected ' ', but found ${charRepr(this.peek())}`, this.getMark())
    return { id: '<tag>', handle, suffix, start, end: this.getMark() }
  }

  private scanTagHandle(name: string, start: Mark): string {
    let c = this.peek()
    if (c !== 0x21) throw this.error(`while scanning a ${name}`, start, `expected '!', but found ${charRepr(c)}`, this.getMark())
    let length = 1
    c = this.peek(length)
    if (c !== 0x20) {
      while (isWordChar(c)) {
        length++
        c = this.peek(length)
      }
      if (c !== 0x21) {
        this.forward(length)
        throw this.error(`while scanning a ${name}`, start, `expected '!', but found ${charRepr(c)}`, this.getMark())
      }
      length++
    }
    const value = this.prefix(length)
    this.forward(length)
    return value
  }

  private scanTagUri(name: string, start: Mark): string {
    const chunks: string[] = []
    let length = 0
    let c = this.peek(length)
    while ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || URI_PUNCTUATION.has(c)) {
      if (c === 0x25) {
        chunks.push(this.prefix(length))
        this.forward(length)
        length = 0
        chunks.push(this.scanUriEscapes(name, start))
      } else length++
      c = this.peek(length)
    }
    if (length > 0) {
      chunks.push(this.prefix(length))
      this.forward(length)
    }
    if (chunks.length === 0) throw this.error(`while parsing a ${name}`, start, `expected URI, but found ${charRepr(c)}`, this.getMark())
    return chunks.join('')
  }

  private scanUriEscapes(name: string, start: Mark): string {
    const codes: number[] = []
    const mark = this.getMark()
    while (this.peek() === 0x25) {
      this.forward()
      for (let k = 0; k < 2; k++) {
        if (!isHexDigit(this.peek(k))) {
          throw this.error(`while scanning a ${name}`, start, `expected URI escape sequence of 2 hexadecimal numbers, but found ${charRepr(this.peek(k))}`, this.getMark())
        }
      }
      codes.push(Number.parseInt(this.prefix(2), 16))
      this.forward(2)
    }
    try {
      return utf8.decode(new Uint8Array(codes))
    } catch {
      throw this.error(`while scanning a ${name}`, start, "'utf-8' codec can't decode the URI escape bytes", mark)
    }
  }
}
