// The effective settings for one linted file: built-in defaults, then the nearest settings file (or --config), then the command line.
import path from 'node:path'
import { readRegularFile } from '../engine/file-io.js'
import type { LintSettings, Rule, SeveritySetting } from '../types.js'
import { findSettings, loadSettingsFile, toLintSettings, type LoadedSettings } from './load.js'
import { SettingsError, withRuleFlags } from './normalize.js'

/** What the command line says about settings; each field wins over the settings file. */
export interface SettingsOverrides {
  /** `--config FILE`: use this file instead of searching. */
  config?: string
  /** `--rule id:severity`. */
  rules?: string[]
  /** `--balance`. */
  balances?: number[]
  /** `--bot`: the bot's code era (or a date) sizing the config. */
  bot?: string
  /** `--seed` for interpolation-properties. */
  seed?: number
  /** `--no-inline-config`: ignore inline disable comments. */
  inlineConfig?: false
  /** `--report-unused-disable-directives`. */
  unusedDirectives?: SeveritySetting
}

/** Resolves settings per directory, caching files and custom schemas for the run. */
export class SettingsResolver {
  private readonly found = new Map<string, Promise<LoadedSettings | undefined>>()
  private readonly schemas = new Map<string, Promise<Record<string, unknown>>>()
  private explicit?: Promise<LoadedSettings | undefined>

  constructor(
    private readonly rules: Record<string, Rule>,
    private readonly cwd: string,
    private readonly overrides: SettingsOverrides,
  ) {}

  /** The settings file that applies to files in `dir` (or the --config one). */
  async loaded(dir: string): Promise<LoadedSettings | undefined> {
    if (this.overrides.config !== undefined) {
      const file = path.resolve(this.cwd, this.overrides.config)
      this.explicit ??= loadSettingsFile(file, this.rules).then((loaded) => loaded ?? { file, raw: {} })
      return this.explicit
    }
    return findSettings(dir, this.rules, this.found)
  }

  /** The effective settings for a file in `dir`. */
  async forDirectory(dir: string): Promise<LintSettings> {
    const loaded = await this.loaded(dir)
    let settings = toLintSettings(loaded, this.rules)
    settings = withRuleFlags(settings, this.overrides.rules ?? [], this.rules)
    if (this.overrides.balances?.length) settings.shared = { ...settings.shared, balances: [...this.overrides.balances] }
    if (this.overrides.bot !== undefined) settings.shared = { ...settings.shared, bot: this.overrides.bot }
    if (this.overrides.inlineConfig === false) settings.shared = { ...settings.shared, inlineConfig: false }
    const seeded = settings.rules['interpolation-properties']
    if (this.overrides.seed !== undefined && seeded) {
      settings.rules['interpolation-properties'] = { ...seeded, options: { ...seeded.options, seed: this.overrides.seed } }
    }
    if (this.overrides.unusedDirectives !== undefined && settings.rules['unused-disable-directive']) {
      settings.rules['unused-disable-directive'] = { severity: this.overrides.unusedDirectives, options: {} }
    }
    if (loaded?.schemaPath && settings.rules.schema) {
      const schema = await this.schema(loaded.schemaPath, loaded.file)
      settings.rules.schema = { ...settings.rules.schema, options: { ...settings.rules.schema.options, schema } }
    }
    return settings
  }

  private schema(file: string, from: string | undefined): Promise<Record<string, unknown>> {
    let pending = this.schemas.get(file)
    if (!pending) {
      pending = readRegularFile(file).then(
        (bytes) => {
          const text = bytes.toString('utf8')
          try {
            const parsed = JSON.parse(text) as unknown
            if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not a JSON object')
            return parsed as Record<string, unknown>
          } catch (error) {
            throw new SettingsError(`${from ?? 'settings'}: schema "${file}" is not a JSON Schema object: ${(error as Error).message}`)
          }
        },
        (error: Error) => {
          // readRegularFile words it as `cannot read "<file>": why`.
          const why = error.message.replace(/^cannot read "[^"]*": /, '').replace(/^no such file or directory$/, 'no such file')
          throw new SettingsError(`${from ?? 'settings'}: cannot read schema "${file}": ${why}`)
        },
      )
      this.schemas.set(file, pending)
    }
    return pending
  }
}
