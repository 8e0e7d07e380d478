// interpolation-properties: each failing property gives one finding with its shrunk counterexample and replay data; deterministic; corpus counts.
import { Ajv } from 'ajv'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseConfig } from '../../src/engine/parse.js'
import { formatUsd, q } from '../../src/model/decimal.js'
import { readSizingConfig } from '../../src/model/sizing-config.js'
import { sizeAt } from '../../src/model/sizing.js'
import { breakpoints, interpolationProperties, sizeProperties } from '../../src/rules/interpolation-properties.js'
import { FIXED_LADDER, PERCENT_LADDER, VARIANT_B } from '../helpers/configs.js'
import { CORPUS_ABSENT, corpusFiles, corpusPresent, lintCorpusFile, versionsPerMessageId } from '../helpers/corpus.js'
import { skipAllUnless } from '../helpers/skip.js'
import { lintRule, runRuleTests } from '../rule-tester.js'

/** small overshoots the fixed top of the ladder: every property but `endpoints` fails. */
const OVERSHOOT = `scalping:
  leverage: 5
  balance_profiles:
    micro:
      threshold: 500.0
      min_balance: 100.0
      size_at_min: 30.0
      size_at_max: 50.0
      progressive: true
    small:
      threshold: 1500.0
      min_balance: 500.0
      size_at_min: 50.0
      size_at_max: 400.0
      progressive: true
    large:
      threshold: 999999.0
      base_position_usd: 300.0
`

const FIXED_DROP = FIXED_LADDER.replace('base_position_usd: 100.0', 'base_position_usd: 360.0')

