// profile-continuity: gaps, overlaps, zero-width and inverted profiles, shared thresholds, size jumps in every mode; fixes; corpus counts.
import { describe, expect, it } from 'vitest'
import { profileContinuity } from '../../src/rules/profile-continuity.js'
import { FIXED_LADDER, PERCENT_LADDER, VARIANT_B } from '../helpers/configs.js'
import { CORPUS_ABSENT, corpusFiles, corpusPresent, lintCorpusFile, versionsPerMessageId } from '../helpers/corpus.js'
import { skipAllUnless } from '../helpers/skip.js'
import { onLine } from '../helpers/lines.js'
import { fixRule, lintRule, runRuleTests, type ExpectedSuggestion } from '../rule-tester.js'

/** Progressive fields and a percent on every profile: auto mode reads it progressive (with a $14 jump at $500). */
const BOTH = `scalping:
  leverage: 5
  balance_profiles:
    micro:
      threshold: 500.0
      min_balance: 100.0
      size_at_min: 30.0
      size_at_max: 50.0
      progressive: true
      max_position_percent: 25.0
    small:
      threshold: 1500.0
      min_balance: 500.0
      size_at_min: 64.0
      size_at_max: 150.0
      progressive: true
      max_position_percent: 15.0
`

/** Replaces `profile.key: value` lines of a block-style ladder, keeping every line where it was. */
function edit(yaml: string, changes: Record<string, string>): string {
  let profile = ''
  const done = new Set<string>()
  const out = yaml.split('\n').map((line) => {
    const header = /^ {4}(\S+):$/.exec(line)
    if (header) profile = header[1]!
    const field = /^( {6})(\w+): /.exec(line)
    const key = field ? `${profile}.${field[2]}` : ''
    if (field && key in changes && !done.has(key)) {
      done.add(key)
      return `${field[1]}${field[2]}: ${changes[key]}`
    }
    return line
  })
  for (const key of Object.keys(changes)) if (!done.has(key)) throw new Error(`no line for ${key}`)
  return out.join('\n')
}

/** "Set <profile>'s size_at_min to <shown>, <other>'s size at <at>", leaving `output`. */
const setMin = (profile: string, shown: string, other: string, at: string, output: string): ExpectedSuggestion => ({
  desc: `Set ${profile}'s size_at_min to ${shown}, ${other}'s size at ${at}`,
  output,
})

/** "Set <profile>'s size_at_max to <shown>, <other>'s size just above <at>", leaving `output`. */
const setMax = (profile: string, shown: string, other: string, at: string, output: string): ExpectedSuggestion => ({
  desc: `Set ${profile}'s size_at_max to ${shown}, ${other}'s size just above ${at}`,
  output,
})

const JUMP_AT_400 = edit(VARIANT_B, { 'micro.threshold': '400.0', 'micro.size_at_max': '40.0', 'small.min_balance': '400.0', 'small.size_at_min': '64.0' })
const SMALL_TO_200 = edit(VARIANT_B, { 'small.size_at_max': '200.0' })
const MICRO_49_5 = edit(VARIANT_B, { 'micro.size_at_max': '49.5' })
const MICRO_49_996 = edit(VARIANT_B, { 'micro.size_at_max': '49.996' })
const OVERLAP_400 = edit(VARIANT_B, { 'small.min_balance': '400.0' })
const GAP_AND_OVERLAP = edit(VARIANT_B, { 'small.min_balance': '501  # was 500', 'medium.min_balance': '1400.0' })
const LARGE_INVERTED = edit(VARIANT_B, { 'large.max_balance': '2000.0' })
const MICRO_INVERTED = edit(VARIANT_B, { 'micro.min_balance': '600.0' })
const BOTH_UNMARKED = BOTH.replace(/ {6}progressive: true\n/g, '')
/** small starts at $64 (line 13) and its ramp runs past its threshold to a max_balance of $2,000 (line 15). */
const SMALL_PAST_THRESHOLD = VARIANT_B.replace('      size_at_min: 50.0\n      size_at_max: 150.0\n', '      size_at_min: 64.0\n      size_at_max: 150.0\n      max_balance: 2000.0\n')
/** medium starts at $1,400 (line 18), inside small; large starts at $210 (line 26). */
const MEDIUM_OVERLAPPED = VARIANT_B.replace('      min_balance: 1500.0\n', '      min_balance: 1400.0\n').replace('size_at_min: 200.0', 'size_at_min: 210.0')

