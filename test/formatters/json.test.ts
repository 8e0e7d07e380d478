// json formatter: whole-output test, ESLint's exact field names and severities (1 = warning, 2 = error), and suggestions as ESLint writes them.
import { describe, expect, it } from 'vitest'
import { json } from '../../src/formatters/json.js'
import type { FileResult, Finding } from '../../src/types.js'
import { CONTINUITY_META, fileResult, finding, formatContext, STALE_OVERRIDE_META } from '../helpers/format-context.js'

const ctx = formatContext([CONTINUITY_META, STALE_OVERRIDE_META])

const gap: Finding = {
  ruleId: 'profile-continuity',
  messageId: 'gap',
  message: 'Gap of $0.01 between "micro" & "small":\n<fix>',
  severity: 'error',
  path: '/scalping/balance_profiles/small',
  range: { start: { line: 3, column: 5, offset: 30 }, end: { line: 3, column: 11, offset: 36 } },
  fix: { range: [30, 36], text: '500.0' },
}
const stale: Finding = {
  ruleId: 'stale-override',
  messageId: 'neverLive',
  message: 'Override ETH-USDT is never live.',
  severity: 'warn',
  path: '/overrides/ETH-USDT',
  range: { start: { line: 7, column: 3, offset: 80 }, end: { line: 9, column: 1, offset: 120 } },
}
const syntax: Finding = {
  ruleId: 'yaml-syntax',
  messageId: 'syntax',
  message: 'Unexpected ":"',
  severity: 'error',
  path: '',
  range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 2, offset: 1 } },
  fatal: true,
}

const results: FileResult[] = [
  {
    filePath: '/repo/config/config_futures.yaml',
    findings: [gap, stale],
    errorCount: 1,
    warningCount: 1,
    fixableErrorCount: 1,
    fixableWarningCount: 0,
    output: 'fixed text\n',
  },
  {
    filePath: '/repo/my configs/clean.yaml',
    findings: [],
    errorCount: 0,
    warningCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
  },
  { filePath: '<stdin>', findings: [syntax], errorCount: 1, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 },
]

describe('json formatter', () => {
  it('writes the whole ESLint-shaped array, file paths as given', () => {
    const expected = [
      {
        filePath: '/repo/config/config_futures.yaml',
        messages: [
          {
            ruleId: 'profile-continuity',
            severity: 2,
            message: 'Gap of $0.01 between "micro" & "small":\n<fix>',
            line: 3,
            column: 5,
            nodeType: null,
            messageId: 'gap',
            endLine: 3,
            endColumn: 11,
            path: '/scalping/balance_profiles/small',
            fix: { range: [30, 36], text: '500.0' },
          },
          {
            ruleId: 'stale-override',
            severity: 1,
            message: 'Override ETH-USDT is never live.',
            line: 7,
            column: 3,
            nodeType: null,
            messageId: 'neverLive',
            endLine: 9,
            endColumn: 1,
            path: '/overrides/ETH-USDT',
          },
        ],
        suppressedMessages: [],
        errorCount: 1,
        fatalErrorCount: 0,
        warningCount: 1,
        fixableErrorCount: 1,
        fixableWarningCount: 0,
        output: 'fixed text\n',
        usedDeprecatedRules: [],
      },
      {
        filePath: '/repo/my configs/clean.yaml',
        messages: [],
        suppressedMessages: [],
        errorCount: 0,
        fatalErrorCount: 0,
        warningCount: 0,
        fixableErrorCount: 0,
        fixableWarningCount: 0,
        usedDeprecatedRules: [],
      },
      {
        filePath: '<stdin>',
        messages: [
          {
            ruleId: 'yaml-syntax',
            severity: 2,
            message: 'Unexpected ":"',
            line: 1,
            column: 1,
            nodeType: null,
            messageId: 'syntax',
            endLine: 1,
            endColumn: 2,
            path: '',
            fatal: true,
          },
        ],
        suppressedMessages: [],
        errorCount: 1,
        fatalErrorCount: 1,
        warningCount: 0,
        fixableErrorCount: 0,
        fixableWarningCount: 0,
        usedDeprecatedRules: [],
      },
    ]
    expect(json(results, ctx)).toBe(`${JSON.stringify(expected)}\n`)
  })

  it("uses exactly ESLint's LintResult and LintMessage field names (plus our `path`), severities 1 and 2", () => {
    const parsed = JSON.parse(json(results, ctx)) as Record<string, unknown>[]
    const eslintResult = [
      'filePath',
      'messages',
      'suppressedMessages',
      'errorCount',
      'fatalErrorCount',
      'warningCount',
      'fixableErrorCount',
      'fixableWarningCount',
      'usedDeprecatedRules',
    ]
    expect(Object.keys(parsed[1]!)).toEqual(eslintResult)
    expect(Object.keys(parsed[0]!).sort()).toEqual([...eslintResult, 'output'].sort())
    const messages = parsed.flatMap((r) => r.messages as Record<string, unknown>[])
    const eslintMessage = ['ruleId', 'severity', 'message', 'line', 'column', 'nodeType', 'messageId', 'endLine', 'endColumn']
    expect(Object.keys(messages[1]!)).toEqual([...eslintMessage, 'path'])
    expect(Object.keys(messages[0]!)).toEqual([...eslintMessage, 'path', 'fix'])
    expect(Object.keys(messages[2]!)).toEqual([...eslintMessage, 'path', 'fatal'])
    expect(messages.map((m) => m.severity)).toEqual([2, 1, 2])
  })

  it('writes an empty array for no results', () => {
    expect(json([], ctx)).toBe('[]\n')
  })

  it("writes suggestions as ESLint's LintSuggestion (desc, messageId when given, fix), only where there are some", () => {
    const withSuggestions = [
      fileResult('/repo/a.yaml', [
        finding('stale-override', 'error', 'Override ignored', [14, 32, 400], [14, 36, 404], {
          path: '/o',
          suggestions: [
            {
              desc: 'Set the override to $122.16',
              messageId: 'setOverride',
              fix: { range: [400, 404], text: '122.16' },
              range: { start: { line: 14, column: 32, offset: 400 }, end: { line: 14, column: 36, offset: 404 } },
            },
            {
              desc: 'Remove it',
              fix: { range: [369, 405], text: '' },
              range: { start: { line: 14, column: 1, offset: 369 }, end: { line: 15, column: 1, offset: 405 } },
            },
          ],
        }),
        finding('stale-override', 'error', 'Another', [20, 3], { suggestions: [] }),
      ]),
    ]
    const [result] = JSON.parse(json(withSuggestions, ctx)) as [{ messages: Record<string, unknown>[] }]
    expect(result.messages[0]!.suggestions).toEqual([
      { desc: 'Set the override to $122.16', messageId: 'setOverride', fix: { range: [400, 404], text: '122.16' } },
      { desc: 'Remove it', fix: { range: [369, 405], text: '' } },
    ])
    expect(Object.keys(result.messages[0]!).slice(-1)).toEqual(['suggestions'])
    expect(result.messages[1]).not.toHaveProperty('suggestions')
  })
})
