// unused-disable-directive: directives that suppress nothing, and unknown rule names in directives.
import { runRuleTests } from '../rule-tester.js'
import { unusedDisableDirective } from '../../src/rules/unused-disable-directive.js'

runRuleTests(unusedDisableDirective, {
  valid: [
    { name: 'no directives', yaml: 'a: 1\n' },
    { name: 'a directive that suppresses a duplicate key', yaml: 'a: 1\n# lint-config-disable-next-line yaml-syntax -- the bot reads the last value\na: 2\n' },
    { name: 'a region that suppresses something', yaml: '# lint-config-disable\na: 1\na: 2\n# lint-config-enable\n' },
  ],
  invalid: [
    {
      name: 'a next-line directive over a clean line',
      yaml: '# lint-config-disable-next-line yaml-syntax\nleverage: 5\n',
      findings: [
        {
          messageId: 'unusedRule',
          message: "Unused lint-config-disable-next-line directive (no problems were reported from 'yaml-syntax')",
          line: 1,
          column: 33,
          endLine: 1,
          endColumn: 44,
          path: '',
        },
      ],
    },
    {
      name: 'a region directive naming no rule that suppresses nothing',
      yaml: 'a: 1\n# lint-config-disable\nb: 2\n',
      findings: [{ messageId: 'unused', message: 'Unused lint-config-disable directive (no problems were reported here)', line: 2, column: 1, endLine: 2, endColumn: 22, path: '' }],
    },
    {
      name: 'one of two named rules is unused',
      yaml: 'a: 1\na: 2 # lint-config-disable-line yaml-syntax, unused-disable-directive\n',
      findings: [{ messageId: 'unusedRule', line: 2, column: 46, endLine: 2, endColumn: 70, path: '' }],
    },
    {
      name: 'an unknown rule name, with a suggestion',
      yaml: 'a: 1\na: 2 # lint-config-disable-line yaml-syntax, stale-overide\n',
      findings: [{ messageId: 'unknownRule', message: "lint-config-disable-line names an unknown rule 'stale-overide'", line: 2, column: 46, endLine: 2, endColumn: 59, path: '' }],
    },
  ],
})
