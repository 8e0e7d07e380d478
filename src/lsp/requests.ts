// The editor's requests on one linted document version: quick fixes and fix-all over a range, and the sizing hover at a position.
import { CodeActionKind, MarkupKind, type CodeAction, type CodeActionParams, type Hover, type HoverParams } from 'vscode-languageserver/node'
import type { TextDocument } from 'vscode-languageserver-textdocument'
import type { ParsedConfig } from '../engine/parse.js'
import type { FileResult, LintSettings } from '../types.js'
import { FIX_ALL_KIND, fixAll, quickFixes, type ActionSource } from './code-actions.js'
import { bomShift, offsetOf, rangeOf } from './convert.js'
import { hoverTarget, nodeAt } from './hover.js'
import { sizingHover } from './sizing-hover.js'

/** The outcome of linting one version of one document. */
export interface Linted {
  version: number
  /** Settings generation the lint used; a settings change makes older ones stale. */
  generation: number
  /** Set when the file was linted (it is a config, its settings loaded and no rule crashed). */
  parsed?: ParsedConfig
  result?: FileResult
  settings?: LintSettings
}

/**
 * The code actions for `params.range` of `document` as `linted` found it: a quick fix per finding there, and one fix-all,
 * each only when `params.context.only` asks for its kind. None when the document was not linted.
 */
export function codeActionsFor(document: TextDocument, linted: Linted, params: CodeActionParams, documentChanges: boolean): CodeAction[] {
  if (!linted.result || !linted.parsed || !linted.settings) return []
  const uri = params.textDocument.uri
  const shift = bomShift(document)
  const start = offsetOf(document, params.range.start, shift)
  const end = offsetOf(document, params.range.end, shift)
  const findings = linted.result.findings
  const hits = findings.filter((f) => f.range.start.offset <= end && f.range.end.offset >= start)
  const only = params.context.only
  const wants = (kind: string): boolean => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`))
  const source: ActionSource = { uri, document, parsed: linted.parsed, settings: linted.settings, documentChanges }
  const actions: CodeAction[] = wants(CodeActionKind.QuickFix) ? quickFixes(source, hits) : []
  const all = wants(FIX_ALL_KIND) ? fixAll(source, findings) : undefined
  if (all) actions.push(all)
  return actions
}

/** The sizing hover (Markdown) at `params.position`, over the key or value there; null where there is nothing to show. */
export function hoverFor(document: TextDocument, linted: Linted, params: HoverParams): Hover | null {
  const parsed = linted.parsed
  if (!parsed || parsed.fatal || !linted.settings) return null
  const shift = bomShift(document)
  const at = nodeAt(parsed.doc, offsetOf(document, params.position, shift))
  const target = at ? hoverTarget(at.keys) : undefined
  const value = target ? sizingHover(parsed.data, target, linted.settings) : undefined
  if (!at || value === undefined) return null
  return { contents: { kind: MarkupKind.Markdown, value }, range: rangeOf(document, at.start, at.end, shift) }
}
