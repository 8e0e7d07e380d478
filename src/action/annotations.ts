// The workflow commands the Action prints itself (its findings are the github formatter's): one line each, escaped as @actions/core does.
import { failureLine, oneLine } from '../failure.js'
import { escapeData, escapeProperty } from '../formatters/github.js'

/** A workflow command that fails loudly: one `::error` line (an annotation), escaped as @actions/core does. */
export function errorCommand(message: string): string {
  return `::error title=${escapeProperty('lint-config')}::${escapeData(oneLine(message))}\n`
}

/** A warning that does not fail the step: one `::warning` line saying why the pull request diff is missing. */
export function noDiffWarning(error: unknown): string {
  return `::warning title=${escapeProperty('lint-config')}::${escapeData(`no diff against the pull request's base: ${failureLine(error)}`)}\n`
}
