// JSON pointer -> yaml node -> source offsets, with last-wins duplicates, merge keys, aliases and a closest-ancestor fallback.
import { isAlias, isCollection, isMap, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml'
import { parsePointer } from '../model/json-pointer.js'

// Callers that locate nodes by pointer often build pointers too; one import serves both.
export { parsePointer, toPointer } from '../model/json-pointer.js'

/** Offsets into the linted text, end exclusive. */
export interface Span {
  start: number
  end: number
}

/** yaml represents a YAML 1.1 merge key `<<` as a scalar holding Symbol('<<'). */
export function isMergeKey(pair: Pair): boolean {
  if (!isScalar(pair.key)) return false
  const value = pair.key.value
  return typeof value === 'symbol' && value.description === '<<'
}

interface Step {
  node: Node | null
  key: Node | null
  /** The walk went through an alias or a merge key: the node is shared with other places in the document. */
  shared?: true
}

/** The pair that supplies `segment` in `map`: the LAST explicit one (the bot's last-wins), else the first merged source. */
function findInMap(doc: Document, map: Node, segment: string, depth: number): Step | undefined {
  if (!isMap(map) || depth > 64) return undefined
  let found: Pair | undefined
  for (const pair of map.items) {
    if (isScalar(pair.key) && String(pair.key.value) === segment && !isMergeKey(pair)) found = pair
  }
  if (found) return { node: (found.value as Node | null) ?? null, key: found.key as Node }
  for (const pair of map.items) {
    if (!isMergeKey(pair)) continue
    const sources = isSeq(pair.value) ? pair.value.items : [pair.value]
    for (const source of sources) {
      const target = isAlias(source) ? source.resolve(doc as Document.Parsed) : source
      if (!target) continue
      const hit = findInMap(doc, target as Node, segment, depth + 1)
      if (hit) return { ...hit, shared: true }
    }
  }
  return undefined
}

/**
 * Walks `pointer` as far as it exists: `exact` is false when it stopped at an ancestor; `shared` is set when the walk
 * went through an alias or a merge key (an edit there would change every place that shares the node).
 */
export function resolvePointer(doc: Document, pointer: string): { node: Node | null; key: Node | null; exact: boolean; shared?: true } {
  let step: Step = { node: (doc.contents as Node | null) ?? null, key: null }
  let shared = false
  for (const segment of parsePointer(pointer)) {
    let node = step.node
    if (isAlias(node)) {
      node = (node.resolve(doc as Document.Parsed) as Node | undefined) ?? null
      shared = true
    }
    let next: Step | undefined
    if (isMap(node)) {
      next = findInMap(doc, node, segment, 0)
    } else if (isSeq(node) && /^(0|[1-9][0-9]*)$/.test(segment)) {
      const item = node.items[Number(segment)] as Node | undefined
      if (item !== undefined) next = { node: item ?? null, key: null }
    }
    if (!next) return { ...step, exact: false, ...(shared ? { shared: true as const } : {}) }
    if (next.shared) shared = true
    step = next
  }
  if (isAlias(step.node)) shared = true
  return { node: step.node, key: step.key, exact: true, ...(shared ? { shared: true as const } : {}) }
}

/**
 * The source span for `pointer`. `on: 'key'` prefers the key of the pair holding the value.
 * A missing node falls back to the closest existing ancestor (Spectral's habit), shown at its key.
 */
export function locate(doc: Document, text: string, pointer: string, on: 'key' | 'value' = 'value'): Span {
  const found = resolvePointer(doc, pointer)
  return spanOf(found, text, found.exact ? on : 'key')
}

function spanOf(step: Step, text: string, on: 'key' | 'value'): Span {
  const { node, key } = step
  if (key?.range && (on === 'key' || !node?.range || isEmptyNode(node) || isBlockOrMultiline(node, text))) {
    return { start: key.range[0], end: key.range[1] }
  }
  if (node?.range) {
    const [start, end] = node.range
    if (isCollection(node)) return { start, end: Math.max(start + 1, Math.min(end, lineEndAt(text, start))) }
    return { start, end: Math.max(end, start) }
  }
  return { start: 0, end: Math.max(0, Math.min(lineEndAt(text, 0), text.length)) }
}

function isEmptyNode(node: Node): boolean {
  return !!node.range && node.range[0] === node.range[1]
}

/** A block collection (or a flow one over several lines) is shown at its key: the line that names it. */
function isBlockOrMultiline(node: Node, text: string): boolean {
  if (!isCollection(node) || !node.range) return false
  return !node.flow || text.slice(node.range[0], node.range[1]).trimEnd().includes('\n')
}

function lineEndAt(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset)
  const end = nl === -1 ? text.length : nl
  return text[end - 1] === '\r' ? end - 1 : end
}
