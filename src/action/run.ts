// One lint as the Action runs it: lintFiles from the working directory, suppressions, the pull request's diff, the log report, SARIF and the summary.
import path from 'node:path'
import { formatContext, markdownSizingCharts, markdownSizingTables, noBalanceNote } from '../commands/reports.js'
import { hasSuppressionsFile } from '../commands/suppressions-file.js'
import { writeFileAtomic } from '../engine/file-write.js'
import { lintFiles } from '../engine/lint-files.js'
import { summarize } from '../engine/lint-text.js'
import { failureLine } from '../failure.js'
import { formatters } from '../formatters/index.js'
import { rules } from '../rules/index.js'
import { SettingsResolver } from '../settings/resolve.js'
import { plural } from '../text/plural.js'
import { reportPath } from '../text/report-path.js'
import type { FileResult } from '../types.js'
import { version } from '../version.js'
import { noDiffWarning } from './annotations.js'
import type { ActionInputs } from './inputs.js'
import { countsOf, type Counts } from './outcome.js'
import type { PullRequestEvent } from './pull-request.js'

/** What the Action touches outside itself, so the test runs it in-process as the runner would. */
export interface ActionIo {
  env: Readonly<Record<string, string | undefined>>
  /** The step's working directory (the workspace, unless the workflow says otherwise). */
  cwd: string
  stdout(text: string): void
  stderr(text: string): void
}

/** What one lint produced: the results and the job summary, or the one-line failure that stopped it. */
export interface ActionRun {
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
export async function lintAndReport(
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
        io.stdout(noDiffWarning(error))
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
