// The chart adapter: ChartData read exactly from the model (series, caps, live sets, references, finding balances), and the point charts made from it.
import Fraction from 'fraction.js'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseDocument } from 'yaml'
import { chartData, chartSizingOptions, type ChartData } from '../../src/chart/chart-data.js'
import { overlaySizingChart, sizingChartPoints, type SizingChart } from '../../src/chart/chart-points.js'
import { lintFiles } from '../../src/engine/lint-files.js'
import { lintText } from '../../src/engine/lint-text.js'
import { formatIntervals } from '../../src/model/interval.js'
import { pieceAt } from '../../src/model/pl.js'
import { readSizingConfig } from '../../src/model/sizing-config.js'
import { sizePieces } from '../../src/model/sizing.js'
import { overrides as diffOverrides, sizingSettings } from '../../src/commands/diff/sizing-view.js'
import { markdownSizingCharts, markdownSizingTables } from '../../src/commands/reports.js'
import { rules } from '../../src/rules/index.js'
import { defaultSettings } from '../../src/settings/normalize.js'
import { CHART_RULES } from '../helpers/chart-rules.js'

const REPO = path.resolve(import.meta.dirname, '../..')
const dataOf = (text: string): unknown => parseDocument(text).toJS()
const fixture = (rel: string): unknown => dataOf(readFileSync(path.join(REPO, rel), 'utf8'))

function chartOfText(text: string, balances: number[] = []): ChartData {
  const settings = { ...defaultSettings(rules), shared: { balances, sizingMode: 'auto' as const } }
  const { findings } = lintText(text, settings, { rules: CHART_RULES })
  return chartData(dataOf(text), { title: 't', balances, findings })!
}

/** The bundled example's override lanes, by variant-b's rule (what 'auto' reads it as): symmetric, 50% either side of the size. */
const EXAMPLE_LANES = [
  'BTC-USDT trending 42: up to $700.00',
  'BTC-USDT ranging 38: up to $633.33',
  'ETH-USDT trending 110: from $733.33 to $4,400.00',
  'SOL-USDT ranging 85: from $629.63 to $2,666.67',
  'DOGE-USDT choppy 20: up to $500.00',
  'XRP-USDT trending 60: from $500.00 to $1,500.00',
]

/** A point chart as lines of text: "balance[+] [ref]: size size ...", sizes exact. */
function pointsText(points: SizingChart): string[] {
  return points.balances.map(
    (x, i) =>
      `${x.balance.toString()}${x.side === 'above' ? '+' : ''}${x.reference ? ' ref' : ''}: ${points.series.map((s) => s.sizes[i]?.toString() ?? '-').join(' ')}`,
  )
}

