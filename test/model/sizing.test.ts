// SPEC section 2: the worked example to the cent, the ladder analysis, and fast-check laws over random ladders.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import Fraction from 'fraction.js'
import { formatPercent, formatUsd, q } from '../../src/model/decimal.js'
import { readSizingConfig, type SizingConfig } from '../../src/model/sizing-config.js'
import {
  balanceAfterMove,
  baseSize,
  boundaries,
  discontinuities,
  exposureAt,
  formatInterval,
  formatIntervals,
  intervalContains,
  isOverrideLive,
  leverageOf,
  marginAt,
  mergeIntervals,
  overrideLiveAt,
  overrideEverLive,
  overrideLiveSet,
  profileShapes,
  selectProfile,
  sizeAt,
  sizePieces,
  sizeRange,
  symbolSize,
  type Interval,
} from '../../src/model/sizing.js'

const F = (n: number | bigint, d: number | bigint = 1): Fraction => new Fraction(n, d)
const frac = (x: Fraction | null | undefined): string | null | undefined => (x === null || x === undefined ? x : x.toFraction())
/** Exact comparison against decimal text, printed as fractions on failure. */
const exact = (x: Fraction | null | undefined, decimal: string): void => {
  expect(frac(x)).toBe(q(decimal).toFraction())
}
const iv = (lo: Fraction | number, loClosed: boolean, hi: Fraction | number | null, hiClosed: boolean): Interval => ({
  lo: typeof lo === 'number' ? q(lo) : lo,
  loClosed,
  hi: typeof hi === 'number' ? q(hi) : hi,
  hiClosed,
})
const ivText = (ivs: readonly Interval[]): string[] =>
  ivs.map((i) => `${i.loClosed ? '[' : '('}${i.lo.toFraction()}, ${i.hi === null ? 'inf' : i.hi.toFraction()}${i.hiClosed ? ']' : ')'}`)

/** The seed's Variant-B config as doc.toJS() would give it. */
function variantB(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    scalping: {
      symbols: ['BTC-USDT', 'ETH-USDT', 'SOL-USDT', 'DOGE-USDT', 'XRP-USDT'],
      leverage: 5,
      balance_profiles: {
        micro: {
          threshold: 500.0, min_balance: 100.0, size_at_min: 30.0, size_at_max: 50.0, progressive: true,
          base_position_usd: 50.0, min_position_usd: 30.0, max_position_usd: 70.0, max_open_positions: 5, max_position_percent: 25.0,
        },
        small: { threshold: 1500.0, min_balance: 500.0, size_at_min: 50.0, size_at_max: 150.0, progressive: true },
        medium: { threshold: 3000.0, min_balance: 1500.0, size_at_min: 150.0, size_at_max: 200.0, progressive: true },
        large: { threshold: 999999.0, min_balance: 3000.0, max_balance: 10000.0, size_at_min: 200.0, size_at_max: 300.0, progressive: true },
      },
      adaptive_regime: {
        symbol_profiles: {
          'BTC-USDT': {
            position_multiplier: 1.2,
            trending: { position: { base_position_usd: 42.0, min_position_usd: 28.0, max_position_usd: 65.0 } },
          },
          'ETH-USDT': { position_multiplier: 1.0 },
          'SOL-USDT': { position_multiplier: 0.9 },
          'DOGE-USDT': { position_multiplier: 0.8 },
          'XRP-USDT': { position_multiplier: 0.8 },
        },
      },
    },
    risk: { max_position_size_percent: 20.0 },
    ...extra,
  }
}

function ladder(profiles: Record<string, unknown>, scalping: Record<string, unknown> = {}, rest: Record<string, unknown> = {}): SizingConfig {
  return readSizingConfig({ scalping: { balance_profiles: profiles, ...scalping }, ...rest })
}

/** The percent ladder of the latest corpus version (leverage 3), whose comments list expected sizes. */
const percentLadder = (): SizingConfig =>
  ladder(
    {
      micro: { threshold: 500.0, max_position_percent: 25.0, min_position_usd: 15.0, max_position_usd: 450.0 },
      small: { threshold: 1500.0, max_position_percent: 15.0 },
      medium: { threshold: 3000.0, max_position_percent: 10.0 },
      large: { threshold: 999999.0, max_position_percent: 5.0 },
    },
    { leverage: 3 },
  )

describe('SPEC worked example: balance $1018 on the Variant-B config', () => {
  const cfg = readSizingConfig(variantB())
  const b = q(1018)

  it('selects small with base $101.80', () => {
    expect(selectProfile(cfg, b)?.name).toBe('small')
    exact(sizeAt(cfg, b), '101.8')
    expect(formatUsd(sizeAt(cfg, b)!)).toBe('$101.80')
  })

  it('gives every symbol its size to the cent', () => {
    const sizes = cfg.symbols.map((s) => [s, frac(symbolSize(cfg, s, b)), formatUsd(symbolSize(cfg, s, b)!)])
    expect(sizes).toEqual([
      ['BTC-USDT', '3054/25', '$122.16'],
      ['ETH-USDT', '509/5', '$101.80'],
      ['SOL-USDT', '4581/50', '$91.62'],
      ['DOGE-USDT', '2036/25', '$81.44'],
      ['XRP-USDT', '2036/25', '$81.44'],
    ])
  })

  it('totals all five positions: notional, margin at 5x, reserve, adverse moves', () => {
    const e = exposureAt(cfg, b)!
    exact(e.notional, '478.46')
    expect(formatUsd(e.notional)).toBe('$478.46')
    expect(formatPercent(e.notional.div(b))).toBe('47.0%')
    exact(e.margin, '95.692')
    expect(formatUsd(e.margin!)).toBe('$95.69')
    expect(formatPercent(e.margin!.div(b))).toBe('9.4%')
    exact(e.reserve, '922.308')
    expect(formatUsd(e.reserve!)).toBe('$922.31')
    expect(formatPercent(e.reserve!.div(b))).toBe('90.6%')
    expect(formatPercent(balanceAfterMove(e, q(0.1)).div(b))).toBe('95.3%')
    expect(formatPercent(balanceAfterMove(e, q(0.2)).div(b))).toBe('90.6%')
    exact(marginAt(cfg, b, 'BTC-USDT'), '24.432')
    exact(marginAt(cfg, b), '20.36')
  })

  it("BTC's trending override 42.0 is live up to exactly $700.00", () => {
    const o = cfg.symbolProfiles[0]!.overrides[0]!.value.value
    const tol = cfg.tolerance.value
    exact(tol, '0.5')
    exact(symbolSize(cfg, 'BTC-USDT', q(700)), '84')
    // |42 - 84| / 84 is exactly the tolerance: inclusive
    expect(isOverrideLive(o, q(84), tol)).toBe(true)
    expect(overrideLiveAt(cfg, 'BTC-USDT', o, q(700))).toBe(true)
    expect(overrideLiveAt(cfg, 'BTC-USDT', o, q('700.01'))).toBe(false)
    expect(overrideLiveAt(cfg, 'BTC-USDT', o, b)).toBe(false)
    const live = overrideLiveSet(cfg, 'BTC-USDT', o)
    expect(ivText(live)).toEqual(['[0, 700]'])
    expect(formatIntervals(live)).toBe('up to $700.00')
  })
})

