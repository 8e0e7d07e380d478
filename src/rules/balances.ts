// The reference balances a sizing rule checks: its own `balances` option, else the shared ones (settings, --balance).
import type Fraction from 'fraction.js'
import { q } from '../model/decimal.js'

/** A rule's `balances` option when set and non-empty, else the shared balances; in [0, +inf), deduplicated, ascending. */
export function ruleBalances(own: readonly number[] | undefined, shared: readonly number[]): Fraction[] {
  return referenceBalances(own && own.length > 0 ? own : shared)
}

/** Reference balances to check: in [0, +inf), deduplicated, ascending. */
export function referenceBalances(raw: readonly number[]): Fraction[] {
  const seen = new Map<string, Fraction>()
  for (const n of raw) {
    if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) continue
    const b = q(n)
    seen.set(b.toFraction(), b)
  }
  return [...seen.values()].sort((a, b) => a.compare(b))
}

