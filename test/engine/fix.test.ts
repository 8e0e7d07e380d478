// Fixes as offset edits: applying them, merging a rule's edits, and the fix loop (idempotent, comments and untouched data kept on every fixture).
import fc from 'fast-check'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { applyEdits, lintAndFix } from '../../src/engine/fix.js'
import { mergeEdits } from '../../src/engine/fixer.js'
import { rules } from '../../src/rules/index.js'
import { defaultSettings } from '../../src/settings/normalize.js'
import type { TextEdit } from '../../src/types.js'
import { fixProblems, withGap } from '../helpers/fix-invariants.js'

const SEED = 20251125

/** Non-overlapping edits inside `text`. */
const textAndEdits = fc.string({ minLength: 0, maxLength: 60 }).chain((text) =>
  fc
    .uniqueArray(fc.integer({ min: 0, max: text.length }), { maxLength: 8 })
    .chain((cuts) => {
      const points = [...cuts].sort((a, b) => a - b)
      const pairs: [number, number][] = []
      for (let i = 0; i + 1 < points.length; i += 2) pairs.push([points[i]!, points[i + 1]!])
      return fc.tuple(fc.constant(text), fc.constant(pairs), fc.array(fc.string({ maxLength: 5 }), { minLength: pairs.length, maxLength: pairs.length }))
    })
    .map(([t, pairs, texts]) => ({ text: t, edits: pairs.map(([s, e], i): TextEdit => ({ range: [s, e], text: texts[i]! })) })),
)

describe('applyEdits', () => {
  it('no edits is the identity', () => {
    fc.assert(fc.property(fc.string(), (text) => applyEdits(text, []).text === text), { seed: SEED })
  })

  it('non-overlapping edits at once equal the same edits one by one from the end', () => {
    fc.assert(
      fc.property(textAndEdits, ({ text, edits }) => {
        const once = applyEdits(text, [...edits].reverse()).text
        let stepwise = text
        for (const e of [...edits].sort((a, b) => b.range[0] - a.range[0])) stepwise = stepwise.slice(0, e.range[0]) + e.text + stepwise.slice(e.range[1])
        return once === stepwise
      }),
      { seed: SEED },
    )
  })

  it('skips an edit that overlaps an earlier one', () => {
    const edits: TextEdit[] = [
      { range: [0, 4], text: 'AB' },
      { range: [2, 6], text: 'XY' },
      { range: [6, 7], text: '!' },
    ]
    expect(applyEdits('0123456789', edits)).toEqual({ text: 'AB45!789', applied: 2 })
  })
})

describe('mergeEdits', () => {
  it("merges one rule's edits into one covering edit, and refuses overlapping ones", () => {
    const text = 'abcdefghij'
    expect(mergeEdits(text, [{ range: [6, 7], text: 'G' }, { range: [1, 2], text: 'B' }])).toEqual({ range: [1, 7], text: 'BcdefG' })
    expect(mergeEdits(text, [{ range: [1, 4], text: '' }, { range: [3, 5], text: '' }])).toBeUndefined()
    expect(mergeEdits(text, [null])).toBeUndefined()
  })
})

describe('lintAndFix', () => {
  const settings = defaultSettings(rules)
  const ladder = (minBalance: string, comment: string): string =>
    [
      `# ${comment}`,
      'scalping:',
      '  symbols: ["BTC-USDT"]   # keep me',
      '  balance_profiles:',
      '    micro: { threshold: 500.0, min_balance: 100.0, size_at_min: 30.0, size_at_max: 50.0, progressive: true }',
      '    small:',
      '      threshold: 1500.0',
      `      min_balance: ${minBalance}   # was wrong`,
      '      size_at_min: 50.0',
      '      size_at_max: 150.0',
      '      progressive: true',
      '',
    ].join('\n')

  it('fixes a gap or an overlap, keeps every other byte (comments included), and a second run changes nothing', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1400 }).filter((n) => n !== 500),
        fc.constantFrom('a comment', 'коммент ✅', '#'),
        (min, comment) => {
          const source = ladder(`${min}.0`, comment)
          const first = lintAndFix(source, settings)
          const expected = ladder('500.0', comment)
          if (first.output !== expected) return false
          const second = lintAndFix(first.output, settings)
          return second.output === undefined && second.findings.every((f) => f.ruleId !== 'profile-continuity')
        },
      ),
      { seed: SEED, numRuns: 40 },
    )
  })

  it('keeps a BOM and CRLF line endings', () => {
    const source = `\uFEFF${ladder('600.0', 'x').replace(/\n/g, '\r\n')}`
    expect(lintAndFix(source, settings).output).toBe(`\uFEFF${ladder('500.0', 'x').replace(/\n/g, '\r\n')}`)
  })

  it('changes nothing when nothing is fixable', () => {
    expect(lintAndFix(ladder('500.0', 'fine'), settings).output).toBeUndefined()
  })
})

