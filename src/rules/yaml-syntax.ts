// yaml-syntax: what the bot's YAML loader would reject or silently resolve (duplicate keys). Reports come from engine/parse.ts.
import type { Rule } from '../types.js'

const messages = {
  syntaxError: 'YAML syntax error: {{message}}',
  duplicateKey: 'Duplicate key "{{key}}" (first defined at line {{firstLine}}): the bot silently uses this last value',
  duplicateKeyOverridden: 'Duplicate key "{{key}}" (first defined at line {{firstLine}}): this value is silently replaced by the one at line {{lastLine}}',
  unresolvedAlias: 'Alias "*{{name}}" has no anchor "&{{name}}" defined before it',
  duplicateAnchor: 'Anchor "&{{name}}" is defined a second time here (first at line {{firstLine}}): the bot\'s loader (PyYAML) refuses the file',
  aliasBomb: 'Alias "*{{name}}" expands past {{limit}} nodes: a resource-exhaustion ("billion laughs") pattern',
  recursiveAlias: 'Alias "*{{name}}" refers to a collection that contains it: the bot loads a recursive structure, which lint-config cannot check',
  multipleDocuments: 'A second YAML document starts here: the bot\'s loader (yaml.safe_load) refuses a file with more than one',
  unknownTag: 'YAML tag the bot\'s safe loader refuses (it has no constructor for it): {{message}}',
  constructorError: 'The bot\'s loader (PyYAML) fails on this value: {{message}}',
  nonPrintable: 'Character {{char}} is not allowed in YAML: the bot\'s loader rejects the file',
  tooDeep: 'The file nests too deeply to parse (the bot\'s loader fails on it too)',
  invalidEncoding: 'The file is not valid UTF-8 (byte {{byte}}): the bot\'s loader rejects it',
} as const

/** The yaml-syntax findings the parse layer (engine/parse.ts) produces. */
export type YamlSyntaxMessageId = keyof typeof messages

export const yamlSyntax: Rule<Record<string, never>, YamlSyntaxMessageId> = {
  meta: {
    id: 'yaml-syntax',
    description: 'YAML the bot cannot load, or loads differently than it reads: syntax errors, duplicate keys, bad aliases, several documents',
    defaultSeverity: 'error',
    fixable: false,
    schema: { type: 'object', additionalProperties: false },
    defaultOptions: {},
    messages,
  },
  // The parser produces this rule's reports; there is nothing left to check on the data.
  *check() {},
}
