// stale-override: per-regime `base_position_usd` overrides the bot silently ignores, at the reference balances or at every balance.
import { formatExcessDeviation, formatTolerance, formatUsd, q } from '../model/decimal.js'
import { readSizingConfig, type OverrideView, type SizingConfig } from '../model/sizing-config.js'
import { formatIntervals, formatSizeRange, isOverrideLive, overrideEverLive, overrideLiveSet, sizeRange, symbolSize } from '../model/sizing.js'
import { ruleBalances } from './balances.js'
import type { Rule } from '../types.js'

export interface StaleOverrideOptions {
  /** Reference balances in USD; when set and non-empty they replace the shared ones (`--balance`, settings `balances`). */
  balances?: number[]
  /** Tolerance as a ratio (0.5 = 50%); unset means the config's `risk.base.position_override_tolerance_percent / 100`, else 0.5. */
  tolerance?: number
}

export type StaleOverrideMessageId = 'ignoredAt' | 'neverLive'

function label(o: OverrideView): { symbol: string; regime: string; value: string } {
  return { symbol: o.symbol, regime: o.regime, value: formatUsd(o.value.value) }
}

export const staleOverride: Rule<StaleOverrideOptions, StaleOverrideMessageId> = {
  meta: {
    id: 'stale-override',
    description: 'Per-regime base_position_usd overrides the bot ignores (more than the tolerance away from the per-symbol size)',
    defaultSeverity: 'error',
    fixable: false,
    schema: {
      type: 'object',
      properties: {
        balances: { type: 'array', items: { type: 'number', minimum: 0 } },
        tolerance: { type: 'number', minimum: 0, maximum: 10 },
      },
      additionalProperties: false,
    },
    // No defaults: an unset `balances` falls back to the shared balances, an unset `tolerance` to the config's own.
    defaultOptions: {},
    messages: {
      ignoredAt:
        '{{symbol}} {{regime}} override {{value}} is ignored at balance {{balance}}: per-symbol size {{size}} deviates {{deviation}} (> {{tolerance}}); it is live only for balances {{live}}',
      neverLive:
        '{{symbol}} {{regime}} override {{value}} is never used: it is more than {{tolerance}} away from the per-symbol size at every balance (the size {{range}})',
    },
  },

  *check(ctx) {
    const cfg: SizingConfig = readSizingConfig(ctx.data, { mode: ctx.shared.sizingMode })
    const tol = ctx.options.tolerance !== undefined ? q(ctx.options.tolerance) : cfg.tolerance.value
    const balances = ruleBalances(ctx.options.balances, ctx.shared.balances)
    const tolerance = formatTolerance(tol)

    for (const symbolView of cfg.symbolProfiles) {
      const range = sizeRange(cfg, symbolView.symbol)
      // Nothing defines a size for this symbol at any balance: there is no size to compare an override with.
      if (!range) continue
      for (const o of symbolView.overrides) {
        if (!overrideEverLive(cfg, o.symbol, o.value.value, tol)) {
          yield { path: o.value.path, messageId: 'neverLive', data: { ...label(o), tolerance, range: formatSizeRange(range) } }
          continue
        }
        // The exact live set is only needed to word a finding; most overrides have none.
        let live: string | undefined
        for (const b of balances) {
          const s = symbolSize(cfg, o.symbol, b)
          if (s === undefined || isOverrideLive(o.value.value, s, tol)) continue
          const deviation = s.gt(0) ? formatExcessDeviation(o.value.value.sub(s).abs().div(s), tol) : 'without bound'
          live ??= formatIntervals(overrideLiveSet(cfg, o.symbol, o.value.value, tol))
          yield {
            path: o.value.path,
            messageId: 'ignoredAt',
            data: { ...label(o), balance: formatUsd(b), size: formatUsd(s), deviation, tolerance, live },
          }
        }
      }
    }
  },
}
