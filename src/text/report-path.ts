// How a report names a file: relative to the working directory with forward slashes, absolute outside it. A leaf.
import path from 'node:path'

/** The name results carry for standard input without `--stdin-filename`; it names no file. */
export const STDIN_NAME = '<stdin>'

/**
 * Where `filePath` sits relative to `cwd` (both resolved): `inside` with a relative path using `/` separators,
 * `outside` (the working directory itself included) with the absolute path using `/`, or `stdin` for '<stdin>'.
 */
export type ReportLocation =
  | { kind: 'stdin' }
  | { kind: 'inside'; relative: string; absolute: string }
  | { kind: 'outside'; absolute: string }

export function reportLocation(filePath: string, cwd: string): ReportLocation {
  if (filePath === STDIN_NAME) return { kind: 'stdin' }
  const absolute = path.resolve(cwd, filePath)
  const rel = path.relative(cwd, absolute).split(path.sep).join('/')
  const slashed = absolute.split(path.sep).join('/')
  if (rel === '' || rel === '..' || rel.startsWith('../') || path.isAbsolute(rel)) return { kind: 'outside', absolute: slashed }
  return { kind: 'inside', relative: rel, absolute: slashed }
}

/**
 * `filePath` as a report shows it: relative to `cwd` with `/` separators when inside it, the absolute path
 * (with `/`) when outside it, and '<stdin>' unchanged, since it names no file.
 */
export function reportPath(filePath: string, cwd: string): string {
  const where = reportLocation(filePath, cwd)
  return where.kind === 'stdin' ? STDIN_NAME : where.kind === 'inside' ? where.relative : where.absolute
}
