// The one note a run gives when a file's settings name no reference balance: what did not run, and how to set one.
export const NO_BALANCE_NOTE =
  'no reference balance is set, so the checks at a balance did not run (stale-override and size-cap at a balance, the sizing tables); ' +
  'set one with --balance 1018 or `balances: [1018]` in .lint-config.yaml'
