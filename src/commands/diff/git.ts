// A config as it is at a git revision (`git show REV:./PATH`, run beside the file), with one clear line for each way that fails.
import { execFile } from 'node:child_process'
import path from 'node:path'
import { DEFAULT_MAX_BYTES, tooLargeMessage, UsageError } from '../../engine/file-io.js'

interface GitRun {
  ok: boolean
  stdout: Buffer
  stderr: string
  /** Set when git could not be started at all (not installed) or its output went over the cap. */
  failure?: 'missing' | 'too-large'
}

/** Runs git in `cwd` with `args` (never through a shell), collecting at most `maxBytes` bytes of output. */
export function git(args: readonly string[], cwd: string, maxBytes = 1024 * 1024): Promise<GitRun> {
  return new Promise((resolve) => {
    execFile(
      'git',
      [...args],
      { cwd, encoding: 'buffer', maxBuffer: maxBytes, env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' } },
      (error, stdout, stderr) => {
        const code = (error as NodeJS.ErrnoException | null)?.code
        const failure = code === 'ENOENT' ? 'missing' : code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER' ? 'too-large' : undefined
        const err = (stderr ?? Buffer.alloc(0)).toString('utf8').trim()
        resolve({ ok: error === null, stdout: stdout ?? Buffer.alloc(0), stderr: err, ...(failure ? { failure } : {}) })
      },
    )
  })
}

const NOT_INSTALLED = 'git is not installed (or not on PATH); it is needed to read a revision'

/** Whether a revision text could name a commit: no option look-alike, no whitespace, no control characters. */
function plausibleRevision(rev: string): boolean {
  // eslint-disable-next-line no-control-regex
  return rev !== '' && !rev.startsWith('-') && !/[\s\u0000-\u001f\u007f]/.test(rev)
}

/** The full commit id `rev` names, as seen from `dir` (which must be inside a work tree); UsageError otherwise. */
export async function resolveCommit(rev: string, dir: string, shown: string): Promise<string> {
  const inside = await git(['rev-parse', '--is-inside-work-tree'], dir)
  if (inside.failure === 'missing') throw new UsageError(NOT_INSTALLED)
  if (!inside.ok || inside.stdout.toString().trim() !== 'true') throw new UsageError(`cannot read "${shown}" at ${rev}: it is not inside a git work tree`)
  if (!plausibleRevision(rev)) throw new UsageError(`unknown revision "${rev}": not a commit in this repository`)
  const commit = await git(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], dir)
  if (!commit.ok) throw new UsageError(`unknown revision "${rev}": not a commit in this repository`)
  return commit.stdout.toString().trim()
}

/**
 * The bytes of `file` (an absolute path inside a work tree) at commit `commit`, or undefined when the file does not
 * exist there (a config the change adds). At most `maxBytes` bytes, as for any config read.
 */
export async function readAtCommit(file: string, commit: string, shown: string, maxBytes = DEFAULT_MAX_BYTES): Promise<Uint8Array | undefined> {
  const dir = path.dirname(file)
  const spec = `${commit}:./${path.basename(file)}`
  const exists = await git(['cat-file', '-e', spec], dir)
  if (exists.failure === 'missing') throw new UsageError(NOT_INSTALLED)
  if (!exists.ok) return undefined
  const kind = await git(['cat-file', '-t', spec], dir)
  if (kind.stdout.toString().trim() !== 'blob') throw new UsageError(`cannot read "${shown}" at ${commit.slice(0, 12)}: it is not a file there`)
  const shownAt = `"${shown}" at ${commit.slice(0, 12)}`
  // --no-textconv: the bytes as committed, whatever diff drivers the repository configures.
  const show = await git(['show', '--no-textconv', spec], dir, maxBytes + 1)
  if (show.failure === 'too-large' || show.stdout.length > maxBytes) throw new UsageError(tooLargeMessage(shownAt, maxBytes))
  if (!show.ok) throw new UsageError(`cannot read ${shownAt}: ${show.stderr.split('\n')[0] || 'git show failed'}`)
  return show.stdout
}

/** The bytes of `file` at revision `rev` (`git show REV:./FILE`); UsageError outside a work tree, for an unknown revision or a missing file. */
export async function readAtRevision(file: string, rev: string, shown: string, maxBytes?: number): Promise<Uint8Array> {
  const commit = await resolveCommit(rev, path.dirname(file), shown)
  const bytes = await readAtCommit(file, commit, shown, maxBytes)
  if (bytes === undefined) throw new UsageError(`cannot read "${shown}" at ${rev}: the file does not exist in that revision`)
  return bytes
}