describe('profile selection and base size', () => {
  const cfg = readSizingConfig(variantB())
  const name = (b: string): string | undefined => selectProfile(cfg, q(b))?.name

  it('gives a balance equal to a threshold to the lower profile', () => {
    expect([name('0'), name('500'), name('500.01'), name('1500'), name('3000'), name('3000.01')]).toEqual([
      'micro', 'micro', 'small', 'small', 'medium', 'large',
    ])
    expect([name('999999'), name('1000000'), name('1e12')]).toEqual(['large', 'large', 'large'])
    expect(selectProfile(ladder({}), q(5))).toBeUndefined()
    expect(sizeAt(ladder({}), q(5))).toBeUndefined()
  })

  it('holds size_at_min below min_balance and size_at_max from hi on', () => {
    exact(sizeAt(cfg, q(0)), '30')
    exact(sizeAt(cfg, q(100)), '30')
    exact(sizeAt(cfg, q(300)), '40')
    exact(sizeAt(cfg, q(500)), '50')
    exact(sizeAt(cfg, q('500.01')), '50.001')
    exact(sizeAt(cfg, q(6500)), '250')
    exact(sizeAt(cfg, q(10000)), '300')
    exact(sizeAt(cfg, q(999999)), '300')
    exact(sizeAt(cfg, q(5e6)), '300')
    exact(sizeAt(cfg, F(1, 3)), '30')
  })

  it('never divides by zero on zero-width or inverted profiles', () => {
    const zero = ladder({ z: { threshold: 500, min_balance: 500, size_at_min: 50, size_at_max: 150, progressive: true } }).profiles[0]!
    exact(baseSize(zero, q(500)), '50')
    exact(baseSize(zero, q('500.01')), '150')
    const inverted = ladder({ i: { threshold: 500, min_balance: 600, size_at_min: 50, size_at_max: 150, progressive: true } }).profiles[0]!
    exact(baseSize(inverted, q(550)), '50')
    exact(baseSize(inverted, q(600)), '50')
    exact(baseSize(inverted, q('600.01')), '150')
  })

  it('computes percent profiles as balance * percent / 100 * leverage (notional)', () => {
    const cfg = percentLadder()
    const rows = [100, 300, 500, 600, 1000, 2000, 5000].map((b) => [b, formatUsd(sizeAt(cfg, q(b))!), formatUsd(marginAt(cfg, q(b))!)])
    expect(rows).toEqual([
      [100, '$75.00', '$25.00'],
      [300, '$225.00', '$75.00'],
      [500, '$375.00', '$125.00'],
      [600, '$270.00', '$90.00'],
      [1000, '$450.00', '$150.00'],
      [2000, '$600.00', '$200.00'],
      [5000, '$750.00', '$250.00'],
    ])
    const noLeverage = ladder({ p: { threshold: 500, max_position_percent: 25 } })
    exact(leverageOf(noLeverage), '1')
    exact(sizeAt(noLeverage, q(100)), '25')
  })

  it('fixed profiles ignore the balance; unknown profiles have no size', () => {
    const cfg = ladder({ a: { threshold: 500, base_position_usd: 35 }, b: { threshold: 1000 } })
    exact(sizeAt(cfg, q(1)), '35')
    exact(sizeAt(cfg, q(500)), '35')
    expect(sizeAt(cfg, q(501))).toBeUndefined()
    expect(symbolSize(cfg, 'BTC-USDT', q(501))).toBeUndefined()
    expect(exposureAt(readSizingConfig({ scalping: { symbols: ['X'], balance_profiles: { b: { threshold: 1 } } } }), q(5))).toBeUndefined()
  })

  it('uses multiplier 1 for a symbol without a profile, and no margin at leverage 0', () => {
    const cfg = readSizingConfig(variantB())
    exact(symbolSize(cfg, 'ADA-USDT', q(1018)), '101.8')
    const zeroLev = ladder({ a: { threshold: 500, base_position_usd: 35 } }, { leverage: 0, symbols: ['A'] })
    expect(marginAt(zeroLev, q(1))).toBeUndefined()
    const e = exposureAt(zeroLev, q(1))!
    exact(e.notional, '35')
    expect(e.margin).toBeUndefined()
  })
})

