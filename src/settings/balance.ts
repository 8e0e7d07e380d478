// Reference balances as users write them (--balance, the Action's `balances` input): text -> USD amount, or why not.

/** A balance that is not one: the caller words it for its input (a flag, an Action input) and exits 2. */
export class BalanceError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'BalanceError'
  }
}

/** The rule every balance follows, as the one-line hint after a rejected value. */
export const BALANCE_HINT =
  'expected a balance in USD: a plain decimal such as 1018 or 1018.50, with an optional "$" and "," or "_" only between groups of three digits (1,018)'

// Digits, or digits grouped in threes by one kind of separator; then an optional fraction. Nothing else: no sign, no
// exponent, no hex (Number() would read 0x10 as 16), no empty text (Number('') is 0).
const BALANCE = /^\$?(?:\d+|\d{1,3}(?:,\d{3})+|\d{1,3}(?:_\d{3})+)(?:\.\d+)?$/

/** Parses one balance in USD strictly (see BALANCE_HINT); throws a BalanceError otherwise. */
export function parseBalance(value: string): number {
  const text = value.trim()
  if (!BALANCE.test(text)) throw new BalanceError(BALANCE_HINT)
  const n = Number(text.replace(/[$,_]/g, ''))
  if (!Number.isFinite(n)) throw new BalanceError(BALANCE_HINT)
  return n
}
