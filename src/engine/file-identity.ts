// Which file a path names: its real path (through symlinks, dangling ones too) and its device and inode, for "is this the same file".
import type { Stats } from 'node:fs'
import { lstat, readlink, realpath, stat } from 'node:fs/promises'
import path from 'node:path'

/** A dangling symlink (chain) ends at the path it names: that is where a new file goes, so the link keeps working. */
export async function finalLinkTarget(file: string): Promise<string> {
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
