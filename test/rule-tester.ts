// A small vitest RuleTester: pins exact findings (messageId, message, path, line, column, end), the fixed output and each suggestion's output of one rule.
import { Ajv } from 'ajv'
import { describe, expect, it } from 'vitest'
import { applyEdits, lintAndFix } from '../src/engine/fix.js'
import { lintText } from '../src/engine/lint-text.js'
import { parseConfig } from '../src/engine/parse.js'
import { defaultSettings } from '../src/settings/normalize.js'
import { yamlSyntax } from '../src/rules/yaml-syntax.js'
import type { FileResult, Finding, LintSettings, Rule, SharedSettings, Suggestion } from '../src/types.js'

/** One expected finding: where it starts and ends (1-based, end exclusive) and the JSON pointer it reports at, always. */
export interface ExpectedFinding {
  messageId: string
  /** The whole interpolated message, when the case pins it. */
  message?: string
  path: string
  line: number
  column: number
  endLine: number
  endColumn: number
  severity?: 'error' | 'warn'
  /**
   * Every suggestion of the finding, in order (ESLint's RuleTester): required when the finding has suggestions, `[]`
   * to pin that it has none. Each is checked to remove its finding and add none (a rule of this project).
   */
  suggestions?: ExpectedSuggestion[]
}

/** One expected suggestion: its description, its messageId when the case pins it, and the whole text after it alone. */
export interface ExpectedSuggestion {
  desc: string
  messageId?: string
  output: string
}

export interface ValidCase {
  name?: string
  yaml: string
  options?: Record<string, unknown>
  shared?: Partial<SharedSettings>
}

export interface InvalidCase extends ValidCase {
  findings: ExpectedFinding[]
  /** The text after the full fix loop; `null` or omitted means the rule offers no fix here (as ESLint's RuleTester). */
  output?: string | null
}

export interface RuleTests {
  valid: ValidCase[]
  invalid: InvalidCase[]
}

const ajv = new Ajv({ allErrors: true, strict: false })

