// The whole vocabulary of lint-config: findings, results, rules, formatters, settings (the diff's in types-diff.ts, re-exported here).
import type { SizingChart } from './chart/chart-points.js'
import type { SizingTable } from './model/sizing-table.js'

export type { SizingChart, SizingTable }
export type * from './types-diff.js'

export type Severity = 'error' | 'warn'
/** 'off' exists only in settings. */
export type SeveritySetting = Severity | 'off'

/** line and column are 1-based (as editors, ESLint and GitHub show them); offset is a 0-based JS string index. */
export interface Position {
  line: number
  column: number
  offset: number
}

/** `end` is exclusive. */
export interface Range {
  start: Position
  end: Position
}

/** Replace text[start, end) with `text`. Offsets only; lines and columns are derived, never stored in edits. */
export interface TextEdit {
  range: readonly [start: number, end: number]
  text: string
}

export interface Finding {
  /** 'yaml-syntax' for parser errors (with fatal: true). */
  ruleId: string
  messageId: string
  /** Interpolated; names the numbers ("live only for balances up to $700.00"). */
  message: string
  severity: Severity
  /** RFC 6901 JSON Pointer into the data ('' = root), the same form as ajv's instancePath. */
  path: string
  range: Range
  /** At most one; a rule's several edits are merged, as ESLint does. */
  fix?: TextEdit
  /**
   * Repairs a person picks, never applied by --fix (ESLint's suggestions): each one edit against the same text as
   * `fix`, built by the same Fixer; absent when the rule offers none here.
   */
  suggestions?: Suggestion[]
  /** No other rule ran on this file. */
  fatal?: true
}

/** One suggested repair of a finding: a named edit that a person (or an editor's code action) chooses to apply. */
export interface Suggestion {
  /** What the edit does, interpolated ("Set small's size_at_min to $50.00"). */
  desc: string
  /** The rule's message id for `desc`, when the rule gave one. */
  messageId?: string
  /** The edit; several edits of one suggestion are merged into one, as for fixes. */
  fix: TextEdit
  /** Where `fix` applies, as lines and columns (derived from `fix.range` by the engine, for SARIF and editors). */
  range: Range
}

export interface SuppressedFinding extends Finding {
  justification: string
  /** What silenced it: an inline directive (the default when absent), or the bulk suppressions file (`file`, as ESLint's kind). */
  kind?: 'directive' | 'file'
}

export interface FileResult {
  /** As given on the command line, or '<stdin>' / --stdin-filename. */
  filePath: string
  /** Sorted by range.start.offset. */
  findings: Finding[]
  errorCount: number
  warningCount: number
  fixableErrorCount: number
  fixableWarningCount: number
  /** Findings silenced by inline directives (with the directive's `-- justification`) or by the bulk suppressions file. */
  suppressed?: SuppressedFinding[]
  /** The linted text, when a formatter or command needs it (source excerpts). */
  source?: string
  /** Only when --fix changed the text. */
  output?: string
  /**
   * The sizing table at each reference balance, as data (the model's, exact). Only when a report that shows sizing
   * tables was asked for (markdown), the settings name reference balances and the file parsed without a fatal problem.
   */
  sizingTables?: readonly SizingTable[]
  /**
   * The designed size per symbol at the profile boundaries, ramp ends and reference balances, as data (the chart
   * adapter's, exact), for the markdown report's chart under the sizing tables. Attached with `sizingTables`.
   */
  sizingChart?: SizingChart
  /**
   * Set when the file's settings name no reference balance while a rule that checks at a balance is on: those
   * checks did not run (the CLI says so once, and the json, sarif and markdown reports carry a note).
   */
  noReferenceBalance?: true
}

/** A JSON Schema for a rule's options: plain data, checked by ajv when settings load. */
export type OptionsSchema = Record<string, unknown>

export interface RuleMeta<Options = unknown, MessageId extends string = string> {
  /** Equal to the rule's file name. */
  id: string
  /** One line; docs/rules/<id>.md has the long form. */
  description: string
  defaultSeverity: SeveritySetting
  fixable: boolean
  /** The rule offers suggestions (ESLint's `meta.hasSuggestions`); the engine drops suggestions from a rule without it. */
  hasSuggestions?: boolean
  /** Options are checked by ajv when settings load, never at lint time. */
  schema: OptionsSchema
  defaultOptions: Options
  /** Message templates with {{placeholders}}. */
  messages: Record<MessageId, string>
}

