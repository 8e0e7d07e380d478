// Severities and options for every rule: defaults, then the settings file, then `--rule id:severity` from the command line.
import { parse as parseYaml } from 'yaml'
import { suggest } from '../rules/suggest.js'
import type { LintSettings, Rule, RuleSetting, SeveritySetting, SharedSettings } from '../types.js'
import { settingsErrors } from './validate.js'

export { closest, editDistance, suggest } from '../rules/suggest.js'

export const SEVERITIES: readonly SeveritySetting[] = ['off', 'warn', 'error']

/** ESLint's numeric severities (0, 1, 2) are accepted too, in settings and on the command line. */
export function toSeverity(value: string | number): SeveritySetting | undefined {
  if (value === 0 || value === '0') return 'off'
  if (value === 1 || value === '1') return 'warn'
  if (value === 2 || value === '2') return 'error'
  return SEVERITIES.includes(value as SeveritySetting) ? (value as SeveritySetting) : undefined
}

/** A rule entry as written in settings: "warn" (or 1), or ["warn", {options}] (ESLint's form). */
export type RuleEntry = SeveritySetting | 0 | 1 | 2 | [SeveritySetting | 0 | 1 | 2] | [SeveritySetting | 0 | 1 | 2, Record<string, unknown>]

export interface RawSettings {
  rules?: Record<string, RuleEntry>
  balances?: number[]
  sizingMode?: SharedSettings['sizingMode']
  bot?: string
}

/** A settings problem: exit 2 with the path of the bad key. */
export class SettingsError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'SettingsError'
  }
}

export function defaultSettings(rules: Record<string, Rule>): LintSettings {
  const out: Record<string, RuleSetting> = {}
  for (const [id, rule] of Object.entries(rules)) {
    out[id] = { severity: rule.meta.defaultSeverity, options: { ...(rule.meta.defaultOptions as object) } }
  }
  return { rules: out, shared: { balances: [], sizingMode: 'auto', bot: 'auto' } }
}

/**
 * Parses `--rule id:severity` (also `id=severity`), or `id:[severity, {options}]` as in a settings file (YAML flow or
 * JSON). Options are checked against the rule's schema, as the settings file's are; they replace the file's options
 * for that rule, as ESLint's --rule does.
 */
export function parseRuleFlag(flag: string, rules: Record<string, Rule>): [string, SeveritySetting, Record<string, unknown>?] {
  const match = /^([^:=[]+)[:=](.+)$/s.exec(flag.trim())
  if (!match) throw new SettingsError(`--rule expects id:severity (off, warn or error) or id:[severity, {options}], got "${flag}"`)
  const id = match[1]!.trim()
  const written = match[2]!.trim()
  if (!Object.hasOwn(rules, id)) throw new SettingsError(`--rule: unknown rule "${id}"${suggest(id, Object.keys(rules))}`)
  if (!written.startsWith('[')) {
    const severity = toSeverity(written)
    if (severity === undefined) throw new SettingsError(`--rule ${id}: severity must be off, warn or error (or 0, 1, 2), got "${written}"`)
    return [id, severity]
  }
  let entry: unknown
  try {
    entry = parseYaml(written, { prettyErrors: false })
  } catch (error) {
    throw new SettingsError(`--rule ${id}: cannot read "${written}": ${String((error as Error).message).split('\n')[0]}`)
  }
  const problems = settingsErrors({ rules: { [id]: entry } }, rules)
  if (problems.length > 0) throw new SettingsError(`--rule ${problems[0]!.replace(/^rules\./, '')}`)
  const [severity, options] = entry as [string | number, Record<string, unknown>?]
  return [id, toSeverity(severity)!, options ?? {}]
}

export function withRuleFlags(settings: LintSettings, flags: readonly string[], rules: Record<string, Rule>): LintSettings {
  const next: LintSettings = { rules: { ...settings.rules }, shared: settings.shared }
  for (const flag of flags) {
    const [id, severity, options] = parseRuleFlag(flag, rules)
    const defaults = rules[id]!.meta.defaultOptions as object
    next.rules[id] = { severity, options: options ? { ...defaults, ...options } : (next.rules[id]?.options ?? {}) }
  }
  return next
}
