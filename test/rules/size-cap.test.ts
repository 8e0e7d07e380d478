// size-cap: profile max/min_position_usd and the size limiter's USD caps, at the reference balances and at every balance.
import Fraction from 'fraction.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseConfig } from '../../src/engine/parse.js'
import { formatUsd } from '../../src/model/decimal.js'
import { readSizingConfig } from '../../src/model/sizing-config.js'
import { balancesWhereSize, intervalContains, sizeAt, symbolSize } from '../../src/model/sizing.js'
import { sizeCap } from '../../src/rules/size-cap.js'
import { CORPUS_ABSENT, corpusFiles, corpusPresent, lintCorpusFile, versionsPerMessageId } from '../helpers/corpus.js'
import { skipAllUnless } from '../helpers/skip.js'
import { lintRule, MALFORMED_MESSAGE, runRuleTests } from '../rule-tester.js'

/**
 * small interpolates $50-$150 over (500, 1500], large $150-$300 over (1500, 3000]; BTC-USDT at 1.2x, ETH-USDT at 1x.
 * small's max_position_usd 170.0 is at 5:129, its min_position_usd 55.0 at 5:154; the limiter's single cap 250.0 at
 * 11:44, its total cap 400.0 at 11:71.
 */
const CAPS = `scalping:
  symbols: ["BTC-USDT", "ETH-USDT"]
  leverage: 5
  balance_profiles:
    small: { threshold: 1500.0, min_balance: 500.0, size_at_min: 50.0, size_at_max: 150.0, progressive: true, max_position_usd: 170.0, min_position_usd: 55.0 }
    large: { threshold: 999999.0, min_balance: 1500.0, max_balance: 3000.0, size_at_min: 150.0, size_at_max: 300.0, progressive: true }
  adaptive_regime:
    symbol_profiles:
      BTC-USDT: { position_multiplier: 1.2 }
futures_modules:
  max_size_limiter: { max_single_size_usd: 250.0, max_total_size_usd: 400.0 }
`

const smallMax = { path: '/scalping/balance_profiles/small/max_position_usd', line: 5, column: 129, endLine: 5, endColumn: 134 }
const smallMin = { path: '/scalping/balance_profiles/small/min_position_usd', line: 5, column: 154, endLine: 5, endColumn: 158 }
const single = { path: '/futures_modules/max_size_limiter/max_single_size_usd', line: 11, column: 44, endLine: 11, endColumn: 49 }
const total = { path: '/futures_modules/max_size_limiter/max_total_size_usd', line: 11, column: 71, endLine: 11, endColumn: 76 }

/** Every symbol's size at every balance is $100.00 (fixed); the caps below are all out of reach or always binding. */
const fixedLadder = (limits: string): string => `scalping:
  symbols: ["BTC-USDT", "ETH-USDT", "BTC-USDT"]
  balance_profiles:
    flat: { threshold: 999999.0, base_position_usd: 100.0${limits} }
`

