// lintText builds suggestions as ESLint's FileReport does: desc from a messageId or literal, merged edits, dropped when empty or undeclared.
import { describe, expect, it } from 'vitest'
import { lintAndFix } from '../../src/engine/fix.js'
import { lintText } from '../../src/engine/lint-text.js'
import { yamlSyntax } from '../../src/rules/yaml-syntax.js'
import { defaultSettings } from '../../src/settings/normalize.js'
import type { Rule, SuggestionReport } from '../../src/types.js'

/** Reports `/a` with these suggestions (and a fix setting it to 9 when fixable). */
function rule(suggest: SuggestionReport[], meta: { hasSuggestions?: boolean; fixable?: boolean } = { hasSuggestions: true }): Rule {
  return {
    meta: {
      id: 'fake',
      description: 'a rule for testing the engine',
      defaultSeverity: 'error',
      fixable: meta.fixable ?? false,
      ...(meta.hasSuggestions ? { hasSuggestions: true } : {}),
      schema: { type: 'object' },
      defaultOptions: {},
      messages: { found: 'a is {{value}}', setTo: 'Set a to {{value}}' },
    },
    *check(ctx) {
      const a = (ctx.data as { a?: unknown } | null)?.a
      if (a === 1) yield { path: '/a', messageId: 'found', data: { value: 1 }, suggest, ...(meta.fixable ? { fix: (fixer) => fixer.replaceValue('/a', 9) } : {}) }
    },
  }
}

function lint(r: Rule, text: string) {
  const rules = { [yamlSyntax.meta.id]: yamlSyntax, fake: r }
  return lintText(text, defaultSettings(rules), { rules })
}

describe('suggestions in lintText', () => {
  it('interpolates a messageId with the suggestion own data, keeps a literal desc, and gives each edit its lines and columns', () => {
    const result = lint(
      rule([
        { messageId: 'setTo', data: { value: 2 }, fix: (fixer) => fixer.replaceValue('/a', 2) },
        { desc: 'Remove b', fix: (fixer) => fixer.removeKey('/b') },
      ]),
      'a: 1\nb: 3\n',
    )
    expect(result.findings).toHaveLength(1)
    expect(result.findings[0]!.suggestions).toEqual([
      {
        desc: 'Set a to 2',
        messageId: 'setTo',
        fix: { range: [3, 4], text: '2' },
        range: { start: { line: 1, column: 4, offset: 3 }, end: { line: 1, column: 5, offset: 4 } },
      },
      { desc: 'Remove b', fix: { range: [5, 10], text: '' }, range: { start: { line: 2, column: 1, offset: 5 }, end: { line: 3, column: 1, offset: 10 } } },
    ])
  })

  it('merges the several edits of one suggestion into one, with the same Fixer as fixes', () => {
    const both = lint(rule([{ desc: 'Both', fix: (fixer) => [fixer.replaceValue('/a', 2)!, fixer.replaceValue('/b', 4)!] }]), 'a: 1\nb: 3\n')
    expect(both.findings[0]!.suggestions?.map((s) => s.fix)).toEqual([{ range: [3, 9], text: '2\nb: 4' }])
  })

  it('drops a suggestion whose callback gives no edit; with none left the finding has no suggestions key', () => {
    const result = lint(rule([{ desc: 'Nothing', fix: () => null }, { desc: 'Missing', fix: (fixer) => fixer.removeKey('/zz') }]), 'a: 1\n')
    expect(result.findings).toHaveLength(1)
    expect(result.findings[0]).not.toHaveProperty('suggestions')
  })

  it('drops every suggestion of a rule without meta.hasSuggestions, as it drops fixes of a rule without meta.fixable', () => {
    const result = lint(rule([{ desc: 'Set', fix: (fixer) => fixer.replaceValue('/a', 2) }], {}), 'a: 1\n')
    expect(result.findings[0]).not.toHaveProperty('suggestions')
  })

  it('indexes the text without its BOM, as fixes do', () => {
    const result = lint(rule([{ desc: 'Set', fix: (fixer) => fixer.replaceValue('/a', 2) }]), '\uFEFFa: 1\n')
    expect(result.findings[0]!.suggestions?.[0]?.fix).toEqual({ range: [3, 4], text: '2' })
  })

  it('--fix applies the fix and never a suggestion; a suggestion alone leaves the text as it is', () => {
    const suggest: SuggestionReport[] = [{ desc: 'Set a to 2', fix: (fixer) => fixer.replaceValue('/a', 2) }]
    const settingsFor = (r: Rule) => {
      const rules = { [yamlSyntax.meta.id]: yamlSyntax, fake: r }
      return { settings: defaultSettings(rules), rules }
    }
    const onlySuggestions = settingsFor(rule(suggest))
    const fixedNothing = lintAndFix('a: 1\n', onlySuggestions.settings, { rules: onlySuggestions.rules })
    expect(fixedNothing.output).toBeUndefined()
    expect(fixedNothing.findings[0]!.suggestions?.map((s) => s.desc)).toEqual(['Set a to 2'])
    const both = settingsFor(rule(suggest, { hasSuggestions: true, fixable: true }))
    expect(lintAndFix('a: 1\n', both.settings, { rules: both.rules }).output).toBe('a: 9\n')
  })
})
