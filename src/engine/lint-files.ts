// lintFiles: targets and settings in, one FileResult per file out; the library call the CLI, the Action and editors share.
import path from 'node:path'
import { rules } from '../rules/index.js'
import { SettingsResolver, type SettingsOverrides } from '../settings/resolve.js'
import { reportPath, STDIN_NAME } from '../text/report-path.js'
import type { FileResult, LintSettings, SizingChart, SizingTable } from '../types.js'
import { decodeUtf8 } from './decode.js'
import { fileIdentity, sameFile } from './file-identity.js'
import { DEFAULT_MAX_BYTES, readTarget, tooLargeMessage, UsageError } from './file-io.js'
import { writeFileAtomic } from './file-write.js'
import { lintAndFix } from './fix.js'
import { lintBytes } from './lint-text.js'
import { parseConfig, type ParsedConfig } from './parse.js'
import type { RuleTimes } from './timing.js'
import { expandTargets, STDIN } from './targets.js'

export { readTarget, UsageError } from './file-io.js'
export { writeFileAtomic } from './file-write.js'
export { CONFIG_PATTERN, DEFAULT_TARGET, expandTargets, STDIN, type Target } from './targets.js'

/** Renders the sizing tables of one config at the settings' reference balances (Markdown), or undefined for none. */
export type SizingTables = (data: unknown, settings: LintSettings) => readonly SizingTable[] | undefined

/** The chart points (data) of one config under its sizing tables, or undefined for none. */
export type SizingCharts = (data: unknown, settings: LintSettings) => SizingChart | undefined

export interface LintFilesOptions extends SettingsOverrides {
  /** Absolute directory that relative targets, globs and settings paths resolve against. */
  cwd: string
  /** `--ignore-pattern` globs (relative to `cwd`), added to the settings file's `ignorePatterns`. */
  ignorePatterns?: readonly string[]
  /** Apply fixes and write each changed file back (atomically). */
  fix?: boolean
  /** Compute fixes (`FileResult.output`) without writing anything. */
  fixDryRun?: boolean
  /** Keep errors only: warnings are dropped and not counted (ESLint's --quiet). */
  quiet?: boolean
  /** Where the '-' target's bytes come from (at most `maxBytes` of them), and the name it is reported (and its settings found) under. */
  stdin?: { read(maxBytes: number): Promise<Uint8Array>; filename?: string }
  /** The most bytes one file (or stdin) may have (default DEFAULT_MAX_BYTES, 64 MiB); more is a UsageError. */
  maxBytes?: number
  /** Files the caller is about to write reports to: a run that would lint one of them is refused (UsageError). */
  outputFiles?: readonly string[]
  /** Attach `FileResult.sizingTables` to each file that parses, when its settings name reference balances. */
  sizingTables?: SizingTables
  /** With `sizingTables`: attach `FileResult.sizingChart` too, the same files under the same conditions. */
  sizingCharts?: SizingCharts
  /** A resolver to share settings files (and their cache) with the caller; by default one is made from these options. */
  resolver?: SettingsResolver
  /** Adds each rule's time here, over every file (TIMING=1). */
  timing?: RuleTimes
}

function relativeGlob(cwd: string, absoluteGlob: string): string {
  const rel = path.posix.relative(cwd.split(path.sep).join('/'), absoluteGlob)
  return rel === '' ? '.' : rel
}

/**
 * Lints files, directories and globs (none: the settings file's `files`, else config/config_futures.yaml; '-' reads
 * `options.stdin`) with the settings that apply to each file, and returns one result per file in target order.
 * With `fix`, changed files are written back atomically. Usage, I/O and settings problems throw UsageError or
 * SettingsError (one line each); a rule that throws is a RuleCrash. Nothing is printed.
 */
