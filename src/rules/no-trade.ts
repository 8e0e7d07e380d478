// no-trade: balances where the bot's code sizes a traded symbol at 0 (a missing cap, a cap under the floor, no stop-loss, no leverage...).
import Fraction from 'fraction.js'
import { formatIntervals, mergeIntervals, type Interval } from '../model/interval.js'
import { q } from '../model/decimal.js'
import { pipelineContext } from '../model/pipeline.js'
import { own, REGIMES, type Regime } from '../model/sizing-config.js'
import { fromBalance, noTradeStretches } from '../model/traded-analysis.js'
import { listOf } from '../text/plural.js'
import type { Rule } from '../types.js'

export interface NoTradeOptions {
  /** Balances below this (USD) are not checked; default: the lowest profile's min_balance, else risk.base.min_balance_usd, else $20 (the bot's fallback). */
  fromBalance?: number
}

export type NoTradeMessageId = 'noTrade'

interface Cause {
  reason: string
  path: string
  who: Map<string, Regime[]>
  intervals: Interval[]
}

/** The balance below which no real account is sized: the ladder's own lower end. */
function defaultFrom(data: unknown, ctx: ReturnType<typeof pipelineContext>): Fraction {
  const mins = ctx.bot.profiles.map((p) => p.minBalance?.value).filter((v): v is Fraction => v !== undefined)
  if (mins.length > 0) return mins.reduce((a, b) => (b.lt(a) ? b : a))
  const floor = own(own(own(data, 'risk'), 'base'), 'min_balance_usd')
  // The bot's own fallback min_balance_usd is $20: no account is traded below it.
  return typeof floor === 'number' && Number.isFinite(floor) && floor > 0 ? q(floor) : new Fraction(20)
}

/** "at balances from $500.00", "at any balance". */
function balancesText(ivs: readonly Interval[]): string {
  const text = formatIntervals(ivs)
  return text.startsWith('at ') ? text : `at balances ${text}`
}

export const noTrade: Rule<NoTradeOptions, NoTradeMessageId> = {
  meta: {
    id: 'no-trade',
    description: "Balances where the bot's code trades nothing for a traded symbol: a missing cap, a cap below the floor, no stop-loss, no leverage",
    defaultSeverity: 'error',
    fixable: false,
    schema: {
      type: 'object',
      properties: { fromBalance: { type: 'number', minimum: 0, description: 'Balances below this (USD) are not checked.' } },
      additionalProperties: false,
    },
    defaultOptions: {},
    messages: {
      noTrade: 'The bot trades nothing for {{who}} {{where}}: {{reason}} (the {{era}} code gives up and sizes 0)',
    },
  },

  *check(ctx) {
    const pc = pipelineContext(ctx.data, ctx.shared.bot ?? 'auto')
    if (pc.bot.profiles.length === 0) return
    const symbols = pc.sizing.symbols.length > 0 ? pc.sizing.symbols : [...pc.bot.symbolRegimes.keys()]
    const from = fromBalance(ctx.options.fromBalance !== undefined ? q(ctx.options.fromBalance) : defaultFrom(ctx.data, pc))
    // One finding per cause: every symbol, regime and balance it stops.
    const causes = new Map<string, Cause>()
    for (const symbol of symbols) {
      for (const regime of REGIMES) {
        for (const stretch of noTradeStretches(pc, symbol, regime, from)) {
          const key = `${stretch.reason}\u0000${stretch.path}`
          const cause: Cause = causes.get(key) ?? { reason: stretch.reason, path: stretch.path, who: new Map(), intervals: [] }
          cause.who.set(symbol, [...(cause.who.get(symbol) ?? []), regime])
          cause.intervals.push(...stretch.intervals)
          causes.set(key, cause)
        }
      }
    }
    for (const cause of causes.values()) {
      const who = [...cause.who].map(([symbol, regimes]) => (regimes.length === REGIMES.length ? symbol : `${symbol} ${listOf(regimes)}`))
      yield {
        path: cause.path,
        on: 'key',
        messageId: 'noTrade',
        data: { who: listOf(who), where: balancesText(mergeIntervals(cause.intervals)), reason: cause.reason, era: pc.sem.era },
      }
    }
  },
}
