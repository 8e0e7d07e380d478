// stylish: ESLint's default human format, grouped by file, aligned columns, a summary line.
import { Chalk } from 'chalk'
import path from 'node:path'
import type { FileResult, Formatter } from '../types.js'

function plural(word: string, count: number): string {
  return count === 1 ? word : `${word}s`
}

/** The path as the user should see it: relative to the working directory when inside it. */
export function displayPath(filePath: string, cwd: string): string {
  if (!path.isAbsolute(filePath)) return filePath
  const rel = path.relative(cwd, filePath)
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : filePath
}

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
    out += `\n${c.underline(displayPath(result.filePath, ctx.cwd))}\n`
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
  out += `\n${paint(`\u2716 ${total} ${plural('problem', total)} (${errors} ${plural('error', errors)}, ${warnings} ${plural('warning', warnings)})`)}\n`
  if (fixableErrors + fixableWarnings > 0) {
    out += `${paint(`  ${fixableErrors} ${plural('error', fixableErrors)} and ${fixableWarnings} ${plural('warning', fixableWarnings)} potentially fixable with the \`--fix\` option.`)}\n`
  }
  return `${out}\n`
}
