// The GitHub Action's entry point (dist/action.js): INPUT_* variables -> lintFiles -> annotations, SARIF, job summary, outputs, exit code.
import { realpathSync } from 'node:fs'
import { appendFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { randomUUID } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { formatContext, markdownSizingCharts, markdownSizingTables, noBalanceNote } from '../commands/reports.js'
import { hasSuppressionsFile } from '../commands/suppressions-file.js'
import { EXIT_LINT, EXIT_OK, EXIT_USAGE, getExitCode } from '../exit-code.js'
import { writeFileAtomic } from '../engine/file-io.js'
import { lintFiles } from '../engine/lint-files.js'
import { summarize } from '../engine/lint-text.js'
import { failureLine, oneLine } from '../failure.js'
import { escapeData, escapeProperty } from '../formatters/github.js'
import { formatters } from '../formatters/index.js'
import { rules } from '../rules/index.js'
import { BalanceError, parseBalance } from '../settings/balance.js'
import { SettingsResolver } from '../settings/resolve.js'
import { escapeMarkdown } from '../text/escape-markdown.js'
import { plural } from '../text/plural.js'
import { reportPath } from '../text/report-path.js'
import { processOutput } from '../process-output.js'
import { FORMAT_NAMES, type FileResult, type FormatName } from '../types.js'
import { version } from '../version.js'
import type { PullRequestEvent } from './pull-request.js'

/** The inputs action.yml declares, by id. The test checks this list against action.yml both ways. */
export const INPUT_NAMES = ['files', 'balances', 'format', 'sarif-file', 'max-warnings', 'fail-on', 'config', 'working-directory', 'only-new'] as const
export type InputName = (typeof INPUT_NAMES)[number]

/** The outputs action.yml declares; written to $GITHUB_OUTPUT. */
export const OUTPUT_NAMES = ['exit-code', 'errors', 'warnings', 'new-errors', 'new-warnings'] as const

/**
 * The environment variable that carries an input: `INPUT_` + the id upper-cased with spaces replaced by `_`; hyphens
 * are kept (`sarif-file` -> `INPUT_SARIF-FILE`). This is the runner's naming ("converts input names to uppercase
 * letters and replaces spaces with `_`", GitHub's metadata syntax reference) and @actions/core's `getInput`
 * (`INPUT_${name.replace(/ /g, '_').toUpperCase()}`, actions/toolkit packages/core/src/core.ts). A composite action
 * gets no such variables for free: action.yml maps each input in its step's `env`.
 */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

export type FailOn = 'error' | 'warning'

/** The inputs, parsed. Paths stay as given: relative ones resolve against `workingDirectory`, as the CLI run there would. */
export interface ActionInputs {
  /** Files, directories or globs; empty means the CLI's default (settings `files`, else config/config_futures.yaml). */
  files: string[]
  /** Reference balances in USD; empty means the settings file's. */
  balances: number[]
  /** The format printed to the log (stdout). */
  format: FormatName
  sarifFile?: string
  /** -1 means no limit. */
  maxWarnings: number
  failOn: FailOn
  config?: string
  workingDirectory: string
  /** On a pull_request event, report and fail on only the findings the pull request adds. */
  onlyNew: boolean
}

/** A bad input: the step fails with exit 2 and this one-line message. */
export class InputError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'InputError'
  }
}

/**
 * Reads and checks the inputs, trimmed as @actions/core's getInput does. An unset or empty input takes the default
 * action.yml declares (`files` aside: empty there means the CLI's own default target).
 */
