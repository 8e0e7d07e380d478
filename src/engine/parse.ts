// Parses a config exactly as the bot's PyYAML does (yaml.safe_load: YAML 1.1, last duplicate wins) and turns what PyYAML
// refuses into `yaml-syntax` reports; yaml's Document supplies the node ranges that locate, fixes and directives need.
import { Composer, CST, isMap, isScalar, isSeq, Lexer, LineCounter, parseDocument, Parser, type Document, type Node, type YAMLMap } from 'yaml'
import { fastParse } from './fast-parse.js'
import { loadAsPyYAML, type Loaded } from './pyyaml/load.js'
import { PYYAML_DOCUMENT_OPTIONS } from './pyyaml-schema.js'
import { isTabFailure, lineEnd, refusalReport, repeatedKeyReports, type SyntaxReport } from './syntax-reports.js'

export { NON_PRINTABLE } from './pyyaml/reader.js'
export { MAX_DEPTH } from './pyyaml/composer.js'
export type { SyntaxReport } from './syntax-reports.js'
export type { YamlSyntaxMessageId } from '../rules/yaml-syntax.js'

export interface ParsedConfig {
  /** The text as linted: a leading BOM is removed (as ESLint does), so columns match what editors show. */
  text: string
  bom: boolean
  doc: Document.Parsed
  lineCounter: LineCounter
  /** The data the bot sees; `undefined` when a fatal problem made it unavailable. */
  data: unknown
  syntax: SyntaxReport[]
  fatal: boolean
  /** The report of the problem that stops the bot's loader (yaml.safe_load raises); undefined when the bot loads the file. */
  refusal: SyntaxReport | undefined
}

/**
 * Aliases (and merges) may add this many values to the data before the file counts as a resource-exhaustion pattern:
 * PyYAML shares aliased values, so the bot may load it, but every rule would walk each copy.
 */
export const ALIAS_EXPANSION_LIMIT = 1_000

/** A file that is not UTF-8: one fatal report at the first bad byte; `prefix` is the text before it. */
export function encodingFailure(prefix: string, byte: number): ParsedConfig {
  const bom = prefix.charCodeAt(0) === 0xfeff
  const text = bom ? prefix.slice(1) : prefix
  const refusal: SyntaxReport = {
    messageId: 'invalidEncoding',
    data: { byte: `0x${byte.toString(16).toUpperCase().padStart(2, '0')}` },
    path: '',
    start: text.length,
    end: text.length,
    fatal: true,
  }
  return { text, bom, doc: parseDocument(''), lineCounter: pyyamlLines(text), data: undefined, syntax: [refusal], fatal: true, refusal }
}

/** Parses `source` exactly as the bot's loader would see it. Never throws. */
export function parseConfig(source: string): ParsedConfig {
  const bom = source.charCodeAt(0) === 0xfeff
  const text = bom ? source.slice(1) : source
  // The common case (block YAML as real configs use it) in one cheap pass, which bails out to the PyYAML port below on
  // anything it has not proved PyYAML reads the same way.
  const fast = fastParse(text)
  if (fast) {
    const duplicates = fast.hasDuplicateKeys ? duplicateKeys(fast.doc, fast.lineCounter).sort((a, b) => a.start - b.start) : []
    return { text, bom, doc: fast.doc, lineCounter: fast.lineCounter, data: fast.data, syntax: duplicates, fatal: false, refusal: undefined }
  }
  const loaded = loadAsPyYAML(text, bom)
  // Lines as PyYAML counts them, so that a finding's line is the line of PyYAML's mark.
  const lineCounter = pyyamlLines(text)
  const tooDeep = !loaded.ok && /recursion depth/.test(loaded.failure.problem)
  const doc = tooDeep ? parseDocument('') : positionsDocument(withYaml11Breaks(text))
  if (!loaded.ok) {
    const refusal = refusalReport(loaded.failure, text)
    return { text, bom, doc, lineCounter, data: undefined, syntax: [refusal], fatal: true, refusal }
  }
  const syntax = repeatedKeyReports(loaded.repeated, escapePointer)
  const unusable = unusableData(loaded, text)
  if (unusable) syntax.push(unusable)
  syntax.sort((a, b) => a.start - b.start)
  return { text, bom, doc, lineCounter, data: unusable ? undefined : loaded.data, syntax, fatal: unusable !== undefined, refusal: undefined }
}

