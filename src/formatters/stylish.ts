// stylish: ESLint's default human format, grouped by file, aligned columns, a summary line.
import { Chalk } from 'chalk'
import { plural } from '../text/plural.js'
import { reportPath } from '../text/report-path.js'
import type { FileResult, Formatter } from '../types.js'

function table(rows: string[][]): string[] {
  const widths: number[] = []
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, visibleLength(cell))))
  return rows.map((row) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat((widths[i] ?? 0) - visibleLength(cell))))
      .join('  ')
      .trimEnd(),
  )
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
    out += table(rows).map((line) => line.replace(/^ {2}/, '  ')).join('\n') + '\n'
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
