// The RuleTester is as strict as ESLint's: undeclared messageIds and fixes throw, an omitted output means "no fix", positions are pinned.
import { describe, expect, it } from 'vitest'
import type { Rule } from '../src/types.js'
import { runInvalidCase, runValidCase } from './rule-tester.js'

/** Reports `/a` once, with the messageId and fix it is told to use. */
function fakeRule(options: { messageId?: string; fixable?: boolean; fix?: boolean }): Rule {
  return {
    meta: {
      id: 'fake',
      description: 'a rule for testing the tester',
      defaultSeverity: 'error',
      fixable: options.fixable ?? false,
      schema: { type: 'object' },
      defaultOptions: {},
      messages: { declared: 'a is here' },
    },
    *check() {
      yield {
        path: '/a',
        messageId: options.messageId ?? 'declared',
        ...(options.fix ? { fix: (fixer) => fixer.replaceValue('/a', 2) } : {}),
      }
    },
  }
}

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
})
