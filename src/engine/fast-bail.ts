// The fast parser's bail-outs: every reason it leaves a text to the `yaml` package, and the exception that carries one with its offset.
/** Why fastParse left a text to the `yaml` package. */
export type BailReason =
  | 'empty' // no content line: an empty document
  | 'tab' // a tab outside a comment or a quoted scalar
  | 'nonPrintable' // a character PyYAML's reader rejects, or a byte order mark inside the text
  | 'lineBreak' // a lone CR, NEL, LS or PS: PyYAML breaks lines there
  | 'documentMarker' // `---` or `...`
  | 'directive' // `%`
  | 'anchor' // `&`
  | 'alias' // `*`
  | 'tag' // `!`
  | 'blockScalar' // `|` or `>`
  | 'complexKey' // `?`
  | 'mergeKey' // `<<`
  | 'nonStringKey' // a plain key that resolves to a number, boolean, null...
  | 'timestamp' // a plain scalar that resolves to a date
  | 'escape' // a backslash in a double-quoted scalar
  | 'multiline' // a scalar or flow collection that goes on past its line, or an unterminated one
  | 'flowSyntax' // anything in a flow collection outside the subset: empty entries, `:` in plain scalars, comments...
  | 'indentation' // a line whose indentation the subset (or YAML) does not allow there
  | 'syntax' // anything else outside the subset, mostly what yaml reports as an error
  | 'longKey' // an implicit key near yaml's 1024-character limit
  | 'tooDeep' // nesting deeper than the subset allows
  | 'internal' // an exception inside fastParse: a bug, never expected (the tests fail on it)

/** Every bail-out reason, for tests and reports. */
export const BAIL_REASONS: readonly BailReason[] = [
  'empty',
  'tab',
  'nonPrintable',
  'lineBreak',
  'documentMarker',
  'directive',
  'anchor',
  'alias',
  'tag',
  'blockScalar',
  'complexKey',
  'mergeKey',
  'nonStringKey',
  'timestamp',
  'escape',
  'multiline',
  'flowSyntax',
  'indentation',
  'syntax',
  'longKey',
  'tooDeep',
  'internal',
]

/** Thrown to leave a text to the slow path: why, and where. */
export class Bail {
  constructor(
    readonly reason: BailReason,
    readonly offset: number,
  ) {}
}
