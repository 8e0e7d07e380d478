// A single-pass parser for the block-YAML subset real bot configs use, producing exactly what the `yaml` package's
// composer (YAML 1.1, pyyamlTags, uniqueKeys: false) and `doc.toJS()` produce, or `undefined` ("bail out") for
// anything it is not sure about, so that the caller falls back to the PyYAML port and the `yaml` package. It also
// bails wherever PyYAML would read the text differently or refuse it (a flow scalar with `?`, a plain `=` or `<<`
// value, `0x_`): what it accepts, PyYAML loads to the same data (test/engine/pyyaml-differential.test.ts).
//
// What "exactly" covers: the node tree (YAMLMap / YAMLSeq / Pair / Scalar from 'yaml'), every node's `range` triple,
// `flow`, Scalar `value` / `type` / `source` / `format`, the Document's `range`, `contents`, empty `errors` and
// `warnings`, the data (`doc.toJS()`), and the line starts. Comments (`comment`, `commentBefore`) and `spaceBefore`
// are not reproduced: nothing in the linter reads them (they only matter to `doc.toString()`).
//
// Where the third element of a range ends depends on how yaml's CST parser hands out the comment and blank lines
// between two content lines; the rules below (`absorb`, `kept`, `sep`) mirror yaml 2.x's parser.js:
// - after a scalar or flow value, comment lines indented deeper than its collection (possibly after blank lines)
//   are appended to the value's end tokens, up to the first comment line that is not;
// - the rest is a comment-only item of the innermost collection; when that collection ends, the item moves up to
//   the parent unless the collection is indented and one of those comments is at least as indented as it, in
//   which case the collection's range ends after them (resolve-block-map's `commentEnd`);
// - after `key:` with no value, everything up to the next content line belongs to the pair's separator, except
//   that, before a sibling key, what follows the second line break after the last deeper comment moves on to that
//   key; the empty value's range ends after the separator if the separator holds a comment.
import { Document, isScalar, LineCounter, Pair, Scalar, YAMLMap, YAMLSeq, type ScalarTag } from 'yaml'
import { setKey } from './data-keys.js'
import { loadPlainScalar } from './pyyaml/construct-scalars.js'
import { resolve, STR_TAG, VALUE_TAG } from './pyyaml/resolver.js'
import { PYYAML_DOCUMENT_OPTIONS } from './pyyaml-schema.js'
import { Bail, type BailReason } from './fast-bail.js'
import { mayResolveToNonString, simpleNumber } from './fast-resolve.js'
import { checkComment, checkPlainStart, isBlankAt, scanBlockPlain, scanFlowPlain, scanQuoted, skipSpaces, TERM_COLON, TERM_EOL, type Scan } from './fast-scan.js'

export { BAIL_REASONS, type BailReason } from './fast-bail.js'
export { mayResolveToNonString, simpleNumber } from './fast-resolve.js'

export interface FastParsed {
  /** A Document whose `contents` is a tree of real yaml nodes with the composer's ranges; no errors or warnings. */
  doc: Document.Parsed
  /** The same value as `doc.toJS({ maxAliasCount: 100 })`. */
  data: unknown
  /** Line starts, as parse.ts counts them (0, then after every LF). */
  lineCounter: LineCounter
  /** Some mapping repeats a key (keys here are always strings, so an own key seen twice is exactly that). */
  hasDuplicateKeys: boolean
}

/** The options both parse paths compose with (kept in one place so the paths cannot drift apart). */
export const FAST_PARSE_DOCUMENT_OPTIONS = PYYAML_DOCUMENT_OPTIONS

/** Block nesting (and flow nesting) deeper than this is left to the slow path, which reports absurd depth. */
const MAX_BLOCK_DEPTH = 200
const MAX_FLOW_DEPTH = 64
/** yaml (strict) rejects an implicit key whose `:` is more than 1024 characters after its start. */
const MAX_KEY_LENGTH = 1000

/** The tags a plain scalar may resolve to; anything else (timestamps, merge keys as values...) bails. */
const NULL_TAG = 'tag:yaml.org,2002:null'
const BOOL_TAG = 'tag:yaml.org,2002:bool'
const INT_TAG = 'tag:yaml.org,2002:int'
const FLOAT_TAG = 'tag:yaml.org,2002:float'
const TIMESTAMP_TAG = 'tag:yaml.org,2002:timestamp'
const MERGE_TAG = 'tag:yaml.org,2002:merge'

