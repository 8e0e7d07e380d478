// Reads the one config a reporting command works on (explain, chart): the bytes, their UTF-8 text and the parse, or one clear UsageError line.
import path from 'node:path'
import { decodeUtf8 } from '../engine/decode.js'
import { readTarget, UsageError } from '../engine/file-io.js'
import { parseConfig, type ParsedConfig } from '../engine/parse.js'
import { interpolate, rangeOf } from '../engine/report.js'
import { DEFAULT_TARGET } from '../engine/targets.js'
import { yamlSyntax } from '../rules/yaml-syntax.js'

/** A config read for a command: its absolute path, the path as the user gave it, its text and its parse (never fatal). */
export interface CommandConfig {
  readonly target: string
  readonly shown: string
  readonly text: string
  readonly parsed: ParsedConfig
}

/**
 * Reads `file` (default config/config_futures.yaml) relative to `cwd`, within `maxBytes`. Not UTF-8, or a fatal YAML
 * problem, is a UsageError "cannot <verb> "<file>": ..." naming the position.
 */
export async function readCommandConfig(verb: string, cwd: string, file: string | undefined, maxBytes?: number): Promise<CommandConfig> {
  const target = path.resolve(cwd, file ?? DEFAULT_TARGET)
  const shown = file ?? DEFAULT_TARGET
  const decoded = decodeUtf8(await readTarget(target, shown, maxBytes))
  if (!decoded.ok) throw new UsageError(`cannot ${verb} "${shown}": it is not valid UTF-8`)
  const parsed = parseConfig(decoded.text)
  const fatal = parsed.syntax.find((s) => s.fatal)
  if (fatal) {
    const { start } = rangeOf(parsed.lineCounter, { start: fatal.start, end: fatal.end })
    const message = interpolate(yamlSyntax.meta.messages[fatal.messageId], fatal.data)
    throw new UsageError(`cannot ${verb} "${shown}": ${start.line}:${start.column} ${message}`)
  }
  return { target, shown, text: decoded.text, parsed }
}
