// The file-system edge: read a target's bytes, write a file atomically, and word I/O failures as one line.
import { randomBytes } from 'node:crypto'
import { mkdir, readFile, realpath, rename, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'

/** A usage or I/O problem: the CLI prints its message as one line and exits 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}

/** One line saying why reading `file` (as reports name it) failed. */
export function ioMessage(error: unknown, file: string): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  switch (code) {
    case 'ENOENT':
      return `cannot read "${file}": no such file or directory`
    case 'EACCES':
    case 'EPERM':
      return `cannot read "${file}": permission denied`
    case 'ELOOP':
      return `cannot read "${file}": too many levels of symbolic links (a symlink loop)`
    case 'EISDIR':
      return `cannot read "${file}": it is a directory`
    default:
      return `cannot read "${file}": ${(error as Error | undefined)?.message ?? String(error)}`
  }
}

/** Reads a target's bytes; I/O failures become one-line UsageErrors. */
export async function readTarget(file: string, shown: string = file): Promise<Buffer> {
  try {
    return await readFile(file)
  } catch (error) {
    throw new UsageError(ioMessage(error, shown))
  }
}

/**
 * Writes via a temporary file in the same directory and a rename, so a reader never sees half a file.
 * With `createDir`, a missing directory is created first (as ESLint does for `--output-file`). Errors name the file
 * as `shown` (default: `file`), and its directory likewise.
 */
export async function writeFileAtomic(file: string, content: string, options: { createDir?: boolean; shown?: string } = {}): Promise<void> {
  const dir = path.dirname(file)
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
  try {
    if (options.createDir) await mkdir(dir, { recursive: true })
    let mode: number | undefined
    try {
      mode = (await stat(file)).mode & 0o777
    } catch {
      mode = undefined
    }
    await writeFile(temp, content, mode === undefined ? {} : { mode })
    await rename(temp, file)
  } catch (error) {
    // The temporary file may not exist, or not be reachable (ENOTDIR): the write error is the one to report.
    await rm(temp, { force: true }).catch(() => undefined)
    const shown = options.shown ?? file
    throw new UsageError(`cannot write "${shown}": ${writeProblem(error, path.dirname(shown))}`)
  }
}

/** Why a write failed, without the temporary file's name that Node's message would show. */
function writeProblem(error: unknown, dir: string): string {
  switch ((error as NodeJS.ErrnoException | undefined)?.code) {
    case 'ENOENT':
      return `the directory "${dir}" does not exist`
    case 'ENOTDIR':
    case 'EEXIST':
      // EEXIST: creating the directory found a file of that name.
      return `"${dir}" is not a directory`
    case 'EACCES':
    case 'EPERM':
      return 'permission denied'
    case 'EISDIR':
      return 'it is a directory'
    default:
      return (error as Error | undefined)?.message ?? String(error)
  }
}

/** The real path, or the resolved one when the file does not exist yet. */
export async function realPathOrResolved(file: string): Promise<string> {
  try {
    return await realpath(file)
  } catch {
    return path.resolve(file)
  }
}
