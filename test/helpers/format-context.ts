// The formatter tests' context, rule metas, findings and file results.
import type { FileResult, Finding, FormatContext, RuleMeta } from '../../src/types.js'

export const DOCS = 'https://github.com/lint-config/lint-config/blob/main/docs/rules'

/** A rule's meta with only what formatters read: id, description and default severity. */
export function ruleMeta(id: string, description: string, defaultSeverity: RuleMeta['defaultSeverity']): RuleMeta {
  return { id, description, defaultSeverity, fixable: false, schema: {}, defaultOptions: {}, messages: {} }
}

export const CONTINUITY_META = ruleMeta('profile-continuity', 'Adjacent balance profiles meet without a gap.', 'error')
export const STALE_OVERRIDE_META = ruleMeta('stale-override', 'Every symbol override is live for some balance.', 'warn')
export const YAML_SYNTAX_META = ruleMeta('yaml-syntax', 'The file parses as YAML 1.1.', 'error')

/** Formatting from cwd /repo without colour, with these rules (in this order) and their docs under DOCS. */
export function formatContext(metas: RuleMeta[]): FormatContext {
  return {
    cwd: '/repo',
    color: false,
    rules: Object.fromEntries(metas.map((m) => [m.id, m])),
    docsUrl: (id) => `${DOCS}/${id}.md`,
  }
}

/** `[line, column]`, or `[line, column, offset]` where the format shows offsets (offset 0 when left out). */
export type At = [line: number, column: number, offset?: number]

/** A finding from `start` to `end`; without `end` it spans one character. messageId 'msg' and path '' unless `extra` says otherwise. */
export function finding(ruleId: string, severity: Finding['severity'], message: string, start: At, extra?: Partial<Finding>): Finding
export function finding(ruleId: string, severity: Finding['severity'], message: string, start: At, end: At, extra?: Partial<Finding>): Finding
export function finding(
  ruleId: string,
  severity: Finding['severity'],
  message: string,
  [line, column, offset = 0]: At,
  endOrExtra?: At | Partial<Finding>,
  extra: Partial<Finding> = {},
): Finding {
  const [end, more] = Array.isArray(endOrExtra) ? [endOrExtra, extra] : [undefined, endOrExtra ?? {}]
  const [endLine, endColumn, endOffset = 0] = end ?? [line, column + 1, offset + 1]
  return {
    ruleId,
    messageId: 'msg',
    message,
    severity,
    path: '',
    range: { start: { line, column, offset }, end: { line: endLine, column: endColumn, offset: endOffset } },
    ...more,
  }
}

/** A file's result with its counts; a finding with a fix counts as fixable. `extra` adds fields or overrides counts. */
export function fileResult(filePath: string, findings: Finding[], extra: Partial<FileResult> = {}): FileResult {
  const count = (s: Finding['severity'], fixable = false) => findings.filter((f) => f.severity === s && (!fixable || f.fix)).length
  return {
    filePath,
    findings,
    errorCount: count('error'),
    warningCount: count('warn'),
    fixableErrorCount: count('error', true),
    fixableWarningCount: count('warn', true),
    ...extra,
  }
}
