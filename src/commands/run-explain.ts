// `lint-config explain --balance N [file]`: read and parse the config, then print the sizing table of each balance.
import { Option, type Command } from 'commander'
import path from 'node:path'
import { UsageError } from '../engine/file-io.js'
import { balanceArgument, collect, botOption, configOption, maxBytesOption, type CommandSpec } from './command.js'
import type { SizingTable } from '../model/sizing-table.js'
import { readCommandConfig } from './read-config.js'

export const EXPLAIN_FORMATS = ['text', 'markdown', 'json'] as const
export type ExplainFormat = (typeof EXPLAIN_FORMATS)[number]

interface ExplainFlags {
  balance: number[]
  format: ExplainFormat
  config?: string
  maxBytes?: number
  bot?: string
}

function define(command: Command): void {
  command
    .argument('[file]', 'the config (default: config/config_futures.yaml)')
    .requiredOption('--balance <usd>', 'the balance in USD (repeatable)', collect(balanceArgument))
    .addOption(new Option('-f, --format <name>', 'text, markdown or json').choices(EXPLAIN_FORMATS).default('text'))
  configOption(command)
  maxBytesOption(command)
  botOption(command)
}

export const explainCommand: CommandSpec<ExplainFlags> = {
  name: 'explain',
  description: 'print the sizing table at a balance: profile, base size, per-symbol sizes and overrides, exposure with every position open',
  define,
  async run(context, [file], flags) {
    const { io } = context
    // Off the lint path: the renderer loads only when explain runs.
    const { sizingTable } = await import('../model/sizing-table.js')
    const { renderSizingJson, renderSizingMarkdown, renderSizingText } = await import('../formatters/sizing-table.js')
    const { target, shown, parsed } = await readCommandConfig('explain', io.cwd, file, flags.maxBytes)
    const settings = await context.settings({ config: flags.config, bot: flags.bot }).forDirectory(path.dirname(target))
    const list: SizingTable[] = []
    for (const balance of flags.balance) {
      const explanation = sizingTable(parsed.data, balance, { sizingMode: settings.shared.sizingMode, bot: settings.shared.bot, ranges: true })
      if (!explanation) throw new UsageError(`cannot explain "${shown}": it has no usable scalping.balance_profiles`)
      list.push(explanation)
    }
    const render = { text: renderSizingText, markdown: renderSizingMarkdown, json: renderSizingJson }[flags.format]
    io.stdout(render(list))
    return 0
  },
}
