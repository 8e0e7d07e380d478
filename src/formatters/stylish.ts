// stylish: ESLint's default human format, grouped by file, aligned columns, each finding's suggestions under it, a summary line.
import { Chalk } from 'chalk'
import { plural } from '../text/plural.js'
import { reportPath } from '../text/report-path.js'
import type { FileResult, Formatter } from '../types.js'

/** Rows with every column but the last padded to its widest cell, two spaces apart; and those widths. */
function table(rows: string[][]): { lines: string[]; widths: number[] } {
  const widths: number[] = []
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, visibleLength(cell))))
  const lines = rows.map((row) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat((widths[i] ?? 0) - visibleLength(cell))))
      .join('  ')
      .trimEnd(),
  )
  return { lines, widths }
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g
function visibleLength(text: string): number {
  return text.replace(ANSI, '').length
}

export const stylish: Formatter = (results, ctx) => {
  const c = new Chalk({ level: ctx.color ? 1 : 0 })
  let errors = 0
  let warnings = 0
  let fixableErrors = 0
  let fixableWarnings = 0
  let out = ''
  for (const result of results as FileResult[]) {
    if (result.findings.length === 0) continue
    errors += result.errorCount
    warnings += result.warningCount
    fixableErrors += result.fixableErrorCount
    fixableWarnings += result.fixableWarningCount
    out += `\n${c.underline(reportPath(result.filePath, ctx.cwd))}\n`
    const rows = result.findings.map((f) => [
      '',
      c.dim(`${f.range.start.line}:${f.range.start.column}`),
      f.severity === 'error' ? c.red('error') : c.yellow('warning'),
      f.message.replace(/([^ ])\.$/, '$1'),
      c.dim(f.ruleId),
    ])
    const { lines, widths } = table(rows)
    // Suggestions go under their finding's message, one a line; they take no part in the column widths.
    const indent = ' '.repeat(widths.slice(0, 3).reduce((sum, w) => sum + w + 2, 0))
    out += lines
      .map((line, i) => [line, ...(result.findings[i]!.suggestions ?? []).map((s) => `${indent}${c.dim('suggestion:')} ${s.desc}`)].join('\n'))
      .join('\n')
    out += '\n'
  }
  const total = errors + warnings
  if (total === 0) return ''
  const paint = errors > 0 ? c.red.bold : c.yellow.bold
  out += `\n${paint(`\u2716 ${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`)}\n`
  if (fixableErrors + fixableWarnings > 0) {
    out += `${paint(`  ${plural(fixableErrors, 'error')} and ${plural(fixableWarnings, 'warning')} potentially fixable with the \`--fix\` option.`)}\n`
  }
  return `${out}\n`
}
