// symbol-coverage: symbol profiles the bot never reads (the symbol is not traded), and traded symbols a profiled config forgot.
import { own, readSizingConfig } from '../model/sizing-config.js'
import type { Rule } from '../types.js'
import { closest } from './suggest.js'

export interface SymbolCoverageOptions {
  /** Also report traded symbols without a profile (they trade at 1.0x), in a config that profiles some symbols. */
  requireProfiles?: boolean
}

export type SymbolCoverageMessageId = 'untraded' | 'unprofiled'

export const symbolCoverage: Rule<SymbolCoverageOptions, SymbolCoverageMessageId> = {
  meta: {
    id: 'symbol-coverage',
    description: 'Symbol profiles the bot never reads because scalping.symbols does not trade the symbol; optionally, traded symbols without a profile',
    defaultSeverity: 'warn',
    fixable: false,
    schema: { type: 'object', properties: { requireProfiles: { type: 'boolean' } }, additionalProperties: false },
    defaultOptions: { requireProfiles: false },
    messages: {
      untraded:
        'symbol_profiles has "{{symbol}}", which scalping.symbols does not trade: its position_multiplier and overrides are never used{{suggestion}}',
      unprofiled: '"{{symbol}}" is traded but has no entry in symbol_profiles: it trades at 1.0x, without overrides{{suggestion}}',
    },
  },

  *check(ctx) {
    const cfg = readSizingConfig(ctx.data, { mode: ctx.shared.sizingMode })
    // Without a symbol list the traded set is unknown; without profiles every symbol is meant to trade at 1.0x.
    if (cfg.symbols.length === 0 || cfg.symbolProfiles.length === 0) return
    const traded = new Set(cfg.symbols)
    const profiled = new Set(cfg.symbolProfiles.map((s) => s.symbol))
    const untraded = cfg.symbolProfiles.filter((s) => !traded.has(s.symbol))
    // Each traded symbol without a profile once, at its first place in the list (non-string entries are the schema's).
    const unprofiled = new Map<string, number>()
    tradedEntries(ctx.data).forEach((symbol, i) => {
      if (typeof symbol === 'string' && !profiled.has(symbol) && !unprofiled.has(symbol)) unprofiled.set(symbol, i)
    })
    // A near miss on the other side is most likely the same symbol misspelt: say which.
    const guess = (symbol: string, candidates: readonly string[]): string => {
      const near = closest(symbol, candidates)
      return near === undefined ? '' : ` (a misspelling of "${near}"?)`
    }

    for (const profile of untraded) {
      const suggestion = guess(profile.symbol, [...unprofiled.keys()])
      yield { path: profile.path, on: 'key', messageId: 'untraded', data: { symbol: profile.symbol, suggestion } }
    }
    if (!ctx.options.requireProfiles) return
    for (const [symbol, i] of unprofiled) {
      const suggestion = guess(symbol, untraded.map((s) => s.symbol))
      yield { path: `/scalping/symbols/${i}`, messageId: 'unprofiled', data: { symbol, suggestion } }
    }
  },
}

/** `scalping.symbols` as written, entries of any type, so that an index is the entry's place in the YAML list. */
function tradedEntries(data: unknown): unknown[] {
  const symbols = own(own(data, 'scalping'), 'symbols')
  return Array.isArray(symbols) ? symbols : []
}
