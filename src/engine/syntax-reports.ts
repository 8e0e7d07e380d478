// What the bot's loader says about a file, as yaml-syntax reports: its refusal in words, repeated keys, unusable aliases.
import type { YamlSyntaxMessageId } from '../rules/yaml-syntax.js'
import type { LoadFailure, RepeatedKeyReport, TextSpan } from './pyyaml/load.js'

/** A `yaml-syntax` report that already knows its range (offsets into the linted text, end exclusive). */
export interface SyntaxReport {
  messageId: YamlSyntaxMessageId
  data: Record<string, string | number>
  path: string
  start: number
  end: number
  /** The data could not be built, or the bot could not load the file: no other rule runs. */
  fatal: boolean
}

export const TAB_MESSAGE = "A tab, which the bot's loader (PyYAML) accepts only inside quoted strings, block scalars and comments: use spaces"
const TAB_INDENT_MESSAGE = 'Tabs are not allowed as indentation'

/** The end of the line `offset` is on (before its CR or LF), or one past `offset` on an empty line. */
export function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset)
  const end = nl === -1 ? text.length : nl
  return end > offset ? (text[end - 1] === '\r' ? end - 1 : end) : offset + 1
}

/** Whether PyYAML stopped at a tab: its scanner's only word for one is "found character '\t' that cannot start any token". */
export function isTabFailure(failure: LoadFailure): boolean {
  return failure.stage === 'scanner' && failure.problem.startsWith("found character '\\t'")
}

function report(messageId: YamlSyntaxMessageId, data: Record<string, string | number>, text: string, span: TextSpan, fatal = true): SyntaxReport {
  const start = Math.min(span.start, text.length)
  const end = Math.min(Math.max(span.end, start + 1), Math.max(text.length, start))
  return { messageId, data, path: '', start, end: Math.max(end, start), fatal }
}

/** The yaml-syntax report for the problem that stops PyYAML: at PyYAML's mark, in PyYAML's words where no friendlier id fits. */
export function refusalReport(failure: LoadFailure, text: string): SyntaxReport {
  const { problem, span } = failure
  const at = span.start
  const point = { start: at, end: at + 1 }
  if (failure.stage === 'reader') {
    const code = failure.char ?? 0
    return report('nonPrintable', { char: `U+${code.toString(16).toUpperCase().padStart(4, '0')}` }, text, { start: at, end: at + (code > 0xffff ? 2 : 1) })
  }
  if (isTabFailure(failure)) {
    const lineStart = text.lastIndexOf('\n', at - 1) + 1
    const indentation = /^[ \t]*$/.test(text.slice(lineStart, at)) && /^[ \t]*[^ \t\r\n]/.test(text.slice(at))
    return report('syntaxError', { message: indentation ? TAB_INDENT_MESSAGE : TAB_MESSAGE }, text, point)
  }
  if (/RecursionError|maximum recursion depth/.test(problem)) return report('tooDeep', {}, text, span)
  if (failure.stage === 'composer') {
    const alias = /^found undefined alias '(.*)'$/s.exec(problem)
    if (alias) return report('unresolvedAlias', { name: alias[1]! }, text, { start: at, end: at + 1 + alias[1]!.length })
    if (problem === 'but found another document') return report('multipleDocuments', {}, text, { start: at, end: lineEnd(text, at) })
    const anchor = /^found duplicate anchor '(.*)'; first occurrence$/s.exec(failure.context ?? '')
    if (anchor) return report('duplicateAnchor', { name: anchor[1]!, firstLine: failure.contextAt?.line ?? 0 }, text, { start: at, end: at + 1 + anchor[1]!.length })
  }
  if (failure.stage === 'constructor' || failure.stage === 'python') return constructorReport(failure, text)
  const context = failure.context ? ` (${failure.context}${failure.contextAt ? ` at line ${failure.contextAt.line}, column ${failure.contextAt.column}` : ''})` : ''
  return report('syntaxError', { message: `${problem}${context}` }, text, point)
}

