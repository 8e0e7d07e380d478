// The rules whose findings the chart tests mark on the balance axis: the ladder and override rules (other rules' findings are theirs to test).
import { rules } from '../../src/rules/index.js'
import type { Rule } from '../../src/types.js'

/** profile-continuity, profile-monotonicity, interpolation-properties and stale-override, as a registry for lintText. */
export const CHART_RULES: Record<string, Rule> = Object.fromEntries(
  ['profile-continuity', 'profile-monotonicity', 'interpolation-properties', 'stale-override'].map((id) => [id, (rules as Record<string, Rule>)[id]!]),
)
