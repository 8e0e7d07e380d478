// readSizingConfig: mode detection, JSON pointers, malformed data, memoisation.
import { describe, expect, it } from 'vitest'
import Fraction from 'fraction.js'
import { readSizingConfig, type ProfileView, type SizingConfig } from '../../src/model/sizing-config.js'

const frac = (x: Fraction | undefined): string | undefined => x?.toFraction()

/** The seed's Variant-B config, as doc.toJS() would give it (profiles deliberately out of threshold order). */
function variantB(): Record<string, unknown> {
  return {
    scalping: {
      symbols: ['BTC-USDT', 'ETH-USDT', 'SOL-USDT', 'DOGE-USDT', 'XRP-USDT'],
      leverage: 5,
      balance_profiles: {
        small: { threshold: 1500.0, min_balance: 500.0, size_at_min: 50.0, size_at_max: 150.0, progressive: true },
        micro: {
          threshold: 500.0, min_balance: 100.0, size_at_min: 30.0, size_at_max: 50.0, progressive: true,
          base_position_usd: 50.0, min_position_usd: 30.0, max_position_usd: 70.0, max_open_positions: 5, max_position_percent: 25.0,
        },
        medium: { threshold: 3000.0, min_balance: 1500.0, size_at_min: 150.0, size_at_max: 200.0, progressive: true },
        large: { threshold: 999999.0, min_balance: 3000.0, max_balance: 10000.0, size_at_min: 200.0, size_at_max: 300.0, progressive: true },
      },
      adaptive_regime: {
        trending: { position_size_multiplier: 1.1 },
        symbol_profiles: {
          'BTC-USDT': {
            position_multiplier: 1.2,
            trending: { position: { base_position_usd: 42.0, min_position_usd: 28.0, max_position_usd: 65.0 } },
            ranging: { position: { base_position_usd: 35.0 } },
          },
          'ETH-USDT': { position_multiplier: 1.0 },
          'SOL-USDT': { position_multiplier: 0.9 },
        },
      },
    },
    risk: { max_position_size_percent: 20.0, base: { position_override_tolerance_percent: 50.0 } },
  }
}

function profilesOf(balanceProfiles: unknown, mode?: 'auto' | 'progressive' | 'fixed' | 'percent'): SizingConfig {
  return readSizingConfig({ scalping: { balance_profiles: balanceProfiles } }, mode ? { mode } : {})
}

function only(balanceProfiles: Record<string, unknown>, mode?: 'auto' | 'progressive' | 'fixed' | 'percent'): ProfileView {
  const cfg = profilesOf(balanceProfiles, mode)
  const all = [...cfg.profiles, ...cfg.invalidProfiles]
  expect(all).toHaveLength(1)
  return all[0]!
}

