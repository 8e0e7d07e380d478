// The exit code, as a pure function of the results (ESLint's rules: errors -> 1, too many warnings -> 1).
import type { FileResult } from './types.js'

export const EXIT_OK = 0
export const EXIT_LINT = 1
export const EXIT_USAGE = 2

export interface ExitOptions {
  /** -1 (the default) means no limit. */
  maxWarnings?: number
}

export function getExitCode(results: readonly FileResult[], { maxWarnings = -1 }: ExitOptions = {}): number {
  let errors = 0
  let warnings = 0
  for (const r of results) {
    errors += r.errorCount
    warnings += r.warningCount
  }
  if (errors > 0) return EXIT_LINT
  if (maxWarnings >= 0 && warnings > maxWarnings) return EXIT_LINT
  return EXIT_OK
}
