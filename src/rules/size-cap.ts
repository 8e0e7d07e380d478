// size-cap: USD caps and floors that silently replace the designed per-symbol size, with the balances where they bite.
import type Fraction from 'fraction.js'
import { formatUsd, ONE, ZERO } from '../model/decimal.js'
import { readSizingConfig, type NumField, type ProfileView, type SizingConfig } from '../model/sizing-config.js'
import {
  balancesWhereSize,
  formatIntervals,
  formatSizeRange,
  multiplierOf,
  scaledSizeRange,
  selectProfile,
  sizeAt,
  type Interval,
  type SizeRange,
} from '../model/sizing.js'
import type { Rule } from '../types.js'
import { ruleBalances } from './balances.js'

export interface SizeCapOptions {
  /** Reference balances in USD; when set and non-empty they replace the shared ones (`--balance`, settings `balances`). */
  balances?: number[]
  /**
   * Also check futures_modules.max_size_limiter (default false): the bot never reads those keys (its limiter starts
   * from fixed values and each sizing call overwrites them), so dead-key reports them instead.
   */
  limiter?: boolean
}

export type SizeCapMessageId = 'clippedAt' | 'raisedAt' | 'totalAt' | 'clippedEverywhere' | 'raisedEverywhere' | 'totalEverywhere'

/** One limit on a size: which way it binds, what to call it, where it stands. */
export interface Limit {
  kind: 'cap' | 'floor'
  /** "small's max_position_usd", "max_size_limiter.max_single_size_usd". */
  name: string
  field: NumField
  /** Set for a profile's own limit: it binds only where that profile is selected. */
  profile?: ProfileView
}

