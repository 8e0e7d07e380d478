// Hover: the node under the cursor, the sizing entry it belongs to, and the exact text (SPEC's worked example at $1,018).
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseConfig } from '../../src/engine/parse.js'
import { hoverTarget, nodeAt } from '../../src/lsp/hover.js'
import { NO_BALANCES, sizingHover } from '../../src/lsp/sizing-hover.js'
import { rules } from '../../src/rules/index.js'
import { defaultSettings } from '../../src/settings/normalize.js'
import type { LintSettings } from '../../src/types.js'
import { repo } from '../helpers/lsp-client.js'

const example = readFileSync(path.join(repo, 'fixtures/example/config_futures.yaml'), 'utf8')
const parsed = parseConfig(example)
const settings = (balances: number[]): LintSettings => ({ ...defaultSettings(rules), shared: { balances, sizingMode: 'auto' } })

/** The offset of the `nth` (0-based) occurrence of `needle`, plus `plus`. */
function offsetOf(needle: string, plus = 0, nth = 0): number {
  let at = -1
  for (let i = 0; i <= nth; i++) at = example.indexOf(needle, at + 1)
  if (at < 0) throw new Error(`no ${needle}`)
  return at + plus
}

describe('nodeAt', () => {
  it('gives the keys down to the key or scalar under the cursor, and its offsets', () => {
    const at = offsetOf('base_position_usd: 42.0', 3)
    expect(nodeAt(parsed.doc, at)).toEqual({
      keys: ['scalping', 'adaptive_regime', 'symbol_profiles', 'BTC-USDT', 'trending', 'position', 'base_position_usd'],
      start: offsetOf('base_position_usd: 42.0'),
      end: offsetOf('base_position_usd: 42.0') + 'base_position_usd'.length,
    })
    const value = offsetOf('42.0', 1)
    expect(nodeAt(parsed.doc, value)).toMatchObject({ keys: ['scalping', 'adaptive_regime', 'symbol_profiles', 'BTC-USDT', 'trending', 'position', 'base_position_usd'], start: value - 1, end: value + 3 })
  })

  it('counts sequence items by index, and finds nothing on comments, blanks or past the end', () => {
    expect(nodeAt(parsed.doc, offsetOf('"ETH-USDT"', 2))?.keys).toEqual(['trading', 'symbols', '1'])
    expect(nodeAt(parsed.doc, offsetOf('# high liquidity', 3))).toBeUndefined()
    expect(nodeAt(parsed.doc, offsetOf('    micro:', 1))).toBeUndefined()
    expect(nodeAt(parsed.doc, example.length + 5)).toBeUndefined()
  })
})

describe('hoverTarget', () => {
  const profiles = ['scalping', 'balance_profiles']
  const symbols = ['scalping', 'adaptive_regime', 'symbol_profiles']
  it('is the profile anywhere inside scalping.balance_profiles.<name>', () => {
    expect(hoverTarget([...profiles, 'small'])).toEqual({ kind: 'profile', profile: 'small' })
    expect(hoverTarget([...profiles, 'small', 'threshold'])).toEqual({ kind: 'profile', profile: 'small' })
    expect(hoverTarget(profiles)).toBeUndefined()
  })

  it("is the multiplier on a symbol profile's key or position_multiplier, the override on its regime path", () => {
    expect(hoverTarget([...symbols, 'BTC-USDT'])).toEqual({ kind: 'multiplier', symbol: 'BTC-USDT' })
    expect(hoverTarget([...symbols, 'BTC-USDT', 'position_multiplier'])).toEqual({ kind: 'multiplier', symbol: 'BTC-USDT' })
    for (const tail of [['trending'], ['trending', 'position'], ['trending', 'position', 'base_position_usd']]) {
      expect(hoverTarget([...symbols, 'BTC-USDT', ...tail])).toEqual({ kind: 'override', symbol: 'BTC-USDT', regime: 'trending' })
    }
  })

  it('is nothing elsewhere: other position keys, unknown regimes, other sections', () => {
    expect(hoverTarget([...symbols, 'BTC-USDT', 'trending', 'position', 'min_position_usd'])).toBeUndefined()
    expect(hoverTarget([...symbols, 'BTC-USDT', 'volatile', 'position'])).toBeUndefined()
    expect(hoverTarget([...symbols, 'BTC-USDT', 'position_multiplier', 'x'])).toBeUndefined()
    expect(hoverTarget([...symbols])).toBeUndefined()
    expect(hoverTarget(['risk', 'max_open_positions'])).toBeUndefined()
  })
})

