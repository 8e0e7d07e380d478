// The Fixer handed to rules: edits built from yaml node ranges, so rules never count offsets.
import { isCollection, isMap, isScalar, visit, type Document, type Node, type Pair, type YAMLMap } from 'yaml'
import type { Fixer, TextEdit } from '../types.js'
import { isMergeKey, parsePointer, resolvePointer, toPointer } from './locate.js'

/** Scalar text for a new value; a whole number keeps a `.0` where the old text was a float, as PyYAML would read it back. */
function renderScalar(value: string | number | boolean | null, oldSource: string | undefined): string {
  if (value === null) return 'null'
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  if (typeof value === 'number') {
    const text = String(value)
    return Number.isInteger(value) && oldSource !== undefined && /[.]/.test(oldSource) && !/[eE]/.test(text) ? `${text}.0` : text
  }
  return JSON.stringify(value)
}

export function createFixer(doc: Document, text: string): Fixer {
  return {
    replaceValue(path, value) {
      const { node, exact, shared } = resolvePointer(doc, path)
      // A node reached through an alias or a merge key is shared: editing it would change other places too.
      if (!exact || shared || !isScalar(node) || !node.range) return null
      const [start, end] = node.range
      return { range: [start, end], text: renderScalar(value, text.slice(start, end)) }
    },
    removeKey(path) {
      const segments = parsePointer(path)
      const name = segments.pop()
      if (name === undefined) return null
      const parent = resolvePointer(doc, toPointer(segments))
      if (!parent.exact || parent.shared || !isMap(parent.node)) return null
      const map = parent.node
      // Every occurrence of a repeated key: removing only the last (the one the bot reads) would bring back an earlier one.
      const pairs = map.items.filter((p) => isScalar(p.key) && !isMergeKey(p) && String(p.key.value) === name)
      if (pairs.length === 0) return null
      const edits = pairs.map((pair) => (map.flow ? removeFlowPair(map, pair, text) : removeBlockPair(pair, text)))
      if (edits.some((e) => e === null)) return null
      return mergeEdits(text, edits.flat()) ?? null
    },
    replaceRange(range, replacement) {
      return { range: [range[0], range[1]], text: replacement }
    },
  }
}

/** Offsets of the first character of each line of `text` that [start, end) touches (an empty span touches its own line). */
function lineStartsOf(text: string, start: number, end: number): number[] {
  const out = [text.lastIndexOf('\n', start - 1) + 1]
  for (let nl = text.indexOf('\n', start); nl !== -1 && nl + 1 < Math.max(end, start + 1); nl = text.indexOf('\n', nl + 1)) out.push(nl + 1)
  return out
}

/**
 * A block pair goes with the lines that hold its key and values, trailing comments on them included; comment-only
 * and blank lines among them stay, so no comment is lost to a removal. Null when the key does not start its line
 * (`- key: value` in a sequence): removing that line would take a neighbour with it.
 */
function removeBlockPair(pair: Pair, text: string): TextEdit[] | null {
  const key = pair.key as Node
  if (!key.range) return null
  const keyLine = text.lastIndexOf('\n', key.range[0] - 1) + 1
  if (text.slice(keyLine, key.range[0]).trim() !== '') return null
  const content = new Set<number>()
  const mark = (node: Node): void => {
    if (!node.range) return
    for (const line of lineStartsOf(text, node.range[0], node.range[1])) content.add(line)
  }
  // An empty value (`key:` and nothing) may span the comment lines after it: it takes no line of its own.
  const markScalar = (node: Node): void => {
    const source = node.range ? text.slice(node.range[0], node.range[1]).trim() : ''
    if (source !== '' && !source.startsWith('#')) mark(node)
  }
  mark(key)
  const value = pair.value as Node | null
  if (isCollection(value) && !value.flow) {
    // Keys and scalars of a block collection, and whole flow collections: what is left is comments and blank lines.
    visit(value, {
      Scalar: (_, s) => void markScalar(s),
      Alias: (_, a) => void mark(a),
      Map: (_, m) => (m.flow ? (mark(m), visit.SKIP) : undefined),
      Seq: (_, s) => (s.flow ? (mark(s), visit.SKIP) : undefined),
    })
  } else if (isScalar(value)) markScalar(value)
  else if (value) mark(value)
  const edits: TextEdit[] = []
  for (const line of [...content].sort((a, b) => a - b)) {
    const nl = text.indexOf('\n', line)
    const end = nl === -1 ? text.length : nl + 1
    const last = edits[edits.length - 1]
    if (last && last.range[1] === line) edits[edits.length - 1] = { range: [last.range[0], end], text: '' }
    else edits.push({ range: [line, end], text: '' })
  }
  return edits
}

/**
 * A flow pair goes with the comma and spaces that separate it from the next pair (from the previous one when it is
 * the last); the only pair leaves `{}`. Null when a comment sits in what would be removed.
 */
function removeFlowPair(map: YAMLMap, pair: Pair, text: string): TextEdit[] | null {
  const i = map.items.indexOf(pair)
  const endOf = (p: Pair): number | undefined => (p.value as Node | null)?.range?.[1] ?? (p.key as Node | null)?.range?.[1]
  const start = (pair.key as Node | null)?.range?.[0]
  const end = endOf(pair)
  if (start === undefined || end === undefined || !map.range) return null
  let range: [number, number]
  if (map.items.length === 1) {
    const open = map.range[0]
    const close = text.lastIndexOf('}', map.range[1] - 1)
    if (text[open] !== '{' || close < end) return null
    range = [open + 1, close]
  } else if (i < map.items.length - 1) {
    const next = (map.items[i + 1]!.key as Node | null)?.range?.[0]
    if (next === undefined) return null
    range = [start, next]
  } else {
    const previous = endOf(map.items[i - 1]!)
    if (previous === undefined) return null
    range = [previous, end]
  }
  // Scalars inside the pair may hold '#'; only the separators around it are checked for a comment.
  const outside = text.slice(range[0], start) + text.slice(end, range[1])
  if (/(^|\s)#/.test(outside)) return null
  return [{ range, text: '' }]
}

/** One rule's several edits become one (ESLint's habit); overlapping edits make the whole fix unusable. */
export function mergeEdits(text: string, edits: readonly (TextEdit | null)[]): TextEdit | undefined {
  const list = edits.filter((e): e is TextEdit => e !== null).sort((a, b) => a.range[0] - b.range[0])
  if (list.length === 0) return undefined
  if (list.length === 1) return list[0]
  let out = ''
  let cursor = list[0]!.range[0]
  for (const edit of list) {
    if (edit.range[0] < cursor) return undefined
    out += text.slice(cursor, edit.range[0]) + edit.text
    cursor = edit.range[1]
  }
  return { range: [list[0]!.range[0], cursor], text: out }
}