describe('chartData on the bundled example', () => {
  const data = fixture('fixtures/example/config_futures.yaml')
  const chart = chartData(data, { title: 'example', balances: [1018, 3000], limiter: true })!

  it("carries each symbol's designed size as the model's own pieces, labelled with the profile and the part of its formula", () => {
    const cfg = readSizingConfig(data)
    expect(chart.series.map((s) => s.symbol)).toEqual(['BTC-USDT', 'ETH-USDT', 'SOL-USDT', 'DOGE-USDT', 'XRP-USDT'])
    for (const s of chart.series) {
      const model = sizePieces(cfg, s.symbol)
      expect(s.line).toHaveLength(model.length)
      s.line!.forEach((p, i) => {
        expect(p.interval).toEqual(model[i]!.interval)
        expect(p.slope!.equals(model[i]!.slope!) && p.intercept!.equals(model[i]!.intercept!)).toBe(true)
      })
    }
    expect(chart.series[0]!.line!.map((p) => p.label)).toEqual([
      'micro: at-min',
      'micro: interpolated',
      'small: interpolated',
      'medium: interpolated',
      'large: interpolated',
      'large: at-max',
    ])
  })

  it('spans the balances where something happens: the first ramp start to the last ramp end', () => {
    expect([chart.range.lo.toString(), chart.range.hi.toString()]).toEqual(['100', '10000'])
    expect(chart.profiles.map((p) => `${p.name} ${p.mode} ${formatIntervals([p.region])}`)).toEqual([
      'micro progressive up to $500.00',
      'small progressive above $500.00 up to $1,500.00',
      'medium progressive above $1,500.00 up to $3,000.00',
      'large progressive above $3,000.00',
    ])
  })

  it('gives each override its exact live set and the part of the line it replaces', () => {
    expect(chart.overrides.map((o) => `${o.symbol} ${o.regime} ${o.value.toString()}: ${formatIntervals(o.live)}`)).toEqual(EXAMPLE_LANES)
    const eth = chart.overrides[2]!
    // On its live set the bot would use $110 instead of the line: there the line runs from $73.33 to $220.
    const ends = eth.onLine.flatMap((p) => [pieceAt(p, p.interval.lo)!, pieceAt(p, p.interval.hi!)!])
    expect([ends[0]!.toFraction(), ends[ends.length - 1]!.toFraction()]).toEqual(['220/3', '220'])
  })

  it('gives each binding limit per symbol, as its value on exactly the balances where it binds; the limiter only when asked', () => {
    expect(chartData(data, { title: 'example' })!.caps.map((c) => `${c.symbol} ${c.name}`)).toEqual([
      "SOL-USDT micro's min_position_usd",
      "DOGE-USDT micro's min_position_usd",
      "XRP-USDT micro's min_position_usd",
    ])
    expect(chart.caps.map((c) => `${c.symbol} ${c.kind} ${c.name}: ${formatIntervals(c.limit.map((p) => p.interval))}`)).toEqual([
      "SOL-USDT floor micro's min_position_usd: below $166.67",
      "DOGE-USDT floor micro's min_position_usd: below $250.00",
      "XRP-USDT floor micro's min_position_usd: below $250.00",
      'BTC-USDT cap max_size_limiter.max_single_size_usd: above $1,250.00',
      'ETH-USDT cap max_size_limiter.max_single_size_usd: above $1,500.00',
      'SOL-USDT cap max_size_limiter.max_single_size_usd: above $2,000.00',
      'DOGE-USDT cap max_size_limiter.max_single_size_usd: above $2,625.00',
      'XRP-USDT cap max_size_limiter.max_single_size_usd: above $2,625.00',
    ])
    expect(chart.caps[3]!.limit.map((p) => [p.label, p.intercept!.toString(), p.slope!.toString()])).toEqual([['max_size_limiter.max_single_size_usd', '150', '0']])
  })

  it('gives the size of every symbol at each reference balance', () => {
    expect(chart.references.map((r) => `${r.balance.toString()}: ${r.sizes.map((s) => s.size!.toString()).join(' ')}`)).toEqual([
      '1018: 122.16 101.8 91.62 81.44 81.44',
      '3000: 240 200 180 160 160',
    ])
  })

  it('derives the point chart at the profile boundaries, ramp ends and reference balances, exactly', () => {
    expect(pointsText(sizingChartPoints(chart))).toEqual([
      '100: 36 30 27 24 24',
      '500: 60 50 45 40 40',
      '1018 ref: 122.16 101.8 91.62 81.44 81.44',
      '1500: 180 150 135 120 120',
      '3000 ref: 240 200 180 160 160',
      '10000: 360 300 270 240 240',
    ])
  })
})