describe('override live sets', () => {
  it('inverts each linear piece exactly', () => {
    const cfg = readSizingConfig(variantB())
    // ETH: base in [100, 300] -> from $1,000.00 on
    expect(ivText(overrideLiveSet(cfg, 'ETH-USDT', q(150)))).toEqual(['[1000, inf)'])
    expect(formatIntervals(overrideLiveSet(cfg, 'ETH-USDT', q(150)))).toBe('from $1,000.00')
    // BTC: base in [250/3, 250] -> small from 2500/3, large up to 6500
    const btc = overrideLiveSet(cfg, 'BTC-USDT', q(150))
    expect(ivText(btc)).toEqual(['[2500/3, 6500]'])
    expect(formatIntervals(btc)).toBe('from $833.33 to $6,500.00')
    expect(overrideLiveSet(cfg, 'BTC-USDT', q(1000))).toEqual([])
    expect(formatIntervals(overrideLiveSet(cfg, 'BTC-USDT', q(1000)))).toBe('no balance')
  })

  it('is live on two intervals around a size drop, with open ends where the drop is', () => {
    const cfg = ladder({
      a: { threshold: 1000, base_position_usd: 100 },
      b: { threshold: 2000, base_position_usd: 40 },
      c: { threshold: 999999, base_position_usd: 100 },
    })
    const live = overrideLiveSet(cfg, 'X', q(100))
    expect(ivText(live)).toEqual(['[0, 1000]', '(2000, inf)'])
    expect(formatIntervals(live)).toBe('up to $1,000.00 and above $2,000.00')
    expect(formatIntervals(overrideLiveSet(cfg, 'X', q(40)))).toBe('above $1,000.00 up to $2,000.00')
  })

  it('uses the config tolerance, or the one given', () => {
    const cfg = readSizingConfig(variantB({ risk: { base: { position_override_tolerance_percent: 25.0 } } }))
    exact(cfg.tolerance.value, '0.25')
    // BTC s in [42 / 1.25, 42 / 0.75] = [33.6, 56]: base in [28, 140/3], reached by micro at 1300/3
    expect(ivText(overrideLiveSet(cfg, 'BTC-USDT', q(42)))).toEqual(['[0, 1300/3]'])
    expect(ivText(overrideLiveSet(cfg, 'BTC-USDT', q(42), q(0.5)))).toEqual(['[0, 700]'])
    // tol >= 1: no upper bound on s
    expect(ivText(overrideLiveSet(cfg, 'BTC-USDT', q(42), q(1)))).toEqual(['[0, inf)'])
    expect(formatIntervals(overrideLiveSet(cfg, 'BTC-USDT', q(42), q(1)))).toBe('at any balance')
    // tol 0: only where s == o exactly
    expect(ivText(overrideLiveSet(cfg, 'ETH-USDT', q(40), q(0)))).toEqual(['[300, 300]'])
    expect(formatIntervals(overrideLiveSet(cfg, 'ETH-USDT', q(40), q(0)))).toBe('at exactly $300.00')
    expect(overrideLiveSet(cfg, 'ETH-USDT', q(40), q(-0.1))).toEqual([])
  })

  it('leaves an end open where the size reaches 0 (a zero override with tolerance 1 is live wherever s > 0)', () => {
    const falling = ladder({ f: { threshold: 1000, min_balance: 0, size_at_min: 100, size_at_max: 0, progressive: true } })
    expect(ivText(overrideLiveSet(falling, 'X', q(0), q(1)))).toEqual(['[0, 1000)'])
    expect(formatIntervals(overrideLiveSet(falling, 'X', q(0), q(1)))).toBe('below $1,000.00')
    const percent = ladder({ p: { threshold: 1000, max_position_percent: 10 } })
    expect(ivText(overrideLiveSet(percent, 'X', q(0), q(1)))).toEqual(['(0, inf)'])
    expect(formatIntervals(overrideLiveSet(percent, 'X', q(0), q(1)))).toBe('above $0.00')
  })

  it('never counts a zero or negative size as live', () => {
    expect(isOverrideLive(q(0), q(0), q(1))).toBe(false)
    expect(isOverrideLive(q(-5), q(-5), q(0.5))).toBe(false)
    expect(isOverrideLive(q(0), q(5), q(1))).toBe(true)
    const cfg = ladder({ a: { threshold: 1000, base_position_usd: 50 } }, { adaptive_regime: { symbol_profiles: { Z: { position_multiplier: 0 } } } })
    expect(overrideLiveSet(cfg, 'Z', q(0), q(1))).toEqual([])
  })
})