export async function lintFiles(targets: readonly string[], options: LintFilesOptions): Promise<FileResult[]> {
  const { cwd } = options
  const resolver = options.resolver ?? new SettingsResolver(rules, cwd, options)

  // Targets and ignores may come from the settings file that applies to the working directory.
  const here = await resolver.loaded(cwd)
  const ignore = [...(options.ignorePatterns ?? []), ...(here?.ignorePatterns ?? []).map((g) => relativeGlob(cwd, g))]
  const defaults = targets.length === 0 && here?.files?.length ? here.files.map((g) => relativeGlob(cwd, g)) : []
  const files = await expandTargets(targets.length > 0 ? targets : defaults, { cwd, ignore })

  // A report written over a linted file would destroy the config: compare real paths and inodes (hard links,
  // /dev/stdout redirected to the config), the name stdin is linted under included.
  const outputs = options.outputFiles ?? []
  if (outputs.length > 0) {
    const stdinName = options.stdin?.filename
    const linted = files.flatMap((file) => (file !== STDIN ? [file] : stdinName !== undefined ? [path.resolve(cwd, stdinName)] : []))
    const identities = await Promise.all(linted.map((file) => fileIdentity(file)))
    for (const output of outputs) {
      const identity = await fileIdentity(path.resolve(cwd, output))
      if (identities.some((other) => sameFile(identity, other))) {
        throw new UsageError(`refusing to write the report over the linted file "${output}"`)
      }
    }
  }

  const results: FileResult[] = []
  for (const file of files) results.push(await lintOne(file, options, resolver))
  return results
}

async function lintOne(file: string, options: LintFilesOptions, resolver: SettingsResolver): Promise<FileResult> {
  const { cwd } = options
  const stdin = file === STDIN
  const stdinName = options.stdin?.filename
  const shownPath = stdin ? (stdinName !== undefined ? path.resolve(cwd, stdinName) : STDIN_NAME) : file
  const settings = await resolver.forDirectory(stdin ? path.dirname(path.resolve(cwd, stdinName ?? 'stdin')) : path.dirname(file))
  const bytes = stdin ? await readStdin(options) : await readTarget(file, reportPath(file, cwd), options.maxBytes)
  // Sizing tables need the parse too: then parse here, once, and hand the parse to the linter.
  const decoded = options.sizingTables !== undefined && settings.shared.balances.length > 0 ? decodeUtf8(bytes) : undefined
  const parsed = decoded?.ok ? parseConfig(decoded.text) : undefined
  const timing = options.timing ? { timing: options.timing } : {}
  let result = lintBytes(bytes, settings, parsed ? { filePath: shownPath, parsed, ...timing } : { filePath: shownPath, ...timing })
  if ((options.fix || options.fixDryRun) && result.fixableErrorCount + result.fixableWarningCount > 0) {
    result = lintAndFix(Buffer.from(bytes).toString('utf8'), settings, { filePath: shownPath, ...timing })
  }
  if (options.fix && !stdin && result.output !== undefined) await writeFileAtomic(file, result.output, { shown: reportPath(file, cwd) })
  if (options.quiet) {
    const findings = result.findings.filter((f) => f.severity === 'error')
    result = { ...result, findings, warningCount: 0, fixableWarningCount: 0 }
  }
  if (parsed && options.sizingTables) {
    const final = result.output !== undefined ? parseConfig(result.output) : parsed
    const tables = sizingTablesOf(final, settings, options.sizingTables)
    if (tables !== undefined) {
      const chart = options.sizingCharts?.(final.data, settings)
      result = { ...result, sizingTables: tables, ...(chart ? { sizingChart: chart } : {}) }
    }
  }
  if (settings.shared.balances.length === 0 && !result.findings.some((f) => f.fatal) && AT_BALANCE_RULES.some((id) => ruleIsOn(settings, id))) {
    result = { ...result, noReferenceBalance: true }
  }
  return result
}

/** The rules with findings at a reference balance (stale-override's ignored overrides, size-cap's clipped sizes). */
const AT_BALANCE_RULES = ['stale-override', 'size-cap']

function ruleIsOn(settings: LintSettings, id: string): boolean {
  return (settings.rules[id]?.severity ?? rules[id]?.meta.defaultSeverity ?? 'off') !== 'off'
}

async function readStdin(options: LintFilesOptions): Promise<Uint8Array> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  const bytes = (await options.stdin?.read(maxBytes)) ?? new Uint8Array()
  if (bytes.length > maxBytes) throw new UsageError(tooLargeMessage('standard input', maxBytes))
  return bytes
}

function sizingTablesOf(parsed: ParsedConfig, settings: LintSettings, render: SizingTables): readonly SizingTable[] | undefined {
  return parsed.fatal ? undefined : render(parsed.data, settings)
}