describe('readSizingConfig on the Variant-B config', () => {
  const cfg = readSizingConfig(variantB())

  it('sorts profiles by threshold and keeps YAML order in `order`', () => {
    expect(cfg.profiles.map((p) => p.name)).toEqual(['micro', 'small', 'medium', 'large'])
    expect(cfg.profiles.map((p) => p.order)).toEqual([1, 0, 2, 3])
    expect(cfg.invalidProfiles).toEqual([])
  })

  it('reads every sizing value exactly, with its pointer', () => {
    const large = cfg.profiles[3]!
    expect(large.mode).toBe('progressive')
    expect(large.path).toBe('/scalping/balance_profiles/large')
    expect(frac(large.threshold?.value)).toBe('999999')
    expect(large.threshold?.path).toBe('/scalping/balance_profiles/large/threshold')
    expect(frac(large.minBalance?.value)).toBe('3000')
    expect(large.minBalance?.path).toBe('/scalping/balance_profiles/large/min_balance')
    expect(large.maxBalance?.path).toBe('/scalping/balance_profiles/large/max_balance')
    expect(large.hi).toBe(large.maxBalance)
    expect(frac(large.sizeAtMin?.value)).toBe('200')
    expect(large.sizeAtMax?.path).toBe('/scalping/balance_profiles/large/size_at_max')
    expect(large.progressive).toBe(true)

    const small = cfg.profiles[1]!
    expect(small.hi).toBe(small.threshold)
    expect(small.maxBalance).toBeUndefined()
    expect('maxBalance' in small).toBe(false)

    const micro = cfg.profiles[0]!
    expect(micro.basePositionUsd?.path).toBe('/scalping/balance_profiles/micro/base_position_usd')
    expect(micro.maxPositionPercent?.path).toBe('/scalping/balance_profiles/micro/max_position_percent')
    expect(micro.minPositionUsd?.path).toBe('/scalping/balance_profiles/micro/min_position_usd')
    expect(frac(micro.maxPositionUsd?.value)).toBe('70')
    // progressive wins over base_position_usd when both are there
    expect(micro.mode).toBe('progressive')
  })

  it('reads leverage, symbols, multipliers, overrides and the tolerance', () => {
    expect(frac(cfg.leverage?.value)).toBe('5')
    expect(cfg.leverage?.path).toBe('/scalping/leverage')
    expect(cfg.symbols).toEqual(['BTC-USDT', 'ETH-USDT', 'SOL-USDT', 'DOGE-USDT', 'XRP-USDT'])
    expect(cfg.symbolProfiles.map((s) => [s.symbol, frac(s.multiplier), s.multiplierPath])).toEqual([
      ['BTC-USDT', '6/5', '/scalping/adaptive_regime/symbol_profiles/BTC-USDT/position_multiplier'],
      ['ETH-USDT', '1', '/scalping/adaptive_regime/symbol_profiles/ETH-USDT/position_multiplier'],
      ['SOL-USDT', '9/10', '/scalping/adaptive_regime/symbol_profiles/SOL-USDT/position_multiplier'],
    ])
    const btc = cfg.symbolProfiles[0]!
    expect(btc.path).toBe('/scalping/adaptive_regime/symbol_profiles/BTC-USDT')
    expect(btc.overrides.map((o) => [o.symbol, o.regime, frac(o.value.value), o.value.path])).toEqual([
      ['BTC-USDT', 'trending', '42', '/scalping/adaptive_regime/symbol_profiles/BTC-USDT/trending/position/base_position_usd'],
      ['BTC-USDT', 'ranging', '35', '/scalping/adaptive_regime/symbol_profiles/BTC-USDT/ranging/position/base_position_usd'],
    ])
    expect(frac(cfg.tolerance.value)).toBe('1/2')
    expect(cfg.tolerance.path).toBe('/risk/base/position_override_tolerance_percent')
  })

  it('defaults the tolerance to 1/2 without a path, and divides a configured percent by 100', () => {
    const noTol = readSizingConfig({ scalping: {} })
    expect(frac(noTol.tolerance.value)).toBe('1/2')
    expect(noTol.tolerance.path).toBeUndefined()
    expect(frac(readSizingConfig({ risk: { base: { position_override_tolerance_percent: 25.5 } } }).tolerance.value)).toBe('51/200')
    expect(frac(readSizingConfig({ risk: { base: { position_override_tolerance_percent: '50' } } }).tolerance.value)).toBe('1/2')
    expect(readSizingConfig({ risk: { base: { position_override_tolerance_percent: '25' } } }).tolerance.path).toBeUndefined()
  })

  it('returns frozen data', () => {
    expect(Object.isFrozen(cfg)).toBe(true)
    expect(Object.isFrozen(cfg.profiles)).toBe(true)
    expect(Object.isFrozen(cfg.profiles[0])).toBe(true)
    expect(Object.isFrozen(cfg.symbolProfiles[0]!.overrides)).toBe(true)
  })
})

describe('mode detection (SPEC section 2)', () => {
  const prog = { threshold: 500, min_balance: 100, size_at_min: 30, size_at_max: 50 }

  it('progressive needs progressive: true and min_balance, size_at_min, size_at_max', () => {
    expect(only({ p: { ...prog, progressive: true } }).mode).toBe('progressive')
    // max_balance is optional: hi falls back to threshold
    expect(only({ p: { ...prog, progressive: true, max_balance: 'x' } }).hi?.path).toBe('/scalping/balance_profiles/p/threshold')
  })

  it('falls back to fixed when a progressive field is missing or the flag is not exactly true', () => {
    expect(only({ p: { ...prog, progressive: true, size_at_max: undefined, base_position_usd: 40 } }).mode).toBe('fixed')
    expect(only({ p: { ...prog, progressive: false, base_position_usd: 40 } }).mode).toBe('fixed')
    expect(only({ p: { ...prog, progressive: 'true', base_position_usd: 40 } }).mode).toBe('fixed')
    expect(only({ p: { ...prog, progressive: 1, base_position_usd: 40 } }).mode).toBe('fixed')
    expect(only({ p: { ...prog, progressive: true, min_balance: '100', base_position_usd: 40 } }).mode).toBe('fixed')
    expect(only({ p: { ...prog, progressive: false, base_position_usd: 40 } }).progressive).toBe(false)
  })

  it('percent only when no size field is set and max_position_percent is usable', () => {
    expect(only({ p: { threshold: 500, max_position_percent: 25 } }).mode).toBe('percent')
    expect(only({ p: { threshold: 500, max_position_percent: 25, size_at_min: null } }).mode).toBe('percent')
    expect(only({ p: { threshold: 500, max_position_percent: 25, size_at_min: 30 } }).mode).toBe('unknown')
    expect(only({ p: { threshold: 500, max_position_percent: 25, size_at_max: 'big' } }).mode).toBe('unknown')
    expect(only({ p: { threshold: 500, max_position_percent: 25, base_position_usd: '40' } }).mode).toBe('unknown')
    expect(only({ p: { threshold: 500, max_position_percent: '25' } }).mode).toBe('unknown')
    // a progressive: true flag alone does not block percent
    expect(only({ p: { threshold: 500, max_position_percent: 25, progressive: true } }).mode).toBe('percent')
  })

  it('unknown when nothing defines a size', () => {
    expect(only({ p: { threshold: 500 } }).mode).toBe('unknown')
    expect(only({ p: { threshold: 500, base_position_usd: NaN } }).mode).toBe('unknown')
  })

  it('a pinned mode applies wherever its fields are there, else unknown', () => {
    const all = { ...prog, base_position_usd: 40, max_position_percent: 25 }
    expect(only({ p: all }, 'progressive').mode).toBe('progressive')
    expect(only({ p: all }, 'fixed').mode).toBe('fixed')
    expect(only({ p: all }, 'percent').mode).toBe('percent')
    expect(only({ p: { threshold: 500, base_position_usd: 40 } }, 'percent').mode).toBe('unknown')
    expect(only({ p: { threshold: 500, max_position_percent: 25 } }, 'fixed').mode).toBe('unknown')
    expect(only({ p: { threshold: 500, base_position_usd: 40 } }, 'progressive').mode).toBe('unknown')
    expect(only({ p: all }, 'auto').mode).toBe('fixed')
  })
})

