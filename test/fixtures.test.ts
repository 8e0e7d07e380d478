// The bundled fixtures show what their names say: valid ones are clean, each invalid one has exactly its findings (at $1,018).
import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { lintText } from '../src/engine/lint-text.js'
import { rules } from '../src/rules/index.js'
import { defaultSettings } from '../src/settings/normalize.js'

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