/** Handed to a rule's fix callback; builds edits from yaml node ranges so rules never count offsets. */
export interface Fixer {
  /** The scalar at `path` becomes `value`; null when there is no such scalar, or it is shared through an alias or a merge key. */
  replaceValue(path: string, value: string | number | boolean | null): TextEdit | null
  /**
   * The pair `path` names goes, every occurrence of a repeated key included. A block pair takes the lines of its key
   * and values (comment-only lines among them stay); a flow pair takes its separating comma. Null when the pair cannot
   * go without touching a neighbour, or is reached through an alias or a merge key.
   */
  removeKey(path: string): TextEdit | null
  replaceRange(range: readonly [start: number, end: number], text: string): TextEdit
}

export interface Report<MessageId extends string = string> {
  /** Where: a JSON pointer; the engine turns it into a range. */
  path: string
  /** 'value' (default) points at the value node; 'key' at the key of the pair that holds it. */
  on?: 'key' | 'value'
  messageId: MessageId
  data?: Record<string, string | number>
  fix?: (fixer: Fixer) => TextEdit | TextEdit[] | null
  /**
   * The finding changes nothing the bot trades (an ignored override where a cap pins the size anyway): the engine
   * reports it at most as a warning, whatever the rule's severity (severities from money).
   */
  moneyNeutral?: true
  /** Repairs to offer instead of (or besides) `fix`; never applied by --fix. Needs `meta.hasSuggestions`. */
  suggest?: SuggestionReport<MessageId>[]
}

/**
 * One suggestion as a rule reports it (ESLint's `suggest` entries): a `messageId` from `meta.messages` (interpolated
 * with `data`) or a literal `desc`, and a fix callback; a callback that returns null withdraws the suggestion.
 */
export type SuggestionReport<MessageId extends string = string> = (
  | { messageId: MessageId; desc?: never }
  | { desc: string; messageId?: never }
) & {
  data?: Record<string, string | number>
  fix: (fixer: Fixer) => TextEdit | TextEdit[] | null
}

export interface RuleContext<Options> {
  /** doc.toJS() of the linted file, as the bot sees it (PyYAML semantics, last duplicate wins). */
  data: unknown
  /** Defaults merged, already validated. */
  options: Options
  /** Settings every rule may read (ESLint's `context.settings`). */
  shared: SharedSettings
}

export type SizingModeSetting = 'auto' | 'progressive' | 'fixed' | 'percent'

/** Settings shared by all rules, from the settings file and the command line. */
export interface SharedSettings {
  /** Reference balances in USD (settings `balances`, CLI `--balance`); the sizing rules check each. */
  balances: number[]
  /** 'auto' detects the sizing mode per profile (SPEC section 2); anything else pins it. */
  sizingMode: SizingModeSetting
  /** false (`--no-inline-config`): `# lint-config-disable...` comments are not read. */
  inlineConfig?: boolean
  /**
   * Which of the bot's code eras sizes this config: 'auto' (from the config's shape), 'variant-b', 'risk-manager',
   * 'percent', or a date YYYY-MM-DD (the bot's code at the end of that day). Default 'auto'.
   */
  bot?: string
}

export interface Rule<Options = any, MessageId extends string = string> {
  meta: RuleMeta<Options, MessageId>
  /** Write it as function*. */
  check(ctx: RuleContext<Options>): Iterable<Report<MessageId>>
}

/** One rule's effective setting after normalisation. */
export interface RuleSetting {
  severity: SeveritySetting
  options: Record<string, unknown>
}

/** The linter's own settings, normalised: every registered rule has an entry. */
export interface LintSettings {
  rules: Record<string, RuleSetting>
  shared: SharedSettings
}

/** Every report format, in the order help texts and errors list them: the one list the CLI, the Action and the formatter registry use. */
export const FORMAT_NAMES = ['stylish', 'json', 'sarif', 'github', 'junit', 'markdown'] as const

export type FormatName = (typeof FORMAT_NAMES)[number]

export interface FormatContext {
  /** Absolute working directory; formatters make paths relative to it. */
  cwd: string
  color: boolean
  rules: Record<string, RuleMeta>
  /** The absolute URL of a rule's documentation page. */
  docsUrl(ruleId: string): string
  /** lint-config's version, for reports that name their tool (SARIF). */
  version?: string
  /** Run-level messages (SARIF `toolExecutionNotifications`); an `error` one means the run failed before linting. */
  notifications?: { level: 'error' | 'warning' | 'note'; message: string }[]
}

export type Formatter = (results: readonly FileResult[], ctx: FormatContext) => string
