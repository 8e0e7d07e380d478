// PyYAML's Parser (parser.py), first half: events, the stream and document states, directives and parse_node.
import { LoadError, pyRepr } from './errors.js'
import type { Mark } from './reader.js'
import type { DirectiveToken, NameToken, ScalarToken, Scanner, TagToken, Token, TokenId } from './scanner.js'

export type Event =
  | { readonly id: 'stream-start' | 'stream-end' | 'sequence-end' | 'mapping-end'; readonly start: Mark; readonly end: Mark }
  | { readonly id: 'document-start' | 'document-end'; readonly explicit: boolean; readonly start: Mark; readonly end: Mark }
  | { readonly id: 'alias'; readonly anchor: string; readonly start: Mark; readonly end: Mark }
  | {
      readonly id: 'scalar'
      readonly anchor: string | null
      readonly tag: string | null
      /** (plain without a tag or with '!', no tag at all): whether the resolver may pick the tag. */
      readonly implicit: readonly [boolean, boolean]
      readonly value: string
      readonly style: string | null
      readonly start: Mark
      readonly end: Mark
    }
  | { readonly id: 'sequence-start' | 'mapping-start'; readonly anchor: string | null; readonly tag: string | null; readonly implicit: boolean; readonly start: Mark; readonly end: Mark }

export type State = () => Event

const DEFAULT_TAGS: Readonly<Record<string, string>> = { '!': '!', '!!': 'tag:yaml.org,2002:' }

/** The parser's state and the states up to a node; the collection states are Parser's (parser.ts). */
export abstract class ParserBase {
  protected current: Event | null = null
  protected state: State | null = this.parseStreamStart
  protected readonly states: State[] = []
  protected readonly marks: Mark[] = []
  protected tagHandles: Readonly<Record<string, string>> = {}
  protected yamlVersion: readonly [number, number] | null = null

  constructor(protected readonly scanner: Scanner) {}

  checkEvent(...choices: Event['id'][]): boolean {
    if (this.current === null && this.state) this.current = this.state.call(this)
    if (this.current === null) return false
    return choices.length === 0 || choices.includes(this.current.id)
  }

  peekEvent(): Event {
    if (this.current === null && this.state) this.current = this.state.call(this)
    return this.current!
  }

  getEvent(): Event {
    const event = this.peekEvent()
    this.current = null
    return event
  }

  protected error(context: string | null, contextMark: Mark | null, problem: string, problemMark: Mark | null): LoadError {
    return new LoadError('parser', context, contextMark, problem, problemMark)
  }

  protected check(...ids: TokenId[]): boolean {
    return this.scanner.checkToken(...ids)
  }

  protected peek(): Token {
    return this.scanner.peekToken()!
  }

  protected take(): Token {
    return this.scanner.getToken()!
  }

  protected pop(): State {
    return this.states.pop()!
  }

  private parseStreamStart(): Event {
    const token = this.take()
    this.state = this.parseImplicitDocumentStart
    return { id: 'stream-start', start: token.start, end: token.end }
  }

  private parseImplicitDocumentStart(): Event {
    if (this.check('<directive>', '<document start>', '<stream end>')) return this.parseDocumentStart()
    this.tagHandles = DEFAULT_TAGS
    const mark = this.peek().start
    this.states.push(this.parseDocumentEnd)
    this.state = this.parseBlockNode
    return { id: 'document-start', explicit: false, start: mark, end: mark }
  }

  private parseDocumentStart(): Event {
    while (this.check('<document end>')) this.take()
    if (this.check('<stream end>')) {
      const token = this.take()
      this.state = null
      return { id: 'stream-end', start: token.start, end: token.end }
    }
    const start = this.peek().start
    this.processDirectives()
    if (!this.check('<document start>')) {
      throw this.error(null, null, `expected '<document start>', but found ${pyRepr(this.peek().id)}`, this.peek().start)
    }
    const token = this.take()
    this.states.push(this.parseDocumentEnd)
    this.state = this.parseDocumentContent
    return { id: 'document-start', explicit: true, start, end: token.end }
  }

  private parseDocumentEnd(): Event {
    const start = this.peek().start
    let end = start
    let explicit = false
    if (this.check('<document end>')) {
      end = this.take().end
      explicit = true
    }
    this.state = this.parseDocumentStart
    return { id: 'document-end', explicit, start, end }
  }

  private parseDocumentContent(): Event {
    if (this.check('<directive>', '<document start>', '<document end>', '<stream end>')) {
      const event = this.emptyScalar(this.peek().start)
      this.state = this.pop()
      return event
    }
    return this.parseBlockNode()
  }

