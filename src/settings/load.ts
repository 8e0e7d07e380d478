// Finds and reads the linter's own settings: .lint-config.yaml / .yml / .json or package.json "lint-config", from a directory upwards.
import { stat } from 'node:fs/promises'
import path from 'node:path'
import { parse as parseYaml } from 'yaml'
import { readRegularFile, UsageError } from '../engine/file-io.js'
import { checkBotSetting } from '../model/eras.js'
import type { LintSettings, Rule, SeveritySetting } from '../types.js'
import { SettingsError, defaultSettings, suggest, toSeverity, type RawSettings, type RuleEntry } from './normalize.js'
import { settingsErrors } from './validate.js'

export const SETTINGS_FILES = ['.lint-config.yaml', '.lint-config.yml', '.lint-config.json', 'package.json'] as const

/** Settings as loaded from one file, with paths resolved against that file's directory. */
export interface LoadedSettings {
  /** The file they came from; undefined for built-in defaults. */
  file?: string
  raw: RawSettings
  /** Absolute path of a custom schema, when `schema` is set. */
  schemaPath?: string
  /** Absolute globs. */
  files?: string[]
  ignorePatterns?: string[]
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile()
  } catch {
    return false
  }
}

/** Reads one settings file; a package.json without a "lint-config" key yields undefined. */
async function readSettingsFile(file: string): Promise<Record<string, unknown> | undefined> {
  let text: string
  try {
    text = (await readRegularFile(file)).toString('utf8')
  } catch (error) {
    // readRegularFile words it as `cannot read "<file>": why`.
    throw new SettingsError(`${(error as UsageError).message.replace(/^cannot read /, 'cannot read settings ')}`)
  }
  let data: unknown
  try {
    data = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text, { prettyErrors: false })
  } catch (error) {
    throw new SettingsError(`${file}: ${String((error as Error).message).split('\n')[0]}`)
  }
  if (path.basename(file) === 'package.json') {
    const section = (data as Record<string, unknown> | null)?.['lint-config']
    return section === undefined ? undefined : (section as Record<string, unknown>)
  }
  return (data ?? {}) as Record<string, unknown>
}

/** Validates and resolves one file's settings; problems are SettingsErrors naming the file and the bad key. */
export async function loadSettingsFile(file: string, rules: Record<string, Rule>): Promise<LoadedSettings | undefined> {
  const data = await readSettingsFile(file)
  if (data === undefined) return undefined
  const label = path.basename(file) === 'package.json' ? `${file} ("lint-config" key)` : file
  const problems = settingsErrors(data, rules)
  if (problems.length > 0) throw new SettingsError(`${label}: ${problems[0]}`)
  const raw = data as RawSettings & { schema?: string; files?: string[]; ignorePatterns?: string[] }
  const dir = path.dirname(file)
  const loaded: LoadedSettings = { file, raw }
  if (raw.schema !== undefined) loaded.schemaPath = path.resolve(dir, raw.schema)
  if (raw.files !== undefined) loaded.files = raw.files.map((g) => path.posix.join(toPosix(dir), g))
  if (raw.ignorePatterns !== undefined) loaded.ignorePatterns = raw.ignorePatterns.map((g) => path.posix.join(toPosix(dir), g))
  return loaded
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/')
}

/**
 * The nearest settings file from `dir` upwards: the nearest wins whole, as with yamllint (no merging).
 * A package.json without a "lint-config" key does not count.
 */
export async function findSettings(
  dir: string,
  rules: Record<string, Rule>,
  cache: Map<string, Promise<LoadedSettings | undefined>>,
): Promise<LoadedSettings | undefined> {
  const absolute = path.resolve(dir)
  const hit = cache.get(absolute)
  if (hit) return hit
  const pending = (async () => {
    for (const name of SETTINGS_FILES) {
      const file = path.join(absolute, name)
      if (await isFile(file)) {
        const loaded = await loadSettingsFile(file, rules)
        if (loaded) return loaded
      }
    }
    const parent = path.dirname(absolute)
    return parent === absolute ? undefined : findSettings(parent, rules, cache)
  })()
  cache.set(absolute, pending)
  return pending
}

/** Turns loaded settings into normalised LintSettings: defaults, then the file. */
export function toLintSettings(loaded: LoadedSettings | undefined, rules: Record<string, Rule>): LintSettings {
  const settings = defaultSettings(rules)
  const raw = loaded?.raw
  if (!raw) return settings
  for (const [id, entry] of Object.entries(raw.rules ?? {})) {
    const rule = Object.hasOwn(rules, id) ? rules[id] : undefined
    if (!rule) throw new SettingsError(`rules.${id}: unknown rule${suggest(id, Object.keys(rules))}`)
    const [severity, options] = normaliseEntry(entry)
    settings.rules[id] = { severity, options: { ...(rule.meta.defaultOptions as object), ...(options ?? {}) } }
  }
  if (raw.balances) settings.shared.balances = [...raw.balances]
  if (raw.sizingMode) settings.shared.sizingMode = raw.sizingMode
  if (raw.bot !== undefined) {
    const problem = checkBotSetting(raw.bot)
    if (problem) throw new SettingsError(`bot: ${problem}`)
    settings.shared.bot = raw.bot
  }
  return settings
}

/** The settings schema has checked the entry, so the severity is one of the six accepted spellings. */
function normaliseEntry(entry: RuleEntry): [SeveritySetting, Record<string, unknown> | undefined] {
  if (!Array.isArray(entry)) return [toSeverity(entry)!, undefined]
  return [toSeverity(entry[0])!, entry[1]]
}
