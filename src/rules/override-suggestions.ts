// stale-override's suggestions: set the override to the per-symbol size at a reference balance, or delete it.
import type Fraction from 'fraction.js'
import { formatUsd, q } from '../model/decimal.js'
import { parsePointer, toPointer } from '../model/json-pointer.js'
import { isDict, own } from '../model/sizing-config.js'
import type { SuggestionReport } from '../types.js'

/** The message templates of the suggestions, for the rule's meta.messages. */
export const OVERRIDE_SUGGESTION_MESSAGES = {
  setOverride: 'Set the override to {{size}}, the per-symbol size at balance {{balance}}',
  removeOverride: 'Remove the override',
  removeOverrideWith: 'Remove the override with {{holder}}, which holds nothing else',
} as const

export type OverrideSuggestionMessageId = keyof typeof OVERRIDE_SUGGESTION_MESSAGES

/**
 * A USD amount as the config would hold it: `x` rounded up to the cent, so that an override set to a size is never
 * below it (in the percent era the bot uses an override only to raise the size); plain decimal text, finite.
 */
function toCents(x: Fraction): { value: number; exact: Fraction } | undefined {
  const value = x.ceil(2).valueOf()
  // Exponent forms (1e+21) are strings to the bot's YAML 1.1 loader.
  if (!/^\d+(\.\d+)?$/.test(String(value))) return undefined
  return { value, exact: q(value) }
}

export interface OverrideSuggestionInput {
  /** Pointer of the `base_position_usd` scalar. */
  path: string
  /** The override as written (USD notional). */
  value: Fraction
  /** The per-symbol size the rule compares the override with at balance `b` (USD notional), as the rule computes it. */
  sizeAt(b: Fraction): Fraction | undefined
  /** The messageId of the finding the rule gives an override of `value` at balance `b`; undefined where it is live. */
  messageAt(value: Fraction, b: Fraction): string | undefined
  /** The reference balances the rule checked, ascending. */
  balances: readonly Fraction[]
  /** The balance of a per-balance finding; undefined for `neverLive`, which tries each reference balance in turn. */
  at?: Fraction
  /** The linted data, to see which mappings the deletion would leave empty. */
  data: unknown
}

/**
 * The set suggestion is offered only where it removes its finding and adds none: the new value (the size at the
 * balance, to the cent above) is live at that balance and, at every other reference balance, live or reported as
 * before (a never-used override had no finding at those balances, so there it must be live). The delete suggestion
 * removes exactly this override's findings.
 */
export function overrideSuggestions(input: OverrideSuggestionInput): SuggestionReport<OverrideSuggestionMessageId>[] {
  const out: SuggestionReport<OverrideSuggestionMessageId>[] = []
  const set = setSuggestion(input)
  if (set) out.push(set)
  out.push(removeSuggestion(input.path, input.data))
  return out
}

function setSuggestion(input: OverrideSuggestionInput): SuggestionReport<OverrideSuggestionMessageId> | undefined {
  const { balances, messageAt, at } = input
  const keepsOthers = (o: Fraction): boolean =>
    balances.every((b) => {
      const now = messageAt(o, b)
      return now === undefined || (at !== undefined && now === messageAt(input.value, b))
    })
  for (const b of at !== undefined ? [at] : balances) {
    const s = input.sizeAt(b)
    const cents = s && toCents(s)
    if (!cents || !cents.exact.gt(0) || cents.exact.equals(input.value) || messageAt(cents.exact, b) !== undefined || !keepsOthers(cents.exact)) continue
    return {
      messageId: 'setOverride',
      data: { size: formatUsd(cents.exact), balance: formatUsd(b) },
      fix: (fixer) => fixer.replaceValue(input.path, cents.value),
    }
  }
  return undefined
}

/**
 * Deletes `base_position_usd`, and with it every enclosing mapping that would hold nothing else (`position`, the regime,
 * the symbol's profile, `symbol_profiles`, `adaptive_regime`), so that no `key:` is left without a value (null, which
 * the schema rejects). `scalping` itself always stays: it holds the balance profiles that gave the override a size.
 */
function removeSuggestion(path: string, data: unknown): SuggestionReport<OverrideSuggestionMessageId> {
  const segments = parsePointer(path)
  let target = segments
  while (target.length > 2) {
    const holder = target.slice(0, -1)
    const value = holder.reduce<unknown>((node, key) => own(node, key), data)
    if (!isDict(value) || Object.keys(value).length > 1) break
    target = holder
  }
  const removed = toPointer(target)
  if (target.length === segments.length) return { messageId: 'removeOverride', fix: (fixer) => fixer.removeKey(removed) }
  const name = target[target.length - 1]!
  const holder =
    target.length === segments.length - 1
      ? 'its `position` mapping'
      : target.length === segments.length - 2
        ? `its \`${name}\` mapping`
        : target.length === segments.length - 3
          ? `the \`${name}\` symbol profile`
          : `\`${name}\``
  return { messageId: 'removeOverrideWith', data: { holder }, fix: (fixer) => fixer.removeKey(removed) }
}
