// lintText: one config text in, one FileResult out. Pure: no fs, no env, no clock (unless asked to time the rules).
import type { FileResult, Finding, Fixer, LintSettings, Rule, RuleMeta, Severity, Suggestion, SuggestionReport, SuppressedFinding, TextEdit } from '../types.js'
import { rules as registry } from '../rules/index.js'
import { timed, type RuleTimes } from './timing.js'
import { unusedDisableDirective } from '../rules/unused-disable-directive.js'
import { suggest } from '../rules/suggest.js'
import { applyDirectives, readDirectives } from './directives.js'
import { locate } from './locate.js'
import { decodeUtf8 } from './decode.js'
import { encodingFailure, parseConfig, type ParsedConfig } from './parse.js'
import { interpolate, rangeOf, toFinding } from './report.js'
import { createFixer, mergeEdits } from './fixer.js'

/** A rule threw: a bug in lint-config, surfaced by the CLI as exit 2 with one line, never as findings. */
export class RuleCrash extends Error {
  constructor(
    readonly ruleId: string,
    readonly filePath: string,
    override readonly cause: unknown,
  ) {
    super(`rule '${ruleId}' failed on ${filePath}: ${cause instanceof Error ? cause.message : String(cause)}`)
    this.name = 'RuleCrash'
  }
}

const UNUSED = unusedDisableDirective.meta.id

export interface LintTextOptions {
  filePath?: string
  /** The rule registry; tests pass their own. */
  rules?: Record<string, Rule>
  /** An already parsed text (lintFiles and explain share one parse). */
  parsed?: ParsedConfig
  /** Adds each rule's time here (TIMING=1); the only clock lintText reads, and only when given. */
  timing?: RuleTimes
}

/** Lints `source` as the bot would load it. Findings are sorted by position. Throws only RuleCrash. */
export function lintText(source: string, settings: LintSettings, options: LintTextOptions = {}): FileResult {
  const filePath = options.filePath ?? '<text>'
  const rules = options.rules ?? registry
  const parsed = options.parsed ?? parseConfig(source)
  const { doc, text, lineCounter } = parsed
  const findings: Finding[] = []

  const syntaxSetting = settings.rules['yaml-syntax']
  const syntaxRule = rules['yaml-syntax']
  if (syntaxRule) {
    for (const report of parsed.syntax) {
      // A fatal problem is reported even when the rule is off: nothing else could be checked.
      const severity: Severity | 'off' = report.fatal ? 'error' : (syntaxSetting?.severity ?? syntaxRule.meta.defaultSeverity)
      if (severity === 'off') continue
      findings.push(
        toFinding({
          meta: syntaxRule.meta as RuleMeta,
          severity,
          messageId: report.messageId,
          data: report.data,
          path: report.path,
          range: rangeOf(lineCounter, { start: report.start, end: report.end }),
          fatal: report.fatal,
        }),
      )
    }
  }

  if (!parsed.fatal) {
    const fixer = createFixer(doc, text)
    for (const [id, rule] of Object.entries(rules)) {
      if (id === 'yaml-syntax' || id === UNUSED) continue
      const setting = settings.rules[id]
      const severity = setting?.severity ?? rule.meta.defaultSeverity
      if (severity === 'off') continue
      const ruleOptions = { ...(rule.meta.defaultOptions as object), ...(setting?.options ?? {}) }
      try {
        const reports = timed(options.timing, id, () => [...rule.check({ data: parsed.data, options: ruleOptions, shared: settings.shared })])
        for (const report of reports) {
          const span = locate(doc, text, report.path, report.on)
          // As for fixes, a rule that does not declare what it offers gets none of it through (the RuleTester throws).
          const fix = rule.meta.fixable && report.fix ? edit(text, report.fix(fixer)) : undefined
          const suggestions = rule.meta.hasSuggestions && report.suggest ? buildSuggestions(rule.meta as RuleMeta, report.suggest, fixer, parsed) : []
          findings.push(
            toFinding({
              meta: rule.meta as RuleMeta,
              // Severities from money: a finding that changes nothing traded is at most a warning.
              severity: report.moneyNeutral ? 'warn' : severity,
              messageId: report.messageId,
              data: report.data,
              path: report.path,
              range: rangeOf(lineCounter, span),
              fix,
              suggestions,
            }),
          )
        }
      } catch (error) {
        throw new RuleCrash(id, filePath, error)
      }
    }
  }

  const { kept, suppressed } = directivesPass(parsed, findings, settings, rules)
  kept.sort((a, b) => a.range.start.offset - b.range.start.offset || a.range.end.offset - b.range.end.offset || a.ruleId.localeCompare(b.ruleId))
  const result = summarize(filePath, kept)
  if (suppressed.length > 0) result.suppressed = suppressed
  return result
}