describe('sizingHover', () => {
  const s = settings([1018, 2500])
  it('profile: the sizes at each reference balance it is selected at, and who applies elsewhere', () => {
    expect(sizingHover(parsed.data, { kind: 'profile', profile: 'small' }, s)).toBe(
      [
        '**Profile** `small` at the reference balances:',
        '',
        '- **$1,018.00**: this profile (progressive), base size $101.80; BTC-USDT $122.16, ETH-USDT $101.80, SOL-USDT $91.62, DOGE-USDT $81.44, XRP-USDT $81.44',
        '- **$2,500.00**: profile `medium` applies instead (base size $183.33)',
      ].join('\n'),
    )
  })

  it("multiplier: the symbol's size at each reference balance", () => {
    expect(sizingHover(parsed.data, { kind: 'multiplier', symbol: 'BTC-USDT' }, s)).toBe(
      [
        '**`BTC-USDT`** position multiplier 1.2x at the reference balances:',
        '',
        '- **$1,018.00** (profile `small`, base size $101.80): size $122.16',
        '- **$2,500.00** (profile `medium`, base size $183.33): size $220.00',
      ].join('\n'),
    )
  })

  it('override: applied or ignored at each reference balance, and every balance where it is live', () => {
    expect(sizingHover(parsed.data, { kind: 'override', symbol: 'BTC-USDT', regime: 'trending' }, s)).toBe(
      [
        '**`BTC-USDT` trending override** $42.00 at the reference balances:',
        '',
        '- **$1,018.00** (profile `small`, per-symbol size $122.16): ignored, deviates 65.6% (> 50%)',
        '- **$2,500.00** (profile `medium`, per-symbol size $220.00): ignored, deviates 80.9% (> 50%)',
        '',
        'Live only for balances up to $700.00.',
      ].join('\n'),
    )
    expect(sizingHover(parsed.data, { kind: 'override', symbol: 'ETH-USDT', regime: 'trending' }, settings([1018]))).toBe(
      [
        '**`ETH-USDT` trending override** $110.00 at the reference balances:',
        '',
        '- **$1,018.00** (profile `small`, per-symbol size $101.80): applies, deviates 8.1% (<= 50%)',
        '',
        'Live only for balances from $733.33 to $4,400.00.',
      ].join('\n'),
    )
  })

  it("override: follows stale-override's own tolerance and balances, as its findings do", () => {
    const own = settings([1018])
    // With 70%, BTC's $42 is live while its size is at most 42 / 0.3 = $140, a base of $116.67: $1,166.67 in small.
    own.rules['stale-override'] = { severity: 'error', options: { tolerance: 0.7, balances: [600] } }
    expect(sizingHover(parsed.data, { kind: 'override', symbol: 'BTC-USDT', regime: 'trending' }, own)).toBe(
      [
        '**`BTC-USDT` trending override** $42.00 at the reference balances:',
        '',
        '- **$600.00** (profile `small`, per-symbol size $72.00): applies, deviates 41.7% (<= 70%)',
        '',
        'Live only for balances up to $1,166.67.',
      ].join('\n'),
    )
  })

  it("override: the era's rule and the size it compares with (bot: risk-manager uses an override only to raise the size)", () => {
    const era = settings([1018])
    era.shared = { ...era.shared, bot: 'risk-manager' }
    // SOL-USDT ranging $85.00 is within 50% of $91.62, but below it: the risk-manager code ignores it.
    expect(sizingHover(parsed.data, { kind: 'override', symbol: 'SOL-USDT', regime: 'ranging' }, era)!.split('\n').slice(0, 3)).toEqual([
      '**`SOL-USDT` ranging override** $85.00 at the reference balances:',
      '',
      '- **$1,018.00** (profile `small`, per-symbol size $91.62): ignored: below the size (an override may only raise it)',
    ])
    expect(sizingHover(parsed.data, { kind: 'override', symbol: 'SOL-USDT', regime: 'ranging' }, settings([1018]))!.split('\n')[2]).toBe(
      '- **$1,018.00** (profile `small`, per-symbol size $91.62): applies, deviates 7.2% (<= 50%)',
    )
  })

  it('without reference balances: says how to set them, and still gives the live balances of an override', () => {
    const none = settings([])
    expect(sizingHover(parsed.data, { kind: 'profile', profile: 'small' }, none)).toBe(`**Profile** \`small\`\n\n${NO_BALANCES}`)
    expect(sizingHover(parsed.data, { kind: 'override', symbol: 'BTC-USDT', regime: 'trending' }, none)).toBe(
      `**\`BTC-USDT\` trending override** $42.00\n\nLive only for balances up to $700.00.\n\n${NO_BALANCES}`,
    )
  })

  it('an untraded symbol, a missing override, no usable profile: says so or shows nothing', () => {
    const untraded = parseConfig(`${example}`.replace('      XRP-USDT:\n', '      ADA-USDT:\n')).data
    expect(sizingHover(untraded, { kind: 'multiplier', symbol: 'ADA-USDT' }, s)).toBe(
      '**`ADA-USDT`** is not traded (not in `scalping.symbols`): the bot never reads this entry.',
    )
    expect(sizingHover(parsed.data, { kind: 'override', symbol: 'ETH-USDT', regime: 'choppy' }, s)).toBeUndefined()
    expect(sizingHover(parseConfig('scalping: {}\n').data, { kind: 'override', symbol: 'BTC-USDT', regime: 'trending' }, s)).toBeUndefined()
    expect(sizingHover(parseConfig('scalping: {}\n').data, { kind: 'profile', profile: 'small' }, s)).toBeUndefined()
  })

  it("is what the README shows for the example's BTC-USDT trending override at $1,018", () => {
    const readme = readFileSync(path.join(repo, 'README.md'), 'utf8')
    const shown = /\n {2}```markdown\n([\s\S]*?)\n {2}```\n/.exec(readme)![1]!.replace(/^ {2}/gm, '')
    expect(sizingHover(parsed.data, { kind: 'override', symbol: 'BTC-USDT', regime: 'trending' }, settings([1018]))).toBe(shown)
  })

  it('keeps a name with backticks inside its code span', () => {
    const odd = parseConfig(example.replace('    small:', '    "sm`all":')).data
    expect(sizingHover(odd, { kind: 'profile', profile: 'sm`all' }, settings([1018]))!.split('\n')[0]).toBe('**Profile** `` sm`all `` at the reference balances:')
  })
})