/** A progressive micro ($20-$120, size_at_max on line 8) under a fixed ladder that starts at $360. */
const PROGRESSIVE_THEN_FIXED = `scalping:
  leverage: 5
  balance_profiles:
    micro:
      threshold: 500.0
      min_balance: 100.0
      size_at_min: 20.0
      size_at_max: 120.0
      progressive: true
    small:
      threshold: 1500.0
      base_position_usd: 360.0
    medium:
      threshold: 3000.0
      base_position_usd: 200.0
`

/** Percent -> progressive (small.size_at_min on line 10) -> fixed -> progressive (large.size_at_min on line 19). */
const INTO_PROGRESSIVE = `scalping:
  leverage: 5
  balance_profiles:
    micro:
      threshold: 500.0
      max_position_percent: 10.0
    small:
      threshold: 1500.0
      min_balance: 500.0
      size_at_min: 200.0
      size_at_max: 400.0
      progressive: true
    medium:
      threshold: 3000.0
      base_position_usd: 400.0
    large:
      threshold: 999999.0
      min_balance: 3000.0
      size_at_min: 450.0
      size_at_max: 600.0
      progressive: true
`

/** Flow-style profiles (SPEC section 1) with small overlapping micro by $50. */
const FLOW_OVERLAP = `scalping:
  balance_profiles:
    micro:  { threshold: 500.0,  min_balance: 100.0, size_at_min: 30.0, size_at_max: 50.0,  progressive: true }
    small:  { threshold: 1500.0, min_balance: 450.0, size_at_min: 50.0, size_at_max: 150.0, progressive: true }
`

