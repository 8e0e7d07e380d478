// The command line: commander wiring only. argv -> the registered command -> exit code (never process.exit).
import { Command, CommanderError } from 'commander'
import { EXIT_USAGE } from './exit-code.js'
import { failureLine, oneLine } from './failure.js'
import { commandContext, type CliIo, type CommandContext, type CommandSpec } from './commands/command.js'
import { commands } from './commands/index.js'
import { processOutput } from './process-output.js'
import { version } from './version.js'

export type { CliIo }

/** The real process: its streams (see processOutput), its stdin read up to the byte cap, its working directory and environment. */
export function processIo(): CliIo {
  const output = processOutput()
  return {
    ...output,
    readStdin: async (maxBytes) => {
      const chunks: Buffer[] = []
      let total = 0
      for await (const chunk of process.stdin) {
        chunks.push(chunk as Buffer)
        total += (chunk as Buffer).length
        // One byte over the cap is enough to refuse; stop reading an endless stream (/dev/zero) there.
        if (total > maxBytes) {
          process.stdin.destroy()
          break
        }
      }
      return Buffer.concat(chunks)
    },
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
  }
}

/** Declares one registered command on `command` (the program itself for the root command) and routes its action. */
function wire(command: Command, spec: CommandSpec<any>, context: CommandContext, setExit: (code: number) => void): void {
  const prefix = spec.name === undefined ? 'lint-config' : `lint-config ${spec.name}`
  command
    .description(spec.description)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => context.io.stdout(text),
      writeErr: (text) => context.io.stderr(text),
      outputError: (text, write) => write(`${prefix}: ${oneLine(text.replace(/^error: /, ''))}\n`),
    })
  spec.define(command)
  command.action(async (...args: unknown[]) => {
    // commander passes the declared arguments (a variadic one as a list), then the flags, then the command.
    const flags = args[args.length - 2] as Record<string, unknown>
    const operands = args.slice(0, -2).flatMap((a) => (a === undefined ? [] : Array.isArray(a) ? (a as string[]) : [a as string]))
    setExit(await spec.run(context, operands, flags))
  })
}

function buildProgram(context: CommandContext, setExit: (code: number) => void): Command {
  const program = new Command('lint-config')
  program
    .version(context.version, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    .enablePositionalOptions()
    .showHelpAfterError(false)
  for (const spec of commands) wire(spec.name === undefined ? program : program.command(spec.name), spec, context, setExit)
  return program
}

/** Runs the CLI and returns the exit code: 0 clean, 1 lint errors (or too many warnings), 2 usage or internal failure. */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let exitCode = 0
  try {
    const args = argv.slice(2)
    const program = buildProgram(commandContext(io, args, version()), (code) => (exitCode = code))
    await program.parseAsync(args, { from: 'user' })
    return io.stdoutFailed?.() ? EXIT_USAGE : exitCode
  } catch (error) {
    // --help and --version end here too, with exit code 0; commander has printed its own line for the rest.
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : EXIT_USAGE
    io.stderr(`lint-config: ${failureLine(error)}\n`)
    return EXIT_USAGE
  }
}