/** The resolver's `implicit` for a plain scalar without a tag. */
const PLAIN = [true, false] as const

const enum Pending {
  None,
  Value,
  Empty,
}

interface Frame {
  isMap: boolean
  indent: number
  start: number
  node: YAMLMap | YAMLSeq
  data: Record<string, unknown> | unknown[]
  /** range[2] of the value of the last item: the collection's range[1]. */
  lastEnd: number
}

type ValueNode = Scalar | YAMLMap | YAMLSeq

// yaml's node constructors define the node-type marker (a Symbol.for('yaml.node.type') property, which isScalar,
// isPair and every consumer read) on each instance with Object.defineProperty, which costs as much as the rest of
// building the node. On a shared prototype the marker reads the same; the differential tests pin the equivalence.
const NODE_TYPE = Symbol.for('yaml.node.type')
const SCALAR_PROTO: Scalar = Object.create(Scalar.prototype, { [NODE_TYPE]: { value: Symbol.for('yaml.scalar') } })
const PAIR_PROTO: Pair = Object.create(Pair.prototype, { [NODE_TYPE]: { value: Symbol.for('yaml.pair') } })

/** A Scalar as `new Scalar(value)` makes it, without the per-instance defineProperty. */
function newScalar(value: unknown): Scalar {
  const node = Object.create(SCALAR_PROTO) as Scalar
  node.value = value
  return node
}

/** A prototype for collections of one document: the node-type marker and the schema `new YAMLMap(schema)` defines. */
function collectionProto(base: object, type: string, schema: unknown): object {
  return Object.create(base, {
    [NODE_TYPE]: { value: Symbol.for(type) },
    schema: { value: schema, configurable: true, enumerable: false, writable: true },
  })
}

/** A Pair as `new Pair(key, value)` makes it, without the per-instance defineProperty. */
function newPair<K, V>(key: K, value: V): Pair<K, V> {
  const pair = Object.create(PAIR_PROTO) as Pair<K, V>
  pair.key = key
  pair.value = value
  return pair
}

class FastParser {
  private readonly text: string
  private readonly len: number
  private readonly doc: Document.Parsed
  /** The schema's tags with a test, in order: those a value may resolve to, and those a key may (merge too). */
  private readonly valueTags: ScalarTag[]
  private readonly keyTags: ScalarTag[]
  private readonly lineCounter = new LineCounter()
  private hasDuplicateKeys = false
  private readonly stack: Frame[] = []
  private docStart = -1

  // What the last content line left open.
  private pending = Pending.None
  /** Pending.Value: the scalar or flow collection whose range[2] grows over deeper comment lines. */
  private vNode: ValueNode | null = null
  private vEnd = 0
  private vIndent = 0
  private absorbing = true
  /** The comment-only item after the value: highest comment column in it, -1 for none. */
  private rMaxCol = -1
  /** Pending.Empty: the pair whose value is still unknown, and its separator. */
  private ePair: Pair<Scalar, ValueNode | null> | null = null
  private eKey = ''
  private ePos = 0
  private eIndent = 0
  private eFirstComment = -1
  private eBreaks = 0
  private eSecondBreak = -1
  /** Prototypes for this document's mappings and sequences (see collectionProto). */
  private readonly mapProto: object
  private readonly seqProto: object

  // Set by the scanners.
  private readonly scan: Scan = { term: TERM_EOL, at: 0, value: '' }
  /** The data of the flow collection or flow item just parsed. */
  private flowData: unknown = null
  /** What inlineValue read: the node, its data, and the offset just after it. */
  private ivNode: ValueNode = null as unknown as ValueNode
  private ivData: unknown = null
  private ivEnd = 0

  constructor(text: string) {
    this.text = text
    this.len = text.length
    this.doc = new Document(undefined, FAST_PARSE_DOCUMENT_OPTIONS) as Document.Parsed
    this.mapProto = collectionProto(YAMLMap.prototype, 'yaml.map', this.doc.schema)
    this.seqProto = collectionProto(YAMLSeq.prototype, 'yaml.seq', this.doc.schema)
    // As findScalarTagByTest in yaml's compose-scalar.js.
    this.valueTags = []
    this.keyTags = []
    for (const tag of this.doc.schema.tags as ScalarTag[]) {
      if (!tag.test) continue
      if (tag.default === true) this.valueTags.push(tag)
      if (tag.default === true || tag.default === 'key') this.keyTags.push(tag)
    }
  }

