// The GitHub Action's entry point (dist/action.js): INPUT_* variables -> lintFiles -> annotations, SARIF, job summary, outputs, exit code.
import { realpathSync } from 'node:fs'
import { appendFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { EXIT_LINT, EXIT_USAGE, getExitCode } from '../exit-code.js'
import { plural } from '../text/plural.js'
import { processOutput } from '../process-output.js'
import { errorCommand } from './annotations.js'
import { InputError, readInputs } from './inputs.js'
import { countsOf, decideExitCode, outputLines } from './outcome.js'
import { lintAndReport, type ActionIo } from './run.js'
import { appendSummary } from './summary.js'

async function isDirectory(dir: string): Promise<boolean> {
  try {
    return (await stat(dir)).isDirectory()
  } catch {
    return false
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
      await appendSummary(summaryFile, run)
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