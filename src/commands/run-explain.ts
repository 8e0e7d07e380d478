// `lint-config explain --balance N [file]`: read and parse the config, then print the sizing table of each balance.
import { Option, type Command } from 'commander'
import path from 'node:path'
import { readTarget, UsageError } from '../engine/file-io.js'
import { decodeUtf8 } from '../engine/decode.js'
import { parseConfig } from '../engine/parse.js'
import { rangeOf, interpolate } from '../engine/report.js'
import { DEFAULT_TARGET } from '../engine/targets.js'
import { yamlSyntax } from '../rules/yaml-syntax.js'
import { balanceArgument, collect, botOption, configOption, maxBytesOption, type CommandSpec } from './command.js'
import type { SizingTable } from '../model/sizing-table.js'

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
    const target = path.resolve(io.cwd, file ?? DEFAULT_TARGET)
    const shown = file ?? DEFAULT_TARGET
    const decoded = decodeUtf8(await readTarget(target, shown, flags.maxBytes))
    if (!decoded.ok) throw new UsageError(`cannot explain "${shown}": it is not valid UTF-8`)
    const parsed = parseConfig(decoded.text)
    const fatal = parsed.syntax.find((s) => s.fatal)
    if (fatal) {
      const { start } = rangeOf(parsed.lineCounter, { start: fatal.start, end: fatal.end })
      const message = interpolate(yamlSyntax.meta.messages[fatal.messageId], fatal.data)
      throw new UsageError(`cannot explain "${shown}": ${start.line}:${start.column} ${message}`)
    }
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
