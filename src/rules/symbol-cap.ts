// symbol-cap: per-symbol, per-regime position caps that pin the traded size over whole profiles, or sit under the floor.
import { formatIntervals } from '../model/interval.js'
import { formatUsd } from '../model/decimal.js'
import { pipelineContext } from '../model/pipeline.js'
import { REGIMES } from '../model/sizing-config.js'
import { pinnedProfiles } from '../model/traded-analysis.js'
import { listOf } from '../text/plural.js'
import type { Report, Rule } from '../types.js'

export type SymbolCapMessageId = 'pinned' | 'belowFloor'

export const symbolCap: Rule<Record<string, never>, SymbolCapMessageId> = {
  meta: {
    id: 'symbol-cap',
    description: "A symbol's per-regime max_position_usd that fixes the traded size over whole balance profiles, or lies below the floor",
    defaultSeverity: 'warn',
    fixable: false,
    schema: { type: 'object', additionalProperties: false },
    defaultOptions: {},
    messages: {
      pinned:
        '{{symbol}} {{regime}} max_position_usd {{cap}} fixes the traded size at {{traded}} at every balance that selects {{profiles}} ({{where}}): the ladder and the multipliers change nothing there',
      belowFloor:
        '{{symbol}} {{regime}} max_position_usd {{cap}} is below the floor {{floor}} of {{profiles}}: the bot raises the cap to the floor and trades {{floor}} there',
    },
  },

  *check(ctx) {
    const pc = pipelineContext(ctx.data, ctx.shared.bot ?? 'auto')
    if (pc.bot.profiles.length === 0) return
    const traded = new Set(pc.sizing.symbols.length > 0 ? pc.sizing.symbols : [...pc.bot.symbolRegimes.keys()])
    for (const [symbol, regimes] of pc.bot.symbolRegimes) {
      if (!traded.has(symbol)) continue
      for (const regime of REGIMES) {
        const cap = regimes.get(regime)?.position.maxPositionUsd
        if (!cap) continue
        const k = pc.sem.haircut ? cap.value.mul(19).div(20) : cap.value
        // Only where this cap is what holds the size: a profile cap or a floor pinning it is another rule's finding.
        const pinned = pinnedProfiles(pc, symbol, regime).filter((p) => p.value.equals(k) || p.value.equals(cap.value))
        if (pinned.length > 0) {
          const report: Report<SymbolCapMessageId> = {
            path: cap.path,
            messageId: 'pinned',
            data: {
              symbol,
              regime,
              cap: formatUsd(cap.value),
              traded: formatUsd(pinned[0]!.value),
              profiles: listOf(pinned.map((p) => p.profile)),
              where: formatIntervals(pinned.map((p) => p.interval)),
            },
          }
          yield report
        }
        if (pc.sem.symbolCap !== 'min-raised-to-floor') continue
        const symMin = regimes.get(regime)?.position.minPositionUsd?.value
        const under = pc.bot.profiles.filter((p) => {
          const floor = symMin && symMin.gt(p.minPositionUsd.value) ? symMin : p.minPositionUsd.value
          return cap.value.lt(floor)
        })
        if (under.length > 0) {
          const floor = under[0]!.minPositionUsd.value
          yield {
            path: cap.path,
            messageId: 'belowFloor',
            data: {
              symbol,
              regime,
              cap: formatUsd(cap.value),
              floor: formatUsd(symMin && symMin.gt(floor) ? symMin : floor),
              profiles: listOf(under.map((p) => p.name)),
            },
          }
        }
      }
    }
  },
}