describe('ladder analysis', () => {
  it('the Variant-B ladder tiles and is continuous', () => {
    const cfg = readSizingConfig(variantB())
    const rows = boundaries(cfg).map((b) => [b.left.name, b.right.name, frac(b.at), frac(b.sizeAt), frac(b.sizeAbove), frac(b.jump), frac(b.marginAt), b.tiling, b.touchesProgressive])
    expect(rows).toEqual([
      ['micro', 'small', '500', '50', '50', '0', '10', 'tiled', true],
      ['small', 'medium', '1500', '150', '150', '0', '30', 'tiled', true],
      ['medium', 'large', '3000', '200', '200', '0', '40', 'tiled', true],
    ])
    expect(boundaries(cfg)[0]!.threshold.path).toBe('/scalping/balance_profiles/micro/threshold')
    expect(discontinuities(cfg)).toEqual([])
    const shapes = profileShapes(cfg)
    expect(shapes.map((s) => [s.profile.name, ivText([s.region!])[0], s.shape, frac(s.width), s.decreasing])).toEqual([
      ['micro', '[0, 500]', 'regular', '400', false],
      ['small', '(500, 1500]', 'regular', '1000', false],
      ['medium', '(1500, 3000]', 'regular', '1500', false],
      ['large', '(3000, inf)', 'regular', '7000', false],
    ])
    const range = sizeRange(cfg)!
    expect([frac(range.min), range.minAttained, frac(range.max), range.maxAttained]).toEqual(['30', true, '300', true])
    expect(frac(sizeRange(cfg, 'BTC-USDT')!.max)).toBe('360')
  })

  it('reports gaps, overlaps and the size just above the threshold', () => {
    const cfg = ladder({
      a: { threshold: 500, min_balance: 100, size_at_min: 30, size_at_max: 50, progressive: true },
      b: { threshold: 1500, min_balance: 600, size_at_min: 60, size_at_max: 150, progressive: true },
      c: { threshold: 3000, min_balance: 1000, size_at_min: 100, size_at_max: 200, progressive: true },
    })
    const [ab, bc] = boundaries(cfg)
    expect([ab!.tiling, frac(ab!.tilingDelta), frac(ab!.sizeAt), frac(ab!.sizeAbove), frac(ab!.jump)]).toEqual(['gap', '100', '50', '60', '10'])
    // c interpolates from 1000, so just above 1500 it is already at 100 + 500/2000 * 100
    expect([bc!.tiling, frac(bc!.tilingDelta), frac(bc!.sizeAt), frac(bc!.sizeAbove), frac(bc!.jump)]).toEqual(['overlap', '-500', '150', '125', '-25'])
    expect(discontinuities(cfg).map((d) => [frac(d.at), frac(d.before), frac(d.value), frac(d.after)])).toEqual([
      ['500', '50', '50', '60'],
      ['1500', '150', '150', '125'],
    ])
  })

  it('finds shared thresholds, unreachable profiles, zero-width, inverted and decreasing profiles', () => {
    const cfg = ladder({
      neg: { threshold: -10, base_position_usd: 1 },
      a: { threshold: 500, min_balance: 100, size_at_min: 30, size_at_max: 50, progressive: true },
      twin: { threshold: 500, base_position_usd: 70 },
      zero: { threshold: 1000, min_balance: 1000, size_at_min: 60, size_at_max: 80, progressive: true },
      inv: { threshold: 2000, min_balance: 2500, max_balance: 1500, size_at_min: 90, size_at_max: 85, progressive: true },
      last: { threshold: 2000, base_position_usd: 100 },
    })
    const shapes = profileShapes(cfg)
    expect(
      shapes.map((s) => [s.profile.name, s.region ? ivText([s.region])[0] : null, s.sharesThresholdWith?.name ?? null, s.shape ?? null, frac(s.width) ?? null, s.decreasing]),
    ).toEqual([
      ['neg', null, null, null, null, false],
      ['a', '[0, 500]', null, 'regular', '400', false],
      ['twin', null, 'a', null, null, false],
      ['zero', '(500, 1000]', null, 'zero-width', '0', false],
      ['inv', '(1000, 2000]', null, 'inverted', '-1000', true],
      ['last', '(2000, inf)', 'inv', null, null, false],
    ])
    const rows = boundaries(cfg).map((b) => [b.left.name, b.right.name, frac(b.at), b.shadowed.map((p) => p.name), frac(b.jump), b.tiling])
    expect(rows).toEqual([
      ['a', 'zero', '500', ['twin'], '10', 'gap'],
      ['zero', 'inv', '1000', [], '30', 'gap'],
      ['inv', 'last', '2000', [], '10', 'unspecified'],
    ])
    // zero-width jumps at its min_balance (== threshold, so at the boundary); inverted jumps down at 2500 > its threshold, unseen
    expect(discontinuities(cfg).map((d) => [frac(d.at), frac(d.before), frac(d.value), frac(d.after)])).toEqual([
      ['500', '50', '50', '60'],
      ['1000', '60', '60', '90'],
      ['2000', '90', '90', '100'],
    ])
  })

  it('a zero-width profile jumps inside its own region', () => {
    const cfg = ladder({
      a: { threshold: 500, base_position_usd: 40 },
      z: { threshold: 1500, min_balance: 800, max_balance: 800, size_at_min: 40, size_at_max: 90, progressive: true },
    })
    expect(discontinuities(cfg).map((d) => [frac(d.at), frac(d.before), frac(d.value), frac(d.after)])).toEqual([['800', '40', '40', '90']])
    expect(sizePieces(cfg).map((p) => [p.profile.name, p.kind, ivText([p.interval])[0]])).toEqual([
      ['a', 'fixed', '[0, 500]'],
      ['z', 'at-min', '(500, 800]'],
      ['z', 'at-max', '(800, inf)'],
    ])
  })

  it('gives margins and notionals on both sides of a percent boundary', () => {
    const [first] = boundaries(percentLadder())
    expect([frac(first!.sizeAt), frac(first!.marginAt), frac(first!.sizeAbove), frac(first!.marginAbove), frac(first!.jump)]).toEqual([
      '375', '125', '225', '75', '-150',
    ])
    expect(first!.touchesProgressive).toBe(false)
    expect(first!.tiling).toBe('unspecified')
    const range = sizeRange(percentLadder())!
    expect([frac(range.min), range.minAttained, range.max, range.maxAttained]).toEqual(['0', true, null, false])
  })

  it('reports infimum and supremum that are not attained', () => {
    const cfg = ladder({
      a: { threshold: 1000, base_position_usd: 100 },
      b: { threshold: 2000, min_balance: 0, size_at_min: 0, size_at_max: 200, progressive: true },
    })
    // b is selected above 1000 only, so its size is in (100, 200]
    const range = sizeRange(cfg)!
    expect([frac(range.min), range.minAttained, frac(range.max), range.maxAttained]).toEqual(['100', true, '200', true])
    const onlyB = ladder({
      a: { threshold: 1000, max_position_percent: 10 },
      b: { threshold: 2000, min_balance: 0, size_at_min: 0, max_balance: 4000, size_at_max: 400, progressive: true },
      c: { threshold: 3000, base_position_usd: 500 },
    })
    // a: [0, 100]; b: (100, 200]; c: 500
    const r2 = sizeRange(onlyB)!
    expect([frac(r2.min), r2.minAttained, frac(r2.max), r2.maxAttained]).toEqual(['0', true, '500', true])
    const open = ladder({
      a: { threshold: 1000, base_position_usd: 300 },
      b: { threshold: 2000, min_balance: 1000, size_at_min: 100, size_at_max: 200, progressive: true, max_balance: 3000 },
    })
    // b on (1000, inf): (100, 200]; 100 is never reached
    const r3 = sizeRange(open)!
    expect([frac(r3.min), r3.minAttained, frac(r3.max), r3.maxAttained]).toEqual(['100', false, '300', true])
    expect(sizeRange(ladder({ u: { threshold: 5 } }))).toBeUndefined()
  })
})