runRuleTests(profileContinuity, {
  valid: [
    { name: 'Variant B: four progressive profiles, tiled and continuous', yaml: VARIANT_B },
    { name: 'a fixed ladder is stepped by design', yaml: FIXED_LADDER },
    { name: 'a percent ladder is stepped by design', yaml: PERCENT_LADDER },
    { name: 'no balance profiles', yaml: 'scalping:\n  leverage: 5\n' },
    { name: 'an empty file', yaml: '' },
    { name: 'balance_profiles is not a mapping (the schema rule reports it)', yaml: 'scalping:\n  balance_profiles: [1, 2]\n' },
    { name: 'a jump of exactly the tolerance', yaml: edit(VARIANT_B, { 'micro.size_at_max': '50.01' }) },
    { name: 'a $0.50 jump within tolerance 1', yaml: edit(VARIANT_B, { 'micro.size_at_max': '49.5' }), options: { tolerance: 1 } },
    {
      name: 'mixed modes, continuous: percent -> progressive -> fixed',
      yaml: `scalping:
  leverage: 5
  balance_profiles:
    micro:
      threshold: 500.0
      max_position_percent: 10.0
    small:
      threshold: 1500.0
      min_balance: 500.0
      size_at_min: 250.0
      size_at_max: 400.0
      progressive: true
    large:
      threshold: 999999.0
      base_position_usd: 400.0
`,
    },
    { name: 'sizingMode pinned to percent: the same ladder is stepped by design', yaml: BOTH, shared: { sizingMode: 'percent' } },
    {
      name: 'without progressive: true and with size fields, auto mode cannot size it (the schema rule reports that)',
      yaml: BOTH.replace(/ {6}progressive: true\n/g, ''),
    },
  ],
  invalid: [
    {
      name: 'a size jump at a tiled boundary, at the right profile size_at_min',
      yaml: JUMP_AT_400,
      findings: [
        {
          messageId: 'sizeJump',
          message: 'size jumps by +$24.00 at balance $400.00: micro ends at $40.00, small starts at $64.00',
          path: '/scalping/balance_profiles/small/size_at_min',
          line: 13,
          column: 20,
          endLine: 13,
          endColumn: 24,
          suggestions: [
            setMin('small', '$40.00', 'micro', '$400.00', edit(JUMP_AT_400, { 'small.size_at_min': '40.0' })),
            setMax('micro', '$64.00', 'small', '$400.00', edit(JUMP_AT_400, { 'micro.size_at_max': '64.0' })),
          ],
        },
      ],
      output: null,
    },
    {
      name: 'a drop is a jump too, with a minus sign',
      yaml: SMALL_TO_200,
      findings: [
        {
          messageId: 'sizeJump',
          message: 'size jumps by -$50.00 at balance $1,500.00: small ends at $200.00, medium starts at $150.00',
          line: 19,
          column: 20,
          endLine: 19,
          endColumn: 25,
          path: '/scalping/balance_profiles/medium/size_at_min',
          suggestions: [
            setMin('medium', '$200.00', 'small', '$1,500.00', edit(SMALL_TO_200, { 'medium.size_at_min': '200.0' })),
            setMax('small', '$150.00', 'medium', '$1,500.00', VARIANT_B),
          ],
        },
      ],
      output: null,
    },
    {
      name: 'a jump over tolerance 0.1',
      yaml: MICRO_49_5,
      options: { tolerance: 0.1 },
      findings: [
        {
          messageId: 'sizeJump',
          message: 'size jumps by +$0.50 at balance $500.00: micro ends at $49.50, small starts at $50.00',
          line: 13,
          column: 20,
          path: '/scalping/balance_profiles/small/size_at_min',
          endLine: 13,
          endColumn: 24,
          suggestions: [
            setMin('small', '$49.50', 'micro', '$500.00', edit(MICRO_49_5, { 'small.size_at_min': '49.5' })),
            setMax('micro', '$50.00', 'small', '$500.00', VARIANT_B),
          ],
        },
      ],
    },
    {
      name: 'tolerance 0: a jump below a cent keeps its digits',
      yaml: MICRO_49_996,
      options: { tolerance: 0 },
      findings: [
        {
          messageId: 'sizeJump',
          message: 'size jumps by +$0.004 at balance $500.00: micro ends at $50.00, small starts at $50.00',
          line: 13,
          column: 20,
          path: '/scalping/balance_profiles/small/size_at_min',
          endLine: 13,
          endColumn: 24,
          // Exact, not rounded to the cent: at tolerance 0 a cent off would still be a jump.
          suggestions: [
            setMin('small', '$49.996', 'micro', '$500.00', edit(MICRO_49_996, { 'small.size_at_min': '49.996' })),
            setMax('micro', '$50.00', 'small', '$500.00', VARIANT_B),
          ],
        },
      ],
    },
    {
      name: "no suggestion moves another boundary: small's size_at_min also sets its size at $1,500, where its ramp runs on",
      yaml: SMALL_PAST_THRESHOLD,
      findings: [
        {
          messageId: 'sizeJump',
          message: 'size jumps by +$14.00 at balance $500.00: micro ends at $50.00, small starts at $64.00',
          path: '/scalping/balance_profiles/small/size_at_min',
          line: 13,
          column: 20,
          endLine: 13,
          endColumn: 24,
          suggestions: [setMax('micro', '$64.00', 'small', '$500.00', edit(SMALL_PAST_THRESHOLD, { 'micro.size_at_max': '64.0' }))],
        },
        {
          messageId: 'sizeJump',
          message: 'size jumps by +$28.67 at balance $1,500.00: small ends at $121.33, medium starts at $150.00',
          path: '/scalping/balance_profiles/medium/size_at_min',
          line: 20,
          column: 20,
          endLine: 20,
          endColumn: 25,
          // small is part-way up its ramp at $1,500 ($121.333...): medium starts at the cent above, and small's size_at_max stays.
          suggestions: [setMin('medium', '$121.34', 'small', '$1,500.00', edit(SMALL_PAST_THRESHOLD, { 'medium.size_at_min': '121.34' }))],
        },
      ],
    },
    {
      name: "no suggestion moves another boundary: medium's size_at_max also sets its size above $1,500, inside its ramp",
      yaml: MEDIUM_OVERLAPPED,
      findings: [
        { messageId: 'overlap', path: '/scalping/balance_profiles/medium/min_balance', line: 18, column: 20, endLine: 18, endColumn: 26 },
        {
          messageId: 'sizeJump',
          message: 'size jumps by +$3.13 at balance $1,500.00: small ends at $150.00, medium starts at $153.13',
          path: '/scalping/balance_profiles/medium/size_at_min',
          line: 19,
          column: 20,
          endLine: 19,
          endColumn: 25,
          suggestions: [setMax('small', '$153.125', 'medium', '$1,500.00', edit(MEDIUM_OVERLAPPED, { 'small.size_at_max': '153.125' }))],
        },
        {
          messageId: 'sizeJump',
          message: 'size jumps by +$10.00 at balance $3,000.00: medium ends at $200.00, large starts at $210.00',
          path: '/scalping/balance_profiles/large/size_at_min',
          line: 26,
          column: 20,
          endLine: 26,
          endColumn: 25,
          suggestions: [setMin('large', '$200.00', 'medium', '$3,000.00', edit(MEDIUM_OVERLAPPED, { 'large.size_at_min': '200.0' }))],
        },
      ],
      output: edit(MEDIUM_OVERLAPPED, { 'medium.min_balance': '1500.0' }),
    },
    {
      name: 'a gap, fixed by moving min_balance to the threshold',
      yaml: edit(VARIANT_B, { 'small.min_balance': '600.0' }),
      findings: [
        {
          messageId: 'gap',
          message: "Gap between profiles: micro ends at $500.00 but small starts at min_balance $600.00, so balances in between get small's size_at_min",
          path: '/scalping/balance_profiles/small/min_balance',
          line: 12,
          column: 20,
          endLine: 12,
          endColumn: 25,
        },
      ],
      output: VARIANT_B,
    },
    {
      name: 'an overlap starts the next ramp part-way up: two findings, one fix removes both',
      yaml: OVERLAP_400,
      findings: [
        {
          messageId: 'overlap',
          message: "Profiles overlap: small starts at min_balance $400.00, below micro's threshold $500.00, so small starts part-way up its ramp",
          line: 12,
          column: 20,
          endLine: 12,
          endColumn: 25,
          path: '/scalping/balance_profiles/small/min_balance',
        },
        {
          messageId: 'sizeJump',
          message: 'size jumps by +$9.09 at balance $500.00: micro ends at $50.00, small starts at $59.09',
          line: 13,
          column: 20,
          endLine: 13,
          endColumn: 24,
          path: '/scalping/balance_profiles/small/size_at_min',
          // small starts part-way up its ramp ($59.0909...), so only micro's end can meet it: to the cent below.
          suggestions: [setMax('micro', '$59.09', 'small', '$500.00', edit(OVERLAP_400, { 'micro.size_at_max': '59.09' }))],
        },
      ],
      output: VARIANT_B,
    },
    {
      name: 'a gap and an overlap fixed in one run, keeping the comment after the value',
      yaml: GAP_AND_OVERLAP,
      findings: [
        { messageId: 'gap', line: 12, column: 20, endLine: 12, endColumn: 23, path: '/scalping/balance_profiles/small/min_balance' },
        { messageId: 'overlap', line: 18, column: 20, endLine: 18, endColumn: 26, path: '/scalping/balance_profiles/medium/min_balance' },
        {
          messageId: 'sizeJump',
          message: 'size jumps by +$3.13 at balance $1,500.00: small ends at $150.00, medium starts at $153.13',
          line: 19,
          column: 20,
          path: '/scalping/balance_profiles/medium/size_at_min',
          endLine: 19,
          endColumn: 25,
          // medium's ramp at $1,500 is exactly $153.125: written as is.
          suggestions: [setMax('small', '$153.125', 'medium', '$1,500.00', edit(GAP_AND_OVERLAP, { 'small.size_at_max': '153.125' }))],
        },
      ],
      output: edit(VARIANT_B, { 'small.min_balance': '500  # was 500' }),
    },
    {
      name: 'a zero-width first profile',
      yaml: edit(VARIANT_B, { 'micro.min_balance': '500.0', 'micro.size_at_min': '50.0' }),
      findings: [
        {
          messageId: 'zeroWidth',
          message: 'Profile micro is zero-width: min_balance $500.00 equals its threshold $500.00',
          path: '/scalping/balance_profiles/micro/min_balance',
          line: 6,
          column: 20,
          endLine: 6,
          endColumn: 25,
        },
      ],
      output: null,
    },
    {
      name: 'an inverted profile (max_balance below min_balance) also jumps straight to size_at_max',
      yaml: LARGE_INVERTED,
      findings: [
        {
          messageId: 'inverted',
          message: 'Profile large is inverted: min_balance $3,000.00 is above its max_balance $2,000.00',
          line: 24,
          column: 20,
          endLine: 24,
          endColumn: 26,
          path: '/scalping/balance_profiles/large/min_balance',
        },
        {
          messageId: 'sizeJump',
          message: 'size jumps by +$100.00 at balance $3,000.00: medium ends at $200.00, large starts at $300.00',
          path: '/scalping/balance_profiles/large/size_at_max',
          line: 27,
          column: 20,
          endLine: 27,
          endColumn: 25,
          // An inverted large starts at its size_at_max, which the suggestions leave alone.
          suggestions: [setMax('medium', '$300.00', 'large', '$3,000.00', edit(LARGE_INVERTED, { 'medium.size_at_max': '300.0' }))],
        },
      ],
    },
    {
      name: 'an inverted first profile (min_balance above its threshold)',
      yaml: MICRO_INVERTED,
      findings: [
        { messageId: 'inverted', message: 'Profile micro is inverted: min_balance $600.00 is above its threshold $500.00', line: 6, column: 20, path: '/scalping/balance_profiles/micro/min_balance', endLine: 6, endColumn: 25 },
        {
          messageId: 'sizeJump',
          message: 'size jumps by +$20.00 at balance $500.00: micro ends at $30.00, small starts at $50.00',
          line: 13,
          column: 20,
          path: '/scalping/balance_profiles/small/size_at_min',
          endLine: 13,
          endColumn: 24,
          // An inverted micro ends at its size_at_min ($30.00), which the suggestions leave alone.
          suggestions: [setMin('small', '$30.00', 'micro', '$500.00', edit(MICRO_INVERTED, { 'small.size_at_min': '30.0' }))],
        },
      ],
    },
    {
      name: 'a profile that shares a threshold with an earlier one is never selected',
      yaml: `scalping:
  balance_profiles:
    micro:
      threshold: 500.0
      min_balance: 100.0
      size_at_min: 30.0
      size_at_max: 50.0
      progressive: true
    mini:
      threshold: 500.0
      base_position_usd: 40.0
    small:
      threshold: 1500.0
      min_balance: 500.0
      size_at_min: 50.0
      size_at_max: 150.0
      progressive: true
`,
      findings: [
        {
          messageId: 'sharedThreshold',
          message: 'Profiles micro and mini share threshold $500.00: mini is never selected',
          path: '/scalping/balance_profiles/mini/threshold',
          line: 10,
          column: 18,
          endLine: 10,
          endColumn: 23,
        },
      ],
      output: null,
    },
    {
      name: 'the last profile sharing a threshold is selected above it',
      yaml: `scalping:
  balance_profiles:
    small:
      threshold: 1500.0
      min_balance: 500.0
      size_at_min: 50.0
      size_at_max: 150.0
      progressive: true
    large:
      threshold: 1500.0
      min_balance: 1500.0
      max_balance: 10000.0
      size_at_min: 150.0
      size_at_max: 300.0
      progressive: true
`,
      findings: [
        {
          messageId: 'sharedThresholdLast',
          message:
            'Profiles small and large share threshold $1,500.00: large is selected only because it is the last profile, for every balance above $1,500.00',
          line: 10,
          column: 18,
          endLine: 10,
          endColumn: 24,
          path: '/scalping/balance_profiles/large/threshold',
        },
      ],
    },
    {
      name: 'steps: all reports every step of a fixed ladder, at base_position_usd',
      yaml: FIXED_LADDER,
      options: { steps: 'all' },
      findings: [
        {
          messageId: 'sizeJump',
          message: 'size jumps by +$50.00 at balance $500.00: micro ends at $50.00, small starts at $100.00',
          path: '/scalping/balance_profiles/small/base_position_usd',
          line: 9,
          column: 26,
          endLine: 9,
          endColumn: 31,
        },
        { messageId: 'sizeJump', message: 'size jumps by +$100.00 at balance $1,500.00: small ends at $100.00, medium starts at $200.00', line: 12, column: 26, path: '/scalping/balance_profiles/medium/base_position_usd', endLine: 12, endColumn: 31 },
        { messageId: 'sizeJump', message: 'size jumps by +$300.00 at balance $3,000.00: medium ends at $200.00, large starts at $500.00', line: 15, column: 26, path: '/scalping/balance_profiles/large/base_position_usd', endLine: 15, endColumn: 31 },
      ],
      output: null,
    },
    {
      name: 'steps: all reports every step of a percent ladder, at max_position_percent',
      yaml: PERCENT_LADDER,
      options: { steps: 'all' },
      findings: [
        {
          messageId: 'sizeJump',
          message: 'size jumps by -$250.00 at balance $500.00: micro ends at $625.00, small starts at $375.00',
          path: '/scalping/balance_profiles/small/max_position_percent',
          line: 9,
          column: 29,
          endLine: 9,
          endColumn: 33,
        },
        { messageId: 'sizeJump', message: 'size jumps by -$375.00 at balance $1,500.00: small ends at $1,125.00, medium starts at $750.00', line: 12, column: 29, path: '/scalping/balance_profiles/medium/max_position_percent', endLine: 12, endColumn: 33 },
        { messageId: 'sizeJump', message: 'size jumps by -$750.00 at balance $3,000.00: medium ends at $1,500.00, large starts at $750.00', line: 15, column: 29, path: '/scalping/balance_profiles/large/max_position_percent', endLine: 15, endColumn: 32 },
      ],
    },
    {
      name: 'a mixed ladder: the progressive -> fixed boundary is checked, the fixed -> fixed step is not',
      yaml: PROGRESSIVE_THEN_FIXED,
      findings: [
        {
          messageId: 'sizeJump',
          message: 'size jumps by +$240.00 at balance $500.00: micro ends at $120.00, small starts at $360.00',
          path: '/scalping/balance_profiles/small/base_position_usd',
          line: 12,
          column: 26,
          endLine: 12,
          endColumn: 31,
          // A fixed small has no size_at_min: only micro's end can move.
          suggestions: [setMax('micro', '$360.00', 'small', '$500.00', onLine(PROGRESSIVE_THEN_FIXED, 8, '120.0', '360.0'))],
        },
      ],
    },
    {
      name: 'a mixed ladder: fixed -> progressive and percent -> progressive boundaries',
      yaml: INTO_PROGRESSIVE,
      findings: [
        {
          messageId: 'sizeJump',
          message: 'size jumps by -$50.00 at balance $500.00: micro ends at $250.00, small starts at $200.00',
          line: 10,
          column: 20,
          path: '/scalping/balance_profiles/small/size_at_min',
          endLine: 10,
          endColumn: 25,
          suggestions: [setMin('small', '$250.00', 'micro', '$500.00', onLine(INTO_PROGRESSIVE, 10, '200.0', '250.0'))],
        },
        {
          messageId: 'sizeJump',
          message: 'size jumps by +$50.00 at balance $3,000.00: medium ends at $400.00, large starts at $450.00',
          line: 19,
          column: 20,
          path: '/scalping/balance_profiles/large/size_at_min',
          endLine: 19,
          endColumn: 25,
          suggestions: [setMin('large', '$400.00', 'medium', '$3,000.00', onLine(INTO_PROGRESSIVE, 19, '450.0', '400.0'))],
        },
      ],
    },
    {
      name: 'auto mode reads the ladder as progressive',
      yaml: BOTH,
      findings: [
        {
          messageId: 'sizeJump',
          message: 'size jumps by +$14.00 at balance $500.00: micro ends at $50.00, small starts at $64.00',
          line: 14,
          column: 20,
          path: '/scalping/balance_profiles/small/size_at_min',
          endLine: 14,
          endColumn: 24,
          suggestions: [
            setMin('small', '$50.00', 'micro', '$500.00', onLine(BOTH, 14, '64.0', '50.0')),
            setMax('micro', '$64.00', 'small', '$500.00', onLine(BOTH, 8, '50.0', '64.0')),
          ],
        },
      ],
    },
    {
      name: 'sizingMode pinned to percent, with steps: all',
      yaml: BOTH,
      shared: { sizingMode: 'percent' },
      options: { steps: 'all' },
      findings: [
        { messageId: 'sizeJump', message: 'size jumps by -$250.00 at balance $500.00: micro ends at $625.00, small starts at $375.00', line: 17, column: 29, path: '/scalping/balance_profiles/small/max_position_percent', endLine: 17, endColumn: 33 },
      ],
    },
    {
      name: 'sizingMode pinned to progressive sizes profiles that lack progressive: true',
      yaml: BOTH_UNMARKED,
      shared: { sizingMode: 'progressive' },
      findings: [
        {
          messageId: 'sizeJump',
          message: 'size jumps by +$14.00 at balance $500.00: micro ends at $50.00, small starts at $64.00',
          line: 13,
          column: 20,
          path: '/scalping/balance_profiles/small/size_at_min',
          endLine: 13,
          endColumn: 24,
          suggestions: [
            setMin('small', '$50.00', 'micro', '$500.00', onLine(BOTH_UNMARKED, 13, '64.0', '50.0')),
            setMax('micro', '$64.00', 'small', '$500.00', onLine(BOTH_UNMARKED, 8, '50.0', '64.0')),
          ],
        },
      ],
    },
    {
      name: 'a min_balance that a fixed profile ignores still misreads the ladder: gap',
      yaml: `scalping:
  balance_profiles:
    micro:
      threshold: 500.0
      base_position_usd: 50.0
    small:
      threshold: 1500.0
      min_balance: 600.0
      base_position_usd: 100.0
`,
      findings: [
        {
          messageId: 'gapUnused',
          message:
            'Gap between profiles: micro ends at $500.00 but small starts at min_balance $600.00; small sizes in fixed mode, which ignores min_balance, so the ladder reads differently than it sizes',
          line: 8,
          column: 20,
          endLine: 8,
          endColumn: 25,
          path: '/scalping/balance_profiles/small/min_balance',
        },
      ],
      output: `scalping:
  balance_profiles:
    micro:
      threshold: 500.0
      base_position_usd: 50.0
    small:
      threshold: 1500.0
      min_balance: 500.0
      base_position_usd: 100.0
`,
    },
    {
      name: 'a min_balance that a percent profile ignores: overlap',
      yaml: `scalping:
  balance_profiles:
    micro:
      threshold: 500
      max_position_percent: 25
    small:
      threshold: 1500
      min_balance: 400
      max_position_percent: 30
`,
      findings: [
        {
          messageId: 'overlapUnused',
          message:
            "Profiles overlap: small starts at min_balance $400.00, below micro's threshold $500.00; small sizes in percent mode, which ignores min_balance, so the ladder reads differently than it sizes",
          line: 8,
          column: 20,
          endLine: 8,
          endColumn: 23,
          path: '/scalping/balance_profiles/small/min_balance',
        },
      ],
      output: `scalping:
  balance_profiles:
    micro:
      threshold: 500
      max_position_percent: 25
    small:
      threshold: 1500
      min_balance: 500
      max_position_percent: 30
`,
    },
    {
      name: 'flow-style profiles, as SPEC section 1 writes them',
      yaml: FLOW_OVERLAP,
      findings: [
        { messageId: 'overlap', line: 4, column: 47, endLine: 4, endColumn: 52, path: '/scalping/balance_profiles/small/min_balance' },
        {
          messageId: 'sizeJump',
          message: 'size jumps by +$4.76 at balance $500.00: micro ends at $50.00, small starts at $54.76',
          line: 4,
          column: 67,
          endLine: 4,
          endColumn: 71,
          path: '/scalping/balance_profiles/small/size_at_min',
          suggestions: [setMax('micro', '$54.76', 'small', '$500.00', onLine(FLOW_OVERLAP, 3, 'size_at_max: 50.0', 'size_at_max: 54.76'))],
        },
      ],
      output: `scalping:
  balance_profiles:
    micro:  { threshold: 500.0,  min_balance: 100.0, size_at_min: 30.0, size_at_max: 50.0,  progressive: true }
    small:  { threshold: 1500.0, min_balance: 500.0, size_at_min: 50.0, size_at_max: 150.0, progressive: true }
`,
    },
  ],
})

