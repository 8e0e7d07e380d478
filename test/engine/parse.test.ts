// parse.ts: the data is what PyYAML's safe_load gives the bot (YAML 1.1 scalars, last duplicate wins, merge keys).
import { describe, expect, it } from 'vitest'
import { parseConfig } from '../../src/engine/parse.js'

function data(yaml: string): unknown {
  const parsed = parseConfig(yaml)
  expect(parsed.fatal).toBe(false)
  return parsed.data
}

describe('parseConfig scalars, as PyYAML resolves them', () => {
  it.each([
    ['yes', true], ['Yes', true], ['on', true], ['ON', true], ['true', true],
    ['no', false], ['Off', false], ['FALSE', false],
    ['y', 'y'], ['n', 'n'], ['Y', 'Y'],
    ['1_000', 1000], ['0x1f', 31], ['0b101', 5], ['010', 8], ['09', '09'], ['1:30', 90],
    ['1.5', 1.5], ['1.', 1], ['.5', 0.5], ['1_000.5', 1000.5], ['1.5e+3', 1500], ['1.5E-2', 0.015],
    ['1e3', '1e3'], ['1.5e3', '1.5e3'], ['-.inf', -Infinity], ['.Inf', Infinity],
    ['~', null], ['null', null], ['', null], ['"500"', '500'], ["'yes'", 'yes'],
  ])('%s', (scalar, expected) => {
    expect((data(`v: ${scalar}\n`) as { v: unknown }).v).toEqual(expected)
  })

  it('.nan is NaN', () => {
    expect(Number.isNaN((data('v: .nan\n') as { v: number }).v)).toBe(true)
  })
})

describe('parseConfig data, as PyYAML builds it (issue 15)', () => {
  it('reads YAML 1.1 whatever %YAML says', () => {
    expect(data('%YAML 1.2\n---\na: yes\nb: 1e3\n')).toEqual({ a: true, b: '1e3' })
  })
  it('resolves a scalar with the non-specific tag !', () => {
    expect(data('a: ! 12\nb: ! yes\n')).toEqual({ a: 12, b: true })
  })
  it('keeps dates of year 1 and times with a zone', () => {
    const value = data('a: 0001-01-01\nb: 2001-12-14t21:59:43.10-05:00\n') as { a: Date; b: Date }
    expect([value.a.toISOString(), value.b.toISOString()]).toEqual(['0001-01-01T00:00:00.000Z', '2001-12-15T02:59:43.100Z'])
  })
  it('keeps Python key equality: 1, 1.0 and true are one key, the first written', () => {
    expect(data('m: {1: a, 1.0: b, true: c, "1": d}\n')).toEqual({ m: { 1: 'd' } })
    expect(Object.keys((data('m: {true: a, 1: b}\n') as { m: object }).m)).toEqual(['true'])
  })
  it('shares aliased values, as Python does', () => {
    const value = data('a: &x {k: 1}\nb: *x\n') as { a: object; b: object }
    expect(value.b).toBe(value.a)
  })
})

describe('parseConfig structure', () => {
  it('keeps the LAST value of a duplicated key, as the bot does', () => {
    expect(data('a: 1\nb: {x: 1}\na: 2\nb: {y: 2}\n')).toEqual({ a: 2, b: { y: 2 } })
  })

  it('applies merge keys with explicit keys winning, in either order', () => {
    expect(data('base: &b {x: 1, y: 2}\nd:\n  y: 3\n  <<: *b\n')).toEqual({ base: { x: 1, y: 2 }, d: { x: 1, y: 3 } })
  })

  it('never pollutes Object.prototype through __proto__ keys', () => {
    const value = data('__proto__: {polluted: 1}\nconstructor: {prototype: {polluted: 2}}\n') as Record<string, unknown>
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.prototype.hasOwnProperty.call(value, '__proto__')).toBe(true)
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype)
  })

  it('strips a BOM and reports positions without it', () => {
    const parsed = parseConfig('\uFEFFa: 1\na: 2\n')
    expect(parsed.bom).toBe(true)
    expect(parsed.text).toBe('a: 1\na: 2\n')
    expect(parsed.syntax.map((s) => [s.messageId, s.start, s.end])).toEqual([['duplicateKey', 5, 6]])
  })

  it('a second document is fatal, as yaml.safe_load refuses it, even an empty one', () => {
    for (const text of ['a: 1\n---\nb: 2\n', 'a: 1\n---\n', 'a: 1\n...\n---\n']) {
      const parsed = parseConfig(text)
      expect(parsed.fatal).toBe(true)
      expect(parsed.syntax.map((s) => s.messageId)).toEqual(['multipleDocuments'])
    }
    expect(parseConfig('---\na: 1\n...\n').fatal).toBe(false)
  })

  it('has no data after a fatal syntax error', () => {
    const parsed = parseConfig('a: [1\n')
    expect(parsed.fatal).toBe(true)
    expect(parsed.data).toBeUndefined()
  })

  it('reports absurd nesting as fatal instead of overflowing the stack', () => {
    const parsed = parseConfig(`a: ${'['.repeat(20000)}${']'.repeat(20000)}\n`)
    expect(parsed.fatal).toBe(true)
    expect(parsed.syntax.map((s) => s.messageId)).toEqual(['tooDeep'])
  })
})