  run(): FastParsed {
    const text = this.text
    const len = this.len
    this.lineCounter.addNewLine(0)
    let pos = 0
    while (pos < len) {
      const nl = text.indexOf('\n', pos)
      let end: number
      let next: number
      if (nl === -1) {
        end = len
        next = len
      } else {
        next = nl + 1
        this.lineCounter.addNewLine(next)
        end = nl > pos && text.charCodeAt(nl - 1) === 0x0d ? nl - 1 : nl
      }
      let i = pos
      while (i < end && text.charCodeAt(i) === 0x20) i++
      if (i === end) {
        if (nl !== -1) this.breakInSeparator(end)
      } else if (text.charCodeAt(i) === 0x23) {
        checkComment(this.text, i + 1, end)
        this.commentLine(i - pos, i, nl === -1 ? -1 : end, next)
      } else {
        this.contentLine(pos, i, end, next, nl !== -1)
      }
      pos = next
    }
    return this.finish()
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Lines between content lines.

  private commentLine(col: number, at: number, breakAt: number, next: number): void {
    if (this.pending === Pending.Value) {
      if (this.absorbing && col > this.vIndent) this.vEnd = next
      else {
        this.absorbing = false
        if (col > this.rMaxCol) this.rMaxCol = col
      }
    } else if (this.pending === Pending.Empty) {
      if (col > this.eIndent) {
        this.eBreaks = 0
        this.eSecondBreak = -1
      }
      if (this.eFirstComment === -1) this.eFirstComment = at
      if (breakAt !== -1) this.breakInSeparator(breakAt)
    }
  }

  private breakInSeparator(at: number): void {
    if (this.pending !== Pending.Empty) return
    this.eBreaks++
    if (this.eBreaks === 2) this.eSecondBreak = at
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Content lines.

  private contentLine(lineStart: number, i: number, end: number, next: number, hasBreak: boolean): void {
    const text = this.text
    const d = i - lineStart
    const c = text.charCodeAt(i)
    if (c === 0x09) throw new Bail('tab', i)
    if (d === 0 && (c === 0x2d || c === 0x2e) && end - i >= 3) {
      const s = text.slice(i, i + 3)
      if (s === '---' || s === '...') throw new Bail('documentMarker', i)
    }
    const c1 = i + 1 < end ? text.charCodeAt(i + 1) : -1
    const isSeq = c === 0x2d && (c1 === -1 || c1 === 0x20)

    let frame: Frame
    if (this.pending === Pending.None) {
      if (d !== 0) throw new Bail('indentation', i)
      this.docStart = i
      frame = this.pushFrame(!isSeq, d, i)
    } else if (this.pending === Pending.Empty && (d > this.eIndent || (d === this.eIndent && isSeq))) {
      // A block collection as the value of the pending `key:` (a sequence may sit at the key's own indentation).
      frame = this.pushFrame(!isSeq, d, i)
      const pair = this.ePair!
      pair.value = frame.node
      if (setKey(this.top(-2).data as Record<string, unknown>, this.eKey, frame.data)) this.hasDuplicateKeys = true
      this.pending = Pending.None
    } else {
      let rEnd = -1
      if (this.pending === Pending.Value) {
        const node = this.vNode!
        node.range![2] = this.vEnd
        this.top(-1).lastEnd = this.vEnd
        if (d > this.vIndent) throw new Bail('multiline', i)
        rEnd = i
      } else {
        this.resolveEmpty(d === this.eIndent && !isSeq ? this.eSecondBreak : -1, i)
      }
      frame = this.popTo(d, !isSeq, rEnd, i)
    }

    if (frame.isMap) {
      if (isSeq) throw new Bail('indentation', i)
      this.keyLine(frame, i, end, next, hasBreak)
    } else {
      if (!isSeq) throw new Bail('indentation', i)
      this.seqItem(frame, lineStart, i, end, next, hasBreak)
    }
  }

  /** An empty mapping or sequence, as `new YAMLMap(schema)` / `new YAMLSeq(schema)` would make it. */
  private collection<T extends YAMLMap | YAMLSeq>(isMap: boolean): T {
    const node = Object.create(isMap ? this.mapProto : this.seqProto) as T
    node.items = []
    return node
  }

  private top(n: number): Frame {
    return this.stack[this.stack.length + n]!
  }

  private pushFrame(isMap: boolean, indent: number, start: number): Frame {
    if (this.stack.length >= MAX_BLOCK_DEPTH) throw new Bail('tooDeep', start)
    const frame: Frame = isMap
      ? { isMap, indent, start, node: this.collection<YAMLMap>(true), data: {}, lastEnd: start }
      : { isMap, indent, start, node: this.collection<YAMLSeq>(false), data: [], lastEnd: start }
    this.stack.push(frame)
    return frame
  }

  /**
   * Ends the collections a line at indentation `d` closes, and returns the one it continues. `rEnd` is where the
   * comment-only item after the last value ends (the line's first character), -1 when there is none.
   */
  private popTo(d: number, isKey: boolean, rEnd: number, at: number): Frame {
    const stack = this.stack
    for (;;) {
      const top = stack[stack.length - 1]!
      if (!(top.indent > d || (!top.isMap && top.indent === d && isKey))) {
        if (top.indent !== d) throw new Bail('indentation', at)
        return top
      }
      if (this.closeFrame(top, rEnd)) rEnd = -1
      stack.pop()
      if (stack.length === 0) throw new Bail('syntax', at)
    }
  }

  /**
   * Sets a finished collection's range. The comment-only item after its last value (ending at `rEnd`, -1 for none)
   * moves up to the parent, unless the collection is indented and one of its comments is at least as indented
   * (yaml's Parser.pop): then the collection keeps it, its range ends there, and this returns true.
   */
  private closeFrame(frame: Frame, rEnd: number): boolean {
    const keep = rEnd !== -1 && frame.indent !== 0 && this.rMaxCol >= frame.indent
    const end = keep ? rEnd : frame.lastEnd
    frame.node.range = [frame.start, frame.lastEnd, end]
    const parent = this.stack[this.stack.length - 2]
    if (parent) parent.lastEnd = end
    return keep
  }

  /** The pending `key:` has a null value: an empty scalar after the `:` and its spaces. */
  private resolveEmpty(secondBreak: number, separatorEnd: number): void {
    const node = this.plain('', this.ePos, this.ePos, false)
    let end = separatorEnd
    let comment = this.eFirstComment !== -1
    if (secondBreak !== -1) {
      end = secondBreak
      comment = comment && this.eFirstComment < secondBreak
    }
    if (comment) node.range![2] = end
    this.ePair!.value = node
    this.top(-1).lastEnd = node.range![2]
    if (setKey(this.top(-1).data as Record<string, unknown>, this.eKey, null)) this.hasDuplicateKeys = true
    this.pending = Pending.None
    this.rMaxCol = -1
  }

  /** A line of a block mapping: `key: ...`, the key quoted or plain. */
  private keyLine(frame: Frame, i: number, end: number, next: number, hasBreak: boolean): void {
    const c = this.text.charCodeAt(i)
    if (c === 0x5b || c === 0x7b) throw new Bail('syntax', i)
    const colon = this.inlineValue(c, i, end)
    if (colon < 0) throw new Bail('syntax', i)
    this.pairAfterKey(frame, this.ivNode as Scalar, i, colon, end, next, hasBreak)
  }

  private seqItem(frame: Frame, lineStart: number, i: number, end: number, next: number, hasBreak: boolean): void {
    const text = this.text
    const j = skipSpaces(this.text, i + 1, end)
    if (j === end) throw new Bail('syntax', i) // an empty item, or a block collection on the next lines
    const c = text.charCodeAt(j)
    if (c === 0x09) throw new Bail('tab', j)
    if (c === 0x23) throw new Bail('syntax', j)
    if (c === 0x2d && (j + 1 === end || text.charCodeAt(j + 1) === 0x20)) throw new Bail('syntax', j)
    const colon = this.inlineValue(c, j, end)
    if (colon >= 0) {
      this.compactMap(frame, lineStart, j, this.ivNode as Scalar, colon, end, next, hasBreak)
      return
    }
    const node = this.ivNode
    this.lineEnd(this.ivEnd, end)
    ;(frame.node as YAMLSeq).items.push(node)
    ;(frame.data as unknown[]).push(this.ivData)
    this.setPendingValue(node, next, frame.indent)
  }

  /**
   * The value that starts at `j` (its first character `c`) on a block line: a flow collection, a quoted or a plain
   * scalar, left in ivNode / ivData / ivEnd (fields, not an object: this runs for every value of the file). When the
   * scalar is followed by `: `, it is a key instead: ivNode is the key scalar and the colon's offset is returned; else -1.
   */
  private inlineValue(c: number, j: number, end: number): number {
    const text = this.text
    if (c === 0x5b || c === 0x7b) {
      this.ivNode = this.flow(j, end, 0)
      this.ivData = this.flowData
      this.ivEnd = this.scan.at
      return -1
    }
    if (c === 0x22 || c === 0x27) {
      const node = this.quotedScalar(c, j, end)
      this.ivNode = node
      this.ivData = node.value
      this.ivEnd = node.range![1]
      const after = skipSpaces(this.text, this.ivEnd, end)
      return after < end && text.charCodeAt(after) === 0x3a && isBlankAt(this.text, after + 1, end) ? after : -1
    }
    checkPlainStart(this.text, c, j, end, false)
    const scalarEnd = scanBlockPlain(this.text, j, end, this.scan)
    const isKey = this.scan.term === TERM_COLON
    const node = this.plain(text.slice(j, scalarEnd), j, scalarEnd, isKey)
    this.ivNode = node
    this.ivData = node.value
    this.ivEnd = scalarEnd
    return isKey ? this.scan.at : -1
  }

  /** `- key: ...`: a block mapping that starts inside a sequence item, indented to its first key. */
  private compactMap(seqFrame: Frame, lineStart: number, keyStart: number, key: Scalar, colon: number, end: number, next: number, hasBreak: boolean): void {
    const frame = this.pushFrame(true, keyStart - lineStart, keyStart)
    ;(seqFrame.node as YAMLSeq).items.push(frame.node)
    ;(seqFrame.data as unknown[]).push(frame.data)
    this.pairAfterKey(frame, key, keyStart, colon, end, next, hasBreak)
  }

  private pairAfterKey(frame: Frame, key: Scalar, keyStart: number, colon: number, end: number, next: number, hasBreak: boolean): void {
    const text = this.text
    if (colon - keyStart > MAX_KEY_LENGTH) throw new Bail('longKey', keyStart)
    const k = skipSpaces(this.text, colon + 1, end)
    const map = frame.node as YAMLMap
    const name = key.value as string
    if (k === end || text.charCodeAt(k) === 0x23) {
      // `key:` alone: null, or a block collection on the next lines.
      const pair = newPair<Scalar, ValueNode | null>(key, null)
      map.items.push(pair as Pair<unknown, unknown>)
      this.pending = Pending.Empty
      this.ePair = pair
      this.eKey = name
      this.ePos = k
      this.eIndent = frame.indent
      this.eFirstComment = -1
      this.eBreaks = 0
      this.eSecondBreak = -1
      if (k !== end) {
        checkComment(this.text, k + 1, end)
        this.eFirstComment = k
      }
      if (hasBreak) this.breakInSeparator(end)
      return
    }
    const innerColon = this.inlineValue(text.charCodeAt(k), k, end)
    if (innerColon >= 0) throw new Bail('syntax', innerColon) // `a: b: c`, a mapping as the value of a one-line pair
    const node = this.ivNode
    this.lineEnd(this.ivEnd, end)
    map.items.push(newPair(key, node) as Pair<unknown, unknown>)
    if (setKey(frame.data as Record<string, unknown>, name, this.ivData)) this.hasDuplicateKeys = true
    this.setPendingValue(node, next, frame.indent)
  }

  private setPendingValue(node: ValueNode, next: number, indent: number): void {
    this.pending = Pending.Value
    this.vNode = node
    this.vEnd = next
    this.vIndent = indent
    this.absorbing = true
    this.rMaxCol = -1
  }

  /** After a value: spaces, then the end of the line or a comment (which needs a space before its `#`). */
  private lineEnd(from: number, end: number): void {
    const i = skipSpaces(this.text, from, end)
    if (i === end) return
    if (this.text.charCodeAt(i) !== 0x23 || i === from) {
      throw new Bail(this.text.charCodeAt(i) === 0x09 ? 'tab' : 'syntax', i)
    }
    checkComment(this.text, i + 1, end)
  }

  private finish(): FastParsed {
    if (this.pending === Pending.None) throw new Bail('empty', 0)
    const len = this.len
    let rEnd = -1
    if (this.pending === Pending.Value) {
      this.vNode!.range![2] = this.vEnd
      this.top(-1).lastEnd = this.vEnd
      if (this.vEnd < len) rEnd = len
    } else {
      this.resolveEmpty(-1, len)
    }
    const stack = this.stack
    while (stack.length > 0) {
      if (this.closeFrame(stack[stack.length - 1]!, rEnd)) rEnd = -1
      if (stack.length === 1) break
      stack.pop()
    }
    const root = stack[0]!
    const doc = this.doc
    doc.contents = root.node as Document.Parsed['contents']
    const contentEnd = root.node.range![2]
    // A comment-only item that reached the root moves to the document's end.
    doc.range = [this.docStart, contentEnd, rEnd === -1 ? contentEnd : rEnd]
    return { doc, data: root.data, lineCounter: this.lineCounter, hasDuplicateKeys: this.hasDuplicateKeys }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Scalars.

  /** A plain scalar, resolved as yaml's composeScalar resolves it with the pyyamlTags schema. */
  private plain(source: string, start: number, end: number, atKey: boolean): Scalar {
    if (!atKey) {
      const n = simpleNumber(source)
      if (n === n) {
        // What the schema's int or float tag gives these shapes (see simpleNumber), without the tag search.
        const node = newScalar(n)
        node.range = [start, end, end]
        node.source = source
        node.type = Scalar.PLAIN
        return node
      }
    }
    let tag: ScalarTag | undefined
    const candidate = mayResolveToNonString(source)
    if (candidate) {
      const tags = atKey ? this.keyTags : this.valueTags
      for (let i = 0; i < tags.length; i++) {
        if (tags[i]!.test!.test(source)) {
          tag = tags[i]
          break
        }
      }
    }
    let node: Scalar
    if (tag === undefined) {
      // A string to yaml must be one to PyYAML too: not `=` (its value tag) nor `<<` as a value (its merge tag), which
      // the safe loader cannot construct there. As a key, `=` is a string to PyYAML as well.
      if (candidate) {
        const pyTag = resolve('scalar', source, PLAIN)
        if (pyTag !== STR_TAG && !(atKey && pyTag === VALUE_TAG)) throw new Bail(atKey ? 'nonStringKey' : 'syntax', start)
      }
      node = newScalar(source)
    } else {
      if (atKey) throw new Bail(tag.tag === MERGE_TAG ? 'mergeKey' : 'nonStringKey', start)
      if (tag.tag === TIMESTAMP_TAG) throw new Bail('timestamp', start)
      if (tag.tag !== NULL_TAG && tag.tag !== BOOL_TAG && tag.tag !== INT_TAG && tag.tag !== FLOAT_TAG) throw new Bail('syntax', start)
      let failed = false
      const res = tag.resolve(
        source,
        () => {
          failed = true
        },
        this.doc.options,
      )
      if (failed) throw new Bail('syntax', start)
      node = isScalar(res) ? res : newScalar(res)
      if (tag.tag === INT_TAG || tag.tag === FLOAT_TAG) {
        // Shapes past simpleNumber (1_000, 0x1F, 1:30, .inf): kept only where PyYAML builds the same number (not 0x_).
        const py = loadPlainScalar(source)
        const value = node.value as number
        if (!py || py.tag !== tag.tag || !(py.value === value || (Number.isNaN(py.value) && Number.isNaN(value)))) throw new Bail('syntax', start)
      }
    }
    node.range = [start, end, end]
    node.source = source
    node.type = Scalar.PLAIN
    if (tag?.format) node.format = tag.format
    return node
  }

  /** The one-line quoted scalar at `start` (its quote `quote`), as the composer builds it; range[1] is after its closing quote. */
  private quotedScalar(quote: number, start: number, lineEnd: number): Scalar {
    const end = scanQuoted(this.text, start, lineEnd, this.scan) + 1
    const value = this.scan.value
    const node = newScalar(value)
    node.range = [start, end, end]
    node.source = value
    node.type = quote === 0x22 ? Scalar.QUOTE_DOUBLE : Scalar.QUOTE_SINGLE
    return node
  }

  // ---------------------------------------------------------------------------------------------------------------
  // One-line flow collections.

  /** A flow collection at `start` that closes on its line; `termAt` is set to the offset after its bracket. */
  private flow(start: number, end: number, depth: number): ValueNode {
    if (depth >= MAX_FLOW_DEPTH) throw new Bail('tooDeep', start)
    const text = this.text
    const isMap = text.charCodeAt(start) === 0x7b
    const close = isMap ? 0x7d : 0x5d
    const coll = this.collection<YAMLMap | YAMLSeq>(isMap)
    coll.flow = true
    const obj: Record<string, unknown> = {}
    const arr: unknown[] = []
    let i = skipSpaces(this.text, start + 1, end)
    if (i === end) throw new Bail('multiline', start)
    if (text.charCodeAt(i) !== close) {
      for (;;) {
        if (isMap) {
          const c = text.charCodeAt(i)
          let key: Scalar
          let colon: number
          if (c === 0x22 || c === 0x27) {
            key = this.quotedScalar(c, i, end)
            colon = skipSpaces(this.text, key.range![1], end)
          } else {
            checkPlainStart(this.text, c, i, end, true)
            const keyEnd = scanFlowPlain(this.text, i, end, true, this.scan)
            colon = this.scan.at
            key = this.plain(text.slice(i, keyEnd), i, keyEnd, true)
          }
          if (colon >= end || text.charCodeAt(colon) !== 0x3a || colon + 1 >= end || text.charCodeAt(colon + 1) !== 0x20) {
            throw new Bail('flowSyntax', colon)
          }
          // PyYAML's 1024-character limit on simple keys holds in flow mappings too.
          if (colon - i > MAX_KEY_LENGTH) throw new Bail('longKey', i)
          const v = skipSpaces(this.text, colon + 2, end)
          if (v === end) throw new Bail('multiline', start)
          const value = this.flowItem(v, end, depth)
          ;(coll as YAMLMap).items.push(newPair(key, value) as Pair<unknown, unknown>)
          if (setKey(obj, key.value as string, this.flowData)) this.hasDuplicateKeys = true
        } else {
          ;(coll as YAMLSeq).items.push(this.flowItem(i, end, depth))
          arr.push(this.flowData)
        }
        // flowItem left `termAt` after the item's trailing spaces.
        i = this.scan.at
        if (i === end) throw new Bail('multiline', start)
        const c = text.charCodeAt(i)
        if (c === close) break
        if (c !== 0x2c) throw new Bail(c === 0x09 ? 'tab' : 'flowSyntax', i)
        i = skipSpaces(this.text, i + 1, end)
        if (i === end) throw new Bail('multiline', start)
        const n = text.charCodeAt(i)
        if (n === close || n === 0x2c) throw new Bail('flowSyntax', i)
      }
    }
    coll.range = [start, i + 1, i + 1]
    this.scan.at = i + 1
    this.flowData = isMap ? obj : arr
    return coll
  }

  /** A flow sequence item or flow mapping value; its range[2] (and `termAt`) run over the spaces after it. */
  private flowItem(i: number, end: number, depth: number): ValueNode {
    const text = this.text
    const c = text.charCodeAt(i)
    let node: ValueNode
    let itemEnd: number
    if (c === 0x5b || c === 0x7b) {
      node = this.flow(i, end, depth + 1)
      itemEnd = this.scan.at
    } else if (c === 0x22 || c === 0x27) {
      node = this.quotedScalar(c, i, end)
      this.flowData = node.value
      itemEnd = node.range![1]
    } else {
      checkPlainStart(this.text, c, i, end, true)
      const scalarEnd = scanFlowPlain(this.text, i, end, false, this.scan)
      node = this.plain(text.slice(i, scalarEnd), i, scalarEnd, false)
      this.flowData = node.value
      itemEnd = scalarEnd
    }
    const after = skipSpaces(this.text, itemEnd, end)
    node.range![2] = after
    this.scan.at = after
    return node
  }

}

/** The parse, or why it bailed (for tests). Never throws. */
export function fastParseWithReason(text: string): { parsed: FastParsed } | { bail: BailReason; offset: number } {
  try {
    return { parsed: new FastParser(text).run() }
  } catch (error) {
    if (error instanceof Bail) return { bail: error.reason, offset: error.offset }
    // A bug here must never cost a lint: the caller falls back to the yaml package.
    return { bail: 'internal', offset: -1 }
  }
}

/**
 * Parses `text` (BOM already stripped) if it is in the block-YAML subset real configs use, exactly as the `yaml`
 * package would with parse.ts's options; `undefined` means "use the yaml package". Never throws.
 */
export function fastParse(text: string): FastParsed | undefined {
  const result = fastParseWithReason(text)
  return 'parsed' in result ? result.parsed : undefined
}
