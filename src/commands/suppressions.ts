// Bulk suppressions, as ESLint 9's: a file counting today's error findings per file and rule; later runs report only what goes beyond.
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { UsageError } from '../engine/file-io.js'
import { writeFileAtomic } from '../engine/file-write.js'
import { summarize } from '../engine/lint-text.js'
import { reportPath, STDIN_NAME } from '../text/report-path.js'
import type { FileResult, Finding, SuppressedFinding } from '../types.js'
import { SUPPRESSIONS_FILE } from './suppressions-file.js'


/** `{ "<file relative to the working directory>": { "<rule id>": { "count": N } } }`, ESLint's shape. */
export type Suppressions = Record<string, Record<string, { count: number }>>

/** Error findings of one result counted per rule (warnings are never suppressed, as in ESLint). */
function errorCounts(result: FileResult): Map<string, number> {
  const counts = new Map<string, number>()
  for (const f of result.findings) if (f.severity === 'error') counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1)
  return counts
}

/** The key a result has in the file: its path relative to `cwd`, with `/` separators (absolute when outside it). */
export function suppressionKey(result: FileResult, cwd: string): string {
  return reportPath(path.resolve(cwd, result.filePath), cwd)
}

/**
 * `--suppress-all` (no `rules`) or `--suppress-rule` (those rules): sets the count of every rule with error findings in
 * each result to today's number, keeping the other entries. Returns a new object.
 */
export function suppress(existing: Suppressions, results: readonly FileResult[], cwd: string, rules?: readonly string[]): Suppressions {
  const out = structuredClone(existing)
  for (const result of results) {
    const key = suppressionKey(result, cwd)
    for (const [rule, count] of errorCounts(result)) {
      if (rules && !rules.includes(rule)) continue
      out[key] = { ...out[key], [rule]: { count } }
    }
  }
  return out
}

/** What applying the file leaves: the results with suppressed findings moved aside, and the counts nothing used. */
export interface Applied {
  results: FileResult[]
  /** Suppressions of linted files that no finding used any more (ESLint's "unused"). */
  unused: Suppressions
}

/**
 * Applies the file to the results: in each file, a rule whose error findings are at most its count has all of them moved
 * to `suppressed` (kind `file`); a rule with more than its count keeps all of them reported, since nothing tells the old
 * ones from the new (ESLint does the same). Counts are recomputed. `unused` holds, for the linted files only, what is
 * left of each count.
 */
export function applySuppressions(results: readonly FileResult[], suppressions: Suppressions, cwd: string): Applied {
  const unused: Suppressions = {}
  const out = results.map((result) => {
    const entry = suppressions[suppressionKey(result, cwd)]
    if (!entry) return result
    const counts = errorCounts(result)
    const silenced = new Set<string>()
    const left: Record<string, { count: number }> = {}
    for (const [rule, { count }] of Object.entries(entry)) {
      const found = counts.get(rule) ?? 0
      if (found > 0 && found <= count) silenced.add(rule)
      if (found < count) left[rule] = { count: count - found }
    }
    if (Object.keys(left).length > 0) unused[suppressionKey(result, cwd)] = left
    if (silenced.size === 0) return result
    const kept: Finding[] = []
    const suppressed: SuppressedFinding[] = [...(result.suppressed ?? [])]
    for (const f of result.findings) {
      if (f.severity === 'error' && silenced.has(f.ruleId)) suppressed.push({ ...f, justification: '', kind: 'file' })
      else kept.push(f)
    }
    const { filePath, findings: _findings, suppressed: _suppressed, ...rest } = result
    return { ...rest, ...summarize(filePath, kept), suppressed }
  })
  return { results: out, unused }
}

/** `--prune-suppressions`: the file without what no longer occurs in the linted files (counts lowered, empty entries dropped). */
export function prune(existing: Suppressions, results: readonly FileResult[], cwd: string): Suppressions {
  const { unused } = applySuppressions(results, existing, cwd)
  const out = structuredClone(existing)
  for (const [file, rules] of Object.entries(unused)) {
    for (const [rule, { count }] of Object.entries(rules)) {
      const left = out[file]![rule]!.count - count
      if (left > 0) out[file]![rule] = { count: left }
      else delete out[file]![rule]
    }
    if (Object.keys(out[file]!).length === 0) delete out[file]
  }
  return out
}

/** The file's text: keys sorted at every level, two-space indent, a final newline, so a change shows as a small diff. */
export function formatSuppressions(s: Suppressions): string {
  const sorted = Object.fromEntries(
    Object.keys(s)
      .sort()
      .map((file) => [file, Object.fromEntries(Object.keys(s[file]!).sort().map((rule) => [rule, { count: s[file]![rule]!.count }]))]),
  )
  return `${JSON.stringify(sorted, null, 2)}\n`
}

