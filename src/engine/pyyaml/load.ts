// yaml.safe_load as the bot calls it, ported: the first problem PyYAML stops at, or the data, repeated keys and aliases.
import { toPointer } from '../locate.js'
import { Composer, type AliasInfo, type PyNode } from './composer.js'
import { Constructor, MergeBomb, type RepeatedKey } from './constructor.js'
import { LoadError, type LoadStage } from './errors.js'
import { Parser } from './parser.js'
import { NON_PRINTABLE, type Mark } from './reader.js'
import { Scanner } from './scanner.js'

/** Offsets into the text (UTF-16 code units), end exclusive. */
export interface TextSpan {
  readonly start: number
  readonly end: number
}

/** Why safe_load fails; `span` is PyYAML's problem mark (or, without one, the node or character at fault). */
export interface LoadFailure {
  readonly stage: LoadStage
  readonly problem: string
  readonly context: string | null
  /** The context mark as a 1-based line and column, when PyYAML gives one. */
  readonly contextAt: { readonly line: number; readonly column: number } | null
  readonly span: TextSpan
  /** Whether PyYAML's own error carries this position (a marked error or the reader's); false for ValueError and the like. */
  readonly marked: boolean
  /** The offending character, for the reader's refusal. */
  readonly char?: number
  /** The kind of the node at fault, for a constructor's refusal. */
  readonly nodeKind?: 'scalar' | 'sequence' | 'mapping'
}

export interface LoadedKey extends TextSpan {
  readonly line: number
}

/** A key written more than once in one mapping: its JS name, the mapping's JSON pointer, and every occurrence. */
export interface RepeatedKeyReport {
  readonly name: string
  /** The key as messages show it (see RepeatedKey.display). */
  readonly display?: string
  readonly mapPath: string
  readonly keys: readonly LoadedKey[]
}

export interface Loaded {
  readonly ok: true
  readonly data: unknown
  readonly repeated: readonly RepeatedKeyReport[]
  readonly firstAlias: (TextSpan & { name: string }) | undefined
  /** An alias to a collection that contains it: the data is cyclic. */
  readonly recursiveAlias: (TextSpan & { name: string }) | undefined
  /** Merges copying more pairs than MAX_MERGED_PAIRS: the data was not built. */
  readonly mergeBomb: TextSpan | undefined
  /** Nodes in the text (aliases not counted). */
  readonly nodeCount: number
}

export type LoadResult = Loaded | { readonly ok: false; readonly failure: LoadFailure }

/**
 * Loads `text` as PyYAML 6's yaml.safe_load loads the string the bot reads from the file. `bomRemoved`: the caller
 * already dropped a leading BOM (PyYAML skips one BOM at the very start, and reads any other as content). Never throws.
 */
export function loadAsPyYAML(text: string, bomRemoved: boolean): LoadResult {
  const bad = NON_PRINTABLE.exec(text)
  if (bad) {
    const span = { start: bad.index, end: bad.index + bad[0].length }
    return { ok: false, failure: { stage: 'reader', problem: 'special characters are not allowed', context: null, contextAt: null, span, marked: true, char: bad[0].codePointAt(0)! } }
  }
  const scanner = new Scanner(text, bomRemoved)
  const composer = new Composer(new Parser(scanner))
  const constructor = new Constructor(composer.aliasKeys)
  const spanOf = (start: Mark, end: Mark = start): TextSpan => ({ start: scanner.offsetOf(start.pointer), end: scanner.offsetOf(end.pointer) })
  try {
    const root = composer.getSingleNode()
    const alias = (a: AliasInfo | undefined): (TextSpan & { name: string }) | undefined => (a ? { name: a.name, ...spanOf(a.start, a.end) } : undefined)
    let data: unknown = null
    let mergeBomb: TextSpan | undefined
    try {
      if (root) data = constructor.constructDocument(root)
    } catch (error) {
      if (!(error instanceof MergeBomb)) throw error
      mergeBomb = spanOf(error.node.start)
    }
    const repeated = root && !mergeBomb ? repeatedKeys(root, constructor, spanOf) : []
    const [firstAlias, recursiveAlias] = [alias(composer.firstAlias), alias(composer.recursiveAlias)]
    return { ok: true, data, repeated, firstAlias, recursiveAlias, mergeBomb, nodeCount: composer.nodeCount }
  } catch (error) {
    if (error instanceof LoadError) {
      const mark = error.problemMark
      const point = mark ? spanOf(mark) : null
      const node = error.node ? spanOf(error.node.start, error.node.end) : null
      const span = point && node && node.start === point.start ? node : (point ?? node ?? { start: 0, end: 0 })
      const c = error.contextMark
      const contextAt = c && (!mark || c.line !== mark.line || c.column !== mark.column) ? { line: c.line + 1, column: c.column + 1 } : null
      const { stage, problem, context } = error
      const failure: LoadFailure = { stage, problem, context, contextAt, span, marked: mark !== null, nodeKind: error.node?.kind }
      return { ok: false, failure }
    }
    if (error instanceof RangeError) {
      // A stack overflow in a recursive step the port shares with PyYAML, which would raise RecursionError there too.
      return { ok: false, failure: { stage: 'python', problem: 'RecursionError: maximum recursion depth exceeded', context: null, contextAt: null, span: { start: 0, end: 0 }, marked: false } }
    }
    throw error
  }
}

/** Repeated keys with the JSON pointer of their mapping (the first path that reaches it, last duplicate wins). */
function repeatedKeys(root: PyNode, constructor: Constructor, spanOf: (start: Mark, end?: Mark) => TextSpan): RepeatedKeyReport[] {
  if (constructor.repeated.length === 0) return []
  const paths = new Map<PyNode, string>()
  const stack: [PyNode, (string | number)[]][] = [[root, []]]
  while (stack.length > 0) {
    const [node, segments] = stack.pop()!
    if (paths.has(node)) continue
    paths.set(node, toPointer(segments))
    if (node.kind === 'sequence') for (let i = node.value.length - 1; i >= 0; i--) stack.push([node.value[i]!, [...segments, i]])
    else if (node.kind === 'mapping') {
      for (let i = node.value.length - 1; i >= 0; i--) {
        const [key, value] = node.value[i]!
        const name = constructor.jsKeyOf(key)
        if (name !== undefined) stack.push([value, [...segments, name]])
      }
    }
  }
  return constructor.repeated.map((r: RepeatedKey) => ({
    name: r.name,
    display: r.display,
    mapPath: paths.get(r.map) ?? '',
    keys: r.keys.map(({ node, alias }) => {
      const at = alias ?? node
      return { ...spanOf(at.start, at.end), line: at.start.line + 1 }
    }),
  }))
}
