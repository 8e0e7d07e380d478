// ladder-alignment: other balance ladders whose tiers share a name with a balance profile but end at another balance.
import { formatUsd, q } from '../model/decimal.js'
import { escapePointerToken } from '../model/json-pointer.js'
import { isDict, own, readSizingConfig } from '../model/sizing-config.js'
import type { Rule } from '../types.js'

export type LadderAlignmentMessageId = 'thresholdMismatch'

/** A ladder of tiers keyed by the profile names, each ending at a balance: where it lives and which key holds the end. */
interface Ladder {
  /** Keys from the root to the mapping of tiers. */
  path: readonly string[]
  /** The key in each tier that holds the balance (USD) where the tier ends, inclusive. */
  thresholdKey: string
}

/** The ladders the bot selects by balance next to `scalping.balance_profiles`. */
const LADDERS: readonly Ladder[] = [{ path: ['risk', 'adaptive_minimums'], thresholdKey: 'balance_threshold' }]

export const ladderAlignment: Rule<Record<string, never>, LadderAlignmentMessageId> = {
  meta: {
    id: 'ladder-alignment',
    description: 'Tiers of other balance ladders (risk.adaptive_minimums) that share a name with a balance profile but end at another balance',
    // Off by default: the futures bot never reads risk.adaptive_minimums (only its spot code does); dead-key says so.
    defaultSeverity: 'off',
    fixable: false,
    schema: { type: 'object', additionalProperties: false },
    defaultOptions: {},
    messages: {
      thresholdMismatch:
        '{{ladder}}.{{tier}} ends at {{end}}, but balance_profiles.{{tier}} ends at {{profileEnd}}: the same tier name covers different balances',
    },
  },

  *check(ctx) {
    const cfg = readSizingConfig(ctx.data, { mode: ctx.shared.sizingMode })
    if (cfg.profiles.length === 0) return
    // A name used twice in balance_profiles is not possible after parsing (the last duplicate wins), so one per name.
    const profileEnd = new Map(cfg.profiles.map((p) => [p.name, p.threshold!.value]))
    for (const ladder of LADDERS) {
      const tiers = ladder.path.reduce<unknown>((node, key) => own(node, key), ctx.data)
      if (!isDict(tiers)) continue
      for (const tier of Object.keys(tiers)) {
        const raw = own(own(tiers, tier), ladder.thresholdKey)
        const theirs = profileEnd.get(tier)
        if (theirs === undefined || typeof raw !== 'number' || !Number.isFinite(raw)) continue
        const end = q(raw)
        if (end.equals(theirs)) continue
        yield {
          path: `/${[...ladder.path, tier, ladder.thresholdKey].map(escapePointerToken).join('/')}`,
          messageId: 'thresholdMismatch',
          data: { ladder: ladder.path.join('.'), tier, end: formatUsd(end), profileEnd: formatUsd(theirs) },
        }
      }
    }
  },
}
