// Turns a rule's report (pointer + messageId + data) into a finding: message interpolated, ruleId and severity stamped, range attached.
import type { LineCounter } from 'yaml'
import type { Finding, Position, Range, RuleMeta, Severity, Suggestion, TextEdit } from '../types.js'
import type { Span } from './locate.js'

/** Replaces each `{{name}}` with `data[name]`; an unknown name is left visible rather than becoming "undefined". */
export function interpolate(template: string, data: Record<string, string | number> | undefined): string {
  return template.replace(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g, (whole, name: string) =>
    data && Object.prototype.hasOwnProperty.call(data, name) ? printable(String(data[name])) : whole,
  )
}

/**
 * Control, line-separator and bidi characters that reach a message from the linted file (a key written "\e[2J" or
 * "a\nb" in double quotes) are shown escaped: a message stays on one line and cannot drive the reader's terminal.
 */
function printable(value: string): string {
  return value.replace(/[\x00-\x1F\x7F-\x9F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g, (c) => {
    const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' }
    return named[c] ?? `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`
  })
}

/** 1-based line and column for a 0-based offset (column counts UTF-16 code units, as ESLint and editors do). */
export function positionAt(lineCounter: LineCounter, offset: number): Position {
  const { line, col } = lineCounter.linePos(offset)
  return { line: Math.max(line, 1), column: Math.max(col, 1), offset }
}

export function rangeOf(lineCounter: LineCounter, span: Span): Range {
  return { start: positionAt(lineCounter, span.start), end: positionAt(lineCounter, Math.max(span.end, span.start)) }
}

export interface FindingInput {
  meta: RuleMeta
  severity: Severity
  messageId: string
  data?: Record<string, string | number>
  path: string
  range: Range
  fix?: TextEdit
  suggestions?: Suggestion[]
  fatal?: boolean
}

export function toFinding(input: FindingInput): Finding {
  const template = input.meta.messages[input.messageId] ?? input.messageId
  const finding: Finding = {
    ruleId: input.meta.id,
    messageId: input.messageId,
    message: interpolate(template, input.data),
    severity: input.severity,
    path: input.path,
    range: input.range,
  }
  if (input.fix) finding.fix = input.fix
  if (input.suggestions && input.suggestions.length > 0) finding.suggestions = input.suggestions
  if (input.fatal) finding.fatal = true
  return finding
}