describe('profile-continuity with duplicate keys', () => {
  // The last value is the one the bot uses (PyYAML), so the finding points at the last occurrence.
  const yaml = VARIANT_B.replace('      size_at_max: 150.0\n', '      size_at_max: 150.0\n      size_at_min: 64.0\n')

  it('reports the jump at the LAST occurrence of a duplicated size_at_min', () => {
    const result = lintRule(profileContinuity, yaml)
    expect(result.findings.map((f) => [f.ruleId, f.messageId, f.message, f.range.start.line, f.range.start.column, f.range.end.line, f.range.end.column])).toEqual([
      ['yaml-syntax', 'duplicateKey', 'Duplicate key "size_at_min" (first defined at line 13): the bot silently uses this last value', 15, 7, 15, 18],
      ['profile-continuity', 'sizeJump', 'size jumps by +$14.00 at balance $500.00: micro ends at $50.00, small starts at $64.00', 15, 20, 15, 24],
    ])
  })

  it('fixes the min_balance the bot reads, not an earlier duplicate', () => {
    const dup = VARIANT_B.replace('      min_balance: 500.0\n', '      min_balance: 500.0\n      min_balance: 600.0\n')
    const fixed = fixRule(profileContinuity, dup)
    expect(fixed.output).toBe(dup.replace('min_balance: 600.0', 'min_balance: 500.0'))
  })
})

