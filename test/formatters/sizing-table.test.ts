// explain: the SPEC's worked example to the cent in text, Markdown and JSON; other balances, percent sizing, odd configs.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import Fraction from 'fraction.js'
import { describe, expect, it } from 'vitest'
import { exactText } from '../../src/model/decimal.js'
import { sizingTable as explain, type SizingTable as Explanation } from '../../src/model/sizing-table.js'
import {
  formatMultiplier,
  renderSizingJson as renderExplainJson,
  renderSizingMarkdown as renderExplainMarkdown,
  renderSizingText as renderExplainText,
} from '../../src/formatters/sizing-table.js'
import { parseConfig } from '../../src/engine/parse.js'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** The seed report's Variant-B config (SPEC section 1), with its one known stale override. */
const SEED = `scalping:
  symbols: ["BTC-USDT", "ETH-USDT", "SOL-USDT", "DOGE-USDT", "XRP-USDT"]
  leverage: 5
  balance_profiles:
    micro:  { threshold: 500.0,    min_balance: 100.0,  size_at_min: 30.0,  size_at_max: 50.0,  progressive: true }
    small:  { threshold: 1500.0,   min_balance: 500.0,  size_at_min: 50.0,  size_at_max: 150.0, progressive: true }
    medium: { threshold: 3000.0,   min_balance: 1500.0, size_at_min: 150.0, size_at_max: 200.0, progressive: true }
    large:  { threshold: 999999.0, min_balance: 3000.0, max_balance: 10000.0, size_at_min: 200.0, size_at_max: 300.0, progressive: true }
  adaptive_regime:
    symbol_profiles:
      BTC-USDT:
        position_multiplier: 1.2
        trending:
          position: { base_position_usd: 42.0, min_position_usd: 28.0, max_position_usd: 65.0 }
      ETH-USDT: { position_multiplier: 1.0 }
      SOL-USDT: { position_multiplier: 0.9 }
      DOGE-USDT: { position_multiplier: 0.8 }
      XRP-USDT: { position_multiplier: 0.8 }
`

/** Percent sizing: margin = balance * max_position_percent / 100, notional = margin * leverage. */
const PERCENT = `scalping:
  symbols: ["BTC-USDT", "ETH-USDT"]
  leverage: 5
  balance_profiles:
    micro: { threshold: 500.0, max_position_percent: 25.0 }
    small: { threshold: 1500.0, max_position_percent: 15.0 }
  adaptive_regime:
    symbol_profiles:
      BTC-USDT:
        position_multiplier: 1.6
        trending: { position: { base_position_usd: 42.0 } }
        ranging: { position: { base_position_usd: 900.0 } }
      ETH-USDT: { position_multiplier: 1.3 }
`

