// Fuzzing the whole engine in-process (issue #5): random and mutated YAML never crashes the linter, every finding
// lies inside the text, no message shows NaN/Infinity/undefined/{{, and the CLI exits 0/1 with JSON and SARIF that
// parse. A fixed seed and a moderate number of runs here; `npm run fuzz -- --runs 100000` runs the same properties
// for as long as you like. On a failure fast-check prints the seed and path to replay it:
//   FUZZ_SEED=<seed> npx vitest run test/fuzz     (or: npm run fuzz -- --seed <seed> --runs <n>)
import fc from 'fast-check'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import type { FileResult } from '../../src/types.js'
import { resultProblems } from '../robustness/invariants.js'
import { CORPUS_ABSENT } from '../helpers/corpus.js'
import { skipUnless } from '../helpers/skip.js'
import { applyTextMutation, buildProperties, checkLint, cleanup, CORPUS_PROPERTY, loadSources, mutate, toYaml } from './properties.js'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const sources = loadSources(repo)
const seed = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : 20_251_125
/** Runs for a property of weight 1; about 15 s in all on a laptop. */
const BUDGET = Number(process.env.FUZZ_RUNS ?? 150)

describe('engine fuzz', () => {
  afterAll(cleanup)

  it('has fixtures to mutate', () => {
    expect(sources.fixtures.length).toBeGreaterThan(5)
  })

  const properties = buildProperties(sources)
  for (const { name, weight, property } of properties) {
    it(name, async () => {
      await fc.assert(property, { seed, numRuns: Math.max(1, Math.round(BUDGET * weight)), endOnFailure: false })
    })
  }
  // Without the corpus its property is left out; a test under its name skips and says so instead of vanishing.
  if (!properties.some((p) => p.name === CORPUS_PROPERTY)) it(CORPUS_PROPERTY, (ctx) => skipUnless(ctx, false, CORPUS_ABSENT))
})

describe('the fuzz machinery itself', () => {
  it('mutations do what they say', () => {
    expect(applyTextMutation('a: 1\nb: 2\n', { op: 'deleteLine', at: 0 })).toBe('b: 2\n')
    expect(applyTextMutation('a: 1\nb: 2\n', { op: 'duplicateLine', at: 0.4 })).toBe('a: 1\nb: 2\nb: 2\n')
    expect(applyTextMutation('a:\n  b: 2\n', { op: 'indent', at: 0.5, by: -1 })).toBe('a:\n b: 2\n')
    expect(applyTextMutation('a:\n  b: 2\n', { op: 'indent', at: 0.5, by: 'tab' })).toBe('a:\n\t  b: 2\n')
    expect(applyTextMutation('a: 1.5\nb: 2\n', { op: 'swapNumber', at: 0, to: '.nan' })).toBe('a: .nan\nb: 2\n')
    expect(applyTextMutation('k_2: 1e3\n', { op: 'swapNumber', at: 0, to: '0' })).toBe('k_2: 0\n')
    expect(applyTextMutation('abcd', { op: 'truncate', at: 0.5 })).toBe('ab')
    expect(mutate('ab', { text: [], bytes: [{ op: 'setByte', at: 0, to: 0xff }] }).bytes).toEqual(Buffer.from([0xff, 0x62]))
  })

  it('the checks catch a broken invariant', () => {
    const at = (line: number, column: number, offset: number) => ({ line, column, offset })
    const finding = (message: string, start: ReturnType<typeof at>, end: ReturnType<typeof at>): FileResult['findings'][number] => ({
      ruleId: 'x',
      messageId: 'x',
      message,
      severity: 'error',
      path: '',
      range: { start, end },
    })
    const result = (findings: FileResult['findings']): FileResult => ({ filePath: '-', findings, errorCount: findings.length, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 })
    const text = 'a: 1\nb: 2\n'
    expect(resultProblems(result([finding('ok', at(2, 1, 5), at(2, 2, 6))]), text)).toEqual([])
    expect(resultProblems(result([finding('size $NaN', at(2, 1, 5), at(2, 2, 6))]), text)).toHaveLength(1)
    expect(resultProblems(result([finding('{{key}} is undefined', at(2, 1, 5), at(2, 2, 6))]), text)).toHaveLength(2)
    expect(resultProblems(result([finding('ok', at(2, 1, 5), at(3, 1, 99))]), text)).toHaveLength(1)
    expect(resultProblems(result([finding('ok', at(1, 1, 5), at(2, 2, 6))]), text)).not.toEqual([])
    expect(resultProblems(result([finding('ok', at(2, 2, 5), at(2, 2, 6))]), text)).not.toEqual([])
    // A word the input itself holds may be echoed back.
    expect(resultProblems(result([finding('key "NaN"', at(1, 1, 0), at(1, 2, 1))]), 'NaN: 1\n')).toEqual([])
    expect(() => checkLint('a: 1\n')).not.toThrow()
    expect(toYaml({ a: 1n }, { version: '1.1' })).toBe('a: 1\n')
  })
})
