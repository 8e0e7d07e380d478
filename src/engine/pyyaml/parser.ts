// PyYAML's Parser (parser.py), second half: the states inside block and flow collections.
import { pyRepr } from './errors.js'
import { ParserBase, type Event, type State } from './parser-base.js'
import type { Token, TokenId } from './scanner.js'

export type { Event } from './parser-base.js'

/** PyYAML's state machine over the scanner's tokens, producing events on demand (so errors come in PyYAML's order). */
export class Parser extends ParserBase {
  /**
   * After an indicator (`-`, `?`, `:`): the node that follows, then `next`; or, when one of `stops` comes first, an
   * empty scalar at the end of the indicator. (The shape of most of parser.py's collection states.)
   */
  private nodeOrEmpty(indicator: Token, stops: TokenId[], next: State, node: () => Event): Event {
    if (!this.check(...stops)) {
      this.states.push(next)
      return node.call(this)
    }
    this.state = next
    return this.emptyScalar(indicator.end)
  }

  /** A mapping value: after `:` as nodeOrEmpty, or, with no `:`, an empty scalar where the next token starts. */
  private mappingValue(stops: TokenId[], next: State, node: () => Event): Event {
    if (this.check(':')) return this.nodeOrEmpty(this.take(), stops, next, node)
    this.state = next
    return this.emptyScalar(this.peek().start)
  }

  protected parseBlockSequenceFirstEntry(): Event {
    this.marks.push(this.take().start)
    return this.parseBlockSequenceEntry()
  }

  private parseBlockSequenceEntry(): Event {
    if (this.check('-')) return this.nodeOrEmpty(this.take(), ['-', '<block end>'], this.parseBlockSequenceEntry, this.parseBlockNode)
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

  protected parseIndentlessSequenceEntry(): Event {
    if (this.check('-')) return this.nodeOrEmpty(this.take(), ['-', '?', ':', '<block end>'], this.parseIndentlessSequenceEntry, this.parseBlockNode)
    const token = this.peek()
    this.state = this.pop()
    return { id: 'sequence-end', start: token.start, end: token.start }
  }

  protected parseBlockMappingFirstKey(): Event {
    this.marks.push(this.take().start)
    return this.parseBlockMappingKey()
  }

  private parseBlockMappingKey(): Event {
    if (this.check('?')) return this.nodeOrEmpty(this.take(), ['?', ':', '<block end>'], this.parseBlockMappingValue, this.parseBlockNodeOrIndentlessSequence)
    return this.blockEnd('while parsing a block mapping', 'mapping-end')
  }

  private parseBlockMappingValue(): Event {
    return this.mappingValue(['?', ':', '<block end>'], this.parseBlockMappingKey, this.parseBlockNodeOrIndentlessSequence)
  }

  protected parseFlowSequenceFirstEntry(): Event {
    this.marks.push(this.take().start)
    return this.parseFlowSequenceEntry(true)
  }

  /** The ',' before every entry of a flow collection but the first, or PyYAML's "expected ',' or ..." error. */
  private entrySeparator(first: boolean, close: ']' | '}'): void {
    if (first) return
    if (this.check(',')) {
      this.take()
      return
    }
    const token = this.peek()
    const context = close === ']' ? 'while parsing a flow sequence' : 'while parsing a flow mapping'
    throw this.error(context, this.marks[this.marks.length - 1]!, `expected ',' or '${close}', but got ${pyRepr(token.id)}`, token.start)
  }

  private parseFlowSequenceEntry(first = false): Event {
    if (!this.check(']')) {
      this.entrySeparator(first, ']')
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
    return this.nodeOrEmpty(this.take(), [':', ',', ']'], this.parseFlowSequenceEntryMappingValue, this.parseFlowNode)
  }

  private parseFlowSequenceEntryMappingValue(): Event {
    return this.mappingValue([',', ']'], this.parseFlowSequenceEntryMappingEnd, this.parseFlowNode)
  }

  private parseFlowSequenceEntryMappingEnd(): Event {
    this.state = this.parseFlowSequenceEntry
    const mark = this.peek().start
    return { id: 'mapping-end', start: mark, end: mark }
  }

  protected parseFlowMappingFirstKey(): Event {
    this.marks.push(this.take().start)
    return this.parseFlowMappingKey(true)
  }

  private parseFlowMappingKey(first = false): Event {
    if (!this.check('}')) {
      this.entrySeparator(first, '}')
      if (this.check('?')) return this.nodeOrEmpty(this.take(), [':', ',', '}'], this.parseFlowMappingValue, this.parseFlowNode)
      if (!this.check('}')) {
        this.states.push(this.parseFlowMappingEmptyValue)
        return this.parseFlowNode()
      }
    }
    return this.flowEnd('mapping-end')
  }

  private parseFlowMappingValue(): Event {
    return this.mappingValue([',', '}'], this.parseFlowMappingKey, this.parseFlowNode)
  }

  private parseFlowMappingEmptyValue(): Event {
    this.state = this.parseFlowMappingKey
    return this.emptyScalar(this.peek().start)
  }
}
