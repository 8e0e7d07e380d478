// The RuleTester is as strict as ESLint's: undeclared messageIds, fixes and suggestions throw, an omitted output means "no fix", all is pinned.
import { describe, expect, it } from 'vitest'
import type { Rule, SuggestionReport } from '../src/types.js'
import { runInvalidCase, runValidCase } from './rule-tester.js'

/** Reports `/a` while it is 1 (and `/b` while it is 1 too), with the messageId, fix and suggestions it is told to use. */
function fakeRule(options: { messageId?: string; fixable?: boolean; fix?: boolean; hasSuggestions?: boolean; suggest?: SuggestionReport[] }): Rule {
  return {
    meta: {
      id: 'fake',
      description: 'a rule for testing the tester',
      defaultSeverity: 'error',
      fixable: options.fixable ?? false,
      ...(options.hasSuggestions ? { hasSuggestions: true } : {}),
      schema: { type: 'object' },
      defaultOptions: {},
      messages: { declared: 'a is here', setTo: 'Set a to {{value}}' },
    },
    *check(ctx) {
      const data = ctx.data as { a?: unknown; b?: unknown } | null
      if (data?.b === 1) yield { path: '/b', messageId: 'declared' }
      if (data?.a !== 1) return
      yield {
        path: '/a',
        messageId: options.messageId ?? 'declared',
        ...(options.fix ? { fix: (fixer) => fixer.replaceValue('/a', 2) } : {}),
        ...(options.suggest ? { suggest: options.suggest } : {}),
      }
    },
  }
}

const setTo = (value: number): SuggestionReport => ({ messageId: 'setTo', data: { value }, fix: (fixer) => fixer.replaceValue('/a', value) })

const at = { path: '/a', line: 1, column: 4, endLine: 1, endColumn: 5 }

