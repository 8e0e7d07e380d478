// Which open files the server lints and with what settings: the nearest settings file, re-read whenever it changes on disk.
import { statSync } from 'node:fs'
import path from 'node:path'
import picomatch from 'picomatch'
import { CONFIG_PATTERN } from '../engine/targets.js'
import { SETTINGS_FILES } from '../settings/load.js'
import { SettingsResolver, type SettingsOverrides } from '../settings/resolve.js'
import type { LintSettings, Rule } from '../types.js'

/** What the server does with one file. */
export interface FileSettings {
  /**
   * Lint it: its name is `config_futures*.y(a)ml` or the `files` of its settings match it, and their `ignorePatterns`
   * do not (an ignored file gets no findings in the editor, as with ESLint's editor integrations).
   */
  lint: boolean
  settings: LintSettings
  /** The settings file that applies (absolute), if any. */
  settingsFile?: string
}

const isConfigName = picomatch(CONFIG_PATTERN)

function toPosix(file: string): string {
  return file.split(path.sep).join('/')
}

/** `path:mtime:size` of an existing file, '' otherwise; a change to any of these is a change to the settings. */
function stamp(file: string): string {
  const info = statSync(file, { throwIfNoEntry: false })
  return info ? `${file}:${info.mtimeMs}:${info.size};` : ''
}

/** Is `file` the name of a settings file (`.lint-config.yaml`, `.lint-config.yml`, `.lint-config.json`, `package.json`)? */
export function isSettingsFile(file: string): boolean {
  return (SETTINGS_FILES as readonly string[]).includes(path.basename(file))
}

/**
 * Settings per directory, as the CLI resolves them, but for a process that lives for hours: before each use the
 * candidate settings files from the directory up to the root (and a custom schema) are stat'ed, and any change (a new
 * file nearer the document, an edit, a deletion) drops every cached settings file. A few dozen stat calls cost well
 * under a millisecond, so this works with clients that never send workspace/didChangeWatchedFiles.
 */
export class WorkspaceSettings {
  private resolver: SettingsResolver
  private readonly stamps = new Map<string, { stamp: string; schema?: string }>()

  constructor(
    private readonly rules: Record<string, Rule>,
    private readonly cwd: string,
    private readonly overrides: SettingsOverrides,
  ) {
    this.resolver = new SettingsResolver(rules, cwd, overrides)
  }

  /** Forget every settings file read so far (the client said one changed). */
  reset(): void {
    this.resolver = new SettingsResolver(this.rules, this.cwd, this.overrides)
    this.stamps.clear()
  }

  /**
   * Keeps what the directories of `files` (the open documents) need and forgets the rest, so a long session that opens
   * and closes files all over the disk holds settings only for what is open.
   */
  retain(files: Iterable<string>): void {
    const dirs = new Set([...files].map((f) => path.dirname(f)))
    if ([...this.stamps.keys()].some((dir) => !dirs.has(dir))) this.reset()
  }

  /** Directories cached; for tests that check nothing grows without bound. */
  get size(): number {
    return this.stamps.size
  }

  /** The settings for the file at the absolute path `file`. Throws SettingsError for a bad settings file, as the CLI does. */
  async forFile(file: string): Promise<FileSettings> {
    const dir = path.dirname(file)
    const before = this.stamps.get(dir)
    const now = this.fingerprint(dir, before?.schema)
    if (before !== undefined && before.stamp !== now) this.reset()
    let loaded: Awaited<ReturnType<SettingsResolver['loaded']>>
    let settings: LintSettings
    try {
      loaded = await this.resolver.loaded(dir)
      settings = await this.resolver.forDirectory(dir)
    } catch (error) {
      // The resolver caches the failure; start afresh next time, so fixing the file (or its schema) is seen at once.
      this.reset()
      throw error
    }
    this.stamps.set(dir, { stamp: this.fingerprint(dir, loaded?.schemaPath), ...(loaded?.schemaPath ? { schema: loaded.schemaPath } : {}) })
    const posix = toPosix(file)
    const named = isConfigName(posix) || (loaded?.files !== undefined && picomatch.isMatch(posix, loaded.files))
    const ignored = loaded?.ignorePatterns !== undefined && picomatch.isMatch(posix, loaded.ignorePatterns)
    return { lint: named && !ignored, settings, ...(loaded?.file ? { settingsFile: loaded.file } : {}) }
  }

  private fingerprint(dir: string, schema: string | undefined): string {
    let out = this.overrides.config !== undefined ? stamp(path.resolve(this.cwd, this.overrides.config)) : ''
    if (schema !== undefined) out += stamp(schema)
    if (this.overrides.config !== undefined) return out
    for (let at = path.resolve(dir); ; at = path.dirname(at)) {
      for (const name of SETTINGS_FILES) out += stamp(path.join(at, name))
      if (path.dirname(at) === at) return out
    }
  }
}
