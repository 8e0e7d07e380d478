// Code actions: the --fix edit, "disable <rule> for this line" with the line's indentation, fix-all; each result re-linted.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { TextDocument } from 'vscode-languageserver-textdocument'
import type { TextDocumentEdit, TextEdit as LspTextEdit, WorkspaceEdit } from 'vscode-languageserver'
import { describe, expect, it } from 'vitest'
import { applyEdits, lintAndFix } from '../../src/engine/fix.js'
import { lintText } from '../../src/engine/lint-text.js'
import { parseConfig } from '../../src/engine/parse.js'
import { DISABLE_REASON, disableEdit, fixAll, minimalEdit, quickFixes, workspaceEdit, type ActionSource } from '../../src/lsp/code-actions.js'
import { rules } from '../../src/rules/index.js'
import { defaultSettings } from '../../src/settings/normalize.js'
import type { LintSettings } from '../../src/types.js'
import { repo } from '../helpers/lsp-client.js'

const at1018: LintSettings = { ...defaultSettings(rules), shared: { balances: [1018], sizingMode: 'auto' } }
const example = readFileSync(path.join(repo, 'fixtures/example/config_futures.yaml'), 'utf8')
const gap = readFileSync(path.join(repo, 'fixtures/invalid/gap-between-profiles.yaml'), 'utf8')
const uri = 'file:///w/config_futures.yaml'

function source(text: string, settings = at1018, documentChanges = true): ActionSource {
  return { uri, document: TextDocument.create(uri, 'yaml', 3, text), parsed: parseConfig(text), settings, documentChanges }
}

/** Applies a workspace edit the way an editor does, to the document it names. */
function apply(text: string, edit: WorkspaceEdit): string {
  const edits = (edit.documentChanges ? (edit.documentChanges[0] as TextDocumentEdit).edits : edit.changes![uri]!) as LspTextEdit[]
  return TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 3, text), edits)
}

function summary(text: string, settings = at1018): string[] {
  return lintText(text, settings).findings.map((f) => `${f.range.start.line}:${f.range.start.column} ${f.ruleId}`)
}

describe('disableEdit', () => {
  // The example's findings at $1,018 after the first one (line 108) is disabled, one line further down: two stale
  // overrides, BTC's trending cap and six keys the bot never reads.
  const rest = [
    '111:31 symbol-cap',
    '114:32 stale-override',
    '129:32 stale-override',
    '137:3 dead-key',
    '139:3 dead-key',
    '141:3 dead-key',
    '148:5 dead-key',
    '149:5 dead-key',
    '150:5 dead-key',
  ]

  it('puts the directive on a new line above the finding, indented like that line, and the finding is suppressed', () => {
    const parsed = parseConfig(example)
    const finding = lintText(example, at1018).findings[0]!
    expect(`${finding.range.start.line} ${finding.ruleId}`).toBe('108 stale-override')
    const edit = disableEdit(parsed, finding)!
    expect(edit).toEqual({
      range: [finding.range.start.offset - 31, finding.range.start.offset - 31],
      text: `            # lint-config-disable-next-line stale-override -- ${DISABLE_REASON}\n`,
    })
    const fixed = applyEdits(example, [edit]).text
    expect(summary(fixed)).toEqual(rest)
    const result = lintText(fixed, at1018)
    expect(result.suppressed?.map((f) => [f.range.start.line, f.ruleId, f.justification])).toEqual([[109, 'stale-override', 'TODO: reason']])
  })

  it('adds the rule to a disable-next-line directive already on the line above (a second one would point at the first)', () => {
    const text = example.replace('            base_position_usd: 42.0', '            # lint-config-disable-next-line schema -- checked\n            base_position_usd: 42.0')
    const finding = lintText(text, at1018).findings.find((f) => f.range.start.line === 109)!
    const edit = disableEdit(parseConfig(text), finding)!
    expect(edit.text).toBe(', stale-override')
    const fixed = applyEdits(text, [edit]).text
    expect(fixed).toContain('            # lint-config-disable-next-line schema, stale-override -- checked\n            base_position_usd: 42.0')
    expect(summary(fixed)).toEqual(rest)
  })

  it('ends the new line as the file ends its lines (CRLF)', () => {
    const crlf = example.replace(/\n/g, '\r\n')
    const finding = lintText(crlf, at1018).findings[0]!
    const edit = disableEdit(parseConfig(crlf), finding)!
    expect(edit.text).toBe(`            # lint-config-disable-next-line stale-override -- ${DISABLE_REASON}\r\n`)
    expect(summary(applyEdits(crlf, [edit]).text)).toEqual(rest)
  })

  it('offers nothing where a comment would become text (a line inside a quoted scalar) or for a fatal finding', () => {
    const inside = 'scalping: { note: "two\n  lines", leverage: 500 }\n'
    const finding = lintText(inside, at1018).findings.find((f) => f.path === '/scalping/leverage')!
    expect(finding.range.start.line).toBe(2)
    expect(disableEdit(parseConfig(inside), finding)).toBeUndefined()
    const broken = 'scalping:\n  leverage: [5\n'
    const fatal = lintText(broken, at1018).findings[0]!
    expect(fatal.fatal).toBe(true)
    expect(disableEdit(parseConfig(broken), fatal)).toBeUndefined()
  })
})

