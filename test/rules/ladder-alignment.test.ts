// ladder-alignment: a risk.adaptive_minimums tier that ends where the balance profile of the same name does not.
import { describe, expect, it } from 'vitest'
import { ladderAlignment } from '../../src/rules/ladder-alignment.js'
import { CORPUS_ABSENT, corpusFiles, corpusPresent, lintCorpusFile, versionsPerMessageId } from '../helpers/corpus.js'
import { skipAllUnless } from '../helpers/skip.js'
import { runRuleTests } from '../rule-tester.js'

/** Profiles small (to $1,500) and medium (to $3,000); the minimums' tiers one per line from line 7. */
const config = (...tiers: string[]): string => `scalping:
  balance_profiles:
    small: { threshold: 1500.0, base_position_usd: 50.0 }
    medium: { threshold: 3000.0, base_position_usd: 80.0 }
risk:
  adaptive_minimums:
${tiers.map((t) => `    ${t}\n`).join('')}`

runRuleTests(ladderAlignment, {
  valid: [
    { name: 'same names, same ends', yaml: config('small: { balance_threshold: 1500.0, minimum_order_usd: 5.0 }', 'medium: { balance_threshold: 3000 }') },
    { name: 'a tier without a profile of its name, or without a number, is not compared', yaml: config('xlarge: { balance_threshold: 1.0 }', 'small: { balance_threshold: "1500" }') },
    { name: 'no adaptive_minimums', yaml: 'scalping:\n  balance_profiles:\n    small: { threshold: 1500.0, base_position_usd: 50.0 }\n' },
    { name: 'no profiles', yaml: 'risk:\n  adaptive_minimums:\n    small: { balance_threshold: 1.0 }\n' },
  ],
  invalid: [
    {
      name: 'medium ends at $2,300 in the minimums but at $3,000 in the profiles (as in every real version)',
      yaml: config('small:  { balance_threshold: 1500.0 }', 'medium: { balance_threshold: 2300.0 }'),
      findings: [
        {
          messageId: 'thresholdMismatch',
          message: 'risk.adaptive_minimums.medium ends at $2,300.00, but balance_profiles.medium ends at $3,000.00: the same tier name covers different balances',
          path: '/risk/adaptive_minimums/medium/balance_threshold',
          line: 8,
          column: 34,
          endLine: 8,
          endColumn: 40,
          severity: 'error',
        },
      ],
      output: null,
    },
  ],
})

describe('ladder-alignment over the corpus', () => {
  skipAllUnless(corpusPresent, CORPUS_ABSENT)
  it('99 versions have medium at $2,300 in the minimums against the profiles\' $3,000', () => {
    const files = corpusFiles()
    const versions = versionsPerMessageId(files, (file) => lintCorpusFile(ladderAlignment, file))
    expect(versions).toEqual({ thresholdMismatch: 99 })
    const newest = lintCorpusFile(ladderAlignment, files[files.length - 1]!)
    expect(newest.map((f) => [f.range.start.line, f.message])).toEqual([
      [1505, 'risk.adaptive_minimums.medium ends at $2,300.00, but balance_profiles.medium ends at $3,000.00: the same tier name covers different balances'],
    ])
  })
})
