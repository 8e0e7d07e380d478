// json: ESLint-compatible results, so tools that read `eslint --format json` read ours (plus the JSON pointer of each finding).
import { NO_BALANCE_NOTE } from '../text/no-balance-note.js'
import type { Finding, Formatter } from '../types.js'

/** One ESLint `LintMessage` (severity 1 = warning, 2 = error) with its `fix` and `suggestions`, plus our extra `path`. */
export function toEslintMessage(f: Finding): Record<string, unknown> {
  const message: Record<string, unknown> = {
    ruleId: f.ruleId,
    severity: f.severity === 'error' ? 2 : 1,
    message: f.message,
    line: f.range.start.line,
    column: f.range.start.column,
    nodeType: null,
    messageId: f.messageId,
    endLine: f.range.end.line,
    endColumn: f.range.end.column,
    path: f.path,
  }
  if (f.fatal) message.fatal = true
  if (f.fix) message.fix = { range: [...f.fix.range], text: f.fix.text }
  // ESLint's LintSuggestion: desc, the messageId when there is one, and the edit; present only when non-empty.
  if (f.suggestions?.length) {
    message.suggestions = f.suggestions.map((s) => ({
      desc: s.desc,
      ...(s.messageId !== undefined ? { messageId: s.messageId } : {}),
      fix: { range: [...s.fix.range], text: s.fix.text },
    }))
  }
  return message
}

/** One line of JSON, ended by a newline so shells and `jq` read it cleanly. */
export const json: Formatter = (results) =>
  `${JSON.stringify(
    results.map((r) => ({
      filePath: r.filePath,
      messages: r.findings.map(toEslintMessage),
      suppressedMessages: (r.suppressed ?? []).map((f) => ({
        ...toEslintMessage(f),
        suppressions: [{ kind: f.kind ?? 'directive', justification: f.justification }],
      })),
      errorCount: r.errorCount,
      fatalErrorCount: r.findings.filter((f) => f.fatal).length,
      warningCount: r.warningCount,
      fixableErrorCount: r.fixableErrorCount,
      fixableWarningCount: r.fixableWarningCount,
      ...(r.output !== undefined ? { output: r.output } : {}),
      // Not in ESLint's shape: the checks that did not run for want of a reference balance (tools reading ESLint's ignore it).
      ...(r.noReferenceBalance ? { notes: [NO_BALANCE_NOTE] } : {}),
      usedDeprecatedRules: [],
    })),
  )}\n`
