// markdown: GitHub-flavoured Markdown for the Actions job summary: totals, a findings table per file, the sizing tables.
import { escapeMarkdown } from '../text/escape-markdown.js'
import { plural } from '../text/plural.js'
import { reportPath } from '../text/report-path.js'
import type { FileResult, Finding, FormatContext, Formatter } from '../types.js'
import { renderMermaidChart } from './mermaid-chart.js'
import { renderSizingMarkdown } from './sizing-table.js'

/** A link target safe inside a table cell: whitespace, parentheses, angle brackets, pipes, backslashes and backticks percent-encoded. */
export function linkTarget(url: string): string {
  return url.replace(/[\s()<>|\\`]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)
}

function totalsHeading(results: readonly FileResult[]): string {
  const errors = results.reduce((n, r) => n + r.errorCount, 0)
  const warnings = results.reduce((n, r) => n + r.warningCount, 0)
  if (errors + warnings === 0) return '## lint-config: no problems'
  const files = results.filter((r) => r.findings.length > 0).length
  const counts = [errors > 0 ? plural(errors, 'error') : '', warnings > 0 ? plural(warnings, 'warning') : ''].filter(Boolean)
  return `## lint-config: ${counts.join(', ')} in ${plural(files, 'file')}`
}

function findingRow(f: Finding, ctx: FormatContext): string {
  const rule = `[${escapeMarkdown(f.ruleId)}](${linkTarget(ctx.docsUrl(f.ruleId))})`
  const severity = f.severity === 'error' ? 'error' : 'warning'
  return `| ${f.range.start.line} | ${f.range.start.column} | ${severity} | ${rule} | ${escapeMarkdown(f.message)} |`
}

/** The sizing tables one level below the file's heading (`renderSizingMarkdown` writes `###`), then the chart of the sizes. */
function nestedTables(result: FileResult): string | undefined {
  if (!result.sizingTables || result.sizingTables.length === 0) return undefined
  const tables = renderSizingMarkdown(result.sizingTables).replace(/^(#{1,5}) /gm, '#$1 ').replace(/\n+$/, '')
  if (!result.sizingChart) return tables
  return `${tables}\n\n#### Size against balance\n\n${renderMermaidChart(result.sizingChart)}`
}

/** "2 findings silenced by inline directives", "3 findings silenced by the suppressions file", or both joined; empty for none. */
function silencedText(result: FileResult): string {
  const all = result.suppressed ?? []
  const inFile = all.filter((f) => f.kind === 'file').length
  const inline = all.length - inFile
  return [
    inline > 0 ? `${plural(inline, 'finding')} silenced by inline directives` : '',
    inFile > 0 ? `${plural(inFile, 'finding')} silenced by the suppressions file` : '',
  ]
    .filter(Boolean)
    .join(', ')
}

function fileSection(result: FileResult, ctx: FormatContext): string {
  const blocks: string[] = [`### ${escapeMarkdown(reportPath(result.filePath, ctx.cwd), { breaks: 'space' })}`]
  if (result.findings.length === 0) {
    blocks.push('✔ No problems.')
  } else {
    blocks.push(
      ['| Line | Column | Severity | Rule | Message |', '| ---: | ---: | --- | --- | --- |', ...result.findings.map((f) => findingRow(f, ctx))].join('\n'),
    )
    if (result.findings.some((f) => f.fatal)) blocks.push('A fatal YAML problem stopped the other rules on this file.')
  }
  const silenced = silencedText(result)
  if (silenced !== '') blocks.push(`${silenced} (not counted).`)
  const tables = nestedTables(result)
  if (tables !== undefined) blocks.push(tables)
  return blocks.join('\n\n')
}

/**
 * The job summary. A `##` heading with the totals; how many files were linted; a list of the clean files (one line
 * each); then a `###` section per file with findings or sizing tables: a table of its findings (line, column,
 * severity, rule linked to its docs page, message), in the given order, then its sizing tables (`FileResult.sizingTables`)
 * one heading level down. Every finding is listed, unlike annotations, which GitHub caps per step.
 * Ends with one newline.
 */
export const markdown: Formatter = (results, ctx) => {
  const blocks: string[] = [totalsHeading(results)]
  if (results.length === 0) return `${blocks[0]}\n\nNo files were linted.\n`
  const fixable = results.reduce((n, r) => n + r.fixableErrorCount + r.fixableWarningCount, 0)
  blocks.push(`Linted ${plural(results.length, 'file')}.${fixable > 0 ? ` ${plural(fixable, 'finding')} can be fixed with \`lint-config --fix\`.` : ''}`)
  for (const n of ctx.notifications ?? []) if (n.level === 'note') blocks.push(`> **Note:** ${escapeMarkdown(n.message)}`)

  const detailed = (r: FileResult): boolean => r.findings.length > 0 || (r.sizingTables?.length ?? 0) > 0
  const clean = results.filter((r) => !detailed(r))
  if (clean.length > 0) {
    const line = (r: FileResult): string => {
      const silenced = silencedText(r)
      const note = silenced !== '' ? ` (${silenced})` : ''
      return `- ✔ ${escapeMarkdown(reportPath(r.filePath, ctx.cwd), { breaks: 'space' })}: no problems${note}`
    }
    blocks.push(clean.map(line).join('\n'))
  }
  for (const result of results) if (detailed(result)) blocks.push(fileSection(result, ctx))
  return `${blocks.join('\n\n')}\n`
}