describe('profiles with ties and unusable thresholds', () => {
  it('sorts stably: equal thresholds keep YAML order', () => {
    const cfg = profilesOf({
      c: { threshold: 1000, base_position_usd: 3 },
      a: { threshold: 500, base_position_usd: 1 },
      b: { threshold: 500.0, base_position_usd: 2 },
      z: { threshold: -1, base_position_usd: 0 },
    })
    expect(cfg.profiles.map((p) => p.name)).toEqual(['z', 'a', 'b', 'c'])
  })

  it('puts entries without a usable threshold in invalidProfiles, in YAML order', () => {
    const cfg = profilesOf({
      ok: { threshold: 10, base_position_usd: 1 },
      text: { threshold: '500', base_position_usd: 1 },
      nan: { threshold: NaN, base_position_usd: 1 },
      inf: { threshold: Infinity, base_position_usd: 1 },
      minusInf: { threshold: -Infinity },
      bool: { threshold: true },
      nul: { threshold: null },
      missing: { base_position_usd: 1 },
      scalar: 42,
      list: [1, 2],
      empty: null,
    })
    expect(cfg.profiles.map((p) => p.name)).toEqual(['ok'])
    expect(cfg.invalidProfiles.map((p) => [p.name, p.order, p.mode])).toEqual([
      ['text', 1, 'fixed'],
      ['nan', 2, 'fixed'],
      ['inf', 3, 'fixed'],
      ['minusInf', 4, 'unknown'],
      ['bool', 5, 'unknown'],
      ['nul', 6, 'unknown'],
      ['missing', 7, 'fixed'],
      ['scalar', 8, 'unknown'],
      ['list', 9, 'unknown'],
      ['empty', 10, 'unknown'],
    ])
    expect(cfg.invalidProfiles[7]!.path).toBe('/scalping/balance_profiles/scalar')
  })
})

describe('JSON pointers', () => {
  it('escapes ~ as ~0 and / as ~1 in every segment', () => {
    const cfg = readSizingConfig({
      scalping: {
        balance_profiles: { 'a/b~c': { threshold: 500, base_position_usd: 40 }, '~1': { threshold: 600, base_position_usd: 41 } },
        adaptive_regime: {
          symbol_profiles: { 'BTC/USDT~x': { position_multiplier: 2, choppy: { position: { base_position_usd: 9 } } } },
        },
      },
    })
    expect(cfg.profiles[0]!.path).toBe('/scalping/balance_profiles/a~1b~0c')
    expect(cfg.profiles[0]!.threshold!.path).toBe('/scalping/balance_profiles/a~1b~0c/threshold')
    expect(cfg.profiles[1]!.basePositionUsd!.path).toBe('/scalping/balance_profiles/~01/base_position_usd')
    const sym = cfg.symbolProfiles[0]!
    expect(sym.symbol).toBe('BTC/USDT~x')
    expect(sym.multiplierPath).toBe('/scalping/adaptive_regime/symbol_profiles/BTC~1USDT~0x/position_multiplier')
    expect(sym.overrides[0]!.value.path).toBe('/scalping/adaptive_regime/symbol_profiles/BTC~1USDT~0x/choppy/position/base_position_usd')
  })
})

