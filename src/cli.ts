// The command line: commander wiring only. argv -> options -> command -> exit code (never process.exit).
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander'
import { createRequire } from 'node:module'
import { EXIT_USAGE } from './exit-code.js'
import { RuleCrash } from './engine/lint-text.js'
import { UsageError } from './engine/lint-files.js'
import { FORMAT_NAMES } from './formatters/index.js'
import { runLint, type CliIo, type OutputSpec } from './commands/lint.js'
import { runExplain, EXPLAIN_FORMATS, type ExplainFormat } from './commands/run-explain.js'
import { SettingsError } from './settings/normalize.js'
import type { FormatName } from './types.js'

export type { CliIo }

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
  format?: FormatName[]
  output?: string[]
  rule?: string[]
  maxWarnings?: number
  quiet?: boolean
  color?: boolean
  balance?: number[]
  seed?: number
  config?: string
  printConfig?: string
  stdinFilename?: string
  ignorePattern?: string[]
  reportUnusedDisableDirectives?: boolean
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

function parseInteger(min: number) {
  return (value: string): number => {
    if (!/^-?\d+$/.test(value.trim()) || Number(value) < min || !Number.isSafeInteger(Number(value))) {
      throw new InvalidArgumentError(`expected a whole number >= ${min}`)
    }
    return Number(value)
  }
}

function parseFormat(value: string): FormatName {
  if (!(FORMAT_NAMES as string[]).includes(value)) {
    throw new InvalidArgumentError(`expected one of ${FORMAT_NAMES.join(', ')}`)
  }
  return value as FormatName
}

/**
 * Pairs each `--output` with the `--format` written before it, as in `--format sarif --output r.sarif --format stylish`;
 * a format with no output goes to stdout. Commander keeps each list but not their interleaving, so read argv.
 */
export function pairOutputs(argv: readonly string[], formats: readonly FormatName[], outputs: readonly string[]): OutputSpec[] {
  const specs: OutputSpec[] = formats.map((format) => ({ format }))
  if (specs.length === 0) specs.push({ format: 'stylish' })
  let formatIndex = -1
  let outputIndex = 0
  for (const arg of argv) {
    if (arg === '--') break
    if (arg === '-f' || arg === '--format' || arg.startsWith('--format=') || (arg.startsWith('-f') && arg.length > 2 && !arg.startsWith('--'))) {
      formatIndex++
    } else if (arg === '-o' || arg === '--output' || arg.startsWith('--output=') || (arg.startsWith('-o') && arg.length > 2 && !arg.startsWith('--'))) {
      const file = outputs[outputIndex++]
      const spec = specs[Math.max(formatIndex, 0)]
      if (file === undefined || !spec) continue
      if (spec.file !== undefined) throw new UsageError(`--output "${file}": the format "${spec.format}" already writes to "${spec.file}"; give another --format before it`)
      spec.file = file
    }
  }
  if (specs.filter((s) => s.file === undefined).length > 1) {
    throw new UsageError('several formats would print to stdout; give each format but one an --output file')
  }
  return specs
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim()
}

function buildProgram(io: CliIo, argv: readonly string[], setExit: (code: number) => void): Command {
  const program = new Command('lint-config')
  program
    .description('Lint a crypto-futures bot config (config_futures.yaml): YAML as the bot loads it, its JSON Schema, and the sizing model.')
    .version(version(), '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    .enablePositionalOptions()
    .argument('[targets...]', 'files, directories (searched for config_futures*.y(a)ml) or globs; "-" reads stdin (default: config/config_futures.yaml)')
    .option('-f, --format <name>', `output format: ${FORMAT_NAMES.join(', ')} (repeatable, default stylish)`, collect(parseFormat))
    .option('-o, --output <file>', 'write the preceding --format to a file (atomically) instead of stdout', collect(String))
    .option('--rule <id:severity>', 'set a rule to off, warn or error (repeatable)', collect(String))
    .option('--balance <usd>', 'a reference balance for the sizing rules (repeatable)', collect(parseBalance))
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings', parseInteger(0))
    .option('--quiet', 'report errors only')
    .option('--color', 'force colour')
    .option('--no-color', 'disable colour (NO_COLOR and FORCE_COLOR are honoured too)')
    .option('-c, --config <file>', 'use this settings file instead of looking for .lint-config.yaml')
    .option('--print-config <file>', 'print the settings that apply to a file, then exit')
    .option('--seed <n>', 'seed for the interpolation-properties rule (replays a failure)', parseInteger(0))
    .option('--stdin-filename <name>', 'the file name to report (and to find settings from) when linting stdin')
    .option('--ignore-pattern <glob>', 'leave matching files out of directory and glob expansion (repeatable)', collect(String))
    .option('--report-unused-disable-directives', 'report lint-config-disable comments that suppress nothing, as errors')
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
      const code = await runLint(
        targets,
        {
          outputs: pairOutputs(argv, flags.format ?? [], flags.output ?? []),
          maxWarnings: flags.maxWarnings ?? -1,
          quiet: flags.quiet === true,
          color: flags.color,
          fix: flags.fix === true,
          fixDryRun: flags.fixDryRun === true,
          stdinFilename: flags.stdinFilename,
          ignorePatterns: flags.ignorePattern ?? [],
          printConfig: flags.printConfig,
          config: flags.config,
          rules: flags.rule,
          balances: flags.balance,
          seed: flags.seed,
          unusedDirectives: flags.reportUnusedDisableDirectives ? 'error' : undefined,
          version: version(),
        },
        io,
      )
      setExit(code)
    })

  program
    .command('explain')
    .description('print the sizing table at a balance: profile, base size, per-symbol sizes and overrides, exposure with every position open')
    .argument('[file]', 'the config (default: config/config_futures.yaml)')
    .requiredOption('--balance <usd>', 'the balance in USD (repeatable)', collect(parseBalance))
    .addOption(new Option('-f, --format <name>', 'text, markdown or json').choices(EXPLAIN_FORMATS).default('text'))
    .option('-c, --config <file>', 'use this settings file instead of looking for .lint-config.yaml')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout(text),
      writeErr: (text) => io.stderr(text),
      outputError: (text, write) => write(`lint-config explain: ${oneLine(text.replace(/^error: /, ''))}\n`),
    })
    .action(async (file: string | undefined, flags: { balance: number[]; format: ExplainFormat; config?: string }) => {
      setExit(await runExplain(file, flags, io))
    })
  return program
}

/** Runs the CLI and returns the exit code: 0 clean, 1 lint errors (or too many warnings), 2 usage or internal failure. */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let exitCode = 0
  try {
    const args = argv.slice(2)
    const program = buildProgram(io, args, (code) => (exitCode = code))
    await program.parseAsync(args, { from: 'user' })
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
