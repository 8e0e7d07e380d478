// stale-override: per-regime `base_position_usd` overrides the bot's rule of the era ignores, at the reference balances or at every balance.
import type Fraction from 'fraction.js'
import { formatExcessDeviation, formatTolerance, formatUsd, HUNDRED, q } from '../model/decimal.js'
import { formatIntervals } from '../model/interval.js'
import { pipelineContext, type PipelineContext } from '../model/pipeline.js'
import { plAt, plRange } from '../model/pl.js'
import { formatSizeRange } from '../model/size-function.js'
import type { Regime } from '../model/sizing-config.js'
import { BOT_TOLERANCE, isLiveUnder, overrideView } from '../model/traded-analysis.js'
import { tradedAt, tradedCurve } from '../model/traded.js'
import type { Report, Rule } from '../types.js'
import { ruleBalances } from './balances.js'
import { OVERRIDE_SUGGESTION_MESSAGES, overrideSuggestions, type OverrideSuggestionMessageId } from './override-suggestions.js'

export interface StaleOverrideOptions {
  /** Reference balances in USD; when set and non-empty they replace the shared ones (`--balance`, settings `balances`). */
  balances?: number[]
  /** Tolerance as a ratio (0.5 = 50%); unset means the bot's literal 0.5 (its code never reads a tolerance key). */
  tolerance?: number
}

export type StaleOverrideMessageId = 'ignoredAt' | 'ignoredBelow' | 'ignoredAbove' | 'neverLive' | OverrideSuggestionMessageId

/** What honouring the override would change: the traded notional with the override always used, against the bot's. */
function moneyAt(pc: PipelineContext, symbol: string, regime: Regime, b: Fraction): { neutral: boolean; traded: Fraction; noTrade: boolean } {
  const actual = tradedAt(pc, symbol, regime, b)
  const asked = tradedAt(pc, symbol, regime, b, undefined, { override: 'force' })
  return { neutral: actual.notional.equals(asked.notional), traded: actual.notional, noTrade: actual.noTrade !== undefined && asked.noTrade !== undefined }
}

/** The same over every balance: equal curves mean no balance where the override would change a trade. */
function neutralEverywhere(pc: PipelineContext, symbol: string, regime: Regime): boolean {
  const a = tradedCurve(pc, symbol, regime)
  const f = tradedCurve(pc, symbol, regime, undefined, 'force')
  // Compare at every piece end and inside every piece of either curve: two piecewise-linear functions that agree there agree everywhere.
  const probes: Fraction[] = []
  for (const p of [...a, ...f]) {
    probes.push(p.interval.lo)
    if (p.interval.hi !== null) probes.push(p.interval.hi, p.interval.lo.add(p.interval.hi).div(2))
    else probes.push(p.interval.lo.add(1), p.interval.lo.mul(2).add(1))
  }
  return probes.every((b) => {
    const x = plAt(a, b)
    const y = plAt(f, b)
    return x === undefined ? y === undefined : y !== undefined && x.equals(y)
  })
}