describe('malformed data never throws', () => {
  const empty = (cfg: SizingConfig): void => {
    expect(cfg.profiles).toEqual([])
    expect(cfg.invalidProfiles).toEqual([])
    expect(cfg.symbols).toEqual([])
    expect(cfg.symbolProfiles).toEqual([])
    expect(cfg.leverage).toBeUndefined()
    expect(frac(cfg.tolerance.value)).toBe('1/2')
  }

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a number', 42],
    ['a string', 'scalping'],
    ['an array', [{ scalping: {} }]],
    ['an empty object', {}],
    ['scalping: null', { scalping: null }],
    ['scalping as a list', { scalping: [1, 2] }],
    ['balance_profiles as a list', { scalping: { balance_profiles: [{ threshold: 500, base_position_usd: 1 }] } }],
    ['balance_profiles as a string', { scalping: { balance_profiles: 'micro' } }],
    ['symbols as a string', { scalping: { symbols: 'BTC-USDT' } }],
    ['symbol_profiles as a list', { scalping: { adaptive_regime: { symbol_profiles: ['BTC-USDT'] } } }],
    ['risk.base as a number', { risk: { base: 5 } }],
  ])('%s', (_name, data) => {
    empty(readSizingConfig(data))
  })

  it('skips unusable values one by one', () => {
    const cfg = readSizingConfig({
      scalping: {
        leverage: '5',
        symbols: ['BTC-USDT', 5, null, { s: 1 }, 'ETH-USDT', true],
        adaptive_regime: {
          symbol_profiles: {
            'BTC-USDT': { position_multiplier: '1.2', trending: { position: { base_position_usd: '42' } }, ranging: null },
            'ETH-USDT': { position_multiplier: NaN, choppy: { position: null }, trending: { position: [42] } },
            'SOL-USDT': null,
            'DOGE-USDT': 0.8,
            'XRP-USDT': { position_multiplier: Infinity, volatile: { position: { base_position_usd: 10 } }, ranging: { position: { base_position_usd: 0 } } },
          },
        },
      },
      risk: { base: { position_override_tolerance_percent: NaN } },
    })
    expect(cfg.leverage).toBeUndefined()
    expect(cfg.symbols).toEqual(['BTC-USDT', 'ETH-USDT'])
    expect(cfg.symbolProfiles.map((s) => [s.symbol, frac(s.multiplier), s.multiplierPath, s.overrides.length])).toEqual([
      ['BTC-USDT', '1', undefined, 0],
      ['ETH-USDT', '1', undefined, 0],
      ['XRP-USDT', '1', undefined, 1],
    ])
    expect(cfg.symbolProfiles[2]!.overrides[0]!.regime).toBe('ranging')
    expect(frac(cfg.symbolProfiles[2]!.overrides[0]!.value.value)).toBe('0')
    expect(cfg.tolerance.path).toBeUndefined()
  })

  it('reads own properties only', () => {
    // No profile named after Object.prototype members, and a JSON `__proto__` key stays a plain entry.
    const data = JSON.parse('{"scalping": {"balance_profiles": {"__proto__": {"threshold": 5, "base_position_usd": 1}}}}') as unknown
    const cfg = readSizingConfig(data)
    expect(cfg.profiles.map((p) => p.name)).toEqual(['__proto__'])
    const bare = readSizingConfig({ scalping: { balance_profiles: {}, adaptive_regime: { symbol_profiles: {} } } })
    expect(bare.profiles).toEqual([])
    expect(bare.symbolProfiles).toEqual([])
    const nullProto = Object.assign(Object.create(null) as object, { scalping: { leverage: 3 } })
    expect(frac(readSizingConfig(nullProto).leverage?.value)).toBe('3')
  })
})

describe('memoisation', () => {
  it('returns the same view for the same data object and mode', () => {
    const data = variantB()
    const a = readSizingConfig(data)
    expect(readSizingConfig(data)).toBe(a)
    expect(readSizingConfig(data, { mode: 'auto' })).toBe(a)
    const fixed = readSizingConfig(data, { mode: 'fixed' })
    expect(fixed).not.toBe(a)
    expect(readSizingConfig(data, { mode: 'fixed' })).toBe(fixed)
    expect(fixed.profiles[0]!.mode).toBe('fixed')
    expect(fixed.profiles[1]!.mode).toBe('unknown')
  })

  it('reads a different data object afresh', () => {
    const a = readSizingConfig(variantB())
    const b = readSizingConfig(variantB())
    expect(b).not.toBe(a)
    expect(b).toEqual(a)
  })
})