runRuleTests(sizeCap, {
  valid: [
    { name: 'no reference balance and no limit that binds at every balance', yaml: CAPS },
    { name: 'within every limit at the reference balances', yaml: CAPS, shared: { balances: [600, 1000, 1400] } },
    { name: 'the size equal to a cap or a floor is within it', yaml: fixedLadder(', max_position_usd: 100.0, min_position_usd: 100.0'), shared: { balances: [500] } },
    {
      name: 'the limiter total equal to all positions (two symbols, a duplicate in the list counted once)',
      yaml: `${fixedLadder('')}futures_modules:\n  max_size_limiter: { max_single_size_usd: 100.0, max_total_size_usd: 200.0 }\n`,
      options: { limiter: true },
      shared: { balances: [500] },
    },
    { name: 'the limiter is off by default: the bot never calls it, so its caps bind nowhere', yaml: CAPS, shared: { balances: [2600, 1900] } },
    { name: 'options.balances replace the shared ones', yaml: CAPS, options: { balances: [1000] }, shared: { balances: [1450] } },
    { name: 'no profiles: nothing to size', yaml: 'futures_modules:\n  max_size_limiter: { max_single_size_usd: 1.0 }\n', shared: { balances: [100] } },
    { name: 'a limit of zero is left to the schema rule', yaml: fixedLadder(', max_position_usd: 0'), shared: { balances: [100] } },
    { name: 'a limit that is not a number is left to the schema rule', yaml: fixedLadder(', max_position_usd: "50"'), shared: { balances: [100] } },
    {
      name: 'no traded symbols: no position to cap',
      yaml: 'scalping:\n  balance_profiles:\n    flat: { threshold: 999999.0, base_position_usd: 100.0, max_position_usd: 50.0 }\n',
    },
  ],
  invalid: [
    {
      name: "a profile's max_position_usd at a reference balance, with the exact balances where it binds",
      yaml: CAPS,
      shared: { balances: [1450] },
      findings: [
        {
          messageId: 'clippedAt',
          message:
            "BTC-USDT size $174.00 at balance $1,450.00 is above small's max_position_usd $170.00, so the designed size cannot apply; the cap binds for balances above $1,416.67 up to $1,500.00",
          ...smallMax,
          severity: 'warn',
        },
      ],
      output: null,
    },
    {
      name: "a profile's min_position_usd, below the size of the 1x symbol only",
      yaml: CAPS,
      shared: { balances: [520] },
      findings: [
        {
          messageId: 'raisedAt',
          message:
            "ETH-USDT size $52.00 at balance $520.00 is below small's min_position_usd $55.00, so the designed size cannot apply; the floor binds for balances below $550.00",
          ...smallMin,
        },
      ],
    },
    {
      name: "a profile's limit does not apply where another profile is selected",
      yaml: CAPS.replace('max_position_usd: 170.0', 'max_position_usd: 17.00'),
      shared: { balances: [1600] },
      findings: [
        {
          messageId: 'clippedEverywhere',
          message:
            "small's max_position_usd $17.00 is below the size of BTC-USDT at every balance that selects small (the size runs from $60.00 to $180.00): the designed size never applies",
          ...smallMax,
        },
        {
          messageId: 'clippedEverywhere',
          message:
            "small's max_position_usd $17.00 is below the size of ETH-USDT at every balance that selects small (the size runs from $50.00 to $150.00): the designed size never applies",
          ...smallMax,
        },
      ],
    },
    {
      name: 'the limiter: each symbol over the single cap, and all positions over the total, at several balances',
      yaml: CAPS,
      options: { limiter: true },
      shared: { balances: [2600, 1900] },
      findings: [
        {
          messageId: 'clippedAt',
          message:
            'BTC-USDT size $312.00 at balance $2,600.00 is above max_size_limiter.max_single_size_usd $250.00, so the designed size cannot apply; the cap binds for balances above $2,083.33',
          ...single,
        },
        {
          messageId: 'clippedAt',
          message:
            'ETH-USDT size $260.00 at balance $2,600.00 is above max_size_limiter.max_single_size_usd $250.00, so the designed size cannot apply; the cap binds for balances above $2,500.00',
          ...single,
        },
        {
          messageId: 'totalAt',
          message:
            'with one position per traded symbol (2) open at balance $1,900.00, the total notional $418.00 is over max_size_limiter.max_total_size_usd $400.00, so they cannot all open at their designed size; the cap binds for balances above $1,818.18',
          ...total,
        },
        {
          messageId: 'totalAt',
          message:
            'with one position per traded symbol (2) open at balance $2,600.00, the total notional $572.00 is over max_size_limiter.max_total_size_usd $400.00, so they cannot all open at their designed size; the cap binds for balances above $1,818.18',
          ...total,
        },
      ],
    },
    {
      name: 'limits that bind at every balance are reported without a reference balance, once per symbol',
      yaml: `${fixedLadder(', min_position_usd: 120.0')}futures_modules:\n  max_size_limiter: { max_single_size_usd: 80.0, max_total_size_usd: 150.0 }\n`,
      options: { limiter: true },
      findings: [
        {
          messageId: 'raisedEverywhere',
          message:
            "flat's min_position_usd $120.00 is above the size of BTC-USDT at every balance that selects flat (the size is always $100.00): the designed size never applies",
          line: 4,
          column: 78,
          path: '/scalping/balance_profiles/flat/min_position_usd',
          endLine: 4,
          endColumn: 83,
        },
        {
          messageId: 'raisedEverywhere',
          message:
            "flat's min_position_usd $120.00 is above the size of ETH-USDT at every balance that selects flat (the size is always $100.00): the designed size never applies",
          line: 4,
          column: 78,
          path: '/scalping/balance_profiles/flat/min_position_usd',
          endLine: 4,
          endColumn: 83,
        },
        {
          messageId: 'clippedEverywhere',
          message:
            'max_size_limiter.max_single_size_usd $80.00 is below the size of BTC-USDT at every balance where a profile defines the size (the size is always $100.00): the designed size never applies',
          line: 6,
          column: 44,
          path: '/futures_modules/max_size_limiter/max_single_size_usd',
          endLine: 6,
          endColumn: 48,
        },
        {
          messageId: 'clippedEverywhere',
          message:
            'max_size_limiter.max_single_size_usd $80.00 is below the size of ETH-USDT at every balance where a profile defines the size (the size is always $100.00): the designed size never applies',
          line: 6,
          column: 44,
          path: '/futures_modules/max_size_limiter/max_single_size_usd',
          endLine: 6,
          endColumn: 48,
        },
        {
          messageId: 'totalEverywhere',
          message:
            'max_size_limiter.max_total_size_usd $150.00 is below the total notional of one position per traded symbol (2) at every balance (the total is always $200.00): they can never all open at their designed size',
          line: 6,
          column: 70,
          path: '/futures_modules/max_size_limiter/max_total_size_usd',
          endLine: 6,
          endColumn: 75,
        },
      ],
    },
    {
      name: 'percent mode: the notional grows with the balance, and the cap binds from the exact balance on',
      yaml: `scalping:
  symbols: ["BTC-USDT"]
  leverage: 4
  balance_profiles:
    all: { threshold: 999999.0, max_position_percent: 25.0, max_position_usd: 450.0 }
`,
      shared: { balances: [450, 451] },
      findings: [
        {
          messageId: 'clippedAt',
          message:
            "BTC-USDT size $451.00 at balance $451.00 is above all's max_position_usd $450.00, so the designed size cannot apply; the cap binds for balances above $450.00",
          line: 5,
          column: 79,
          path: '/scalping/balance_profiles/all/max_position_usd',
          endLine: 5,
          endColumn: 84,
        },
      ],
    },
  ],
})

