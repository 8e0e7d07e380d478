// Reference balances as users write them (--balance, the Action's `balances` input): text -> USD amount, or why not.

/** A balance that is not one: the caller words it for its input (a flag, an Action input) and exits 2. */
export class BalanceError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'BalanceError'
  }
}

/** The rule every balance follows, as the one-line hint after a rejected value. */
export const BALANCE_HINT = 'expected a balance in USD, a finite number >= 0 (e.g. 1018 or 1018.50)'

/** Parses one balance in USD (`$`, `,` and `_` are ignored); throws a BalanceError with BALANCE_HINT otherwise. */
export function parseBalance(value: string): number {
  const n = Number(value.replace(/[$,_]/g, ''))
  if (value.trim() === '' || !Number.isFinite(n) || n < 0) throw new BalanceError(BALANCE_HINT)
  return n
}
