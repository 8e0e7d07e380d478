// profile-monotonicity: the base size never decreases as the balance grows, inside a profile or across a boundary, in every sizing mode.
import type Fraction from 'fraction.js'
import { formatNumber, formatUsd } from '../model/decimal.js'
import type { ProfileView } from '../model/sizing-config.js'
import { readSizingConfig } from '../model/sizing-config.js'
import { boundaries, discontinuities, intervalContains, leverageOf, profileShapes, selectProfile } from '../model/sizing.js'
import type { Report, Rule } from '../types.js'
import { ladderMoney } from './money.js'
import { sizingField } from './profile-continuity.js'
import { BOUNDARY_SUGGESTION_MESSAGES, boundarySuggestions, type BoundarySuggestionMessageId } from './boundary-suggestions.js'

export type ProfileMonotonicityMessageId = 'decreasingProfile' | 'decreasingPercent' | 'drop' | 'dropPercent' | 'dropInside' | BoundarySuggestionMessageId

/**
 * How one side of a boundary sizes, for the percent-mode message: "25%" for a percent profile, else the field
 * that gives the size and its value ("base_position_usd $360.00", "size_at_max $120.00", "ramp $87.50").
 */
function describeSide(p: ProfileView, size: Fraction): string {
  if (p.mode === 'percent' && p.maxPositionPercent) return `${formatNumber(p.maxPositionPercent.value)}%`
  if (p.mode === 'fixed') return `base_position_usd ${formatUsd(size)}`
  if (p.sizeAtMin?.value.equals(size)) return `size_at_min ${formatUsd(size)}`
  if (p.sizeAtMax?.value.equals(size)) return `size_at_max ${formatUsd(size)}`
  return `ramp ${formatUsd(size)}`
}

export const profileMonotonicity: Rule<Record<string, never>, ProfileMonotonicityMessageId> = {
  meta: {
    id: 'profile-monotonicity',
    description: 'The base position size never decreases as the balance grows: inside a profile or across a profile boundary, in every sizing mode',
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: true,
    schema: { type: 'object', additionalProperties: false },
    defaultOptions: {},
    messages: {
      decreasingProfile: "{{profile}}'s size falls as the balance grows: size_at_max {{sizeAtMax}} is below size_at_min {{sizeAtMin}}",
      decreasingPercent:
        "{{profile}}'s size falls as the balance grows: max_position_percent {{percent}}% at {{leverage}}x leverage is a negative share of the balance",
      drop: 'size drops from {{sizeAt}} to {{sizeAbove}} when the balance crosses {{at}} ({{left}} -> {{right}}){{money}}',
      dropPercent:
        'margin {{marginAt}} -> {{marginAbove}} at {{leverage}}x when the balance crosses {{at}} (notional {{sizeAt}} -> {{sizeAbove}}; {{left}} {{pctLeft}} -> {{right}} {{pctRight}}): the size drops as the balance grows{{money}}',
      dropInside: 'size drops from {{before}} to {{after}} at balance {{at}} inside {{profile}}',
      ...BOUNDARY_SUGGESTION_MESSAGES,
    },
  },

  *check(ctx): Generator<Report<ProfileMonotonicityMessageId>> {
    const cfg = readSizingConfig(ctx.data, { mode: ctx.shared?.sizingMode ?? 'auto' })
    if (cfg.profiles.length === 0) return
    const leverage = leverageOf(cfg)
    const ladder = boundaries(cfg)
    const drops = ladder.filter((b) => b.jump?.lt(0) && b.sizeAt && b.sizeAbove)
    // Balances (exact fraction text) whose drop a finding already names: one finding per drop.
    const named = new Set<string>(drops.map((b) => b.at.toFraction()))

    for (const shape of profileShapes(cfg)) {
      const p = shape.profile
      if (!shape.decreasing) continue
      if (p.mode === 'progressive' && p.minBalance && p.sizeAtMin && p.sizeAtMax) {
        const mb = p.minBalance.value
        if (shape.shape !== 'regular') {
          // A zero-width or inverted ramp falls all at once at min_balance. On a boundary, the boundary's drop is that fall.
          if (drops.some((b) => b.right === p && b.at.equals(mb))) continue
          const region = shape.region
          if (region && intervalContains(region, mb) && (region.hi === null || mb.lt(region.hi))) named.add(mb.toFraction())
        }
        yield {
          path: p.sizeAtMax.path,
          messageId: 'decreasingProfile',
          data: { profile: p.name, sizeAtMax: formatUsd(p.sizeAtMax.value), sizeAtMin: formatUsd(p.sizeAtMin.value) },
        }
      } else if (p.mode === 'percent' && p.maxPositionPercent) {
        const negativePercent = p.maxPositionPercent.value.lt(0)
        yield {
          path: negativePercent || !cfg.leverage ? p.maxPositionPercent.path : cfg.leverage.path,
          messageId: 'decreasingPercent',
          data: { profile: p.name, percent: formatNumber(p.maxPositionPercent.value), leverage: formatNumber(leverage) },
        }
      }
    }

    for (const b of drops) {
      const { left, right } = b
      const sizeAt = b.sizeAt!
      const sizeAbove = b.sizeAbove!
      const path = sizingField(right, b.at, 'above')
      const money = ladderMoney(ctx.data, ctx.shared, b.at, 'drop')
      const neutral = money.neutral ? { moneyNeutral: true as const } : {}
      const common = { at: formatUsd(b.at), left: left.name, right: right.name, sizeAt: formatUsd(sizeAt), sizeAbove: formatUsd(sizeAbove), money: money.text }
      if ((left.mode === 'percent' || right.mode === 'percent') && b.marginAt && b.marginAbove) {
        yield {
          ...neutral,
          path,
          messageId: 'dropPercent',
          suggest: boundarySuggestions(profileMonotonicity, ctx, ladder, ladder.indexOf(b), { messageId: 'dropPercent', path }),
          data: {
            ...common,
            marginAt: formatUsd(b.marginAt),
            marginAbove: formatUsd(b.marginAbove),
            leverage: formatNumber(leverage),
            pctLeft: describeSide(left, sizeAt),
            pctRight: describeSide(right, sizeAbove),
          },
        }
      } else {
        const suggest = boundarySuggestions(profileMonotonicity, ctx, ladder, ladder.indexOf(b), { messageId: 'drop', path })
        yield { ...neutral, path, messageId: 'drop', data: common, suggest }
      }
    }

    // A backstop over the model's discontinuities: a fall that no finding above names (none with today's model,
    // where every jump is at a boundary or at a zero-width or inverted ramp's min_balance).
    for (const d of discontinuities(cfg)) {
      if (named.has(d.at.toFraction())) continue
      const seq = [d.before, d.value, d.after].filter((v): v is Fraction => v !== undefined)
      let fall: [Fraction, Fraction] | undefined
      for (let i = 0; i < seq.length; i++) {
        for (let j = i + 1; j < seq.length; j++) {
          if (seq[j]!.lt(seq[i]!) && (!fall || seq[i]!.sub(seq[j]!).gt(fall[0].sub(fall[1])))) fall = [seq[i]!, seq[j]!]
        }
      }
      if (!fall) continue
      const profile = selectProfile(cfg, d.at)!
      yield {
        path: sizingField(profile, d.at, 'above'),
        messageId: 'dropInside',
        data: { before: formatUsd(fall[0]), after: formatUsd(fall[1]), at: formatUsd(d.at), profile: profile.name },
      }
    }
  },
}
