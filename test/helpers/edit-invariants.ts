// What an edit of a config (a --fix run, a suggestion) must keep: the data outside the edited paths, and every comment.
import { CST, Lexer } from 'yaml'
import { locate, parsePointer, toPointer } from '../../src/engine/locate.js'
import { parseConfig } from '../../src/engine/parse.js'
import type { TextEdit } from '../../src/types.js'

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x)
}

/**
 * The JSON pointers where two data values differ, as few and as deep as possible: a key on one side only, or a
 * different scalar or type. Empty when the data are equal.
 */
export function changedPaths(a: unknown, b: unknown, at: (string | number)[] = []): string[] {
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return [toPointer(at)]
    return a.flatMap((x, i) => changedPaths(x, b[i], [...at, i]))
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])]
    return keys.flatMap((k) =>
      !Object.hasOwn(a, k) || !Object.hasOwn(b, k) ? [toPointer([...at, k])] : changedPaths(a[k], b[k], [...at, k]),
    )
  }
  return Object.is(a, b) || (a instanceof Date && b instanceof Date && a.getTime() === b.getTime()) ? [] : [toPointer(at)]
}

/** Each comment of `text` (from `#` to the end of its line) with its 1-based line, as yaml's lexer finds them. */
export function comments(text: string): { line: number; comment: string }[] {
  const out: { line: number; comment: string }[] = []
  let line = 1
  let scalarNext = false
  for (const token of new Lexer().lex(text)) {
    // Control tokens mark what follows and take no room in the source.
    if (token === CST.DOCUMENT || token === CST.FLOW_END) continue
    if (token === CST.SCALAR) {
      scalarNext = true
      continue
    }
    if (!scalarNext && CST.tokenType(token) === 'comment') out.push({ line, comment: token })
    scalarNext = false
    for (let i = token.indexOf('\n'); i !== -1; i = token.indexOf('\n', i + 1)) line++
  }
  return out
}

function lineAt(text: string, offset: number): number {
  let line = 1
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++
  return line
}

/** 1-based lines of `text` that [start, end) touches; `whole` keeps only those it covers from start to line break. */
export function linesOf(text: string, range: readonly [number, number], whole = false): number[] {
  const out: number[] = []
  const [start, end] = range
  let lineStart = text.lastIndexOf('\n', start - 1) + 1
  for (let line = lineAt(text, start); lineStart <= Math.max(start, end - 1) && lineStart <= text.length; line++) {
    const nl = text.indexOf('\n', lineStart)
    const lineEnd = nl === -1 ? text.length : nl + 1
    if (!whole || (start <= lineStart && lineEnd <= end)) out.push(line)
    if (nl === -1) break
    lineStart = nl + 1
  }
  return out
}

/** The items of `want` that `have` lacks, counting repeats (a multiset difference). */
export function missing(want: readonly string[], have: readonly string[]): string[] {
  const pool = new Map<string, number>()
  for (const h of have) pool.set(h, (pool.get(h) ?? 0) + 1)
  const out: string[] = []
  for (const w of want) {
    const n = pool.get(w) ?? 0
    if (n === 0) out.push(w)
    else pool.set(w, n - 1)
  }
  return out
}

/**
 * Comments `after` lost: every comment of `before` must survive (but those on `removed` lines), and every line of
 * `before` that holds a comment must survive byte for byte (but `removed` lines, and `edited` lines whose value
 * changed around their comment). Lines are 1-based lines of `before`; survival is counted, not positional, since
 * a removal moves the lines after it.
 */
export function commentProblems(before: string, after: string, edited: ReadonlySet<number> = new Set(), removed: ReadonlySet<number> = new Set()): string[] {
  const was = comments(before)
  const is = comments(after)
  const beforeLines = before.split('\n')
  const problems = missing(was.filter((c) => !removed.has(c.line)).map((c) => c.comment), is.map((c) => c.comment)).map((c) => `comment lost: ${c}`)
  const kept = [...new Set(was.map((c) => c.line))].filter((l) => !removed.has(l) && !edited.has(l)).map((l) => beforeLines[l - 1]!)
  problems.push(...missing(kept, after.split('\n')).map((l) => `commented line changed: ${JSON.stringify(l)}`))
  return problems
}

/**
 * What a single edit of `before` must keep: the data may change only at paths whose nodes lie inside the edit (a
 * path that exists before it, in the edited range; a new one, in the inserted text), and comments as commentProblems
 * says, with the whole lines the edit does not write again counted as removed.
 */
export function editProblems(before: string, edit: TextEdit): string[] {
  const after = before.slice(0, edit.range[0]) + edit.text + before.slice(edit.range[1])
  const was = parseConfig(before)
  const is = parseConfig(after)
  if (is.fatal) return ['the edit leaves a file the bot cannot load']
  const problems: string[] = []
  for (const path of changedPaths(was.data, is.data)) {
    const old = has(was.data, path)
    const { doc, text } = old ? was : is
    const [from, to] = old ? edit.range : [edit.range[0], edit.range[0] + edit.text.length]
    const span = locate(doc, text, path)
    if (span.start < from || span.end > to) problems.push(`data changed outside the edit at ${path}`)
  }
  // Whole lines inside the edit that its text does not write again are removed (a merged removal keeps the
  // comment-only lines between the lines it takes); lines it covers in part are edited.
  const beforeLines = before.split('\n')
  const rewritten = edit.text.split('\n')
  const whole = linesOf(before, edit.range, true)
  const kept = new Set(whole.filter((l) => missing([beforeLines[l - 1]!], rewritten).length === 0))
  const removed = new Set(whole.filter((l) => !kept.has(l)))
  const edited = new Set(linesOf(before, edit.range).filter((l) => !removed.has(l) && !kept.has(l)))
  problems.push(...commentProblems(before, after, edited, removed))
  return problems
}

/** Whether `pointer` names an own property all the way down `data`. */
function has(data: unknown, pointer: string): boolean {
  let node = data
  for (const segment of parsePointer(pointer)) {
    if (!isPlainObject(node) && !Array.isArray(node)) return false
    if (!Object.hasOwn(node, segment)) return false
    node = (node as Record<string, unknown>)[segment]
  }
  return true
}
