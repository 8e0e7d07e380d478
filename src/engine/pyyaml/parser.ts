// PyYAML's Parser (parser.py), second half: the states inside block and flow collections.
import { pyRepr } from './errors.js'
import { ParserBase, type Event } from './parser-base.js'

export type { Event } from './parser-base.js'

/** PyYAML's state machine over the scanner's tokens, producing events on demand (so errors come in PyYAML's order). */
export class Parser extends ParserBase {
  protected parseBlockSequenceFirstEntry(): Event {
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

  protected parseIndentlessSequenceEntry(): Event {
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

  protected parseBlockMappingFirstKey(): Event {
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

  protected parseFlowSequenceFirstEntry(): Event {
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

  protected parseFlowMappingFirstKey(): Event {
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
}
