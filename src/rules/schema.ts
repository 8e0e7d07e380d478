// schema: validates the config against the bot's JSON Schema (precompiled) or a custom one, as readable findings at the right YAML node.
import { createRequire } from 'node:module'
import ajvOptions from '../../schemas/ajv-options.json' with { type: 'json' }
import { validate as configFuturesValidate, type StandaloneValidate } from '../generated/config-futures.validate.js'
import { toReports } from './schema-errors.js'
import { describe, isPlainObject, type AjvError, type SchemaMessageId } from './schema-wording.js'
import type { Rule } from '../types.js'

export type { SchemaMessageId } from './schema-wording.js'

/** Options of the `schema` rule. */
export interface SchemaOptions {
  /** A JSON Schema object replacing the bundled one (the settings loader reads the user's file); compiled once per object. */
  schema?: Record<string, unknown>
}


/**
 * Validates the data the bot sees (PyYAML semantics) against schemas/config-futures.schema.json, precompiled into
 * src/generated/ (nothing is compiled at run time), or against `options.schema`. Reports point at the value
 * (`path` is ajv's instancePath), at the key for unknown or forbidden keys, and at the parent for missing keys.
 */
export const schemaRule: Rule<SchemaOptions, SchemaMessageId> = {
  meta: {
    id: 'schema',
    description: 'The config matches the bot\'s JSON Schema: types, ranges, required sizing keys, no unknown keys where sizing lives',
    defaultSeverity: 'error',
    fixable: false,
    schema: {
      type: 'object',
      properties: { schema: { type: 'object', description: 'A JSON Schema (draft-07, 2019-09 or 2020-12 by its $schema) used instead of the bundled one.' } },
      additionalProperties: false,
    },
    defaultOptions: {},
    messages: {
      emptyConfig: 'The config is empty: the bot expects a mapping of sections (scalping, risk, futures_modules, ...)',
      rootNotMapping: 'The config must be a mapping of sections (scalping, risk, futures_modules, ...), got {{actual}}',
      type: '{{key}} must be {{expected}}, got {{actual}}',
      notFinite: '{{key}} must be a finite number, got {{value}}',
      emptySection: '{{key}} is empty (null) but must be a mapping: indent the keys that belong to it under it',
      emptySectionOrphans: '{{key}} is empty (null) but must be a mapping: the keys after it ({{orphans}}) are not indented under it',
      minimum: '{{key}} must be at least {{limit}}, got {{value}}',
      maximum: '{{key}} must be at most {{limit}}, got {{value}}',
      exclusiveMinimum: '{{key}} must be greater than {{limit}}, got {{value}}',
      exclusiveMaximum: '{{key}} must be less than {{limit}}, got {{value}}',
      multipleOf: '{{key}} must be a multiple of {{multipleOf}}, got {{value}}',
      enum: '{{key}} must be one of {{allowed}}, got {{actual}}',
      const: '{{key}} must be {{allowed}}, got {{actual}}{{context}}',
      pattern: '{{key}} must match {{expected}}, got {{actual}}',
      minLength: '{{key}} must be at least {{limit}} characters long, got {{actual}}',
      maxLength: '{{key}} must be at most {{limit}} characters long, got {{actual}}',
      minItems: '{{key}} must list at least {{limit}} item(s), got {{count}}',
      maxItems: '{{key}} must list at most {{limit}} item(s), got {{count}}',
      uniqueItems: '{{key}} repeats {{value}}, already listed at {{first}}',
      contains: '{{key}} must contain at least {{limit}} matching item(s)',
      minProperties: '{{key}} must have at least {{limit}} key(s), got {{count}}',
      maxProperties: '{{key}} must have at most {{limit}} key(s), got {{count}}',
      required: '{{parent}} is missing {{missing}}{{context}}',
      dependencies: '{{parent}} is missing {{missing}}, required when "{{property}}" is set',
      additionalProperties: 'Unknown key "{{key}}" in {{parent}}{{suggestion}}',
      invalidKeyName: 'Key "{{key}}" is not allowed in {{parent}}: {{rule}}',
      invalidKeyNames: '{{parent}} has {{count}} keys that are not allowed there ({{names}}): {{rule}}',
      notAllowed: '{{key}} is not allowed here{{reason}}{{context}}',
      noBranch: '{{key}} fits none of the allowed forms: {{branches}}',
      oneOfMultiple: '{{key}} fits more than one of the allowed forms ({{branches}}) but must fit exactly one',
      invalid: '{{key}} is not valid here (JSON Schema keyword "{{keyword}}")',
    },
  },
  *check(ctx) {
    const data = ctx.data
    if (data === null || data === undefined) {
      yield { path: '', messageId: 'emptyConfig' }
      return
    }
    if (!isPlainObject(data)) {
      yield { path: '', messageId: 'rootNotMapping', data: { actual: describe(data) } }
      return
    }
    const validate = ctx.options.schema ? compileSchema(ctx.options.schema) : configFuturesValidate
    if (validate(data)) return
    // The bundled schema keeps its combinator branches inline; a custom one may reach them through $ref.
    yield* toReports((validate.errors ?? []) as AjvError[], ctx.options.schema)
  },
}

// ---------------------------------------------------------------------------------------------
// Custom schemas: compiled on first use, once per schema object.

const require = createRequire(import.meta.url)
const compiled = new WeakMap<object, StandaloneValidate>()

type AjvModule = typeof import('ajv')

/**
 * Compiles a user's schema with the shared ajv options (the class follows its `$schema`: draft-07, 2019-09, 2020-12).
 * ajv is loaded only here, synchronously, so the default path never pays for it. Throws a one-line Error for an invalid schema.
 */
export function compileSchema(schema: Record<string, unknown>): StandaloneValidate {
  const cached = compiled.get(schema)
  if (cached) return cached
  const draft = typeof schema.$schema === 'string' ? schema.$schema : ''
  const AjvClass: AjvModule['Ajv'] = draft.includes('2020-12')
    ? (require('ajv/dist/2020') as { Ajv2020: AjvModule['Ajv'] }).Ajv2020
    : draft.includes('2019-09')
      ? (require('ajv/dist/2019') as { Ajv2019: AjvModule['Ajv'] }).Ajv2019
      : (require('ajv') as AjvModule).Ajv
  let validate: StandaloneValidate
  try {
    // A user's schema may carry editor keywords (markdownDescription...) and formats we do not bundle: not its author's error.
    validate = new AjvClass({ ...ajvOptions, strict: false, logger: false }).compile(schema)
  } catch (error) {
    throw new Error(`the schema option is not a valid JSON Schema: ${error instanceof Error ? error.message : String(error)}`)
  }
  compiled.set(schema, validate)
  return validate
}

