// `lint-config explain --balance N [file]`: read and parse the config, then print the sizing table of each balance.
import path from 'node:path'
import { DEFAULT_TARGET, readTarget, UsageError } from '../engine/lint-files.js'
import { decodeUtf8 } from '../engine/decode.js'
import { parseConfig } from '../engine/parse.js'
import { rangeOf, interpolate } from '../engine/report.js'
import { rules } from '../rules/index.js'
import { yamlSyntax } from '../rules/yaml-syntax.js'
import { SettingsResolver } from '../settings/resolve.js'
import { sizingTable, type SizingTable } from '../model/sizing-table.js'
import { renderSizingJson, renderSizingMarkdown, renderSizingText } from '../formatters/sizing-table.js'
import type { CliIo } from './lint.js'

export const EXPLAIN_FORMATS = ['text', 'markdown', 'json'] as const
export type ExplainFormat = (typeof EXPLAIN_FORMATS)[number]

export async function runExplain(
  file: string | undefined,
  flags: { balance: number[]; format: ExplainFormat; config?: string },
  io: CliIo,
): Promise<number> {
  const target = path.resolve(io.cwd, file ?? DEFAULT_TARGET)
  const shown = file ?? DEFAULT_TARGET
  const decoded = decodeUtf8(await readTarget(target, shown))
  if (!decoded.ok) throw new UsageError(`cannot explain "${shown}": it is not valid UTF-8`)
  const parsed = parseConfig(decoded.text)
  const fatal = parsed.syntax.find((s) => s.fatal)
  if (fatal) {
    const { start } = rangeOf(parsed.lineCounter, { start: fatal.start, end: fatal.end })
    const message = interpolate(yamlSyntax.meta.messages[fatal.messageId], fatal.data)
    throw new UsageError(`cannot explain "${shown}": ${start.line}:${start.column} ${message}`)
  }
  const settings = await new SettingsResolver(rules, io.cwd, { config: flags.config }).forDirectory(path.dirname(target))
  const list: SizingTable[] = []
  for (const balance of flags.balance) {
    const explanation = sizingTable(parsed.data, balance, { sizingMode: settings.shared.sizingMode })
    if (!explanation) throw new UsageError(`cannot explain "${shown}": it has no usable scalping.balance_profiles`)
    list.push(explanation)
  }
  const render = { text: renderSizingText, markdown: renderSizingMarkdown, json: renderSizingJson }[flags.format]
  io.stdout(render(list))
  return 0
}
