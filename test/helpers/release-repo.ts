// A throw-away git repository holding this checkout's files as one release commit with its tag, as users fetch a release.
import { spawnSync } from 'node:child_process'
import { copyFileSync, lstatSync, mkdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** The root of this checkout. */
export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** The version in package.json, and the tag a release of it carries (`v` + version). */
export const VERSION = (JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string }).version
export const RELEASE_TAG = `v${VERSION}`

/** What a release tarball holds at its top level: the build, the schemas, the docs, the licence and the package files. */
export const PACKED_TOP_LEVEL = ['LICENSE', 'README.md', 'dist', 'docs', 'package.json', 'schemas']

/** Runs git in `cwd` with a fixed identity and no signing (a developer's global config must not change the result); returns stdout. */
export function git(cwd: string, ...args: string[]): string {
  const run = spawnSync(
    'git',
    ['-c', 'user.name=test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgSign=false', '-c', 'tag.gpgSign=false', ...args],
    { cwd, encoding: 'utf8' },
  )
  if (run.status !== 0) throw new Error(`git ${args.join(' ')} (in ${cwd}) exited ${run.status}: ${run.stderr}`)
  return run.stdout
}

export interface ReleaseRepo {
  /** The repository's directory (a plain path: pre-commit takes it as `repo:`, npm as `git+file://` + dir). */
  dir: string
  /** The full SHA of the release commit. */
  commit: string
}

/**
 * Copies the checkout's files as git sees them (tracked, and untracked but not ignored, so uncommitted edits count, as
 * `pre-commit try-repo` does) into `parent/lint-config` and commits them on `main`; returns that directory. Nothing
 * depends on tags or history in the checkout itself (CI's clean clone may have neither).
 */
export function copyCheckout(parent: string): string {
  const dir = path.join(parent, 'lint-config')
  const files = git(REPO, 'ls-files', '-z', '--cached', '--others', '--exclude-standard').split('\0').filter(Boolean)
  for (const file of files) {
    const from = path.join(REPO, file)
    // A file deleted in the work tree is still listed as tracked; it is not part of what would be committed.
    if (!lstatSync(from, { throwIfNoEntry: false })?.isFile()) continue
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true })
    copyFileSync(from, path.join(dir, file))
  }
  git(dir, 'init', '-q')
  git(dir, 'symbolic-ref', 'HEAD', 'refs/heads/main')
  git(dir, 'add', '-A')
  git(dir, 'commit', '-qm', 'The checkout as it is')
  return dir
}

/** copyCheckout, with the commit tagged RELEASE_TAG (annotated, as scripts/release.mjs tags): what users fetch. */
export function makeReleaseRepo(parent: string): ReleaseRepo {
  const dir = copyCheckout(parent)
  git(dir, 'tag', '-a', RELEASE_TAG, '-m', `lint-config ${VERSION}`)
  return { dir, commit: git(dir, 'rev-parse', 'HEAD').trim() }
}

/** The fenced blocks of `lang` in the README section under `## heading` (or before the first `## ` without one), in order. */
export function readmeBlocks(heading: string | undefined, lang: string): string[] {
  const sections = readFileSync(path.join(REPO, 'README.md'), 'utf8').split(/^## /m)
  const section = (heading === undefined ? sections[0] : sections.find((s) => s.startsWith(`${heading}\n`))) ?? ''
  return [...section.matchAll(new RegExp(`^\`\`\`${lang}\n([\\s\\S]*?)^\`\`\`$`, 'gm'))].map((m) => m[1]!)
}

/** The environment for npm and pre-commit runs: npm answers from its cache when it can (as after `npm ci`), quietly. */
export const QUIET_NPM_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  NO_COLOR: '1',
  npm_config_prefer_offline: 'true',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
}

/** Runs npm (or npx) in `cwd` with QUIET_NPM_ENV; stdout, stderr and the exit status. */
export function npm(command: 'npm' | 'npx', cwd: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(command, args, { cwd, encoding: 'utf8', env: QUIET_NPM_ENV, timeout: 300_000 })
  return { status: run.status, stdout: run.stdout, stderr: run.stderr }
}
