// The step's outcome: totals over the results, the exit code the step ends with, and the outputs written to $GITHUB_OUTPUT.
import { randomUUID } from 'node:crypto'
import { EXIT_LINT, EXIT_OK, EXIT_USAGE } from '../exit-code.js'
import type { FileResult } from '../types.js'
import type { FailOn } from './inputs.js'

/** The outputs action.yml declares; written to $GITHUB_OUTPUT. */
export const OUTPUT_NAMES = ['exit-code', 'errors', 'warnings', 'new-errors', 'new-warnings'] as const
export interface Counts {
  errors: number
  warnings: number
}

/** Totals over the results. */
export function countsOf(results: readonly FileResult[]): Counts {
  return {
    errors: results.reduce((n, r) => n + r.errorCount, 0),
    warnings: results.reduce((n, r) => n + r.warningCount, 0),
  }
}

/**
 * The step's exit code. Never 0 after a failure: a CLI exit other than 0 or 1, or a missing report, is 2; lint errors
 * (or too many warnings) stay 1; with `fail-on: warning` any warning is 1 too.
 */
export function decideExitCode(cliExit: number, counts: Counts | undefined, failOn: FailOn): number {
  if (cliExit !== EXIT_OK && cliExit !== EXIT_LINT) return EXIT_USAGE
  if (counts === undefined) return EXIT_USAGE
  if (cliExit === EXIT_LINT || counts.errors > 0) return EXIT_LINT
  if (failOn === 'warning' && counts.warnings > 0) return EXIT_LINT
  return EXIT_OK
}

/**
 * Lines for $GITHUB_OUTPUT: `name=value`, or GitHub's multiline form `name<<delimiter` ... `delimiter` when the value
 * has a line break (a random delimiter, as @actions/core's prepareKeyValueMessage uses).
 */
export function outputLines(outputs: Readonly<Record<string, string>>, delimiter = `ghadelimiter_${randomUUID()}`): string {
  let out = ''
  for (const [name, value] of Object.entries(outputs)) {
    if (/[\r\n]/.test(value)) {
      if (value.includes(delimiter)) throw new Error(`output ${name}: the value contains the delimiter`)
      out += `${name}<<${delimiter}\n${value}\n${delimiter}\n`
    } else {
      out += `${name}=${value}\n`
    }
  }
  return out
}
