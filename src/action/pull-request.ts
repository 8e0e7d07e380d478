// The Action on a pull_request event: each linted config diffed against the PR's base commit, for the job summary and `only-new`.
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { diffChartBuilder } from '../commands/diff/charts.js'
import { diffConfigs, isEmptyDiff } from '../commands/diff/compare.js'
import { keepMatching } from '../commands/diff/findings.js'
import { git, readAtCommit, resolveCommit } from '../commands/diff/git.js'
import { renderDiffMarkdown } from '../commands/diff/render-markdown.js'
import { readTarget, UsageError } from '../engine/file-io.js'
import { summarize } from '../engine/lint-text.js'
import { ruleDocsUrl } from '../rules/docs-url.js'
import type { SettingsResolver } from '../settings/resolve.js'
import { escapeMarkdown } from '../text/escape-markdown.js'
import { reportPath } from '../text/report-path.js'
import type { ConfigDiff, FileResult } from '../types.js'

/** What the Action needs from a pull_request event's payload ($GITHUB_EVENT_PATH): the base and head commits. */
export interface PullRequestEvent {
  baseSha: string
  headSha?: string
  number?: number
}

const SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/

/**
 * The pull request of a `pull_request` event, read from $GITHUB_EVENT_PATH (the webhook payload: `pull_request.base.sha`,
 * `pull_request.head.sha`); undefined for any other event. A missing or malformed payload is a UsageError.
 */
export async function readPullRequestEvent(env: Readonly<Record<string, string | undefined>>): Promise<PullRequestEvent | undefined> {
  if (env.GITHUB_EVENT_NAME !== 'pull_request') return undefined
  const file = env.GITHUB_EVENT_PATH
  if (!file) throw new UsageError('a pull_request event without GITHUB_EVENT_PATH: cannot find the pull request\'s base commit')
  let payload: unknown
  try {
    payload = JSON.parse(await readFile(file, 'utf8'))
  } catch (error) {
    throw new UsageError(`cannot read the pull_request event at GITHUB_EVENT_PATH "${file}": ${(error as Error).message}`)
  }
  const pr = (payload as { pull_request?: { number?: unknown; base?: { sha?: unknown }; head?: { sha?: unknown } } } | null)?.pull_request
  const baseSha = pr?.base?.sha
  if (typeof baseSha !== 'string' || !SHA.test(baseSha)) throw new UsageError('the pull_request event has no pull_request.base.sha commit id')
  const headSha = pr?.head?.sha
  return {
    baseSha,
    ...(typeof headSha === 'string' && SHA.test(headSha) ? { headSha } : {}),
    ...(typeof pr?.number === 'number' ? { number: pr.number } : {}),
  }
}

/**
 * The base commit as a commit id seen from `dir`. A checkout made with the default `fetch-depth: 1` lacks it: then it is
 * fetched (one commit, no tags) from `origin`; when that fails too, a UsageError says how to check out with history.
 */
async function baseCommit(sha: string, dir: string, shown: string): Promise<string> {
  try {
    return await resolveCommit(sha, dir, shown)
  } catch (error) {
    if (!(error instanceof UsageError) || !error.message.startsWith('unknown revision')) throw error
  }
  const fetched = await git(['fetch', '--no-tags', '--depth=1', 'origin', sha], dir)
  if (fetched.ok) return resolveCommit(sha, dir, shown)
  throw new UsageError(
    `cannot read the pull request's base commit ${sha.slice(0, 12)}: it is not in the checkout and fetching it failed ` +
      `(${fetched.stderr.split('\n')[0] || 'git fetch failed'}); check out with actions/checkout's fetch-depth: 0`,
  )
}

/** One linted config against the pull request's base. */
export interface FileDiff {
  /** The head's name as reports show it (relative to the workspace). */
  name: string
  diff: ConfigDiff
}

/**
 * Diffs every linted file (as `lintFiles` returned them, absolute paths) against its version at the base commit, with
 * the settings that apply to it. A file the base does not have is compared with nothing: all its findings are new.
 */
export async function diffAgainstBase(
  results: readonly FileResult[],
  event: PullRequestEvent,
  options: { workspace: string; resolver: SettingsResolver; maxBytes?: number },
): Promise<FileDiff[]> {
  const out: FileDiff[] = []
  for (const result of results) {
    const file = path.resolve(options.workspace, result.filePath)
    const name = reportPath(file, options.workspace)
    const commit = await baseCommit(event.baseSha, path.dirname(file), name)
    const baseBytes = await readAtCommit(file, commit, name, options.maxBytes)
    const headBytes = await readTarget(file, name, options.maxBytes)
    const settings = await options.resolver.forDirectory(path.dirname(file))
    const base = { name: `${commit.slice(0, 7)}:${name}`, rev: commit, ...(baseBytes === undefined ? { absent: true as const } : {}) }
    const charts = { charts: await diffChartBuilder(settings) }
    out.push({ name, diff: diffConfigs({ side: base, ...(baseBytes ? { bytes: baseBytes } : {}) }, { side: { name }, bytes: headBytes }, settings, charts) })
  }
  return out
}

/** The result with only the findings the pull request adds (counts recomputed), for `only-new: true`. */
export function onlyNew(result: FileResult, diff: ConfigDiff): FileResult {
  const kept = keepMatching(result.findings, diff.findings.added)
  return { ...result, ...summarize(result.filePath, kept) }
}

/** The top of the job summary: each file's diff (Markdown), or a line saying the pull request changes nothing there. */
export function diffSummary(diffs: readonly FileDiff[]): string {
  return diffs
    .map(({ name, diff }) => {
      if (!isEmptyDiff(diff)) return renderDiffMarkdown(diff, { docsUrl: ruleDocsUrl, level: 2 })
      const base = escapeMarkdown(diff.base.name, { breaks: 'space' })
      return `## lint-config diff: ${escapeMarkdown(name, { breaks: 'space' })}\n\nNo change to the sizing or the findings against ${base}.\n`
    })
    .join('\n')
}
