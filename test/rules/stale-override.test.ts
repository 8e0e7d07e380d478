// stale-override: overrides ignored at the reference balances, overrides live at no balance, exact live intervals; corpus smoke check.
import { describe, expect, it } from 'vitest'
import { staleOverride } from '../../src/rules/stale-override.js'
import { CORPUS_ABSENT, corpusFiles, corpusPresent, lintCorpusFile } from '../helpers/corpus.js'
import { skipAllUnless } from '../helpers/skip.js'
import { lintRule, MALFORMED_MESSAGE, runRuleTests } from '../rule-tester.js'

/** The seed's Variant-B ladder (lines 1-8), with the stop-loss the bot needs to size at all; symbol profiles start at line 11. */
const LADDER = `scalping:
  leverage: 5
  sl_percent: 1.2
  balance_profiles:
    micro: { threshold: 500.0, min_balance: 100.0, size_at_min: 30.0, size_at_max: 50.0, progressive: true }
    small: { threshold: 1500.0, min_balance: 500.0, size_at_min: 50.0, size_at_max: 150.0, progressive: true }
    medium: { threshold: 3000.0, min_balance: 1500.0, size_at_min: 150.0, size_at_max: 200.0, progressive: true }
    large: { threshold: 999999.0, min_balance: 3000.0, max_balance: 10000.0, size_at_min: 200.0, size_at_max: 300.0, progressive: true }
  adaptive_regime:
    symbol_profiles:
`

/** BTC-USDT at 1.2x with one trending override of `value`, on line 15, columns 32 to 32 + value.length. */
const btc = (value: string, tail = ''): string => `${LADDER}      BTC-USDT:
        position_multiplier: 1.2
        trending:
          position:
            base_position_usd: ${value}
${tail}`

const BTC_42 = btc('42.0')
const at14 = { path: '/scalping/adaptive_regime/symbol_profiles/BTC-USDT/trending/position/base_position_usd', line: 15, column: 32, endLine: 15, endColumn: 36 }

/** Without `progressive: true` this profile is fixed ($60) in auto mode; pinned progressive it interpolates $50-$150. */
const PINNABLE = `scalping:
  leverage: 5
  balance_profiles:
    small: { threshold: 999999.0, min_balance: 500.0, max_balance: 1500.0, size_at_min: 50.0, size_at_max: 150.0, base_position_usd: 60.0 }
  adaptive_regime:
    symbol_profiles:
      BTC-USDT:
        trending:
          position:
            base_position_usd: 42.0
`

const sol12 = { path: '/scalping/adaptive_regime/symbol_profiles/SOL-USDT/choppy/position/base_position_usd', line: 12, column: 32, endLine: 12, endColumn: 36 }

const ignored42 = (balance: string, size: string, deviation: string): string =>
  `BTC-USDT trending override $42.00 is ignored at balance ${balance}: per-symbol size ${size} deviates ${deviation} (> 50%); it is live only for balances up to $700.00`

