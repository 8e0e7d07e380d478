// silent-default: the defaults the bot's code fills in for missing sizing keys, per era; reported at the mapping that lacks them.
import { describe, expect, it } from 'vitest'
import { silentDefault } from '../../src/rules/silent-default.js'
import { CORPUS_ABSENT, corpusFiles, corpusPresent, lintCorpusFile, versionsPerMessageId } from '../helpers/corpus.js'
import { skipAllUnless } from '../helpers/skip.js'
import { runRuleTests } from '../rule-tester.js'

/** small lacks min_position_usd and max_open_positions; large lacks its threshold (lines 6 and 10). */
const PROFILES = `scalping:
  symbols: [BTC-USDT]
  sl_percent: 1.2
  leverage: 5
  balance_profiles:
    small:
      threshold: 1500.0
      base_position_usd: 100.0
      max_position_usd: 180.0
    large:
      base_position_usd: 200.0
      min_position_usd: 100.0
      max_position_usd: 400.0
      max_open_positions: 5
risk:
  max_open_positions: 5
`

const COMPLETE = `scalping:
  balance_profiles:
    small: { threshold: 1500.0, base_position_usd: 100.0, min_position_usd: 40.0, max_position_usd: 180.0, max_open_positions: 5 }
risk:
  max_open_positions: 5
`

const small = { path: '/scalping/balance_profiles/small', line: 6, column: 5, endLine: 6, endColumn: 10 }

runRuleTests(silentDefault, {
  valid: [
    { name: 'every key the variant-b code reads is there', yaml: COMPLETE },
    { name: 'no profiles: nothing is sized', yaml: 'scalping:\n  symbols: [BTC-USDT]\n' },
  ],
  invalid: [
    {
      name: 'profile defaults: the floor, the position count, and a threshold of $1,000',
      yaml: PROFILES,
      findings: [
        { messageId: 'profileDefault', message: 'balance profile small has no min_position_usd: the bot uses $10.00 (the floor of every position)', ...small },
        { messageId: 'profileDefault', message: 'balance profile small has no max_open_positions: the bot uses 2 (how many positions it allows)', ...small },
        {
          messageId: 'profileDefault',
          message: 'balance profile large has no threshold: the bot uses $1,000.00 (it is selected as if its threshold were that)',
          path: '/scalping/balance_profiles/large',
          line: 10,
          column: 5,
          endLine: 10,
          endColumn: 10,
        },
      ],
    },
    {
      name: 'the percent era sizes a profile without max_position_percent at 5%',
      yaml: 'scalping:\n  balance_profiles:\n    small: { threshold: 1500.0, min_position_usd: 40.0, max_position_usd: 1350.0, max_open_positions: 5 }\nrisk:\n  max_open_positions: 5\n',
      shared: { bot: 'percent' },
      findings: [
        {
          messageId: 'blockMissing',
          message:
            'the config has no scalping.adaptive_leverage: the bot uses its built-in leverage map (very weak 3x, weak 5x, medium 10x, strong 15x, very strong 20x) clamped to 3x..20x',
          path: '/scalping',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 9,
        },
        {
          messageId: 'profileDefault',
          message: 'balance profile small has no max_position_percent: the bot uses 5% (every position is that share of the balance as margin)',
          path: '/scalping/balance_profiles/small',
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 10,
        },
        {
          messageId: 'riskFallback',
          message:
            'risk.base, by_balance and by_regime lack max_loss_per_trade_percent, max_margin_percent, max_drawdown_percent, max_margin_safety_percent, min_balance_usd and min_time_between_orders_seconds, which the bot requires for every profile and regime: it then drops every risk parameter the config sets and sizes with its fallback (loss per trade 2%, margin 80%, margin safety 90%, strength multipliers conflict 0.5, weak 0.8, medium 1.0, strong 1.2, very strong 1.5)',
          path: '/risk',
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 5,
        },
        {
          messageId: 'riskDefault',
          message: 'risk.base, by_balance and by_regime lack strength_multipliers: the bot uses conflict 0.5, weak 0.8, medium 1.0, strong 1.2, very strong 1.5',
          path: '/risk',
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 5,
        },
      ],
    },
    {
      name: 'risk.max_open_positions missing: 3, whatever the profiles allow',
      yaml: COMPLETE.replace('risk:\n  max_open_positions: 5\n', 'risk:\n  max_daily_loss_percent: 5.0\n'),
      findings: [
        {
          messageId: 'blockDefault',
          message: 'risk has no max_open_positions: the bot uses 3 (open positions never exceed it, whatever the profiles allow)',
          path: '/risk',
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 5,
        },
      ],
    },
  ],
})

describe('silent-default on the corpus', () => {
  skipAllUnless(corpusPresent, CORPUS_ABSENT)
  it('reports well-formed findings on every version', () => {
    const counts = versionsPerMessageId(corpusFiles(), (f) => lintCorpusFile(silentDefault, f))
    expect(Object.keys(counts).every((id) => id in silentDefault.meta.messages)).toBe(true)
  })
})
