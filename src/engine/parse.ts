// Parses a config as PyYAML would (YAML 1.1, last duplicate wins) and turns every parser problem into a `yaml-syntax` report with a range.
import {
  Composer,
  CST,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  Lexer,
  LineCounter,
  parseDocument,
  Parser,
  visit,
  YAMLParseError,
  type Alias,
  type Document,
  type Node,
  type Scalar,
  type YAMLError,
  type YAMLMap,
} from 'yaml'
import { fastParse } from './fast-parse.js'
import { PYYAML_DOCUMENT_OPTIONS } from './pyyaml-schema.js'

/** A `yaml-syntax` report that already knows its range (offsets into the linted text, end exclusive). */
export interface SyntaxReport {
  messageId: YamlSyntaxMessageId
  data: Record<string, string | number>
  path: string
  start: number
  end: number
  /** The data could not be built, or the bot could not load the file: no other rule runs. */
  fatal: boolean
}

export type YamlSyntaxMessageId =
  | 'syntaxError'
  | 'duplicateKey'
  | 'duplicateKeyOverridden'
  | 'unresolvedAlias'
  | 'aliasBomb'
  | 'multipleDocuments'
  | 'unknownTag'
  | 'nonPrintable'
  | 'tooDeep'
  | 'invalidEncoding'

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
}

/** Aliases that expand past this many nodes are a resource-exhaustion pattern, not configuration. */
export const MAX_ALIAS_COUNT = 100

// PyYAML's Reader rejects these before parsing; the bot would never start with such a file.
// eslint-disable-next-line no-control-regex
export const NON_PRINTABLE = /[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u

/** A file that is not UTF-8: one fatal report at the first bad byte; `prefix` is the text before it. */
export function encodingFailure(prefix: string, byte: number): ParsedConfig {
  const parsed = parseConfig('')
  const bom = prefix.charCodeAt(0) === 0xfeff
  const text = bom ? prefix.slice(1) : prefix
  return {
    ...parsed,
    text,
    bom,
    lineCounter: recount(text),
    data: undefined,
    fatal: true,
    syntax: [
      {
        messageId: 'invalidEncoding',
        data: { byte: `0x${byte.toString(16).toUpperCase().padStart(2, '0')}` },
        path: '',
        start: text.length,
        end: text.length,
        fatal: true,
      },
    ],
  }
}

/** Parses `source` exactly as the bot's loader would see it. Never throws. */
export function parseConfig(source: string): ParsedConfig {
  const bom = source.charCodeAt(0) === 0xfeff
  const text = bom ? source.slice(1) : source
  // The common case (block YAML as real configs use it) in one cheap pass; anything unusual bails out to yaml's
  // parser below. fastParse bails wherever a check below could report something, except duplicate keys.
  const fast = fastParse(text)
  if (fast) {
    const duplicates = fast.hasDuplicateKeys ? duplicateKeys(fast.doc, fast.lineCounter).sort((a, b) => a.start - b.start) : []
    return { text, bom, doc: fast.doc, lineCounter: fast.lineCounter, data: fast.data, syntax: duplicates, fatal: false }
  }
  const syntax: SyntaxReport[] = []
  const source11 = withYaml11Breaks(text)
  // Counted from the text, not by yaml's parser: after some errors (a stray quote) it skips line breaks.
  const lineCounter = countLines(source11)
  let doc: Document.Parsed | undefined
  let deepAt: number | undefined
  try {
    // parseDocument, in two steps, so that nesting is measured before the composer recurses into it.
    const tokens = Array.from(new Parser().parse(source11))
    deepAt = deepestCollection(tokens)
    if (deepAt === undefined) {
      const composer = new Composer(PYYAML_DOCUMENT_OPTIONS)
      for (const next of composer.compose(tokens, true, source11.length)) {
        if (!doc) doc = next
        else {
          doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents'))
          break
        }
      }
    }
  } catch {
    // Deep nesting is caught above; this is the last line of defence against a stack overflow.
  }
  if (!doc) {
    const offset = deepAt
    return {
      text,
      bom,
      doc: parseDocument(''),
      lineCounter,
      data: undefined,
      syntax: [offset === undefined ? tooDeep(text) : { messageId: 'tooDeep', data: {}, path: '', start: offset, end: offset + 1, fatal: true }],
      fatal: true,
    }
  }

  const bad = NON_PRINTABLE.exec(text)
  if (bad) {
    const code = bad[0].codePointAt(0) ?? 0
    syntax.push({
      messageId: 'nonPrintable',
      data: { char: `U+${code.toString(16).toUpperCase().padStart(4, '0')}` },
      path: '',
      start: bad.index,
      end: bad.index + bad[0].length,
      fatal: true,
    })
  }

  const firstError = doc.errors.find((e) => e.code !== 'MULTIPLE_DOCS')
  if (firstError) {
    // One report: after the first real error a recovering parser mostly reports its own recovery.
    syntax.push(fromYamlError(firstError, text))
  } else {
    const tab = rejectedTab(source11)
    if (tab !== -1) {
      const message = 'A tab, which the bot\'s loader (PyYAML) accepts only inside quoted strings, block scalars and comments: use spaces'
      syntax.push({ messageId: 'syntaxError', data: { message }, path: '', start: tab, end: tab + 1, fatal: true })
    }
  }
  const multi = doc.errors.find((e) => e.code === 'MULTIPLE_DOCS')
  if (multi) {
    // yaml.safe_load refuses a stream of several documents ("expected a single document in the stream").
    syntax.push({ messageId: 'multipleDocuments', data: {}, path: '', start: multi.pos[0], end: lineEnd(text, multi.pos[0]), fatal: true })
  }
  for (const warning of doc.warnings) {
    if (warning.code === 'TAG_RESOLVE_FAILED') {
      // The safe loader has no constructor for it ("could not determine a constructor for the tag").
      syntax.push({ messageId: 'unknownTag', data: { message: firstLine(warning.message) }, path: '', start: warning.pos[0], end: Math.max(warning.pos[1], warning.pos[0] + 1), fatal: true })
    }
  }

  if (!syntax.some((s) => s.fatal)) {
    syntax.push(...duplicateKeys(doc, lineCounter))
    syntax.push(...aliasProblems(doc))
    syntax.push(...unhashableKeys(doc))
  }

  let data: unknown
  const fatal = syntax.some((s) => s.fatal)
  if (!fatal) {
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT })
    } catch (error) {
      syntax.push(aliasFailure(doc, text, error))
    }
  }
  syntax.sort((a, b) => a.start - b.start)
  return { text, bom, doc, lineCounter, data, syntax, fatal: syntax.some((s) => s.fatal) }
}

