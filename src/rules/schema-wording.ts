// schema rule, part 4: shared types, words for types, values and key paths in messages, and the JSON pointers they are read from.
import type { ErrorObject } from 'ajv'
import { parsePointer } from '../model/json-pointer.js'
import type { Report } from '../types.js'

/** One message per ajv keyword family, plus the root checks and the combinator summaries. */
export type SchemaMessageId =
  | 'emptyConfig'
  | 'rootNotMapping'
  | 'type'
  | 'notFinite'
  | 'emptySection'
  | 'emptySectionOrphans'
  | 'minimum'
  | 'maximum'
  | 'exclusiveMinimum'
  | 'exclusiveMaximum'
  | 'multipleOf'
  | 'enum'
  | 'const'
  | 'pattern'
  | 'minLength'
  | 'maxLength'
  | 'minItems'
  | 'maxItems'
  | 'uniqueItems'
  | 'contains'
  | 'minProperties'
  | 'maxProperties'
  | 'required'
  | 'dependencies'
  | 'additionalProperties'
  | 'invalidKeyName'
  | 'invalidKeyNames'
  | 'notAllowed'
  | 'noBranch'
  | 'oneOfMultiple'
  | 'invalid'

export type SchemaReport = Report<SchemaMessageId>
export type SchemaObject = Record<string, unknown>

/** An ajv error as the verbose option produces it, or one this module synthesises from a combinator. */
export interface AjvError extends ErrorObject {
  /** Title of the anyOf/oneOf branch this error was chosen from, to explain which form the value was judged as. */
  branch?: string
}

export const ROOT_NAME = 'the config'

// ---------------------------------------------------------------------------------------------
// Wording.

export function typePhrase(type: string): string {
  switch (type) {
    case 'object':
      return 'a mapping'
    case 'array':
      return 'a list'
    case 'integer':
      return 'a whole number'
    case 'number':
      return 'a number'
    case 'string':
      return 'a string'
    case 'boolean':
      return 'true or false'
    case 'null':
      return 'empty (null)'
    default:
      return type
  }
}

/** YAML's spelling of the numbers JSON has none for; everything else as JavaScript prints it. */
export function renderNumber(n: number): string {
  if (Number.isNaN(n)) return '.nan'
  if (n === Number.POSITIVE_INFINITY) return '.inf'
  if (n === Number.NEGATIVE_INFINITY) return '-.inf'
  return String(n)
}

/** A value as it would be written in the config: numbers bare, strings quoted. */
export function renderLiteral(value: unknown): string {
  if (typeof value === 'number') return renderNumber(value)
  if (typeof value === 'string') return JSON.stringify(clip(value))
  if (value === null || value === undefined) return 'null'
  if (typeof value === 'boolean') return String(value)
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an invalid timestamp' : value.toISOString()
  if (Array.isArray(value)) return 'a list'
  return 'a mapping'
}

/** A value with its kind, for "got ..." after a type mismatch: `the string "50"`, `a list`. */
export function describe(value: unknown): string {
  if (typeof value === 'string') return `the string ${renderLiteral(value)}`
  if (value instanceof Date) return `the timestamp ${renderLiteral(value)}`
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : 'a list'
  if (isPlainObject(value) || (typeof value === 'object' && value !== null)) return 'a mapping'
  return renderLiteral(value)
}

/** A number bare (as range messages compare numbers), anything else described. */
export function describeValue(value: unknown): string {
  return typeof value === 'number' ? renderNumber(value) : describe(value)
}

export function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text
}

export function quote(name: string): string {
  return JSON.stringify(name)
}

export function listOf(items: readonly string[], conjunction = 'and'): string {
  if (items.length <= 1) return items[0] ?? ''
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`
}

export function exampleOf(schema: unknown): string | undefined {
  if (!isPlainObject(schema) || !Array.isArray(schema.examples) || schema.examples.length === 0) return undefined
  return renderLiteral(schema.examples[0])
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : []
}

// ---------------------------------------------------------------------------------------------
// JSON pointers (ajv's instancePath is RFC 6901).

export function isUnder(pointer: string, ancestor: string): boolean {
  return pointer === ancestor || pointer.startsWith(`${ancestor}/`)
}

/** The key a pointer ends in, as a user names it: `leverage`, `symbols[2]`; the root is "the config". */
export function keyName(pointer: string): string {
  const segments = parsePointer(pointer)
  let name = ''
  for (let i = segments.length - 1; i >= 0; i--) {
    const segment = segments[i]!
    if (/^(0|[1-9][0-9]*)$/.test(segment) && i > 0) {
      name = `[${segment}]${name}`
      continue
    }
    return `${segment}${name}`
  }
  return name === '' ? ROOT_NAME : name
}

/** The whole path as a user reads it: `scalping.balance_profiles.small`, `scalping.symbols[2]`. */
export function dotted(pointer: string): string {
  const segments = parsePointer(pointer)
  if (segments.length === 0) return ROOT_NAME
  return segments.reduce((acc, s, i) => (i > 0 && /^(0|[1-9][0-9]*)$/.test(s) ? `${acc}[${s}]` : acc === '' ? s : `${acc}.${s}`), '')
}

export function isPlainObject(value: unknown): value is SchemaObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)
}
