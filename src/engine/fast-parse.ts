// A single-pass parser for the block-YAML subset real bot configs use, producing exactly what the `yaml` package's
// composer (YAML 1.1, pyyamlTags, uniqueKeys: false) and `doc.toJS()` produce, or `undefined` ("bail out") for
// anything it is not sure about, so that the caller falls back to the `yaml` package.
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
import { PYYAML_DOCUMENT_OPTIONS } from './pyyaml-schema.js'

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

/** The options parse.ts composes with (the Composer's; keep the two in step). */
/** The options both parse paths compose with (kept in one place so the paths cannot drift apart). */
export const FAST_PARSE_DOCUMENT_OPTIONS = PYYAML_DOCUMENT_OPTIONS

/** Block nesting (and flow nesting) deeper than this is left to the slow path, which reports absurd depth. */
const MAX_BLOCK_DEPTH = 200
const MAX_FLOW_DEPTH = 64
/** yaml (strict) rejects an implicit key whose `:` is more than 1024 characters after its start. */
const MAX_KEY_LENGTH = 1000

class Bail {
  constructor(
    readonly reason: BailReason,
    readonly offset: number,
  ) {}
}

/** The tags a plain scalar may resolve to; anything else (timestamps, merge keys as values...) bails. */
const NULL_TAG = 'tag:yaml.org,2002:null'
const BOOL_TAG = 'tag:yaml.org,2002:bool'
const INT_TAG = 'tag:yaml.org,2002:int'
const FLOAT_TAG = 'tag:yaml.org,2002:float'
const TIMESTAMP_TAG = 'tag:yaml.org,2002:timestamp'
const MERGE_TAG = 'tag:yaml.org,2002:merge'

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

const enum Pending {
  None,
  Value,
  Empty,
}