export function readInputs(env: Readonly<Record<string, string | undefined>>): ActionInputs {
  const get = (name: InputName): string => (env[inputVariable(name)] ?? '').trim()

  const files = get('files').split(/\s+/).filter(Boolean)
  if (files.includes('-')) throw new InputError('files: "-" (standard input) is not available in the Action; name the files')

  // Commas separate balances, so they cannot also group thousands: 1018, not 1,018.
  // Spaces and newlines separate balances, and so does a comma at the end of one ("1018, 3000"); a comma inside
  // one groups thousands (1,018) or makes it ambiguous (1018,3000), which the strict parser rejects by name.
  const balances = get('balances')
    .split(/\s+/)
    .map((text) => text.replace(/,$/, ''))
    .filter(Boolean)
    .map((text) => {
      try {
        return parseBalance(text)
      } catch (error) {
        if (error instanceof BalanceError) throw new InputError(`balances: "${text}": ${error.message}`)
        throw error
      }
    })

  const format = (get('format') || 'github') as FormatName
  if (!(FORMAT_NAMES as readonly string[]).includes(format)) throw new InputError(`format: expected one of ${FORMAT_NAMES.join(', ')}, got "${format}"`)

  const maxText = get('max-warnings') || '-1'
  const maxWarnings = Number(maxText)
  if (!/^-?\d+$/.test(maxText) || !Number.isSafeInteger(maxWarnings) || maxWarnings < -1) {
    throw new InputError(`max-warnings: expected a whole number >= 0, or -1 for no limit, got "${maxText}"`)
  }

  const failOn = (get('fail-on') || 'error').toLowerCase()
  if (failOn !== 'error' && failOn !== 'warning') throw new InputError(`fail-on: expected "error" or "warning", got "${failOn}"`)

  const onlyNewText = (get('only-new') || 'false').toLowerCase()
  if (onlyNewText !== 'true' && onlyNewText !== 'false') throw new InputError(`only-new: expected "true" or "false", got "${get('only-new')}"`)

  const sarifFile = get('sarif-file')
  const config = get('config')
  return {
    files,
    balances,
    format,
    ...(sarifFile !== '' ? { sarifFile } : {}),
    maxWarnings,
    failOn,
    ...(config !== '' ? { config } : {}),
    workingDirectory: get('working-directory') || '.',
    onlyNew: onlyNewText === 'true',
  }
}

export interface Counts {
  errors: number
  warnings: number
}

/** Totals over the results. */
export function countsOf(results: readonly FileResult[]): Counts {
  return {
    errors: results.reduce((n, r) => n + r.errorCount, 0),
    warnings: results.reduce((n, r) => n + r.warningCount, 0),
  }
}

/**
 * The step's exit code. Never 0 after a failure: a CLI exit other than 0 or 1, or a missing report, is 2; lint errors
 * (or too many warnings) stay 1; with `fail-on: warning` any warning is 1 too.
 */
export function decideExitCode(cliExit: number, counts: Counts | undefined, failOn: FailOn): number {
  if (cliExit !== EXIT_OK && cliExit !== EXIT_LINT) return EXIT_USAGE
  if (counts === undefined) return EXIT_USAGE
  if (cliExit === EXIT_LINT || counts.errors > 0) return EXIT_LINT
  if (failOn === 'warning' && counts.warnings > 0) return EXIT_LINT
  return EXIT_OK
}

/**
 * Lines for $GITHUB_OUTPUT: `name=value`, or GitHub's multiline form `name<<delimiter` ... `delimiter` when the value
 * has a line break (a random delimiter, as @actions/core's prepareKeyValueMessage uses).
 */
export function outputLines(outputs: Readonly<Record<string, string>>, delimiter = `ghadelimiter_${randomUUID()}`): string {
  let out = ''
  for (const [name, value] of Object.entries(outputs)) {
    if (/[\r\n]/.test(value)) {
      if (value.includes(delimiter)) throw new Error(`output ${name}: the value contains the delimiter`)
      out += `${name}<<${delimiter}\n${value}\n${delimiter}\n`
    } else {
      out += `${name}=${value}\n`
    }
  }
  return out
}

/** GitHub rejects a step summary over 1 MiB whole ("supports content up to a size of 1024k"); stay under it. */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024

const TRUNCATED = '\n\n**The job summary stops here:** GitHub takes at most 1 MiB per step. The log lists every finding.\n'

/** `markdown` cut at a line boundary so that it fits in `budget` bytes (UTF-8), with a note saying so. */
export function fitSummary(markdown: string, budget: number): string {
  if (Buffer.byteLength(markdown) <= budget) return markdown
  const keep = budget - Buffer.byteLength(TRUNCATED)
  if (keep <= 0) return ''
  const head = Buffer.from(markdown).subarray(0, keep).toString('utf8')
  const cut = head.lastIndexOf('\n')
  return `${cut > 0 ? head.slice(0, cut) : ''}${TRUNCATED}`
}

/** A workflow command that fails loudly: one `::error` line (an annotation), escaped as @actions/core does. */
export function errorCommand(message: string): string {
  return `::error title=${escapeProperty('lint-config')}::${escapeData(oneLine(message))}\n`
}

/** What the Action touches outside itself, so the test runs it in-process as the runner would. */
export interface ActionIo {
  env: Readonly<Record<string, string | undefined>>
  /** The step's working directory (the workspace, unless the workflow says otherwise). */
  cwd: string
  stdout(text: string): void
  stderr(text: string): void
}

