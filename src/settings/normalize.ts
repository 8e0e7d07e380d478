// Severities and options for every rule: defaults, then the settings file, then `--rule id:severity` from the command line.
import { suggest } from '../rules/suggest.js'
import type { LintSettings, Rule, RuleSetting, SeveritySetting, SharedSettings } from '../types.js'

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
  return { rules: out, shared: { balances: [], sizingMode: 'auto' } }
}

/** Parses `id:severity` (also `id=severity`) from the command line. */
export function parseRuleFlag(flag: string, rules: Record<string, Rule>): [string, SeveritySetting] {
  const match = /^([^:=]+)[:=](.+)$/.exec(flag.trim())
  if (!match) throw new SettingsError(`--rule expects id:severity (off, warn or error), got "${flag}"`)
  const id = match[1]!.trim()
  const written = match[2]!.trim()
  if (!Object.hasOwn(rules, id)) throw new SettingsError(`--rule: unknown rule "${id}"${suggest(id, Object.keys(rules))}`)
  const severity = toSeverity(written)
  if (severity === undefined) throw new SettingsError(`--rule ${id}: severity must be off, warn or error (or 0, 1, 2), got "${written}"`)
  return [id, severity]
}

export function withRuleFlags(settings: LintSettings, flags: readonly string[], rules: Record<string, Rule>): LintSettings {
  const next: LintSettings = { rules: { ...settings.rules }, shared: settings.shared }
  for (const flag of flags) {
    const [id, severity] = parseRuleFlag(flag, rules)
    next.rules[id] = { severity, options: next.rules[id]?.options ?? {} }
  }
  return next
}
