// vitest wrappers around the invariants: lint and run, then expect no problem.
import { expect } from 'vitest'
import { lintBytes, lintText } from '../../src/engine/lint-text.js'
import type { FileResult } from '../../src/types.js'
import { resultProblems, runProblems, settings, type CliRun } from './invariants.js'

export { brief, type Brief } from './invariants.js'

/** lintText, checked against every invariant. */
export function lint(text: string): FileResult {
  const result = lintText(text, settings)
  expect(resultProblems(result, text)).toEqual([])
  return result
}

/** lintBytes, checked against every invariant. */
export function lintRaw(bytes: Uint8Array): FileResult {
  const result = lintBytes(bytes, settings)
  expect(resultProblems(result, bytes)).toEqual([])
  return result
}

export function checkRun(run: CliRun, input = ''): CliRun {
  expect(runProblems(run, input)).toEqual([])
  return run
}