describe('size-cap messages', () => {
  it('never print a placeholder, NaN or Infinity, on odd but parseable limits', () => {
    const yaml = `${fixedLadder(', max_position_usd: 1.0e-9, min_position_usd: 1.0e+300')}futures_modules:\n  max_size_limiter: { max_single_size_usd: 0.001, max_total_size_usd: 1.0e-300 }\n`
    const result = lintRule(sizeCap, yaml, { options: { limiter: true }, shared: { balances: [0, 1, 1e12] } })
    expect(result.findings.map((f) => f.messageId)).toEqual([
      ...['clippedEverywhere', 'clippedEverywhere', 'raisedEverywhere', 'raisedEverywhere', 'clippedEverywhere', 'clippedEverywhere'],
      'totalEverywhere',
    ])
    for (const f of result.findings) expect(f.message).not.toMatch(MALFORMED_MESSAGE)
  })
})

describe('balancesWhereSize agrees with the size at every balance', () => {
  const cfg = readSizingConfig(parseConfig(CAPS).data)
  const cases = [
    { mult: new Fraction(6, 5), bound: new Fraction(170) },
    { mult: new Fraction(1), bound: new Fraction(55) },
    { mult: new Fraction(11, 5), bound: new Fraction(400) },
  ]
  it('above and below a bound, everywhere and within one profile', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400_000 }), fc.constantFrom(...cases), fc.boolean(), (cents, { mult, bound }, onlySmall) => {
        const b = new Fraction(cents, 100)
        const small = cfg.profiles[0]!
        const selected = onlySmall ? b.lte(1500) : true
        const size = sizeAt(cfg, b)!.mul(mult)
        const above = balancesWhereSize(cfg, mult, 'above', bound, onlySmall ? small : undefined)
        const below = balancesWhereSize(cfg, mult, 'below', bound, onlySmall ? small : undefined)
        expect(above.some((iv) => intervalContains(iv, b))).toBe(selected && size.gt(bound))
        expect(below.some((iv) => intervalContains(iv, b))).toBe(selected && size.lt(bound))
      }),
      { seed: 42, numRuns: 2000 },
    )
    expect(symbolSize(cfg, 'BTC-USDT', new Fraction(1450))!.toString()).toBe('174')
  })
})