describe('quickFixes', () => {
  it("offers the rule's fix (preferred) and the disable directive; the fix applied lints clean", () => {
    const s = source(gap)
    const finding = lintText(gap, at1018).findings[0]!
    const actions = quickFixes(s, [finding])
    expect(actions.map((a) => [a.title, a.kind, a.isPreferred ?? false])).toEqual([
      ['Fix this profile-continuity problem', 'quickfix', true],
      ['Disable profile-continuity for this line', 'quickfix', false],
    ])
    expect(actions[0]!.edit).toEqual({
      documentChanges: [
        {
          textDocument: { uri, version: 3 },
          edits: [{ range: { start: { line: 16, character: 19 }, end: { line: 16, character: 24 } }, newText: '500.0' }],
        },
      ],
    })
    expect(actions[0]!.diagnostics?.map((d) => d.code)).toEqual(['profile-continuity'])
    expect(summary(apply(gap, actions[0]!.edit!))).toEqual([])
    expect(summary(apply(gap, actions[1]!.edit!))).toEqual([])
  })

  it('uses plain `changes` for a client without versioned document edits', () => {
    expect(workspaceEdit(source(gap, at1018, false), [{ range: [0, 1], text: 'X' }])).toEqual({
      changes: { [uri]: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, newText: 'X' }] },
    })
  })
})

describe('fixAll', () => {
  it('applies every fix of every pass as one minimal edit, and the result lints clean', () => {
    // small starts $100 above micro's end (a gap) and medium, added after it, $100 below small's end (an overlap).
    const medium = [
      '    medium:',
      '      threshold: 3000.0',
      '      min_balance: 1400.0',
      '      size_at_min: 150.0',
      '      size_at_max: 200.0',
      '      progressive: true',
      '      min_position_usd: 10.0',
      '      max_position_usd: 1000.0',
      '      max_open_positions: 5',
    ]
    const twoFixes = gap.replace('  sl_percent: 1.2\n', `${medium.join('\n')}\n  sl_percent: 1.2\n`)
    expect(summary(twoFixes)).toEqual([
      '17:20 profile-continuity',
      '26:20 interpolation-properties',
      '26:20 profile-continuity',
      '27:20 interpolation-properties',
      '27:20 profile-continuity',
    ])
    const action = fixAll(source(twoFixes), lintText(twoFixes, at1018).findings)!
    expect(action.title).toBe('Fix all auto-fixable problems')
    expect(action.kind).toBe('source.fixAll.lint-config')
    const edits = (action.edit!.documentChanges![0] as TextDocumentEdit).edits
    expect(edits).toHaveLength(1)
    const fixed = apply(twoFixes, action.edit!)
    expect(fixed).toBe(lintAndFix(twoFixes, at1018).output)
    expect(fixed).toContain('      min_balance: 500.0\n')
    expect(fixed).toContain('      min_balance: 1500.0\n')
    expect(summary(fixed)).toEqual([])
  })

  it('offers nothing when no finding has a fix', () => {
    expect(fixAll(source(example), lintText(example, at1018).findings)).toBeUndefined()
  })
})

describe('minimalEdit', () => {
  it('replaces only the span between the common prefix and suffix', () => {
    expect(minimalEdit('min_balance: 600.0', 'min_balance: 500.0')).toEqual({ range: [13, 14], text: '5' })
    expect(minimalEdit('abc', 'abc')).toEqual({ range: [3, 3], text: '' })
    expect(minimalEdit('aXa', 'aa')).toEqual({ range: [1, 2], text: '' })
    expect(minimalEdit('', 'new')).toEqual({ range: [0, 0], text: 'new' })
    const from = 'a: 1\nb: 2\n'
    const to = 'a: 1\nc: 3\nb: 2\n'
    expect(applyEdits(from, [minimalEdit(from, to)]).text).toBe(to)
  })
})
