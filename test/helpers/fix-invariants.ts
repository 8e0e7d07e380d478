// --fix keeps what it was not asked to change: the fix loop traced, a gap injected to give it work, and the checks.
import { applyEdits, lintAndFix, MAX_FIX_PASSES } from '../../src/engine/fix.js'
import { lintText } from '../../src/engine/lint-text.js'
import { locate, type Span } from '../../src/engine/locate.js'
import { parseConfig } from '../../src/engine/parse.js'
import { readSizingConfig } from '../../src/model/sizing-config.js'
import type { LintSettings } from '../../src/types.js'
import { changedPaths } from './edit-invariants.js'

/**
 * What the fix loop keeps, as problems (empty when all is kept): the output must be lintAndFix's, and against the
 * input, the data may differ only at the paths of findings whose fixes were applied in some pass, and every line
 * must survive byte for byte, comment lines included, but for the values at those paths (the rest of their lines,
 * trailing comments included, stays as it was).
 */
export function fixProblems(source: string, settings: LintSettings): { output: string | undefined; fixed: string[]; problems: string[] } {
  // The same passes as lintAndFix (it reports only the end), recording where each applied fix points.
  const fixed = new Set<string>()
  const seen = new Set([source])
  let text = source
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const withFix = lintText(text, settings).findings.filter((f) => f.fix)
    if (withFix.length === 0) break
    const next = applyEdits(text, withFix.map((f) => f.fix!))
    if (next.applied === 0 || seen.has(next.text)) break
    withFix.forEach((f) => fixed.add(f.path))
    seen.add(next.text)
    text = next.text
  }
  const output = text === source ? undefined : text
  const problems: string[] = []
  if (lintAndFix(source, settings).output !== output) problems.push('lintAndFix gave another text than its passes')
  if (output === undefined) return { output, fixed: [...fixed], problems }
  const before = parseConfig(source)
  const after = parseConfig(output)
  if (after.fatal) problems.push('the fixed file does not load')
  for (const path of changedPaths(before.data, after.data)) if (!fixed.has(path)) problems.push(`data changed at ${path}, which no fix was for`)
  problems.push(...lineProblems(before.text, after.text, [...fixed].map((path) => locate(before.doc, before.text, path))))
  return { output, fixed: [...fixed], problems }
}

/**
 * Lines of `after` that differ from `before` other than at `spans` (offsets into `before`): a line without a span
 * must be the same, byte for byte; a line with spans must keep what lies before the first and after the last.
 * Fixes replace values, so the lines stay where they were.
 */
export function lineProblems(before: string, after: string, spans: readonly Span[]): string[] {
  const was = before.split('\n')
  const is = after.split('\n')
  if (was.length !== is.length) return [`the fix changed the number of lines (${was.length} to ${is.length})`]
  const problems: string[] = []
  let lineStart = 0
  was.forEach((line, i) => {
    const lineEnd = lineStart + line.length
    const here = spans.filter((s) => s.start >= lineStart && s.start <= lineEnd)
    const now = is[i]!
    if (here.length === 0) {
      if (now !== line) problems.push(`line ${i + 1} changed: ${JSON.stringify(line)} -> ${JSON.stringify(now)}`)
    } else {
      const prefix = line.slice(0, Math.min(...here.map((s) => s.start)) - lineStart)
      const suffix = line.slice(Math.min(line.length, Math.max(...here.map((s) => s.end)) - lineStart))
      if (!now.startsWith(prefix) || !now.endsWith(suffix) || now.length < prefix.length + suffix.length) {
        problems.push(`line ${i + 1} changed outside the fixed value: ${JSON.stringify(line)} -> ${JSON.stringify(now)}`)
      }
    }
    lineStart = lineEnd + 1
  })
  return problems
}

/**
 * `source` with a gap of $1 before its second profile (by threshold): that profile's `min_balance` scalar rewritten
 * as the previous threshold plus one, so that profile-continuity has a fix to make. Undefined when the ladder has no
 * such min_balance (fewer than two profiles, or none on the second).
 */
export function withGap(source: string): { text: string; path: string } | undefined {
  const parsed = parseConfig(source)
  if (parsed.fatal) return undefined
  const profiles = readSizingConfig(parsed.data).profiles
  const [first, second] = profiles
  if (!first?.threshold || !second?.minBalance || second.threshold?.value.equals(first.threshold.value)) return undefined
  const span = locate(parsed.doc, parsed.text, second.minBalance.path)
  const gap = first.threshold.value.add(1).valueOf()
  // Offsets index the text without a BOM; put it back in front.
  const bom = source.length - parsed.text.length
  return { text: source.slice(0, bom + span.start) + String(gap) + source.slice(bom + span.end), path: second.minBalance.path }
}