const enum Term {
  Eol,
  Colon,
  Comment,
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
  private term = Term.Eol
  private termAt = 0
  private scanValue = ''
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
        this.checkComment(i + 1, end)
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

  private keyLine(frame: Frame, i: number, end: number, next: number, hasBreak: boolean): void {
    const text = this.text
    const c = text.charCodeAt(i)
    let key: Scalar
    let colon: number
    if (c === 0x22 || c === 0x27) {
      const close = this.quoted(i, end)
      key = this.quotedNode(c, i, close + 1)
      colon = this.skipSpaces(close + 1, end)
      if (colon === end || text.charCodeAt(colon) !== 0x3a || !this.isBlankAt(colon + 1, end)) throw new Bail('syntax', i)
    } else {
      this.checkPlainStart(c, i, end, false)
      const keyEnd = this.scanBlockPlain(i, end)
      if (this.term !== Term.Colon) throw new Bail('syntax', i)
      colon = this.termAt
      key = this.plain(text.slice(i, keyEnd), i, keyEnd, true)
    }
    this.pairAfterKey(frame, key, i, colon, end, next, hasBreak)
  }

  private seqItem(frame: Frame, lineStart: number, i: number, end: number, next: number, hasBreak: boolean): void {
    const text = this.text
    const j = this.skipSpaces(i + 1, end)
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
      this.ivEnd = this.termAt
      return -1
    }
    if (c === 0x22 || c === 0x27) {
      const close = this.quoted(j, end)
      const node = this.quotedNode(c, j, close + 1)
      this.ivNode = node
      this.ivData = node.value
      this.ivEnd = close + 1
      const after = this.skipSpaces(close + 1, end)
      return after < end && text.charCodeAt(after) === 0x3a && this.isBlankAt(after + 1, end) ? after : -1
    }
    this.checkPlainStart(c, j, end, false)
    const scalarEnd = this.scanBlockPlain(j, end)
    const isKey = this.term === Term.Colon
    const node = this.plain(text.slice(j, scalarEnd), j, scalarEnd, isKey)
    this.ivNode = node
    this.ivData = node.value
    this.ivEnd = scalarEnd
    return isKey ? this.termAt : -1
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
    const k = this.skipSpaces(colon + 1, end)
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
        this.checkComment(k + 1, end)
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
    const i = this.skipSpaces(from, end)
    if (i === end) return
    if (this.text.charCodeAt(i) !== 0x23 || i === from) {
      throw new Bail(this.text.charCodeAt(i) === 0x09 ? 'tab' : 'syntax', i)
    }
    this.checkComment(i + 1, end)
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
    if (mayResolveToNonString(source)) {
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
      // PyYAML resolves a plain `=` to YAML 1.1's value tag, which its safe loader has no constructor for.
      if (!atKey && source === '=') throw new Bail('syntax', start)
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

  /** A quoted scalar from `start` to `end` (after the closing quote); `scanValue` holds its value. */
  private quotedNode(quote: number, start: number, end: number): Scalar {
    const value = this.scanValue
    const node = newScalar(value)
    node.range = [start, end, end]
    node.source = value
    node.type = quote === 0x22 ? Scalar.QUOTE_DOUBLE : Scalar.QUOTE_SINGLE
    return node
  }

  /** Scans a one-line quoted scalar at `start`; returns the offset of its closing quote and sets `scanValue`. */
  private quoted(start: number, end: number): number {
    const text = this.text
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
      if (c < 0x20 || c > 0x7e) i = this.wide(c, i, true)
      else i++
    }
    const raw = text.slice(start + 1, i)
    this.scanValue = escaped ? raw.split("''").join("'") : raw
    return i
  }

  /**
   * The first character of a plain scalar (block or flow context): indicators that start something else, or that
   * yaml rejects, bail. A leading `-` is kept only before a digit, a letter or a dot (`-1.5`, `-foo`).
   */
  private checkPlainStart(c: number, at: number, end: number, inFlow: boolean): void {
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
        throw new Bail(at === 0 || this.text.charCodeAt(at - 1) === 0x0a ? 'directive' : inFlow ? 'flowSyntax' : 'syntax', at)
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
        const n = at + 1 < end ? this.text.charCodeAt(at + 1) : -1
        const ok = (n >= 0x30 && n <= 0x39) || (n >= 0x41 && n <= 0x5a) || (n >= 0x61 && n <= 0x7a) || n === 0x2e
        if (!ok) throw new Bail(inFlow ? 'flowSyntax' : 'syntax', at)
        return
      }
      default:
        if (c < 0x20) throw new Bail('nonPrintable', at)
    }
  }

  /**
   * A block-context plain scalar on one line: up to `: ` (term Colon), ` #` (term Comment) or the line's end.
   * Returns the end of the scalar, trailing spaces excluded.
   */
  private scanBlockPlain(start: number, end: number): number {
    const text = this.text
    let last = start
    let i = start
    while (i < end) {
      const c = text.charCodeAt(i)
      if (c === 0x20) {
        if (i + 1 < end && text.charCodeAt(i + 1) === 0x23) {
          this.term = Term.Comment
          this.termAt = i + 1
          return last
        }
        i++
      } else if (c === 0x3a) {
        if (i + 1 === end || text.charCodeAt(i + 1) === 0x20) {
          this.term = Term.Colon
          this.termAt = i
          return last
        }
        last = ++i
      } else if (c < 0x20 || c > 0x7e) {
        i = this.wide(c, i, false)
        last = i
      } else {
        last = ++i
      }
    }
    this.term = Term.Eol
    return last
  }

  /** Checks a character outside printable ASCII; returns the offset after it (2 for a surrogate pair) or bails. */
  private wide(c: number, i: number, tabOk: boolean): number {
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
      const low = this.text.charCodeAt(i + 1)
      if (low >= 0xdc00 && low <= 0xdfff) return i + 2
      throw new Bail('nonPrintable', i)
    }
    if (c <= 0xdfff || c === 0xfeff || c >= 0xfffe) throw new Bail('nonPrintable', i)
    return i + 1
  }

  /** A comment's text: anything printable, tabs included. */
  private checkComment(from: number, end: number): void {
    const text = this.text
    let i = from
    while (i < end) {
      const c = text.charCodeAt(i)
      // Printable ASCII, and the Latin-1 to CJK range below the line and paragraph separators, are fine.
      if ((c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c < 0x2028)) i++
      else i = this.wide(c, i, true)
    }
  }

  private skipSpaces(i: number, end: number): number {
    const text = this.text
    while (i < end && text.charCodeAt(i) === 0x20) i++
    return i
  }

  /** A space, or the end of the line (`:` must be followed by one of them to be a mapping indicator). */
  private isBlankAt(i: number, end: number): boolean {
    return i === end || this.text.charCodeAt(i) === 0x20
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
    let i = this.skipSpaces(start + 1, end)
    if (i === end) throw new Bail('multiline', start)
    if (text.charCodeAt(i) !== close) {
      for (;;) {
        if (isMap) {
          const c = text.charCodeAt(i)
          let key: Scalar
          let colon: number
          if (c === 0x22 || c === 0x27) {
            const q = this.quoted(i, end)
            key = this.quotedNode(c, i, q + 1)
            colon = this.skipSpaces(q + 1, end)
          } else {
            this.checkPlainStart(c, i, end, true)
            const keyEnd = this.scanFlowPlain(i, end, true)
            colon = this.termAt
            key = this.plain(text.slice(i, keyEnd), i, keyEnd, true)
          }
          if (colon >= end || text.charCodeAt(colon) !== 0x3a || colon + 1 >= end || text.charCodeAt(colon + 1) !== 0x20) {
            throw new Bail('flowSyntax', colon)
          }
          const v = this.skipSpaces(colon + 2, end)
          if (v === end) throw new Bail('multiline', start)
          const value = this.flowItem(v, end, depth)
          ;(coll as YAMLMap).items.push(newPair(key, value) as Pair<unknown, unknown>)
          if (setKey(obj, key.value as string, this.flowData)) this.hasDuplicateKeys = true
        } else {
          ;(coll as YAMLSeq).items.push(this.flowItem(i, end, depth))
          arr.push(this.flowData)
        }
        // flowItem left `termAt` after the item's trailing spaces.
        i = this.termAt
        if (i === end) throw new Bail('multiline', start)
        const c = text.charCodeAt(i)
        if (c === close) break
        if (c !== 0x2c) throw new Bail(c === 0x09 ? 'tab' : 'flowSyntax', i)
        i = this.skipSpaces(i + 1, end)
        if (i === end) throw new Bail('multiline', start)
        const n = text.charCodeAt(i)
        if (n === close || n === 0x2c) throw new Bail('flowSyntax', i)
      }
    }
    coll.range = [start, i + 1, i + 1]
    this.termAt = i + 1
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
      itemEnd = this.termAt
    } else if (c === 0x22 || c === 0x27) {
      const q = this.quoted(i, end)
      node = this.quotedNode(c, i, q + 1)
      this.flowData = node.value
      itemEnd = q + 1
    } else {
      this.checkPlainStart(c, i, end, true)
      const scalarEnd = this.scanFlowPlain(i, end, false)
      node = this.plain(text.slice(i, scalarEnd), i, scalarEnd, false)
      this.flowData = node.value
      itemEnd = scalarEnd
    }
    const after = this.skipSpaces(itemEnd, end)
    node.range![2] = after
    this.termAt = after
    return node
  }

  /**
   * A plain scalar in a flow collection, up to `,[]{}` or the line's end (trailing spaces excluded). As a mapping
   * key it ends at its `:` (set in `termAt`); anywhere else a `:` bails, as does a `#`.
   */
  private scanFlowPlain(start: number, end: number, asKey: boolean): number {
    const text = this.text
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
          this.termAt = i
          return last
        }
        throw new Bail('flowSyntax', i)
      }
      // PyYAML ends a flow plain scalar at '?' too (it starts a key there), where yaml reads on.
      if (c === 0x23 || c === 0x3f) throw new Bail('flowSyntax', i)
      if (c < 0x20 || c > 0x7e) {
        i = this.wide(c, i, false)
        last = i
      } else {
        last = ++i
      }
    }
    if (asKey) throw new Bail('flowSyntax', i)
    this.termAt = last
    return last
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
