// size-cap: USD caps and floors that silently replace the designed per-symbol size, with the balances where they bite.
import type Fraction from 'fraction.js'
import { formatUsd, ZERO } from '../model/decimal.js'
import { readSizingConfig, type NumField, type ProfileView, type SizingConfig } from '../model/sizing-config.js'
import {
  balancesWhereSize,
  formatIntervals,
  formatSizeRange,
  multiplierOf,
  sameIntervals,
  scaledSizeRange,
  selectProfile,
  sizeAt,
  sizedBalances,
  symbolSize,
  type Interval,
} from '../model/sizing.js'
import type { Rule } from '../types.js'
import { ruleBalances } from './balances.js'

export interface SizeCapOptions {
  /** Reference balances in USD; when set and non-empty they replace the shared ones (`--balance`, settings `balances`). */
  balances?: number[]
}

export type SizeCapMessageId = 'clippedAt' | 'raisedAt' | 'totalAt' | 'clippedEverywhere' | 'raisedEverywhere' | 'totalEverywhere'

/** One limit on a size: which way it binds, what to call it, where it stands. */
interface Limit {
  kind: 'cap' | 'floor'
  /** "small's max_position_usd", "max_size_limiter.max_single_size_usd". */
  name: string
  field: NumField
  /** Set for a profile's own limit: it binds only where that profile is selected. */
  profile?: ProfileView
}

/** The per-position limits: each profile's `max_position_usd` / `min_position_usd`, then the limiter's single cap. */
function positionLimits(cfg: SizingConfig): Limit[] {
  const out: Limit[] = []
  for (const profile of cfg.profiles) {
    if (profile.maxPositionUsd) out.push({ kind: 'cap', name: `${profile.name}'s max_position_usd`, field: profile.maxPositionUsd, profile })
    if (profile.minPositionUsd) out.push({ kind: 'floor', name: `${profile.name}'s min_position_usd`, field: profile.minPositionUsd, profile })
  }
  const single = cfg.limiter.maxSingleSizeUsd
  if (single) out.push({ kind: 'cap', name: 'max_size_limiter.max_single_size_usd', field: single })
  // A limit of zero or less is the schema rule's finding; here it would only repeat it for every symbol.
  return out.filter((limit) => limit.field.value.gt(ZERO))
}

function binds(limit: Limit, size: Fraction): boolean {
  return limit.kind === 'cap' ? size.gt(limit.field.value) : size.lt(limit.field.value)
}

/** Balances where `mult` times the base size is beyond the limit (within the limit's profile, if it has one). */
function bindingSet(cfg: SizingConfig, limit: Limit, mult: Fraction): Interval[] {
  return balancesWhereSize(cfg, mult, limit.kind === 'cap' ? 'above' : 'below', limit.field.value, limit.profile)
}

/** Binding wherever the limit applies at all: every balance that its profile (or any profile) sizes. */
function bindsEverywhere(cfg: SizingConfig, limit: Limit, where: readonly Interval[]): boolean {
  return where.length > 0 && sameIntervals(where, sizedBalances(cfg, limit.profile))
}

/** The traded symbols, each once, in `scalping.symbols` order. */
function tradedSymbols(cfg: SizingConfig): string[] {
  return [...new Set(cfg.symbols)]
}

export const sizeCap: Rule<SizeCapOptions, SizeCapMessageId> = {
  meta: {
    id: 'size-cap',
    description: 'USD caps and floors (max/min_position_usd, max_size_limiter) that silently replace the designed size, with the balances where they bite',
    defaultSeverity: 'warn',
    fixable: false,
    schema: {
      type: 'object',
      properties: {
        balances: { type: 'array', items: { type: 'number', minimum: 0 } },
      },
      additionalProperties: false,
    },
    // No defaults: an unset `balances` falls back to the shared balances.
    defaultOptions: {},
    messages: {
      clippedAt:
        '{{symbol}} size {{size}} at balance {{balance}} is above {{name}} {{limit}}, so the designed size cannot apply; the cap binds for balances {{where}}',
      raisedAt:
        '{{symbol}} size {{size}} at balance {{balance}} is below {{name}} {{limit}}, so the designed size cannot apply; the floor binds for balances {{where}}',
      totalAt:
        'with one position per traded symbol ({{count}}) open at balance {{balance}}, the total notional {{total}} is over {{name}} {{limit}}, so they cannot all open at their designed size; the cap binds for balances {{where}}',
      clippedEverywhere: '{{name}} {{limit}} is below the size of {{symbol}} at every balance {{scope}} (the size {{range}}): the designed size never applies',
      raisedEverywhere: '{{name}} {{limit}} is above the size of {{symbol}} at every balance {{scope}} (the size {{range}}): the designed size never applies',
      totalEverywhere:
        '{{name}} {{limit}} is below the total notional of one position per traded symbol ({{count}}) at every balance (the total {{range}}): they can never all open at their designed size',
    },
  },

  *check(ctx) {
    const cfg = readSizingConfig(ctx.data, { mode: ctx.shared.sizingMode })
    if (cfg.profiles.length === 0) return
    const balances = ruleBalances(ctx.options.balances, ctx.shared.balances)
    const symbols = tradedSymbols(cfg)

    for (const limit of positionLimits(cfg)) {
      const limitText = formatUsd(limit.field.value)
      for (const symbol of symbols) {
        const mult = multiplierOf(cfg, symbol)
        const where = bindingSet(cfg, limit, mult)
        if (where.length === 0) continue
        const data = { symbol, name: limit.name, limit: limitText }
        if (bindsEverywhere(cfg, limit, where)) {
          const scope = limit.profile ? `that selects ${limit.profile.name}` : 'where a profile defines the size'
          const range = formatSizeRange(scaledSizeRange(cfg, mult, limit.profile)!)
          yield { path: limit.field.path, messageId: limit.kind === 'cap' ? 'clippedEverywhere' : 'raisedEverywhere', data: { ...data, scope, range } }
          continue
        }
        for (const b of balances) {
          if (limit.profile && selectProfile(cfg, b) !== limit.profile) continue
          const size = symbolSize(cfg, symbol, b)
          if (size === undefined || !binds(limit, size)) continue
          yield {
            path: limit.field.path,
            messageId: limit.kind === 'cap' ? 'clippedAt' : 'raisedAt',
            data: { ...data, size: formatUsd(size), balance: formatUsd(b), where: formatIntervals(where) },
          }
        }
      }
    }

    const total = cfg.limiter.maxTotalSizeUsd
    if (!total || !total.value.gt(ZERO) || symbols.length === 0) return
    // Every position open at once: the base size times the sum of the symbols' multipliers.
    const sumMult = symbols.reduce((acc, symbol) => acc.add(multiplierOf(cfg, symbol)), ZERO)
    const limit: Limit = { kind: 'cap', name: 'max_size_limiter.max_total_size_usd', field: total }
    const where = bindingSet(cfg, limit, sumMult)
    if (where.length === 0) return
    const data = { name: limit.name, limit: formatUsd(total.value), count: symbols.length }
    if (bindsEverywhere(cfg, limit, where)) {
      yield { path: total.path, messageId: 'totalEverywhere', data: { ...data, range: formatSizeRange(scaledSizeRange(cfg, sumMult)!) } }
      return
    }
    for (const b of balances) {
      const sum = sizeAt(cfg, b)?.mul(sumMult)
      if (sum === undefined || !sum.gt(total.value)) continue
      yield { path: total.path, messageId: 'totalAt', data: { ...data, balance: formatUsd(b), total: formatUsd(sum), where: formatIntervals(where) } }
    }
  },
}
