// The diff on the real corpus: every consecutive pair of the 112 versions (by file name) diffs without a crash, in every format,
// and the per-symbol sizes it reports at $1,018 are those of the two versions' sizing tables (`explain`), their change the difference.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { diffConfigs } from '../../src/commands/diff/compare.js'
import { renderDiffJson } from '../../src/commands/diff/render-json.js'
import { renderDiffMarkdown } from '../../src/commands/diff/render-markdown.js'
import { renderDiffText } from '../../src/commands/diff/render-text.js'
import { parseConfig } from '../../src/engine/parse.js'
import { q } from '../../src/model/decimal.js'
import { sizingTable } from '../../src/model/sizing-table.js'
import { ruleDocsUrl } from '../../src/rules/docs-url.js'
import { rules } from '../../src/rules/index.js'
import { defaultSettings } from '../../src/settings/normalize.js'
import { CORPUS_ABSENT, CORPUS_DIR, corpusFiles, corpusPresent } from '../helpers/corpus.js'
import { skipAllUnless } from '../helpers/skip.js'

const files = corpusFiles()

const B = q(1018)

/** Per-symbol sizes at $1,018 from a version's sizing table, as exact text; empty when it has none. */
function tableSizes(data: unknown): Map<string, string> {
  const table = sizingTable(data, B)
  return new Map((table?.symbols ?? []).map((s) => [s.symbol, s.size.toFraction()]))
}

describe('diff: every consecutive pair of the real versions', () => {
  skipAllUnless(corpusPresent, CORPUS_ABSENT)
  it('finds the 112 versions', () => {
    expect(files).toHaveLength(112)
  })

  it('never crashes, and reports at $1,018 exactly the difference of the two sizing tables', () => {
    const settings = defaultSettings(rules)
    settings.shared.balances = [1018]
    const texts = files.map((f) => readFileSync(path.join(CORPUS_DIR, f)))
    let pairsWithSizeChanges = 0
    let comparedSizes = 0
    for (let i = 1; i < files.length; i++) {
      const pair = `${files[i - 1]} -> ${files[i]}`
      const diff = diffConfigs({ side: { name: files[i - 1]! }, bytes: texts[i - 1]! }, { side: { name: files[i]! }, bytes: texts[i]! }, settings)
      for (const out of [renderDiffText(diff), renderDiffMarkdown(diff, { docsUrl: ruleDocsUrl }), renderDiffJson(diff)]) expect(typeof out, pair).toBe('string')
      expect(() => JSON.parse(renderDiffJson(diff)), pair).not.toThrow()
      if (diff.sizingSkipped) continue

      const before = parseConfig(texts[i - 1]!.toString('utf8'))
      const after = parseConfig(texts[i]!.toString('utf8'))
      const sb = tableSizes(before.data)
      const sa = tableSizes(after.data)
      const reported = new Map(diff.symbols.map((s) => [s.symbol, s.atBalances.find((x) => x.balance.equals(B))!]))
      if (diff.symbols.length > 0) pairsWithSizeChanges++
      for (const symbol of new Set([...sb.keys(), ...sa.keys()])) {
        const at = reported.get(symbol)
        if (!at) {
          // Not listed: the size did not change anywhere, so not at $1,018 either.
          expect(sa.get(symbol), `${pair} ${symbol}`).toBe(sb.get(symbol))
          continue
        }
        comparedSizes++
        expect(at.before?.toFraction(), `${pair} ${symbol} before`).toBe(sb.get(symbol))
        expect(at.after?.toFraction(), `${pair} ${symbol} after`).toBe(sa.get(symbol))
        if (at.before && at.after) expect(at.after.sub(at.before).toFraction()).toBe(q(0).add(sa.get(symbol)!).sub(sb.get(symbol)!).toFraction())
      }
    }
    // The corpus has real sizing changes between versions: the comparison above is not vacuous.
    expect(pairsWithSizeChanges).toBeGreaterThan(10)
    expect(comparedSizes).toBeGreaterThan(50)
  })
})