describe('formatInterval', () => {
  it.each<[Interval, string]>([
    [iv(0, true, 700, true), 'up to $700.00'],
    [iv(0, true, 700, false), 'below $700.00'],
    [iv(500, true, 1250, true), 'from $500.00 to $1,250.00'],
    [iv(500, false, 1250, true), 'above $500.00 up to $1,250.00'],
    [iv(500, true, 1250, false), 'from $500.00 below $1,250.00'],
    [iv(500, false, 1250, false), 'above $500.00 below $1,250.00'],
    [iv(3000, true, null, false), 'from $3,000.00'],
    [iv(3000, false, null, false), 'above $3,000.00'],
    [iv(0, false, null, false), 'above $0.00'],
    [iv(0, true, null, false), 'at any balance'],
    [iv(700, true, 700, true), 'at exactly $700.00'],
    [iv(F(2500, 3), true, 6500, true), 'from $833.33 to $6,500.00'],
    [iv(0, true, F(1300, 3), true), 'up to $433.33'],
  ])('%o -> %s', (interval, text) => {
    expect(formatInterval(interval)).toBe(text)
  })

  it('joins several with "and"; the empty set is "no balance"', () => {
    expect(formatIntervals([iv(0, true, 700, true), iv(2000, false, null, false)])).toBe('up to $700.00 and above $2,000.00')
    expect(formatIntervals([])).toBe('no balance')
  })
})

describe('mergeIntervals', () => {
  it('merges touching intervals when one side is closed, and keeps a missing point apart', () => {
    expect(ivText(mergeIntervals([iv(500, false, 1000, true), iv(0, true, 500, true)]))).toEqual(['[0, 1000]'])
    expect(ivText(mergeIntervals([iv(0, true, 500, false), iv(500, true, 600, false)]))).toEqual(['[0, 600)'])
    expect(ivText(mergeIntervals([iv(0, true, 500, false), iv(500, false, 600, false)]))).toEqual(['[0, 500)', '(500, 600)'])
    expect(ivText(mergeIntervals([iv(0, true, 500, true), iv(100, true, 200, true), iv(300, false, null, false)]))).toEqual(['[0, inf)'])
    expect(ivText(mergeIntervals([iv(0, true, 5, false), iv(0, true, 5, true)]))).toEqual(['[0, 5]'])
  })
})

// ---------------------------------------------------------------------------------------------
// fast-check laws over random ladders

const SEED = 42
const cents = (lo: number, hi: number): fc.Arbitrary<number> => fc.integer({ min: lo, max: hi }).map((k) => k / 100)
const EPS = [F(1, 100), F(1, 10 ** 6), F(1n, 10n ** 12n)]
const SYMBOLS = ['BTC-USDT', 'ETH-USDT']

interface Spec {
  t: number
  kind: 'progressive' | 'fixed' | 'percent' | 'unknown'
  minPick: number
  minRandom: number
  maxPick: number
  maxRandom: number
  sMin: number
  sMax: number
  base: number
  pct: number
  flag: boolean
}

const specArb: fc.Arbitrary<Spec> = fc.record({
  t: fc.oneof(
    { arbitrary: cents(0, 500_000), weight: 4 },
    { arbitrary: fc.constantFrom(0, 500, 1500, 3000), weight: 3 },
    { arbitrary: cents(-10_000, -1), weight: 1 },
  ),
  kind: fc.constantFrom('progressive', 'progressive', 'progressive', 'fixed', 'percent', 'unknown'),
  minPick: fc.integer({ min: 0, max: 3 }),
  minRandom: cents(0, 600_000),
  maxPick: fc.integer({ min: 0, max: 3 }),
  maxRandom: cents(0, 1_200_000),
  sMin: cents(0, 40_000),
  sMax: cents(0, 40_000),
  base: cents(0, 40_000),
  pct: cents(0, 5_000),
  flag: fc.boolean(),
})

/** A profile as YAML would hold it; min_balance mostly tiles onto the previous threshold, sometimes not. */
function buildProfile(s: Spec, thresholds: number[]): Record<string, unknown> {
  const prev = thresholds.filter((t) => t < s.t).at(-1) ?? 0
  const minBalance = [prev, s.t, s.minRandom, prev][s.minPick]!
  const maxBalance = [undefined, undefined, s.t, s.maxRandom][s.maxPick]
  switch (s.kind) {
    case 'progressive':
      return {
        threshold: s.t, min_balance: minBalance, size_at_min: s.sMin, size_at_max: s.sMax, progressive: true,
        ...(maxBalance === undefined ? {} : { max_balance: maxBalance }),
        ...(s.flag ? { base_position_usd: s.base } : {}),
      }
    case 'fixed':
      return { threshold: s.t, base_position_usd: s.base, ...(s.flag ? { min_balance: minBalance } : {}) }
    case 'percent':
      return { threshold: s.t, max_position_percent: s.pct }
    case 'unknown':
      return { threshold: s.t, progressive: s.flag }
  }
}

