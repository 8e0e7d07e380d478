// The Fixer handed to rules: edits built from yaml node ranges, so rules never count offsets.
import { isScalar, type Document } from 'yaml'
import type { Fixer, TextEdit } from '../types.js'
import { resolvePointer } from './locate.js'

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
      const { node, exact } = resolvePointer(doc, path)
      if (!exact || !isScalar(node) || !node.range) return null
      const [start, end] = node.range
      return { range: [start, end], text: renderScalar(value, text.slice(start, end)) }
    },
    removeKey(path) {
      const { node, key, exact } = resolvePointer(doc, path)
      if (!exact || !key?.range) return null
      const valueEnd = node?.range ? node.range[1] : key.range[1]
      const lineStart = text.lastIndexOf('\n', key.range[0] - 1) + 1
      // Only a block pair that owns its lines can go without touching its neighbours.
      if (text.slice(lineStart, key.range[0]).trim() !== '') return null
      const nl = text.indexOf('\n', valueEnd)
      return { range: [lineStart, nl === -1 ? text.length : nl + 1], text: '' }
    },
    replaceRange(range, replacement) {
      return { range: [range[0], range[1]], text: replacement }
    },
  }
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