/** A fix callback's edits as one edit (ESLint merges a rule's several edits); undefined for none. */
function edit(text: string, edits: TextEdit | TextEdit[] | null): TextEdit | undefined {
  return edits ? mergeEdits(text, Array.isArray(edits) ? edits : [edits]) : undefined
}

/**
 * A report's suggestions, as ESLint's FileReport maps them: `desc` from the messageId's template (or the literal
 * desc) interpolated with the suggestion's own data, the edits built by the same Fixer as fixes and merged into one;
 * a suggestion whose callback gives no edit is dropped.
 */
function buildSuggestions(meta: RuleMeta, suggest: readonly SuggestionReport[], fixer: Fixer, parsed: ParsedConfig): Suggestion[] {
  const out: Suggestion[] = []
  for (const s of suggest) {
    const fix = edit(parsed.text, s.fix(fixer))
    if (!fix) continue
    const template = s.messageId !== undefined ? (meta.messages[s.messageId] ?? s.messageId) : (s.desc ?? '')
    const suggestion: Suggestion = { desc: interpolate(template, s.data), fix, range: rangeOf(parsed.lineCounter, { start: fix.range[0], end: fix.range[1] }) }
    if (s.messageId !== undefined) suggestion.messageId = s.messageId
    out.push(suggestion)
  }
  return out
}

/** Applies inline disable directives, and reports unused ones and unknown rule names in them. */
function directivesPass(
  parsed: ParsedConfig,
  findings: Finding[],
  settings: LintSettings,
  rules: Record<string, Rule>,
): { kept: Finding[]; suppressed: SuppressedFinding[] } {
  if (settings.shared.inlineConfig === false) return { kept: findings, suppressed: [] }
  const directives = readDirectives(parsed.text, parsed.doc, parsed.lineCounter)
  if (directives.length === 0) return { kept: findings, suppressed: [] }
  const outcome = applyDirectives(findings, directives)
  const kept = outcome.kept
  const meta = (rules[UNUSED] ?? unusedDisableDirective).meta as RuleMeta
  const configured = settings.rules[UNUSED]?.severity ?? 'off'
  for (const { directive, rule, offset } of outcome.unused) {
    const known = rule === undefined || Object.prototype.hasOwnProperty.call(rules, rule)
    // An unknown rule name is a typo that silently disables nothing: worth a warning even when unused-directive reports are off.
    const severity: Severity | 'off' = known ? configured : configured === 'off' ? 'warn' : configured
    if (severity === 'off') continue
    const end = rule === undefined ? directive.end : offset + rule.length
    kept.push(
      toFinding({
        meta,
        severity,
        messageId: !known ? 'unknownRule' : rule === undefined ? 'unused' : 'unusedRule',
        data: { kind: directive.kind, rule: rule ?? '', suggestion: known ? '' : suggest(rule ?? '', Object.keys(rules)) },
        path: '',
        range: rangeOf(parsed.lineCounter, { start: offset, end }),
      }),
    )
  }
  const suppressed = outcome.suppressed.map(({ finding, directive }) => ({ ...finding, justification: directive.justification }))
  return { kept, suppressed }
}

/** Lints raw file bytes: strict UTF-8 first, as the bot's loader reads files. */
export function lintBytes(bytes: Uint8Array, settings: LintSettings, options: LintTextOptions = {}): FileResult {
  const decoded = decodeUtf8(bytes)
  if (decoded.ok) return lintText(decoded.text, settings, options)
  return lintText(decoded.text, settings, { ...options, parsed: encodingFailure(decoded.text, decoded.byte) })
}

/** Counts errors, warnings and fixable findings, as ESLint's result objects do. */
export function summarize(filePath: string, findings: Finding[], source?: string): FileResult {
  let errorCount = 0
  let warningCount = 0
  let fixableErrorCount = 0
  let fixableWarningCount = 0
  for (const f of findings) {
    if (f.severity === 'error') {
      errorCount++
      if (f.fix) fixableErrorCount++
    } else {
      warningCount++
      if (f.fix) fixableWarningCount++
    }
  }
  const result: FileResult = { filePath, findings, errorCount, warningCount, fixableErrorCount, fixableWarningCount }
  if (source !== undefined) result.source = source
  return result
}
