// dead-key: keys the bot's code never reads, per era: the limiter, spot-only ladders, the tolerance, percent-era size keys, dated blocks.
import { describe, expect, it } from 'vitest'
import { deadKey } from '../../src/rules/dead-key.js'
import { CORPUS_ABSENT, corpusFiles, corpusPresent, lintCorpusFile, versionsPerMessageId } from '../helpers/corpus.js'
import { skipAllUnless } from '../helpers/skip.js'
import { runRuleTests } from '../rule-tester.js'

/** A percent ladder (the percent era by shape), with the keys that era never reads. */
const PERCENT = `scalping:
  symbols: [BTC-USDT]
  balance_profiles:
    small:
      threshold: 1500.0
      max_position_percent: 15.0
      max_position_usd: 1350.0
futures_modules:
  max_size_limiter:
    max_single_size_usd: 150.0
    max_total_size_usd: 600.0
risk:
  max_position_size_percent: 20.0
  base:
    position_override_tolerance_percent: 50.0
`

/** A progressive ladder (variant-b by shape): risk.base is dropped by that era's settings model; medium's max_balance is unread. */
const PROGRESSIVE = `scalping:
  balance_profiles:
    small: { threshold: 1500.0, min_balance: 500.0, size_at_min: 50.0, size_at_max: 150.0, progressive: true }
    medium: { threshold: 3000.0, min_balance: 1500.0, max_balance: 2500.0, size_at_min: 150.0, size_at_max: 200.0, progressive: true }
    large: { threshold: 999999.0, min_balance: 3000.0, max_balance: 10000.0, size_at_min: 200.0, size_at_max: 300.0, progressive: true }
  adaptive_regime:
    symbol_profiles:
      BTC-USDT:
        trending:
          position: { base_position_usd: 42.0, max_position_percent: 10.0 }
risk:
  base:
    max_margin_percent: 80.0
`

type Expected = { messageId: 'neverRead'; message: string; path: string; line: number; column: number; endLine: number; endColumn: number }
const limiter = (key: string, line: number, column: number): Expected => ({
  messageId: 'neverRead',
  message: `futures_modules.max_size_limiter.${key} is never read by the bot (the percent code): the limiter starts from values fixed in the code, and every sizing call overwrites them with the max_position_usd in force`,
  path: `/futures_modules/max_size_limiter/${key}`,
  line,
  column,
  endLine: line,
  endColumn: column + key.length,
})

runRuleTests(deadKey, {
  valid: [
    { name: 'a percent ladder with only the keys the percent code reads', yaml: 'scalping:\n  balance_profiles:\n    small: { threshold: 1500.0, max_position_percent: 15.0 }\n' },
    { name: 'no config at all', yaml: 'a: 1\n' },
    {
      name: 'the legacy signal path reads risk_per_trade_percent',
      yaml: 'scalping:\n  use_legacy_signal_processing: true\n  balance_profiles:\n    small: { threshold: 1500.0, max_position_percent: 15.0 }\nrisk:\n  risk_per_trade_percent: 1.0\n',
    },
  ],
  invalid: [
    {
      name: 'the percent era: the limiter keys, the spot-only and unread risk keys, the size keys it never reads',
      yaml: PERCENT.replace('      max_position_percent: 15.0\n', '      max_position_percent: 15.0\n      base_position_usd: 100.0\n'),
      // A size key makes the ladder fit the older eras too: pinned, the percent era reads it as it really does.
      shared: { bot: 'percent' },
      findings: [
        { messageId: 'neverRead', message: 'scalping.balance_profiles.small.base_position_usd is never read by the bot (the percent code): the percent-era code sizes every profile at max_position_percent of the balance', path: '/scalping/balance_profiles/small/base_position_usd', line: 7, column: 7, endLine: 7, endColumn: 24 },
        limiter('max_single_size_usd', 11, 5),
        limiter('max_total_size_usd', 12, 5),
        { messageId: 'neverRead', message: 'risk.max_position_size_percent is never read by the bot (the percent code): no futures code reads it (the bot only checks that it lies in 0.1..100 when it loads)', path: '/risk/max_position_size_percent', line: 14, column: 3, endLine: 14, endColumn: 28 },
        { messageId: 'neverRead', message: 'risk.base.position_override_tolerance_percent is never read by the bot (the percent code): the override tolerance is the literal 0.5 in the code', path: '/risk/base/position_override_tolerance_percent', line: 16, column: 5, endLine: 16, endColumn: 40 },
      ],
    },
    {
      name: 'variant-b: risk.base is dropped, a max_balance on a profile not named large is unread, a per-symbol max_position_percent is discarded',
      yaml: PROGRESSIVE,
      findings: [
        { messageId: 'neverRead', message: 'scalping.balance_profiles.medium.max_balance is never read by the bot (the variant-b code): the code reads max_balance only for a profile named "large"', path: '/scalping/balance_profiles/medium/max_balance', line: 4, column: 55, endLine: 4, endColumn: 66 },
        { messageId: 'discarded', message: 'scalping.adaptive_regime.symbol_profiles.BTC-USDT.trending.position.max_position_percent is read and thrown away by the bot (the variant-b code): the code writes it into the profile after the size is computed, so it changes no size', path: '/scalping/adaptive_regime/symbol_profiles/BTC-USDT/trending/position/max_position_percent', line: 10, column: 48, endLine: 10, endColumn: 68 },
        { messageId: 'neverRead', message: "risk.base is never read by the bot (the variant-b code): the bot's settings model drops it before 1e7224d (2025-11-12): strength multipliers and margin limits are fixed in the code", path: '/risk/base', line: 12, column: 3, endLine: 12, endColumn: 7 },
      ],
    },
    {
      name: 'a dead block folds the dead keys inside it into one finding',
      yaml: 'scalping:\n  balance_profiles:\n    small: { threshold: 1500.0, base_position_usd: 60.0 }\nrisk:\n  base:\n    position_override_tolerance_percent: 50.0\n',
      findings: [
        { messageId: 'neverRead', message: "risk.base is never read by the bot (the variant-b code): the bot's settings model drops it before 1e7224d (2025-11-12): strength multipliers and margin limits are fixed in the code", path: '/risk/base', line: 5, column: 3, endLine: 5, endColumn: 7 },
      ],
    },
    {
      name: 'pinned to a date before 016e636, the adaptive leverage block is unread key by key',
      yaml: 'scalping:\n  balance_profiles:\n    small: { threshold: 1500.0, max_position_percent: 15.0 }\n  adaptive_leverage:\n    min_leverage: 5\n',
      shared: { bot: '2026-02-23' },
      findings: [
        { messageId: 'neverRead', message: 'scalping.adaptive_leverage.min_leverage is never read by the bot (the percent code): the adaptive leverage reads its config only from 016e636 (2026-03-01); before, it uses its built-in map', path: '/scalping/adaptive_leverage/min_leverage', line: 5, column: 5, endLine: 5, endColumn: 17 },
      ],
    },
  ],
})

describe('dead-key on the corpus', () => {
  skipAllUnless(corpusPresent, CORPUS_ABSENT)
  it('reports well-formed findings; the limiter keys in every version that has the block', () => {
    const files = corpusFiles()
    const limiter = files.filter((f) => lintCorpusFile(deadKey, f).some((x) => x.path.startsWith('/futures_modules/max_size_limiter/'))).length
    expect(versionsPerMessageId(files, (f) => lintCorpusFile(deadKey, f)).neverRead).toBeGreaterThan(100)
    expect(limiter).toBeGreaterThan(90)
  })
})
