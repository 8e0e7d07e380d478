// `lint-config lsp`: the language server for editors. Only its options live here; the server itself loads when the command runs.
import { Option, type Command } from 'commander'
import { rules } from '../rules/index.js'
import { parseRuleFlag } from '../settings/normalize.js'
import { balanceArgument, collect, configOption, integerArgument, type CommandSpec } from './command.js'

interface LspFlags {
  config?: string
  balance?: number[]
  rule?: string[]
  debounce?: number
}

function define(command: Command): void {
  command
    .option('--stdio', 'talk over stdin and stdout (the only transport; accepted because LSP clients pass it)')
    .option('--balance <usd>', 'a reference balance for the sizing rules and hovers (repeatable)', collect(balanceArgument))
    .option('--rule <id:severity>', 'set a rule to off, warn or error (repeatable)', collect(String))
    .option('--debounce <ms>', 'milliseconds between two lints of one document while typing (default 50)', integerArgument(0))
    .addOption(new Option('--clientProcessId <pid>', 'exit when this process ends (passed by some LSP clients)').hideHelp())
  configOption(command)
}

export const lspCommand: CommandSpec<LspFlags> = {
  name: 'lsp',
  description: 'run the language server (LSP over stdio) for editors: findings while typing, quick fixes, sizes on hover',
  define,
  async run(context, _operands, flags) {
    // A bad --rule is a usage error before the server starts, as for a lint.
    for (const flag of flags.rule ?? []) parseRuleFlag(flag, rules)
    // Off the lint path: the bundle keeps the server in dist/lsp.cjs, which only this line loads.
    const { runLsp, DEFAULT_DEBOUNCE_MS } = await import('../lsp/server.js')
    return runLsp({
      overrides: { config: flags.config, balances: flags.balance, rules: flags.rule },
      debounceMs: flags.debounce ?? DEFAULT_DEBOUNCE_MS,
      version: context.version,
      cwd: context.io.cwd,
    })
  },
}