/** A message with a placeholder left in or a number that went wrong. */
export const MALFORMED_MESSAGE = /\{\{|undefined|NaN|Infinity/

function settingsFor(rule: Rule, testCase: ValidCase): { settings: LintSettings; rules: Record<string, Rule> } {
  const rules: Record<string, Rule> = { [yamlSyntax.meta.id]: yamlSyntax, [rule.meta.id]: rule }
  const settings = defaultSettings(rules)
  settings.rules[rule.meta.id] = {
    severity: rule.meta.defaultSeverity === 'off' ? 'error' : rule.meta.defaultSeverity,
    options: { ...(rule.meta.defaultOptions as object), ...(testCase.options ?? {}) },
  }
  settings.shared = { ...settings.shared, ...(testCase.shared ?? {}) }
  return { settings, rules }
}

/** The setup of a case without its expectations: the rule's options and the shared settings. */
export type CaseSetup = Pick<ValidCase, 'options' | 'shared'>

/** Lints `yaml` with `rule` and yaml-syntax, set up as runRuleTests sets up a case. */
export function lintRule(rule: Rule, yaml: string, setup: CaseSetup = {}): FileResult {
  const { settings, rules } = settingsFor(rule, { yaml, ...setup })
  return lintText(yaml, settings, { rules })
}

/** The full fix loop over `yaml` with `rule` and yaml-syntax, set up as runRuleTests sets up a case. */
export function fixRule(rule: Rule, yaml: string, setup: CaseSetup = {}): FileResult {
  const { settings, rules } = settingsFor(rule, { yaml, ...setup })
  return lintAndFix(yaml, settings, { rules })
}

function caseName(testCase: ValidCase): string {
  return testCase.name ?? testCase.yaml.replace(/\s+/g, ' ').trim().slice(0, 80)
}

function checkOptions(rule: Rule, testCase: ValidCase): void {
  if (!testCase.options) return
  const validate = ajv.compile(rule.meta.schema)
  if (!validate(testCase.options)) {
    throw new Error(`options do not validate against ${rule.meta.id}'s meta.schema: ${ajv.errorsText(validate.errors)}`)
  }
}

/** A messageId the rule does not declare is a mistake in the test or the rule: fail loudly, as ESLint does. */
function checkMessageId(rule: Rule, messageId: string, what: string): void {
  if (!Object.hasOwn(rule.meta.messages, messageId)) {
    throw new Error(`${what} uses messageId "${messageId}", which ${rule.meta.id} does not declare in meta.messages`)
  }
}

export function runRuleTests(rule: Rule, tests: RuleTests): void {
  const seen = new Set<string>()
  const unique = (testCase: ValidCase): void => {
    const key = JSON.stringify([testCase.yaml, testCase.options ?? null, testCase.shared ?? null])
    if (seen.has(key)) throw new Error(`duplicate test case: ${caseName(testCase)}`)
    seen.add(key)
  }

  describe(rule.meta.id, () => {
    describe('valid', () => {
      for (const testCase of tests.valid) {
        unique(testCase)
        it(caseName(testCase), () => runValidCase(rule, testCase))
      }
    })
    describe('invalid', () => {
      for (const testCase of tests.invalid) {
        unique(testCase)
        it(caseName(testCase), () => runInvalidCase(rule, testCase))
      }
    })
  })
}

/** One valid case: no finding at all, and the YAML itself is valid. */
export function runValidCase(rule: Rule, testCase: ValidCase): void {
  checkOptions(rule, testCase)
  checkDeclaredFixes(rule, testCase)
  const { settings, rules } = settingsFor(rule, testCase)
  const result = lintText(testCase.yaml, settings, { rules })
  const syntax = result.findings.filter((f) => f.ruleId === 'yaml-syntax' && rule.meta.id !== 'yaml-syntax')
  expect(syntax, 'the test case itself is not valid YAML').toEqual([])
  expect(result.findings.map((f) => `${f.range.start.line}:${f.range.start.column} ${f.message}`)).toEqual([])
}

/**
 * One invalid case: exactly the expected findings (messageId, path, start and end, and the message and severity when
 * the case pins them), declared messageIds only, fixes only from a fixable rule, and the fixed text (none when `output`
 * is omitted or null).
 */
export function runInvalidCase(rule: Rule, testCase: InvalidCase): void {
  checkOptions(rule, testCase)
  checkDeclaredFixes(rule, testCase)
  const { settings, rules } = settingsFor(rule, testCase)
  const result = lintText(testCase.yaml, settings, { rules })
  const mine = result.findings.filter((f) => f.ruleId === rule.meta.id)
  const others = result.findings.filter((f) => f.ruleId !== rule.meta.id)
  expect(others.map((f) => f.message), 'the test case itself is not valid YAML').toEqual([])
  for (const want of testCase.findings) checkMessageId(rule, want.messageId, 'an expected finding')
  for (const f of mine) checkMessageId(rule, f.messageId, 'a reported finding')
  const actual = mine.map((f, i) => {
    const want = testCase.findings[i]
    const got: Record<string, unknown> = { messageId: f.messageId }
    if (want?.message !== undefined) got.message = f.message
    Object.assign(got, { path: f.path, line: f.range.start.line, column: f.range.start.column, endLine: f.range.end.line, endColumn: f.range.end.column })
    if (want?.severity !== undefined) got.severity = f.severity
    if (f.suggestions && want && !Object.hasOwn(want, 'suggestions')) {
      throw new Error(`finding ${i} (${f.messageId}) has suggestions: pin them with 'suggestions' on the expected finding`)
    }
    if (want?.suggestions !== undefined) {
      got.suggestions = (f.suggestions ?? []).map((s, j) => {
        const pinned = want.suggestions![j]
        return { desc: s.desc, ...(pinned?.messageId !== undefined ? { messageId: s.messageId } : {}), output: applyEdits(testCase.yaml, [s.fix]).text }
      })
    }
    return got
  })
  expect(actual).toEqual(testCase.findings)
  for (const f of mine) expect(f.message).not.toMatch(MALFORMED_MESSAGE)
  for (const f of mine) checkSuggestions(rule, testCase, f)
  // As ESLint's RuleTester: an omitted output means the rule must not change the text.
  const fixed = lintAndFix(testCase.yaml, settings, { rules })
  expect(fixed.output ?? null).toEqual(testCase.output ?? null)
}

/**
 * The engine drops fixes from a rule that does not declare `meta.fixable`, and suggestions from one without
 * `meta.hasSuggestions`; the tester asks the rule itself, and throws, as it does for an undeclared suggestion messageId.
 */
function checkDeclaredFixes(rule: Rule, testCase: ValidCase): void {
  if (rule.meta.id === 'yaml-syntax') return
  const { settings } = settingsFor(rule, testCase)
  const parsed = parseConfig(testCase.yaml)
  if (parsed.fatal) return
  const options = settings.rules[rule.meta.id]!.options
  for (const report of rule.check({ data: parsed.data, options, shared: settings.shared })) {
    if (report.fix && !rule.meta.fixable) throw new Error(`${rule.meta.id} offers a fix but does not declare meta.fixable`)
    if (report.suggest?.length && !rule.meta.hasSuggestions) throw new Error(`${rule.meta.id} offers suggestions but does not declare meta.hasSuggestions`)
    for (const s of report.suggest ?? []) if (s.messageId !== undefined) checkMessageId(rule, s.messageId, 'a suggestion')
  }
}

/** `messageId` and path of each finding: what "the same finding" means across an edit that moves offsets. */
export function findingKeys(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.ruleId}/${f.messageId} at ${f.path}`)
}

/**
 * What is wrong with applying `suggestion` of `finding` alone to `yaml` (empty when nothing): the text must change,
 * the finding must go, and no finding of the rule or of yaml-syntax may appear that was not there before (compared by
 * rule, messageId and path, since the edit moves offsets).
 */
export function suggestionProblems(rule: Rule, yaml: string, finding: Finding, suggestion: Suggestion, setup: CaseSetup = {}): string[] {
  const output = applyEdits(yaml, [suggestion.fix]).text
  if (output === yaml) return [`"${suggestion.desc}" changes nothing`]
  const before = lintRule(rule, yaml, setup).findings
  const after = lintRule(rule, output, setup).findings
  const left = findingKeys(before)
  const mine = findingKeys([finding])[0]!
  left.splice(left.indexOf(mine), 1)
  const problems: string[] = []
  for (const k of findingKeys(after)) {
    const i = left.indexOf(k)
    if (i === -1) problems.push(`"${suggestion.desc}" ${k === mine ? 'does not remove its finding' : `adds ${k}`}`)
    else left.splice(i, 1)
  }
  return problems
}

/** Each suggestion of `finding`: a declared messageId, a desc unique within the finding, and no problem from suggestionProblems. */
function checkSuggestions(rule: Rule, testCase: InvalidCase, finding: Finding): void {
  const descs = new Set<string>()
  for (const s of finding.suggestions ?? []) {
    if (s.messageId !== undefined) checkMessageId(rule, s.messageId, 'a suggestion')
    if (descs.has(s.desc)) throw new Error(`suggestion "${s.desc}" is offered twice for one finding`)
    descs.add(s.desc)
    const problems = suggestionProblems(rule, testCase.yaml, finding, s, testCase)
    if (problems.length > 0) throw new Error(problems.join('; '))
  }
}