const dataOf = (yaml: string): unknown => parseConfig(yaml).data
const at = (yaml: string, ...balances: number[]): Explanation[] => balances.map((b) => explain(dataOf(yaml), b)!)
/** The designed side of a rendered text or Markdown block list: everything before each block's traded side. */
const designed = (rendered: string): string => rendered.split(/\nWhat the bot trades[^]*?(?=\n(?:Balance |### Balance )|$)/).join('')
const designedText = (list: Explanation[]): string => designed(renderExplainText(list))
const designedMarkdown = (list: Explanation[]): string => designed(renderExplainMarkdown(list))
/** The JSON of `list` without each block's traded side. */
const designedJson = (list: Explanation[]): unknown =>
  (JSON.parse(renderExplainJson(list)) as Record<string, unknown>[]).map(({ traded: _traded, ...rest }) => rest)

describe('explain: the worked example (seed config at $1,018)', () => {
  it('keeps exact values in the data', () => {
    const [e] = at(SEED, 1018)
    expect(e!.profile).toEqual({ name: 'small', mode: 'progressive', path: '/scalping/balance_profiles/small' })
    expect(e!.baseSize.toFraction()).toBe('509/5')
    expect(e!.symbols.map((s) => `${s.symbol} ${exactText(s.size)}`)).toEqual([
      'BTC-USDT 122.16',
      'ETH-USDT 101.8',
      'SOL-USDT 91.62',
      'DOGE-USDT 81.44',
      'XRP-USDT 81.44',
    ])
    expect(exactText(e!.exposure.margin!)).toBe('95.692')
    expect(e!.exposure.moves.map((m) => exactText(m.balanceLeft))).toEqual(['970.154', '922.308'])
  })

  it('renders text', () => {
    expect(designedText(at(SEED, 1018))).toBe(`Balance $1,018.00: profile small (progressive), base size $101.80

Symbol     Multiplier  Size     Overrides
BTC-USDT   1.2x        $122.16  trending $42.00 ignored: deviates 65.6% (> 50%); live only for balances up to $700.00
ETH-USDT   1.0x        $101.80  none
SOL-USDT   0.9x        $91.62   none
DOGE-USDT  0.8x        $81.44   none
XRP-USDT   0.8x        $81.44   none

With all 5 positions open at 5x leverage:
  Total notional  $478.46  47.0% of balance
  Margin          $95.69    9.4% of balance
  Reserve         $922.31  90.6% of balance
  A 10% adverse move on every position leaves $970.15 (95.3% of balance)
  A 20% adverse move on every position leaves $922.31 (90.6% of balance)
`)
  })

  it('renders Markdown for the job summary', () => {
    expect(designedMarkdown(at(SEED, 1018))).toBe(`### Balance $1,018.00 — profile small (progressive)

Base size $101.80.

| Symbol | Multiplier | Size | Overrides |
| --- | ---: | ---: | --- |
| BTC-USDT | 1.2x | $122.16 | trending $42.00 ignored: deviates 65.6% (> 50%); live only for balances up to $700.00 |
| ETH-USDT | 1.0x | $101.80 | none |
| SOL-USDT | 0.9x | $91.62 | none |
| DOGE-USDT | 0.8x | $81.44 | none |
| XRP-USDT | 0.8x | $81.44 | none |

With all 5 positions open at 5x leverage:

| | Amount | % of balance |
| --- | ---: | ---: |
| Total notional | $478.46 | 47.0% |
| Margin | $95.69 | 9.4% |
| Reserve | $922.31 | 90.6% |
| Left after a 10% adverse move on every position | $970.15 | 95.3% |
| Left after a 20% adverse move on every position | $922.31 | 90.6% |
`)
  })

  it('renders JSON with rounded numbers and exact decimal text', () => {
    const size = (usd: number, exact = String(usd)) => ({ usd, exact })
    const noOverrides = (symbol: string, multiplier: string, usd: number) => ({ symbol, multiplier, size: size(usd), overrides: [] })
    const expected = [
      {
        balance: size(1018),
        profile: { name: 'small', mode: 'progressive', path: '/scalping/balance_profiles/small' },
        baseSize: size(101.8),
        maxPositionPercent: null,
        leverage: '5',
        tolerancePercent: 50,
        symbols: [
          {
            symbol: 'BTC-USDT',
            multiplier: '1.2',
            size: size(122.16),
            overrides: [
              {
                regime: 'trending',
                value: size(42),
                path: '/scalping/adaptive_regime/symbol_profiles/BTC-USDT/trending/position/base_position_usd',
                applies: false,
                deviationPercent: 65.6,
                deviationExact: '334/509',
                rule: 'symmetric',
                comparedWith: size(122.16),
                noTrade: null,
                live: [{ from: size(0), fromInclusive: true, to: size(700), toInclusive: true }],
                liveText: 'up to $700.00',
              },
            ],
          },
          noOverrides('ETH-USDT', '1', 101.8),
          noOverrides('SOL-USDT', '0.9', 91.62),
          noOverrides('DOGE-USDT', '0.8', 81.44),
          noOverrides('XRP-USDT', '0.8', 81.44),
        ],
        exposure: {
          positions: 5,
          notional: size(478.46),
          notionalPercent: 47,
          margin: size(95.69, '95.692'),
          marginPercent: 9.4,
          reserve: size(922.31, '922.308'),
          reservePercent: 90.6,
          adverseMoves: [
            { movePercent: 10, balanceLeft: size(970.15, '970.154'), percentOfBalance: 95.3 },
            { movePercent: 20, balanceLeft: size(922.31, '922.308'), percentOfBalance: 90.6 },
          ],
        },
      },
    ]
    expect(designedJson(at(SEED, 1018))).toEqual(expected)
    // The exact string: key order, two-space indentation and the final newline are part of the format.
    expect(JSON.stringify(designedJson(at(SEED, 1018)), null, 2)).toBe(JSON.stringify(expected, null, 2))
    expect(renderExplainJson(at(SEED, 1018)).endsWith('}\n]\n')).toBe(true)
    expect(renderExplainJson(at(SEED, 1018)).split('\n').slice(0, 12).join('\n')).toBe(`[
  {
    "balance": {
      "usd": 1018,
      "exact": "1018"
    },
    "profile": {
      "name": "small",
      "mode": "progressive",
      "path": "/scalping/balance_profiles/small"
    },
    "baseSize": {`)
  })

  it('the seed config sets no scalping.sl_percent, so the bot trades nothing; with a stop-loss it trades the designed sizes', () => {
    const bare = renderExplainText(at(SEED, 1018))
    expect(bare.split('\n').filter((l) => l.includes('no trade: scalping.sl_percent is not set'))).toHaveLength(15)
    expect(bare).toContain('  trending  0 of 2 allowed  $0.00 (0.0%)  $0.00 (0.0%)  $1,018.00 (100.0%)  $1,018.00 (100.0%) / $1,018.00 (100.0%)\n')
    const withStop = renderExplainText([explain(dataOf(SEED.replace('  leverage: 5\n', '  leverage: 5\n  sl_percent: 0.3\n')), 1018, { ranges: true })!])
    // BTC-USDT trending: the override's own max_position_usd $65.00 caps the $122.16; the $42.00 override is ignored.
    // A conflicting signal halves the size; a very strong one (0.9) multiplies it by 1.5. Two positions by default.
    expect(withStop.slice(withStop.indexOf('Symbol     Regime'))).toBe(`Symbol     Regime    Traded   Leverage  Profile  Binding        Range
BTC-USDT   trending  $65.00   5x        small    cap            $61.08 .. $65.00
           ranging   $122.16  5x        small    designed size  $61.08 .. $183.24
           choppy    $122.16  5x        small    designed size  $61.08 .. $183.24
ETH-USDT   trending  $101.80  5x        small    designed size  $50.90 .. $152.70
           ranging   $101.80  5x        small    designed size  $50.90 .. $152.70
           choppy    $101.80  5x        small    designed size  $50.90 .. $152.70
SOL-USDT   trending  $91.62   5x        small    designed size  $45.81 .. $137.43
           ranging   $91.62   5x        small    designed size  $45.81 .. $137.43
           choppy    $91.62   5x        small    designed size  $45.81 .. $137.43
DOGE-USDT  trending  $81.44   5x        small    designed size  $40.72 .. $122.16
           ranging   $81.44   5x        small    designed size  $40.72 .. $122.16
           choppy    $81.44   5x        small    designed size  $40.72 .. $122.16
XRP-USDT   trending  $81.44   5x        small    designed size  $40.72 .. $122.16
           ranging   $81.44   5x        small    designed size  $40.72 .. $122.16
           choppy    $81.44   5x        small    designed size  $40.72 .. $122.16

The range is exact over every signal strength, conflict, ATR and hysteresis state; its ends come from:
  BTC-USDT trending: lowest with a conflicting signal, no ATR reading, 5x; highest with a medium signal (strength 0.5), no ATR reading, 5x
${['BTC-USDT ranging', 'BTC-USDT choppy', ...['ETH', 'SOL', 'DOGE', 'XRP'].flatMap((c) => ['trending', 'ranging', 'choppy'].map((r) => `${c}-USDT ${r}`))]
  .map((row) => `  ${row}: lowest with a conflicting signal, no ATR reading, 5x; highest with a very-strong signal (strength 0.9), no ATR reading, 5x\n`)
  .join('')}
With the allowed positions open, the largest first:
  Regime    Positions       Notional         Margin         Reserve          After a 10% / 20% adverse move
  trending  2 of 2 allowed  $193.42 (19.0%)  $38.68 (3.8%)  $979.32 (96.2%)  $998.66 (98.1%) / $979.32 (96.2%)
  ranging   2 of 2 allowed  $223.96 (22.0%)  $44.79 (4.4%)  $973.21 (95.6%)  $995.60 (97.8%) / $973.21 (95.6%)
  choppy    2 of 2 allowed  $223.96 (22.0%)  $44.79 (4.4%)  $973.21 (95.6%)  $995.60 (97.8%) / $973.21 (95.6%)
`)
  })

  it('renders the bundled example config (more overrides) in aligned columns', () => {
    const example = readFileSync(path.join(repo, 'fixtures/example/config_futures.yaml'), 'utf8')
    expect(designedText(at(example, 1018))).toBe(`Balance $1,018.00: profile small (progressive), base size $101.80

Symbol     Multiplier  Size     Overrides
BTC-USDT   1.2x        $122.16  trending $42.00 ignored: deviates 65.6% (> 50%); live only for balances up to $700.00
                                ranging $38.00 ignored: deviates 68.9% (> 50%); live only for balances up to $633.33
ETH-USDT   1.0x        $101.80  trending $110.00 applies: deviates 8.1% (<= 50%)
SOL-USDT   0.9x        $91.62   ranging $85.00 applies: deviates 7.2% (<= 50%)
DOGE-USDT  0.8x        $81.44   choppy $20.00 ignored: deviates 75.4% (> 50%); live only for balances up to $500.00
XRP-USDT   0.8x        $81.44   trending $60.00 applies: deviates 26.3% (<= 50%)

With all 5 positions open at 5x leverage:
  Total notional  $478.46  47.0% of balance
  Margin          $95.69    9.4% of balance
  Reserve         $922.31  90.6% of balance
  A 10% adverse move on every position leaves $970.15 (95.3% of balance)
  A 20% adverse move on every position leaves $922.31 (90.6% of balance)
`)
  })
})

describe('explain: other balances and configs', () => {
  it('renders several balances (small and micro), one block each', () => {
    expect(designedText(at(SEED, 650, 300))).toBe(`Balance $650.00: profile small (progressive), base size $65.00

Symbol     Multiplier  Size    Overrides
BTC-USDT   1.2x        $78.00  trending $42.00 applies: deviates 46.2% (<= 50%)
ETH-USDT   1.0x        $65.00  none
SOL-USDT   0.9x        $58.50  none
DOGE-USDT  0.8x        $52.00  none
XRP-USDT   0.8x        $52.00  none

With all 5 positions open at 5x leverage:
  Total notional  $305.50  47.0% of balance
  Margin          $61.10    9.4% of balance
  Reserve         $588.90  90.6% of balance
  A 10% adverse move on every position leaves $619.45 (95.3% of balance)
  A 20% adverse move on every position leaves $588.90 (90.6% of balance)

Balance $300.00: profile micro (progressive), base size $40.00

Symbol     Multiplier  Size    Overrides
BTC-USDT   1.2x        $48.00  trending $42.00 applies: deviates 12.5% (<= 50%)
ETH-USDT   1.0x        $40.00  none
SOL-USDT   0.9x        $36.00  none
DOGE-USDT  0.8x        $32.00  none
XRP-USDT   0.8x        $32.00  none

With all 5 positions open at 5x leverage:
  Total notional  $188.00  62.7% of balance
  Margin          $37.60   12.5% of balance
  Reserve         $262.40  87.5% of balance
  A 10% adverse move on every position leaves $281.20 (93.7% of balance)
  A 20% adverse move on every position leaves $262.40 (87.5% of balance)
`)
  })

  it('says "up to $700.00" one cent past the edge, with enough decimals to show the excess', () => {
    expect(renderExplainText(at(SEED, 700.01))).toContain(
      'trending $42.00 ignored: deviates 50.001% (> 50%); live only for balances up to $700.00',
    )
    expect(renderExplainText(at(SEED, 700))).toContain('trending $42.00 applies: deviates 50.0% (<= 50%)')
  })

  // The percent era's rule: an override may only raise the size, up to 1.5x, and the size it is compared with is at the
  // leverage the bot picks (trending 10x at the reference strength), so the trending override is live where 4b is in [28, 42].
  it('renders percent sizing, where the notional can exceed the balance', () => {
    expect(designedText(at(PERCENT, 1018))).toBe(`Balance $1,018.00: profile small (percent), base size $763.50 (15% of the balance as margin at 5x)

Symbol    Multiplier  Size       Overrides
BTC-USDT  1.6x        $1,221.60  trending $42.00 ignored: below the size $2,443.20 (an override may only raise it); live only for balances from $7.00 to $10.50
                                 ${'ranging $900.00 ignored: below the size $1,221.60 (an override may only raise it); live only for balances from $300.00 to $450.00 and above $500.00 up to $750.00'}
ETH-USDT  1.3x        $992.55    none

With both positions open at 5x leverage:
  Total notional  $2,214.15  217.5% of balance
  Margin          $442.83     43.5% of balance
  Reserve         $575.17     56.5% of balance
  A 10% adverse move on every position leaves $796.59 (78.3% of balance)
  A 20% adverse move on every position leaves $575.17 (56.5% of balance)
`)
    const [e] = at(PERCENT, 1018)
    expect(exactText(e!.exposure.moves[0]!.balanceLeft)).toBe('796.585')
    expect(JSON.parse(renderExplainJson([e!]))[0].maxPositionPercent).toBe(15)
  })

  it('at balance 0 prints amounts without shares of the balance', () => {
    const text = renderExplainText(at(PERCENT, 0))
    expect(text).toContain('BTC-USDT  1.6x        $0.00  trending $42.00 ignored: deviates without bound (> 50%); live only for balances from $7.00 to $10.50')
    expect(text).toContain('\n  Total notional  $0.00\n  Margin          $0.00\n  Reserve         $0.00\n')
    expect(text).toContain('  A 10% adverse move on every position leaves $0.00\n')
    const json = JSON.parse(renderExplainJson(at(PERCENT, 0)))[0]
    expect(json.exposure.notionalPercent).toBeNull()
    expect(json.symbols[0].overrides[0].deviationPercent).toBeNull()
  })

  it('without scalping.symbols uses the symbol_profiles in YAML order; no leverage means 1x; Markdown escapes names', () => {
    const yaml = `scalping:
  balance_profiles:
    only: { threshold: 1000.0, base_position_usd: 80.0 }
  adaptive_regime:
    symbol_profiles:
      "SOL|USDT":
        choppy: { position: { base_position_usd: 5.0 } }
      BTC-USDT: { position_multiplier: 1.25 }
`
    expect(designedText(at(yaml, 5000))).toBe(`Balance $5,000.00: profile only (fixed), base size $80.00

Symbol    Multiplier  Size     Overrides
SOL|USDT  1.0x        $80.00   choppy $5.00 not used: no trade here (scalping.leverage is not set to a number above 0); never live at any balance
BTC-USDT  1.25x       $100.00  none

With both positions open at 1x leverage:
  Total notional  $180.00     3.6% of balance
  Margin          $180.00     3.6% of balance
  Reserve         $4,820.00  96.4% of balance
  A 10% adverse move on every position leaves $4,982.00 (99.6% of balance)
  A 20% adverse move on every position leaves $4,964.00 (99.3% of balance)
`)
    const md = renderExplainMarkdown([explain(dataOf(yaml), 5000, { tolerance: 0.2 })!])
    expect(md).toContain('| SOL\\|USDT | 1.0x | $80.00 | choppy $5.00 not used: no trade here (scalping.leverage is not set to a number above 0); never live at any balance |')
    const led = renderExplainMarkdown([explain(dataOf(yaml.replace('scalping:', 'scalping:\n  leverage: 2\n  sl_percent: 0.4')), 900, { tolerance: 0.2 })!])
    expect(led).toContain('| SOL\\|USDT | 1.0x | $80.00 | choppy $5.00 ignored: deviates 93.8% (> 20%); never live at any balance |')
  })

  it('takes the tolerance from the option; the config\'s tolerance key is not read (the bot hard-codes 50%)', () => {
    const withTol = SEED.replace('scalping:', 'risk:\n  base:\n    position_override_tolerance_percent: 37.5\nscalping:')
    expect(renderExplainText(at(withTol, 650))).toContain('trending $42.00 applies: deviates 46.2% (<= 50%)')
    const e = explain(dataOf(withTol), 650, { tolerance: new Fraction(3, 8) })!
    expect(renderExplainText([e])).toContain('trending $42.00 ignored: deviates 46.2% (> 37.5%); live only for balances up to $560.00')
  })

  it('a pinned sizing mode changes the base size', () => {
    const yaml = 'scalping:\n  balance_profiles:\n    small: { threshold: 999999.0, min_balance: 500.0, max_balance: 1500.0, size_at_min: 50.0, size_at_max: 150.0, base_position_usd: 60.0 }\n'
    expect(explain(dataOf(yaml), 1018)!.baseSize.valueOf()).toBe(60)
    expect(exactText(explain(dataOf(yaml), 1018, { sizingMode: 'progressive' })!.baseSize)).toBe('101.8')
  })

  it('is undefined when no profile defines a size', () => {
    expect(explain(dataOf('scalping: {leverage: 5}'), 1018)).toBeUndefined()
    expect(explain(dataOf('scalping:\n  balance_profiles:\n    a: { threshold: 500.0 }\n'), 100)).toBeUndefined()
    expect(explain(null, 1018)).toBeUndefined()
  })
})

describe('explain helpers', () => {
  it('formatMultiplier keeps at least one decimal', () => {
    expect([1.2, 1, 0.9, 1.25, 2].map((m) => formatMultiplier(new Fraction(m)))).toEqual(['1.2x', '1.0x', '0.9x', '1.25x', '2.0x'])
  })

  it('exactText is exact: terminating decimals as decimals, others as n/d', () => {
    expect([new Fraction(509, 5), new Fraction(-5), new Fraction(0), new Fraction(1900, 3), new Fraction(-1, 8), new Fraction(1, 100)].map(exactText)).toEqual([
      '101.8',
      '-5',
      '0',
      '1900/3',
      '-0.125',
      '0.01',
    ])
  })
})
