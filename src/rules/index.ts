// The explicit rule registry (yamllint-style): every rule the engine runs, keyed by id == file name.
import type { Rule } from '../types.js'
import { unusedDisableDirective } from './unused-disable-directive.js'
import { yamlSyntax } from './yaml-syntax.js'

export const rules: Record<string, Rule> = {
  [yamlSyntax.meta.id]: yamlSyntax,
  [unusedDisableDirective.meta.id]: unusedDisableDirective,
}