const dataArb = fc
  .record({
    specs: fc.array(specArb, { minLength: 1, maxLength: 5 }),
    leverage: fc.option(fc.constantFrom(1, 3, 4.5, 5, 20), { nil: undefined }),
    multiplier: fc.oneof(fc.constantFrom(1, 1.2, 0.9, 0.8, 0), cents(1, 300)),
    tolerancePercent: fc.option(fc.constantFrom(50, 25, 0, 100, 150, 10.5), { nil: undefined }),
  })
  .map(({ specs, leverage, multiplier, tolerancePercent }) => {
    const thresholds = specs.map((s) => s.t).sort((a, b) => a - b)
    return {
      scalping: {
        symbols: SYMBOLS,
        ...(leverage === undefined ? {} : { leverage }),
        balance_profiles: Object.fromEntries(specs.map((s, i) => [`p${i}`, buildProfile(s, thresholds)])),
        adaptive_regime: { symbol_profiles: { 'BTC-USDT': { position_multiplier: multiplier } } },
      },
      ...(tolerancePercent === undefined ? {} : { risk: { base: { position_override_tolerance_percent: tolerancePercent } } }),
    }
  })

/** Every breakpoint of the ladder and points next to it, plus `extra`; all >= 0. */
function probes(cfg: SizingConfig, extra: readonly Fraction[] = []): Fraction[] {
  const points: Fraction[] = [F(0)]
  for (const p of cfg.profiles) for (const f of [p.threshold, p.minBalance, p.hi]) if (f) points.push(f.value)
  for (const piece of sizePieces(cfg)) {
    points.push(piece.interval.lo)
    if (piece.interval.hi) points.push(piece.interval.hi)
  }
  points.push(...extra)
  const out: Fraction[] = []
  for (const x of points) for (const e of [F(0), ...EPS, ...EPS.map((d) => d.neg())]) out.push(x.add(e))
  return out.filter((b) => b.gte(0))
}

const inAny = (ivs: readonly Interval[], b: Fraction): boolean => ivs.some((i) => intervalContains(i, b))
const maxSlope = (cfg: SizingConfig, symbol?: string): Fraction =>
  sizePieces(cfg, symbol).reduce((m, p) => (p.slope && p.slope.abs().gt(m) ? p.slope.abs() : m), F(0))

const progressiveCases = fc.record({ data: dataArb, ks: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 3, maxLength: 3 }), b: cents(0, 600_000) })

