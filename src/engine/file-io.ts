// The file-system edge, reading: regular files within a byte cap, and I/O failures worded as one line (writing is file-write.ts).
import { constants, type Stats } from 'node:fs'
import { open } from 'node:fs/promises'

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
