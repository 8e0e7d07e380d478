// `lint-config [targets...]`, the root command: argv -> options -> lintFiles -> formatters -> exit code.
import type { Command } from 'commander'
import { InvalidArgumentError } from 'commander'
import path from 'node:path'
import { EXIT_LINT, EXIT_USAGE, getExitCode } from '../exit-code.js'
import { DEFAULT_MAX_BYTES, readTarget, UsageError } from '../engine/file-io.js'
import { writeFileAtomic } from '../engine/file-write.js'
import { decodeUtf8 } from '../engine/decode.js'
import { lintFiles } from '../engine/lint-files.js'
import { parseConfig } from '../engine/parse.js'
import { chooseEra, type BotSetting } from '../model/eras.js'
import { formatters } from '../formatters/index.js'
import { rules } from '../rules/index.js'
import { suggest } from '../rules/suggest.js'
import { parseRuleFlag } from '../settings/normalize.js'
import { plural } from '../text/plural.js'
import { reportPath } from '../text/report-path.js'
import { FORMAT_NAMES, type FormatName } from '../types.js'
import { balanceArgument, collect, botOption, configOption, integerArgument, maxBytesOption, type CliIo, type CommandSpec } from './command.js'
import { formatContext, markdownSizingCharts, markdownSizingTables, noBalanceNote } from './reports.js'
import { hasSuppressionsFile, SUPPRESSIONS_FILE } from './suppressions-file.js'
import { timingLimit, timingTable, type RuleTimes } from '../engine/timing.js'

/**
 * The era the bot setting resolves to for the file (auto-detection reads the file's profiles): its id, the commit its
 * semantics are read from, how it was chosen and why. Null when the file cannot be read or parsed (ESLint's
 * --print-config does not need the file either).
 */
async function resolvedEra(file: string, setting: BotSetting): Promise<{ era: string; commit: string; how: string; reason: string } | null> {
  let bytes: Uint8Array
  try {
    // As a lint reads it: regular files only (a FIFO never hangs the command), within the byte cap.
    bytes = await readTarget(file, file, DEFAULT_MAX_BYTES)
  } catch {
    return null
  }
  const decoded = decodeUtf8(bytes)
  if (!decoded.ok) return null
  const parsed = parseConfig(decoded.text)
  if (parsed.fatal) return null
  const { semantics, how, reason } = chooseEra(parsed.data, setting)
  return { era: semantics.era, commit: semantics.commit, how, reason }
}

/** One report to produce: a format, written to stdout or to a file. */
export interface OutputSpec {
  format: FormatName
  file?: string
}

interface LintFlags {
  format?: FormatName[]
  output?: string[]
  rule?: string[]
  maxWarnings?: number
  quiet?: boolean
  color?: boolean
  balance?: number[]
  seed?: number
  config?: string
  printConfig?: string
  stdinFilename?: string
  ignorePattern?: string[]
  reportUnusedDisableDirectives?: boolean
  fix?: boolean
  fixDryRun?: boolean
  maxBytes?: number
  inlineConfig?: boolean
  bot?: string
  suppressAll?: boolean
  suppressRule?: string[]
  suppressionsLocation?: string
  pruneSuppressions?: boolean
  passOnUnprunedSuppressions?: boolean
}

