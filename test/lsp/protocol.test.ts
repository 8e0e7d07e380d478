// The built server (dist/bin.js lsp) in a child process, driven by the real vscode-languageserver-protocol client.
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import {
  DidChangeWatchedFilesNotification,
  FileChangeType,
  type CodeAction,
  type TextDocumentEdit,
  type TextEdit,
} from 'vscode-languageserver-protocol/node'
import { TextDocument } from 'vscode-languageserver-textdocument'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bin, cliMessages, expectedDiagnostics, fileUri, FIXTURE_OVERRIDE_HOVER, repo, startServer, type LspClient } from '../helpers/lsp-client.js'

const fixture = path.join(repo, 'fixtures/lsp/config_futures.yaml')
const example = path.join(repo, 'fixtures/example/config_futures.yaml')
const gap = path.join(repo, 'fixtures/invalid/gap-between-profiles.yaml')
const version = (JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as { version: string }).version

/** Applies the single document edit of a code action to `text`, as an editor does. */
function applyAction(text: string, action: CodeAction): { text: string; edits: TextEdit[] } {
  const change = action.edit!.documentChanges![0] as TextDocumentEdit
  const edits = change.edits as TextEdit[]
  return { text: TextDocument.applyEdits(TextDocument.create('file:///x', 'yaml', 1, text), edits), edits }
}

let dir: string
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'lint-config-lsp-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** A fresh directory under the test's temporary one, holding `files`. */
function workspace(name: string, files: Record<string, string>): string {
  const root = path.join(dir, name)
  mkdirSync(root, { recursive: true })
  for (const [file, text] of Object.entries(files)) writeFileSync(path.join(root, file), text)
  return root
}

