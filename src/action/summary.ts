// The job summary: the markdown report appended to $GITHUB_STEP_SUMMARY, cut to fit GitHub's 1 MiB per step.
import { appendFile, stat } from 'node:fs/promises'
import { escapeMarkdown } from '../text/escape-markdown.js'

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

async function fileSize(file: string): Promise<number> {
  try {
    return (await stat(file)).size
  } catch {
    return 0
  }
}

/** Appends the run's summary (or, without one, why there is none) to the summary file, within what GitHub still takes. */
export async function appendSummary(summaryFile: string, run: { summary?: string; failure?: string }): Promise<void> {
  const markdown = run.summary ?? `## lint-config: could not lint\n\n${escapeMarkdown(run.failure ?? 'no report')}\n`
  const budget = SUMMARY_LIMIT_BYTES - (await fileSize(summaryFile))
  await appendFile(summaryFile, fitSummary(markdown, budget))
}