runRuleTests(interpolationProperties, {
  valid: [
    { name: 'Variant B: monotone, continuous, bounded, exact at every endpoint', yaml: VARIANT_B },
    { name: 'a growing fixed ladder (its steps are not checked for continuity)', yaml: FIXED_LADDER },
    {
      name: 'a growing percent ladder (no top: the last profile grows without end)',
      yaml: 'scalping:\n  leverage: 5\n  balance_profiles:\n    micro: {threshold: 500, max_position_percent: 10}\n    small: {threshold: 1500, max_position_percent: 12}\n',
    },
    { name: 'no balance profiles', yaml: 'scalping:\n  leverage: 5\n' },
    { name: 'an empty file', yaml: '' },
    { name: 'profiles the model cannot size (the schema rule reports them)', yaml: 'scalping:\n  balance_profiles:\n    micro: {threshold: 500}\n' },
    { name: 'another seed finds nothing either', yaml: VARIANT_B, options: { seed: 7, numRuns: 2000 } },
  ],
  invalid: [
    {
      name: 'monotone: a fixed drop, shrunk to one cent across it',
      yaml: FIXED_DROP,
      findings: [
        {
          messageId: 'notMonotone',
          message: 'property "monotone" fails: size $360.00 at $1,500.00 but $200.00 at $1,500.01 (shrunk counterexample; replay with --seed 42, path "13")',
          path: '/scalping/balance_profiles/medium/base_position_usd',
          line: 12,
          column: 26,
          endLine: 12,
          endColumn: 31,
        },
      ],
      output: null,
    },
    {
      name: 'monotone in percent mode (the top is unbounded, so bounded holds)',
      yaml: PERCENT_LADDER,
      findings: [
        {
          messageId: 'notMonotone',
          message: 'property "monotone" fails: size $625.00 at $500.00 but $375.01 at $500.01 (shrunk counterexample; replay with --seed 42, path "9")',
          path: '/scalping/balance_profiles/small/max_position_percent',
          line: 9,
          column: 29,
          endLine: 9,
          endColumn: 33,
        },
      ],
    },
    {
      name: 'continuous: a gap with a step up',
      yaml: VARIANT_B.replace('min_balance: 500.0', 'min_balance: 600.0').replace('size_at_min: 50.0', 'size_at_min: 64.0'),
      findings: [
        {
          messageId: 'notContinuous',
          message:
            'property "continuous" fails: size $50.00 at $500.00 but $64.00 at $500.00 + 0.000000001, a jump of +$14.00 over the tolerance $0.01 (shrunk counterexample; replay with --seed 42, path "68")',
          path: '/scalping/balance_profiles/small/size_at_min',
          line: 13,
          column: 20,
          endLine: 13,
          endColumn: 24,
        },
      ],
    },
    {
      name: 'an overshoot breaks monotone, continuous and bounded',
      yaml: OVERSHOOT,
      findings: [
        {
          messageId: 'outOfRange',
          message:
            'property "bounded" fails: size $400.00 at $1,499.99 is above $300.00, the size at the top of the ladder (shrunk counterexample; replay with --seed 42, path "105:3")',
          path: '/scalping/balance_profiles/small/size_at_min',
          line: 13,
          column: 20,
          endLine: 13,
          endColumn: 24,
        },
        {
          messageId: 'notMonotone',
          message: 'property "monotone" fails: size $400.00 at $1,500.00 but $300.00 at $1,500.01 (shrunk counterexample; replay with --seed 42, path "16")',
          path: '/scalping/balance_profiles/large/base_position_usd',
          line: 18,
          column: 26,
          endLine: 18,
          endColumn: 31,
        },
        {
          messageId: 'notContinuous',
          message:
            'property "continuous" fails: size $400.00 at $1,500.00 but $300.00 at $1,500.00 + 0.000000001, a jump of -$100.00 over the tolerance $0.01 (shrunk counterexample; replay with --seed 42, path "105")',
          line: 18,
          column: 26,
          path: '/scalping/balance_profiles/large/base_position_usd',
          endLine: 18,
          endColumn: 31,
        },
      ],
    },
    {
      name: 'endpoints: an overlap moves min_balance into the previous profile',
      yaml: VARIANT_B.replace('min_balance: 500.0', 'min_balance: 400.0'),
      findings: [
        {
          messageId: 'endpointNotExact',
          message:
            'property "endpoints" fails: small\'s size_at_min is $50.00, but the size at its min_balance $400.00 is $45.00 (micro is selected there) (shrunk counterexample; replay with --seed 42, path "1")',
          path: '/scalping/balance_profiles/small/min_balance',
          line: 12,
          column: 20,
          endLine: 12,
          endColumn: 25,
        },
        {
          messageId: 'notContinuous',
          message:
            'property "continuous" fails: size $50.00 at $500.00 but $59.09 at $500.00 + 0.000000001, a jump of +$9.09 over the tolerance $0.01 (shrunk counterexample; replay with --seed 42, path "47")',
          line: 13,
          column: 20,
          path: '/scalping/balance_profiles/small/size_at_min',
          endLine: 13,
          endColumn: 24,
        },
      ],
    },
    {
      name: 'endpoints: a max_balance past the threshold',
      yaml: VARIANT_B.replace('      size_at_max: 200.0\n', '      size_at_max: 200.0\n      max_balance: 4000.0\n'),
      findings: [
        {
          messageId: 'endpointNotExact',
          message:
            'property "endpoints" fails: medium\'s size_at_max is $200.00, but the size at its max_balance $4,000.00 is $214.29 (large is selected there) (shrunk counterexample; replay with --seed 42, path "4:2")',
          path: '/scalping/balance_profiles/medium/max_balance',
          line: 21,
          column: 20,
          endLine: 21,
          endColumn: 26,
        },
        {
          messageId: 'notContinuous',
          message:
            'property "continuous" fails: size $180.00 at $3,000.00 but $200.00 at $3,000.00 + 0.000000001, a jump of +$20.00 over the tolerance $0.01 (shrunk counterexample; replay with --seed 42, path "25")',
          path: '/scalping/balance_profiles/large/size_at_min',
          line: 27,
          column: 20,
          endLine: 27,
          endColumn: 25,
        },
      ],
    },
    {
      name: 'endpoints at a tiled boundary point at the size that disagrees; continuous at the default tolerance',
      yaml: VARIANT_B.replace('size_at_max: 50.0', 'size_at_max: 49.5'),
      findings: [
        {
          messageId: 'notContinuous',
          message:
            'property "continuous" fails: size $49.50 at $500.00 but $50.00 at $500.00 + 0.000000001, a jump of +$0.50 over the tolerance $0.01 (shrunk counterexample; replay with --seed 42, path "29")',
          line: 13,
          column: 20,
          path: '/scalping/balance_profiles/small/size_at_min',
          endLine: 13,
          endColumn: 24,
        },
        {
          messageId: 'endpointNotExact',
          message:
            'property "endpoints" fails: small\'s size_at_min is $50.00, but the size at its min_balance $500.00 is $49.50 (micro is selected there) (shrunk counterexample; replay with --seed 42, path "1")',
          path: '/scalping/balance_profiles/small/size_at_min',
          line: 13,
          column: 20,
          endLine: 13,
          endColumn: 24,
        },
      ],
    },
    {
      name: 'a tolerance below a cent prints in full',
      yaml: VARIANT_B.replace('min_balance: 500.0', 'min_balance: 600.0').replace('size_at_min: 50.0', 'size_at_min: 50.004'),
      options: { tolerance: 0.001 },
      findings: [
        {
          messageId: 'notContinuous',
          message:
            'property "continuous" fails: size $50.00 at $500.00 but $50.00 at $500.00 + 0.000000001, a jump of +$0.004 over the tolerance $0.001 (shrunk counterexample; replay with --seed 42, path "68")',
          line: 13,
          column: 20,
          path: '/scalping/balance_profiles/small/size_at_min',
          endLine: 13,
          endColumn: 26,
        },
      ],
    },
    {
      name: 'tolerance 1 accepts the $0.50 jump; endpoints stay exact',
      yaml: VARIANT_B.replace('size_at_max: 50.0', 'size_at_max: 49.5'),
      options: { tolerance: 1 },
      findings: [{ messageId: 'endpointNotExact', line: 13, column: 20, path: '/scalping/balance_profiles/small/size_at_min', endLine: 13, endColumn: 24 }],
    },
    {
      name: 'a zero-width profile never reaches size_at_max at its threshold',
      yaml: VARIANT_B.replace('min_balance: 100.0', 'min_balance: 500.0').replace('size_at_min: 30.0', 'size_at_min: 40.0'),
      findings: [
        {
          messageId: 'endpointNotExact',
          message:
            'property "endpoints" fails: micro\'s size_at_max is $50.00, but the size at its threshold $500.00 is $40.00 (micro is selected there) (shrunk counterexample; replay with --seed 42, path "1:1")',
          path: '/scalping/balance_profiles/micro/threshold',
          line: 5,
          column: 18,
          endLine: 5,
          endColumn: 23,
        },
        { messageId: 'notContinuous', line: 13, column: 20, path: '/scalping/balance_profiles/small/size_at_min', endLine: 13, endColumn: 24 },
      ],
    },
    {
      name: 'the seed option replays another run',
      yaml: FIXED_DROP,
      options: { seed: 7 },
      findings: [
        {
          messageId: 'notMonotone',
          message: 'property "monotone" fails: size $360.00 at $1,500.00 but $200.00 at $1,500.01 (shrunk counterexample; replay with --seed 7, path "0")',
          line: 12,
          column: 26,
          path: '/scalping/balance_profiles/medium/base_position_usd',
          endLine: 12,
          endColumn: 31,
        },
      ],
    },
    {
      name: 'sizingMode pinned to percent',
      yaml: PERCENT_LADDER.replace(/max_position_percent: (\d+)\.0/g, 'max_position_percent: $1.0\n      base_position_usd: $1.0'),
      shared: { sizingMode: 'percent' },
      findings: [{ messageId: 'notMonotone', line: 10, column: 29, path: '/scalping/balance_profiles/small/max_position_percent', endLine: 10, endColumn: 33 }],
    },
  ],
})

