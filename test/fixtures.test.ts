// The bundled fixtures show what their names say: valid ones clean, each invalid one exactly its findings (at $1,018), each suggestion its edit.
import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { applyEdits } from '../src/engine/fix.js'
import { lintText } from '../src/engine/lint-text.js'
import { rules } from '../src/rules/index.js'
import { defaultSettings } from '../src/settings/normalize.js'
import { editProblems, missing } from './helpers/edit-invariants.js'
import { findingKeys } from './rule-tester.js'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** `line:column ruleId/messageId` of every finding, with a $1,018 reference balance as in the seed report. */
const expected: Record<string, string[]> = {
  'fixtures/valid/fixed-ladder.yaml': [],
  'fixtures/valid/percent-ladder.yaml': [],
  'fixtures/valid/progressive-ladder.yaml': [],
  'fixtures/invalid/bad-indentation.yaml': ['4:2 yaml-syntax/syntaxError'],
  'fixtures/invalid/duplicate-keys.yaml': ['5:3 yaml-syntax/duplicateKey', '8:5 yaml-syntax/duplicateKey'],
  'fixtures/invalid/gap-between-profiles.yaml': ['17:20 profile-continuity/gap'],
  'fixtures/invalid/never-live-override.yaml': ['13:32 stale-override/neverLive'],
  'fixtures/invalid/percent-margin-drops.yaml': [
    '14:29 interpolation-properties/notMonotone',
    '14:29 profile-monotonicity/dropPercent',
    '20:29 profile-monotonicity/dropPercent',
  ],
    // The typo in size_at_max leaves the bot a progressive profile it cannot interpolate: it sizes at the $50 default.
  'fixtures/invalid/schema-problems.yaml': ['5:13 schema/maximum', '7:5 silent-default/profileDefault', '9:20 schema/type', '11:7 schema/additionalProperties'],
  'fixtures/invalid/size-drops-at-boundary.yaml': [
    '18:20 interpolation-properties/notMonotone',
    '18:20 interpolation-properties/notContinuous',
    '18:20 interpolation-properties/endpointNotExact',
    '18:20 profile-continuity/sizeJump',
    '18:20 profile-monotonicity/drop',
  ],
  'fixtures/invalid/size-jumps-at-boundary.yaml': [
    '18:20 interpolation-properties/notContinuous',
    '18:20 interpolation-properties/endpointNotExact',
    '18:20 profile-continuity/sizeJump',
  ],
  'fixtures/invalid/stale-override.yaml': ['15:32 stale-override/ignoredAt'],
  // The three stale overrides are errors; the variant-b code also pins BTC-USDT trending at its $65 cap from $1,500 on, and never
  // reads six of the example's keys.
  'fixtures/example/config_futures.yaml': [
    '108:32 stale-override/ignoredAt',
    '110:31 symbol-cap/pinned',
    '113:32 stale-override/ignoredAt',
    '128:32 stale-override/ignoredAt',
    '136:3 dead-key/neverRead',
    '138:3 dead-key/neverRead',
    '140:3 dead-key/neverRead',
    '147:5 dead-key/neverRead',
    '148:5 dead-key/neverRead',
    '149:5 dead-key/neverRead',
  ],
}

describe('fixtures', () => {
  it('every fixture file has an expectation', () => {
    const files = ['valid', 'invalid', 'example'].flatMap((dir) => readdirSync(path.join(repo, 'fixtures', dir)).map((f) => `fixtures/${dir}/${f}`))
    expect(files.sort()).toEqual(Object.keys(expected).sort())
  })

  for (const [file, findings] of Object.entries(expected)) {
    it(file, () => {
      const settings = defaultSettings(rules)
      settings.shared.balances = [1018]
      const result = lintText(readFileSync(path.join(repo, file), 'utf8'), settings, { filePath: file })
      expect(result.findings.map((f) => `${f.range.start.line}:${f.range.start.column} ${f.ruleId}/${f.messageId}`)).toEqual(findings)
    })
  }

  it('the example has no error without a reference balance (its stale overrides are live at small balances)', () => {
    const result = lintText(readFileSync(path.join(repo, 'fixtures/example/config_futures.yaml'), 'utf8'), defaultSettings(rules))
    expect(result.errorCount).toBe(0)
    expect(result.findings.map((f) => f.ruleId)).toEqual(['symbol-cap', 'dead-key', 'dead-key', 'dead-key', 'dead-key', 'dead-key', 'dead-key'])
  })
})

/**
 * Every suggestion on the fixtures at $1,018, in finding order: `line:column ruleId/messageId`, its desc, and its exact
 * edit (the offsets it replaces, the text it removes, the text it writes).
 */