describe('lint-config lsp over stdio', () => {
  let client: LspClient

  /** `source` copied to config_futures.yaml in a fresh workspace holding `files`, opened, with its first diagnostics. */
  async function openCopy(name: string, source: string, files: Record<string, string> = {}) {
    const root = workspace(name, files)
    const file = path.join(root, 'config_futures.yaml')
    copyFileSync(source, file)
    const text = readFileSync(file, 'utf8')
    const uri = fileUri(file)
    client.open(uri, text)
    return { root, file, uri, text, first: await client.diagnostics(uri) }
  }

  /** Tells the server that `root`'s .lint-config.yaml changed; resolves with the next diagnostics of `uri`. */
  async function settingsChanged(root: string, uri: string) {
    const mark = client.published.length
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: fileUri(path.join(root, '.lint-config.yaml')), type: FileChangeType.Changed }],
    })
    return client.diagnostics(uri, (p) => client.published.indexOf(p) >= mark)
  }
  beforeAll(async () => {
    client = await startServer({ cwd: repo, args: ['--stdio'] })
  })
  afterAll(async () => {
    expect(await client.stop()).toBe(0)
  })

  it('initializes with its capabilities and asks to watch settings files', async () => {
    // The server registers the watcher when `initialized` arrives: any answer to a later request comes after it.
    expect(await client.hover('file:///nowhere/config_futures.yaml', 0, 0)).toBeNull()
    expect(client.initializeResult).toEqual({
      capabilities: {
        textDocumentSync: { openClose: true, change: 2, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: ['quickfix', 'source.fixAll.lint-config'] },
        hoverProvider: true,
      },
      serverInfo: { name: 'lint-config', version },
    })
    expect(client.registrations.map((r) => [r.method, r.registerOptions])).toEqual([
      ['workspace/didChangeWatchedFiles', { watchers: [{ globPattern: '**/{.lint-config.yaml,.lint-config.yml,.lint-config.json,package.json}' }] }],
    ])
  })

  it("didOpen publishes exactly the CLI's findings, field by field (non-ASCII and emoji lines, the nearest settings file)", async () => {
    const uri = fileUri(fixture)
    client.open(uri, readFileSync(fixture, 'utf8'))
    const published = await client.diagnostics(uri)
    const messages = cliMessages(fixture)
    // The fixture's .lint-config.yaml sets two reference balances: each stale override is reported at both.
    expect(messages.map((m) => `${m.line}:${m.column}-${m.endColumn} ${m.ruleId}`)).toEqual([
      '17:46-51 profile-continuity',
      '24:32-36 stale-override',
      '24:32-36 stale-override',
      '25:106-110 stale-override',
      '25:106-110 stale-override',
      '26:7-21 schema',
      '26:7-21 symbol-coverage',
    ])
    expect(published.version).toBe(1)
    expect(published.diagnostics).toEqual(expectedDiagnostics(messages))
    client.close(uri)
    expect((await client.diagnostics(uri, (p) => p.diagnostics.length === 0)).diagnostics).toEqual([])
  })

  it('hover over an override, a multiplier and a profile gives the sizes at the reference balances and the live interval', async () => {
    const uri = fileUri(fixture)
    client.open(uri, readFileSync(fixture, 'utf8'))
    // Line 24 (0-based 23): `            base_position_usd: 42.0`.
    expect(await client.hover(uri, 23, 20)).toEqual({
      contents: {
        kind: 'markdown',
        value: FIXTURE_OVERRIDE_HOVER,
      },
      range: { start: { line: 23, character: 12 }, end: { line: 23, character: 29 } },
    })
    // Line 25: the flow mapping after `Größe 🚀` (the rocket is two UTF-16 units): the value 20.0 at character 105.
    const eth = await client.hover(uri, 24, 106)
    expect(eth?.range).toEqual({ start: { line: 24, character: 105 }, end: { line: 24, character: 109 } })
    expect((eth?.contents as { value: string }).value.split('\n')[0]).toBe('**`ETH-USDT` ranging override** $20.00 at the reference balances:')
    expect(await client.hover(uri, 20, 10)).toEqual({
      contents: {
        kind: 'markdown',
        value: [
          '**`BTC-USDT`** position multiplier 1.2x at the reference balances:',
          '',
          '- **$1,018.00** (profile `small`, base size $96.44): size $115.73',
          '- **$2,500.00** (profile `small`, base size $150.00): size $180.00',
        ].join('\n'),
      },
      range: { start: { line: 20, character: 8 }, end: { line: 20, character: 27 } },
    })
    const small = await client.hover(uri, 16, 5)
    expect((small?.contents as { value: string }).value).toBe(
      [
        '**Profile** `small` at the reference balances:',
        '',
        '- **$1,018.00**: this profile (progressive), base size $96.44; BTC-USDT $115.73, ETH-USDT $96.44',
        '- **$2,500.00**: this profile (progressive), base size $150.00; BTC-USDT $180.00, ETH-USDT $150.00',
      ].join('\n'),
    )
    expect(await client.hover(uri, 4, 4)).toBeNull()
    expect(await client.hover(uri, 0, 3)).toBeNull()
    client.close(uri)
  })

  it('didChange that fixes the finding clears it; the code action applied lints clean with the CLI too', async () => {
    const { file, uri, text, first } = await openCopy('fix', gap)
    expect(first.diagnostics).toEqual(expectedDiagnostics(cliMessages(file)))
    expect(first.diagnostics.map((d) => d.code)).toEqual(['profile-continuity'])

    const actions = await client.codeActions(uri, first.diagnostics[0]!.range, first.diagnostics)
    expect(actions.map((a) => [a.title, a.kind])).toEqual([
      ['Fix this profile-continuity problem', 'quickfix'],
      ['Disable profile-continuity for this line', 'quickfix'],
      ['Fix all auto-fixable problems', 'source.fixAll.lint-config'],
    ])
    const fix = applyAction(text, actions[0]!)
    expect(fix.edits).toEqual([{ range: { start: { line: 16, character: 19 }, end: { line: 16, character: 24 } }, newText: '500.0' }])
    client.change(uri, 2, fix.edits.map((e) => ({ range: e.range, text: e.newText })))
    expect(await client.diagnostics(uri, (p) => p.version === 2)).toEqual({ uri, version: 2, diagnostics: [] })
    writeFileSync(file, fix.text)
    expect(cliMessages(file)).toEqual([])

    // The disable action, applied to the original text, lints clean as well.
    const disabled = applyAction(text, actions[1]!).text
    expect(disabled.split('\n')[16]).toBe('      # lint-config-disable-next-line profile-continuity -- TODO: reason')
    writeFileSync(file, disabled)
    expect(cliMessages(file)).toEqual([])
    client.close(uri)
  })

  it('code actions for a range without findings offer nothing but fix-all, and `only` filters by kind', async () => {
    const { uri } = await openCopy('only', gap)
    const top = { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }
    expect((await client.codeActions(uri, top)).map((a) => a.title)).toEqual(['Fix all auto-fixable problems'])
    const finding = { start: { line: 16, character: 20 }, end: { line: 16, character: 20 } }
    expect((await client.codeActions(uri, finding, [], ['quickfix'])).map((a) => a.kind)).toEqual(['quickfix', 'quickfix'])
    expect((await client.codeActions(uri, finding, [], ['source.fixAll'])).map((a) => a.kind)).toEqual(['source.fixAll.lint-config'])
    expect(await client.codeActions(uri, finding, [], ['refactor'])).toEqual([])
    client.close(uri)
  })

  it('publishes nothing for YAML files that are not configs (yaml-language-server has those)', async () => {
    const root = workspace('other', { 'docker-compose.yaml': 'services: {}\n', 'config_futures.yaml': 'scalping: {}\n' })
    const other = fileUri(path.join(root, 'docker-compose.yaml'))
    client.open(other, 'services: [\n')
    expect(await client.hover(other, 0, 2)).toBeNull()
    expect(await client.codeActions(other, { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } })).toEqual([])
    const config = fileUri(path.join(root, 'config_futures.yaml'))
    client.open(config, 'scalping: {}\n')
    await client.diagnostics(config)
    expect(client.published.filter((p) => p.uri === other)).toEqual([])
    client.close(other)
    client.close(config)
  })

  it('half-typed YAML gets a yaml-syntax finding at the right place, and the server keeps serving', async () => {
    const root = workspace('broken', {})
    const uri = fileUri(path.join(root, 'config_futures.yaml'))
    client.open(uri, 'scalping:\n  leverage: [5\n')
    const broken = await client.diagnostics(uri)
    writeFileSync(path.join(root, 'config_futures.yaml'), 'scalping:\n  leverage: [5\n')
    expect(broken.diagnostics).toEqual(expectedDiagnostics(cliMessages(path.join(root, 'config_futures.yaml'))))
    expect(broken.diagnostics.map((d) => d.code)).toEqual(['yaml-syntax'])
    expect(await client.hover(uri, 1, 4)).toBeNull()
    client.change(uri, 2, [{ range: { start: { line: 1, character: 14 }, end: { line: 1, character: 14 } }, text: ']' }])
    const fixed = await client.diagnostics(uri, (p) => p.version === 2)
    writeFileSync(path.join(root, 'config_futures.yaml'), 'scalping:\n  leverage: [5]\n')
    // Parsed now, the schema has its say: symbols are missing and leverage is no list.
    expect(fixed.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['schema', 'scalping is missing "symbols"'],
      ['schema', 'leverage must be a number, got a list'],
    ])
    expect(fixed.diagnostics).toEqual(expectedDiagnostics(cliMessages(path.join(root, 'config_futures.yaml'))))
    client.close(uri)
  })

  it('re-lints open documents when a settings file changes (workspace/didChangeWatchedFiles)', async () => {
    const { root, file, uri, first } = await openCopy('settings', example, { '.lint-config.yaml': 'balances: [1018]\n' })
    // Beside the three stale overrides, the example's true findings: BTC's trending cap and six keys the bot never reads.
    const others = ['136 dead-key', '138 dead-key', '140 dead-key', '147 dead-key', '148 dead-key', '149 dead-key']
    expect(first.diagnostics.map((d) => `${d.range.start.line + 1} ${d.code}`)).toEqual([
      '108 stale-override',
      '110 symbol-cap',
      '113 stale-override',
      '128 stale-override',
      ...others,
    ])
    writeFileSync(path.join(root, '.lint-config.yaml'), 'balances: [1018]\nrules:\n  stale-override: [error, { tolerance: 0.7 }]\n')
    const after = await settingsChanged(root, uri)
    expect(after.diagnostics).toEqual(expectedDiagnostics(cliMessages(file)))
    // At 70%, BTC's $42 and $38 are live again at $1,018 (the size $122.16 is within 42 / 0.3 and 38 / 0.3); DOGE's $20 is not.
    expect(after.diagnostics.map((d) => `${d.range.start.line + 1} ${d.code}`)).toEqual(['110 symbol-cap', '128 stale-override', ...others])

    // A broken settings file: one finding at the top naming it, as the CLI's exit-2 line does; fixed, the findings return.
    writeFileSync(path.join(root, '.lint-config.yaml'), 'rules:\n  stale-overide: error\n')
    const bad = await settingsChanged(root, uri)
    const cli = spawnSync(process.execPath, [bin, file], { cwd: root, encoding: 'utf8' })
    expect(cli.status).toBe(2)
    expect(bad.diagnostics).toEqual([
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 1, source: 'lint-config', message: cli.stderr.trim() },
    ])
    writeFileSync(path.join(root, '.lint-config.yaml'), 'balances: [1018]\n')
    expect((await settingsChanged(root, uri)).diagnostics).toEqual(first.diagnostics)
    client.close(uri)
  })

  it('a change re-reads settings that changed on disk even without a notification', async () => {
    const { root, file, uri, first } = await openCopy('stat', example, { '.lint-config.yaml': 'balances: [1018]\n' })
    expect(first.diagnostics).toHaveLength(10)
    writeFileSync(path.join(root, '.lint-config.yaml'), 'balances: [600]\n')
    client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# edited\n' }])
    const after = await client.diagnostics(uri, (p) => p.version === 2)
    writeFileSync(file, `# edited\n${readFileSync(example, 'utf8')}`)
    expect(after.diagnostics).toEqual(expectedDiagnostics(cliMessages(file)))
    client.close(uri)
  })

  it('a burst of changes is folded into few lints, versions only ever grow, and each publish matches its own text', async () => {
    const root = workspace('burst', {})
    const file = path.join(root, 'config_futures.yaml')
    const texts = [readFileSync(gap, 'utf8')]
    const uri = fileUri(file)
    client.open(uri, texts[0]!)
    await client.diagnostics(uri)
    const start = client.published.length
    // Thirty keystrokes at once: the comment on line 1 grows, then line 17's value is retyped from 600.0 to 500.0.
    for (let v = 2; v <= 31; v++) {
      const prev = texts[texts.length - 1]!
      const next = v < 31 ? prev.replace('\n', 'x\n') : prev.replace('min_balance: 600.0', 'min_balance: 500.0')
      texts.push(next)
      client.change(uri, v, [{ text: next }])
    }
    const last = await client.diagnostics(uri, (p) => p.version === 31)
    expect(last.diagnostics).toEqual([])
    const burst = client.published.slice(start).filter((p) => p.uri === uri)
    const versions = burst.map((p) => p.version!)
    expect(versions).toEqual([...versions].sort((a, b) => a - b))
    expect(new Set(versions).size).toBe(versions.length)
    expect(versions.length).toBeLessThanOrEqual(3)
    for (const p of burst) {
      writeFileSync(file, texts[p.version! - 1]!)
      expect(p.diagnostics).toEqual(expectedDiagnostics(cliMessages(file)))
    }
    client.close(uri)
  })
})

