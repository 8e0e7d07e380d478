// Severities and options for every rule: defaults, then the settings file, then `--rule id:severity` from the command line.
import type { LintSettings, Rule, RuleSetting, SeveritySetting, SharedSettings } from '../types.js'

export const SEVERITIES: readonly SeveritySetting[] = ['off', 'warn', 'error']

/** A rule entry as written in settings: "warn", or ["warn", {options}] (ESLint's form). */
export type RuleEntry = SeveritySetting | [SeveritySetting] | [SeveritySetting, Record<string, unknown>]

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
  const severity = match[2]!.trim()
  if (!rules[id]) throw new SettingsError(`--rule: unknown rule "${id}"${suggest(id, Object.keys(rules))}`)
  if (!SEVERITIES.includes(severity as SeveritySetting)) {
    throw new SettingsError(`--rule ${id}: severity must be off, warn or error, got "${severity}"`)
  }
  return [id, severity as SeveritySetting]
}

export function withRuleFlags(settings: LintSettings, flags: readonly string[], rules: Record<string, Rule>): LintSettings {
  const next: LintSettings = { rules: { ...settings.rules }, shared: settings.shared }
  for (const flag of flags) {
    const [id, severity] = parseRuleFlag(flag, rules)
    next.rules[id] = { severity, options: next.rules[id]?.options ?? {} }
  }
  return next
}

/** " (did you mean "x"?)" when a candidate is close enough, else "". */
export function suggest(word: string, candidates: readonly string[]): string {
  let best: string | undefined
  let bestDistance = Infinity
  for (const c of candidates) {
    const d = editDistance(word, c)
    if (d < bestDistance) {
      best = c
      bestDistance = d
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? ` (did you mean "${best}"?)` : ''
}

/** Damerau-Levenshtein (optimal string alignment) distance: a swapped pair of letters counts as one typo. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1
  const cols = b.length + 1
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)))
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1)
      d[i]![j] = v
    }
  }
  return d[a.length]![b.length]!
}