/** All findings (yaml-syntax too) at the default options. */
const lintData = (yaml: string) => lintRule(interpolationProperties, yaml).findings

describe('interpolation-properties', () => {
  it('points at the LAST occurrence of a duplicated key, the value the bot uses', () => {
    const yaml = FIXED_DROP.replace('      base_position_usd: 200.0\n', '      base_position_usd: 400.0\n      base_position_usd: 200.0\n')
    expect(lintData(yaml).map((f) => [f.ruleId, f.messageId, f.range.start.line, f.range.start.column, f.range.end.column])).toEqual([
      ['yaml-syntax', 'duplicateKey', 13, 7, 24],
      ['interpolation-properties', 'notMonotone', 13, 26, 31],
    ])
  })

  it('is deterministic: the same seed gives the same findings', () => {
    const messages = () => lintData(OVERSHOOT).map((f) => f.message)
    expect(messages()).toEqual(messages())
  })

  it('replays a reported counterexample through fast-check with the printed seed and path', () => {
    const [finding] = lintData(FIXED_DROP)
    const [, seed, replayPath] = /--seed (-?\d+), path "([^"]*)"/.exec(finding!.message)!
    const cfg = readSizingConfig(parseConfig(FIXED_DROP).data)
    const details = fc.check(sizeProperties(cfg, q(0.01)).monotone, { seed: Number(seed), path: replayPath, numRuns: 300 })
    expect(details.failed).toBe(true)
    const [b2, gap] = details.counterexample!
    expect([formatUsd(b2.sub(gap)), formatUsd(b2)]).toEqual(['$1,500.00', '$1,500.01'])
  })

  it('generates the breakpoints and one cent either side, inside [0, +inf)', () => {
    const cfg = readSizingConfig(parseConfig(VARIANT_B).data)
    expect(breakpoints(cfg).map((b) => b.toString())).toEqual(
      ['0', '0.01', '99.99', '100', '100.01', '499.99', '500', '500.01', '1499.99', '1500', '1500.01', '2999.99', '3000', '3000.01', '9999.99', '10000', '10000.01', '999998.99', '999999', '999999.01'],
    )
  })

  it('the properties hold for the model on Variant B at any seed', () => {
    const cfg = readSizingConfig(parseConfig(VARIANT_B).data)
    const props = sizeProperties(cfg, q(0.01))
    for (const seed of [1, 2, 3]) for (const p of [props.monotone, props.continuous, props.bounded, props.endpoints!]) expect(fc.check(p as fc.IProperty<unknown[]>, { seed, numRuns: 500 }).failed).toBe(false)
    // And the sizes it checks are the model's, to the cent: $101.80 at $1,018 (SPEC section 2).
    expect(formatUsd(sizeAt(cfg, q(1018))!)).toBe('$101.80')
  })

  it('accepts exactly the documented options', () => {
    const validate = new Ajv({ strict: false }).compile(interpolationProperties.meta.schema)
    expect(validate({ seed: 1, numRuns: 1, tolerance: 0.001 })).toBe(true)
    // 0 would flag every ramp: the property compares sizes 10^-9 apart, and a ramp moves over that step.
    expect(validate({ tolerance: 0 })).toBe(false)
    expect(validate({ seed: 1.5 })).toBe(false)
    expect(validate({ numRuns: 0 })).toBe(false)
    expect(validate({ numRuns: 100001 })).toBe(false)
    expect(validate({ tolerance: -1 })).toBe(false)
    expect(validate({ path: '1:2' })).toBe(false)
  })
})