describe('lint-config lsp flags', () => {
  it('--balance and --rule apply as on the command line', async () => {
    const client = await startServer({ cwd: repo, args: ['--balance', '1018', '--rule', 'stale-override:warn', '--debounce', '0'] })
    try {
      const uri = fileUri(example)
      client.open(uri, readFileSync(example, 'utf8'))
      const published = await client.diagnostics(uri)
      expect(published.diagnostics).toEqual(expectedDiagnostics(cliMessages(example, ['--balance', '1018', '--rule', 'stale-override:warn'])))
      expect(published.diagnostics.map((d) => [d.range.start.line + 1, d.severity])).toEqual([
        [108, 2],
        [110, 2],
        [113, 2],
        [128, 2],
        [136, 2],
        [138, 2],
        [140, 2],
        [147, 2],
        [148, 2],
        [149, 2],
      ])
    } finally {
      expect(await client.stop()).toBe(0)
    }
  })

  it('a bad flag is one line on stderr and exit 2, before any protocol', () => {
    const run = (args: string[]) => spawnSync(process.execPath, [bin, 'lsp', ...args], { cwd: repo, encoding: 'utf8', input: '' })
    expect(run(['--rule', 'nope:off'])).toMatchObject({ status: 2, stdout: '', stderr: 'lint-config: --rule: unknown rule "nope"\n' })
    expect(run(['--bogus'])).toMatchObject({ status: 2, stdout: '', stderr: "lint-config lsp: unknown option '--bogus'\n" })
    expect(run(['--debounce', 'soon'])).toMatchObject({ status: 2, stdout: '' })
  })

  it('exits when the client closes its stdin without shutdown (exit code 1, as the protocol says)', () => {
    const run = spawnSync(process.execPath, [bin, 'lsp'], { cwd: repo, encoding: 'utf8', input: '', timeout: 20_000 })
    expect({ status: run.status, stdout: run.stdout }).toEqual({ status: 1, stdout: '' })
  })
})
