// The file-system edge, writing: replace a regular file atomically, write straight to devices and pipes, never replace what is not ours.
import { constants, write, type Stats } from 'node:fs'
import { chmod, chown, mkdir, open, realpath, rename, rm, stat } from 'node:fs/promises'
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { finalLinkTarget } from './file-identity.js'
import { UsageError } from './file-io.js'

export interface WriteOptions {
  /** Create missing directories first (as ESLint does for `--output-file`). */
  createDir?: boolean
  /** The name messages use (default: the path as given). */
  shown?: string
}

/**
 * Writes `content` to `file` without ever replacing something that is not a regular file of ours:
 * - a device, a FIFO or a socket (`/dev/null`, `/dev/stdout`, a pipe) is written straight to, never replaced; a FIFO
 *   nobody reads is a UsageError rather than a hang, and any path under /dev or /proc is written straight to as well;
 * - through symlinks, the final target is written and the links stay;
 * - a regular file is replaced atomically (a temporary file in its directory, then a rename), keeping its mode, and
 *   its owner and group when running as root; when the owner cannot be kept (another user's file we may write) or it
 *   has other hard links, it is rewritten in place instead, as editors do, so no other name or owner is lost;
 * - a new file is created atomically (its directory too, with `createDir`).
 * Errors are one-line UsageErrors naming the file as `shown`.
 */
export async function writeFileAtomic(file: string, content: string, options: WriteOptions = {}): Promise<void> {
  const shown = options.shown ?? file
  const absolute = path.resolve(file)
  try {
    const info = await statOrUndefined(absolute)
    if (info?.isDirectory()) throw Object.assign(new Error('it is a directory'), { code: 'EISDIR' })
    if ((info && !info.isFile()) || isSpecialPath(absolute)) return await writeStraight(absolute, content, info)
    const target = info ? await realpath(absolute) : await finalLinkTarget(absolute)
    if (isSpecialPath(target)) return await writeStraight(target, content, info)
    if (info && (info.nlink > 1 || !canKeepOwner(info))) return await writeStraight(target, content, info)
    if (options.createDir && !info) await makeDirectories(path.dirname(target))
    await replaceAtomically(target, content, info)
  } catch (error) {
    if (error instanceof UsageError) throw error
    throw new UsageError(`cannot write "${shown}": ${writeProblem(error, path.dirname(shown))}`)
  }
}

async function statOrUndefined(file: string): Promise<Stats | undefined> {
  try {
    return await stat(file)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined
    throw error
  }
}

/** /dev and /proc hold devices and magic links (/dev/stdout -> /proc/self/fd/1): never a place for a temporary file. */
function isSpecialPath(file: string): boolean {
  return /^\/(?:dev|proc)(?:\/|$)/.test(file)
}

function canKeepOwner(info: Stats): boolean {
  const uid = process.getuid?.()
  return uid === undefined || uid === 0 || info.uid === uid
}

/** mkdir -p without Node's recursive mkdir, which retries forever where a parent refuses new entries (/proc). */
async function makeDirectories(dir: string): Promise<void> {
  const missing: string[] = []
  let current = dir
  while (!(await statOrUndefined(current))) {
    missing.unshift(current)
    const parent = path.dirname(current)
    if (parent === current) break
    current = parent
  }
  for (const d of missing) {
    try {
      await mkdir(d)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !(await statOrUndefined(d))?.isDirectory()) throw error
    }
  }
}

/** `/dev/stdout`, `/dev/fd/3`, `/proc/self/fd/1`: the descriptor number, or undefined. */
function ownDescriptor(file: string): number | undefined {
  const named: Record<string, number> = { '/dev/stdin': 0, '/dev/stdout': 1, '/dev/stderr': 2 }
  if (named[file] !== undefined) return named[file]
  const match = /^\/(?:dev|proc\/self)\/fd\/(\d+)$/.exec(file)
  return match ? Number(match[1]) : undefined
}

async function writeStraight(file: string, content: string, info: Stats | undefined): Promise<void> {
  const own = ownDescriptor(file)
  // Our own descriptor: write to it as it is (a socket cannot be reopened by name, and a `>>` file keeps its offset).
  if (own !== undefined) return writeToDescriptor(own, content)
  // Opening a FIFO for writing blocks until someone reads it; with O_NONBLOCK it fails at once (ENXIO) instead.
  // The same descriptor then carries the report (reopening could miss a reader that saw this open and left).
  const flags = info?.isFIFO() ? constants.O_WRONLY | constants.O_NONBLOCK : info?.isFile() ? constants.O_WRONLY | constants.O_TRUNC : constants.O_WRONLY
  let handle
  try {
    handle = await open(file, flags)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENXIO' && info?.isFIFO()) throw new Error('it is a FIFO (named pipe) that no process is reading')
    throw error
  }
  try {
    await writeToDescriptor(handle.fd, content)
  } finally {
    await handle.close()
  }
}

/** Writes every byte to `fd`; a non-blocking pipe that is full (EAGAIN) is retried shortly after. */
function writeToDescriptor(fd: number, content: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const bytes = Buffer.from(content)
    const step = (offset: number): void => {
      if (offset >= bytes.length) return resolve()
      write(fd, bytes, offset, bytes.length - offset, null, (error, written) => {
        if (error?.code === 'EAGAIN') setTimeout(() => step(offset), 5)
        else if (error) reject(error)
        else step(offset + written)
      })
    }
    step(0)
  })
}

async function replaceAtomically(target: string, content: string, info: Stats | undefined): Promise<void> {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
  try {
    const handle = await open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600)
    try {
      await handle.writeFile(content)
    } finally {
      await handle.close()
    }
    // Owner first: chown clears set-id bits, which the chmod after it puts back.
    if (info && process.getuid?.() === 0) await chown(temp, info.uid, info.gid)
    await chmod(temp, info ? info.mode & 0o7777 : 0o666 & ~process.umask())
    // The umask narrowed neither: a kept mode is exact, and a new file gets the usual 0666 & ~umask.
    await rename(temp, target)
  } catch (error) {
    // The temporary file may not exist, or not be reachable (ENOTDIR): the write error is the one to report.
    await rm(temp, { force: true }).catch(() => undefined)
    throw error
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
    case 'ENOSPC':
      return 'no space left on device'
    case 'EROFS':
      return 'read-only file system'
    case 'ELOOP':
      return 'too many levels of symbolic links (a symlink loop)'
    default:
      return (error as Error | undefined)?.message ?? String(error)
  }
}
