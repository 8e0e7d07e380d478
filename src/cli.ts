// The command line: commander wiring only. argv -> settings -> engine -> formatter -> exit code (never process.exit).
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander'
import { createRequire } from 'node:module'
import path from 'node:path'
import { EXIT_USAGE, getExitCode } from './exit-code.js'
import { lintAndFix } from './engine/fix.js'
import { RuleCrash, lintBytes } from './engine/lint-text.js'
import {
  STDIN,
  UsageError,
  expandTargets,
  readTarget,
  realPathOrResolved,
  writeFileAtomic,
} from './engine/lint-files.js'
import { formatters, FORMAT_NAMES } from './formatters/index.js'
import { ruleDocsUrl } from './rules/docs-url.js'
import { rules } from './rules/index.js'
import { SettingsError, defaultSettings, withRuleFlags } from './settings/normalize.js'
import type { FileResult, FormatName, LintSettings, RuleMeta } from './types.js'

/** Everything the CLI touches outside itself, so tests run it in-process. */
export interface CliIo {
  stdout(text: string): void
  stderr(text: string): void
  readStdin(): Promise<Buffer>
  cwd: string
  env: Record<string, string | undefined>
  stdoutIsTTY: boolean
}

export function processIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    readStdin: async () => {
      const chunks: Buffer[] = []
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
      return Buffer.concat(chunks)
    },
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
  }
}

// The bundle inlines the version at build time; running from source reads package.json.
declare const __LINT_CONFIG_VERSION__: string | undefined

export function version(): string {
  if (typeof __LINT_CONFIG_VERSION__ === 'string') return __LINT_CONFIG_VERSION__
  const require = createRequire(import.meta.url)
  return (require('../package.json') as { version: string }).version
}

interface LintFlags {
  format: FormatName
  output?: string
  rule?: string[]
  maxWarnings?: number
  quiet?: boolean
  color?: boolean
  balance?: number[]
  fix?: boolean
  fixDryRun?: boolean
}

function collect<T>(parse: (value: string) => T) {
  return (value: string, previous: T[] = []): T[] => [...previous, parse(value)]
}

function parseBalance(value: string): number {
  const n = Number(value.replace(/[$,_]/g, ''))
  if (value.trim() === '' || !Number.isFinite(n) || n < 0) {
    throw new InvalidArgumentError('expected a balance in USD, a finite number >= 0 (e.g. 1018 or 1018.50)')
  }
  return n
}

function parseCount(value: string): number {
  if (!/^-?\d+$/.test(value.trim())) throw new InvalidArgumentError('expected a whole number')
  return Number(value)
}

/** NO_COLOR / FORCE_COLOR / --color / --no-color / TTY, in ESLint's and chalk's order of precedence. */
export function useColor(flag: boolean | undefined, io: CliIo, toFile: boolean): boolean {
  if (flag !== undefined) return flag
  const force = io.env.FORCE_COLOR
  if (force !== undefined) return force !== '0' && force !== 'false'
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false
  return !toFile && io.stdoutIsTTY
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim()
}

function ruleMetas(): Record<string, RuleMeta> {
  return Object.fromEntries(Object.entries(rules).map(([id, rule]) => [id, rule.meta as RuleMeta]))
}

/** Builds the effective settings for this run: defaults, then the command line. */
function buildSettings(flags: LintFlags): LintSettings {
  let settings = defaultSettings(rules)
  settings = withRuleFlags(settings, flags.rule ?? [], rules)
  if (flags.balance?.length) settings = { ...settings, shared: { ...settings.shared, balances: flags.balance } }
  return settings
}

