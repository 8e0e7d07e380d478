// `lint-config diff`, loaded only when it runs: read both sides (a file, or git show REV:PATH), diff them, render, exit code.
import path from 'node:path'
import { readTarget, UsageError } from '../../engine/file-io.js'
import { EXIT_LINT, EXIT_OK } from '../../exit-code.js'
import { ruleDocsUrl } from '../../rules/docs-url.js'
import { reportPath } from '../../text/report-path.js'
import type { ConfigDiff } from '../../types.js'
import type { CommandContext } from '../command.js'
import { diffChartBuilder } from './charts.js'
import type { DiffFormat } from './formats.js'
import { diffConfigs } from './compare.js'
import { readAtRevision } from './git.js'
import { renderDiffJson } from './render-json.js'
import { renderDiffMarkdown } from './render-markdown.js'
import { renderDiffText } from './render-text.js'
import { severityCounts } from './words.js'


export interface DiffFlags {
  base?: string
  balance?: number[]
  format: DiffFormat
  /** html: a linear balance axis from $0 (default logarithmic). */
  linear?: boolean
  config?: string
  maxBytes?: number
}

/** The diff in one of its formats (markdown and html draw the charts the diff carries). */
export async function renderDiff(diff: ConfigDiff, format: DiffFormat, options: { linear?: boolean } = {}): Promise<string> {
  if (format === 'json') return renderDiffJson(diff)
  if (format === 'html') {
    const { renderDiffHtml } = await import('./render-html.js')
    return renderDiffHtml(diff, { scale: options.linear ? 'linear' : 'log' })
  }
  if (format === 'markdown') return renderDiffMarkdown(diff, { docsUrl: ruleDocsUrl })
  return renderDiffText(diff)
}

/** 1 when the head adds an error finding, else 0 (bad input never gets here: it throws a UsageError, exit 2). */
export function diffExitCode(diff: ConfigDiff): number {
  return severityCounts(diff.findings.added).errors > 0 ? EXIT_LINT : EXIT_OK
}

/** Runs the diff of `files` (base and head, or with --base the one config) and returns the exit code. */
export async function runDiff(context: CommandContext, files: readonly string[], flags: DiffFlags): Promise<number> {
  const { io } = context
  if (flags.base !== undefined ? files.length !== 1 : files.length !== 2) {
    throw new UsageError(
      flags.base !== undefined
        ? `diff --base ${flags.base} takes one config (the head, compared with its version at ${flags.base}), got ${files.length}`
        : `diff takes two configs (base and head), or --base <rev> and one config; got ${files.length}`,
    )
  }
  const headFile = files[files.length - 1]!
  const head = path.resolve(io.cwd, headFile)
  const headName = reportPath(head, io.cwd)
  const headBytes = await readTarget(head, headName, flags.maxBytes)
  let baseName: string
  let baseBytes: Uint8Array
  if (flags.base !== undefined) {
    baseName = `${flags.base}:${headName}`
    baseBytes = await readAtRevision(head, flags.base, headName, flags.maxBytes)
  } else {
    const base = path.resolve(io.cwd, files[0]!)
    baseName = reportPath(base, io.cwd)
    baseBytes = await readTarget(base, baseName, flags.maxBytes)
  }
  const settings = await context.settings({ config: flags.config, balances: flags.balance }).forDirectory(path.dirname(head))
  const diff = diffConfigs(
    { side: { name: baseName, ...(flags.base !== undefined ? { rev: flags.base } : {}) }, bytes: baseBytes },
    { side: { name: headName }, bytes: headBytes },
    settings,
    flags.format === 'markdown' || flags.format === 'html' ? { charts: await diffChartBuilder(settings) } : {},
  )
  io.stdout(await renderDiff(diff, flags.format, { linear: flags.linear === true }))
  return diffExitCode(diff)
}
