// profile-continuity: the balance profiles tile the balance axis, and the size does not jump where a progressive profile is involved.
import type Fraction from 'fraction.js'
import { formatNumber, formatSignedUsd, formatUsd, q } from '../model/decimal.js'
import type { ProfileView } from '../model/sizing-config.js'
import { readSizingConfig } from '../model/sizing-config.js'
import { boundaries, profileShapes } from '../model/sizing.js'
import type { Report, Rule } from '../types.js'
import { ladderMoney } from './money.js'
import { BOUNDARY_SUGGESTION_MESSAGES, boundarySuggestions, type BoundarySuggestionMessageId } from './boundary-suggestions.js'

export interface ProfileContinuityOptions {
  /** Largest size jump (USD notional) still taken as continuous. */
  tolerance: number
  /** Which boundaries must be continuous: those touching a progressive profile, or every one. */
  steps: 'progressive' | 'all'
}

export type ProfileContinuityMessageId =
  | 'gap'
  | 'overlap'
  | 'gapUnused'
  | 'overlapUnused'
  | 'zeroWidth'
  | 'inverted'
  | 'sharedThreshold'
  | 'sharedThresholdLast'
  | 'sizeJump'
  | BoundarySuggestionMessageId

/**
 * Pointer of the field that sets profile `p`'s base size at balance `x` (`side: 'at'`) or just above it
 * (`side: 'above'`, the default): what a user edits to move the size there. Progressive: `size_at_max` once the
 * ramp is complete, else `size_at_min` (the ramp's start, also inside the ramp); fixed: `base_position_usd`;
 * percent: `max_position_percent`; a profile without a usable sizing mode: the profile itself.
 */
export function sizingField(p: ProfileView, x: Fraction, side: 'at' | 'above' = 'above'): string {
  switch (p.mode) {
    case 'progressive': {
      const { minBalance, hi, sizeAtMin, sizeAtMax } = p
      if (!minBalance || !hi || !sizeAtMin || !sizeAtMax) return p.path
      // The same tests, in the same order, as the model's baseSize (at) and its limit from the right (above).
      const atMax = side === 'at' ? x.gt(minBalance.value) && x.gte(hi.value) : x.gte(minBalance.value) && x.gte(hi.value)
      return atMax ? sizeAtMax.path : sizeAtMin.path
    }
    case 'fixed':
      return p.basePositionUsd?.path ?? p.path
    case 'percent':
      return p.maxPositionPercent?.path ?? p.path
    case 'unknown':
      return p.path
  }
}

/**
 * A signed USD change to the cent ("+$24.00", "-$50.00"); a non-zero change that rounds to no cent keeps its
 * first significant digits ("+$0.004"), so a tolerance below a cent never reports a jump of "$0.00".
 */
export function formatJump(x: Fraction): string {
  const text = formatSignedUsd(x)
  if (text !== '$0.00' || x.equals(0)) return text
  return `${x.lt(0) ? '-' : '+'}$${formatNumber(x.abs(), 12)}`
}

/** The key that ends a progressive ramp: `max_balance` when the profile sets one, else `threshold`. */
export function hiName(p: ProfileView): 'max_balance' | 'threshold' {
  return p.maxBalance ? 'max_balance' : 'threshold'
}

