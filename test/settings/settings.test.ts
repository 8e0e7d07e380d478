// Settings files: discovery from the linted file upwards, the three file kinds, --config, validation with key paths, CLI precedence.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, cpSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { runCli } from '../helpers/run-cli.js'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const dirs: string[] = []

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'lint-config-settings-'))
  dirs.push(dir)
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true })
    writeFileSync(path.join(dir, name), content)
  }
  return dir
}

const stale = (dir: string, to: string): void => {
  mkdirSync(path.dirname(path.join(dir, to)), { recursive: true })
  cpSync(path.join(repo, 'fixtures/invalid/stale-override.yaml'), path.join(dir, to))
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

const IGNORED = '15:32  error  BTC-USDT trending override $42.00 is ignored at balance $1,018.00'

describe('settings discovery', () => {
  it('finds .lint-config.yaml in a parent directory of the linted file', async () => {
    const cwd = workspace({ '.lint-config.yaml': 'balances: [1018]\n' })
    stale(cwd, 'deep/er/config_futures.yaml')
    const run = await runCli(['deep/er/config_futures.yaml'], { cwd })
    expect(run.stdout).toContain(IGNORED)
    expect(run.exitCode).toBe(1)
  })

  it('the nearest file wins whole (no merging with files further up)', async () => {
    const cwd = workspace({ '.lint-config.yaml': 'balances: [1018]\n', 'sub/.lint-config.json': '{"rules": {"interpolation-properties": "off"}}\n' })
    stale(cwd, 'sub/config_futures.yaml')
    const run = await runCli(['sub/config_futures.yaml'], { cwd })
    expect(run.stdout).toBe('')
    expect(run.exitCode).toBe(0)
  })

  it('reads a "lint-config" key in package.json and skips a package.json without one', async () => {
    const cwd = workspace({
      'package.json': JSON.stringify({ name: 'bot', 'lint-config': { balances: [1018], rules: { 'stale-override': 'warn' } } }),
      'bot/package.json': JSON.stringify({ name: 'inner' }),
    })
    stale(cwd, 'bot/config_futures.yaml')
    const run = await runCli(['bot/config_futures.yaml'], { cwd })
    expect(run.stdout).toContain('15:32  warning  BTC-USDT trending override $42.00 is ignored at balance $1,018.00')
    expect(run.exitCode).toBe(0)
  })

  it('--config names the settings file and skips discovery', async () => {
    const cwd = workspace({ '.lint-config.yaml': 'rules:\n  stale-override: off\n', 'ci/lint.yaml': 'balances: [1018]\n' })
    stale(cwd, 'config_futures.yaml')
    const run = await runCli(['--config', 'ci/lint.yaml', 'config_futures.yaml'], { cwd })
    expect(run.stdout).toContain(IGNORED)
  })

  it('the command line wins: --rule over the file, --balance over its balances', async () => {
    const cwd = workspace({ '.lint-config.yaml': 'balances: [600]\nrules:\n  stale-override: warn\n' })
    stale(cwd, 'config_futures.yaml')
    const atFile = await runCli(['config_futures.yaml'], { cwd })
    expect(atFile.stdout).toBe('')
    const run = await runCli(['--balance', '1018', '--rule', 'stale-override:error', 'config_futures.yaml'], { cwd })
    expect(run.stdout).toContain(IGNORED)
    expect(run.exitCode).toBe(1)
  })

  it('uses `files` when no argument is given and leaves out `ignorePatterns`', async () => {
    const cwd = workspace({ '.lint-config.yaml': 'balances: [1018]\nfiles: ["envs/*/config_futures.yaml"]\nignorePatterns: ["envs/old/**"]\n' })
    stale(cwd, 'envs/prod/config_futures.yaml')
    stale(cwd, 'envs/old/config_futures.yaml')
    const run = await runCli(['--format', 'json'], { cwd })
    const results = JSON.parse(run.stdout) as { filePath: string }[]
    expect(results.map((r) => path.relative(cwd, r.filePath))).toEqual([path.join('envs', 'prod', 'config_futures.yaml')])
  })

  it('--ignore-pattern leaves files out of directory expansion', async () => {
    const cwd = workspace({})
    stale(cwd, 'a/config_futures.yaml')
    stale(cwd, 'b/config_futures.yaml')
    const run = await runCli(['--format', 'json', '--ignore-pattern', 'b/**', '.'], { cwd })
    expect((JSON.parse(run.stdout) as { filePath: string }[]).map((r) => path.relative(cwd, r.filePath))).toEqual([path.join('a', 'config_futures.yaml')])
  })

  it('a custom schema path replaces the bundled schema', async () => {
    const cwd = workspace({
      '.lint-config.yaml': 'schema: ./my.schema.json\n',
      'my.schema.json': JSON.stringify({ type: 'object', required: ['owner'] }),
      'config_futures.yaml': 'scalping:\n  leverage: 500\n',
    })
    const run = await runCli(['--rule', 'interpolation-properties:off', 'config_futures.yaml'], { cwd })
    expect(run.stdout).toContain('the config is missing "owner"')
    expect(run.stdout).not.toContain('leverage')
  })
})

describe('bad settings: exit 2, one line naming the file and the key', () => {
  const cases: [string, string, string][] = [
    ['unknown rule', 'rules:\n  stale-overide: warn\n', 'rules: unknown rule "stale-overide" (did you mean "stale-override"?)'],
    ['bad severity', 'rules:\n  schema: warning\n', 'rules.schema: must be one of off, warn, error, 0, 1, 2 (got "warning")'],
    ['unknown option', 'rules:\n  profile-continuity: [error, {tolerence: 0.5}]\n', 'rules.profile-continuity[1]: unknown option "tolerence" (did you mean "tolerance"?)'],
    ['option out of range', 'rules:\n  stale-override: [warn, {tolerance: 20}]\n', 'rules.stale-override[1].tolerance: must be <= 10 (got 20)'],
    ['unknown top-level key', 'balance: [1018]\n', 'unknown key "balance" (did you mean "balances"?)'],
    ['balances not a list', 'balances: 1018\n', 'balances: must be a list (got 1018)'],
    ['not YAML', 'rules: [\n', 'Flow sequence in block collection must be sufficiently indented and end with a ]'],
  ]
  for (const [name, text, message] of cases) {
    it(name, async () => {
      const cwd = workspace({ '.lint-config.yaml': text })
      stale(cwd, 'config_futures.yaml')
      const run = await runCli(['config_futures.yaml'], { cwd })
      expect(run.exitCode).toBe(2)
      expect(run.stdout).toBe('')
      expect(run.stderr.split('\n')).toHaveLength(2)
      expect(run.stderr).toContain(path.join(cwd, '.lint-config.yaml'))
      expect(run.stderr).toContain(message)
    })
  }

  it('a schema file that does not exist', async () => {
    const cwd = workspace({ '.lint-config.yaml': 'schema: ./missing.json\n' })
    stale(cwd, 'config_futures.yaml')
    const run = await runCli(['config_futures.yaml'], { cwd })
    expect(run.exitCode).toBe(2)
    expect(run.stderr).toBe(`lint-config: ${path.join(cwd, '.lint-config.yaml')}: cannot read schema "${path.join(cwd, 'missing.json')}": no such file\n`)
  })
})

describe("ESLint's numeric severities", () => {
  it('0, 1 and 2 work in the settings file and on the command line', async () => {
    const cwd = workspace({ '.lint-config.yaml': 'balances: [1018]\nrules:\n  stale-override: 1\n  interpolation-properties: [0]\n' })
    stale(cwd, 'config_futures.yaml')
    const fromFile = await runCli(['config_futures.yaml'], { cwd })
    expect(fromFile.stdout).toContain('15:32  warning  BTC-USDT trending override $42.00 is ignored at balance $1,018.00')
    expect(fromFile.exitCode).toBe(0)
    const fromFlag = await runCli(['--rule', 'stale-override:2', 'config_futures.yaml'], { cwd })
    expect(fromFlag.stdout).toContain(IGNORED)
    expect(fromFlag.exitCode).toBe(1)
    const off = await runCli(['--rule', 'stale-override:0', 'config_futures.yaml'], { cwd })
    expect(off).toEqual({ exitCode: 0, stdout: '', stderr: '' })
  })
})

describe('--rule with a name from Object.prototype', () => {
  for (const id of ['__proto__', 'constructor', 'toString']) {
    it(`${id} is an unknown rule (exit 2), not a prototype lookup`, async () => {
      const cwd = workspace({})
      stale(cwd, 'config_futures.yaml')
      const run = await runCli(['--rule', `${id}:off`, 'config_futures.yaml'], { cwd })
      expect(run.exitCode).toBe(2)
      expect(run.stderr).toMatch(new RegExp(`^lint-config: --rule: unknown rule "${id.replace(/_/g, '_')}"`))
      expect(Object.prototype).not.toHaveProperty('severity')
    })
  }
})

describe('--print-config', () => {
  it('prints the effective settings for a file as JSON', async () => {
    const cwd = workspace({ '.lint-config.yaml': 'balances: [1018]\nrules:\n  stale-override: [warn, {tolerance: 0.4}]\n' })
    const run = await runCli(['--print-config', 'config_futures.yaml', '--rule', 'schema:off'], { cwd })
    expect(run.exitCode).toBe(0)
    const printed = JSON.parse(run.stdout) as {
      settingsFile: string
      rules: Record<string, { severity: string; options: object }>
      shared: object
      botEra: unknown
    }
    expect(printed.settingsFile).toBe(path.join(cwd, '.lint-config.yaml'))
    expect(printed.rules['stale-override']).toEqual({ severity: 'warn', options: { tolerance: 0.4 } })
    expect(printed.rules.schema!.severity).toBe('off')
    expect(printed.shared).toEqual({ balances: [1018], sizingMode: 'auto', bot: 'auto' })
    // No such file: nothing to detect the era from (the settings print all the same, as ESLint's do).
    expect(printed.botEra).toBeNull()
  })

  it('names the era the bot setting resolves to for the file: auto-detected from its profiles, or pinned', async () => {
    const percent = 'scalping:\n  balance_profiles:\n    all: { threshold: 999999.0, max_position_percent: 25.0 }\n'
    const cwd = workspace({ 'config_futures.yaml': percent, 'ladder/config_futures.yaml': 'scalping:\n  balance_profiles:\n    s: { threshold: 9.0, base_position_usd: 5.0 }\n' })
    const era = async (file: string, ...flags: string[]): Promise<unknown> =>
      (JSON.parse((await runCli(['--print-config', file, ...flags], { cwd })).stdout) as { botEra: unknown }).botEra
    expect(await era('config_futures.yaml')).toEqual({
      era: 'percent',
      commit: 'f2f4e90',
      how: 'auto',
      reason: 'every balance profile is percent-shaped, which only the percent-era code reads',
    })
    expect(await era('ladder/config_futures.yaml')).toEqual({
      era: 'variant-b',
      commit: '1e5f6e8',
      how: 'auto',
      reason: "the profiles' shape fits both variant-b and risk-manager; variant-b is the spec's model (set `bot` to choose)",
    })
    expect(await era('config_futures.yaml', '--bot', 'risk-manager')).toEqual({
      era: 'risk-manager',
      commit: 'a1a72ae',
      how: 'setting',
      reason: 'bot: risk-manager (the code at a1a72ae)',
    })
  })
})
