// Lint targets: command-line files, directories and globs expanded to the files they stand for, in argument order.
import { stat } from 'node:fs/promises'
import path from 'node:path'
import { escapePath, glob, isDynamicPattern } from 'tinyglobby'
import { ioMessage, UsageError } from './file-io.js'

/** The files a directory argument stands for (the bot's config and its variants). */
export const CONFIG_PATTERN = '**/config_futures*.{yaml,yml}'
export const DEFAULT_TARGET = 'config/config_futures.yaml'
export const STDIN = '-'

export interface ExpandOptions {
  cwd: string
  /**
   * Globs (relative to `cwd`) left out: of directory and glob expansion, and of files named explicitly (pre-commit
   * names every staged file), which are then skipped without a word, as ESLint and yamllint do.
   */
  ignore?: readonly string[]
}

/** A lint target: an absolute file path, or '-' for standard input. */
export type Target = string

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
      if (!(await isIgnored(absolute, cwd, options.ignore ?? []))) add(absolute)
    } else {
      const files = await glob(arg, { cwd, absolute: true, ignore, onlyFiles: true, followSymbolicLinks: false })
      if (files.length === 0) throw new UsageError(`no files match the pattern "${arg}"`)
      for (const file of files.sort()) add(path.normalize(file))
    }
  }
  return out
}

/** Whether an ignore glob matches `file`: the file, as a literal pattern, finds nothing once the globs are ignored. */
async function isIgnored(file: string, cwd: string, ignore: readonly string[]): Promise<boolean> {
  if (ignore.length === 0) return false
  const rel = path.relative(cwd, file).split(path.sep).join('/')
  // Ignore globs are relative to the working directory: a file outside it matches none.
  if (rel === '' || rel.startsWith('../') || path.isAbsolute(rel)) return false
  const hits = await glob([escapePath(rel)], { cwd, ignore: [...ignore], dot: true, onlyFiles: false, followSymbolicLinks: false })
  return hits.length === 0
}
