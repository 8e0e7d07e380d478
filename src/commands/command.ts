// What a subcommand is (options it declares, a run that returns an exit code) and what every subcommand shares: I/O, settings loading, option parsers.
import { InvalidArgumentError, type Command } from 'commander'
import { DEFAULT_MAX_BYTES } from '../engine/file-io.js'
import { checkBotSetting } from '../model/eras.js'
import { rules } from '../rules/index.js'
import { BalanceError, parseBalance } from '../settings/balance.js'
import { SettingsResolver, type SettingsOverrides } from '../settings/resolve.js'

/** Everything a command touches outside itself, so tests run it in-process. */
export interface CliIo {
  stdout(text: string): void
  stderr(text: string): void
  /** Standard input; may stop after `maxBytes` + 1 bytes, since more is refused anyway. */
  readStdin(maxBytes: number): Promise<Buffer>
  /** True once writing to the real stdout failed (a full disk): the run exits 2. */
  stdoutFailed?(): boolean
  cwd: string
  env: Record<string, string | undefined>
  stdoutIsTTY: boolean
  /**
   * Reports show paths relative to this directory instead of `cwd`. The GitHub Action passes the workspace root,
   * where GitHub resolves annotation and SARIF paths, while targets still resolve against its working directory.
   */
  reportCwd?: string
}

/** What the CLI hands every command's run. */
export interface CommandContext {
  io: CliIo
  /** The arguments after the program name, as typed (the lint command reads the order of --format and --output). */
  argv: readonly string[]
  /** lint-config's version, for reports that name their tool. */
  version: string
  /** The settings resolver every command loads settings through: the registry, the working directory, the flags. */
  settings(overrides: SettingsOverrides): SettingsResolver
}

/**
 * One subcommand: `name` undefined is the root command (`lint-config [targets...]`). `define` declares its arguments
 * and options on the commander command it is given; `run` gets the operands and parsed flags and returns the exit
 * code (0, 1 or 2); it throws UsageError or SettingsError for a one-line failure. Adding a subcommand is a file
 * exporting one of these and a line in commands/index.ts.
 */
export interface CommandSpec<Flags = Record<string, unknown>> {
  name?: string
  description: string
  define(command: Command): void
  run(context: CommandContext, operands: string[], flags: Flags): Promise<number>
}

/** The context for one CLI run. */
export function commandContext(io: CliIo, argv: readonly string[], version: string): CommandContext {
  return { io, argv, version, settings: (overrides) => new SettingsResolver(rules, io.cwd, overrides) }
}

/** A repeatable option's parser: each value parsed and appended. */
export function collect<T>(parse: (value: string) => T) {
  return (value: string, previous: T[] = []): T[] => [...previous, parse(value)]
}

/** `--balance`: a balance in USD, or commander's one-line "argument ... is invalid" error. */
export function balanceArgument(value: string): number {
  try {
    return parseBalance(value)
  } catch (error) {
    if (error instanceof BalanceError) throw new InvalidArgumentError(error.message)
    throw error
  }
}

/** A whole number >= `min`. */
export function integerArgument(min: number) {
  return (value: string): number => {
    if (!/^-?\d+$/.test(value.trim()) || Number(value) < min || !Number.isSafeInteger(Number(value))) {
      throw new InvalidArgumentError(`expected a whole number >= ${min}`)
    }
    return Number(value)
  }
}

/** `--bot`: the bot's code era, or a date; a bad one is commander's one-line error. */
export function botArgument(value: string): string {
  const problem = checkBotSetting(value)
  if (problem) throw new InvalidArgumentError(problem)
  return value
}

/** The option naming the bot's code era, shared by every command that sizes. */
export function botOption(command: Command): Command {
  return command.option('--bot <era>', "which of the bot's code eras sizes the config: auto, variant-b, risk-manager, percent, or a date YYYY-MM-DD", botArgument)
}

/** The settings-file option every command that loads settings declares. */
export function configOption(command: Command): Command {
  return command.option('-c, --config <file>', 'use this settings file instead of looking for .lint-config.yaml')
}

/** The byte cap on each file read, shared by every command that reads configs. */
export function maxBytesOption(command: Command): Command {
  return command.option('--max-bytes <n>', `read at most n bytes of each config or stdin (default ${DEFAULT_MAX_BYTES}, 64 MiB)`, integerArgument(1))
}
