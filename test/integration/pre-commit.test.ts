// The pre-commit hook, for real: Debian's `pre-commit try-repo` against this repository in a throw-away git repo.
import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const hasPreCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0
const title = hasPreCommit
  ? 'pre-commit hook (pre-commit try-repo)'
  : 'pre-commit hook — SKIPPED: the `pre-commit` command is not installed (apt-get install pre-commit; .ci/run installs it)'

describe.skipIf(!hasPreCommit)(title, () => {
  let work: string
  let home: string

  beforeAll(() => {
    work = mkdtempSync(path.join(tmpdir(), 'lint-config-pre-commit-'))
    home = mkdtempSync(path.join(tmpdir(), 'lint-config-pre-commit-home-'))
    mkdirSync(path.join(work, 'config'))
    cpSync(path.join(repo, 'fixtures/valid/progressive-ladder.yaml'), path.join(work, 'config/config_futures.yaml'))
    cpSync(path.join(repo, 'fixtures/invalid/stale-override.yaml'), path.join(work, 'config/config_futures_stale.yaml'))
    // Not matched by the hook's `files` pattern: must not be linted even though it has a duplicate key.
    writeFileSync(path.join(work, 'other.yaml'), 'a: 1\na: 2\n')
    writeFileSync(path.join(work, '.lint-config.yaml'), 'balances: [1018]\n')
    const git = (...args: string[]): void => {
      const run = spawnSync('git', args, { cwd: work, encoding: 'utf8' })
      if (run.status !== 0) throw new Error(`git ${args.join(' ')}: ${run.stderr}`)
    }
    git('init', '-q')
    git('add', '.')
    git('-c', 'user.name=test', '-c', 'user.email=test@example.com', 'commit', '-qm', 'configs')
  })

  afterAll(() => {
    rmSync(work, { recursive: true, force: true })
    rmSync(home, { recursive: true, force: true })
  })

  function tryRepo(...args: string[]): { status: number | null; output: string } {
    const run = spawnSync('pre-commit', ['try-repo', repo, 'lint-config', ...args], {
      cwd: work,
      encoding: 'utf8',
      env: { ...process.env, PRE_COMMIT_HOME: home, NO_COLOR: '1' },
      timeout: 600_000,
    })
    return { status: run.status, output: `${run.stdout}${run.stderr}` }
  }

  it('passes a clean config', () => {
    const { status, output } = tryRepo('--files', 'config/config_futures.yaml')
    expect(output).toMatch(/^lint-config\.+Passed$/m)
    expect(status).toBe(0)
  }, 600_000)

  it('fails a config with a stale override, with the finding in the output, linting several files in one call', () => {
    const { status, output } = tryRepo('--all-files')
    expect(output).toMatch(/^lint-config\.+Failed$/m)
    expect(output).toContain('config/config_futures_stale.yaml')
    expect(output).toContain(
      '15:32  error  BTC-USDT trending override $42.00 is ignored at balance $1,018.00: per-symbol size $122.16 deviates 65.6% (> 50%); it is live only for balances up to $700.00  stale-override',
    )
    expect(output).toContain('1 problem (1 error, 0 warnings)')
    expect(output).not.toContain('other.yaml')
    expect(status).toBe(1)
  }, 600_000)
})
