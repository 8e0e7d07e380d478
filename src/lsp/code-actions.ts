// Code actions: each finding's --fix edit, "disable <rule> for this line" as a directive comment above it, and fix-all.
import { isScalar, visit } from 'yaml'
import { CodeActionKind, type CodeAction, type TextEdit as LspTextEdit, type WorkspaceEdit } from 'vscode-languageserver'
import type { TextDocument } from 'vscode-languageserver-textdocument'
import { readDirectives } from '../engine/directives.js'
import { lintAndFix } from '../engine/fix.js'
import type { ParsedConfig } from '../engine/parse.js'
import type { Finding, LintSettings, TextEdit } from '../types.js'
import { bomShift, rangeOf, toDiagnostic } from './convert.js'

/** The kind of the fix-all action, under `source.fixAll` so editors run it on save when asked to. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.lint-config`

/**
 * What a directive inserted by the "disable" action says after `--`: a placeholder for the operator's reason, marked so
 * that a search for TODO finds every suppression nobody has justified yet (the reason shows in --format json).
 */
export const DISABLE_REASON = 'TODO: reason'

/** The linted state of one document that actions are computed from. */
export interface ActionSource {
  uri: string
  /** The document at the linted version; edits carry that version so a client rejects them on a newer text. */
  document: TextDocument
  /** The parse the findings came from (its `text` is the BOM-less text the offsets index). */
  parsed: ParsedConfig
  settings: LintSettings
  /** The client takes versioned `documentChanges` (else plain `changes`). */
  documentChanges: boolean
}

/** Our offset edits as one LSP workspace edit on the linted version of the document. */
export function workspaceEdit(source: ActionSource, edits: readonly TextEdit[]): WorkspaceEdit {
  const shift = bomShift(source.document)
  const lsp: LspTextEdit[] = edits.map((e) => ({ range: rangeOf(source.document, e.range[0], e.range[1], shift), newText: e.text }))
  if (source.documentChanges) return { documentChanges: [{ textDocument: { uri: source.uri, version: source.document.version }, edits: lsp }] }
  return { changes: { [source.uri]: lsp } }
}

/** Offsets where the line holding `offset` starts and its text before the first non-blank character ends. */
function lineAt(text: string, offset: number): { start: number; indent: string; eol: string } {
  const start = text.lastIndexOf('\n', offset - 1) + 1
  const indent = /^[ \t]*/.exec(text.slice(start))![0]
  const end = text.indexOf('\n', start)
  return { start, indent, eol: end > 0 && text[end - 1] === '\r' ? '\r\n' : '\n' }
}

/** Is `offset` strictly inside a scalar that spans lines (a block or multi-line quoted scalar)? A comment there would be text. */
function insideScalar(parsed: ParsedConfig, offset: number): boolean {
  let inside = false
  visit(parsed.doc, {
    Scalar(_key, node) {
      if (isScalar(node) && node.range && node.range[0] < offset && offset < node.range[1]) {
        inside = true
        return visit.BREAK
      }
      return undefined
    },
  })
  return inside
}

/**
 * The edit that disables `finding`'s rule for its line: `# lint-config-disable-next-line <rule> -- <reason>` on a new
 * line above it, indented like it. When the line above already is such a directive, the rule joins its list instead
 * (a second directive would point at the first). Undefined where no comment can go: a fatal finding (never suppressed),
 * or a line that continues a multi-line scalar.
 */
export function disableEdit(parsed: ParsedConfig, finding: Finding): TextEdit | undefined {
  if (finding.fatal) return undefined
  const text = parsed.text
  const line = lineAt(text, finding.range.start.offset)
  if (insideScalar(parsed, line.start)) return undefined
  const above = readDirectives(text, parsed.doc, parsed.lineCounter).find(
    (d) => d.kind === 'disable-next-line' && d.line === finding.range.start.line - 1 && d.rules.length > 0,
  )
  if (above) {
    const last = above.rules.length - 1
    const at = above.ruleOffsets[last]! + above.rules[last]!.length
    return { range: [at, at], text: `, ${finding.ruleId}` }
  }
  return { range: [line.start, line.start], text: `${line.indent}# lint-config-disable-next-line ${finding.ruleId} -- ${DISABLE_REASON}${line.eol}` }
}

/** One edit turning `from` into `to`: the span between their common prefix and common suffix. */
export function minimalEdit(from: string, to: string): TextEdit {
  let start = 0
  const max = Math.min(from.length, to.length)
  while (start < max && from.charCodeAt(start) === to.charCodeAt(start)) start++
  let end = 0
  while (end < max - start && from.charCodeAt(from.length - 1 - end) === to.charCodeAt(to.length - 1 - end)) end++
  return { range: [start, from.length - end], text: to.slice(start, to.length - end) }
}

/**
 * The quick fixes for `findings` (those under the cursor or selection): the rule's own fix when it has one, and a
 * disable directive. `unused-disable-directive` findings get neither: silencing a report about silencing makes no sense.
 */
export function quickFixes(source: ActionSource, findings: readonly Finding[]): CodeAction[] {
  const actions: CodeAction[] = []
  const shift = bomShift(source.document)
  for (const finding of findings) {
    const diagnostic = toDiagnostic(finding, source.document, shift)
    if (finding.fix) {
      actions.push({
        title: `Fix this ${finding.ruleId} problem`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: true,
        edit: workspaceEdit(source, [finding.fix]),
      })
    }
    const disable = finding.ruleId === 'unused-disable-directive' ? undefined : disableEdit(source.parsed, finding)
    if (disable) {
      actions.push({
        title: `Disable ${finding.ruleId} for this line`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: workspaceEdit(source, [disable]),
      })
    }
  }
  return actions
}

/** "Fix all auto-fixable problems": what `--fix` would write (every pass of the fix loop), as one minimal edit. */
export function fixAll(source: ActionSource, findings: readonly Finding[]): CodeAction | undefined {
  if (!findings.some((f) => f.fix)) return undefined
  const fixed = lintAndFix(source.parsed.text, source.settings).output
  if (fixed === undefined) return undefined
  return { title: 'Fix all auto-fixable problems', kind: FIX_ALL_KIND, edit: workspaceEdit(source, [minimalEdit(source.parsed.text, fixed)]) }
}
