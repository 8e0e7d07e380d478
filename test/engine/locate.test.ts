// locate.ts: a JSON pointer becomes the exact source span of the node the bot reads.
import { describe, expect, it } from 'vitest'
import { locate, parsePointer, toPointer } from '../../src/engine/locate.js'
import { parseConfig } from '../../src/engine/parse.js'

function span(yaml: string, pointer: string, on?: 'key' | 'value'): string {
  const parsed = parseConfig(yaml)
  const { start, end } = locate(parsed.doc, parsed.text, pointer, on)
  return parsed.text.slice(start, end)
}

describe('parsePointer / toPointer', () => {
  it('round-trips ~ and / escapes (RFC 6901 order)', () => {
    expect(parsePointer('/a~1b/c~0d/~01')).toEqual(['a/b', 'c~d', '~1'])
    expect(toPointer(['a/b', 'c~d', '~1'])).toBe('/a~1b/c~0d/~01')
    expect(parsePointer('')).toEqual([])
  })
})

describe('locate', () => {
  const yaml = [
    'scalping:',
    '  leverage: 5',
    '  symbols: ["BTC-USDT", "ETH-USDT"]',
    '  balance_profiles:',
    '    micro: { threshold: 500.0, min_balance: 100.0 }',
    '    small:',
    '      threshold: 1500.0',
    '  leverage: 7',
    'a/b: {c~d: 1}',
    '',
  ].join('\n')

  it('finds a scalar value', () => {
    expect(span(yaml, '/scalping/balance_profiles/small/threshold')).toBe('1500.0')
  })
  it('finds the LAST of duplicated keys, the value the bot reads', () => {
    const parsed = parseConfig(yaml)
    const { start } = locate(parsed.doc, parsed.text, '/scalping/leverage')
    expect(parsed.lineCounter.linePos(start)).toEqual({ line: 8, col: 13 })
  })
  it('finds sequence items', () => {
    expect(span(yaml, '/scalping/symbols/1')).toBe('"ETH-USDT"')
  })
  it('shows a multi-line block mapping at its key', () => {
    expect(span(yaml, '/scalping/balance_profiles/small')).toBe('small')
  })
  it('shows a one-line flow mapping whole', () => {
    expect(span(yaml, '/scalping/balance_profiles/micro')).toBe('{ threshold: 500.0, min_balance: 100.0 }')
  })
  it('points at the key when asked', () => {
    expect(span(yaml, '/scalping/balance_profiles/micro/threshold', 'key')).toBe('threshold')
  })
  it('falls back to the closest existing ancestor, shown at its key', () => {
    expect(span(yaml, '/scalping/balance_profiles/small/size_at_max')).toBe('small')
    expect(span(yaml, '/scalping/nothing/here')).toBe('scalping')
  })
  it('unescapes pointer segments', () => {
    expect(span(yaml, '/a~1b/c~0d')).toBe('1')
  })
  it('follows aliases and merge keys to where the value is written', () => {
    const merged = 'base: &b {size: 30.0}\nmicro:\n  <<: *b\n  threshold: 500.0\nalias: *b\n'
    expect(span(merged, '/micro/size')).toBe('30.0')
    expect(span(merged, '/alias/size')).toBe('30.0')
    expect(span(merged, '/micro/threshold')).toBe('500.0')
  })
  it('points at the key of a key with no value', () => {
    expect(span('micro:\nsmall: 1\n', '/micro')).toBe('micro')
  })
  it('points at the first line of the root for the root pointer', () => {
    expect(span('- a\n- b\n', '')).toBe('- a')
    expect(span('', '')).toBe('')
  })
})