describe('laws (fast-check, seed 42)', () => {
  it('progressive endpoints are exact: size_at_min up to min_balance, size_at_max from hi', () => {
    fc.assert(
      fc.property(dataArb, (data) => {
        const cfg = readSizingConfig(data)
        for (const p of cfg.profiles) {
          if (p.mode !== 'progressive') continue
          const m = p.minBalance!.value
          const hi = p.hi!.value
          expect(frac(baseSize(p, m))).toBe(frac(p.sizeAtMin!.value))
          expect(frac(baseSize(p, m.sub(F(1, 100))))).toBe(frac(p.sizeAtMin!.value))
          // b <= min_balance is tested first, so a zero-width or inverted profile gives size_at_min at hi
          expect(frac(baseSize(p, hi))).toBe(frac(hi.gt(m) ? p.sizeAtMax!.value : p.sizeAtMin!.value))
          const above = (hi.gt(m) ? hi : m).add(F(1, 10 ** 6))
          expect(frac(baseSize(p, above))).toBe(frac(p.sizeAtMax!.value))
        }
      }),
      { seed: SEED, numRuns: 300 },
    )
  })

  it('a progressive profile is monotone in the direction size_at_max - size_at_min, linear and Lipschitz between its ends', () => {
    fc.assert(
      fc.property(progressiveCases, ({ data, ks, b }) => {
        const cfg = readSizingConfig(data)
        for (const p of cfg.profiles) {
          if (p.mode !== 'progressive') continue
          const m = p.minBalance!.value
          const hi = p.hi!.value
          const dir = p.sizeAtMax!.value.compare(p.sizeAtMin!.value)
          const f = (x: Fraction): Fraction => baseSize(p, x)!
          const xs = [...probes(cfg, [q(b)]), m, hi].sort((x, y) => x.compare(y))
          for (let i = 1; i < xs.length; i++) {
            const step = f(xs[i]!).compare(f(xs[i - 1]!))
            expect(step === 0 || step === dir).toBe(true)
          }
          if (!hi.gt(m)) continue
          const [k1, k2, k3] = [...ks].sort((x, y) => x - y) as [number, number, number]
          const at = (k: number): Fraction => m.add(hi.sub(m).mul(F(k, 1000)))
          const [b1, b2, b3] = [at(k1), at(k2), at(k3)]
          // three points on one line: (f2 - f1)(b3 - b1) == (f3 - f1)(b2 - b1)
          expect(frac(f(b2).sub(f(b1)).mul(b3.sub(b1)))).toBe(frac(f(b3).sub(f(b1)).mul(b2.sub(b1))))
          const lipschitz = p.sizeAtMax!.value.sub(p.sizeAtMin!.value).abs().div(hi.sub(m))
          for (const x of xs) for (const d of EPS) expect(f(x.add(d)).sub(f(x)).abs().lte(lipschitz.mul(d))).toBe(true)
        }
      }),
      { seed: SEED, numRuns: 300 },
    )
  })

  it('size pieces tile [0, +inf) and agree with sizeAt / symbolSize at every probe', () => {
    fc.assert(
      fc.property(dataArb, fc.constantFrom(undefined, ...SYMBOLS), cents(0, 600_000), (data, symbol, b) => {
        const cfg = readSizingConfig(data)
        const pieces = sizePieces(cfg, symbol)
        expect(pieces[0]!.interval.lo.equals(0) && pieces[0]!.interval.loClosed).toBe(true)
        expect(pieces.at(-1)!.interval.hi).toBeNull()
        for (let i = 1; i < pieces.length; i++) {
          const prev = pieces[i - 1]!.interval
          const cur = pieces[i]!.interval
          expect(prev.hi !== null && prev.hi.equals(cur.lo) && prev.hiClosed !== cur.loClosed).toBe(true)
        }
        for (const x of probes(cfg, [q(b)])) {
          const covering = pieces.filter((p) => intervalContains(p.interval, x))
          expect(covering).toHaveLength(1)
          const piece = covering[0]!
          const expected = symbol === undefined ? sizeAt(cfg, x) : symbolSize(cfg, symbol, x)
          const got = piece.slope && piece.intercept ? piece.slope.mul(x).add(piece.intercept) : undefined
          expect(frac(got)).toBe(frac(expected))
          expect(piece.profile).toBe(selectProfile(cfg, x))
        }
      }),
      { seed: SEED, numRuns: 300 },
    )
  })

  it('selection regions partition the domain and match selectProfile', () => {
    fc.assert(
      fc.property(dataArb, cents(0, 600_000), (data, b) => {
        const cfg = readSizingConfig(data)
        const shapes = profileShapes(cfg)
        for (const x of probes(cfg, [q(b)])) {
          const owners = shapes.filter((s) => s.region && intervalContains(s.region, x))
          expect(owners.map((s) => s.profile.name)).toEqual([selectProfile(cfg, x)!.name])
        }
        for (const s of shapes) {
          if (s.sharesThresholdWith && s !== shapes.at(-1)) expect(s.region).toBeUndefined()
        }
      }),
      { seed: SEED, numRuns: 300 },
    )
  })

  it('the size is continuous except at the reported discontinuities, which are exact', () => {
    fc.assert(
      fc.property(dataArb, fc.constantFrom(undefined, ...SYMBOLS), cents(0, 600_000), (data, symbol, b) => {
        const cfg = readSizingConfig(data)
        const size = (x: Fraction): Fraction | undefined => (symbol === undefined ? sizeAt(cfg, x) : symbolSize(cfg, symbol, x))
        const jumps = discontinuities(cfg, symbol)
        const lipschitz = maxSlope(cfg, symbol)
        for (const x of probes(cfg, [q(b)])) {
          for (const d of EPS) {
            const y = x.add(d)
            if (jumps.some((j) => j.at.gte(x) && j.at.lte(y))) continue
            const fx = size(x)
            const fy = size(y)
            if (!fx || !fy) continue
            expect(fy.sub(fx).abs().lte(lipschitz.mul(d))).toBe(true)
          }
        }
        for (const j of jumps) {
          expect(frac(j.value)).toBe(frac(size(j.at)))
          const tiny = F(1n, 10n ** 15n)
          if (j.after) expect(size(j.at.add(tiny))!.sub(j.after).abs().lte(lipschitz.mul(tiny))).toBe(true)
          if (j.before) expect(size(j.at.sub(tiny))!.sub(j.before).abs().lte(lipschitz.mul(tiny))).toBe(true)
        }
      }),
      { seed: SEED, numRuns: 300 },
    )
  })

  it('boundaries give the exact size at the threshold and the exact limit above it', () => {
    fc.assert(
      fc.property(dataArb, (data) => {
        const cfg = readSizingConfig(data)
        const lipschitz = maxSlope(cfg)
        const tiny = F(1n, 10n ** 15n)
        for (const bd of boundaries(cfg)) {
          expect(bd.at.gte(0)).toBe(true)
          expect(selectProfile(cfg, bd.at)).toBe(bd.left)
          expect(selectProfile(cfg, bd.at.add(tiny))).toBe(bd.right)
          expect(frac(bd.sizeAt)).toBe(frac(sizeAt(cfg, bd.at)))
          if (bd.sizeAbove) expect(sizeAt(cfg, bd.at.add(tiny))!.sub(bd.sizeAbove).abs().lte(lipschitz.mul(tiny))).toBe(true)
          if (bd.sizeAt && bd.sizeAbove) expect(frac(bd.jump)).toBe(frac(bd.sizeAbove.sub(bd.sizeAt)))
          for (const s of bd.shadowed) expect(s.threshold!.value.equals(bd.at)).toBe(true)
          const delta = bd.right.minBalance?.value.sub(bd.at)
          expect(bd.tiling).toBe(delta === undefined ? 'unspecified' : delta.equals(0) ? 'tiled' : delta.gt(0) ? 'gap' : 'overlap')
        }
      }),
      { seed: SEED, numRuns: 300 },
    )
  })

  it('sizeRange bounds every size, attained exactly when some balance reaches it', () => {
    fc.assert(
      fc.property(dataArb, fc.constantFrom(undefined, ...SYMBOLS), (data, symbol) => {
        const cfg = readSizingConfig(data)
        const range = sizeRange(cfg, symbol)
        const sizes = probes(cfg)
          .map((x) => (symbol === undefined ? sizeAt(cfg, x) : symbolSize(cfg, symbol, x)))
          .filter((s): s is Fraction => s !== undefined)
        if (!range) {
          expect(sizes).toEqual([])
          return
        }
        for (const s of sizes) {
          if (range.min) expect(s.gte(range.min)).toBe(true)
          if (range.max) expect(s.lte(range.max)).toBe(true)
        }
        // probes hit every piece's closed ends and interior, so an attained bound shows up among them
        if (range.min) expect(sizes.some((s) => s.equals(range.min!))).toBe(range.minAttained)
        if (range.max) expect(sizes.some((s) => s.equals(range.max!))).toBe(range.maxAttained)
      }),
      { seed: SEED, numRuns: 300 },
    )
  })

  const overrideCase = fc.record({
    data: dataArb,
    symbol: fc.constantFrom(...SYMBOLS),
    oRandom: cents(0, 60_000),
    pick: fc.nat(),
    factor: fc.constantFrom('1', '1.5', '0.5', '2', '2/3', '1.25', '0.75', 'random'),
    tol: fc.constantFrom<string | undefined>(undefined, '0.5', '0.25', '0', '1', '1.5', '1/3'),
    b: cents(0, 600_000),
  })

  /** An override that often sits exactly on a live-set edge: some piece-end size times a factor. */
  function pickOverride(cfg: SizingConfig, c: { symbol: string; oRandom: number; pick: number; factor: string }): Fraction {
    if (c.factor === 'random') return q(c.oRandom)
    const sizes: Fraction[] = []
    for (const p of sizePieces(cfg, c.symbol)) {
      if (!p.slope || !p.intercept) continue
      sizes.push(p.slope.mul(p.interval.lo).add(p.intercept))
      if (p.interval.hi) sizes.push(p.slope.mul(p.interval.hi).add(p.intercept))
    }
    if (sizes.length === 0) return q(c.oRandom)
    return sizes[c.pick % sizes.length]!.mul(new Fraction(c.factor))
  }

  it('overrideEverLive is exactly "the live set is not empty"', () => {
    fc.assert(
      fc.property(overrideCase, (c) => {
        const cfg = readSizingConfig(c.data)
        const tol = c.tol === undefined ? cfg.tolerance.value : new Fraction(c.tol)
        const o = pickOverride(cfg, c)
        expect(overrideEverLive(cfg, c.symbol, o, tol)).toBe(overrideLiveSet(cfg, c.symbol, o, tol).length > 0)
      }),
      { seed: SEED, numRuns: 1000 },
    )
  })

  it('the override live set agrees with the pointwise test at every probe and interval end', () => {
    fc.assert(
      fc.property(overrideCase, (c) => {
        const cfg = readSizingConfig(c.data)
        const tol = c.tol === undefined ? cfg.tolerance.value : new Fraction(c.tol)
        const o = pickOverride(cfg, c)
        const live = overrideLiveSet(cfg, c.symbol, o, c.tol === undefined ? undefined : tol)
        const ends = live.flatMap((i) => (i.hi ? [i.lo, i.hi] : [i.lo]))
        for (const x of probes(cfg, [q(c.b), ...ends])) {
          expect(inAny(live, x)).toBe(overrideLiveAt(cfg, c.symbol, o, x, tol))
        }
      }),
      { seed: SEED, numRuns: 500 },
    )
  })

  it('live intervals are sorted, disjoint, maximal, and each end is exactly where liveness flips', () => {
    fc.assert(
      fc.property(overrideCase, (c) => {
        const cfg = readSizingConfig(c.data)
        const tol = c.tol === undefined ? cfg.tolerance.value : new Fraction(c.tol)
        const o = pickOverride(cfg, c)
        const live = overrideLiveSet(cfg, c.symbol, o, tol)
        const isLive = (x: Fraction): boolean => overrideLiveAt(cfg, c.symbol, o, x, tol)
        live.forEach((cur, i) => {
          expect(cur.lo.gte(0)).toBe(true)
          if (cur.hi === null) expect([cur.hiClosed, i]).toEqual([false, live.length - 1])
          else expect(cur.lo.lt(cur.hi) || (cur.lo.equals(cur.hi) && cur.loClosed && cur.hiClosed)).toBe(true)
          const next = live[i + 1]
          if (next) {
            expect(cur.hi).not.toBeNull()
            const c2 = cur.hi!.compare(next.lo)
            expect(c2 < 0 || (c2 === 0 && !cur.hiClosed && !next.loClosed)).toBe(true)
          }
          // the end itself has the liveness its bracket says; just inside is live; just outside is not
          const width = cur.hi === null ? F(1) : cur.hi.sub(cur.lo)
          const inside = width.equals(0) ? undefined : F(1n, 10n ** 9n).lte(width.div(2)) ? F(1n, 10n ** 9n) : width.div(2)
          expect(isLive(cur.lo)).toBe(cur.loClosed)
          if (inside) expect(isLive(cur.lo.add(inside))).toBe(true)
          const prevHi = live[i - 1]?.hi
          if (cur.lo.gt(0) && !(prevHi && prevHi.equals(cur.lo))) {
            const gap = prevHi ? cur.lo.sub(prevHi) : cur.lo
            const outside = F(1n, 10n ** 9n).lte(gap.div(2)) ? F(1n, 10n ** 9n) : gap.div(2)
            expect(isLive(cur.lo.sub(outside))).toBe(false)
          }
          if (cur.hi !== null) {
            expect(isLive(cur.hi)).toBe(cur.hiClosed)
            if (inside) expect(isLive(cur.hi.sub(inside))).toBe(true)
            if (!(next && next.lo.equals(cur.hi))) {
              const gap = next ? next.lo.sub(cur.hi) : F(1)
              const outside = F(1n, 10n ** 9n).lte(gap.div(2)) ? F(1n, 10n ** 9n) : gap.div(2)
              expect(isLive(cur.hi.add(outside))).toBe(false)
            }
          }
        })
      }),
      { seed: SEED, numRuns: 500 },
    )
  })

  it('a ladder the model calls non-decreasing is non-decreasing at every probe', () => {
    fc.assert(
      fc.property(dataArb, cents(0, 600_000), (data, b) => {
        const cfg = readSizingConfig(data)
        const pieces = sizePieces(cfg)
        const modelSaysMonotone =
          pieces.every((p) => p.slope !== undefined && p.slope.gte(0)) &&
          discontinuities(cfg).every((d) => (!d.before || !d.value || d.before.lte(d.value)) && (!d.value || !d.after || d.value.lte(d.after)))
        if (!modelSaysMonotone) return
        const xs = probes(cfg, [q(b)]).sort((x, y) => x.compare(y))
        for (let i = 1; i < xs.length; i++) expect(sizeAt(cfg, xs[i]!)!.gte(sizeAt(cfg, xs[i - 1]!)!)).toBe(true)
      }),
      { seed: SEED, numRuns: 300 },
    )
  })
})