/** The suppression flags that make a run read or write the suppressions file even when it is not in the working directory. */
function suppressionsAsked(flags: LintFlags): boolean {
  const writing = flags.suppressAll || flags.suppressRule?.length || flags.pruneSuppressions
  return Boolean(writing || flags.suppressionsLocation !== undefined || flags.passOnUnprunedSuppressions)
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

function formatArgument(value: string): FormatName {
  if (!(FORMAT_NAMES as readonly string[]).includes(value)) {
    throw new InvalidArgumentError(`expected one of ${FORMAT_NAMES.join(', ')}`)
  }
  return value as FormatName
}

/**
 * Pairs each `--output` with the `--format` written before it, as in `--format sarif --output r.sarif --format stylish`;
 * a format with no output goes to stdout. Commander keeps each list but not their interleaving, so read argv.
 */
export function pairOutputs(argv: readonly string[], formats: readonly FormatName[], outputs: readonly string[]): OutputSpec[] {
  const specs: OutputSpec[] = formats.map((format) => ({ format }))
  if (specs.length === 0) specs.push({ format: 'stylish' })
  let formatIndex = -1
  let outputIndex = 0
  const isFlag = (arg: string, short: string, long: string): boolean =>
    arg === short || arg === long || arg.startsWith(`${long}=`) || (arg.startsWith(short) && arg.length > 2 && !arg.startsWith('--'))
  for (const arg of argv) {
    if (arg === '--') break
    if (isFlag(arg, '-f', '--format')) {
      formatIndex++
    } else if (isFlag(arg, '-o', '--output')) {
      const file = outputs[outputIndex++]
      const spec = specs[Math.max(formatIndex, 0)]
      if (file === undefined || !spec) continue
      if (spec.file !== undefined) throw new UsageError(`--output "${file}": the format "${spec.format}" already writes to "${spec.file}"; give another --format before it`)
      spec.file = file
    }
  }
  if (specs.filter((s) => s.file === undefined).length > 1) {
    throw new UsageError('several formats would print to stdout; give each format but one an --output file')
  }
  return specs
}

function define(command: Command): void {
  command
    .argument('[targets...]', 'files, directories (searched for config_futures*.y(a)ml) or globs; "-" reads stdin (default: config/config_futures.yaml)')
    .option('-f, --format <name>', `output format: ${FORMAT_NAMES.join(', ')} (repeatable, default stylish)`, collect(formatArgument))
    .option('-o, --output <file>', 'write the preceding --format to a file (atomically) instead of stdout', collect(String))
    .option('--rule <id:severity>', 'set a rule to off, warn or error (repeatable)', collect(String))
    .option('--balance <usd>', 'a reference balance for the sizing rules (repeatable)', collect(balanceArgument))
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings (-1: no limit, the default)', integerArgument(-1))
    .option('--quiet', 'report errors only')
    .option('--color', 'force colour')
    .option('--no-color', 'disable colour (NO_COLOR and FORCE_COLOR are honoured too)')
  configOption(command)
    .option('--print-config <file>', 'print the settings that apply to a file, then exit')
    .option('--seed <n>', 'seed for the interpolation-properties rule (replays a failure)', integerArgument(0))
    .option('--stdin-filename <name>', 'the file name to report (and to find settings from) when linting stdin')
    .option('--ignore-pattern <glob>', 'leave matching files out of directory and glob expansion (repeatable)', collect(String))
    .option('--report-unused-disable-directives', 'report lint-config-disable comments that suppress nothing, as errors')
    .option('--no-inline-config', 'ignore # lint-config-disable... comments in the linted files')
    .option('--fix', 'apply the fixes rules offer, in place')
    .option('--fix-dry-run', 'compute fixes without writing them (shown in --format json as "output")')
    .option('--suppress-all', `record every error finding in the suppressions file (${SUPPRESSIONS_FILE}); later runs report only new ones`)
    .option('--suppress-rule <id>', "record this rule's error findings in the suppressions file (repeatable)", collect(String))
    .option('--suppressions-location <file>', `the suppressions file (default ${SUPPRESSIONS_FILE} in the working directory)`)
    .option('--prune-suppressions', 'remove suppressions of findings that no longer occur')
    .option('--pass-on-unpruned-suppressions', 'do not fail when the suppressions file holds findings that no longer occur')
  maxBytesOption(command)
  botOption(command)
}

export const lintCommand: CommandSpec<LintFlags> = {
  description: 'Lint a crypto-futures bot config (config_futures.yaml): YAML as the bot loads it, its JSON Schema, and the sizing model.',
  define,
  async run(context, targets, flags) {
    const { io } = context
    const outputs = pairOutputs(context.argv, flags.format ?? [], flags.output ?? [])
    // As ESLint: the two fix modes contradict each other, and piped-in text has no file to fix.
    if (flags.fix && flags.fixDryRun) throw new UsageError('--fix and --fix-dry-run cannot be used together')
    if (flags.fix && targets.includes('-')) throw new UsageError('--fix cannot fix standard input; use --fix-dry-run (the fixed text is in --format json as "output")')
    // A bad --rule is a usage error before anything is read.
    for (const flag of flags.rule ?? []) parseRuleFlag(flag, rules)
    const suppressions = suppressionsAsked(flags) || (await hasSuppressionsFile(io.cwd)) ? await import('./suppressions.js') : undefined
    suppressions?.checkSuppressionFlags(flags, targets.includes('-'))
    for (const id of flags.suppressRule ?? []) {
      if (!Object.hasOwn(rules, id)) throw new UsageError(`--suppress-rule: unknown rule "${id}"${suggest(id, Object.keys(rules))}`)
    }
    const resolver = context.settings({
      config: flags.config,
      rules: flags.rule,
      balances: flags.balance,
      seed: flags.seed,
      bot: flags.bot,
      unusedDirectives: flags.reportUnusedDisableDirectives ? 'error' : undefined,
      inlineConfig: flags.inlineConfig === false ? false : undefined,
    })

    if (flags.printConfig !== undefined) {
      const dir = path.dirname(path.resolve(io.cwd, flags.printConfig))
      const settings = await resolver.forDirectory(dir)
      const loaded = await resolver.loaded(dir)
      const botEra = await resolvedEra(path.resolve(io.cwd, flags.printConfig), settings.shared.bot ?? 'auto')
      io.stdout(`${JSON.stringify({ settingsFile: loaded?.file ?? null, ...settings, botEra }, null, 2)}\n`)
      return 0
    }

    const files = outputs.flatMap((spec) => (spec.file === undefined ? [] : [spec.file]))
    const markdown = outputs.some((spec) => spec.format === 'markdown')
    const timingRows = timingLimit(io.env)
    const timing: RuleTimes | undefined = timingRows === undefined ? undefined : new Map()
    let results = await lintFiles(targets, {
      cwd: io.cwd,
      resolver,
      ignorePatterns: flags.ignorePattern ?? [],
      fix: flags.fix === true,
      fixDryRun: flags.fixDryRun === true,
      quiet: flags.quiet === true,
      stdin: { read: (maxBytes) => io.readStdin(maxBytes), filename: flags.stdinFilename },
      maxBytes: flags.maxBytes,
      outputFiles: files,
      sizingTables: markdown ? await markdownSizingTables() : undefined,
      sizingCharts: markdown ? await markdownSizingCharts() : undefined,
      ...(timing ? { timing } : {}),
    })

    // After fixing, as ESLint does: what --fix repaired is neither recorded nor suppressed.
    const suppressed = suppressions ? await suppressions.runSuppressions(results, flags, io.cwd) : undefined
    if (suppressed) results = suppressed.results

    // No silent pass: without a reference balance the checks at a balance did not run; say so once.
    const note = noBalanceNote(results)
    if (note) io.stderr(`lint-config: note: ${note}\n`)
    const notifications = note ? [{ level: 'note' as const, message: note }] : undefined
    for (const spec of outputs) {
      const toFile = spec.file !== undefined
      const ctx = formatContext(io.reportCwd ?? io.cwd, useColor(flags.color, io, toFile), context.version)
      const text = formatters[spec.format](results, notifications ? { ...ctx, notifications } : ctx)
      if (spec.file === undefined) io.stdout(text)
      else {
        const absolute = path.resolve(io.cwd, spec.file)
        await writeFileAtomic(absolute, text, { createDir: true, shown: reportPath(absolute, io.cwd) })
      }
    }
    // ESLint prints its TIMING table after the report; on stderr here, so that json and sarif on stdout stay valid.
    if (timing && timingRows !== undefined) io.stderr(timingTable(timing, timingRows))
    if (suppressed && suppressed.unusedCount > 0 && !flags.passOnUnprunedSuppressions) {
      // ESLint's ratchet: a fixed finding must leave the file too, or the count would hide a new one later.
      io.stderr(
        `lint-config: ${plural(suppressed.unusedCount, 'suppressed finding')} in "${suppressed.shown}" no longer ${suppressed.unusedCount === 1 ? 'occurs' : 'occur'}; ` +
          're-run with --prune-suppressions to update the file (or pass --pass-on-unpruned-suppressions)\n',
      )
      return EXIT_USAGE
    }
    const maxWarnings = flags.maxWarnings ?? -1
    const exitCode = getExitCode(results, { maxWarnings })
    const errors = results.reduce((n, r) => n + r.errorCount, 0)
    if (exitCode === EXIT_LINT && errors === 0) {
      // Warnings alone fail the run only through --max-warnings: say so, as ESLint does.
      const warnings = results.reduce((n, r) => n + r.warningCount, 0)
      io.stderr(`lint-config: ${plural(warnings, 'warning')} found, more than --max-warnings ${maxWarnings} allows\n`)
    }
    return exitCode
  },
}