function fromYamlError(error: YAMLError, text: string): SyntaxReport {
  let [start, end] = error.pos
  // yaml marks an indentation error from the line start; the token that is off is the useful place.
  while (text[start] === ' ') start++
  if (end <= start) end = start + 1
  if (/call stack/i.test(error.message)) {
    return { messageId: 'tooDeep', data: {}, path: '', start: Math.min(start, text.length), end: Math.min(end, text.length), fatal: true }
  }
  // Keep the span inside the text: at the end of the file it is empty, right after the last character.
  start = Math.min(start, text.length)
  end = Math.min(Math.max(end, start + 1), text.length)
  return { messageId: 'syntaxError', data: { message: firstLine(error.message) }, path: '', start, end: Math.max(end, start), fatal: true }
}

/** yaml messages end with " at line L, column C:" and an excerpt; the finding has its own position. */
function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').replace(/:$/, '')
}

function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset)
  const end = nl === -1 ? text.length : nl
  return end > offset ? (text[end - 1] === '\r' ? end - 1 : end) : offset + 1
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

/**
 * Every repeated key of every mapping, reported at its 2nd, 3rd... occurrence with the line of the first;
 * an occurrence that a later one replaces says so, since only the last reaches the bot.
 */
function duplicateKeys(doc: Document.Parsed, lineCounter: LineCounter): SyntaxReport[] {
  const out: SyntaxReport[] = []
  walkMaps(doc.contents, '', (map, path) => {
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
      const line = (node: Node): number => lineCounter.linePos(node.range![0]).line
      const last = keys[keys.length - 1]!
      keys.slice(1).forEach((key) => {
        const name = String((key as Scalar).value)
        out.push({
          messageId: key === last ? 'duplicateKey' : 'duplicateKeyOverridden',
          data: { key: name, firstLine: line(keys[0]!), lastLine: line(last) },
          path: `${path}/${escapePointer(name)}`,
          start: key.range![0],
          end: key.range![1],
          fatal: false,
        })
      })
    }
  })
  return out
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

/** Aliases whose anchor is not defined before them: PyYAML fails with "found undefined alias". */
function aliasProblems(doc: Document.Parsed): SyntaxReport[] {
  const out: SyntaxReport[] = []
  visit(doc, {
    Alias(_key, node) {
      if (node.resolve(doc) === undefined && node.range) {
        out.push({
          messageId: 'unresolvedAlias',
          data: { name: node.source },
          path: '',
          start: node.range[0],
          end: node.range[1],
          fatal: true,
        })
      }
    },
  })
  return out
}

