// Invariants every lint result and every CLI run must keep, whatever the input: shared by the bad-input catalogue,
// the fuzz tests and scripts/fuzz.mjs (so no vitest here).
import { decodeUtf8 } from '../../src/engine/decode.js'
import { rules } from '../../src/rules/index.js'
import { defaultSettings } from '../../src/settings/normalize.js'
import type { FileResult, Finding, LintSettings } from '../../src/types.js'

/** What a CLI run produced (the shape of test/helpers/run-cli.ts's result). */
export interface CliRun {
  exitCode: number
  stdout: string
  stderr: string
}

/**
 * Every rule at its default, but the ones that advise on what a config leaves out or what the bot's code of the era
 * does with it (no-trade, silent-default, dead-key, symbol-cap): the catalogue's inputs are small configs that
 * vary one value, and it pins what the parse, schema and ladder rules make of that value. Those rules have their
 * own tests, and the fuzz run lints with every rule on.
 */
export const settings: LintSettings = ((): LintSettings => {
  const s = defaultSettings(rules)
  for (const id of ['no-trade', 'silent-default', 'dead-key', 'symbol-cap']) s.rules[id] = { severity: 'off', options: {} }
  return s
})()

/** Words that only a bug puts into a message (an unset value, a failed number, an object or a template printed raw). */
export const FORBIDDEN = ['NaN', 'Infinity', 'undefined', '[object Object]', '{{'] as const

/** A finding in the form the catalogue pins: rule, message id, start and end, message. */
export interface Brief {
  ruleId: string
  messageId: string
  line: number
  column: number
  endLine: number
  endColumn: number
  message: string
}

export function brief(f: Finding): Brief {
  return {
    ruleId: f.ruleId,
    messageId: f.messageId,
    line: f.range.start.line,
    column: f.range.start.column,
    endLine: f.range.end.line,
    endColumn: f.range.end.column,
    message: f.message,
  }
}

/** The text the findings' offsets point into: decoded (the valid prefix when the bytes are not UTF-8), without a BOM. */
export function lintedText(input: string | Uint8Array): string {
  const text = typeof input === 'string' ? input : decodeUtf8(input).text
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

/**
 * Problems with a message, if any: a forbidden word the linter produced (one the input itself contains may be echoed
 * back, so it does not count).
 */
export function messageProblems(message: string, input: string): string[] {
  return FORBIDDEN.filter((word) => message.includes(word) && !input.includes(word)).map((word) => `message contains "${word}": ${message}`)
}

const isBreak = (text: string, i: number): boolean => {
  const c = text[i]
  return c === '\n' || (c === '\r' && text[i + 1] !== '\n') || c === '\x85' || c === '\u2028' || c === '\u2029'
}

function countLf(text: string, end: number): number {
  let n = 0
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) n++
  return n
}

const ODD_BREAKS = /\r(?!\n)|[\x85\u2028\u2029]/

function countBreaks(text: string, end: number): number {
  let n = 0
  for (let i = 0; i < end; i++) if (isBreak(text, i)) n++
  return n
}

/**
 * Offsets inside the text and line/column in agreement with them. LF always ends a line; a lone CR, NEL, LS or PS
 * ends one outside quoted strings (as PyYAML reads them), so with those the line lies between the two counts.
 */
export function positionProblems(f: Finding, text: string): string[] {
  const out: string[] = []
  const { start, end } = f.range
  if (!(Number.isInteger(start.offset) && Number.isInteger(end.offset) && 0 <= start.offset && start.offset <= end.offset && end.offset <= text.length)) {
    out.push(`offsets [${start.offset}, ${end.offset}] outside the text (length ${text.length})`)
    return out
  }
  for (const [name, p] of [['start', start], ['end', end]] as const) {
    const lineStart = p.offset - (p.column - 1)
    if (!(p.line >= 1 && p.column >= 1 && lineStart >= 0)) {
      out.push(`${name} ${p.line}:${p.column} impossible at offset ${p.offset}`)
      continue
    }
    if (lineStart > 0 && !isBreak(text, lineStart - 1)) out.push(`${name} column ${p.column} does not start after a line break (offset ${p.offset})`)
    if (text.slice(lineStart, p.offset).includes('\n')) out.push(`${name} column ${p.column} spans a line feed (offset ${p.offset})`)
    const lf = countLf(text, lineStart)
    const all = ODD_BREAKS.test(text) ? countBreaks(text, lineStart) : lf
    if (p.line - 1 < lf || p.line - 1 > all) out.push(`${name} line ${p.line} disagrees with offset ${p.offset} (${lf} to ${all} breaks before it)`)
  }
  if (f.fix) {
    const [a, b] = f.fix.range
    if (!(0 <= a && a <= b && b <= text.length)) out.push(`fix range [${a}, ${b}] outside the text`)
  }
  return out
}

/** Every problem of a lint result for `input`; empty when it keeps every invariant. */
export function resultProblems(result: FileResult, input: string | Uint8Array): string[] {
  const text = lintedText(input)
  const raw = typeof input === 'string' ? input : Buffer.from(input).toString('latin1')
  const out: string[] = []
  for (const f of result.findings) {
    out.push(...messageProblems(f.message, raw).map((p) => `${f.ruleId}: ${p}`))
    out.push(...positionProblems(f, text).map((p) => `${f.ruleId} (${f.message.slice(0, 80)}): ${p}`))
  }
  const errors = result.findings.filter((f) => f.severity === 'error').length
  if (errors !== result.errorCount || result.findings.length - errors !== result.warningCount) out.push('counts disagree with findings')
  return out
}

/** Problems of a CLI run: an exit code other than 0/1/2, a stack frame, more than one line on stderr, a forbidden word. */
export function runProblems(run: CliRun, input = ''): string[] {
  const out: string[] = []
  if (![0, 1, 2].includes(run.exitCode)) out.push(`exit code ${run.exitCode}`)
  if (/\n\s+at /.test(run.stderr) || run.stderr.includes('    at ')) out.push(`stack trace on stderr: ${run.stderr}`)
  if (run.stderr !== '' && !/^[^\n]*\n$/.test(run.stderr)) out.push(`stderr is not one line: ${JSON.stringify(run.stderr)}`)
  if (run.exitCode === 2 && run.stderr === '') out.push('exit code 2 with nothing on stderr')
  for (const stream of [run.stdout, run.stderr]) out.push(...messageProblems(stream, input))
  return out
}