describe('interpolation-properties over the corpus', () => {
  skipAllUnless(corpusPresent, CORPUS_ABSENT)
  const files = corpusFiles()
  const lint = (file: string) => lintCorpusFile(interpolationProperties, file)

  it('lints all 112 versions without a crash or a malformed message', () => {
    expect(files).toHaveLength(112)
    expect(versionsPerMessageId(files, lint)).toEqual({ notMonotone: 92, notContinuous: 45, endpointNotExact: 42, outOfRange: 3 })
  })

  it('the newest version: monotone fails (the percent ladder drops), nothing else', () => {
    expect(lint('2026-03-03_1e11d27.yaml').map((f) => [f.range.start.line, f.message])).toEqual([
      [96, 'property "monotone" fails: size $625.00 at $500.00 but $375.01 at $500.01 (shrunk counterexample; replay with --seed 42, path "9")'],
    ])
  })

  it('the first Variant B version passes every property', () => {
    expect(lint('2025-11-11_1e5f6e8.yaml')).toEqual([])
  })

  it('2025-11-23 (small ends at $200): monotone, continuous and endpoints fail at $1,500', () => {
    expect(lint('2025-11-23_4ce0ae0.yaml').map((f) => [f.range.start.line, f.messageId])).toEqual([
      [164, 'notMonotone'],
      [164, 'notContinuous'],
      [164, 'endpointNotExact'],
    ])
  })
})
