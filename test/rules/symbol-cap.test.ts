// symbol-cap: per-symbol, per-regime caps that fix the traded size over whole profiles, and caps below the floor raised to it.
import { describe, expect, it } from 'vitest'
import { symbolCap } from '../../src/rules/symbol-cap.js'
import { CORPUS_ABSENT, corpusFiles, corpusPresent, lintCorpusFile } from '../helpers/corpus.js'
import { skipAllUnless } from '../helpers/skip.js'
import { runRuleTests } from '../rule-tester.js'

/** Two progressive profiles; BTC-USDT's trending cap is `cap` (line 12, from column 41). */
const ladder = (cap: string): string => `scalping:
  symbols: [BTC-USDT]
  leverage: 5
  sl_percent: 1.2
  balance_profiles:
    small:  { threshold: 1500.0, min_balance: 500.0, size_at_min: 50.0, size_at_max: 150.0, progressive: true, min_position_usd: 40.0, max_position_usd: 180.0 }
    medium: { threshold: 999999, min_balance: 1500, size_at_min: 150, size_at_max: 200, progressive: true, min_position_usd: 100, max_position_usd: 250 }
  adaptive_regime:
    symbol_profiles:
      BTC-USDT:
        trending:
          position: { max_position_usd: ${cap} }
`

/** A percent ladder (the percent era): BTC-USDT's ranging cap of $100 is below large's floor of $150. */
const PERCENT = `scalping:
  symbols: [BTC-USDT]
  sl_percent: 1.3
  balance_profiles:
    small: { threshold: 1500.0, max_position_percent: 15.0, min_position_usd: 50.0, max_position_usd: 1350.0, max_open_positions: 5 }
    large: { threshold: 999999.0, max_position_percent: 10.0, min_position_usd: 150.0, max_position_usd: 3000.0, max_open_positions: 5 }
  adaptive_regime:
    symbol_profiles:
      BTC-USDT:
        ranging:
          position: { max_position_usd: 100.0 }
`

runRuleTests(symbolCap, {
  valid: [
    { name: 'a cap above every size the ladder gives', yaml: ladder('240.0') },
    { name: 'a cap that binds only part of a profile', yaml: ladder('160.0') },
    { name: 'an untraded symbol is not checked', yaml: ladder('120.0').replace('symbols: [BTC-USDT]', 'symbols: [ETH-USDT]') },
  ],
  invalid: [
    {
      name: 'the cap fixes the size at every balance of medium (variant-b: no haircut)',
      yaml: ladder('120.0'),
      findings: [
        {
          messageId: 'pinned',
          message:
            'BTC-USDT trending max_position_usd $120.00 fixes the traded size at $120.00 at every balance that selects medium (above $1,500.00): the ladder and the multipliers change nothing there',
          path: '/scalping/adaptive_regime/symbol_profiles/BTC-USDT/trending/position/max_position_usd',
          line: 12,
          column: 41,
          endLine: 12,
          endColumn: 46,
        },
      ],
    },
    {
      name: 'the risk-manager code cuts a capped size to 0.95 x the cap',
      yaml: ladder('120.0'),
      shared: { bot: 'risk-manager' },
      findings: [
        {
          messageId: 'pinned',
          message:
            'BTC-USDT trending max_position_usd $120.00 fixes the traded size at $114.00 at every balance that selects medium (above $1,500.00): the ladder and the multipliers change nothing there',
          path: '/scalping/adaptive_regime/symbol_profiles/BTC-USDT/trending/position/max_position_usd',
          line: 12,
          column: 41,
          endLine: 12,
          endColumn: 46,
        },
      ],
    },
    {
      name: 'below the floor from c58410c: raised to the floor, the symbol trades at the floor',
      yaml: PERCENT,
      findings: [
        {
          messageId: 'belowFloor',
          message: 'BTC-USDT ranging max_position_usd $100.00 is below the floor $150.00 of large: the bot raises the cap to the floor and trades $150.00 there',
          path: '/scalping/adaptive_regime/symbol_profiles/BTC-USDT/ranging/position/max_position_usd',
          line: 11,
          column: 41,
          endLine: 11,
          endColumn: 46,
        },
      ],
    },
  ],
})

describe('symbol-cap on the corpus', () => {
  skipAllUnless(corpusPresent, CORPUS_ABSENT)
  it('the newest version: every capped symbol and regime is pinned at $712.50 over the profiles above micro', () => {
    const findings = lintCorpusFile(symbolCap, '2026-03-03_1e11d27.yaml')
    expect(findings.length).toBeGreaterThan(10)
    expect(findings.every((f) => f.message.includes('fixes the traded size at $712.50'))).toBe(true)
  })
  it('reads every version without a crash', () => {
    for (const file of corpusFiles()) lintCorpusFile(symbolCap, file)
  })
})
