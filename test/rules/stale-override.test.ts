// stale-override: overrides ignored at the reference balances, overrides live at no balance, exact live intervals; corpus smoke check.
import { describe, expect, it } from 'vitest'
import { staleOverride } from '../../src/rules/stale-override.js'
import { CORPUS_ABSENT, corpusFiles, corpusPresent, lintCorpusFile } from '../helpers/corpus.js'
import { skipAllUnless } from '../helpers/skip.js'
import { lintRule, MALFORMED_MESSAGE, runRuleTests, type ExpectedSuggestion } from '../rule-tester.js'

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
/** BTC_42 with a per-symbol cap beside the override (the `position` mapping holds two keys). */
const BTC_42_CAPPED = btc('42.0\n            max_position_usd: 30.0')
/** BTC_42 without a stop-loss: the override moves up to line 14. */
const BTC_42_NO_SL = BTC_42.replace('  sl_percent: 1.2\n', '')
/** BTC_42 with a config tolerance of 25%, which the bot never reads. */
const BTC_42_TOL25 = btc('42.0', 'risk:\n  base:\n    position_override_tolerance_percent: 25.0\n')
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

/** `yaml` with its one `base_position_usd: from` line set to `to`, as the set suggestion writes it (a float keeps its `.0`). */
function setTo(yaml: string, from: string, to: string): string {
  const old = `base_position_usd: ${from}\n`
  if (yaml.split(old).length !== 2) throw new Error(`"${old.trim()}" is not in the case exactly once`)
  return yaml.replace(old, `base_position_usd: ${to}\n`)
}

/** `yaml` without its lines `first` to `last` (1-based, inclusive): what a removal of the override and its holders takes. */
function removed(yaml: string, first: number, last: number): string {
  const lines = yaml.split('\n')
  if (first < 1 || last < first || last >= lines.length) throw new Error(`lines ${first}-${last} are not in the case`)
  lines.splice(first - 1, last - first + 1)
  return lines.join('\n')
}

/** The setOverride suggestion: the override set to `size` (written `to`), the per-symbol size at `balance`. */
const setSuggestion = (yaml: string, from: string, to: string, size: string, balance: string): ExpectedSuggestion => ({
  desc: `Set the override to ${size}, the per-symbol size at balance ${balance}`,
  messageId: 'setOverride',
  output: setTo(yaml, from, to),
})

/** The delete suggestion over lines `first` to `last`: the override alone, or with `holder`, which holds nothing else. */
const removeSuggestion = (yaml: string, first: number, last: number, holder?: string): ExpectedSuggestion =>
  holder === undefined
    ? { desc: 'Remove the override', messageId: 'removeOverride', output: removed(yaml, first, last) }
    : { desc: `Remove the override with ${holder}, which holds nothing else`, messageId: 'removeOverrideWith', output: removed(yaml, first, last) }

/** BTC-USDT keeps its position_multiplier, so deleting the trending override of btc() takes its `trending` mapping (lines 13-15). */
const removeTrending = (yaml: string): ExpectedSuggestion => removeSuggestion(yaml, 13, 15, 'its `trending` mapping')
/** Setting the 42.0 override of btc() to $122.16, the size at $1,018 (the seed example's $101.80 x 1.2). */
const set42To122 = (yaml: string): ExpectedSuggestion => setSuggestion(yaml, '42.0', '122.16', '$122.16', '$1,018.00')

/** ETH-USDT ranging $100 over a ladder whose size drops from $100 to $40 at $500 and comes back at $1,000; the override is on line 13. */
const TWO_INTERVALS = `scalping:
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
`

/** A percent-era ladder with SOL-USDT at 0.9x and a choppy override of $45 on line 12. */
const PERCENT_ERA = `scalping:
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
`
/** SOL-USDT keeps its position_multiplier: deleting the override of PERCENT_ERA takes its `choppy` mapping (lines 10-12). */
const removeChoppy = removeSuggestion(PERCENT_ERA, 10, 12, 'its `choppy` mapping')

/** A fixed micro profile and a percent large one without size keys; XRP-USDT choppy $5 on line 12. */
const MIXED_LADDER = `scalping:
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
`