const suggestions: Record<string, [finding: string, desc: string, range: [number, number], removes: string, writes: string][]> = {
  'fixtures/invalid/stale-override.yaml': [
    ['15:32 stale-override/ignoredAt', 'Set the override to $122.16, the per-symbol size at balance $1,018.00', [897, 901], '42.0', '122.16'],
    [
      '15:32 stale-override/ignoredAt',
      'Remove the override with its `trending` mapping, which holds nothing else',
      [828, 902],
      '        trending:\n          position:\n            base_position_usd: 42.0\n',
      '',
    ],
  ],
  'fixtures/invalid/never-live-override.yaml': [
    ['13:32 stale-override/neverLive', 'Set the override to $101.80, the per-symbol size at balance $1,018.00', [662, 666], '10.0', '101.8'],
    [
      '13:32 stale-override/neverLive',
      'Remove the override with `adaptive_regime`, which holds nothing else',
      [538, 667],
      '  adaptive_regime:\n    symbol_profiles:\n      ETH-USDT:\n        ranging:\n          position:\n            base_position_usd: 10.0\n',
      '',
    ],
  ],
  'fixtures/invalid/size-drops-at-boundary.yaml': [
    ['18:20 profile-continuity/sizeJump', "Set medium's size_at_min to $200.00, small's size at $1,500.00", [479, 484], '150.0', '200.0'],
    ['18:20 profile-continuity/sizeJump', "Set small's size_at_max to $150.00, medium's size just above $1,500.00", [278, 283], '200.0', '150.0'],
    ['18:20 profile-monotonicity/drop', "Set medium's size_at_min to $200.00, small's size at $1,500.00", [479, 484], '150.0', '200.0'],
    ['18:20 profile-monotonicity/drop', "Set small's size_at_max to $150.00, medium's size just above $1,500.00", [278, 283], '200.0', '150.0'],
  ],
  'fixtures/invalid/size-jumps-at-boundary.yaml': [
    ['18:20 profile-continuity/sizeJump', "Set small's size_at_min to $40.00, micro's size at $400.00", [464, 468], '64.0', '40.0'],
    ['18:20 profile-continuity/sizeJump', "Set micro's size_at_max to $64.00, small's size just above $400.00", [268, 272], '40.0', '64.0'],
  ],
  'fixtures/example/config_futures.yaml': [
    ['108:32 stale-override/ignoredAt', 'Set the override to $122.16, the per-symbol size at balance $1,018.00', [3421, 3425], '42.0', '122.16'],
    // BTC-USDT trending keeps min_position_usd and max_position_usd: only the override's line goes, with its comment.
    ['108:32 stale-override/ignoredAt', 'Remove the override', [3390, 3458], '            base_position_usd: 42.0   # left over from fixed sizing\n', ''],
    ['113:32 stale-override/ignoredAt', 'Set the override to $122.16, the per-symbol size at balance $1,018.00', [3596, 3600], '38.0', '122.16'],
    [
      '113:32 stale-override/ignoredAt',
      'Remove the override with its `ranging` mapping, which holds nothing else',
      [3528, 3633],
      '        ranging:\n          position:\n            base_position_usd: 38.0   # left over from fixed sizing\n',
      '',
    ],
    ['128:32 stale-override/ignoredAt', 'Set the override to $81.44, the per-symbol size at balance $1,018.00', [4051, 4055], '20.0', '81.44'],
    [
      '128:32 stale-override/ignoredAt',
      'Remove the override with its `choppy` mapping, which holds nothing else',
      [3984, 4088],
      '        choppy:\n          position:\n            base_position_usd: 20.0   # left over from fixed sizing\n',
      '',
    ],
  ],
}

describe('suggestions on the fixtures (every rule, at $1,018)', () => {
  const settings = defaultSettings(rules)
  settings.shared.balances = [1018]

  for (const file of Object.keys(expected)) {
    it(`${file}: exactly these edits; each removes its finding, adds none of any rule, and keeps every other byte and comment`, () => {
      const text = readFileSync(path.join(repo, file), 'utf8')
      const before = lintText(text, settings, { filePath: file })
      const offered = before.findings.flatMap((f) => (f.suggestions ?? []).map((s) => ({ f, s })))
      expect(
        offered.map(({ f, s }) => [`${f.range.start.line}:${f.range.start.column} ${f.ruleId}/${f.messageId}`, s.desc, [...s.fix.range], text.slice(...s.fix.range), s.fix.text]),
      ).toEqual(suggestions[file] ?? [])
      for (const { f, s } of offered) {
        const after = lintText(applyEdits(text, [s.fix]).text, settings, { filePath: file })
        const left = findingKeys(before.findings)
        left.splice(left.indexOf(findingKeys([f])[0]!), 1)
        // Other rules' findings that the same edit repairs may go too (interpolation-properties' on a jump); none may come.
        expect(missing(findingKeys(after.findings), left), s.desc).toEqual([])
        expect(editProblems(text, s.fix), s.desc).toEqual([])
      }
    })
  }
})

