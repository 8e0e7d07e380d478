// Validates settings data against schemas/settings.schema.json (compiled ahead of time) and words the first problem.
import type { ErrorObject } from 'ajv'
import validateSettings from '../generated/settings.validate.js'
import { unescapePointerToken } from '../model/json-pointer.js'
import type { Rule } from '../types.js'
import { suggest } from '../rules/suggest.js'

/** `/rules/stale-override/1/tolerance` -> `rules.stale-override[1].tolerance`. */
export function dottedPath(pointer: string): string {
  let out = ''
  for (const raw of pointer.split('/').slice(1)) {
    const segment = unescapePointerToken(raw)
    out += /^\d+$/.test(segment) ? `[${segment}]` : out === '' ? segment : `.${segment}`
  }
  return out
}

function valueAt(data: unknown, pointer: string): unknown {
  let node = data
  for (const raw of pointer.split('/').slice(1)) {
    if (node === null || typeof node !== 'object') return undefined
    node = (node as Record<string, unknown>)[unescapePointerToken(raw)]
  }
  return node
}

function show(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : JSON.stringify(value) ?? String(value)
}

function describe(error: ErrorObject, data: unknown, rules: Record<string, Rule>): string {
  const where = dottedPath(error.instancePath)
  const at = where === '' ? '' : `${where}: `
  const value = valueAt(data, error.instancePath)
  const params = error.params as Record<string, unknown>
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty)
      const known = error.instancePath === '/rules' ? Object.keys(rules) : knownKeys(error)
      const kind = error.instancePath === '/rules' ? 'rule' : where.startsWith('rules.') ? 'option' : 'key'
      return `${at}unknown ${kind} "${key}"${suggest(key, known)}`
    }
    case 'enum':
      return `${at}must be one of ${(params.allowedValues as unknown[]).map((v) => String(v)).join(', ')} (got ${show(value)})`
    case 'type':
      return `${at}must be ${params.type === 'array' ? 'a list' : `a ${String(params.type)}`} (got ${show(value)})`
    case 'required':
      return `${at}missing required key "${String(params.missingProperty)}"`
    default:
      return `${at}${error.message ?? 'is invalid'}${value === undefined ? '' : ` (got ${show(value)})`}`
  }
}

function knownKeys(error: ErrorObject): string[] {
  const schema = error.parentSchema as { properties?: Record<string, unknown> } | undefined
  return Object.keys(schema?.properties ?? {})
}

/** The settings problems, best first: the deepest error, within the anyOf branch that matches the value's shape. */
export function settingsErrors(data: unknown, rules: Record<string, Rule>): string[] {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return ['settings must be a mapping of keys (rules, balances, ...)']
  if (validateSettings(data)) return []
  const errors = (validateSettings.errors ?? []).filter((e) => e.keyword !== 'anyOf')
  const shaped = errors.filter((e) => {
    const branch = /\/anyOf\/(\d+)\//.exec(e.schemaPath)?.[1]
    if (branch === undefined) return true
    const value = valueAt(data, e.instancePath.split('/').slice(0, 3).join('/'))
    if (!Array.isArray(value)) return branch === '0'
    return value.length <= 1 ? branch === '1' : branch === '2'
  })
  const ranked = (shaped.length > 0 ? shaped : errors).sort((a, b) => b.instancePath.length - a.instancePath.length)
  return ranked.map((e) => describe(e, data, rules))
}