async function isDirectory(dir: string): Promise<boolean> {
  try {
    return (await stat(dir)).isDirectory()
  } catch {
    return false
  }
}

async function fileSize(file: string): Promise<number> {
  try {
    return (await stat(file)).size
  } catch {
    return 0
  }
}

/**
 * Runs the Action once and returns the process exit code: 0 clean, 1 lint errors (or warnings with `fail-on:
 * warning`, or too many warnings), 2 bad input or any failure, which also prints one `::error` line. Paths in
 * reports are relative to $GITHUB_WORKSPACE, where GitHub resolves annotation and SARIF paths, even when
 * `working-directory` points below it.
 */
export async function runAction(io: ActionIo): Promise<number> {
  const outputFile = io.env.GITHUB_OUTPUT || undefined
  try {
    const major = Number(process.versions.node.split('.')[0])
    if (major < 20) throw new InputError(`lint-config needs Node.js 20 or later, found ${process.versions.node}; add actions/setup-node before this step`)
    const inputs = readInputs(io.env)
    const workDir = path.resolve(io.cwd, inputs.workingDirectory)
    if (!(await isDirectory(workDir))) throw new InputError(`working-directory: "${inputs.workingDirectory}" is not a directory`)
    const workspace = io.env.GITHUB_WORKSPACE ? path.resolve(io.cwd, io.env.GITHUB_WORKSPACE) : io.cwd
    const summaryFile = io.env.GITHUB_STEP_SUMMARY || undefined
    // Only a pull request has a base to diff against; its code loads only then.
    const pr = io.env.GITHUB_EVENT_NAME === 'pull_request' ? await import('./pull-request.js') : undefined
    const event = pr ? await pr.readPullRequestEvent(io.env) : undefined

    const run = await lintAndReport(inputs, { workDir, workspace, summary: summaryFile !== undefined, event }, io)
    // A failure after linting (an unused suppression) still fails the step with exit 2 and leaves the counts unset.
    const linted = run.failure === undefined ? run.results : undefined
    const counts = linted ? countsOf(linted) : undefined
    const lintExit = linted ? getExitCode(linted, { maxWarnings: inputs.maxWarnings }) : EXIT_USAGE
    const exitCode = decideExitCode(lintExit, counts, inputs.failOn)

    if (run.failure !== undefined) {
      io.stdout(errorCommand(run.failure))
    } else if (exitCode === EXIT_LINT && counts && counts.errors === 0) {
      // Only warnings, which are annotations of their own: say why the step fails anyway.
      const why = lintExit === EXIT_LINT ? `more than max-warnings ${inputs.maxWarnings}` : 'fail-on: warning'
      io.stdout(errorCommand(`${plural(counts.warnings, 'warning')}, failing the step (${why})`))
    }

    if (summaryFile !== undefined) {
      const markdown = run.summary ?? `## lint-config: could not lint\n\n${escapeMarkdown(run.failure ?? 'no report')}\n`
      const budget = SUMMARY_LIMIT_BYTES - (await fileSize(summaryFile))
      await appendFile(summaryFile, fitSummary(markdown, budget))
    }
    if (outputFile !== undefined) {
      const outputs: Record<string, string> = { 'exit-code': String(exitCode) }
      if (counts) Object.assign(outputs, { errors: String(counts.errors), warnings: String(counts.warnings) })
      if (counts && run.added) Object.assign(outputs, { 'new-errors': String(run.added.errors), 'new-warnings': String(run.added.warnings) })
      await appendFile(outputFile, outputLines(outputs))
    }
    return exitCode
  } catch (error) {
    io.stdout(errorCommand(error instanceof Error ? error.message : String(error)))
    if (outputFile !== undefined) await appendFile(outputFile, outputLines({ 'exit-code': String(EXIT_USAGE) })).catch(() => undefined)
    return EXIT_USAGE
  }
}

/** What one lint produced: the results and the job summary, or the one-line failure that stopped it. */
interface ActionRun {
  results?: FileResult[]
  summary?: string
  failure?: string
  /** On a pull request: the findings it adds, over every file. */
  added?: Counts
}

/**
 * Lints as the CLI would from `workDir`, prints the `format` report, writes SARIF, and renders the summary, with
 * paths relative to `workspace`. A usage, I/O or settings failure is printed to stderr as the CLI prints it and
 * returned as `failure`.
 */
