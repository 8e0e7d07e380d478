// scripts/gen-config.mjs: deterministic, about the requested size, the bot's shape, valid against the config schema.
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parseDocument } from 'yaml'
// @ts-expect-error the script is plain JavaScript without type declarations
import * as gen from '../../scripts/gen-config.mjs'
import { validate } from '../../src/generated/config-futures.validate.js'

interface GenConfig {
  generateConfig(options?: { lines?: number; seed?: number }): string
  symbolNames(count: number, seed?: number): string[]
  mulberry32(seed: number): () => number
  LADDER: { name: string; threshold: number; atMin: number; atMax: number }[]
}
const { generateConfig, symbolNames, mulberry32, LADDER } = gen as GenConfig

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const lineCount = (text: string): number => text.split('\n').length - 1
type Json = Record<string, unknown>

function load(text: string): { data: Json; errors: string[] } {
  const doc = parseDocument(text, { version: '1.1', uniqueKeys: true })
  return { data: doc.toJS() as Json, errors: doc.errors.map((e) => e.message) }
}

describe('generateConfig', () => {
  it('is deterministic in (lines, seed) and depends on the seed', () => {
    expect(generateConfig({ lines: 3000, seed: 7 })).toBe(generateConfig({ lines: 3000, seed: 7 }))
    expect(generateConfig({ lines: 3000, seed: 8 })).not.toBe(generateConfig({ lines: 3000, seed: 7 }))
  })

  it.each([2000, 10_000, 50_000])('gives about %i lines (at least that many, at most one symbol block more)', (lines) => {
    const n = lineCount(generateConfig({ lines, seed: 1 }))
    expect(n).toBeGreaterThanOrEqual(lines)
    expect(n).toBeLessThan(lines + 250)
  })

  it('gives one symbol when asked for fewer lines than the skeleton', () => {
    const text = generateConfig({ lines: 0 })
    expect(text).toMatch(/^# seed 1, 1 symbol\./m)
    expect(lineCount(text)).toBeLessThan(600)
  })

  it('grows a smaller config into a larger one: the first symbols are the same', () => {
    const small = load(generateConfig({ lines: 2000, seed: 3 })).data
    const large = load(generateConfig({ lines: 10_000, seed: 3 })).data
    const profiles = (d: Json): Json => ((d.scalping as Json).adaptive_regime as Json).symbol_profiles as Json
    for (const [symbol, profile] of Object.entries(profiles(small))) expect(profiles(large)[symbol]).toEqual(profile)
  })

  it("has the bot's shape: no duplicate keys, a symbol profile per symbol, overrides, a continuous ladder, comments", () => {
    const text = generateConfig({ lines: 10_000, seed: 1 })
    const { data, errors } = load(text)
    expect(errors).toEqual([])
    const scalping = data.scalping as Json
    const symbols = scalping.symbols as string[]
    expect(symbols.length).toBeGreaterThan(50)
    expect(new Set(symbols).size).toBe(symbols.length)
    const profiles = (scalping.adaptive_regime as Json).symbol_profiles as Record<string, Json>
    expect(Object.keys(profiles)).toEqual(symbols)
    const overrides = Object.values(profiles).flatMap((p) =>
      ['trending', 'ranging', 'choppy'].map((r) => ((p[r] as Json | undefined)?.position as Json | undefined)?.base_position_usd).filter((v) => v !== undefined),
    )
    expect(overrides.length).toBeGreaterThan(symbols.length)
    const ladder = Object.values(scalping.balance_profiles as Record<string, Json>)
    expect(ladder).toHaveLength(LADDER.length)
    for (let i = 1; i < ladder.length; i++) {
      expect(ladder[i]!.min_balance).toBe(ladder[i - 1]!.threshold)
      expect(ladder[i]!.size_at_min).toBe(ladder[i - 1]!.size_at_max)
    }
    expect(Object.keys(scalping.by_symbol as Json).length).toBeGreaterThan(symbols.length / 3)
    const commented = text.split('\n').filter((line) => line.includes(' # ') || line.trimStart().startsWith('#')).length
    expect(commented / lineCount(text)).toBeGreaterThan(0.2)
    expect(text).toMatch(/[а-я]/)
  })

  it('is valid against schemas/config-futures.schema.json', () => {
    const { data } = load(generateConfig({ lines: 10_000, seed: 5 }))
    expect(validate(data)).toBe(true)
    expect(validate.errors ?? []).toEqual([])
  })

  it('rejects a negative size', () => {
    expect(() => generateConfig({ lines: -1 })).toThrow(RangeError)
  })
})

describe('symbolNames and mulberry32', () => {
  it('starts with the majors and gives unique OKX instrument ids', () => {
    const names = symbolNames(500, 1)
    expect(names.slice(0, 3)).toEqual(['BTC-USDT', 'ETH-USDT', 'SOL-USDT'])
    expect(new Set(names).size).toBe(500)
    for (const name of names) expect(name).toMatch(/^[A-Z0-9]+-[A-Z0-9]+(-[A-Z0-9]+)?$/)
    expect(symbolNames(600, 1).slice(0, 500)).toEqual(names)
  })

  it('mulberry32 is seeded and uniform in [0, 1)', () => {
    const a = mulberry32(42)
    const b = mulberry32(42)
    const xs = Array.from({ length: 2000 }, () => a())
    expect(xs).toEqual(Array.from({ length: 2000 }, () => b()))
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0)
    expect(Math.max(...xs)).toBeLessThan(1)
    expect(xs.reduce((s, x) => s + x, 0) / xs.length).toBeCloseTo(0.5, 1)
  })
})

describe('gen-config CLI', () => {
  const cli = (...args: string[]) => spawnSync(process.execPath, [path.join(repo, 'scripts/gen-config.mjs'), ...args], { encoding: 'utf8' })

  it('prints the same text as the module', () => {
    const r = cli('--lines', '1500', '--seed', '4')
    expect(r.status).toBe(0)
    expect(r.stdout).toBe(generateConfig({ lines: 1500, seed: 4 }))
  })

  it('exits 2 with one line on a bad argument', () => {
    const r = cli('--lines', 'many')
    expect(r.status).toBe(2)
    expect(r.stderr).toBe('gen-config: --lines needs a whole number\n')
  })
})