describe('--fix keeps every comment and byte it was not asked to change, on every fixture', () => {
  const settings = defaultSettings(rules)
  settings.shared.balances = [1018]
  const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures')
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.yaml')).sort()

  /** The paths the fix loop fixed, per fixture as it is and with a gap injected before its second profile. */
  const fixedPaths: Record<string, [asIs: string[], withGap: string[] | null]> = {
    'diff/after/config_futures.yaml': [[], ['/scalping/balance_profiles/large/min_balance']],
    'diff/before/config_futures.yaml': [[], ['/scalping/balance_profiles/large/min_balance']],
    // The percent era's profiles hold no min_balance: nothing to put a gap in.
    'eras/percent.yaml': [[], null],
    'eras/risk-manager.yaml': [[], ['/scalping/balance_profiles/medium/min_balance']],
    'eras/variant-b.yaml': [[], ['/scalping/balance_profiles/medium/min_balance']],
    'example/config_futures.yaml': [[], ['/scalping/balance_profiles/small/min_balance']],
    'invalid/bad-indentation.yaml': [[], null],
    'invalid/duplicate-keys.yaml': [[], null],
    'invalid/gap-between-profiles.yaml': [['/scalping/balance_profiles/small/min_balance'], ['/scalping/balance_profiles/small/min_balance']],
    'invalid/never-live-override.yaml': [[], ['/scalping/balance_profiles/large/min_balance']],
    'invalid/percent-margin-drops.yaml': [[], null],
    'invalid/schema-problems.yaml': [[], null],
    'invalid/size-drops-at-boundary.yaml': [[], ['/scalping/balance_profiles/medium/min_balance']],
    'invalid/size-jumps-at-boundary.yaml': [[], ['/scalping/balance_profiles/small/min_balance']],
    'invalid/stale-override.yaml': [[], ['/scalping/balance_profiles/small/min_balance']],
    // The language server's settings file, not a bot config: nothing to fix.
    'lsp/.lint-config.yaml': [[], null],
    // Its gap before small ($600 after micro's $500 threshold) is what --fix closes.
    'lsp/config_futures.yaml': [['/scalping/balance_profiles/small/min_balance'], ['/scalping/balance_profiles/small/min_balance']],
    'valid/fixed-ladder.yaml': [[], null],
    'valid/percent-ladder.yaml': [[], null],
    'valid/progressive-ladder.yaml': [[], ['/scalping/balance_profiles/small/min_balance']],
  }

  it('has an expectation for every fixture', () => {
    expect(files).toEqual(Object.keys(fixedPaths).sort())
  })

  for (const file of files) {
    it(file, () => {
      const source = readFileSync(path.join(dir, file), 'utf8')
      const [asIs, gapped] = fixedPaths[file] ?? [[], null]
      const plain = fixProblems(source, settings)
      expect(plain.problems).toEqual([])
      expect(plain.fixed).toEqual(asIs)
      const gap = withGap(source)
      expect(gap ? fixProblems(gap.text, settings).fixed : null).toEqual(gapped)
      if (gap) expect(fixProblems(gap.text, settings).problems).toEqual([])
    })
  }
})