/** A constructor's refusal (a tag, a value it cannot convert, a merge of the wrong thing), at the node, in words. */
function constructorReport(failure: LoadFailure, text: string): SyntaxReport {
  const { problem, span } = failure
  const tag = /^could not determine a constructor for the tag '(.*)'$/s.exec(problem)
  if (tag) {
    const message = tag[1] === 'tag:yaml.org,2002:value' ? `a plain = is YAML 1.1's "value" key (${tag[1]}), which it cannot construct: quote it` : problem
    // The tag is what the bot cannot construct: the finding spans it (a plain `=` or `<<` spans itself).
    const written = /^![^\s,\[\]{}]*/.exec(text.slice(span.start, span.end))
    return report('unknownTag', { message }, text, written ? { start: span.start, end: span.start + written[0].length } : span)
  }
  if (problem === 'found unhashable key') {
    const kind = failure.nodeKind === 'sequence' ? 'sequence' : 'mapping'
    const message = `A ${kind} used as a mapping key, which the bot's loader (PyYAML) rejects ("found unhashable key")`
    return report('syntaxError', { message }, text, { start: span.start, end: Math.max(span.end, span.start + 1) })
  }
  return report('constructorError', { message: inWords(failure) }, text, span)
}

const PYTHON_REASONS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^failed to decode base64 data: (.*)$/s, (m) => `!!binary data that is not valid base64 (${m[1]})`],
  [/^failed to convert base64 data into ascii/, () => '!!binary data with a character that is not ASCII'],
  [/^ValueError: (year .* is out of range|month must be in 1\.\.12|day is out of range for month)$/, (m) => `a date that does not exist (${m[1]})`],
  [/^ValueError: ((?:hour|minute|second) must be in 0\.\.\d+)$/, (m) => `a time that does not exist (${m[1]})`],
  [/^ValueError: offset must be/, () => 'a time zone offset of 24 hours or more'],
  [/^ValueError: invalid literal for int\(\) with base (\d+): (.*)$/s, (m) => `an integer that does not parse in base ${m[1]}: ${m[2]}`],
  [/^ValueError: could not convert string to float: (.*)$/s, (m) => `a !!float that is not a number: ${m[1]}`],
  [/^ValueError: chr\(\) arg not in range/, () => 'a \\U escape past U+10FFFF'],
  [/^KeyError: (.*)$/s, (m) => `a !!bool that is not a boolean: ${m[1]}`],
  [/^AttributeError: /, () => 'a !!timestamp that is neither a date nor a date and time'],
  [/^IndexError: /, () => 'an empty !!int or !!float'],
  [/^expected a mapping or list of mappings for merging, but found (\w+)$/, (m) => `a merge (<<) of a ${m[1]}: a merge takes a mapping or a list of mappings`],
  [/^expected a mapping for merging, but found (\w+)$/, (m) => `a merge (<<) list holding a ${m[1]}: a merge list takes mappings only`],
  [/^expected a scalar node, but found (\w+)$/, (m) => `a scalar tag on a ${m[1]}`],
  [/^expected a (sequence|mapping) node, but found (\w+)$/, (m) => `a ${m[1]} tag on a ${m[2]}`],
]

/** PyYAML's (or Python's) reason, as a sentence about the value. */
function inWords(failure: LoadFailure): string {
  for (const [re, words] of PYTHON_REASONS) {
    const m = re.exec(failure.problem)
    if (m) return words(m)
  }
  return failure.context ? `${failure.problem} (${failure.context})` : failure.problem
}

/** Every repeat of a key, at its 2nd, 3rd... occurrence, naming the first line; only the last one reaches the bot. */
export function repeatedKeyReports(repeated: readonly RepeatedKeyReport[], escape: (segment: string) => string): SyntaxReport[] {
  const out: SyntaxReport[] = []
  for (const { name, display, mapPath, keys } of repeated) {
    const last = keys[keys.length - 1]!
    for (const key of keys.slice(1)) {
      out.push({
        messageId: key === last ? 'duplicateKey' : 'duplicateKeyOverridden',
        data: { key: display ?? name, firstLine: keys[0]!.line, lastLine: last.line },
        path: `${mapPath}/${escape(name)}`,
        start: key.start,
        end: Math.max(key.end, key.start + 1),
        fatal: false,
      })
    }
  }
  return out
}
