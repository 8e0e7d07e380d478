// no-trade: the balances where the bot's code sizes a traded symbol at 0, one finding per cause with every symbol and regime it stops.
import { describe, expect, it } from 'vitest'
import { noTrade } from '../../src/rules/no-trade.js'
import { CORPUS_ABSENT, corpusFiles, corpusPresent, lintCorpusFile } from '../helpers/corpus.js'
import { skipAllUnless } from '../helpers/skip.js'
import { runRuleTests } from '../rule-tester.js'

/** Two traded symbols, one progressive profile from $500; `extra` goes under scalping. */
const config = (extra: string, profile = ', min_position_usd: 40.0, max_position_usd: 180.0'): string => `scalping:
  symbols: [BTC-USDT, ETH-USDT]
${extra}  balance_profiles:
    small: { threshold: 1500.0, min_balance: 500.0, size_at_min: 50.0, size_at_max: 150.0, progressive: true${profile} }
`

const atScalping = { path: '/scalping', line: 1, column: 1, endLine: 1, endColumn: 9 }

runRuleTests(noTrade, {
  valid: [
    { name: 'a leverage and a stop-loss: every balance trades', yaml: config('  leverage: 5\n  sl_percent: 1.2\n') },
    { name: 'no profiles: nothing to size', yaml: 'scalping:\n  symbols: [BTC-USDT]\n' },
    {
      name: 'the percent era takes the leverage from its adaptive map',
      yaml: 'scalping:\n  symbols: [BTC-USDT]\n  sl_percent: 1.3\n  balance_profiles:\n    small: { threshold: 1500.0, max_position_percent: 15.0, min_position_usd: 50.0, max_position_usd: 1350.0, max_open_positions: 5 }\n',
    },
  ],
  invalid: [
    {
      name: 'no stop-loss percent anywhere: the variant-b code cannot size a single trade',
      yaml: config('  leverage: 5\n'),
      findings: [
        {
          messageId: 'noTrade',
          message: 'The bot trades nothing for BTC-USDT and ETH-USDT at balances from $500.00: scalping.sl_percent is not set (the variant-b code gives up and sizes 0)',
          ...atScalping,
        },
      ],
    },
    {
      name: 'no leverage in the variant-b code',
      yaml: config('  sl_percent: 1.2\n'),
      findings: [
        {
          messageId: 'noTrade',
          message: 'The bot trades nothing for BTC-USDT and ETH-USDT at balances from $500.00: scalping.leverage is not set to a number above 0 (the variant-b code gives up and sizes 0)',
          ...atScalping,
        },
      ],
    },
    {
      name: 'a profile without max_position_usd, from 1e7224d (risk-manager)',
      yaml: config('  leverage: 5\n  sl_percent: 1.2\n', ', min_position_usd: 40.0'),
      shared: { bot: 'risk-manager' },
      findings: [
        {
          messageId: 'noTrade',
          message: 'The bot trades nothing for BTC-USDT and ETH-USDT at balances from $500.00: small has no max_position_usd (the risk-manager code gives up and sizes 0)',
          path: '/scalping/balance_profiles/small',
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 10,
        },
      ],
    },
    {
      name: 'a per-symbol cap below the floor, between 08ee37d and c58410c, stops one symbol in one regime',
      yaml: `${config('  leverage: 5\n  sl_percent: 1.2\n')}  adaptive_regime:
    symbol_profiles:
      ETH-USDT:
        trending:
          position: { max_position_usd: 30.0 }
`,
      shared: { bot: '2025-12-01' },
      findings: [
        {
          messageId: 'noTrade',
          message: 'The bot trades nothing for ETH-USDT trending at balances from $500.00: the per-symbol max_position_usd is below the floor (the risk-manager code gives up and sizes 0)',
          path: '/scalping/adaptive_regime/symbol_profiles/ETH-USDT/trending/position/max_position_usd',
          line: 11,
          column: 23,
          endLine: 11,
          endColumn: 39,
        },
      ],
    },
    {
      name: 'fromBalance 0 checks the smallest balances too: a max margin below the floor stops trades there',
      yaml: config('  leverage: 5\n  sl_percent: 1.2\n'),
      options: { fromBalance: 0 },
      findings: [
        {
          messageId: 'noTrade',
          message: 'The bot trades nothing for BTC-USDT and ETH-USDT at balances below $10.00: the max margin % limit is below the floor (the variant-b code gives up and sizes 0)',
          path: '/scalping/balance_profiles/small',
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 10,
        },
      ],
    },
  ],
})

describe('no-trade on the corpus', () => {
  skipAllUnless(corpusPresent, CORPUS_ABSENT)
  it('finds the versions that could not size a trade (scalping.sl_percent moved under scalping.by_symbol)', () => {
    const stopped = corpusFiles().filter((f) => lintCorpusFile(noTrade, f).some((x) => x.message.includes('no stop-loss percent') || x.message.includes('sl_percent is not set')))
    expect(stopped).toContain('2026-01-28_079de1e.yaml')
  })
})
