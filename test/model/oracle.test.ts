// The independent check: the pipeline's traded sizes for a fixture of each era equal what the bot's own code sized for them.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import Fraction from 'fraction.js'
import { describe, expect, it } from 'vitest'
import { parseConfig } from '../../src/engine/parse.js'
import { q } from '../../src/model/decimal.js'
import type { EraId } from '../../src/model/eras.js'
import { REFERENCE_MARKET, type MarketState } from '../../src/model/market.js'
import { pipelineContext } from '../../src/model/pipeline.js'
import type { Regime } from '../../src/model/sizing-config.js'
import { tradedAt } from '../../src/model/traded.js'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** One cell the bot sized: its profile, leverage and notional (the double it computed, as its shortest decimal text). */
interface Cell {
  profile: string
  leverage: number
  notional: string
}
type Table = Record<string, Record<Regime, Cell>>
interface Fixture {
  era: string
  commit: string
  grid: Record<string, Table>
  hysteresis?: Record<string, Table>
  at_1018_by_strength?: Record<string, Record<Regime, Record<string, Cell>>>
  at_1018_has_conflict?: Table
}

const expected = JSON.parse(readFileSync(path.join(repo, 'test/fixtures-oracle/expected.json'), 'utf8')) as { fixtures: Record<string, Fixture> }
const ERA: Record<string, EraId> = { 'variant-b.yaml': 'variant-b', 'risk-manager.yaml': 'risk-manager', 'percent.yaml': 'percent' }

/** The bot computes in doubles; our exact value must round to the same double (or differ by float noise only). */
function sameAsDouble(exact: Fraction, double: string): boolean {
  const d = Number(double)
  return Math.abs(exact.valueOf() - d) <= 1e-9 * Math.max(1, Math.abs(d))
}

function check(file: string, b: string, table: Table, market: MarketState): string[] {
  const data = parseConfig(readFileSync(path.join(repo, 'fixtures/eras', file), 'utf8')).data
  const ctx = pipelineContext(data, ERA[file]!)
  const problems: string[] = []
  for (const [symbol, regimes] of Object.entries(table)) {
    for (const [regime, cell] of Object.entries(regimes) as [Regime, Cell][]) {
      const t = tradedAt(ctx, symbol, regime, q(b), market)
      const got = `${t.profile} ${t.leverage.toString()}x ${t.notional.round(6).toString()}`
      if (!sameAsDouble(t.notional, cell.notional) || t.profile !== cell.profile || t.leverage.valueOf() !== cell.leverage) {
        problems.push(`${file} ${b} ${symbol} ${regime}: bot ${cell.profile} ${cell.leverage}x ${cell.notional}, lint-config ${got}`)
      }
    }
  }
  return problems
}

describe("the pipeline against the bot's own code (test/fixtures-oracle)", () => {
  for (const [file, fixture] of Object.entries(expected.fixtures)) {
    it(`${file} (era ${fixture.era}, commit ${fixture.commit}): every balance, symbol and regime at the default signal`, () => {
      const problems = Object.entries(fixture.grid).flatMap(([b, table]) => check(file, b, table, REFERENCE_MARKET))
      expect(problems).toEqual([])
      expect(Object.keys(fixture.grid).length).toBeGreaterThan(4)
    })

    it(`${file}: other signal strengths and a conflicting signal at $1,018`, () => {
      const problems: string[] = []
      for (const [symbol, regimes] of Object.entries(fixture.at_1018_by_strength ?? {})) {
        for (const [regime, byStrength] of Object.entries(regimes) as [Regime, Record<string, Cell>][]) {
          for (const [strength, cell] of Object.entries(byStrength)) {
            problems.push(...check(file, '1018', { [symbol]: { [regime]: cell } as Record<Regime, Cell> }, { ...REFERENCE_MARKET, strength: q(strength) }))
          }
        }
      }
      if (fixture.at_1018_has_conflict) problems.push(...check(file, '1018', fixture.at_1018_has_conflict, { ...REFERENCE_MARKET, conflict: true }))
      expect(problems).toEqual([])
    })
  }

  it('percent.yaml: the 5% hysteresis holds the upper profile inside its band, and not at the band edge', () => {
    const fixture = expected.fixtures['percent.yaml']!
    const problems = Object.entries(fixture.hysteresis ?? {}).flatMap(([key, table]) => {
      const b = key.split(' after ')[0]!
      return check('percent.yaml', b, table, { ...REFERENCE_MARKET, selection: 'held' })
    })
    expect(problems).toEqual([])
    expect(Object.keys(fixture.hysteresis ?? {})).toContain('1425.01 after 1600')
  })
})