async function runLint(args: string[], flags: LintFlags, io: CliIo): Promise<number> {
  const formatter = formatters[flags.format]
  if (!formatter) throw new UsageError(`unknown format "${flags.format}"`)
  const settings = buildSettings(flags)
  const targets = await expandTargets(args, { cwd: io.cwd })

  let outputTarget: string | undefined
  if (flags.output !== undefined) {
    outputTarget = path.resolve(io.cwd, flags.output)
    const real = await realPathOrResolved(outputTarget)
    for (const target of targets) {
      if (target !== STDIN && (await realPathOrResolved(target)) === real) {
        throw new UsageError(`refusing to write the report over the linted file "${flags.output}"`)
      }
    }
  }

  const fixing = flags.fix === true || flags.fixDryRun === true
  const results: FileResult[] = []
  for (const target of targets) {
    const bytes = target === STDIN ? await io.readStdin() : await readTarget(target)
    const filePath = target === STDIN ? '<stdin>' : target
    let result = lintBytes(bytes, settings, { filePath })
    if (fixing && result.fixableErrorCount + result.fixableWarningCount > 0) {
      result = lintAndFix(bytes.toString('utf8'), settings, { filePath })
    }
    if (flags.fix && result.output !== undefined && target !== STDIN) await writeFileAtomic(target, result.output)
    if (flags.quiet) {
      const findings = result.findings.filter((f) => f.severity === 'error')
      result = { ...result, findings, warningCount: 0, fixableWarningCount: 0 }
    }
    results.push(result)
  }

  const color = useColor(flags.color, io, outputTarget !== undefined)
  const text = formatter(results, { cwd: io.cwd, color, rules: ruleMetas(), docsUrl: ruleDocsUrl })
  if (outputTarget !== undefined) await writeFileAtomic(outputTarget, text)
  else io.stdout(text)
  return getExitCode(results, { maxWarnings: flags.maxWarnings ?? -1 })
}

function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command('lint-config')
  program
    .description('Lint a crypto-futures bot config (config_futures.yaml): YAML as the bot loads it, its JSON Schema, and the sizing model.')
    .version(version(), '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    .argument('[targets...]', `files, directories (searched for config_futures*.yaml) or globs; "-" reads stdin (default: ${'config/config_futures.yaml'})`)
    .addOption(new Option('-f, --format <name>', 'output format').choices(FORMAT_NAMES).default('stylish'))
    .option('-o, --output <file>', 'write the report to a file (atomically) instead of stdout')
    .option('--rule <id:severity>', 'set a rule to off, warn or error (repeatable)', collect(String))
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings', parseCount)
    .option('--quiet', 'report errors only')
    .option('--color', 'force colour')
    .option('--no-color', 'disable colour (NO_COLOR and FORCE_COLOR are honoured too)')
    .option('--balance <usd>', 'a reference balance for the sizing rules (repeatable)', collect(parseBalance))
    .option('--fix', 'apply the fixes rules offer, in place')
    .option('--fix-dry-run', 'compute fixes without writing them (shown in --format json as "output")')
    .showHelpAfterError(false)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout(text),
      writeErr: (text) => io.stderr(text),
      outputError: (text, write) => write(`lint-config: ${oneLine(text.replace(/^error: /, ''))}\n`),
    })
    .action(async (targets: string[], flags: LintFlags) => {
      setExit(await runLint(targets, flags, io))
    })
  return program
}

/** Runs the CLI and returns the exit code: 0 clean, 1 lint errors (or too many warnings), 2 usage or internal failure. */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let exitCode = 0
  try {
    const program = buildProgram(io, (code) => (exitCode = code))
    await program.parseAsync(argv.slice(2), { from: 'user' })
    return exitCode
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here too, with exit code 0.
      return error.exitCode === 0 ? 0 : EXIT_USAGE
    }
    if (error instanceof UsageError || error instanceof SettingsError) {
      io.stderr(`lint-config: ${oneLine(error.message)}\n`)
    } else if (error instanceof RuleCrash) {
      io.stderr(`lint-config: internal error: ${oneLine(error.message)}\n`)
    } else {
      io.stderr(`lint-config: internal error: ${oneLine(error instanceof Error ? error.message : String(error))}\n`)
    }
    return EXIT_USAGE
  }
}