runRuleTests(staleOverride, {
  valid: [
    { name: 'no reference balance, and the override is live somewhere', yaml: BTC_42 },
    { name: 'live at the reference balance', yaml: BTC_42, shared: { balances: [650] } },
    { name: 'live at exactly $700.00: deviation exactly 50% is inclusive', yaml: BTC_42, shared: { balances: [700] } },
    { name: 'options.balances replace the shared ones', yaml: BTC_42, options: { balances: [650] }, shared: { balances: [1018] } },
    { name: 'a wider tolerance option keeps it live', yaml: BTC_42, options: { tolerance: 0.7 }, shared: { balances: [1018] } },
    {
      name: "the config's position_override_tolerance_percent is not read: the bot's literal 0.5 keeps it live at $450",
      yaml: btc('42.0', 'risk:\n  base:\n    position_override_tolerance_percent: 25.0\n'),
      shared: { balances: [400, 450] },
    },
    { name: 'auto mode reads the same profile as fixed ($60), where the override is live', yaml: PINNABLE, shared: { balances: [1018] } },
    {
      name: "sizingMode pins only the designed table: the bot's code reads this profile as fixed (no progressive flag), where the override is live",
      yaml: PINNABLE,
      shared: { balances: [1018], sizingMode: 'progressive' },
    },
    { name: 'no overrides at all', yaml: `${LADDER}      BTC-USDT:\n        position_multiplier: 1.2\n`, shared: { balances: [1018] } },
    { name: 'no profiles: nothing to size, nothing to report', yaml: 'scalping:\n  adaptive_regime:\n    symbol_profiles:\n      BTC-USDT:\n        trending:\n          position:\n            base_position_usd: 5.0\n', shared: { balances: [1018] } },
    { name: 'an override that is not a number is left to the schema rule', yaml: btc('"42.0"'), shared: { balances: [1018] } },
  ],
  invalid: [
    {
      name: 'ignored at one reference balance (the seed example at $1,018)',
      yaml: BTC_42,
      shared: { balances: [1018] },
      findings: [{ messageId: 'ignoredAt', message: ignored42('$1,018.00', '$122.16', '65.6%'), ...at14 }],
      output: null,
    },
    {
      name: 'severity from money: where a cap holds the size anyway, the ignored override changes nothing traded and is a warning that says so',
      yaml: btc('42.0\n            max_position_usd: 30.0'),
      shared: { balances: [1018] },
      findings: [
        {
          messageId: 'ignoredAt',
          message: `${ignored42('$1,018.00', '$122.16', '65.6%')}; it changes nothing traded: the bot trades $30.00 with it or without it`,
          severity: 'warn',
          ...at14,
        },
      ],
    },
    {
      name: 'severity from money: without a stop-loss the bot trades nothing, so the ignored override is a warning that points at no-trade',
      yaml: BTC_42.replace('  sl_percent: 1.2\n', ''),
      shared: { balances: [1018] },
      findings: [
        {
          messageId: 'ignoredAt',
          message: `${ignored42('$1,018.00', '$122.16', '65.6%')}; it changes nothing traded: the bot trades nothing there with it or without it (no-trade says why)`,
          severity: 'warn',
          ...at14,
          line: 14,
          endLine: 14,
        },
      ],
    },
    {
      name: 'ignored at $700.01, one cent above the live interval',
      yaml: BTC_42,
      shared: { balances: [700.01] },
      findings: [{ messageId: 'ignoredAt', message: ignored42('$700.01', '$84.00', '50.001%'), ...at14 }],
    },
    {
      name: 'several reference balances: one finding per balance where it is ignored, ascending',
      yaml: BTC_42,
      shared: { balances: [2000, 650, 1018, 1018] },
      findings: [
        { messageId: 'ignoredAt', message: ignored42('$1,018.00', '$122.16', '65.6%'), ...at14 },
        { messageId: 'ignoredAt', message: ignored42('$2,000.00', '$200.00', '79.0%'), ...at14 },
      ],
    },
    {
      name: 'options.balances used instead of the shared balances',
      yaml: BTC_42,
      options: { balances: [650, 1018] },
      shared: { balances: [650] },
      findings: [{ messageId: 'ignoredAt', message: ignored42('$1,018.00', '$122.16', '65.6%'), severity: 'error', ...at14 }],
    },
    {
      name: 'an empty options.balances falls back to the shared balances',
      yaml: BTC_42,
      options: { balances: [] },
      shared: { balances: [1018] },
      findings: [{ messageId: 'ignoredAt', message: ignored42('$1,018.00', '$122.16', '65.6%'), ...at14 }],
    },
    {
      name: 'never live, reported without reference balances',
      yaml: btc('5.0'),
      findings: [
        {
          messageId: 'neverLive',
          message:
            'BTC-USDT trending override $5.00 is never used: it is more than 50% away from the per-symbol size at every balance (the size runs from $36.00 to $360.00)',
          path: '/scalping/adaptive_regime/symbol_profiles/BTC-USDT/trending/position/base_position_usd',
          line: 15,
          column: 32,
          endLine: 15,
          endColumn: 35,
        },
      ],
    },
    {
      name: 'never live: reported once, never also as ignored at the reference balances',
      yaml: btc('1000.0'),
      shared: { balances: [650, 1018] },
      findings: [
        {
          messageId: 'neverLive',
          message:
            'BTC-USDT trending override $1,000.00 is never used: it is more than 50% away from the per-symbol size at every balance (the size runs from $36.00 to $360.00)',
          line: 15,
          column: 32,
          endLine: 15,
          endColumn: 38,
          path: '/scalping/adaptive_regime/symbol_profiles/BTC-USDT/trending/position/base_position_usd',
        },
      ],
    },
    {
      name: 'a tolerance option printed without needless decimals (37.5%)',
      yaml: BTC_42,
      options: { tolerance: 0.375 },
      shared: { balances: [1018] },
      findings: [
        {
          messageId: 'ignoredAt',
          message:
            'BTC-USDT trending override $42.00 is ignored at balance $1,018.00: per-symbol size $122.16 deviates 65.6% (> 37.5%); it is live only for balances up to $560.00',
          ...at14,
        },
      ],
    },
    {
      name: 'the tolerance option overrides the config',
      yaml: btc('42.0', 'risk:\n  base:\n    position_override_tolerance_percent: 25.0\n'),
      options: { tolerance: 0.5 },
      shared: { balances: [450, 1018] },
      findings: [{ messageId: 'ignoredAt', message: ignored42('$1,018.00', '$122.16', '65.6%'), ...at14 }],
    },
    {
      name: 'tolerance 0: live only where the size equals the override exactly',
      yaml: btc('60.0'),
      options: { tolerance: 0 },
      shared: { balances: [1018] },
      findings: [
        {
          messageId: 'ignoredAt',
          message:
            'BTC-USDT trending override $60.00 is ignored at balance $1,018.00: per-symbol size $122.16 deviates 50.9% (> 0%); it is live only for balances at exactly $500.00',
          line: 15,
          column: 32,
          path: '/scalping/adaptive_regime/symbol_profiles/BTC-USDT/trending/position/base_position_usd',
          endLine: 15,
          endColumn: 36,
        },
      ],
    },
    {
      name: 'live on two separate intervals around a size drop',
      yaml: `scalping:
  leverage: 5
  sl_percent: 1.2
  balance_profiles:
    micro: { threshold: 500.0, base_position_usd: 100.0 }
    small: { threshold: 1000.0, base_position_usd: 40.0 }
    large: { threshold: 999999.0, base_position_usd: 100.0 }
  adaptive_regime:
    symbol_profiles:
      ETH-USDT:
        ranging:
          position:
            base_position_usd: 100.0
`,
      shared: { balances: [700] },
      findings: [
        {
          messageId: 'ignoredAt',
          message:
            'ETH-USDT ranging override $100.00 is ignored at balance $700.00: per-symbol size $40.00 deviates 150.0% (> 50%); it is live only for balances up to $500.00 and above $1,000.00',
          line: 13,
          column: 32,
          endLine: 13,
          endColumn: 37,
          path: '/scalping/adaptive_regime/symbol_profiles/ETH-USDT/ranging/position/base_position_usd',
        },
      ],
    },
    {
      name: 'percent era: the size is balance x max_position_percent / 100 x the leverage a default signal gets (choppy: 5x); an override may only raise it',
      yaml: `scalping:
  sl_percent: 1.2
  balance_profiles:
    micro: { threshold: 500.0, max_position_percent: 10.0, max_position_usd: 400.0 }
    large: { threshold: 999999.0, max_position_percent: 5.0, max_position_usd: 4000.0 }
  adaptive_regime:
    symbol_profiles:
      SOL-USDT:
        position_multiplier: 0.9
        choppy:
          position:
            base_position_usd: 45.0
`,
      shared: { balances: [0, 80, 150, 1018] },
      findings: [
        {
          messageId: 'ignoredAbove',
          message:
            'SOL-USDT choppy override $45.00 is ignored at balance $0.00: it is without bound above the per-symbol size $0.00 (> 50%); it is live only for balances from $66.67 to $100.00',
          ...sol12,
        },
        {
          messageId: 'ignoredBelow',
          message:
            'SOL-USDT choppy override $45.00 is ignored at balance $150.00: it is below the per-symbol size $67.50, and the bot uses an override only to raise the size (by at most 50%); it is live only for balances from $66.67 to $100.00',
          ...sol12,
        },
        {
          messageId: 'ignoredBelow',
          message:
            'SOL-USDT choppy override $45.00 is ignored at balance $1,018.00: it is below the per-symbol size $229.05, and the bot uses an override only to raise the size (by at most 50%); it is live only for balances from $66.67 to $100.00',
          ...sol12,
        },
      ],
    },
    {
      name: "never live on a mixed ladder: the variant-b code sizes a profile without size keys at the Pydantic default base $50",
      yaml: `scalping:
  leverage: 5
  sl_percent: 1.2
  balance_profiles:
    micro: { threshold: 500.0, base_position_usd: 18.75 }
    large: { threshold: 999999.0, max_position_percent: 10.0 }
  adaptive_regime:
    symbol_profiles:
      XRP-USDT:
        choppy:
          position:
            base_position_usd: 5.0
`,
      findings: [
        {
          messageId: 'neverLive',
          message:
            'XRP-USDT choppy override $5.00 is never used: it is more than 50% away from the per-symbol size at every balance (the size runs from $18.75 to $50.00)',
          line: 12,
          column: 32,
          endLine: 12,
          endColumn: 35,
          path: '/scalping/adaptive_regime/symbol_profiles/XRP-USDT/choppy/position/base_position_usd',
        },
      ],
    },
    {
      name: 'a symbol without position_multiplier uses 1.0; the second symbol profile is reported too',
      yaml: `${LADDER}      ETH-USDT:
        trending:
          position:
            base_position_usd: 110.0
      DOGE-USDT:
        position_multiplier: 0.8
        choppy:
          position:
            base_position_usd: 20.0
`,
      shared: { balances: [650] },
      findings: [
        {
          messageId: 'ignoredAt',
          message:
            'ETH-USDT trending override $110.00 is ignored at balance $650.00: per-symbol size $65.00 deviates 69.2% (> 50%); it is live only for balances from $733.33 to $4,400.00',
          line: 14,
          column: 32,
          endLine: 14,
          endColumn: 37,
          path: '/scalping/adaptive_regime/symbol_profiles/ETH-USDT/trending/position/base_position_usd',
        },
        {
          messageId: 'ignoredAt',
          message:
            'DOGE-USDT choppy override $20.00 is ignored at balance $650.00: per-symbol size $52.00 deviates 61.5% (> 50%); it is live only for balances up to $500.00',
          line: 19,
          column: 32,
          endLine: 19,
          endColumn: 36,
          path: '/scalping/adaptive_regime/symbol_profiles/DOGE-USDT/choppy/position/base_position_usd',
        },
      ],
    },
  ],
})

