// The explicit rule registry (yamllint-style): every rule the engine runs, keyed by id == file name.
import type { Rule } from '../types.js'
import { sizeCap } from './size-cap.js'
import { symbolCoverage } from './symbol-coverage.js'
import { ladderAlignment } from './ladder-alignment.js'
import { staleOverride } from './stale-override.js'
import { unusedDisableDirective } from './unused-disable-directive.js'
import { yamlSyntax } from './yaml-syntax.js'
import { profileContinuity } from './profile-continuity.js'
import { profileMonotonicity } from './profile-monotonicity.js'
import { interpolationProperties } from './interpolation-properties.js'
import { schemaRule } from './schema.js'
import { deadKey } from './dead-key.js'
import { silentDefault } from './silent-default.js'
import { noTrade } from './no-trade.js'
import { symbolCap } from './symbol-cap.js'

export const rules: Record<string, Rule> = {
  [yamlSyntax.meta.id]: yamlSyntax,
  [schemaRule.meta.id]: schemaRule,
  [unusedDisableDirective.meta.id]: unusedDisableDirective,
  [profileContinuity.meta.id]: profileContinuity,
  [profileMonotonicity.meta.id]: profileMonotonicity,
  [interpolationProperties.meta.id]: interpolationProperties,
  [staleOverride.meta.id]: staleOverride,
  [sizeCap.meta.id]: sizeCap,
  [symbolCoverage.meta.id]: symbolCoverage,
  [ladderAlignment.meta.id]: ladderAlignment,
  [noTrade.meta.id]: noTrade,
  [symbolCap.meta.id]: symbolCap,
  [deadKey.meta.id]: deadKey,
  [silentDefault.meta.id]: silentDefault,
}