describe('profile-continuity over the corpus', () => {
  skipAllUnless(corpusPresent, CORPUS_ABSENT)
  const files = corpusFiles()
  const lint = (file: string) => lintCorpusFile(profileContinuity, file)

  it('lints all 112 versions without a crash or a malformed message; 45 have a size jump, none a tiling problem', () => {
    expect(files).toHaveLength(112)
    expect(versionsPerMessageId(files, lint)).toEqual({ sizeJump: 45 })
  })

  it('the newest version (percent sizing) has no progressive profile, so no finding by default', () => {
    expect(lint('2026-03-03_1e11d27.yaml')).toEqual([])
  })

  it('the first Variant B version is continuous', () => {
    expect(lint('2025-11-11_1e5f6e8.yaml')).toEqual([])
  })

  it('small raised to $200 drops to medium at $1,500 (2025-11-23)', () => {
    expect(lint('2025-11-23_4ce0ae0.yaml').map((f) => [f.range.start.line, f.message])).toEqual([
      [164, 'size jumps by -$50.00 at balance $1,500.00: small ends at $200.00, medium starts at $150.00'],
    ])
  })

  it('both ends of small moved (2025-12-08): a jump up at $500 and a drop at $1,500', () => {
    expect(lint('2025-12-08_7244d51.yaml').map((f) => f.message)).toEqual([
      'size jumps by +$50.00 at balance $500.00: micro ends at $50.00, small starts at $100.00',
      'size jumps by -$50.00 at balance $1,500.00: small ends at $200.00, medium starts at $150.00',
    ])
  })

  it('a progressive micro under a fixed ladder (2026-02-10): one jump, at small.base_position_usd', () => {
    expect(lint('2026-02-10_3af9d51.yaml').map((f) => [f.path, f.message])).toEqual([
      ['/scalping/balance_profiles/small/base_position_usd', 'size jumps by +$240.00 at balance $500.00: micro ends at $120.00, small starts at $360.00'],
    ])
  })
})
