// Typing simulation: the fixture typed one character at a time through didChange; every prefix linted, every answer well-formed.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { CodeAction, Diagnostic, Hover, Range, TextDocumentEdit } from 'vscode-languageserver-protocol/node'
import { TextDocument } from 'vscode-languageserver-textdocument'
import { expect, it } from 'vitest'
import { rules } from '../../src/rules/index.js'
import { cliMessages, expectedDiagnostics, fileUri, repo, startServer } from '../helpers/lsp-client.js'

const fixture = path.join(repo, 'fixtures/lsp/config_futures.yaml')
const DOCS = /^https:\/\/github\.com\/lint-config\/lint-config\/blob\/main\/docs\/rules\/[a-z-]+\.md$/

/** Problems with `range` in `doc` (0-based UTF-16 positions within the text, start <= end); empty when well-formed. */
function rangeProblems(range: Range, doc: TextDocument): string[] {
  const lines = doc.getText().split('\n')
  const inside = (p: Range['start']) => Number.isInteger(p.line) && p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line]!.length
  const problems: string[] = []
  if (!inside(range.start) || !inside(range.end)) problems.push(`range ${JSON.stringify(range)} outside the text`)
  if (doc.offsetAt(range.start) > doc.offsetAt(range.end)) problems.push(`range ${JSON.stringify(range)} ends before it starts`)
  return problems
}

function diagnosticProblems(d: Diagnostic, doc: TextDocument): string[] {
  const problems = rangeProblems(d.range, doc)
  if (d.severity !== 1 && d.severity !== 2) problems.push(`severity ${d.severity}`)
  if (typeof d.code !== 'string' || !Object.hasOwn(rules, d.code)) problems.push(`code ${String(d.code)}`)
  if (!DOCS.test(d.codeDescription?.href ?? '')) problems.push(`codeDescription ${JSON.stringify(d.codeDescription)}`)
  if (d.source !== 'lint-config' || typeof d.message !== 'string' || d.message === '' || d.message.includes('\n')) problems.push(`message ${d.message}`)
  return problems
}

function hoverProblems(h: Hover | null, doc: TextDocument): string[] {
  if (h === null) return []
  const contents = h.contents as { kind?: string; value?: unknown }
  const problems = h.range ? rangeProblems(h.range, doc) : ['hover without a range']
  if (contents.kind !== 'markdown' || typeof contents.value !== 'string' || contents.value === '') problems.push(`hover contents ${JSON.stringify(contents)}`)
  return problems
}

function actionProblems(actions: CodeAction[], doc: TextDocument): string[] {
  const problems: string[] = []
  for (const a of actions) {
    if (!['quickfix', 'source.fixAll.lint-config'].includes(a.kind ?? '') || !a.title) problems.push(`action ${a.title} of kind ${a.kind}`)
    const change = a.edit?.documentChanges?.[0] as TextDocumentEdit | undefined
    if (!change || change.textDocument.version !== doc.version) problems.push(`action ${a.title}: edit for version ${change?.textDocument.version}, not ${doc.version}`)
    for (const e of change?.edits ?? []) problems.push(...rangeProblems(e.range, doc))
  }
  return problems
}

it('types the fixture one character at a time: no crash, every answer well-formed, the last findings are the CLI\'s', async () => {
  const text = readFileSync(fixture, 'utf8')
  const uri = fileUri(fixture)
  const client = await startServer({ cwd: repo, args: ['--debounce', '0'] })
  const problems: string[] = []
  let hovers = 0
  let fixes = 0
  let doc = TextDocument.create(uri, 'yaml', 1, '')
  client.open(uri, '', 1)
  await client.diagnostics(uri, (p) => p.version === 1)
  // JS strings index UTF-16 code units; an editor types the rocket as one keystroke (both halves at once).
  const keys = [...text]
  for (const [i, key] of keys.entries()) {
    const version = i + 2
    const end = doc.positionAt(doc.getText().length)
    const change = { range: { start: end, end }, text: key }
    doc = TextDocument.update(doc, [change], version)
    client.change(uri, version, [change])
    const cursor = doc.positionAt(doc.getText().length - key.length)
    const [published, hover, actions] = await Promise.all([
      client.diagnostics(uri, (p) => p.version === version),
      client.hover(uri, cursor.line, cursor.character),
      client.codeActions(uri, { start: cursor, end: cursor }),
    ])
    const here = [...published.diagnostics.flatMap((d) => diagnosticProblems(d, doc)), ...hoverProblems(hover, doc), ...actionProblems(actions, doc)]
    if (hover) hovers++
    if (actions.some((a) => a.kind === 'source.fixAll.lint-config')) fixes++
    problems.push(...here.map((p) => `after ${JSON.stringify(doc.getText().slice(-20))} (version ${version}): ${p}`))
  }
  expect(doc.getText()).toBe(text)
  expect(problems).toEqual([])
  // The answers were not all empty: sizes showed up while values were typed, and fix-all once the gap was there.
  expect(hovers).toBeGreaterThan(20)
  expect(fixes).toBeGreaterThan(0)
  const last = client.published.filter((p) => p.uri === uri).at(-1)!
  expect(last.version).toBe(keys.length + 1)
  expect(last.diagnostics).toEqual(expectedDiagnostics(cliMessages(fixture)))
  // Every prefix was linted and published, in order, once.
  expect(client.published.filter((p) => p.uri === uri).map((p) => p.version)).toEqual(Array.from({ length: keys.length + 1 }, (_, i) => i + 1))
  expect(client.stderr()).toBe('')
  expect(await client.stop()).toBe(0)
}, 180_000)