  private processDirectives(): void {
    this.yamlVersion = null
    const handles: Record<string, string> = {}
    while (this.check('<directive>')) {
      const token = this.take() as DirectiveToken
      if (token.name === 'YAML') {
        if (this.yamlVersion !== null) throw this.error(null, null, 'found duplicate YAML directive', token.start)
        const [major] = token.value as readonly [number, number]
        if (major !== 1) throw this.error(null, null, 'found incompatible YAML document (version 1.* is required)', token.start)
        this.yamlVersion = token.value as readonly [number, number]
      } else if (token.name === 'TAG') {
        const [handle, prefix] = token.value as readonly [string, string]
        if (Object.prototype.hasOwnProperty.call(handles, handle)) throw this.error(null, null, `duplicate tag handle ${pyRepr(handle)}`, token.start)
        handles[handle] = prefix
      }
    }
    for (const [key, prefix] of Object.entries(DEFAULT_TAGS)) if (!Object.prototype.hasOwnProperty.call(handles, key)) handles[key] = prefix
    this.tagHandles = handles
  }

  protected parseBlockNode(): Event {
    return this.parseNode(true, false)
  }

  protected parseFlowNode(): Event {
    return this.parseNode(false, false)
  }

  protected parseBlockNodeOrIndentlessSequence(): Event {
    return this.parseNode(true, true)
  }

  protected parseNode(block: boolean, indentlessSequence: boolean): Event {
    if (this.check('<alias>')) {
      const token = this.take() as NameToken
      this.state = this.pop()
      return { id: 'alias', anchor: token.value, start: token.start, end: token.end }
    }
    let anchor: string | null = null
    let rawTag: TagToken | null = null
    let start: Mark | null = null
    let end: Mark | null = null
    let tagMark: Mark | null = null
    if (this.check('<anchor>')) {
      const token = this.take() as NameToken
      ;[start, end, anchor] = [token.start, token.end, token.value]
      if (this.check('<tag>')) {
        rawTag = this.take() as TagToken
        ;[tagMark, end] = [rawTag.start, rawTag.end]
      }
    } else if (this.check('<tag>')) {
      rawTag = this.take() as TagToken
      ;[start, tagMark, end] = [rawTag.start, rawTag.start, rawTag.end]
      if (this.check('<anchor>')) {
        const token = this.take() as NameToken
        ;[end, anchor] = [token.end, token.value]
      }
    }
    let tag: string | null = null
    if (rawTag) {
      if (rawTag.handle === null) tag = rawTag.suffix
      else if (!Object.prototype.hasOwnProperty.call(this.tagHandles, rawTag.handle)) {
        throw this.error('while parsing a node', start, `found undefined tag handle ${pyRepr(rawTag.handle)}`, tagMark)
      } else tag = this.tagHandles[rawTag.handle]! + rawTag.suffix
    }
    if (start === null) start = end = this.peek().start
    const implicit = tag === null || tag === '!'
    if (indentlessSequence && this.check('-')) {
      this.state = this.parseIndentlessSequenceEntry
      return { id: 'sequence-start', anchor, tag, implicit, start, end: this.peek().end }
    }
    if (this.check('<scalar>')) {
      const token = this.take() as ScalarToken
      const flags: [boolean, boolean] = (token.plain && tag === null) || tag === '!' ? [true, false] : tag === null ? [false, true] : [false, false]
      this.state = this.pop()
      return { id: 'scalar', anchor, tag, implicit: flags, value: token.value, style: token.style, start, end: token.end }
    }
    if (this.check('[')) {
      this.state = this.parseFlowSequenceFirstEntry
      return { id: 'sequence-start', anchor, tag, implicit, start, end: this.peek().end }
    }
    if (this.check('{')) {
      this.state = this.parseFlowMappingFirstKey
      return { id: 'mapping-start', anchor, tag, implicit, start, end: this.peek().end }
    }
    if (block && this.check('<block sequence start>')) {
      this.state = this.parseBlockSequenceFirstEntry
      return { id: 'sequence-start', anchor, tag, implicit, start, end: this.peek().start }
    }
    if (block && this.check('<block mapping start>')) {
      this.state = this.parseBlockMappingFirstKey
      return { id: 'mapping-start', anchor, tag, implicit, start, end: this.peek().start }
    }
    if (anchor !== null || tag !== null) {
      this.state = this.pop()
      return { id: 'scalar', anchor, tag, implicit: [implicit, false], value: '', style: null, start, end: end! }
    }
    const token = this.peek()
    throw this.error(`while parsing a ${block ? 'block' : 'flow'} node`, start, `expected the node content, but found ${pyRepr(token.id)}`, token.start)
  }

  protected abstract parseIndentlessSequenceEntry(): Event
  protected abstract parseBlockSequenceFirstEntry(): Event
  protected abstract parseBlockMappingFirstKey(): Event
  protected abstract parseFlowSequenceFirstEntry(): Event
  protected abstract parseFlowMappingFirstKey(): Event

  protected emptyScalar(mark: Mark): Event {
    return { id: 'scalar', anchor: null, tag: null, implicit: [true, false], value: '', style: null, start: mark, end: mark }
  }
}
