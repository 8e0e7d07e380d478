// `lint-config [targets...]`: expand targets, resolve settings per file, lint (and fix), format to stdout and files.
import path from 'node:path'
import { getExitCode } from '../exit-code.js'
import { lintAndFix } from '../engine/fix.js'
import { lintBytes } from '../engine/lint-text.js'
import { decodeUtf8 } from '../engine/decode.js'
import { parseConfig, type ParsedConfig } from '../engine/parse.js'
import {
  STDIN,
  UsageError,
  expandTargets,
  readTarget,
  realPathOrResolved,
  writeFileAtomic,
} from '../engine/lint-files.js'
import { formatters } from '../formatters/index.js'
import { reportPath } from '../formatters/paths.js'
import { ruleDocsUrl } from '../rules/docs-url.js'
import { rules } from '../rules/index.js'
import { parseRuleFlag } from '../settings/normalize.js'
import { SettingsResolver, type SettingsOverrides } from '../settings/resolve.js'
import type { FileResult, FormatName, LintSettings, RuleMeta, SizingTable } from '../types.js'
import { sizingTable } from '../model/sizing-table.js'

/** Everything the command touches outside itself, so tests run it in-process. */
export interface CliIo {
  stdout(text: string): void
  stderr(text: string): void
  readStdin(): Promise<Buffer>
  cwd: string
  env: Record<string, string | undefined>
  stdoutIsTTY: boolean
  /**
   * Reports show paths relative to this directory instead of `cwd`. The GitHub Action passes the workspace root,
   * where GitHub resolves annotation and SARIF paths, while targets still resolve against its working directory.
   */
  reportCwd?: string
}

/** One report to produce: a format, written to stdout or to a file. */
export interface OutputSpec {
  format: FormatName
  file?: string
}

export interface LintOptions extends SettingsOverrides {
  outputs: OutputSpec[]
  maxWarnings: number
  quiet: boolean
  color?: boolean
  fix: boolean
  fixDryRun: boolean
  stdinFilename?: string
  ignorePatterns: string[]
  printConfig?: string
  /** lint-config's version, for formats that name the tool. */
  version?: string
}

/** NO_COLOR / FORCE_COLOR / --color / --no-color / TTY, in the order of precedence chalk and ESLint use. */
export function useColor(flag: boolean | undefined, io: CliIo, toFile: boolean): boolean {
  if (toFile) return flag === true
  if (flag !== undefined) return flag
  const force = io.env.FORCE_COLOR
  if (force !== undefined) return force !== '0' && force !== 'false'
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false
  return io.stdoutIsTTY
}

function ruleMetas(): Record<string, RuleMeta> {
  return Object.fromEntries(Object.entries(rules).map(([id, rule]) => [id, rule.meta as RuleMeta]))
}

/** The sizing tables a markdown report shows for one file: one per reference balance that selects a profile. */
function sizingTables(parsed: ParsedConfig, settings: LintSettings): SizingTable[] | undefined {
  if (parsed.fatal) return undefined
  const list = settings.shared.balances
    .map((balance) => sizingTable(parsed.data, balance, { sizingMode: settings.shared.sizingMode }))
    .filter((e): e is SizingTable => e !== undefined)
  return list.length > 0 ? list : undefined
}

function relativeGlob(cwd: string, absoluteGlob: string): string {
  const rel = path.posix.relative(cwd.split(path.sep).join('/'), absoluteGlob)
  return rel === '' ? '.' : rel
}

export async function runLint(args: string[], options: LintOptions, io: CliIo): Promise<number> {
  // A bad --rule is a usage error before anything is read.
  for (const flag of options.rules ?? []) parseRuleFlag(flag, rules)
  const resolver = new SettingsResolver(rules, io.cwd, options)

  if (options.printConfig !== undefined) {
    const file = path.resolve(io.cwd, options.printConfig)
    const settings = await resolver.forDirectory(path.dirname(file))
    const loaded = await resolver.loaded(path.dirname(file))
    io.stdout(`${JSON.stringify({ settingsFile: loaded?.file ?? null, ...settings }, null, 2)}\n`)
    return 0
  }

  // Targets and ignores may come from the settings file that applies to the working directory.
  const here = await resolver.loaded(io.cwd)
  const ignore = [...options.ignorePatterns, ...(here?.ignorePatterns ?? []).map((g) => relativeGlob(io.cwd, g))]
  const defaults = args.length === 0 && here?.files?.length ? here.files.map((g) => relativeGlob(io.cwd, g)) : []
  const targets = await expandTargets(args.length > 0 ? args : defaults, { cwd: io.cwd, ignore })

  const reports = await Promise.all(
    options.outputs.map(async (spec) => {
      if (spec.file === undefined) return { ...spec, absolute: undefined }
      const absolute = path.resolve(io.cwd, spec.file)
      const real = await realPathOrResolved(absolute)
      for (const target of targets) {
        if (target !== STDIN && (await realPathOrResolved(target)) === real) {
          throw new UsageError(`refusing to write the report over the linted file "${spec.file}"`)
        }
      }
      return { ...spec, absolute }
    }),
  )

  const fixing = options.fix || options.fixDryRun
  const withExplain = options.outputs.some((spec) => spec.format === 'markdown')
  const results: FileResult[] = []
  for (const target of targets) {
    const stdin = target === STDIN
    const shownPath = stdin ? (options.stdinFilename !== undefined ? path.resolve(io.cwd, options.stdinFilename) : '<stdin>') : target
    const settings = await resolver.forDirectory(stdin ? path.dirname(path.resolve(io.cwd, options.stdinFilename ?? 'stdin')) : path.dirname(target))
    const bytes = stdin ? await io.readStdin() : await readTarget(target, reportPath(target, io.cwd))
    // Only a markdown report shows sizing tables: then parse here, once, and hand the parse to the linter.
    const decoded = withExplain && settings.shared.balances.length > 0 ? decodeUtf8(bytes) : undefined
    const parsed = decoded?.ok ? parseConfig(decoded.text) : undefined
    let result = lintBytes(bytes, settings, parsed ? { filePath: shownPath, parsed } : { filePath: shownPath })
    if (fixing && result.fixableErrorCount + result.fixableWarningCount > 0) {
      result = lintAndFix(bytes.toString('utf8'), settings, { filePath: shownPath })
    }
    if (options.fix && !stdin && result.output !== undefined) await writeFileAtomic(target, result.output, { shown: reportPath(target, io.cwd) })
    if (options.quiet) {
      const findings = result.findings.filter((f) => f.severity === 'error')
      result = { ...result, findings, warningCount: 0, fixableWarningCount: 0 }
    }
    if (parsed) {
      const tables = sizingTables(result.output !== undefined ? parseConfig(result.output) : parsed, settings)
      if (tables !== undefined) result = { ...result, sizingTables: tables }
    }
    results.push(result)
  }

  for (const report of reports) {
    const formatter = formatters[report.format]
    if (!formatter) throw new UsageError(`unknown format "${report.format}"`)
    const color = useColor(options.color, io, report.absolute !== undefined)
    const text = formatter(results, { cwd: io.reportCwd ?? io.cwd, color, rules: ruleMetas(), docsUrl: ruleDocsUrl, version: options.version })
    if (report.absolute !== undefined) await writeFileAtomic(report.absolute, text, { createDir: true, shown: reportPath(report.absolute, io.cwd) })
    else io.stdout(text)
  }
  return getExitCode(results, { maxWarnings: options.maxWarnings })
}