export const profileContinuity: Rule<ProfileContinuityOptions, ProfileContinuityMessageId> = {
  meta: {
    id: 'profile-continuity',
    description: 'Balance profiles tile the balance axis without gaps or overlaps, and the size is continuous where a progressive profile is involved',
    defaultSeverity: 'error',
    fixable: true,
    hasSuggestions: true,
    schema: {
      type: 'object',
      properties: {
        tolerance: { type: 'number', minimum: 0, description: 'Largest size jump (USD notional) still taken as continuous.' },
        steps: {
          enum: ['progressive', 'all'],
          description: '"progressive": check the size at boundaries that touch a progressive profile; "all": at every boundary.',
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { tolerance: 0.01, steps: 'progressive' },
    messages: {
      gap: "Gap between profiles: {{left}} ends at {{at}} but {{right}} starts at min_balance {{minBalance}}, so balances in between get {{right}}'s size_at_min",
      overlap: "Profiles overlap: {{right}} starts at min_balance {{minBalance}}, below {{left}}'s threshold {{at}}, so {{right}} starts part-way up its ramp",
      gapUnused:
        'Gap between profiles: {{left}} ends at {{at}} but {{right}} starts at min_balance {{minBalance}}; {{right}} sizes in {{mode}} mode, which ignores min_balance, so the ladder reads differently than it sizes',
      overlapUnused:
        "Profiles overlap: {{right}} starts at min_balance {{minBalance}}, below {{left}}'s threshold {{at}}; {{right}} sizes in {{mode}} mode, which ignores min_balance, so the ladder reads differently than it sizes",
      zeroWidth: 'Profile {{profile}} is zero-width: min_balance {{minBalance}} equals its {{hiName}} {{hi}}',
      inverted: 'Profile {{profile}} is inverted: min_balance {{minBalance}} is above its {{hiName}} {{hi}}',
      sharedThreshold: 'Profiles {{first}} and {{profile}} share threshold {{threshold}}: {{profile}} is never selected',
      sharedThresholdLast:
        'Profiles {{first}} and {{profile}} share threshold {{threshold}}: {{profile}} is selected only because it is the last profile, for every balance above {{threshold}}',
      sizeJump: 'size jumps by {{jump}} at balance {{at}}: {{left}} ends at {{sizeAt}}, {{right}} starts at {{sizeAbove}}{{money}}',
      ...BOUNDARY_SUGGESTION_MESSAGES,
    },
  },

  *check(ctx): Generator<Report<ProfileContinuityMessageId>> {
    const cfg = readSizingConfig(ctx.data, { mode: ctx.shared?.sizingMode ?? 'auto' })
    if (cfg.profiles.length === 0) return
    const tolerance = q(ctx.options.tolerance)
    const stepsAll = ctx.options.steps === 'all'

    for (const shape of profileShapes(cfg)) {
      const p = shape.profile
      if ((shape.shape === 'zero-width' || shape.shape === 'inverted') && p.minBalance && p.hi) {
        yield {
          path: p.minBalance.path,
          messageId: shape.shape === 'zero-width' ? 'zeroWidth' : 'inverted',
          data: { profile: p.name, minBalance: formatUsd(p.minBalance.value), hiName: hiName(p), hi: formatUsd(p.hi.value) },
        }
      }
      if (shape.sharesThresholdWith && p.threshold) {
        yield {
          path: p.threshold.path,
          // Only the last profile of a tie is ever selected, and then only above the shared threshold.
          messageId: shape.region ? 'sharedThresholdLast' : 'sharedThreshold',
          data: { first: shape.sharesThresholdWith.name, profile: p.name, threshold: formatUsd(p.threshold.value) },
        }
      }
    }

    const ladder = boundaries(cfg)
    for (const b of ladder) {
      const { left, right } = b
      const minBalance = right.minBalance
      if (minBalance && (b.tiling === 'gap' || b.tiling === 'overlap')) {
        const used = right.mode === 'progressive'
        const messageId: ProfileContinuityMessageId =
          b.tiling === 'gap' ? (used ? 'gap' : 'gapUnused') : used ? 'overlap' : 'overlapUnused'
        const threshold = b.threshold.value.valueOf()
        yield {
          path: minBalance.path,
          messageId,
          data: { left: left.name, right: right.name, at: formatUsd(b.at), minBalance: formatUsd(minBalance.value), mode: right.mode },
          fix: (fixer) => fixer.replaceValue(minBalance.path, threshold),
        }
      }
      if (b.jump && b.sizeAt && b.sizeAbove && (b.touchesProgressive || stepsAll) && b.jump.abs().gt(tolerance)) {
        const money = ladderMoney(ctx.data, ctx.shared, b.at, 'jump')
        const path = sizingField(right, b.at, 'above')
        yield {
          ...(money.neutral ? { moneyNeutral: true as const } : {}),
          path,
          messageId: 'sizeJump',
          suggest: boundarySuggestions(profileContinuity, ctx, ladder, ladder.indexOf(b), { messageId: 'sizeJump', path }),
          data: {
            jump: formatJump(b.jump),
            at: formatUsd(b.at),
            left: left.name,
            right: right.name,
            sizeAt: formatUsd(b.sizeAt),
            sizeAbove: formatUsd(b.sizeAbove),
            money: money.text,
          },
        }
      }
    }
  },
}