async function lintAndReport(
  inputs: ActionInputs,
  where: { workDir: string; workspace: string; summary: boolean; event?: PullRequestEvent },
  io: ActionIo,
): Promise<ActionRun> {
  const { workDir, workspace } = where
  try {
    const sarifFile = inputs.sarifFile === undefined ? undefined : path.resolve(workDir, inputs.sarifFile)
    const resolver = new SettingsResolver(rules, workDir, { config: inputs.config, balances: inputs.balances })
    let results = await lintFiles(inputs.files, {
      cwd: workDir,
      resolver,
      outputFiles: sarifFile === undefined ? [] : [sarifFile],
      sizingTables: where.summary ? await markdownSizingTables() : undefined,
      sizingCharts: where.summary ? await markdownSizingCharts() : undefined,
    })
    // A suppressions file in the working directory applies as it does for the CLI run there.
    let failure: string | undefined
    if (await hasSuppressionsFile(workDir)) {
      const { runSuppressions } = await import('../commands/suppressions.js')
      const outcome = await runSuppressions(results, {}, workDir)
      results = outcome.results
      if (outcome.unusedCount > 0) {
        failure = `${plural(outcome.unusedCount, 'suppressed finding')} in "${outcome.shown}" no longer ${outcome.unusedCount === 1 ? 'occurs' : 'occur'}; run lint-config --prune-suppressions and commit the file`
      }
    }
    let diffs: string | undefined
    let added: Counts | undefined
    if (where.event) {
      const pr = await import('./pull-request.js')
      try {
        const fileDiffs = await pr.diffAgainstBase(results, where.event, { workspace, resolver })
        diffs = pr.diffSummary(fileDiffs)
        added = countsOf(fileDiffs.map(({ diff }) => summarize(diff.head.name, diff.findings.added)))
        if (inputs.onlyNew) results = results.map((r, i) => pr.onlyNew(r, fileDiffs[i]!.diff))
      } catch (error) {
        // Without only-new the lint stands on its own; with it, there is nothing to tell new findings by.
        if (inputs.onlyNew) throw error
        io.stdout(`::warning title=${escapeProperty('lint-config')}::${escapeData(`no diff against the pull request's base: ${failureLine(error)}`)}\n`)
      }
    }
    const note = noBalanceNote(results)
    const base = formatContext(workspace, false, version())
    const ctx = note ? { ...base, notifications: [{ level: 'note' as const, message: note }] } : base
    io.stdout(formatters[inputs.format](results, ctx))
    // Workflows name report files in directories that do not exist yet (reports/lint-config.sarif).
    if (sarifFile !== undefined) await writeFileAtomic(sarifFile, formatters.sarif(results, ctx), { createDir: true, shown: reportPath(sarifFile, workDir) })
    const lintSummary = where.summary ? formatters.markdown(results, ctx) : undefined
    const summary = lintSummary !== undefined && diffs !== undefined ? `${diffs}\n${lintSummary}` : lintSummary
    if (failure !== undefined) io.stderr(`lint-config: ${failure}\n`)
    return { results, summary, ...(failure !== undefined ? { failure } : {}), ...(added ? { added } : {}) }
  } catch (error) {
    const failure = failureLine(error)
    io.stderr(`lint-config: ${failure}\n`)
    // upload-sarif runs after a failed step too (if: always()): give it a log that says why there are no results.
    // Never when the failure is that the SARIF path is a linted config.
    if (inputs.sarifFile !== undefined && !failure.startsWith('refusing to write the report over')) {
      const sarifFile = path.resolve(workDir, inputs.sarifFile)
      const ctx = { ...formatContext(workspace, false, version()), notifications: [{ level: 'error' as const, message: failure }] }
      await writeFileAtomic(sarifFile, formatters.sarif([], ctx), { createDir: true }).catch(() => undefined)
    }
    return { failure }
  }
}

/**
 * True in the bundle (dist/action.js, which only the composite step runs) or when node was started on this very file;
 * false when a test imports the source. Either test suffices, so an odd path (a symlink, a short name) cannot make the
 * step skip its work and pass silently.
 */
function isEntryPoint(): boolean {
  const self = fileURLToPath(import.meta.url)
  if (path.basename(self) === 'action.js') return true
  const script = process.argv[1]
  if (script === undefined) return false
  try {
    return realpathSync(script) === realpathSync(self)
  } catch {
    return false
  }
}

if (isEntryPoint()) {
  const output = processOutput()
  const io: ActionIo = { env: process.env, cwd: process.cwd(), stdout: output.stdout, stderr: output.stderr }
  const code = await runAction(io).catch(() => EXIT_USAGE)
  process.exitCode = output.stdoutFailed() ? EXIT_USAGE : code
}