/** A mapping or sequence used as a key: PyYAML fails with "found unhashable key" (yaml would stringify it). */
function unhashableKeys(doc: Document.Parsed): SyntaxReport[] {
  const out: SyntaxReport[] = []
  walkMaps(doc.contents, '', (map) => {
    for (const pair of map.items) {
      const key = isAlias(pair.key) ? pair.key.resolve(doc) : pair.key
      const kind = isMap(key) ? 'mapping' : isSeq(key) ? 'sequence' : undefined
      const range = (pair.key as Node | null)?.range
      if (kind === undefined || !range) continue
      const message = `A ${kind} used as a mapping key, which the bot's loader (PyYAML) rejects ("found unhashable key")`
      out.push({ messageId: 'syntaxError', data: { message }, path: '', start: range[0], end: Math.max(range[1], range[0] + 1), fatal: true })
    }
  })
  return out
}

/** toJS threw: an alias bomb (count over the limit) or some alias we could not resolve. */
function aliasFailure(doc: Document.Parsed, text: string, error: unknown): SyntaxReport {
  let alias: Alias | undefined
  visit(doc, {
    Alias(_key, node) {
      alias ??= node
      return undefined
    },
  })
  const start = alias?.range?.[0] ?? 0
  const end = alias?.range?.[1] ?? lineEnd(text, 0)
  const excessive = error instanceof Error && /excessive alias/i.test(error.message)
  return {
    messageId: excessive ? 'aliasBomb' : 'unresolvedAlias',
    data: excessive ? { name: alias?.source ?? '', limit: MAX_ALIAS_COUNT } : { name: alias?.source ?? '' },
    path: '',
    start,
    end: Math.max(end, start + 1),
    fatal: true,
  }
}

/**
 * Nesting deeper than this is reported instead of parsed. yaml's composer recurses for every level, and when it runs
 * out of stack V8 may abort the whole process (a regular expression compiled there fails with a fatal "out of memory")
 * instead of throwing. PyYAML gives up a little deeper, at about 491 levels (Python's recursion limit), so the
 * finding's "the bot's loader fails on it too" holds (give or take the bot's own stack).
 */
export const MAX_DEPTH = 490

/** Offset of the first collection (in document order) nested deeper than MAX_DEPTH, measured on the CST without recursion. */
function deepestCollection(tokens: readonly CST.Token[]): number | undefined {
  const stack: [CST.Token | undefined, number][] = tokens.map((t): [CST.Token, number] => [t, 0]).reverse()
  while (stack.length > 0) {
    const [token, depth] = stack.pop()!
    if (!token) continue
    if (token.type === 'document') {
      stack.push([token.value, depth])
    } else if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      if (depth + 1 > MAX_DEPTH) return token.offset
      const items = token.items as readonly { key?: CST.Token | null; value?: CST.Token }[]
      for (let i = items.length - 1; i >= 0; i--) {
        stack.push([items[i]!.value, depth + 1])
        stack.push([items[i]!.key ?? undefined, depth + 1])
      }
    }
  }
  return undefined
}

function tooDeep(text: string): SyntaxReport {
  return { messageId: 'tooDeep', data: {}, path: '', start: 0, end: lineEnd(text, 0), fatal: true }
}

function recount(text: string): LineCounter {
  return countLines(withYaml11Breaks(text))
}

/** Line starts of a text whose line breaks are all LF (or CRLF). */
function countLines(source: string): LineCounter {
  const lc = new LineCounter()
  lc.addNewLine(0)
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) lc.addNewLine(i + 1)
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

/**
 * PyYAML separates tokens with spaces only: a tab anywhere but inside a quoted or block scalar or a comment stops its
 * scanner ("found character '\\t' that cannot start any token"), where yaml accepts most of them. The offset of the
 * first such tab, or -1.
 */
export function rejectedTab(source: string): number {
  if (!source.includes('\t')) return -1
  let offset = 0
  let scalarNext = false
  let blockHeader = false
  for (const token of new Lexer().lex(source)) {
    // Control tokens mark what follows and take no room in the source.
    if (token === CST.DOCUMENT || token === CST.FLOW_END) continue
    if (token === CST.SCALAR) {
      scalarNext = true
      continue
    }
    const type = scalarNext ? (blockHeader ? 'block-scalar' : 'plain-scalar') : CST.tokenType(token)
    if (scalarNext) blockHeader = false
    else if (type === 'block-scalar-header') blockHeader = true
    scalarNext = false
    if (type !== 'comment' && type !== 'single-quoted-scalar' && type !== 'double-quoted-scalar' && type !== 'block-scalar') {
      const tab = token.indexOf('\t')
      if (tab !== -1) return offset + tab
    }
    offset += token.length
  }
  return -1
}
