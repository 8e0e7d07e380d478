// unused-disable-directive: disable comments that suppress nothing, or name a rule that does not exist. Reports come from the engine.
import type { Rule } from '../types.js'

export type UnusedDirectiveMessageId = 'unused' | 'unusedRule' | 'unknownRule'

export const unusedDisableDirective: Rule<Record<string, never>, UnusedDirectiveMessageId> = {
  meta: {
    id: 'unused-disable-directive',
    description: 'A `# lint-config-disable…` comment that suppresses nothing (turned on by --report-unused-disable-directives)',
    defaultSeverity: 'off',
    fixable: false,
    schema: { type: 'object', additionalProperties: false },
    defaultOptions: {},
    messages: {
      unused: 'Unused lint-config-{{kind}} directive (no problems were reported here)',
      unusedRule: "Unused lint-config-{{kind}} directive (no problems were reported from '{{rule}}')",
      unknownRule: "lint-config-{{kind}} names an unknown rule '{{rule}}'{{suggestion}}",
    },
  },
  // The engine matches directives against findings; there is nothing to check on the data.
  *check() {},
}