export const staleOverride: Rule<StaleOverrideOptions, StaleOverrideMessageId> = {
  meta: {
    id: 'stale-override',
    description: "Per-regime base_position_usd overrides the bot's rule of the era ignores, with the exact balances where each is live",
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: true,
    schema: {
      type: 'object',
      properties: {
        balances: { type: 'array', items: { type: 'number', minimum: 0 } },
        tolerance: { type: 'number', minimum: 0, maximum: 10 },
      },
      additionalProperties: false,
    },
    // No defaults: an unset `balances` falls back to the shared balances, an unset `tolerance` to the bot's 0.5.
    defaultOptions: {},
    messages: {
      ignoredAt:
        '{{symbol}} {{regime}} override {{value}} is ignored at balance {{balance}}: per-symbol size {{size}} deviates {{deviation}} (> {{tolerance}}); it is live only for balances {{live}}{{money}}',
      ignoredBelow:
        '{{symbol}} {{regime}} override {{value}} is ignored at balance {{balance}}: it is below the per-symbol size {{size}}, and the bot uses an override only to raise the size (by at most {{tolerance}}); it is live only for balances {{live}}{{money}}',
      ignoredAbove:
        '{{symbol}} {{regime}} override {{value}} is ignored at balance {{balance}}: it is {{deviation}} above the per-symbol size {{size}} (> {{tolerance}}); it is live only for balances {{live}}{{money}}',
      neverLive:
        '{{symbol}} {{regime}} override {{value}} is never used: {{why}} at every balance (the size {{range}}){{money}}',
      ...OVERRIDE_SUGGESTION_MESSAGES,
    },
  },

  *check(ctx) {
    const pc = pipelineContext(ctx.data, ctx.shared.bot ?? 'auto')
    if (pc.bot.profiles.length === 0) return
    const rule = pc.sem.override
    const tol = ctx.options.tolerance !== undefined ? q(ctx.options.tolerance) : BOT_TOLERANCE
    const balances = ruleBalances(ctx.options.balances, ctx.shared.balances)
    const tolerance = formatTolerance(tol)
    const neutralText = ({ traded, noTrade }: { traded: Fraction; noTrade: boolean }): string =>
      noTrade
        ? '; it changes nothing traded: the bot trades nothing there with it or without it (no-trade says why)'
        : `; it changes nothing traded: the bot trades ${formatUsd(traded)} with it or without it`

    for (const [symbol, regimes] of pc.bot.symbolRegimes) {
      for (const [regime, view] of regimes) {
        const field = view.position.basePositionUsd
        if (!field) continue
        const o = field.value
        // The size the bot compares the override with: after the symbol's multiplier, at the reference market's leverage.
        const { sized, live } = overrideView(pc, symbol, regime, o, tol)
        const range = plRange(sized)
        if (!range) continue
        const label = { symbol, regime, value: formatUsd(o), tolerance }
        // The finding the rule gives an override of `value` at balance `b`, if any: what a suggestion may not add.
        const messageAt = (value: Fraction, b: Fraction): StaleOverrideMessageId | undefined => {
          const s = plAt(sized, b)
          if (s === undefined || isLiveUnder(value, s, tol, rule)) return undefined
          return rule === 'symmetric' ? 'ignoredAt' : value.lt(s) ? 'ignoredBelow' : 'ignoredAbove'
        }
        const suggest = (at?: Fraction) =>
          overrideSuggestions({ path: field.path, value: o, sizeAt: (b) => plAt(sized, b), messageAt, balances, data: ctx.data, ...(at ? { at } : {}) })
        if (live.length === 0) {
          const neutral = neutralEverywhere(pc, symbol, regime)
          const why = rule === 'asymmetric' ? `it is below the size, or more than ${tolerance} above it,` : `it is more than ${tolerance} away from the per-symbol size`
          const report: Report<StaleOverrideMessageId> = {
            path: field.path,
            messageId: 'neverLive',
            data: { ...label, why, range: formatSizeRange(range), money: neutral ? '; honouring it would change no trade' : '' },
            ...(neutral ? { moneyNeutral: true as const } : {}),
            suggest: suggest(),
          }
          yield report
          continue
        }
        let liveText: string | undefined
        for (const b of balances) {
          const s = plAt(sized, b)
          const messageId = messageAt(o, b)
          if (s === undefined || messageId === undefined) continue
          liveText ??= formatIntervals(live)
          const money = moneyAt(pc, symbol, regime, b)
          const deviation = s.gt(0) ? formatExcessDeviation(o.sub(s).abs().div(s), tol) : 'without bound'
          const report: Report<StaleOverrideMessageId> = {
            path: field.path,
            messageId,
            data: { ...label, balance: formatUsd(b), size: formatUsd(s), deviation, live: liveText, money: money.neutral ? neutralText(money) : '' },
            ...(money.neutral ? { moneyNeutral: true as const } : {}),
            suggest: suggest(b),
          }
          yield report
        }
      }
    }
  },
}

/** The tolerance a percentage of the config would mean (for docs and tests): 50 -> 0.5. */
export function toleranceFromPercent(percent: number): Fraction {
  return q(percent).div(HUNDRED)
}
