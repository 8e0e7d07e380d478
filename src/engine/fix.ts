// Applying fixes as ESLint does: sort by start, skip overlaps, re-lint, up to 10 passes, stop on a cycle.
import type { FileResult, LintSettings, TextEdit } from '../types.js'
import { lintText, type LintTextOptions } from './lint-text.js'

export const MAX_FIX_PASSES = 10

/** Applies non-overlapping edits in one go; an edit overlapping an earlier one is skipped (its finding stays). */
export function applyEdits(text: string, edits: readonly TextEdit[]): { text: string; applied: number } {
  const sorted = [...edits].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1])
  let out = ''
  let cursor = 0
  let applied = 0
  for (const edit of sorted) {
    const [start, end] = edit.range
    if (start < cursor || start > end || end > text.length) continue
    out += text.slice(cursor, start) + edit.text
    cursor = end
    applied++
  }
  return { text: out + text.slice(cursor), applied }
}

/**
 * Lints, applies every fix, and re-lints until nothing is fixable (at most MAX_FIX_PASSES, stopping on a
 * text seen before). The result's `output` is set only when the text changed.
 */
export function lintAndFix(source: string, settings: LintSettings, options: LintTextOptions = {}): FileResult {
  const { parsed: _ignored, ...rest } = options
  const seen = new Set<string>([source])
  let text = source
  let result = lintText(text, settings, rest)
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    // Only fixes: suggestions are edits a person picks, never applied here (ESLint's --fix leaves them too).
    const edits = result.findings.flatMap((f) => (f.fix ? [f.fix] : []))
    if (edits.length === 0) break
    const bomless = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
    const next = applyEdits(bomless, edits)
    const nextText = (bomless === text ? '' : '\uFEFF') + next.text
    if (next.applied === 0 || seen.has(nextText)) break
    seen.add(nextText)
    text = nextText
    result = lintText(text, settings, rest)
  }
  if (text !== source) result.output = text
  return result
}
