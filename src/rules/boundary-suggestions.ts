// Suggestions for a size step at a profile boundary (profile-continuity's jumps, profile-monotonicity's drops): the
// size_at_min of the profile above, or the size_at_max of the profile below, that makes the boundary continuous.
import type Fraction from 'fraction.js'
import { exactText, formatUsd, q } from '../model/decimal.js'
import { parsePointer } from '../model/json-pointer.js'
import type { NumField, ProfileView } from '../model/sizing-config.js'
import type { Boundary } from '../model/sizing.js'
import type { Report, Rule, RuleContext, SuggestionReport } from '../types.js'

/** The message templates of the suggestions, for each rule's meta.messages. */
export const BOUNDARY_SUGGESTION_MESSAGES = {
  setSizeAtMin: "Set {{profile}}'s size_at_min to {{value}}, {{other}}'s size at {{at}}",
  setSizeAtMax: "Set {{profile}}'s size_at_max to {{value}}, {{other}}'s size just above {{at}}",
} as const

export type BoundarySuggestionMessageId = keyof typeof BOUNDARY_SUGGESTION_MESSAGES

/**
 * The number to write for a size `x` (USD): `x` itself when it is a short decimal the config can hold exactly, else
 * `x` rounded to the cent towards `round`, so that the rounding never turns a step into a drop. Undefined for a size
 * that is not positive (the schema's `usd`) or has no plain decimal text (YAML 1.1 reads `1e+21` as a string).
 */
function amount(x: Fraction, round: 'up' | 'down'): number | undefined {
  if (!x.gt(0)) return undefined
  const exact = exactText(x)
  const cents = round === 'up' ? x.ceil(2) : x.floor(2)
  const value = !exact.includes('/') && (exact.split('.')[1]?.length ?? 0) <= 6 ? Number(exact) : cents.valueOf()
  return /^\d+(\.\d+)?$/.test(String(value)) ? value : undefined
}

/** `data` with the value at `pointer` replaced, copying only the objects on the way (the rest is shared, never mutated). */
function withValue(data: unknown, segments: readonly string[], value: number): unknown {
  if (segments.length === 0) return value
  const [head, ...rest] = segments as [string, ...string[]]
  if (Array.isArray(data)) {
    const copy = [...data]
    copy[Number(head)] = withValue(data[Number(head)], rest, value)
    return copy
  }
  const obj = data as Record<string, unknown>
  // A computed key defines an own property, `__proto__` included (assignment would set the prototype instead).
  return { ...obj, [head]: withValue(Object.prototype.hasOwnProperty.call(obj, head) ? obj[head] : undefined, rest, value) }
}

/** A USD amount as written: "$1,500.00", and every written decimal past the cent ("$153.125"), never rounded away. */
function shownUsd(value: number): string {
  const [whole, decimals = ''] = String(value).split('.')
  return decimals.length <= 2 ? formatUsd(q(value)) : `$${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${decimals}`
}

const key = (r: { messageId: string; path: string }): string => `${r.messageId}\u0000${r.path}`

function count(keys: readonly string[]): Map<string, number> {
  const out = new Map<string, number>()
  for (const k of keys) out.set(k, (out.get(k) ?? 0) + 1)
  return out
}

// The rule's own reports on the linted data, once per rule run (the engine passes one context object per run).
const reportsOfRun = new WeakMap<object, Map<string, number>>()

/**
 * Whether writing `value` at `pointer` removes `report` and adds no report of `rule`: the rule runs again on the data
 * with that one value changed and its reports (by messageId and path) must be the current ones minus this one, or fewer.
 */
function resolves<Options>(
  rule: Rule<Options>,
  ctx: RuleContext<Options>,
  report: { messageId: string; path: string },
  pointer: string,
  value: number,
): boolean {
  let before = reportsOfRun.get(ctx)
  if (!before) reportsOfRun.set(ctx, (before = count([...rule.check(ctx)].map(key))))
  const after = count([...rule.check({ ...ctx, data: withValue(ctx.data, parsePointer(pointer), value) })].map(key))
  const mine = key(report)
  for (const [k, n] of after) if (n > (before.get(k) ?? 0) - (k === mine ? 1 : 0)) return false
  return true
}

/**
 * The suggestions for the step at `ladder[index]`, each offered only where it removes `report` and adds no finding of
 * `rule`, and where it leaves every other boundary and ramp as it was, so that no finding of the other ladder rule
 * appears either:
 * - the right profile's size_at_min set to the left size at the threshold, when the right profile starts at its
 *   size_at_min there, stays non-decreasing (size_at_min <= size_at_max), and has reached its size_at_max where it
 *   ends (or is the last profile);
 * - the left profile's size_at_max set to the right size just above the threshold, when the left profile has reached
 *   its size_at_max there, stays non-decreasing, and starts at its size_at_min (or is the first profile).
 * Progressive profiles only: a fixed or percent side has no such field.
 */
export function boundarySuggestions<Options, MessageId extends string>(
  rule: Rule<Options, MessageId>,
  ctx: RuleContext<Options>,
  ladder: readonly Boundary[],
  index: number,
  report: Pick<Report<MessageId>, 'messageId' | 'path'>,
): SuggestionReport<BoundarySuggestionMessageId>[] {
  const { left, right, sizeAt, sizeAbove, at } = ladder[index]!
  if (!sizeAt || !sizeAbove) return []
  const out: SuggestionReport<BoundarySuggestionMessageId>[] = []
  const offer = (messageId: BoundarySuggestionMessageId, pointer: string, value: number, profile: string, other: string): void => {
    out.push({
      messageId,
      data: { profile, value: shownUsd(value), other, at: formatUsd(at) },
      fix: (fixer) => (resolves(rule as Rule<Options>, ctx, report, pointer, value) ? fixer.replaceValue(pointer, value) : null),
    })
  }
  const next = ladder[index + 1]
  const previous = ladder[index - 1]
  const r = ramp(right)
  if (r && r.sizeAtMin.value.equals(sizeAbove) && (!next || (next.at.gt(r.minBalance.value) && next.at.gte(r.hi.value)))) {
    const value = amount(sizeAt, 'up')
    if (value !== undefined && q(value).lte(r.sizeAtMax.value)) offer('setSizeAtMin', r.sizeAtMin.path, value, right.name, left.name)
  }
  const l = ramp(left)
  const startsAtMin = (x: Fraction): boolean => l !== undefined && (x.lt(l.minBalance.value) || (x.equals(l.minBalance.value) && l.hi.value.gt(x)))
  if (l && l.sizeAtMax.value.equals(sizeAt) && (!previous || startsAtMin(previous.at))) {
    const value = amount(sizeAbove, 'down')
    if (value !== undefined && q(value).gte(l.sizeAtMin.value)) offer('setSizeAtMax', l.sizeAtMax.path, value, left.name, right.name)
  }
  return out
}

/** A progressive profile's ramp fields, when all are usable. */
function ramp(p: ProfileView): { minBalance: NumField; hi: NumField; sizeAtMin: NumField; sizeAtMax: NumField } | undefined {
  const { minBalance, hi, sizeAtMin, sizeAtMax } = p
  return p.mode === 'progressive' && minBalance && hi && sizeAtMin && sizeAtMax ? { minBalance, hi, sizeAtMin, sizeAtMax } : undefined
}
