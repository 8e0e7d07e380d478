// Which files the server lints and with what settings: config names, settings `files` and `ignorePatterns`, reloads on disk changes.
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { isSettingsFile, WorkspaceSettings } from '../../src/lsp/workspace.js'
import { rules } from '../../src/rules/index.js'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'lint-config-lsp-ws-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const workspace = (overrides = {}) => new WorkspaceSettings(rules, dir, overrides)

/** Each rewrite below changes the file's size, so it is seen even within the file system's mtime resolution. */
function write(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true })
  writeFileSync(file, text)
}

describe('WorkspaceSettings', () => {
  it('lints config_futures*.y(a)ml by name, and nothing else without settings', async () => {
    const ws = workspace()
    expect((await ws.forFile(path.join(dir, 'config', 'config_futures.yaml'))).lint).toBe(true)
    expect((await ws.forFile(path.join(dir, 'config_futures_test.yml'))).lint).toBe(true)
    expect((await ws.forFile(path.join(dir, 'docker-compose.yaml'))).lint).toBe(false)
    expect((await ws.forFile(path.join(dir, 'config_futures.json'))).lint).toBe(false)
  })

  it('also lints what the settings `files` name, and leaves out their `ignorePatterns`', async () => {
    write(path.join(dir, '.lint-config.yaml'), 'files: ["deploy/*.yaml"]\nignorePatterns: ["config/archive/**"]\n')
    const ws = workspace()
    const prod = await ws.forFile(path.join(dir, 'deploy', 'prod.yaml'))
    expect(prod).toMatchObject({ lint: true, settingsFile: path.join(dir, '.lint-config.yaml') })
    expect((await ws.forFile(path.join(dir, 'deploy', 'nested', 'prod.yaml'))).lint).toBe(false)
    expect((await ws.forFile(path.join(dir, 'config', 'archive', 'config_futures.yaml'))).lint).toBe(false)
    expect((await ws.forFile(path.join(dir, 'config', 'config_futures.yaml'))).lint).toBe(true)
  })

  it('re-reads the nearest settings file when it changes, appears or disappears on disk', async () => {
    const file = path.join(dir, 'config', 'config_futures.yaml')
    const ws = workspace()
    expect((await ws.forFile(file)).settings.shared.balances).toEqual([])
    write(path.join(dir, '.lint-config.yaml'), 'balances: [1018]\n')
    expect((await ws.forFile(file)).settings.shared.balances).toEqual([1018])
    write(path.join(dir, '.lint-config.yaml'), 'balances: [1018, 2500]\n')
    expect((await ws.forFile(file)).settings.shared.balances).toEqual([1018, 2500])
    // A nearer file wins whole.
    write(path.join(dir, 'config', '.lint-config.yml'), 'balances: [700]\n')
    expect(await ws.forFile(file)).toMatchObject({ settings: { shared: { balances: [700] } }, settingsFile: path.join(dir, 'config', '.lint-config.yml') })
    unlinkSync(path.join(dir, 'config', '.lint-config.yml'))
    expect((await ws.forFile(file)).settings.shared.balances).toEqual([1018, 2500])
    expect(ws.size).toBe(1)
  })

  it('throws the settings problem, and recovers as soon as the file is fixed', async () => {
    const file = path.join(dir, 'config_futures.yaml')
    write(path.join(dir, '.lint-config.yaml'), 'rules:\n  stale-override: [warn, { tolerence: 0.4 }]\n')
    const ws = workspace()
    await expect(ws.forFile(file)).rejects.toThrow(
      `${path.join(dir, '.lint-config.yaml')}: rules.stale-override[1]: unknown option "tolerence" (did you mean "tolerance"?)`,
    )
    write(path.join(dir, '.lint-config.yaml'), 'rules:\n  stale-override: [warn, { tolerance: 0.4 }]\n')
    expect((await ws.forFile(file)).settings.rules['stale-override']).toEqual({ severity: 'warn', options: { tolerance: 0.4 } })
  })

  it('follows --config and --balance as the command line does', async () => {
    write(path.join(dir, 'elsewhere.yaml'), 'balances: [900]\nrules:\n  schema: off\n')
    write(path.join(dir, '.lint-config.yaml'), 'balances: [1018]\n')
    const ws = workspace({ config: 'elsewhere.yaml', balances: [2500] })
    const got = await ws.forFile(path.join(dir, 'config_futures.yaml'))
    expect(got.settings.shared.balances).toEqual([2500])
    expect(got.settings.rules.schema?.severity).toBe('off')
  })

  it('knows the names of settings files', () => {
    expect(['.lint-config.yaml', '.lint-config.yml', '.lint-config.json', 'package.json'].map((n) => isSettingsFile(path.join(dir, n)))).toEqual([true, true, true, true])
    expect(isSettingsFile(path.join(dir, 'config_futures.yaml'))).toBe(false)
  })
})
