// Why a run failed, as the one line the CLI and the Action print (exit 2): the user's mistakes plainly, anything else as an internal error.
import { UsageError } from './engine/file-io.js'
import { RuleCrash } from './engine/lint-text.js'
import { SettingsError } from './settings/normalize.js'

/** Collapses line breaks and the spaces around them, so a failure is always one line. */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim()
}

/**
 * The failure's one line, without the `lint-config: ` prefix: a usage, I/O or settings problem as its message, a rule
 * crash or anything unexpected as `internal error: ...`. Never a stack trace.
 */
export function failureLine(error: unknown): string {
  if (error instanceof UsageError || error instanceof SettingsError) return oneLine(error.message)
  if (error instanceof RuleCrash) return `internal error: ${oneLine(error.message)}`
  return `internal error: ${oneLine(error instanceof Error ? error.message : String(error))}`
}
