// Findings to LSP diagnostics: our 0-based UTF-16 string offsets into the BOM-less text become LSP 0-based UTF-16 positions.
import type { Diagnostic, Position, Range } from 'vscode-languageserver'
import { DiagnosticSeverity } from 'vscode-languageserver'
import type { TextDocument } from 'vscode-languageserver-textdocument'
import { ruleDocsUrl } from '../rules/docs-url.js'
import type { Finding } from '../types.js'

/** The `source` every diagnostic carries, so editors show which tool reported it. */
export const SOURCE = 'lint-config'

/**
 * Offsets of findings and fixes index the linted text, which has no BOM (parse.ts drops it, as ESLint does). Most
 * editors drop it too; where a document's text still starts with one, every offset is one code unit further on.
 */
export function bomShift(document: TextDocument): number {
  return document.getText({ start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }) === '\uFEFF' ? 1 : 0
}

/**
 * The LSP position (0-based line, 0-based UTF-16 character) of a 0-based offset into the BOM-less text. Both sides count
 * UTF-16 code units, so an emoji is two characters here exactly as it is two columns in our findings.
 */
export function positionOf(document: TextDocument, offset: number, shift = bomShift(document)): Position {
  return document.positionAt(offset + shift)
}

/** The LSP range of offsets [start, end) into the BOM-less text. */
export function rangeOf(document: TextDocument, start: number, end: number, shift = bomShift(document)): Range {
  return { start: positionOf(document, start, shift), end: positionOf(document, Math.max(start, end), shift) }
}

/** The offset into the BOM-less text of an LSP position (clamped to the text, as TextDocument.offsetAt does). */
export function offsetOf(document: TextDocument, position: Position, shift = bomShift(document)): number {
  return Math.max(0, document.offsetAt(position) - shift)
}

/** One finding as a diagnostic: rule id as `code`, its docs page as `codeDescription`, error or warning, the exact range. */
export function toDiagnostic(finding: Finding, document: TextDocument, shift = bomShift(document)): Diagnostic {
  return {
    range: rangeOf(document, finding.range.start.offset, finding.range.end.offset, shift),
    severity: finding.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: finding.ruleId,
    codeDescription: { href: ruleDocsUrl(finding.ruleId) },
    source: SOURCE,
    message: finding.message,
  }
}

/**
 * A problem that stopped the file from being linted at all (a bad settings file, a rule that crashed): one error at the
 * top of the file, so it is seen where the findings would be, instead of the CLI's one line on stderr and exit 2.
 */
export function problemDiagnostic(message: string): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Error,
    source: SOURCE,
    message,
  }
}