/** Checks the parsed file's shape; the message names the first bad entry. */
function validate(data: unknown, shown: string): Suppressions {
  const bad = (where: string, what: string): never => {
    throw new UsageError(`the suppressions file "${shown}" is not valid: ${where} ${what}`)
  }
  const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x)
  if (!isObject(data)) bad('its top level', 'must be an object of files')
  const out: Suppressions = {}
  for (const [file, rules] of Object.entries(data as Record<string, unknown>)) {
    if (!isObject(rules)) bad(JSON.stringify(file), 'must be an object of rules')
    out[file] = {}
    for (const [rule, entry] of Object.entries(rules as Record<string, unknown>)) {
      const count = isObject(entry) ? entry.count : undefined
      if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 1) bad(`${JSON.stringify(file)} > ${JSON.stringify(rule)}`, 'must be {"count": N} with N a whole number >= 1')
      out[file]![rule] = { count: count as number }
    }
  }
  return out
}

/** Reads the file; undefined when it does not exist. A file that is not JSON of the right shape is a UsageError (exit 2). */
export async function loadSuppressions(file: string, shown: string): Promise<Suppressions | undefined> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw new UsageError(`cannot read the suppressions file "${shown}": ${(error as Error).message}`)
  }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    throw new UsageError(`the suppressions file "${shown}" is not valid JSON: ${(error as Error).message}`)
  }
  return validate(data, shown)
}

/** Writes the file atomically (creating its directory), in the sorted, diff-friendly form. */
export async function saveSuppressions(file: string, shown: string, s: Suppressions): Promise<void> {
  await writeFileAtomic(file, formatSuppressions(s), { createDir: true, shown })
}

/** The suppression flags of one lint run. */
export interface SuppressionFlags {
  suppressAll?: boolean
  suppressRule?: string[]
  suppressionsLocation?: string
  pruneSuppressions?: boolean
  passOnUnprunedSuppressions?: boolean
}

/** What the flags cannot be combined with; the same refusals as ESLint's, one line each. */
export function checkSuppressionFlags(flags: SuppressionFlags, stdin: boolean): void {
  const rule = (flags.suppressRule?.length ?? 0) > 0
  if (flags.suppressAll && rule) throw new UsageError('--suppress-all and --suppress-rule cannot be used together')
  if (flags.suppressAll && flags.pruneSuppressions) throw new UsageError('--suppress-all and --prune-suppressions cannot be used together')
  if (rule && flags.pruneSuppressions) throw new UsageError('--suppress-rule and --prune-suppressions cannot be used together')
  if (stdin && (flags.suppressAll || rule || flags.pruneSuppressions)) {
    throw new UsageError('--suppress-all, --suppress-rule and --prune-suppressions cannot be used with standard input')
  }
}

/** The outcome of the suppressions step of a lint run. */
export interface SuppressionOutcome {
  results: FileResult[]
  /** How many suppressed findings of the linted files no longer occur (0 after pruning). */
  unusedCount: number
  /** The file that was applied, as reports name it; undefined when there is none. */
  shown?: string
}

/**
 * The suppressions step of a lint run, after linting and fixing: writes the file for --suppress-all / --suppress-rule /
 * --prune-suppressions, then applies it (when it exists) to every result but standard input's.
 */
export async function runSuppressions(results: FileResult[], flags: SuppressionFlags, cwd: string): Promise<SuppressionOutcome> {
  const file = path.resolve(cwd, flags.suppressionsLocation ?? SUPPRESSIONS_FILE)
  const shown = reportPath(file, cwd)
  const writing = flags.suppressAll || (flags.suppressRule?.length ?? 0) > 0 || flags.pruneSuppressions
  let current = await loadSuppressions(file, shown)
  if (current === undefined && flags.suppressionsLocation !== undefined && !flags.suppressAll && !flags.suppressRule?.length) {
    throw new UsageError(`the suppressions file "${shown}" does not exist; create it with --suppress-all or --suppress-rule`)
  }
  // Standard input names no file the suppressions could be kept for (ESLint skips it too).
  const files = results.filter((r) => r.filePath !== STDIN_NAME)
  if (writing) {
    current = current ?? {}
    if (flags.pruneSuppressions) current = prune(current, files, cwd)
    else current = suppress(current, files, cwd, flags.suppressAll ? undefined : flags.suppressRule)
    await saveSuppressions(file, shown, current)
  }
  if (current === undefined) return { results, unusedCount: 0 }
  const applied = applySuppressions(files, current, cwd)
  const byFile = new Map(files.map((r, i) => [r, applied.results[i]!]))
  const unusedCount = Object.values(applied.unused).reduce((n, rules) => n + Object.values(rules).reduce((m, r) => m + r.count, 0), 0)
  return { results: results.map((r) => byFile.get(r) ?? r), unusedCount, shown }
}
