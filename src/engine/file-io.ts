// The file-system edge: read regular files within a byte cap, write without ever replacing what is not ours to replace, and word I/O failures as one line.
import { constants, write, type Stats } from 'node:fs'
import { chmod, chown, lstat, mkdir, open, readlink, realpath, rename, rm, stat } from 'node:fs/promises'
import { randomBytes } from 'node:crypto'
import path from 'node:path'

/** A usage or I/O problem: the CLI prints its message as one line and exits 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}

/** The default cap on the bytes read from one config, settings file or stdin: the largest real config is ~100 KB. */
export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024

/** `67108864` as `64 MiB`, `1500` as `1500 bytes`. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`
  return bytes === 1 ? '1 byte' : `${bytes} bytes`
}

/** The one line for input over the cap; `what` is `"x.yaml"` or `standard input`. */
export function tooLargeMessage(what: string, maxBytes: number): string {
  return `cannot read ${what}: it is larger than ${formatBytes(maxBytes)} (--max-bytes ${maxBytes}); raise --max-bytes to read it`
}

/** What a file that is not a regular one is, for messages. */
function kindOf(info: Stats): string {
  if (info.isDirectory()) return 'a directory'
  if (info.isFIFO()) return 'a FIFO (named pipe)'
  if (info.isCharacterDevice()) return 'a character device'
  if (info.isBlockDevice()) return 'a block device'
  if (info.isSocket()) return 'a socket'
  return 'not a regular file'
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
    case 'ENOTDIR':
      return `cannot read "${file}": a part of the path is not a directory`
    default:
      return `cannot read "${file}": ${(error as Error | undefined)?.message ?? String(error)}`
  }
}

export interface ReadOptions {
  /** The name messages use (default: the path as given). */
  shown?: string
  /** Read at most this many bytes (default DEFAULT_MAX_BYTES); more is a UsageError. */
  maxBytes?: number
}

/**
 * Reads a regular file (symlinks followed) of at most `maxBytes` bytes. Anything else (a FIFO, a device, a socket,
 * a directory) is a UsageError without reading a byte: O_NONBLOCK makes opening a FIFO return at once, and the type
 * is checked on the open handle, so nothing can swap the file in between. The cap is checked against the size and
 * again while reading, for files that grow.
 */
export async function readRegularFile(file: string, options: ReadOptions = {}): Promise<Buffer> {
  const shown = options.shown ?? file
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  let handle
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK)
  } catch (error) {
    throw new UsageError(ioMessage(error, shown))
  }
  try {
    const info = await handle.stat()
    if (info.isDirectory()) throw new UsageError(`cannot read "${shown}": it is a directory`)
    if (!info.isFile()) throw new UsageError(`cannot read "${shown}": it is ${kindOf(info)}, not a regular file`)
    if (info.size > maxBytes) throw new UsageError(tooLargeMessage(`"${shown}"`, maxBytes))
    const chunks: Buffer[] = []
    let total = 0
    for (;;) {
      // The size plus one byte finds the end in one more read; files that report size 0 (/proc) read in 64 KiB steps.
      const chunk = Buffer.alloc(Math.min(Math.max(info.size - total + 1, 65536), maxBytes - total + 1))
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null)
      if (bytesRead === 0) break
      total += bytesRead
      if (total > maxBytes) throw new UsageError(tooLargeMessage(`"${shown}"`, maxBytes))
      chunks.push(chunk.subarray(0, bytesRead))
    }
    return Buffer.concat(chunks, total)
  } catch (error) {
    throw error instanceof UsageError ? error : new UsageError(ioMessage(error, shown))
  } finally {
    await handle.close().catch(() => undefined)
  }
}

/** Reads a lint target's bytes (a regular file within the cap); I/O failures become one-line UsageErrors. */
export async function readTarget(file: string, shown: string = file, maxBytes?: number): Promise<Buffer> {
  return readRegularFile(file, { shown, maxBytes })
}

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

/** A dangling symlink (chain) ends at the path it names: that is where a new file goes, so the link keeps working. */
async function finalLinkTarget(file: string): Promise<string> {
  let current = file
  for (let hops = 0; hops < 40; hops++) {
    let info: Stats
    try {
      info = await lstat(current)
    } catch {
      return current
    }
    if (!info.isSymbolicLink()) return current
    current = path.resolve(path.dirname(current), await readlink(current))
  }
  throw Object.assign(new Error('too many levels of symbolic links'), { code: 'ELOOP' })
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

/** The identity of a path for "is this the same file": its real path, and its device and inode when it exists. */
export interface FileIdentity {
  real: string
  inode?: string
}

/** Real path (or the resolved one when it does not exist yet) and `dev:ino` (symlinks followed). */
export async function fileIdentity(file: string): Promise<FileIdentity> {
  const absolute = path.resolve(file)
  let real: string
  try {
    real = await realpath(absolute)
  } catch {
    real = await finalLinkTarget(absolute).catch(() => absolute)
  }
  const info = await stat(absolute).catch(() => undefined)
  return info ? { real, inode: `${info.dev}:${info.ino}` } : { real }
}

/** Same real path, or same device and inode (a hard link, /dev/stdout redirected to the file). */
export function sameFile(a: FileIdentity, b: FileIdentity): boolean {
  return a.real === b.real || (a.inode !== undefined && a.inode === b.inode)
}
