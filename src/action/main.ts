// The GitHub Action's entry point (dist/action.js): INPUT_* variables -> one in-process CLI run -> annotations, SARIF, job summary, outputs, exit code.
import { realpathSync } from 'node:fs'
import { appendFile, mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { randomUUID } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { main, type CliIo } from '../cli.js'
import { EXIT_LINT, EXIT_OK, EXIT_USAGE } from '../exit-code.js'
import { escapeData, escapeProperty } from '../formatters/github.js'
import { FORMAT_NAMES } from '../formatters/index.js'
import { escapeMarkdown } from '../formatters/markdown.js'
import type { FormatName } from '../types.js'

/** The inputs action.yml declares, by id. The test checks this list against action.yml both ways. */
export const INPUT_NAMES = ['files', 'balances', 'format', 'sarif-file', 'max-warnings', 'fail-on', 'config', 'working-directory'] as const
export type InputName = (typeof INPUT_NAMES)[number]

/** The outputs action.yml declares; written to $GITHUB_OUTPUT. */
export const OUTPUT_NAMES = ['exit-code', 'errors', 'warnings'] as const

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
  /** Reference balances in USD, as text: the CLI parses and checks each `--balance`. */
  balances: string[]
  /** The format printed to the log (stdout). */
  format: FormatName
  sarifFile?: string
  /** -1 means no limit. */
  maxWarnings: number
  failOn: FailOn
  config?: string
  workingDirectory: string
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
  const balances = get('balances').split(/[\s,]+/).filter(Boolean)

  const format = (get('format') || 'github') as FormatName
  if (!FORMAT_NAMES.includes(format)) throw new InputError(`format: expected one of ${FORMAT_NAMES.join(', ')}, got "${format}"`)

  const maxText = get('max-warnings') || '-1'
  const maxWarnings = Number(maxText)
  if (!/^-?\d+$/.test(maxText) || !Number.isSafeInteger(maxWarnings) || maxWarnings < -1) {
    throw new InputError(`max-warnings: expected a whole number >= 0, or -1 for no limit, got "${maxText}"`)
  }

  const failOn = (get('fail-on') || 'error').toLowerCase()
  if (failOn !== 'error' && failOn !== 'warning') throw new InputError(`fail-on: expected "error" or "warning", got "${failOn}"`)

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
  }
}

/** Where the run writes the reports the Action reads back (temporary files). */
export interface ReportFiles {
  /** ESLint-compatible JSON, for the counts. */
  json: string
  /** The job summary; only when $GITHUB_STEP_SUMMARY is set. */
  markdown?: string
}

/**
 * The CLI's argv for one run: the `format` input to stdout, SARIF to `sarif-file`, markdown and JSON to temporary
 * files. Every option uses the `--name=value` form, so a value starting with `-` cannot be read as an option, and
 * the targets follow `--`, so a file name cannot either.
 */
export function buildArgs(inputs: ActionInputs, reports: ReportFiles): string[] {
  const args = [`--format=${inputs.format}`]
  if (inputs.sarifFile !== undefined) args.push('--format=sarif', `--output=${inputs.sarifFile}`)
  if (reports.markdown !== undefined) args.push('--format=markdown', `--output=${reports.markdown}`)
  args.push('--format=json', `--output=${reports.json}`)
  for (const balance of inputs.balances) args.push(`--balance=${balance}`)
  if (inputs.maxWarnings >= 0) args.push(`--max-warnings=${inputs.maxWarnings}`)
  if (inputs.config !== undefined) args.push(`--config=${inputs.config}`)
  return ['node', 'lint-config', ...args, '--', ...inputs.files]
}

export interface Counts {
  errors: number
  warnings: number
}