/**
 * yaml's Document of the text, for node ranges only: whether the text loads is PyYAML's call, so yaml's errors are
 * ignored. Nesting too deep for yaml's recursive composer gets an empty document (ranges then fall back to the root).
 */
function positionsDocument(source11: string): Document.Parsed {
  try {
    const tokens = Array.from(new Parser().parse(source11))
    if (deepestCollection(tokens) === undefined) {
      for (const doc of new Composer(PYYAML_DOCUMENT_OPTIONS).compose(tokens, true, source11.length)) return doc
    }
  } catch {
    // The last line of defence against a stack overflow in yaml's composer.
  }
  return parseDocument('')
}

/** Data the bot loads but lint-config cannot check: an alias bomb, a merge bomb, a recursive structure. */
function unusableData(loaded: Loaded, text: string): SyntaxReport | undefined {
  const alias = loaded.recursiveAlias ?? loaded.firstAlias
  const at = (span: { start: number; end: number }): Pick<SyntaxReport, 'start' | 'end'> => ({ start: span.start, end: Math.max(span.end, span.start + 1) })
  if (loaded.recursiveAlias) {
    return { messageId: 'recursiveAlias', data: { name: loaded.recursiveAlias.name }, path: '', ...at(loaded.recursiveAlias), fatal: true }
  }
  const limit = ALIAS_EXPANSION_LIMIT
  const bomb = (): SyntaxReport => ({
    messageId: 'aliasBomb',
    data: { name: alias?.name ?? '', limit: limit.toLocaleString('en-US') },
    path: '',
    ...at(alias ?? loaded.mergeBomb ?? { start: 0, end: lineEnd(text, 0) }),
    fatal: true,
  })
  if (loaded.mergeBomb) return bomb()
  if (loaded.firstAlias && expandedSize(loaded.data, loaded.nodeCount + limit) > loaded.nodeCount + limit) return bomb()
  return undefined
}

/** The number of values in `data` with every shared reference expanded, counted without expanding (at most `cap` + 1). */
function expandedSize(data: unknown, cap: number): number {
  const sizes = new Map<object, number>()
  const children = (value: object): unknown[] =>
    Array.isArray(value) ? value : value instanceof Set ? [...value] : value instanceof Date || ArrayBuffer.isView(value) ? [] : Object.values(value)
  const stack: [unknown, boolean][] = [[data, false]]
  while (stack.length > 0) {
    const [value, done] = stack.pop()!
    if (value === null || typeof value !== 'object' || (sizes.has(value) && !done)) continue
    if (!done) {
      stack.push([value, true])
      for (const child of children(value)) if (child !== null && typeof child === 'object' && !sizes.has(child)) stack.push([child, false])
      continue
    }
    let size = 1
    for (const child of children(value)) size += child !== null && typeof child === 'object' ? (sizes.get(child) ?? 0) : 1
    sizes.set(value, Math.min(size, cap + 1))
  }
  return data !== null && typeof data === 'object' ? (sizes.get(data) ?? 0) : 1
}

/** A mapping key as PyYAML compares keys: by constructed value, with True == 1 as in Python. */
function keyIdentity(key: unknown): string | undefined {
  if (!isScalar(key)) return undefined
  const value = key.value
  if (typeof value === 'symbol') return undefined
  if (typeof value === 'boolean') return `n:${value ? 1 : 0}`
  if (typeof value === 'number') return `n:${value}`
  if (value === null) return 'null'
  if (value instanceof Date) return `d:${value.toISOString()}`
  return `s:${String(value)}`
}

/** The fast path's repeated keys (its keys are all plain strings), from its yaml Document. */
function duplicateKeys(doc: Document.Parsed, lineCounter: LineCounter): SyntaxReport[] {
  const repeated: { name: string; mapPath: string; keys: { start: number; end: number; line: number }[] }[] = []
  walkMaps(doc.contents, '', (map, mapPath) => {
    const occurrences = new Map<string, Node[]>()
    for (const pair of map.items) {
      const id = keyIdentity(pair.key)
      if (id === undefined || !isScalar(pair.key) || !pair.key.range) continue
      const list = occurrences.get(id)
      if (list) list.push(pair.key)
      else occurrences.set(id, [pair.key])
    }
    for (const keys of occurrences.values()) {
      if (keys.length < 2) continue
      const name = String((keys[0] as { value: unknown }).value)
      repeated.push({ name, mapPath, keys: keys.map((k) => ({ start: k.range![0], end: k.range![1], line: lineCounter.linePos(k.range![0]).line })) })
    }
  })
  return repeatedKeyReports(repeated, escapePointer)
}

