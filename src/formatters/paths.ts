// How reports name a file: relative to the working directory with forward slashes, absolute outside it.
import path from 'node:path'

/**
 * `filePath` as a report shows it: relative to `cwd` with `/` separators when inside it, the absolute path
 * (with `/`) when outside it, and '<stdin>' unchanged, since it names no file.
 */
export function reportPath(filePath: string, cwd: string): string {
  if (filePath === '<stdin>') return filePath
  const absolute = path.resolve(cwd, filePath)
  const rel = path.relative(cwd, absolute).split(path.sep).join('/')
  if (rel === '' || rel === '..' || rel.startsWith('../') || path.isAbsolute(rel)) return absolute.split(path.sep).join('/')
  return rel
}