describe('stale-override with duplicate keys', () => {
  it('reports at the LAST occurrence of a duplicated override key, the value the bot uses', () => {
    const yaml = `${LADDER}      BTC-USDT:
        position_multiplier: 1.2
        trending:
          position:
            base_position_usd: 100.0
            base_position_usd: 42.0
`
    const result = lintRule(staleOverride, yaml, { shared: { balances: [1018] } })
    expect(result.findings.map((f) => [f.ruleId, f.messageId, f.range.start.line, f.range.start.column, f.range.end.line, f.range.end.column])).toEqual([
      ['yaml-syntax', 'duplicateKey', 16, 13, 16, 30],
      ['stale-override', 'ignoredAt', 16, 32, 16, 36],
    ])
    expect(result.findings[1]!.message).toBe(ignored42('$1,018.00', '$122.16', '65.6%'))
  })
})

describe('stale-override over the corpus', () => {
  skipAllUnless(corpusPresent, CORPUS_ABSENT)
  const files = corpusFiles()
  const lint = (file: string, balances: number[]) => lintCorpusFile(staleOverride, file, { shared: { balances } })
  const count = (findings: ReturnType<typeof lint>, messageId: string): number => findings.filter((f) => f.messageId === messageId).length

  it('lints all 112 versions at $1,018 without a crash or a malformed message', () => {
    expect(files).toHaveLength(112)
    for (const file of files) {
      for (const f of lint(file, [1018])) {
        expect(f.message, file).not.toMatch(MALFORMED_MESSAGE)
        expect(f.range.start.line, file).toBeGreaterThan(1)
      }
    }
  })

  it('the newest version (percent era): no never-live override, all 13 below the size at $1,018, live only at a few dollars', () => {
    const newest = files[files.length - 1]!
    expect(newest).toBe('2026-03-03_1e11d27.yaml')
    expect(count(lint(newest, []), 'neverLive')).toBe(0)
    const at1018 = lint(newest, [1018])
    expect(count(at1018, 'neverLive')).toBe(0)
    expect(count(at1018, 'ignoredBelow')).toBe(13)
    // At the reference market a trending signal gets 15x: BTC's size is 1,018 x 15% x 15 x 1.6.
    expect(at1018[0]!.message).toBe(
      'BTC-USDT trending override $42.00 is ignored at balance $1,018.00: it is below the per-symbol size $3,664.80, and the bot uses an override only to raise the size (by at most 50%); it is live only for balances from $7.00 to $10.50',
    )
  })

  it('the first version with never-live overrides (2026-01-28): 8 of them', () => {
    expect(count(lint('2026-01-28_079de1e.yaml', []), 'neverLive')).toBe(8)
  })
})
