// Severities from money for the ladder rules: does a drop or jump of the designed size move what the bot trades?
import type Fraction from 'fraction.js'
import { formatUsd } from '../model/decimal.js'
import { pipelineContext } from '../model/pipeline.js'
import { REGIMES } from '../model/sizing-config.js'
import { tradedMovesAt } from '../model/traded-analysis.js'
import { tradedAt } from '../model/traded.js'
import type { SharedSettings } from '../types.js'

/** The `money` placeholder of a ladder finding, and whether it is money-neutral (then at most a warning). */
export interface MoneyNote {
  readonly text: string
  readonly neutral: boolean
}

/**
 * Whether the designed size's `direction` at balance `at` reaches a trade: for some traded symbol and regime at the
 * reference market, the bot's traded size drops (or moves) there too. When none does, the finding is money-neutral.
 */
export function ladderMoney(data: unknown, shared: SharedSettings, at: Fraction, direction: 'drop' | 'jump'): MoneyNote {
  const pc = pipelineContext(data, shared.bot ?? 'auto')
  const symbols = pc.sizing.symbols.length > 0 ? pc.sizing.symbols : [...pc.bot.symbolRegimes.keys()]
  if (symbols.length === 0 || pc.bot.profiles.length === 0) return { text: '', neutral: false }
  if (tradedMovesAt(pc, at, symbols, REGIMES, direction)) return { text: '', neutral: false }
  const what = direction === 'drop' ? 'drop' : 'jump'
  const nothing = symbols.every((s) => REGIMES.every((r) => !tradedAt(pc, s, r, at).notional.gt(0)))
  const why = nothing ? 'the bot trades nothing on either side (no-trade says why)' : 'a cap or a margin limit holds the size'
  return {
    text: `; no trade ${what}s there: for every symbol and regime the bot (the ${pc.sem.era} code) trades the same just above ${formatUsd(at)} as at it: ${why}`,
    neutral: true,
  }
}