/** Visits each mapping with the JSON pointer of the data it becomes (last duplicate wins, like the data). */
function walkMaps(node: unknown, path: string, onMap: (map: YAMLMap, path: string) => void): void {
  // Iterative, and pointers are built only for mappings: configs run to tens of thousands of nodes.
  const stack: [unknown, string][] = [[node, path]]
  while (stack.length > 0) {
    const [current, at] = stack.pop()!
    if (isMap(current)) {
      onMap(current, at)
      for (let i = current.items.length - 1; i >= 0; i--) {
        const pair = current.items[i]!
        const value = pair.value
        if (!isMap(value) && !isSeq(value)) continue
        const key = isScalar(pair.key) && typeof pair.key.value !== 'symbol' ? String(pair.key.value) : undefined
        if (key !== undefined) stack.push([value, `${at}/${escapePointer(key)}`])
      }
    } else if (isSeq(current)) {
      for (let i = current.items.length - 1; i >= 0; i--) {
        const item = current.items[i]
        if (isMap(item) || isSeq(item)) stack.push([item, `${at}/${i}`])
      }
    }
  }
}

export function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1')
}

/** Nesting deeper than this is never handed to yaml's composer, which recurses per level and may abort the process. */
const MAX_YAML_DEPTH = 490

/** Offset of the first collection (in document order) nested deeper than MAX_YAML_DEPTH, measured on the CST without recursion. */
function deepestCollection(tokens: readonly CST.Token[]): number | undefined {
  const stack: [CST.Token | undefined, number][] = tokens.map((t): [CST.Token, number] => [t, 0]).reverse()
  while (stack.length > 0) {
    const [token, depth] = stack.pop()!
    if (!token) continue
    if (token.type === 'document') {
      stack.push([token.value, depth])
    } else if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      if (depth + 1 > MAX_YAML_DEPTH) return token.offset
      const items = token.items as readonly { key?: CST.Token | null; value?: CST.Token }[]
      for (let i = items.length - 1; i >= 0; i--) {
        stack.push([items[i]!.value, depth + 1])
        stack.push([items[i]!.key ?? undefined, depth + 1])
      }
    }
  }
  return undefined
}

/** Line starts where PyYAML's reader starts lines: after LF, CRLF, a lone CR, NEL, LS and PS. */
function pyyamlLines(text: string): LineCounter {
  const lc = new LineCounter()
  lc.addNewLine(0)
  const breaks = /\r\n?|[\n\x85\u2028\u2029]/g
  for (let m = breaks.exec(text); m; m = breaks.exec(text)) lc.addNewLine(m.index + m[0].length)
  return lc
}

export const YAML11_BREAKS = /\r(?!\n)|[\x85\u2028\u2029]/g

/**
 * PyYAML (YAML 1.1) also breaks lines at a lone CR (old Mac line endings), NEL, LS and PS, where yaml sees ordinary
 * characters: a CR-only file would be one long line, and an LS pasted into a comment would hide the rest of the line
 * from us but not from the bot. Each such break becomes an LF of the same length, so every offset still points into
 * the text; inside quoted strings they stay, since there yaml's stricter indentation rules would reject the fold.
 */
function withYaml11Breaks(text: string): string {
  YAML11_BREAKS.lastIndex = 0
  if (!YAML11_BREAKS.test(text)) return text
  const quoted: [number, number][] = []
  let offset = 0
  let scalarNext = false
  for (const token of new Lexer().lex(text)) {
    if (token === CST.DOCUMENT || token === CST.FLOW_END) continue
    if (token === CST.SCALAR) {
      scalarNext = true
      continue
    }
    const type = scalarNext ? 'scalar' : CST.tokenType(token)
    scalarNext = false
    if (type === 'single-quoted-scalar' || type === 'double-quoted-scalar') quoted.push([offset, offset + token.length])
    offset += token.length
  }
  let next = 0
  return text.replace(YAML11_BREAKS, (found: string, at: number) => {
    while (next < quoted.length && quoted[next]![1] <= at) next++
    return next < quoted.length && quoted[next]![0] <= at ? found : '\n'
  })
}

/** The offset of the tab PyYAML stops at ("found character '\t' that cannot start any token"), or -1. */
export function rejectedTab(source: string): number {
  if (!source.includes('\t')) return -1
  const loaded = loadAsPyYAML(source, false)
  return !loaded.ok && isTabFailure(loaded.failure) ? loaded.failure.span.start : -1
}