describe('chartData: findings at their balance', () => {
  it('puts a jump, a drop and a gap at the threshold where the next profile takes over', () => {
    const drops = chartOfText(readFileSync(path.join(REPO, 'fixtures/invalid/size-drops-at-boundary.yaml'), 'utf8'))
    expect(drops.findings.map((f) => `${f.ruleId}/${f.messageId} ${f.balance?.toString()}`)).toEqual([
      'interpolation-properties/notMonotone 1500',
      'interpolation-properties/notContinuous 1500',
      'interpolation-properties/endpointNotExact 1500',
      'profile-continuity/sizeJump 1500',
      'profile-monotonicity/drop 1500',
    ])
    const gap = chartOfText(readFileSync(path.join(REPO, 'fixtures/invalid/gap-between-profiles.yaml'), 'utf8'))
    expect(gap.findings.map((f) => `${f.ruleId}/${f.messageId} ${f.balance?.toString()}`)).toEqual(['profile-continuity/gap 500'])
  })

  it('puts a zero-width profile at its min_balance, a shared threshold at the threshold, and leaves findings outside the profiles unplaced', () => {
    const text = [
      'scalping:',
      '  symbols: [BTC-USDT]',
      '  balance_profiles:',
      '    a: {threshold: 500.0, min_balance: 100.0, size_at_min: 30.0, size_at_max: 50.0, progressive: true}',
      '    b: {threshold: 1500.0, min_balance: 900.0, max_balance: 900.0, size_at_min: 50.0, size_at_max: 90.0, progressive: true}',
      '    c: {threshold: 1500.0, base_position_usd: 90.0}',
      '    d: {threshold: 3000.0, base_position_usd: 90.0}',
      '  adaptive_regime:',
      '    symbol_profiles:',
      '      BTC-USDT: {trending: {position: {base_position_usd: 1.0}}}',
      '',
    ].join('\n')
    const chart = chartOfText(text)
    expect(chart.findings.map((f) => `${f.ruleId}/${f.messageId} ${f.balance?.toString() ?? 'unplaced'}`)).toEqual([
      'profile-continuity/zeroWidth 900',
      'profile-continuity/gap 500',
      // Other findings inside profile b: where b takes over.
      'interpolation-properties/endpointNotExact 500',
      'interpolation-properties/notContinuous 500',
      'profile-continuity/sharedThreshold 1500',
    ])
    // A finding outside the profiles (here one made up on the limiter) gets no balance.
    const elsewhere = { ...chart.findings[0]!, ruleId: 'dead-key', messageId: 'deadKey', path: '/futures_modules/max_size_limiter' }
    const finding = { ...elsewhere, range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 2, offset: 1 } } }
    const placed = chartData(dataOf(text), { title: 't', findings: [finding] })!.findings
    expect(placed.map((f) => [f.ruleId, f.balance])).toEqual([['dead-key', undefined]])
  })

  it('is undefined for a config without a usable profile', () => {
    expect(chartData(dataOf('scalping:\n  symbols: [BTC-USDT]\n'), { title: 't' })).toBeUndefined()
    expect(chartData(dataOf('scalping:\n  balance_profiles:\n    a: {threshold: 500.0}\n'), { title: 't' })).toBeUndefined()
  })
})

describe('point charts with jumps, and the overlay of two versions', () => {
  const before = [
    'scalping:',
    '  symbols: [BTC-USDT]',
    '  balance_profiles:',
    '    a: {threshold: 500.0, base_position_usd: 40.0}',
    '    b: {threshold: 9999.0, base_position_usd: 80.0}',
    '',
  ].join('\n')
  const after = before.replace('base_position_usd: 80.0', 'base_position_usd: 60.0').replace('symbols: [BTC-USDT]', 'symbols: [BTC-USDT, ETH-USDT]')

  it('adds a point just above a balance where some series jumps', () => {
    expect(pointsText(sizingChartPoints(chartOfText(before, [1018])))).toEqual(['500: 40', '500+: 80', '1018 ref: 80'])
  })

  it('overlays base and head: every symbol twice, base then head, at the key balances of both', () => {
    const overlay = overlaySizingChart(chartOfText(before, [1018]), chartOfText(after, [2000]))
    expect(overlay.series.map((s) => [s.name, s.symbol, s.version])).toEqual([
      ['BTC-USDT (base)', 'BTC-USDT', 'base'],
      ['BTC-USDT (head)', 'BTC-USDT', 'head'],
      ['ETH-USDT (head)', 'ETH-USDT', 'head'],
    ])
    expect(pointsText(overlay)).toEqual(['500: 40 40 40', '500+: 80 60 60', '1018 ref: 80 60 60', '2000 ref: 80 60 60'])
  })
})

describe('lintFiles attaches the chart points beside the sizing tables', () => {
  it('only when asked and the settings name a balance, as exact data', async () => {
    const file = path.join(REPO, 'fixtures/invalid/stale-override.yaml')
    const options = { cwd: REPO, sizingTables: await markdownSizingTables(), sizingCharts: await markdownSizingCharts() }
    const [withChart] = await lintFiles([file], { ...options, balances: [1018] })
    expect(pointsText(withChart!.sizingChart!)).toEqual(['100: 36', '500: 60', '1018 ref: 122.16', '1500: 180', '999999: 360'])
    expect(withChart!.sizingChart!.series[0]!.sizes[2]).toBeInstanceOf(Fraction)
    const [noBalance] = await lintFiles([file], options)
    expect(noBalance!.sizingChart).toBeUndefined()
    const [notAsked] = await lintFiles([file], { cwd: REPO, balances: [1018] })
    expect(notAsked!.sizingChart).toBeUndefined()
  })
})