/** The per-position limits: each profile's `max_position_usd` / `min_position_usd`, then the limiter's single cap (the chart draws the same). */
export function positionLimits(cfg: SizingConfig, limiter: boolean): Limit[] {
  const out: Limit[] = []
  for (const profile of cfg.profiles) {
    if (profile.maxPositionUsd) out.push({ kind: 'cap', name: `${profile.name}'s max_position_usd`, field: profile.maxPositionUsd, profile })
    if (profile.minPositionUsd) out.push({ kind: 'floor', name: `${profile.name}'s min_position_usd`, field: profile.minPositionUsd, profile })
  }
  const single = limiter ? cfg.limiter.maxSingleSizeUsd : undefined
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

/** True when `limit` binds at every balance of a size whose bounds are `range`: the whole range lies beyond it. */
function beyondEverywhere(limit: Limit, range: SizeRange): boolean {
  const v = limit.field.value
  if (limit.kind === 'cap') return range.min !== null && (range.min.gt(v) || (range.min.equals(v) && !range.minAttained))
  return range.max !== null && (range.max.lt(v) || (range.max.equals(v) && !range.maxAttained))
}

/** A reference balance with what the sizing model gives there, computed once for every limit and symbol. */
interface Reference {
  balance: Fraction
  profile: ProfileView | undefined
  base: Fraction | undefined
}

type Verdict = { everywhere: true; range: SizeRange } | { everywhere: false; hits: { balance: Fraction; size: Fraction }[] }

/**
 * Which multipliers `m > 0` make `m * x` bind against a limit (x: a base size, or a bound of the base size whose
 * `attained` says whether the size reaches it): none, all, or those beyond `at = limit / x`, `at` itself too when
 * `inclusive`. Deciding with one comparison per symbol keeps configs with hundreds of symbols cheap.
 */
type Critical = { kind: 'never' } | { kind: 'always' } | { kind: 'beyond'; at: Fraction; atNumber: number; inclusive: boolean }

function critical(limit: Limit, x: Fraction | null, attained: boolean): Critical {
  if (x === null) return { kind: 'never' }
  // The limit is positive: m * x <= 0 is below every cap and every floor.
  if (!x.gt(ZERO)) return { kind: limit.kind === 'cap' ? 'never' : 'always' }
  const at = limit.field.value.div(x)
  return { kind: 'beyond', at, atNumber: at.valueOf(), inclusive: !attained }
}

/** a.compare(b), from the floating-point values when they are far enough apart to decide it, else exactly. */
function compareFast(a: Fraction, aNumber: number, b: Fraction, bNumber: number): number {
  const scale = Math.max(Math.abs(aNumber), Math.abs(bNumber))
  const d = aNumber - bNumber
  if (Number.isFinite(d) && scale > 1e-290 && Math.abs(d) > 1e-9 * scale) return d > 0 ? 1 : -1
  return a.compare(b)
}

function bindsFor(limit: Limit, c: Critical, mult: Fraction, multNumber: number): boolean {
  if (c.kind !== 'beyond') return c.kind === 'always'
  const cmp = compareFast(mult, multNumber, c.at, c.atNumber)
  return (limit.kind === 'cap' ? cmp > 0 : cmp < 0) || (cmp === 0 && c.inclusive)
}

/** A limit's test, prepared once for all symbols: where it applies, its everywhere test and one test per reference balance. */
interface Plan {
  limit: Limit
  /** The base size's bounds where the limit applies. */
  baseRange: SizeRange
  everywhere: Critical
  refs: { ref: Reference; critical: Critical }[]
}

function plan(limit: Limit, baseRange: SizeRange, refs: readonly Reference[]): Plan {
  const bound = limit.kind === 'cap' ? baseRange.min : baseRange.max
  const attained = limit.kind === 'cap' ? baseRange.minAttained : baseRange.maxAttained
  const applies = (ref: Reference): ref is Reference & { base: Fraction } =>
    ref.base !== undefined && (limit.profile === undefined || ref.profile === limit.profile)
  return {
    limit,
    baseRange,
    everywhere: critical(limit, bound, attained),
    refs: refs.filter(applies).map((ref) => ({ ref, critical: critical(limit, ref.base, true) })),
  }
}

/** How the planned limit treats `mult` times the base size: beyond it at every balance where it applies, or at which reference balances. */
function assess(cfg: SizingConfig, p: Plan, mult: Fraction, multNumber: number): Verdict {
  const { limit, baseRange } = p
  if (mult.gt(ZERO)) {
    if (bindsFor(limit, p.everywhere, mult, multNumber)) {
      const scale = (x: Fraction | null): Fraction | null => (x === null ? null : x.mul(mult))
      return { everywhere: true, range: { ...baseRange, min: scale(baseRange.min), max: scale(baseRange.max) } }
    }
    const hits = p.refs.filter(({ critical: c }) => bindsFor(limit, c, mult, multNumber)).map(({ ref }) => ({ balance: ref.balance, size: ref.base!.mul(mult) }))
    return { everywhere: false, hits }
  }
  // A multiplier of zero or less (a schema finding of its own): the size's shape flips, so evaluate it directly.
  const range = scaledSizeRange(cfg, mult, limit.profile)
  if (range && beyondEverywhere(limit, range)) return { everywhere: true, range }
  const hits = p.refs.map(({ ref }) => ({ balance: ref.balance, size: ref.base!.mul(mult) })).filter(({ size }) => binds(limit, size))
  return { everywhere: false, hits }
}

/** The traded symbols, each once, in `scalping.symbols` order. */
function tradedSymbols(cfg: SizingConfig): string[] {
  return [...new Set(cfg.symbols)]
}

export const sizeCap: Rule<SizeCapOptions, SizeCapMessageId> = {
  meta: {
    id: 'size-cap',
    description: "USD caps and floors (a profile's max/min_position_usd) that silently replace the designed size, with the balances where they bite",
    defaultSeverity: 'warn',
    fixable: false,
    schema: {
      type: 'object',
      properties: {
        balances: { type: 'array', items: { type: 'number', minimum: 0 } },
        limiter: { type: 'boolean', description: 'Also check futures_modules.max_size_limiter, which the bot never reads (default false).' },
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
    const refs: Reference[] = ruleBalances(ctx.options.balances, ctx.shared.balances).map((balance) => ({
      balance,
      profile: selectProfile(cfg, balance),
      base: sizeAt(cfg, balance),
    }))
    const symbols = tradedSymbols(cfg)

    const mults = symbols.map((symbol) => {
      const mult = multiplierOf(cfg, symbol)
      return { symbol, mult, multNumber: mult.valueOf() }
    })

    for (const limit of positionLimits(cfg, ctx.options.limiter === true)) {
      const baseRange = scaledSizeRange(cfg, ONE, limit.profile)
      if (!baseRange) continue
      const p = plan(limit, baseRange, refs)
      const common = { name: limit.name, limit: formatUsd(limit.field.value) }
      for (const { symbol, mult, multNumber } of mults) {
        const verdict = assess(cfg, p, mult, multNumber)
        if (verdict.everywhere) {
          const scope = limit.profile ? `that selects ${limit.profile.name}` : 'where a profile defines the size'
          const data = { ...common, symbol, scope, range: formatSizeRange(verdict.range) }
          yield { path: limit.field.path, messageId: limit.kind === 'cap' ? 'clippedEverywhere' : 'raisedEverywhere', data }
          continue
        }
        if (verdict.hits.length === 0) continue
        const where = formatIntervals(bindingSet(cfg, limit, mult))
        for (const { balance, size } of verdict.hits) {
          const data = { ...common, symbol, size: formatUsd(size), balance: formatUsd(balance), where }
          yield { path: limit.field.path, messageId: limit.kind === 'cap' ? 'clippedAt' : 'raisedAt', data }
        }
      }
    }

    const total = ctx.options.limiter === true ? cfg.limiter.maxTotalSizeUsd : undefined
    if (!total || !total.value.gt(ZERO) || symbols.length === 0) return
    // Every position open at once: the base size times the sum of the symbols' multipliers.
    const sumMult = symbols.reduce((acc, symbol) => acc.add(multiplierOf(cfg, symbol)), ZERO)
    const limit: Limit = { kind: 'cap', name: 'max_size_limiter.max_total_size_usd', field: total }
    const baseRange = scaledSizeRange(cfg, ONE)
    if (!baseRange) return
    const common = { name: limit.name, limit: formatUsd(total.value), count: symbols.length }
    const verdict = assess(cfg, plan(limit, baseRange, refs), sumMult, sumMult.valueOf())
    if (verdict.everywhere) {
      yield { path: total.path, messageId: 'totalEverywhere', data: { ...common, range: formatSizeRange(verdict.range) } }
      return
    }
    if (verdict.hits.length === 0) return
    const where = formatIntervals(bindingSet(cfg, limit, sumMult))
    for (const { balance, size } of verdict.hits) {
      yield { path: total.path, messageId: 'totalAt', data: { ...common, balance: formatUsd(balance), total: formatUsd(size), where } }
    }
  },
}
