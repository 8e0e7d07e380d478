// Inline directives: next-line, same-line and region disables, justifications, unused and unknown-rule reports.
import { describe, expect, it } from 'vitest'
import { lintText } from '../../src/engine/lint-text.js'
import { yamlSyntax } from '../../src/rules/yaml-syntax.js'
import { unusedDisableDirective } from '../../src/rules/unused-disable-directive.js'
import { defaultSettings } from '../../src/settings/normalize.js'
import type { Rule, SeveritySetting } from '../../src/types.js'

const rules: Record<string, Rule> = { 'yaml-syntax': yamlSyntax, 'unused-disable-directive': unusedDisableDirective }

function lint(yaml: string, unused: SeveritySetting = 'off') {
  const settings = defaultSettings(rules)
  settings.rules['unused-disable-directive'] = { severity: unused, options: {} }
  const result = lintText(yaml, settings, { rules })
  return {
    findings: result.findings.map((f) => `${f.range.start.line}:${f.range.start.column}-${f.range.end.line}:${f.range.end.column} ${f.ruleId} ${f.message}`),
    suppressed: (result.suppressed ?? []).map((f) => `${f.range.start.line} ${f.ruleId} [${f.justification}]`),
  }
}

describe('inline directives', () => {
  it('disable-next-line silences the next line only, for the named rule', () => {
    const out = lint('a: 1\n# lint-config-disable-next-line yaml-syntax -- kept on purpose\na: 2\nb: 1\nb: 2\n')
    expect(out.suppressed).toEqual(['3 yaml-syntax [kept on purpose]'])
    expect(out.findings).toEqual(['5:1-5:2 yaml-syntax Duplicate key "b" (first defined at line 4): the bot silently uses this last value'])
  })

  it('disable-line silences its own line', () => {
    const out = lint('a: 1\na: 2  # lint-config-disable-line\n')
    expect(out.findings).toEqual([])
    expect(out.suppressed).toEqual(['2 yaml-syntax []'])
  })

  it('a directive naming another rule does not silence this one', () => {
    const out = lint('a: 1\n# lint-config-disable-next-line schema\na: 2\n')
    expect(out.findings).toEqual([
      "2:33-2:39 unused-disable-directive lint-config-disable-next-line names an unknown rule 'schema'",
      '3:1-3:2 yaml-syntax Duplicate key "a" (first defined at line 1): the bot silently uses this last value',
    ])
  })

  it('disable / enable regions, per rule and for all rules', () => {
    const yaml = [
      'a: 1',
      '# lint-config-disable',
      'a: 2',
      '# lint-config-enable',
      'a: 3',
      '# lint-config-disable yaml-syntax',
      'a: 4',
      '',
    ].join('\n')
    const out = lint(yaml)
    expect(out.suppressed).toEqual(['3 yaml-syntax []', '7 yaml-syntax []'])
    expect(out.findings).toEqual(['5:1-5:2 yaml-syntax Duplicate key "a" (first defined at line 1): this value is silently replaced by the one at line 7'])
  })

  it('enable of one rule ends only that rule in a disable-all region', () => {
    const out = lint('# lint-config-disable\n# lint-config-enable yaml-syntax\na: 1\na: 2\n')
    expect(out.findings).toEqual(['4:1-4:2 yaml-syntax Duplicate key "a" (first defined at line 3): the bot silently uses this last value'])
  })

  it('reports unused directives when asked, at the directive or the rule name', () => {
    const out = lint('# lint-config-disable-next-line\na: 1\n# lint-config-disable-next-line yaml-syntax\nb: 2\n', 'error')
    expect(out.findings).toEqual([
      '1:1-1:32 unused-disable-directive Unused lint-config-disable-next-line directive (no problems were reported here)',
      "3:33-3:44 unused-disable-directive Unused lint-config-disable-next-line directive (no problems were reported from 'yaml-syntax')",
    ])
  })

  it('suggests the closest rule id for a misspelt one', () => {
    const out = lint('a: 1\na: 2 # lint-config-disable-line yaml-sintax\n')
    expect(out.findings).toEqual([
      '2:1-2:2 yaml-syntax Duplicate key "a" (first defined at line 1): the bot silently uses this last value',
      `2:33-2:44 unused-disable-directive lint-config-disable-line names an unknown rule 'yaml-sintax' (did you mean "yaml-syntax"?)`,
    ])
  })

  it('ignores directive-like text inside a quoted scalar', () => {
    const out = lint('note: "x # lint-config-disable"\na: 1\na: 2\n')
    expect(out.findings).toHaveLength(1)
    expect(out.suppressed).toEqual([])
  })

  it('never silences a fatal syntax error', () => {
    const out = lint('# lint-config-disable\na: [1\n')
    expect(out.findings).toEqual(["3:1-3:1 yaml-syntax YAML syntax error: expected ',' or ']', but got '<stream end>' (while parsing a flow sequence at line 2, column 4)"])
  })
})
