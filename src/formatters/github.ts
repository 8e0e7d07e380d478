// github: GitHub Actions workflow commands (`::error file=...::message`), one line per finding, which become annotations.
import { reportPath, STDIN_NAME } from '../text/report-path.js'
import type { FileResult, Finding, Formatter } from '../types.js'

// Escaping as @actions/core does it (actions/toolkit, packages/core/src/command.ts, `escapeData` and `escapeProperty`):
// the runner unescapes exactly these sequences, so '%' goes first or the other escapes would be double-encoded.
/** Escapes a command's message: `%`, CR and LF. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/** Escapes a property value: as escapeData, plus `:` and `,`, which delimit the properties. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

/**
 * The annotation path: relative to ctx.cwd with forward slashes (GitHub resolves `file` from the workspace root,
 * where the Action runs), absolute when outside it, undefined for '<stdin>', which names no file.
 */
function annotationFile(filePath: string, cwd: string): string | undefined {
  return filePath === STDIN_NAME ? undefined : reportPath(filePath, cwd)
}

/**
 * The position properties. GitHub's annotation columns only work on one line ("Annotations only support start_column
 * and end_column on the same line. Omit this parameter if start_line and end_line have different values", REST
 * check-run annotations; @actions/core's AnnotationProperties says the same), and its endColumn is inclusive
 * (it "defaults to startColumn", a one-column span), while our Range end is exclusive.
 */
function position(f: Finding): [string, number][] {
  const { start, end } = f.range
  if (end.line === start.line) {
    return [
      ['line', start.line],
      ['col', start.column],
      ['endLine', end.line],
      ['endColumn', Math.max(start.column, end.column - 1)],
    ]
  }
  // A span that ends at column 1 stops after the previous line's newline: that previous line is its last one.
  const lastLine = end.column === 1 ? end.line - 1 : end.line
  return [
    ['line', start.line],
    ['endLine', Math.max(start.line, lastLine)],
  ]
}

/**
 * One `::error` / `::warning` workflow command per finding, in the given order, every finding printed (GitHub shows
 * only the first 10 of each level per step in the UI, but the log keeps them all). `title` is the rule id.
 * An empty string when there is no finding; otherwise every line ends with a newline, and nothing else is printed.
 */
export const github: Formatter = (results, ctx) => {
  let out = ''
  for (const result of results as FileResult[]) {
    const file = annotationFile(result.filePath, ctx.cwd)
    for (const f of result.findings) {
      const props: [string, string | number][] = [
        ...(file !== undefined ? [['file', file] as [string, string]] : []),
        ...position(f),
        ['title', f.ruleId],
      ]
      const properties = props.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',')
      out += `::${f.severity === 'error' ? 'error' : 'warning'} ${properties}::${escapeData(f.message)}\n`
    }
  }
  // Run-level notes (no reference balance) as one notice, without a file.
  for (const n of ctx.notifications ?? []) {
    if (n.level === 'note') out += `::notice title=${escapeProperty('lint-config')}::${escapeData(n.message)}\n`
  }
  return out
}
