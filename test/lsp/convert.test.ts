// Findings to LSP diagnostics: 0-based UTF-16 positions from our offsets, on non-ASCII, emoji, CRLF and BOM text.
import { TextDocument } from 'vscode-languageserver-textdocument'
import { describe, expect, it } from 'vitest'
import { lintText } from '../../src/engine/lint-text.js'
import { bomShift, offsetOf, positionOf, problemDiagnostic, toDiagnostic } from '../../src/lsp/convert.js'
import { rules } from '../../src/rules/index.js'
import { defaultSettings } from '../../src/settings/normalize.js'

const doc = (text: string): TextDocument => TextDocument.create('file:///x/config_futures.yaml', 'yaml', 1, text)

// One untraded symbol profile whose key holds an emoji and a German sharp s, after non-ASCII text on the same line.
const EMOJI = `scalping:
  symbols: ["BTC-USDT"]
  adaptive_regime:
    symbol_profiles: { "Größe": { position_multiplier: 1.0 }, "🚀-USDT": { position_multiplier: 0.8 } }
`

describe('positions', () => {
  it('counts UTF-16 code units, as our columns do: an emoji is two characters, ö is one', () => {
    const d = doc(EMOJI)
    const line = EMOJI.split('\n')[3]!
    const offset = EMOJI.indexOf('"🚀-USDT"')
    expect(positionOf(d, offset)).toEqual({ line: 3, character: line.indexOf('"🚀-USDT"') })
    expect(line.indexOf('"🚀-USDT"')).toBe(62)
    // In UTF-8 bytes the key starts at 64 (ö and ß are two bytes each): the LSP default is UTF-16, so 62 is right.
    expect(Buffer.byteLength(line.slice(0, 62))).toBe(64)
    // The key is 9 UTF-16 code units long (the rocket is a surrogate pair), 8 code points.
    expect(positionOf(d, offset + '"🚀-USDT"'.length)).toEqual({ line: 3, character: 71 })
  })

  it('shifts by one code unit when the editor kept a BOM that the linted text does not have', () => {
    const withBom = doc(`\uFEFF${EMOJI}`)
    expect(bomShift(withBom)).toBe(1)
    expect(bomShift(doc(EMOJI))).toBe(0)
    expect(positionOf(withBom, 0)).toEqual({ line: 0, character: 1 })
    expect(offsetOf(withBom, { line: 0, character: 1 })).toBe(0)
    expect(offsetOf(withBom, { line: 1, character: 2 })).toBe(EMOJI.indexOf('symbols'))
  })

  it('keeps CRLF lines apart: the offset after \\r\\n is the next line', () => {
    const text = 'a: 1\r\nb: 2\r\n'
    expect(positionOf(doc(text), text.indexOf('b'))).toEqual({ line: 1, character: 0 })
    expect(offsetOf(doc(text), { line: 1, character: 3 })).toBe(text.indexOf('2'))
  })
})

describe('toDiagnostic', () => {
  it('carries the rule id as code, the docs page as codeDescription, the severity and the exact range', () => {
    const settings = defaultSettings(rules)
    const result = lintText(EMOJI, settings)
    const findings = result.findings.filter((f) => f.ruleId === 'symbol-coverage')
    expect(findings.map((f) => [f.range.start.line, f.range.start.column, f.range.end.column])).toEqual([
      [4, 24, 31],
      [4, 63, 72],
    ])
    expect(toDiagnostic(findings[1]!, doc(EMOJI))).toEqual({
      range: { start: { line: 3, character: 62 }, end: { line: 3, character: 71 } },
      severity: 2,
      code: 'symbol-coverage',
      codeDescription: { href: 'https://github.com/lint-config/lint-config/blob/main/docs/rules/symbol-coverage.md' },
      source: 'lint-config',
      message: findings[1]!.message,
    })
    const error = result.findings.find((f) => f.severity === 'error')!
    expect(toDiagnostic(error, doc(EMOJI)).severity).toBe(1)
  })

  it('puts a problem that stopped the lint at the top of the file', () => {
    expect(problemDiagnostic('lint-config: bad')).toEqual({
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: 1,
      source: 'lint-config',
      message: 'lint-config: bad',
    })
  })
})