/** Totals from the JSON report (ESLint's result list); throws on anything else, so a broken report cannot pass. */
export function countsFromJson(text: string): Counts {
  const data = JSON.parse(text) as unknown
  if (!Array.isArray(data)) throw new Error('the JSON report is not a list of results')
  let errors = 0
  let warnings = 0
  for (const r of data as { errorCount?: unknown; warningCount?: unknown }[]) {
    if (typeof r?.errorCount !== 'number' || typeof r.warningCount !== 'number') throw new Error('the JSON report has a result without counts')
    errors += r.errorCount
    warnings += r.warningCount
  }
  return { errors, warnings }
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

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim()
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
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
  let temp: string | undefined
  const outputFile = io.env.GITHUB_OUTPUT || undefined
  try {
    const major = Number(process.versions.node.split('.')[0])
    if (major < 20) throw new InputError(`lint-config needs Node.js 20 or later, found ${process.versions.node}; add actions/setup-node before this step`)
    const inputs = readInputs(io.env)
    const workDir = path.resolve(io.cwd, inputs.workingDirectory)
    if (!(await isDirectory(workDir))) throw new InputError(`working-directory: "${inputs.workingDirectory}" is not a directory`)
    const workspace = io.env.GITHUB_WORKSPACE ? path.resolve(io.cwd, io.env.GITHUB_WORKSPACE) : io.cwd
    // Workflows name report files in directories that do not exist yet (reports/lint-config.sarif).
    if (inputs.sarifFile !== undefined) await mkdir(path.dirname(path.resolve(workDir, inputs.sarifFile)), { recursive: true })

    temp = await mkdtemp(path.join(io.env.RUNNER_TEMP || os.tmpdir(), 'lint-config-'))
    const summaryFile = io.env.GITHUB_STEP_SUMMARY || undefined
    const reports: ReportFiles = { json: path.join(temp, 'results.json'), ...(summaryFile ? { markdown: path.join(temp, 'summary.md') } : {}) }

    let stderr = ''
    const cliIo: CliIo = {
      stdout: io.stdout,
      stderr: (text) => {
        stderr += text
        io.stderr(text)
      },
      readStdin: async () => Buffer.alloc(0),
      cwd: workDir,
      env: io.env,
      stdoutIsTTY: false,
      reportCwd: workspace,
    }
    const cliExit = await main(buildArgs(inputs, reports), cliIo)
    const counts = cliExit === EXIT_OK || cliExit === EXIT_LINT ? countsFromJson(await readFile(reports.json, 'utf8')) : undefined
    const exitCode = decideExitCode(cliExit, counts, inputs.failOn)

    let failure: string | undefined
    if (exitCode === EXIT_USAGE) {
      failure = stderr.trim().split('\n')[0]?.replace(/^lint-config: /, '') || `lint-config exited with code ${cliExit}`
      io.stdout(errorCommand(failure))
    } else if (exitCode === EXIT_LINT && counts && counts.errors === 0) {
      // Only warnings, which are annotations of their own: say why the step fails anyway.
      const why = cliExit === EXIT_LINT ? `more than max-warnings ${inputs.maxWarnings}` : 'fail-on: warning'
      io.stdout(errorCommand(`${plural(counts.warnings, 'warning')}, failing the step (${why})`))
    }

    if (summaryFile !== undefined) {
      const markdown =
        failure === undefined && reports.markdown !== undefined
          ? await readFile(reports.markdown, 'utf8')
          : `## lint-config: could not lint\n\n${escapeMarkdown(failure ?? 'no report')}\n`
      const budget = SUMMARY_LIMIT_BYTES - (await fileSize(summaryFile))
      await appendFile(summaryFile, fitSummary(markdown, budget))
    }
    if (outputFile !== undefined) {
      const outputs: Record<string, string> = { 'exit-code': String(exitCode) }
      if (counts) Object.assign(outputs, { errors: String(counts.errors), warnings: String(counts.warnings) })
      await appendFile(outputFile, outputLines(outputs))
    }
    return exitCode
  } catch (error) {
    io.stdout(errorCommand(error instanceof Error ? error.message : String(error)))
    if (outputFile !== undefined) await appendFile(outputFile, outputLines({ 'exit-code': String(EXIT_USAGE) })).catch(() => undefined)
    return EXIT_USAGE
  } finally {
    if (temp !== undefined) await rm(temp, { recursive: true, force: true }).catch(() => undefined)
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
  const io: ActionIo = {
    env: process.env,
    cwd: process.cwd(),
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
  }
  process.exitCode = await runAction(io).catch(() => EXIT_USAGE)
}
