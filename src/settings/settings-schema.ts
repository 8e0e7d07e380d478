// The JSON Schema of the linter's own settings file, built from the rule registry so every rule's options are checked.
import type { Rule } from '../types.js'

export const SETTINGS_SCHEMA_ID = 'https://raw.githubusercontent.com/lint-config/lint-config/main/schemas/settings.schema.json'

const severity = { enum: ['off', 'warn', 'error', 0, 1, 2] }

/** One rule's entry: "warn", ["warn"] or ["warn", {options}] with the options checked against the rule's meta.schema. */
function ruleEntry(rule: Rule): Record<string, unknown> {
  return {
    description: rule.meta.description,
    anyOf: [
      severity,
      { type: 'array', prefixItems: [severity], minItems: 1, items: false },
      { type: 'array', prefixItems: [severity, rule.meta.schema], minItems: 2, items: false },
    ],
  }
}

/** draft 2020-12 (prefixItems): editors and ajv's Ajv2020 both understand it. */
export function buildSettingsSchema(rules: Record<string, Rule>): Record<string, unknown> {
  const ruleProperties = Object.fromEntries(
    Object.keys(rules)
      .sort()
      .map((id) => [id, ruleEntry(rules[id]!)]),
  )
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: SETTINGS_SCHEMA_ID,
    title: 'lint-config settings',
    description: 'Settings of lint-config itself (.lint-config.yaml, .lint-config.json, or the "lint-config" key of package.json).',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      rules: {
        type: 'object',
        description: 'Rule severities ("off", "warn", "error") and options (["warn", {...}]).',
        additionalProperties: false,
        properties: ruleProperties,
      },
      balances: {
        type: 'array',
        description: 'Reference balances in USD that the sizing rules check (as --balance).',
        items: { type: 'number', minimum: 0 },
      },
      sizingMode: {
        enum: ['auto', 'progressive', 'fixed', 'percent'],
        description: 'Pin the sizing mode of every balance profile instead of detecting it per profile.',
      },
      bot: {
        type: 'string',
        description:
          "Which of the bot's code eras sizes the config: auto (from the config's shape), variant-b, risk-manager, percent, or a date YYYY-MM-DD (the bot's code at the end of that day).",
        anyOf: [{ enum: ['auto', 'variant-b', 'risk-manager', 'percent'] }, { pattern: '^\\d{4}-\\d{2}-\\d{2}$' }],
      },
      schema: { type: 'string', description: 'Path (relative to this file) of a JSON Schema to use instead of the bundled one.' },
      files: {
        type: 'array',
        description: 'Globs (relative to this file) to lint when lint-config runs without arguments.',
        items: { type: 'string', minLength: 1 },
      },
      ignorePatterns: {
        type: 'array',
        description: 'Globs (relative to this file) left out of directory and glob expansion.',
        items: { type: 'string', minLength: 1 },
      },
    },
  }
}