/** ETH-USDT (no multiplier) trending $110 on line 14, DOGE-USDT at 0.8x choppy $20 on line 19. */
const TWO_SYMBOLS = `${LADDER}      ETH-USDT:
        trending:
          position:
            base_position_usd: 110.0
      DOGE-USDT:
        position_multiplier: 0.8
        choppy:
          position:
            base_position_usd: 20.0
`

runRuleTests(staleOverride, {
  valid: [
    { name: 'no reference balance, and the override is live somewhere', yaml: BTC_42 },
    { name: 'live at the reference balance', yaml: BTC_42, shared: { balances: [650] } },
    { name: 'live at exactly $700.00: deviation exactly 50% is inclusive', yaml: BTC_42, shared: { balances: [700] } },
    { name: 'options.balances replace the shared ones', yaml: BTC_42, options: { balances: [650] }, shared: { balances: [1018] } },
    { name: 'a wider tolerance option keeps it live', yaml: BTC_42, options: { tolerance: 0.7 }, shared: { balances: [1018] } },
    {
      name: "the config's position_override_tolerance_percent is not read: the bot's literal 0.5 keeps it live at $450",
      yaml: BTC_42_TOL25,
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
      findings: [{ messageId: 'ignoredAt', message: ignored42('$1,018.00', '$122.16', '65.6%'), ...at14, suggestions: [set42To122(BTC_42), removeTrending(BTC_42)] }],
      output: null,
    },
    {
      name: 'severity from money: where a cap holds the size anyway, the ignored override changes nothing traded and is a warning that says so',
      yaml: BTC_42_CAPPED,
      shared: { balances: [1018] },
      findings: [
        {
          messageId: 'ignoredAt',
          message: `${ignored42('$1,018.00', '$122.16', '65.6%')}; it changes nothing traded: the bot trades $30.00 with it or without it`,
          severity: 'warn',
          ...at14,
          suggestions: [set42To122(BTC_42_CAPPED), removeSuggestion(BTC_42_CAPPED, 15, 15)],
        },
      ],
    },
    {
      name: 'severity from money: without a stop-loss the bot trades nothing, so the ignored override is a warning that points at no-trade',
      yaml: BTC_42_NO_SL,
      shared: { balances: [1018] },
      findings: [
        {
          messageId: 'ignoredAt',
          message: `${ignored42('$1,018.00', '$122.16', '65.6%')}; it changes nothing traded: the bot trades nothing there with it or without it (no-trade says why)`,
          severity: 'warn',
          ...at14,
          line: 14,
          endLine: 14,
          suggestions: [set42To122(BTC_42_NO_SL), removeSuggestion(BTC_42_NO_SL, 12, 14, 'its `trending` mapping')],
        },
      ],
    },
    {
      name: 'ignored at $700.01, one cent above the live interval',
      yaml: BTC_42,
      shared: { balances: [700.01] },
      findings: [
        {
          messageId: 'ignoredAt',
          message: ignored42('$700.01', '$84.00', '50.001%'),
          ...at14,
          // $84.0012 to the cent above: $84.00 would still deviate 50.001% from the size.
          suggestions: [setSuggestion(BTC_42, '42.0', '84.01', '$84.01', '$700.01'), removeTrending(BTC_42)],
        },
      ],
    },
    {
      name: 'several reference balances: one finding per balance where it is ignored, ascending',
      yaml: BTC_42,
      shared: { balances: [2000, 650, 1018, 1018] },
      // No set suggestion: $122.16 or $200.00 would be ignored at $650, where $42.00 is live ($78.00).
      findings: [
        { messageId: 'ignoredAt', message: ignored42('$1,018.00', '$122.16', '65.6%'), ...at14, suggestions: [removeTrending(BTC_42)] },
        { messageId: 'ignoredAt', message: ignored42('$2,000.00', '$200.00', '79.0%'), ...at14, suggestions: [removeTrending(BTC_42)] },
      ],
    },
    {
      name: 'options.balances used instead of the shared balances',
      yaml: BTC_42,
      options: { balances: [650, 1018] },
      shared: { balances: [650] },
      // No set suggestion: $122.16 would be ignored at $650.
      findings: [{ messageId: 'ignoredAt', message: ignored42('$1,018.00', '$122.16', '65.6%'), severity: 'error', ...at14, suggestions: [removeTrending(BTC_42)] }],
    },
    {
      name: 'an empty options.balances falls back to the shared balances',
      yaml: BTC_42,
      options: { balances: [] },
      shared: { balances: [1018] },
      findings: [{ messageId: 'ignoredAt', message: ignored42('$1,018.00', '$122.16', '65.6%'), ...at14, suggestions: [set42To122(BTC_42), removeTrending(BTC_42)] }],
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
          // No reference balance to set it to.
          suggestions: [removeTrending(btc('5.0'))],
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
          // $78.00 (the size at $650) is live at $650 and at $1,018 ($122.16, 36% away); the first reference balance that works.
          suggestions: [setSuggestion(btc('1000.0'), '1000.0', '78.0', '$78.00', '$650.00'), removeTrending(btc('1000.0'))],
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
          suggestions: [set42To122(BTC_42), removeTrending(BTC_42)],
        },
      ],
    },
    {
      name: 'the tolerance option overrides the config',
      yaml: BTC_42_TOL25,
      options: { tolerance: 0.5 },
      shared: { balances: [450, 1018] },
      // No set suggestion: $122.16 would be ignored at $450 ($57.00), where $42.00 is live.
      findings: [{ messageId: 'ignoredAt', message: ignored42('$1,018.00', '$122.16', '65.6%'), ...at14, suggestions: [removeTrending(BTC_42_TOL25)] }],
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
          suggestions: [setSuggestion(btc('60.0'), '60.0', '122.16', '$122.16', '$1,018.00'), removeTrending(btc('60.0'))],
        },
      ],
    },
    {
      name: 'live on two separate intervals around a size drop',
      yaml: TWO_INTERVALS,
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
          // The override is all adaptive_regime holds: it goes with it, and scalping keeps its ladder.
          suggestions: [setSuggestion(TWO_INTERVALS, '100.0', '40.0', '$40.00', '$700.00'), removeSuggestion(TWO_INTERVALS, 8, 13, '`adaptive_regime`')],
        },
      ],
    },
    {
      name: 'percent era: the size is balance x max_position_percent / 100 x the leverage a default signal gets (choppy: 5x); an override may only raise it',
      yaml: PERCENT_ERA,
      shared: { balances: [0, 80, 150, 1018] },
      // No set suggestion: the size at $0.00 is $0.00, and $67.50 or $229.05 would be ignored at $80 ($36.00), where $45.00 is live.
      findings: [
        {
          messageId: 'ignoredAbove',
          message:
            'SOL-USDT choppy override $45.00 is ignored at balance $0.00: it is without bound above the per-symbol size $0.00 (> 50%); it is live only for balances from $66.67 to $100.00',
          ...sol12,
          suggestions: [removeChoppy],
        },
        {
          messageId: 'ignoredBelow',
          message:
            'SOL-USDT choppy override $45.00 is ignored at balance $150.00: it is below the per-symbol size $67.50, and the bot uses an override only to raise the size (by at most 50%); it is live only for balances from $66.67 to $100.00',
          ...sol12,
          suggestions: [removeChoppy],
        },
        {
          messageId: 'ignoredBelow',
          message:
            'SOL-USDT choppy override $45.00 is ignored at balance $1,018.00: it is below the per-symbol size $229.05, and the bot uses an override only to raise the size (by at most 50%); it is live only for balances from $66.67 to $100.00',
          ...sol12,
          suggestions: [removeChoppy],
        },
      ],
    },
    {
      name: "never live on a mixed ladder: the variant-b code sizes a profile without size keys at the Pydantic default base $50",
      yaml: MIXED_LADDER,
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
          suggestions: [removeSuggestion(MIXED_LADDER, 7, 12, '`adaptive_regime`')],
        },
      ],
    },
    {
      name: 'a symbol without position_multiplier uses 1.0; the second symbol profile is reported too',
      yaml: TWO_SYMBOLS,
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
          suggestions: [setSuggestion(TWO_SYMBOLS, '110.0', '65.0', '$65.00', '$650.00'), removeSuggestion(TWO_SYMBOLS, 11, 14, 'the `ETH-USDT` symbol profile')],
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
          // $52.00 is $65.00 x 0.8.
          suggestions: [setSuggestion(TWO_SYMBOLS, '20.0', '52.0', '$52.00', '$650.00'), removeSuggestion(TWO_SYMBOLS, 17, 19, 'its `choppy` mapping')],
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
