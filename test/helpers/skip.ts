// Conditional skips that say why: every skipped test carries its reason as vitest's skip note, which the skip reporter prints.
import { beforeEach, type TestContext } from 'vitest'

/**
 * Call inside a `describe` body: unless `condition` holds, every test of that block (nested blocks included) skips
 * with `reason` as its note. Hooks still run, so a `beforeAll` that needs the condition checks the returned value.
 */
export function skipAllUnless(condition: boolean, reason: string): boolean {
  if (!condition) beforeEach((ctx) => ctx.skip(reason))
  return condition
}

/** Call first in a test body: unless `condition` holds, the test stops here and skips with `reason` as its note. */
export function skipUnless(ctx: TestContext, condition: boolean, reason: string): void {
  if (!condition) ctx.skip(reason)
}
