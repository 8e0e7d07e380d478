// PyYAML's Scanner (scanner.py): the token queue, simple keys, indentation and the fetchers, in PyYAML's order.
import { charRepr } from './errors.js'
import { isBlankZ, type Mark } from './reader.js'
import type { PunctuationId, Token, TokenId } from './scanner-base.js'
import { ScalarScanner } from './scanner-scalars.js'

export type { DirectiveToken, NameToken, ScalarToken, TagToken, Token, TokenId } from './scanner-base.js'

interface SimpleKey {
  tokenNumber: number
  required: boolean
  index: number
  line: number
  column: number
  mark: Mark
}

/** The tokens of a text, produced lazily as the parser asks for them (so the first error is PyYAML's first error). */
export class Scanner extends ScalarScanner {
  private done = false
  private readonly tokens: Token[] = []
  private tokensTaken = 0
  /** Possible simple keys by flow level (insertion order, as Python's dict iterates). */
  private readonly possibleSimpleKeys = new Map<number, SimpleKey>()

  constructor(text: string, bomRemoved: boolean) {
    super(text, bomRemoved)
    const mark = this.getMark()
    this.tokens.push({ id: '<stream start>', start: mark, end: mark })
  }

  checkToken(...choices: TokenId[]): boolean {
    while (this.needMoreTokens()) this.fetchMoreTokens()
    const next = this.tokens[0]
    if (!next) return false
    return choices.length === 0 || choices.includes(next.id)
  }

  peekToken(): Token | undefined {
    while (this.needMoreTokens()) this.fetchMoreTokens()
    return this.tokens[0]
  }

  getToken(): Token | undefined {
    while (this.needMoreTokens()) this.fetchMoreTokens()
    if (this.tokens.length === 0) return undefined
    this.tokensTaken++
    return this.tokens.shift()
  }

  private needMoreTokens(): boolean {
    if (this.done) return false
    if (this.tokens.length === 0) return true
    // The next token may be a simple key: look further until it is decided.
    this.staleSimpleKeys()
    return this.nextPossibleSimpleKey() === this.tokensTaken
  }

  private fetchMoreTokens(): void {
    this.scanToNextToken()
    this.staleSimpleKeys()
    this.unwindIndent(this.column)
    const c = this.peek()
    const flow = this.flowLevel > 0
    if (c === 0) return this.fetchStreamEnd()
    if (c === 0x25 && this.column === 0) return this.fetchDirective()
    if (c === 0x2d && this.column === 0 && this.prefix(3) === '---' && isBlankZ(this.peek(3))) return this.fetchDocumentIndicator('<document start>')
    if (c === 0x2e && this.column === 0 && this.prefix(3) === '...' && isBlankZ(this.peek(3))) return this.fetchDocumentIndicator('<document end>')
    switch (c) {
      case 0x5b:
        return this.fetchFlowCollectionStart('[')
      case 0x7b:
        return this.fetchFlowCollectionStart('{')
      case 0x5d:
        return this.fetchFlowCollectionEnd(']')
      case 0x7d:
        return this.fetchFlowCollectionEnd('}')
      case 0x2c:
        return this.fetchFlowEntry()
    }
    if (c === 0x2d && isBlankZ(this.peek(1))) return this.fetchBlockEntry()
    if (c === 0x3f && (flow || isBlankZ(this.peek(1)))) return this.fetchKey()
    if (c === 0x3a && (flow || isBlankZ(this.peek(1)))) return this.fetchValue()
    if (c === 0x2a) return this.fetchKeyCandidate(() => this.scanAnchor('<alias>'))
    if (c === 0x26) return this.fetchKeyCandidate(() => this.scanAnchor('<anchor>'))
    if (c === 0x21) return this.fetchKeyCandidate(() => this.scanTag())
    if ((c === 0x7c || c === 0x3e) && !flow) return this.fetchBlockScalar(c === 0x7c ? '|' : '>')
    if (c === 0x27 || c === 0x22) return this.fetchKeyCandidate(() => this.scanFlowScalar(c === 0x27 ? "'" : '"'))
    if (this.checkPlain()) return this.fetchKeyCandidate(() => this.scanPlain())
    throw this.error('while scanning for the next token', null, `found character ${charRepr(c)} that cannot start any token`, this.getMark())
  }

  // Simple keys.

  private nextPossibleSimpleKey(): number | undefined {
    let min: number | undefined
    for (const key of this.possibleSimpleKeys.values()) if (min === undefined || key.tokenNumber < min) min = key.tokenNumber
    return min
  }

  /** A simple key is limited to one line and 1024 characters; a required one that expires is an error. */
  private staleSimpleKeys(): void {
    for (const [level, key] of [...this.possibleSimpleKeys]) {
      if (key.line !== this.line || this.index - key.index > 1024) {
        if (key.required) throw this.error('while scanning a simple key', key.mark, "could not find expected ':'", this.getMark())
        this.possibleSimpleKeys.delete(level)
      }
    }
  }

  private savePossibleSimpleKey(): void {
    const required = this.flowLevel === 0 && this.indent === this.column
    if (this.allowSimpleKey) {
      this.removePossibleSimpleKey()
      const tokenNumber = this.tokensTaken + this.tokens.length
      this.possibleSimpleKeys.set(this.flowLevel, { tokenNumber, required, index: this.index, line: this.line, column: this.column, mark: this.getMark() })
    }
  }

