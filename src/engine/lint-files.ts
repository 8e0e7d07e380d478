// The file-system edge of the engine: expand arguments to files, read them, lint them, write atomically.
import { randomBytes } from 'node:crypto'
import { mkdir, readFile, realpath, rename, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { glob, isDynamicPattern } from 'tinyglobby'

/** The files a directory argument stands for (the bot's config and its variants). */
export const CONFIG_PATTERN = '**/config_futures*.{yaml,yml}'
export const DEFAULT_TARGET = 'config/config_futures.yaml'
export const STDIN = '-'

/** A usage or I/O problem: the CLI prints its message as one line and exits 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}

export interface ExpandOptions {
  cwd: string
  /** Globs left out of directory and glob expansion (`--ignore-pattern`); a file named explicitly is always linted. */
  ignore?: readonly string[]
}

/** A lint target: an absolute file path, or '-' for standard input. */
export type Target = string

function ioMessage(error: unknown, file: string): string {
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

const DEFAULT_IGNORES = ['**/node_modules/**', '**/.git/**']

/** Expands files, directories and globs in argument order; duplicates are dropped; nothing matching is a UsageError. */
export async function expandTargets(args: readonly string[], options: ExpandOptions): Promise<Target[]> {
  const { cwd } = options
  const ignore = [...DEFAULT_IGNORES, ...(options.ignore ?? [])]
  const out: Target[] = []
  const seen = new Set<string>()
  const add = (file: string): void => {
    if (!seen.has(file)) {
      seen.add(file)
      out.push(file)
    }
  }
  for (const arg of args.length > 0 ? args : [DEFAULT_TARGET]) {
    if (arg === STDIN) {
      add(STDIN)
      continue
    }
    const absolute = path.resolve(cwd, arg)
    let info: Awaited<ReturnType<typeof stat>> | undefined
    try {
      info = await stat(absolute)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code !== 'ENOENT' || !isDynamicPattern(arg)) {
        if (code === 'ENOENT' && args.length === 0) {
          throw new UsageError(`no config to lint: "${DEFAULT_TARGET}" does not exist here; pass a file, directory or glob`)
        }
        throw new UsageError(ioMessage(error, arg))
      }
    }
    if (info?.isDirectory()) {
      const files = await glob(CONFIG_PATTERN, { cwd: absolute, absolute: true, ignore, dot: false, followSymbolicLinks: false })
      if (files.length === 0) throw new UsageError(`no config_futures*.yaml file found in directory "${arg}"`)
      for (const file of files.sort()) add(path.normalize(file))
    } else if (info) {
      add(absolute)
    } else {
      const files = await glob(arg, { cwd, absolute: true, ignore, onlyFiles: true, followSymbolicLinks: false })
      if (files.length === 0) throw new UsageError(`no files match the pattern "${arg}"`)
      for (const file of files.sort()) add(path.normalize(file))
    }
  }
  return out
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