describe('RuleTester', () => {
  it('passes a case that pins the finding exactly', () => {
    expect(() => runInvalidCase(fakeRule({}), { yaml: 'a: 1\n', findings: [{ messageId: 'declared', ...at }] })).not.toThrow()
  })

  it('fails a case whose end position or path is wrong', () => {
    expect(() => runInvalidCase(fakeRule({}), { yaml: 'a: 1\n', findings: [{ messageId: 'declared', ...at, endColumn: 6 }] })).toThrow()
    expect(() => runInvalidCase(fakeRule({}), { yaml: 'a: 1\n', findings: [{ messageId: 'declared', ...at, path: '/b' }] })).toThrow()
  })

  it('throws on a messageId the rule does not declare, reported or expected', () => {
    expect(() => runInvalidCase(fakeRule({ messageId: 'nope' }), { yaml: 'a: 1\n', findings: [{ messageId: 'nope', ...at }] })).toThrow(
      'uses messageId "nope", which fake does not declare in meta.messages',
    )
    expect(() => runInvalidCase(fakeRule({}), { yaml: 'a: 1\n', findings: [{ messageId: 'typo', ...at }] })).toThrow('does not declare')
  })

  it('throws on a fix from a rule that does not declare meta.fixable, valid cases too', () => {
    expect(() => runInvalidCase(fakeRule({ fix: true }), { yaml: 'a: 1\n', findings: [{ messageId: 'declared', ...at }] })).toThrow(
      'fake offers a fix but does not declare meta.fixable',
    )
    expect(() => runValidCase(fakeRule({ fix: true }), { yaml: 'a: 1\n' })).toThrow('does not declare meta.fixable')
  })

  it('reads an omitted output as "no fix", as ESLint does', () => {
    const fixing = fakeRule({ fixable: true, fix: true })
    expect(() => runInvalidCase(fixing, { yaml: 'a: 1\n', findings: [{ messageId: 'declared', ...at }] })).toThrow()
    expect(() => runInvalidCase(fixing, { yaml: 'a: 1\n', findings: [{ messageId: 'declared', ...at }], output: 'a: 2\n' })).not.toThrow()
  })

  describe('suggestions', () => {
    const suggesting = fakeRule({ hasSuggestions: true, suggest: [setTo(2), setTo(3)] })

    it('passes a case that pins every suggestion: desc, messageId when given, and the whole text after it', () => {
      const suggestions = [
        { desc: 'Set a to 2', messageId: 'setTo', output: 'a: 2\n' },
        { desc: 'Set a to 3', output: 'a: 3\n' },
      ]
      expect(() => runInvalidCase(suggesting, { yaml: 'a: 1\n', findings: [{ messageId: 'declared', ...at, suggestions }] })).not.toThrow()
    })

    it('throws when a finding has suggestions that the case does not pin, as ESLint 9 does', () => {
      expect(() => runInvalidCase(suggesting, { yaml: 'a: 1\n', findings: [{ messageId: 'declared', ...at }] })).toThrow(
        "finding 0 (declared) has suggestions: pin them with 'suggestions' on the expected finding",
      )
    })

    it('fails on a wrong output, a missing suggestion, or suggestions where `[]` pins none', () => {
      const one = [{ desc: 'Set a to 2', output: 'a: 2\n' }]
      expect(() => runInvalidCase(suggesting, { yaml: 'a: 1\n', findings: [{ messageId: 'declared', ...at, suggestions: one }] })).toThrow()
      const wrong = [{ desc: 'Set a to 2', output: 'a: 3\n' }, { desc: 'Set a to 3', output: 'a: 3\n' }]
      expect(() => runInvalidCase(suggesting, { yaml: 'a: 1\n', findings: [{ messageId: 'declared', ...at, suggestions: wrong }] })).toThrow()
      expect(() => runInvalidCase(suggesting, { yaml: 'a: 1\n', findings: [{ messageId: 'declared', ...at, suggestions: [] }] })).toThrow()
      expect(() => runInvalidCase(fakeRule({ hasSuggestions: true }), { yaml: 'a: 1\n', findings: [{ messageId: 'declared', ...at, suggestions: [] }] })).not.toThrow()
    })

    it('throws on suggestions from a rule without meta.hasSuggestions, valid cases too', () => {
      const undeclared = fakeRule({ suggest: [setTo(2)] })
      expect(() => runInvalidCase(undeclared, { yaml: 'a: 1\n', findings: [{ messageId: 'declared', ...at, suggestions: [] }] })).toThrow(
        'fake offers suggestions but does not declare meta.hasSuggestions',
      )
      expect(() => runValidCase(undeclared, { yaml: 'a: 2\nc: 1\n' })).not.toThrow()
      expect(() => runValidCase(fakeRule({ suggest: [setTo(2)] }), { yaml: 'a: 1\n' })).toThrow('does not declare meta.hasSuggestions')
    })

    it('throws on a suggestion messageId the rule does not declare', () => {
      const typo = fakeRule({ hasSuggestions: true, suggest: [{ messageId: 'nope', fix: (fixer) => fixer.replaceValue('/a', 2) }] })
      expect(() => runInvalidCase(typo, { yaml: 'a: 1\n', findings: [{ messageId: 'declared', ...at, suggestions: [{ desc: 'nope', output: 'a: 2\n' }] }] })).toThrow(
        'a suggestion uses messageId "nope", which fake does not declare in meta.messages',
      )
    })

    it('throws on two suggestions with one desc', () => {
      const twice = fakeRule({ hasSuggestions: true, suggest: [setTo(2), { desc: 'Set a to 2', fix: (fixer) => fixer.replaceValue('/a', 4) }] })
      const suggestions = [
        { desc: 'Set a to 2', output: 'a: 2\n' },
        { desc: 'Set a to 2', output: 'a: 4\n' },
      ]
      expect(() => runInvalidCase(twice, { yaml: 'a: 1\n', findings: [{ messageId: 'declared', ...at, suggestions }] })).toThrow('is offered twice for one finding')
    })

    it('fails a suggestion that leaves its finding, changes nothing, adds a finding or breaks the YAML', () => {
      const cases: [SuggestionReport, string, string][] = [
        [{ desc: 'keep a', fix: (fixer) => fixer.replaceValue('/a', 1) }, 'a: 1\n', '"keep a" changes nothing'],
        [{ desc: 'touch a', fix: (fixer) => fixer.replaceRange([3, 4], '1.0') }, 'a: 1.0\n', '"touch a" does not remove its finding'],
        [{ desc: 'move to b', fix: (fixer) => fixer.replaceRange([0, 5], 'a: 2\nb: 1\n') }, 'a: 2\nb: 1\n', '"move to b" adds fake/declared at /b'],
        [{ desc: 'break it', fix: (fixer) => fixer.replaceRange([3, 4], '[') }, 'a: [\n', '"break it" adds yaml-syntax/syntaxError at '],
      ]
      for (const [suggestion, output, problem] of cases) {
        const rule = fakeRule({ hasSuggestions: true, suggest: [suggestion] })
        const run = () => runInvalidCase(rule, { yaml: 'a: 1\n', findings: [{ messageId: 'declared', ...at, suggestions: [{ desc: suggestion.desc!, output }] }] })
        expect(run, suggestion.desc).toThrow(problem)
      }
    })
  })
})