  private removePossibleSimpleKey(): void {
    const key = this.possibleSimpleKeys.get(this.flowLevel)
    if (!key) return
    if (key.required) throw this.error('while scanning a simple key', key.mark, "could not find expected ':'", this.getMark())
    this.possibleSimpleKeys.delete(this.flowLevel)
  }

  // Indentation.

  private unwindIndent(column: number): void {
    if (this.flowLevel > 0) return
    while (this.indent > column) {
      const mark = this.getMark()
      this.indent = this.indents.pop()!
      this.tokens.push({ id: '<block end>', start: mark, end: mark })
    }
  }

  private addIndent(column: number): boolean {
    if (this.indent >= column) return false
    this.indents.push(this.indent)
    this.indent = column
    return true
  }

  // Fetchers.

  private punctuation(id: PunctuationId): void {
    const start = this.getMark()
    this.forward(id === '<document start>' || id === '<document end>' ? 3 : 1)
    this.tokens.push({ id, start, end: this.getMark() })
  }

  private fetchStreamEnd(): void {
    this.unwindIndent(-1)
    this.removePossibleSimpleKey()
    this.allowSimpleKey = false
    this.possibleSimpleKeys.clear()
    const mark = this.getMark()
    this.tokens.push({ id: '<stream end>', start: mark, end: mark })
    this.done = true
  }

  private fetchDirective(): void {
    this.unwindIndent(-1)
    this.removePossibleSimpleKey()
    this.allowSimpleKey = false
    this.tokens.push(this.scanDirective())
  }

  private fetchDocumentIndicator(id: '<document start>' | '<document end>'): void {
    this.unwindIndent(-1)
    this.removePossibleSimpleKey()
    this.allowSimpleKey = false
    this.punctuation(id)
  }

  private fetchFlowCollectionStart(id: '[' | '{'): void {
    this.savePossibleSimpleKey()
    this.flowLevel++
    this.allowSimpleKey = true
    this.punctuation(id)
  }

  private fetchFlowCollectionEnd(id: ']' | '}'): void {
    this.removePossibleSimpleKey()
    this.flowLevel--
    this.allowSimpleKey = false
    this.punctuation(id)
  }

  private fetchFlowEntry(): void {
    this.allowSimpleKey = true
    this.removePossibleSimpleKey()
    this.punctuation(',')
  }

  /** In the block context, '-', '?' and a complex ':' need a place where a key may start, and may open a collection. */
  private blockIndicator(problem: string, opens: '<block sequence start>' | '<block mapping start>'): void {
    if (this.flowLevel > 0) return
    if (!this.allowSimpleKey) throw this.error(null, null, problem, this.getMark())
    if (this.addIndent(this.column)) {
      const mark = this.getMark()
      this.tokens.push({ id: opens, start: mark, end: mark })
    }
  }

  private fetchBlockEntry(): void {
    // A block entry in the flow context is an error the parser reports.
    this.blockIndicator('sequence entries are not allowed here', '<block sequence start>')
    this.allowSimpleKey = true
    this.removePossibleSimpleKey()
    this.punctuation('-')
  }

  private fetchKey(): void {
    this.blockIndicator('mapping keys are not allowed here', '<block mapping start>')
    this.allowSimpleKey = this.flowLevel === 0
    this.removePossibleSimpleKey()
    this.punctuation('?')
  }

  private fetchValue(): void {
    const key = this.possibleSimpleKeys.get(this.flowLevel)
    if (key) {
      this.possibleSimpleKeys.delete(this.flowLevel)
      const at = key.tokenNumber - this.tokensTaken
      this.tokens.splice(at, 0, { id: '?', start: key.mark, end: key.mark })
      if (this.flowLevel === 0 && this.addIndent(key.column)) this.tokens.splice(at, 0, { id: '<block mapping start>', start: key.mark, end: key.mark })
      this.allowSimpleKey = false
    } else {
      this.blockIndicator('mapping values are not allowed here', '<block mapping start>')
      this.allowSimpleKey = this.flowLevel === 0
      this.removePossibleSimpleKey()
    }
    this.punctuation(':')
  }

  /** A token that may be (or start) a simple key: an alias, an anchor, a tag, a flow or plain scalar. */
  private fetchKeyCandidate(scan: () => Token): void {
    this.savePossibleSimpleKey()
    this.allowSimpleKey = false
    this.tokens.push(scan())
  }

  private fetchBlockScalar(style: '|' | '>'): void {
    this.allowSimpleKey = true
    this.removePossibleSimpleKey()
    this.tokens.push(this.scanBlockScalar(style))
  }

  /** Any non-space character but the indicators starts a plain scalar; '-' too before a non-space, and '?' and ':' in the block context. */
  private checkPlain(): boolean {
    const c = this.peek()
    if (!isBlankZ(c) && !'-?:,[]{}#&*!|>\'"%@`'.includes(String.fromCodePoint(c))) return true
    return !isBlankZ(this.peek(1)) && (c === 0x2d || (this.flowLevel === 0 && (c === 0x3f || c === 0x3a)))
  }
}
