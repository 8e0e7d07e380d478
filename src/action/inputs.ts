// The Action's inputs: the INPUT_* variable of each id action.yml declares, read, trimmed and checked (a bad one is an InputError, exit 2).
import { BalanceError, parseBalance } from '../settings/balance.js'
import { FORMAT_NAMES, type FormatName } from '../types.js'

/** The inputs action.yml declares, by id. The test checks this list against action.yml both ways. */
export const INPUT_NAMES = ['files', 'balances', 'format', 'sarif-file', 'max-warnings', 'fail-on', 'config', 'working-directory', 'only-new'] as const
export type InputName = (typeof INPUT_NAMES)[number]
/**
 * The environment variable that carries an input: `INPUT_` + the id upper-cased with spaces replaced by `_`; hyphens
 * are kept (`sarif-file` -> `INPUT_SARIF-FILE`). This is the runner's naming ("converts input names to uppercase
 * letters and replaces spaces with `_`", GitHub's metadata syntax reference) and @actions/core's `getInput`
 * (`INPUT_${name.replace(/ /g, '_').toUpperCase()}`, actions/toolkit packages/core/src/core.ts). A composite action
 * gets no such variables for free: action.yml maps each input in its step's `env`.
 */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

export type FailOn = 'error' | 'warning'

/** The inputs, parsed. Paths stay as given: relative ones resolve against `workingDirectory`, as the CLI run there would. */
export interface ActionInputs {
  /** Files, directories or globs; empty means the CLI's default (settings `files`, else config/config_futures.yaml). */
  files: string[]
  /** Reference balances in USD; empty means the settings file's. */
  balances: number[]
  /** The format printed to the log (stdout). */
  format: FormatName
  sarifFile?: string
  /** -1 means no limit. */
  maxWarnings: number
  failOn: FailOn
  config?: string
  workingDirectory: string
  /** On a pull_request event, report and fail on only the findings the pull request adds. */
  onlyNew: boolean
}

/** A bad input: the step fails with exit 2 and this one-line message. */
export class InputError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'InputError'
  }
}

/**
 * Reads and checks the inputs, trimmed as @actions/core's getInput does. An unset or empty input takes the default
 * action.yml declares (`files` aside: empty there means the CLI's own default target).
 */
export function readInputs(env: Readonly<Record<string, string | undefined>>): ActionInputs {
  const get = (name: InputName): string => (env[inputVariable(name)] ?? '').trim()

  const files = get('files').split(/\s+/).filter(Boolean)
  if (files.includes('-')) throw new InputError('files: "-" (standard input) is not available in the Action; name the files')

  // Commas separate balances, so they cannot also group thousands: 1018, not 1,018.
  // Spaces and newlines separate balances, and so does a comma at the end of one ("1018, 3000"); a comma inside
  // one groups thousands (1,018) or makes it ambiguous (1018,3000), which the strict parser rejects by name.
  const balances = get('balances')
    .split(/\s+/)
    .map((text) => text.replace(/,$/, ''))
    .filter(Boolean)
    .map((text) => {
      try {
        return parseBalance(text)
      } catch (error) {
        if (error instanceof BalanceError) throw new InputError(`balances: "${text}": ${error.message}`)
        throw error
      }
    })

  const format = (get('format') || 'github') as FormatName
  if (!(FORMAT_NAMES as readonly string[]).includes(format)) throw new InputError(`format: expected one of ${FORMAT_NAMES.join(', ')}, got "${format}"`)

  const maxText = get('max-warnings') || '-1'
  const maxWarnings = Number(maxText)
  if (!/^-?\d+$/.test(maxText) || !Number.isSafeInteger(maxWarnings) || maxWarnings < -1) {
    throw new InputError(`max-warnings: expected a whole number >= 0, or -1 for no limit, got "${maxText}"`)
  }

  const failOn = (get('fail-on') || 'error').toLowerCase()
  if (failOn !== 'error' && failOn !== 'warning') throw new InputError(`fail-on: expected "error" or "warning", got "${failOn}"`)

  const onlyNewText = (get('only-new') || 'false').toLowerCase()
  if (onlyNewText !== 'true' && onlyNewText !== 'false') throw new InputError(`only-new: expected "true" or "false", got "${get('only-new')}"`)

  const sarifFile = get('sarif-file')
  const config = get('config')
  return {
    files,
    balances,
    format,
    ...(sarifFile !== '' ? { sarifFile } : {}),
    maxWarnings,
    failOn,
    ...(config !== '' ? { config } : {}),
    workingDirectory: get('working-directory') || '.',
    onlyNew: onlyNewText === 'true',
  }
}
