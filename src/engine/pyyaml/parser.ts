// PyYAML's Parser (parser.py): the same state machine over the scanner's tokens, producing events on demand.
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

type State = () => Event

const DEFAULT_TAGS: Readonly<Record<string, string>> = { '!': '!', '!!': 'tag:yaml.org,2002:' }

export class Parser {
  private current: Event | null = null
  private state: State | null = this.parseStreamStart
  private readonly states: State[] = []
  private readonly marks: Mark[] = []
  private tagHandles: Readonly<Record<string, string>> = {}
  private yamlVersion: readonly [number, number] | null = null

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

  private error(context: string | null, contextMark: Mark | null, problem: string, problemMark: Mark | null): LoadError {
    return new LoadError('parser', context, contextMark, problem, problemMark)
  }

  private check(...ids: TokenId[]): boolean {
    return this.scanner.checkToken(...ids)
  }

  private peek(): Token {
    return this.scanner.peekToken()!
  }

  private take(): Token {
    return this.scanner.getToken()!
  }

  private pop(): State {
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

  private parseBlockNode(): Event {
    return this.parseNode(true, false)
  }

  private parseFlowNode(): Event {
    return this.parseNode(false, false)
  }

  private parseBlockNodeOrIndentlessSequence(): Event {
    return this.parseNode(true, true)
  }

  private parseNode(block: boolean, indentlessSequence: boolean): Event {
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

  private parseBlockSequenceFirstEntry(): Event {
    this.marks.push(this.take().start)
    return this.parseBlockSequenceEntry()
  }

  private parseBlockSequenceEntry(): Event {
    if (this.check('-')) {
      const token = this.take()
      if (!this.check('-', '<block end>')) {
        this.states.push(this.parseBlockSequenceEntry)
        return this.parseBlockNode()
      }
      this.state = this.parseBlockSequenceEntry
      return this.emptyScalar(token.end)
    }
    return this.blockEnd('while parsing a block collection', 'sequence-end')
  }

  /** The BLOCK-END that closes a block collection, or PyYAML's "expected <block end>" error. */
  private blockEnd(context: string, id: 'sequence-end' | 'mapping-end'): Event {
    if (!this.check('<block end>')) {
      const token = this.peek()
      throw this.error(context, this.marks[this.marks.length - 1]!, `expected <block end>, but found ${pyRepr(token.id)}`, token.start)
    }
    const token = this.take()
    this.state = this.pop()
    this.marks.pop()
    return { id, start: token.start, end: token.end }
  }

  private parseIndentlessSequenceEntry(): Event {
    if (this.check('-')) {
      const token = this.take()
      if (!this.check('-', '?', ':', '<block end>')) {
        this.states.push(this.parseIndentlessSequenceEntry)
        return this.parseBlockNode()
      }
      this.state = this.parseIndentlessSequenceEntry
      return this.emptyScalar(token.end)
    }
    const token = this.peek()
    this.state = this.pop()
    return { id: 'sequence-end', start: token.start, end: token.start }
  }

  private parseBlockMappingFirstKey(): Event {
    this.marks.push(this.take().start)
    return this.parseBlockMappingKey()
  }

  private parseBlockMappingKey(): Event {
    if (this.check('?')) {
      const token = this.take()
      if (!this.check('?', ':', '<block end>')) {
        this.states.push(this.parseBlockMappingValue)
        return this.parseBlockNodeOrIndentlessSequence()
      }
      this.state = this.parseBlockMappingValue
      return this.emptyScalar(token.end)
    }
    return this.blockEnd('while parsing a block mapping', 'mapping-end')
  }

  private parseBlockMappingValue(): Event {
    if (this.check(':')) {
      const token = this.take()
      if (!this.check('?', ':', '<block end>')) {
        this.states.push(this.parseBlockMappingKey)
        return this.parseBlockNodeOrIndentlessSequence()
      }
      this.state = this.parseBlockMappingKey
      return this.emptyScalar(token.end)
    }
    this.state = this.parseBlockMappingKey
    return this.emptyScalar(this.peek().start)
  }

  private parseFlowSequenceFirstEntry(): Event {
    this.marks.push(this.take().start)
    return this.parseFlowSequenceEntry(true)
  }

  private parseFlowSequenceEntry(first = false): Event {
    if (!this.check(']')) {
      if (!first) {
        if (this.check(',')) this.take()
        else {
          const token = this.peek()
          throw this.error('while parsing a flow sequence', this.marks[this.marks.length - 1]!, `expected ',' or ']', but got ${pyRepr(token.id)}`, token.start)
        }
      }
      if (this.check('?')) {
        const token = this.peek()
        this.state = this.parseFlowSequenceEntryMappingKey
        return { id: 'mapping-start', anchor: null, tag: null, implicit: true, start: token.start, end: token.end }
      }
      if (!this.check(']')) {
        this.states.push(this.parseFlowSequenceEntry)
        return this.parseFlowNode()
      }
    }
    return this.flowEnd('sequence-end')
  }

  private flowEnd(id: 'sequence-end' | 'mapping-end'): Event {
    const token = this.take()
    this.state = this.pop()
    this.marks.pop()
    return { id, start: token.start, end: token.end }
  }

  private parseFlowSequenceEntryMappingKey(): Event {
    const token = this.take()
    if (!this.check(':', ',', ']')) {
      this.states.push(this.parseFlowSequenceEntryMappingValue)
      return this.parseFlowNode()
    }
    this.state = this.parseFlowSequenceEntryMappingValue
    return this.emptyScalar(token.end)
  }

  private parseFlowSequenceEntryMappingValue(): Event {
    if (this.check(':')) {
      const token = this.take()
      if (!this.check(',', ']')) {
        this.states.push(this.parseFlowSequenceEntryMappingEnd)
        return this.parseFlowNode()
      }
      this.state = this.parseFlowSequenceEntryMappingEnd
      return this.emptyScalar(token.end)
    }
    this.state = this.parseFlowSequenceEntryMappingEnd
    return this.emptyScalar(this.peek().start)
  }

  private parseFlowSequenceEntryMappingEnd(): Event {
    this.state = this.parseFlowSequenceEntry
    const mark = this.peek().start
    return { id: 'mapping-end', start: mark, end: mark }
  }

  private parseFlowMappingFirstKey(): Event {
    this.marks.push(this.take().start)
    return this.parseFlowMappingKey(true)
  }

  private parseFlowMappingKey(first = false): Event {
    if (!this.check('}')) {
      if (!first) {
        if (this.check(',')) this.take()
        else {
          const token = this.peek()
          throw this.error('while parsing a flow mapping', this.marks[this.marks.length - 1]!, `expected ',' or '}', but got ${pyRepr(token.id)}`, token.start)
        }
      }
      if (this.check('?')) {
        const token = this.take()
        if (!this.check(':', ',', '}')) {
          this.states.push(this.parseFlowMappingValue)
          return this.parseFlowNode()
        }
        this.state = this.parseFlowMappingValue
        return this.emptyScalar(token.end)
      }
      if (!this.check('}')) {
        this.states.push(this.parseFlowMappingEmptyValue)
        return this.parseFlowNode()
      }
    }
    return this.flowEnd('mapping-end')
  }

  private parseFlowMappingValue(): Event {
    if (this.check(':')) {
      const token = this.take()
      if (!this.check(',', '}')) {
        this.states.push(this.parseFlowMappingKey)
        return this.parseFlowNode()
      }
      this.state = this.parseFlowMappingKey
      return this.emptyScalar(token.end)
    }
    this.state = this.parseFlowMappingKey
    return this.emptyScalar(this.peek().start)
  }

  private parseFlowMappingEmptyValue(): Event {
    this.state = this.parseFlowMappingKey
    return this.emptyScalar(this.peek().start)
  }

  private emptyScalar(mark: Mark): Event {
    return { id: 'scalar', anchor: null, tag: null, implicit: [true, false], value: '', style: null, start: mark, end: mark }
  }
}
