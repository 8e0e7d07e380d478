// PyYAML's Composer (composer.py): events -> a node graph with anchors and aliases, iterative, one document only.
import { LoadError, pyRepr } from './errors.js'
import type { Event, Parser } from './parser.js'
import type { Mark } from './reader.js'
import { resolve } from './resolver.js'

interface NodeBase {
  tag: string
  readonly start: Mark
  end: Mark
  /** Creation order: a stable identity for messages and for Python's object identity (a NaN key). */
  readonly serial: number
}
export interface ScalarNode extends NodeBase {
  readonly kind: 'scalar'
  readonly value: string
  readonly style: string | null
}
export interface SequenceNode extends NodeBase {
  readonly kind: 'sequence'
  readonly value: PyNode[]
}
export interface MappingNode extends NodeBase {
  readonly kind: 'mapping'
  value: [PyNode, PyNode][]
  /** How many pairs at the end of `value` were written in this mapping (the rest were merged in); set by flattening. */
  explicit?: number
}
export type PyNode = ScalarNode | SequenceNode | MappingNode

/**
 * Nesting deeper than this is refused as PyYAML's recursive composer would refuse it (Python's recursion limit, about
 * 491 levels from where the bot calls safe_load); the composer here is iterative, so the caller's stack never matters.
 */
export const MAX_DEPTH = 490

/** What the composer saw of aliases, for the checks after loading. */
export interface AliasInfo {
  readonly name: string
  readonly start: Mark
  readonly end: Mark
}

interface Frame {
  readonly node: SequenceNode | MappingNode
  key: PyNode | undefined
  /** The alias the pending key was written as, if it was one. */
  keyAlias: AliasInfo | undefined
}

export class Composer {
  private anchors = new Map<string, PyNode>()
  private serial = 0
  /** The first alias in the text, and the first one that refers to a collection it is inside of (a cycle). */
  firstAlias: AliasInfo | undefined
  recursiveAlias: AliasInfo | undefined
  /** Nodes created (aliases create none). */
  nodeCount = 0
  /** Mapping pairs whose key is an alias, with that alias: a repeated key is reported where it is written. */
  readonly aliasKeys = new WeakMap<readonly [PyNode, PyNode], AliasInfo>()
  private entered: AliasInfo | undefined

  constructor(private readonly parser: Parser) {}

  /** The one document of the stream, or null for an empty stream; a second document is an error. */
  getSingleNode(): PyNode | null {
    this.parser.getEvent()
    let document: PyNode | null = null
    if (!this.parser.checkEvent('stream-end')) document = this.composeDocument()
    if (!this.parser.checkEvent('stream-end')) {
      const event = this.parser.getEvent()
      throw new LoadError('composer', 'expected a single document in the stream', document!.start, 'but found another document', event.start)
    }
    this.parser.getEvent()
    return document
  }

  private composeDocument(): PyNode {
    this.parser.getEvent()
    const node = this.composeNode()
    this.parser.getEvent()
    this.anchors = new Map()
    return node
  }

  /** compose_node, with an explicit stack instead of recursion; the parser is called in the same order. */
  private composeNode(): PyNode {
    const stack: Frame[] = []
    let done = this.enter(stack)
    for (;;) {
      if (done !== undefined) {
        const frame = stack[stack.length - 1]
        if (!frame) return done
        if (frame.node.kind === 'sequence') frame.node.value.push(done)
        else if (frame.key === undefined) {
          frame.key = done
          frame.keyAlias = this.entered
        } else {
          const pair: [PyNode, PyNode] = [frame.key, done]
          frame.node.value.push(pair)
          if (frame.keyAlias) this.aliasKeys.set(pair, frame.keyAlias)
          frame.key = undefined
        }
      }
      const frame = stack[stack.length - 1]!
      const closing = frame.node.kind === 'sequence' ? 'sequence-end' : 'mapping-end'
      if (frame.key === undefined && this.parser.checkEvent(closing)) {
        frame.node.end = this.parser.getEvent().end
        stack.pop()
        done = frame.node
        this.entered = undefined
      } else done = this.enter(stack)
    }
  }

  /** Starts the node at the current event: a finished node (scalar, alias), or undefined after opening a collection. */
  private enter(stack: Frame[]): PyNode | undefined {
    this.entered = undefined
    if (this.parser.checkEvent('alias')) {
      const event = this.parser.getEvent() as Extract<Event, { id: 'alias' }>
      const node = this.anchors.get(event.anchor)
      if (!node) throw new LoadError('composer', null, null, `found undefined alias ${pyRepr(event.anchor)}`, event.start)
      const alias = { name: event.anchor, start: event.start, end: event.end }
      this.firstAlias ??= alias
      if (!this.recursiveAlias && stack.some((f) => f.node === node)) this.recursiveAlias = alias
      this.entered = alias
      return node
    }
    const event = this.parser.peekEvent() as Extract<Event, { id: 'scalar' | 'sequence-start' | 'mapping-start' }>
    const anchor = event.anchor
    if (anchor !== null && this.anchors.has(anchor)) {
      const first = this.anchors.get(anchor)!
      throw new LoadError('composer', `found duplicate anchor ${pyRepr(anchor)}; first occurrence`, first.start, 'second occurrence', event.start)
    }
    this.parser.getEvent()
    this.nodeCount++
    const tag = event.tag === null || event.tag === '!' ? null : event.tag
    let node: PyNode
    if (event.id === 'scalar') {
      const resolved = tag ?? resolve('scalar', event.value, event.implicit)
      node = { kind: 'scalar', tag: resolved, value: event.value, style: event.style, start: event.start, end: event.end, serial: this.serial++ }
    } else {
      if (stack.length + 1 > MAX_DEPTH) {
        throw new LoadError('python', null, null, 'maximum recursion depth exceeded', null, { start: event.start, end: event.end })
      }
      node =
        event.id === 'sequence-start'
          ? { kind: 'sequence', tag: tag ?? resolve('sequence', '', event.implicit), value: [], start: event.start, end: event.end, serial: this.serial++ }
          : { kind: 'mapping', tag: tag ?? resolve('mapping', '', event.implicit), value: [], start: event.start, end: event.end, serial: this.serial++ }
    }
    if (anchor !== null) this.anchors.set(anchor, node)
    if (node.kind === 'scalar') return node
    stack.push({ node, key: undefined, keyAlias: undefined })
    return undefined
  }
}
