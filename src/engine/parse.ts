// Parses a config as PyYAML would (YAML 1.1, last duplicate wins) and turns every parser problem into a `yaml-syntax` report with a range.
import {
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  type Alias,
  type Document,
  type Node,
  type Scalar,
  type YAMLError,
  type YAMLMap,
} from 'yaml'
import { pyyamlTags } from './pyyaml-schema.js'

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
const NON_PRINTABLE = /[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u

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
  const lineCounter = new LineCounter()
  const syntax: SyntaxReport[] = []
  let doc: Document.Parsed
  try {
    doc = parseDocument(text, {
      version: '1.1',
      customTags: pyyamlTags,
      uniqueKeys: false,
      prettyErrors: false,
      lineCounter,
    })
  } catch {
    // The composer recurses per nesting level; absurd depth overflows the stack.
    const empty = parseDocument('', { lineCounter: new LineCounter() })
    return {
      text,
      bom,
      doc: empty,
      lineCounter: recount(text),
      data: undefined,
      syntax: [tooDeep(text)],
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
  }
  const multi = doc.errors.find((e) => e.code === 'MULTIPLE_DOCS')
  if (multi) {
    syntax.push({ messageId: 'multipleDocuments', data: {}, path: '', start: multi.pos[0], end: lineEnd(text, multi.pos[0]), fatal: false })
  }
  for (const warning of doc.warnings) {
    if (warning.code === 'TAG_RESOLVE_FAILED') {
      syntax.push({ messageId: 'unknownTag', data: { message: firstLine(warning.message) }, path: '', start: warning.pos[0], end: Math.max(warning.pos[1], warning.pos[0] + 1), fatal: false })
    }
  }

  if (!syntax.some((s) => s.fatal)) {
    syntax.push(...duplicateKeys(doc, lineCounter))
    syntax.push(...aliasProblems(doc))
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
function walkMaps(node: unknown, path: string, onMap: (map: YAMLMap, path: string) => void, depth = 0): void {
  if (depth > 10_000) return
  if (isMap(node)) {
    onMap(node, path)
    for (const pair of node.items) {
      const key = isScalar(pair.key) && typeof pair.key.value !== 'symbol' ? String(pair.key.value) : undefined
      if (key !== undefined) walkMaps(pair.value, `${path}/${escapePointer(key)}`, onMap, depth + 1)
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => walkMaps(item, `${path}/${index}`, onMap, depth + 1))
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

function tooDeep(text: string): SyntaxReport {
  return { messageId: 'tooDeep', data: {}, path: '', start: 0, end: lineEnd(text, 0), fatal: true }
}

function recount(text: string): LineCounter {
  const lc = new LineCounter()
  lc.addNewLine(0)
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lc.addNewLine(i + 1)
  return lc
}
