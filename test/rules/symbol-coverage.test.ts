// symbol-coverage: profiles of untraded symbols (at the profile's key), traded symbols without a profile (at the list entry).
import { describe, expect, it } from 'vitest'
import { symbolCoverage } from '../../src/rules/symbol-coverage.js'
import { CORPUS_ABSENT, corpusFiles, corpusPresent, lintCorpusFile, versionsPerMessageId } from '../helpers/corpus.js'
import { skipAllUnless } from '../helpers/skip.js'
import { runRuleTests } from '../rule-tester.js'

/** Symbols on line 2; profiles from line 5, one per line, each key at column 7. */
const config = (symbols: string, ...profiles: string[]): string => `scalping:
  symbols: ${symbols}
  adaptive_regime:
    symbol_profiles:
${profiles.map((p) => `      ${p}: { position_multiplier: 1.0 }\n`).join('')}`

runRuleTests(symbolCoverage, {
  valid: [
    { name: 'every traded symbol has a profile and every profile is traded', yaml: config('["BTC-USDT", "ETH-USDT"]', 'ETH-USDT', 'BTC-USDT') },
    { name: 'no symbol_profiles at all: every symbol trades at 1.0x by design', yaml: 'scalping:\n  symbols: ["BTC-USDT", "ETH-USDT"]\n' },
    { name: 'no symbol list: the traded set is unknown', yaml: config('[]', 'BTC-USDT') },
    { name: 'a non-string entry in the list is left to the schema rule', yaml: config('["BTC-USDT", 42]', 'BTC-USDT'), options: { requireProfiles: true } },
    { name: 'a traded symbol without a profile is fine by default (it trades at 1.0x)', yaml: config('["BTC-USDT", "XRP-USDT"]', 'BTC-USDT') },
  ],
  invalid: [
    {
      name: 'a profile for a symbol that is not traded, pointing at its key',
      yaml: config('["BTC-USDT"]', 'BTC-USDT', 'DOGE-USDT'),
      findings: [
        {
          messageId: 'untraded',
          message: 'symbol_profiles has "DOGE-USDT", which scalping.symbols does not trade: its position_multiplier and overrides are never used',
          path: '/scalping/adaptive_regime/symbol_profiles/DOGE-USDT',
          line: 6,
          column: 7,
          endLine: 6,
          endColumn: 16,
          severity: 'warn',
        },
      ],
      output: null,
    },
    {
      name: 'a misspelt symbol: the dead profile names the traded symbol it probably meant',
      yaml: config('["BTC-USDT", "ETH-USDT"]', 'BTC-USDT', 'ETH-USTD'),
      findings: [
        {
          messageId: 'untraded',
          message:
            'symbol_profiles has "ETH-USTD", which scalping.symbols does not trade: its position_multiplier and overrides are never used (a misspelling of "ETH-USDT"?)',
          line: 6,
          column: 7,
          path: '/scalping/adaptive_regime/symbol_profiles/ETH-USTD',
          endLine: 6,
          endColumn: 15,
        },
      ],
    },
    {
      name: 'with requireProfiles, a misspelt symbol: both sides reported, each naming the other',
      yaml: config('["BTC-USDT", "ETH-USDT"]', 'BTC-USDT', 'ETH-USTD'),
      options: { requireProfiles: true },
      findings: [
        {
          messageId: 'unprofiled',
          message: '"ETH-USDT" is traded but has no entry in symbol_profiles: it trades at 1.0x, without overrides (a misspelling of "ETH-USTD"?)',
          path: '/scalping/symbols/1',
          line: 2,
          column: 25,
          endLine: 2,
          endColumn: 35,
        },
        {
          messageId: 'untraded',
          message:
            'symbol_profiles has "ETH-USTD", which scalping.symbols does not trade: its position_multiplier and overrides are never used (a misspelling of "ETH-USDT"?)',
          line: 6,
          column: 7,
          path: '/scalping/adaptive_regime/symbol_profiles/ETH-USTD',
          endLine: 6,
          endColumn: 15,
        },
      ],
    },
    {
      name: 'with requireProfiles, a traded symbol without a profile, once even when listed twice, at its first entry',
      yaml: config('["BTC-USDT", 7, "XRP-USDT", "XRP-USDT"]', 'BTC-USDT'),
      options: { requireProfiles: true },
      findings: [
        {
          messageId: 'unprofiled',
          message: '"XRP-USDT" is traded but has no entry in symbol_profiles: it trades at 1.0x, without overrides',
          path: '/scalping/symbols/2',
          line: 2,
          column: 28,
          endLine: 2,
          endColumn: 38,
        },
      ],
    },
  ],
})

describe('symbol-coverage over the corpus', () => {
  skipAllUnless(corpusPresent, CORPUS_ABSENT)
  it('no version profiles an untraded symbol or leaves a traded one out, once it has symbol profiles', () => {
    const files = corpusFiles()
    expect(files).toHaveLength(112)
    expect(versionsPerMessageId(files, (file) => lintCorpusFile(symbolCoverage, file, { options: { requireProfiles: true } }))).toEqual({})
  })
})