describe("override lanes: the bot's live sets by the era's rule, as stale-override, diff and the hover judge them", () => {
  const text = readFileSync(path.join(REPO, 'fixtures/example/config_futures.yaml'), 'utf8')
  const data = dataOf(text)
  const lanes = (chart: ChartData): string[] => chart.overrides.map((o) => `${o.symbol} ${o.regime} ${o.value.toString()}: ${formatIntervals(o.live)}`)

  it("auto reads the example as variant-b (within 50% either side of the size), so its lanes are variant-b's", () => {
    expect(lanes(chartData(data, { title: 'example' })!)).toEqual(EXAMPLE_LANES)
    expect(lanes(chartData(data, { title: 'example', bot: 'variant-b' })!)).toEqual(EXAMPLE_LANES)
  })

  it('risk-manager: an override is live only where it raises the size by at most 50%; one below the size everywhere is stale at every balance', () => {
    expect(lanes(chartData(data, { title: 'example', bot: 'risk-manager' })!)).toEqual([
      'BTC-USDT trending 42: up to $200.00',
      'BTC-USDT ranging 38: up to $133.33',
      'ETH-USDT trending 110: from $733.33 to $1,100.00',
      'SOL-USDT ranging 85: from $629.63 to $944.44',
      'DOGE-USDT choppy 20: no balance',
      'XRP-USDT trending 60: from $500.00 to $750.00',
    ])
  })

  it("takes stale-override's tolerance option (the config's tolerance key is not read), else the bot's literal 50%", () => {
    const narrow = chartData(data, { title: 'example', tolerance: 0.1 })!
    expect(narrow.tolerance.toString()).toBe('0.1')
    expect(chartData(data, { title: 'example' })!.tolerance.toString()).toBe('0.5')
    expect(lanes(narrow)).toEqual([
      'BTC-USDT trending 42: from $136.36 to $277.78',
      'BTC-USDT ranging 38: up to $203.70',
      'ETH-USDT trending 110: from $1,000.00 to $1,222.22',
      'SOL-USDT ranging 85: from $858.59 to $1,049.38',
      'DOGE-USDT choppy 20: no balance',
      'XRP-USDT trending 60: from $681.82 to $833.33',
    ])
  })

  it('reads the sizing mode, bot and tolerance from lint settings as diff does', () => {
    const settings = defaultSettings(rules)
    settings.shared = { ...settings.shared, bot: 'risk-manager' }
    settings.rules['stale-override'] = { ...settings.rules['stale-override']!, options: { ...settings.rules['stale-override']!.options, tolerance: 0.25 } }
    expect(chartSizingOptions(settings)).toEqual(sizingSettings(settings))
    expect(chartSizingOptions(settings)).toEqual({ sizingMode: 'auto', bot: 'risk-manager', tolerance: 0.25 })
  })

  it.each(['variant-b', 'risk-manager'])('%s: the chart, diff and stale-override give every override the same live set', (bot) => {
    const chart = chartData(data, { title: 'example', bot })!
    const diff = diffOverrides(data, { sizingMode: 'auto', bot })
    expect(chart.overrides.map((o) => [o.path, formatIntervals(o.live)])).toEqual(diff.map((o) => [o.path, formatIntervals(o.live)]))
    const settings = { ...defaultSettings(rules), shared: { balances: [1018], sizingMode: 'auto' as const, bot } }
    const stale = lintText(text, settings, { rules: CHART_RULES }).findings.filter((f) => f.ruleId === 'stale-override')
    expect(stale.length).toBeGreaterThan(0)
    for (const f of stale) {
      const o = chart.overrides.find((x) => x.path === f.path)!
      if (f.messageId === 'neverLive') expect(o.live).toEqual([])
      else expect(f.message).toContain(`it is live only for balances ${formatIntervals(o.live)}`)
    }
  })
})