describe('size-cap decides per symbol as the size at each balance says', () => {
  it('agrees with the pointwise sizes for random multipliers (edges included) and reference balances', () => {
    const multiplier = fc.oneof(
      fc.integer({ min: 1, max: 3600 }).map((k) => new Fraction(k, 1000)),
      // Exactly at an everywhere edge: 170 / 50 (cap reached, not passed) and 55 / 150.
      fc.constantFrom(new Fraction(17, 5), new Fraction(11, 30), new Fraction(3, 1)),
    )
    fc.assert(
      fc.property(multiplier, fc.uniqueArray(fc.integer({ min: 0, max: 400_000 }), { minLength: 1, maxLength: 3 }), (m, cents) => {
        const yaml = CAPS.replace('position_multiplier: 1.2', `position_multiplier: ${m.toString(12)}`)
        const balances = cents.map((c) => c / 100)
        const found = lintRule(sizeCap, yaml, { options: { limiter: true }, shared: { balances } }).findings.map((f) => {
          const symbol = /(BTC|ETH)-USDT/.exec(f.message)?.[0] ?? 'total'
          const at = /at balance (\$[\d,]+\.\d\d)/.exec(f.message)?.[1] ?? ''
          return `${f.messageId}|${symbol}|${at}`
        })
        const cfg = readSizingConfig(parseConfig(yaml).data)
        const expected: string[] = []
        const mults = { 'BTC-USDT': cfg.symbolProfiles[0]!.multiplier, 'ETH-USDT': new Fraction(1) }
        const refs = balances.map((n) => ({ b: new Fraction(n), text: formatUsd(new Fraction(n)) }))
        for (const [symbol, mult] of Object.entries(mults)) {
          // small is selected up to $1,500, where the base size runs from $50.00 (attained) to $150.00 (attained).
          if (mult.mul(50).gt(170)) expected.push(`clippedEverywhere|${symbol}|`)
          else for (const { b, text } of refs) if (b.lte(1500) && sizeAt(cfg, b)!.mul(mult).gt(170)) expected.push(`clippedAt|${symbol}|${text}`)
          if (mult.mul(150).lt(55)) expected.push(`raisedEverywhere|${symbol}|`)
          else for (const { b, text } of refs) if (b.lte(1500) && sizeAt(cfg, b)!.mul(mult).lt(55)) expected.push(`raisedAt|${symbol}|${text}`)
          for (const { b, text } of refs) if (sizeAt(cfg, b)!.mul(mult).gt(250)) expected.push(`clippedAt|${symbol}|${text}`)
        }
        for (const { b, text } of refs) if (sizeAt(cfg, b)!.mul(mults['BTC-USDT'].add(1)).gt(400)) expected.push(`totalAt|total|${text}`)
        expect(found.sort()).toEqual(expected.sort())
      }),
      { seed: 7, numRuns: 300 },
    )
  })
})

describe('size-cap over the corpus', () => {
  skipAllUnless(corpusPresent, CORPUS_ABSENT)
  const files = corpusFiles()
  const lint = (file: string, balances: number[], limiter = true) => lintCorpusFile(sizeCap, file, { options: { limiter }, shared: { balances } })

  it('lints all 112 versions at $1,018 without a crash or a malformed message; 50 of them have a limit that binds', () => {
    expect(files).toHaveLength(112)
    const versions = versionsPerMessageId(files, (file) => lint(file, [1018]))
    expect(versions).toEqual({ clippedAt: 40, totalAt: 40, clippedEverywhere: 10 })
  })

  it('at $1,018 the December 2025 ladders exceed the limiter: every symbol over the $150 single cap, all five over the $600 total', () => {
    const found = lint('2025-12-22_83c1bd1.yaml', [1018]).map((f) => `${f.range.start.line}: ${f.message.split(' is ')[0]}`)
    expect(found).toEqual([
      '1697: BTC-USDT size $242.88 at balance $1,018.00',
      '1697: ETH-USDT size $197.34 at balance $1,018.00',
      '1697: SOL-USDT size $182.16 at balance $1,018.00',
      '1697: DOGE-USDT size $166.98 at balance $1,018.00',
      '1697: XRP-USDT size $166.98 at balance $1,018.00',
      '1698: with one position per traded symbol (5) open at balance $1,018.00, the total notional $956.34',
    ])
  })

  it('the newest version (percent sizing, limiter in percent): no USD limit binds at $1,018', () => {
    expect(lint(files[files.length - 1]!, [1018])).toEqual([])
  })
})
