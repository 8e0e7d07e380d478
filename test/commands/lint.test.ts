// The lint command's strict inputs and refusals (issue 16 items 2, 4, 5, 6, 8), run in-process: each case fails on the code before it.
import { copyFileSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { BALANCE_HINT, parseBalance } from '../../src/settings/balance.js'
import { runCli } from '../helpers/run-cli.js'
import { workspaces } from '../helpers/workspace.js'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const STALE = readFileSync(path.join(repo, 'fixtures/invalid/stale-override.yaml'), 'utf8')
const GAP = readFileSync(path.join(repo, 'fixtures/invalid/gap-between-profiles.yaml'), 'utf8')
const workspace = workspaces('lint-config-lint-')
const usage = (line: string) => ({ exitCode: 2, stdout: '', stderr: `lint-config: ${line}\n` })

describe('item 2: balances are parsed strictly', () => {
  it('accepts plain decimals, an optional $, and thousands separators between groups of three', () => {
    expect(['1018', '1018.50', '$1018', '1,018', '$10,183,000.25', '1_000', '0'].map(parseBalance)).toEqual([1018, 1018.5, 1018, 1018, 10183000.25, 1000, 0])
  })

  it('rejects what Number() would misread, naming the value, with exit 2', async () => {
    for (const bad of ['1018,3000', '$', ',', '0x10', '1e3', '-5', '', '1,01', '1,0180', '1_0,00', 'Infinity']) {
      expect(() => parseBalance(bad), bad).toThrow(BALANCE_HINT)
    }
    const cwd = workspace({ 'config_futures.yaml': STALE })
    expect(await runCli(['--balance', '1018,3000', 'config_futures.yaml'], { cwd })).toEqual(
      usage(`option '--balance <usd>' argument '1018,3000' is invalid. ${BALANCE_HINT}`),
    )
  })
})

describe('item 4: no hang on an output under /proc', () => {
  it('-o /proc/x/y is one line and exit 2', async () => {
    const cwd = workspace({ 'config_futures.yaml': STALE })
    // At a balance, so that the failure is all of stderr (without one, the no-balance note line comes first).
    const run = await runCli(['-o', '/proc/x/y', '--balance', '1018', 'config_futures.yaml'], { cwd })
    expect(run).toEqual(usage('cannot write "/proc/x/y": the directory "/proc/x" does not exist'))
  })
})

describe('item 5: the fix modes', () => {
  it('refuses --fix with --fix-dry-run, and writes nothing', async () => {
    const cwd = workspace({ 'config_futures.yaml': GAP })
    expect(await runCli(['--fix', '--fix-dry-run', 'config_futures.yaml'], { cwd })).toEqual(usage('--fix and --fix-dry-run cannot be used together'))
    expect(readFileSync(path.join(cwd, 'config_futures.yaml'), 'utf8')).toBe(GAP)
  })

  it('refuses --fix on stdin as ESLint does, and --fix-dry-run gives the fixed text', async () => {
    const cwd = workspace({})
    expect(await runCli(['--fix', '-'], { cwd, stdin: Buffer.from(GAP) })).toEqual(
      usage('--fix cannot fix standard input; use --fix-dry-run (the fixed text is in --format json as "output")'),
    )
    const dry = await runCli(['--fix-dry-run', '--format', 'json', '-'], { cwd, stdin: Buffer.from(GAP) })
    expect(JSON.parse(dry.stdout)[0].output).toBe(readFileSync(path.join(repo, 'test/scenarios/fix-gap/expected/config_futures.yaml'), 'utf8'))
  })
})

describe('item 6: ignorePatterns apply to files named on the command line', () => {
  it('skips a named file the settings file or --ignore-pattern ignores, without a word', async () => {
    const cwd = workspace({ 'old/config_futures.yaml': GAP, 'config_futures.yaml': STALE, '.lint-config.yaml': 'ignorePatterns: ["old/**"]\n' })
    expect(await runCli(['old/config_futures.yaml'], { cwd })).toEqual({ exitCode: 0, stdout: '', stderr: '' })
    const json = await runCli(['--format', 'json', '--ignore-pattern', 'config_futures.yaml', 'config_futures.yaml', 'old/config_futures.yaml'], { cwd })
    expect([json.exitCode, json.stderr, JSON.parse(json.stdout)]).toEqual([0, '', []])
  })
})

describe('item 8: --max-warnings, --no-inline-config, --rule with options', () => {
  const cwd = () => workspace({ 'config_futures.yaml': STALE })

  it('--max-warnings says why the run failed, and takes -1 for no limit', async () => {
    const dir = cwd()
    const args = ['--balance', '1018', '--rule', 'stale-override:warn', 'config_futures.yaml']
    const over = await runCli(['--max-warnings', '0', ...args], { cwd: dir })
    expect([over.exitCode, over.stderr]).toEqual([1, 'lint-config: 1 warning found, more than --max-warnings 0 allows\n'])
    const unlimited = await runCli(['--max-warnings', '-1', ...args], { cwd: dir })
    expect([unlimited.exitCode, unlimited.stderr]).toEqual([0, ''])
  })

  it('--no-inline-config ignores disable comments', async () => {
    const disabled = STALE.replace('            base_position_usd: 42.0', '            base_position_usd: 42.0  # lint-config-disable-line stale-override')
    const dir = workspace({ 'config_futures.yaml': disabled })
    expect((await runCli(['--balance', '1018', 'config_futures.yaml'], { cwd: dir })).exitCode).toBe(0)
    const strict = await runCli(['--balance', '1018', '--no-inline-config', '--format', 'json', 'config_futures.yaml'], { cwd: dir })
    expect([strict.exitCode, JSON.parse(strict.stdout)[0].messages.map((m: { ruleId: string; line: number }) => `${m.ruleId} ${m.line}`)]).toEqual([
      1,
      ['stale-override 15'],
    ])
  })

  it("--rule 'id:[severity, {options}]' sets options, checked against the rule's schema", async () => {
    const dir = cwd()
    // A tolerance of 0.7 makes $42.00 live at $1,018 (per-symbol size $122.16 deviates 65.6%).
    const loose = await runCli(['--balance', '1018', '--rule', 'stale-override:[error, {tolerance: 0.7}]', 'config_futures.yaml'], { cwd: dir })
    expect([loose.exitCode, loose.stdout, loose.stderr]).toEqual([0, '', ''])
    const json = await runCli(['--balance', '1018', '--rule', 'stale-override:["warn", {"tolerance": 0.5}]', '--format', 'json', 'config_futures.yaml'], { cwd: dir })
    expect(JSON.parse(json.stdout)[0].warningCount).toBe(1)
    expect(await runCli(['--rule', 'stale-override:[warn, {tolerence: 0.7}]', 'config_futures.yaml'], { cwd: dir })).toEqual(
      usage('--rule stale-override[1]: unknown option "tolerence" (did you mean "tolerance"?)'),
    )
  })
})

describe('the Action writes SARIF when it exits 2', () => {
  it('a run-level error notification and no results, so upload-sarif has a log to upload', async () => {
    const { runAction } = await import('../../src/action/main.js')
    const { inputVariable } = await import('../../src/action/inputs.js')
    const dir = workspace({})
    copyFileSync(path.join(repo, 'fixtures/valid/fixed-ladder.yaml'), path.join(dir, 'present.yaml'))
    const env: Record<string, string> = { GITHUB_WORKSPACE: dir }
    env[inputVariable('files')] = 'missing.yaml'
    env[inputVariable('sarif-file')] = 'out/lint-config.sarif'
    let stdout = ''
    const code = await runAction({ env, cwd: dir, stdout: (t) => void (stdout += t), stderr: () => undefined })
    expect([code, stdout]).toEqual([2, '::error title=lint-config::cannot read "missing.yaml": no such file or directory\n'])
    const log = JSON.parse(readFileSync(path.join(dir, 'out/lint-config.sarif'), 'utf8'))
    expect(log.runs[0].results).toEqual([])
    expect(log.runs[0].invocations).toEqual([
      {
        executionSuccessful: false,
        toolExecutionNotifications: [{ level: 'error', message: { text: 'cannot read "missing.yaml": no such file or directory' } }],
      },
    ])
  })
})
