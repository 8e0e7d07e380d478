// The pre-commit hook, for real: Debian's pre-commit runs the README's .pre-commit-config.yaml against a tagged release copy.
import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { git, makeReleaseRepo, QUIET_NPM_ENV, readmeBlocks, RELEASE_TAG, REPO, type ReleaseRepo } from '../helpers/release-repo.js'
import { runCli } from '../helpers/run-cli.js'
import { skipAllUnless } from '../helpers/skip.js'

const hasPreCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0
const README_REPO_LINE = '  - repo: https://github.com/lint-config/lint-config\n'
const [plainSnippet, argsSnippet] = readmeBlocks('pre-commit', 'yaml')
const STALE_FINDING =
  '15:32  error  BTC-USDT trending override $42.00 is ignored at balance $1,018.00: per-symbol size $122.16 deviates 65.6% (> 50%); it is live only for balances up to $700.00  stale-override'

describe("the README's pre-commit snippets", () => {
  it('pin the release tag of package.json\'s version, the second with per-run args', () => {
    for (const snippet of [plainSnippet, argsSnippet]) {
      expect(snippet).toContain(README_REPO_LINE)
      expect(snippet).toContain(`    rev: ${RELEASE_TAG}\n`)
      expect(snippet).toContain('      - id: lint-config\n')
    }
    expect(argsSnippet).toContain("        args: [--balance, '1018']\n")
  })
})

describe('pre-commit hook, configured as the README says, from a tagged release', () => {
  const running = skipAllUnless(hasPreCommit, 'the `pre-commit` command is not installed (apt-get install pre-commit; .ci/run installs it)')
  let tmp: string
  let release: ReleaseRepo
  /** The README's plain snippet, with reference balances from the settings file. */
  let bot: string
  /** The README's snippet with `args:`, and no settings file. */
  let botWithArgs: string

  /** A git repository of the bot's configs with this .pre-commit-config.yaml (the README's, fetching the release copy), committed. */
  function botRepo(name: string, snippet: string, settings?: string): string {
    const work = path.join(tmp, name)
    mkdirSync(path.join(work, 'config'), { recursive: true })
    cpSync(path.join(REPO, 'fixtures/valid/progressive-ladder.yaml'), path.join(work, 'config/config_futures.yaml'))
    cpSync(path.join(REPO, 'fixtures/invalid/stale-override.yaml'), path.join(work, 'config/config_futures_stale.yaml'))
    // Not matched by the hook's `files` pattern: must not be linted even though it has a duplicate key.
    writeFileSync(path.join(work, 'other.yaml'), 'a: 1\na: 2\n')
    if (settings !== undefined) writeFileSync(path.join(work, '.lint-config.yaml'), settings)
    writeFileSync(path.join(work, '.pre-commit-config.yaml'), snippet.replace(README_REPO_LINE, `  - repo: ${release.dir}\n`))
    git(work, 'init', '-q')
    git(work, 'add', '.')
    git(work, 'commit', '-qm', 'configs')
    return work
  }

  beforeAll(() => {
    if (!running) return
    tmp = mkdtempSync(path.join(tmpdir(), 'lint-config-pre-commit-'))
    release = makeReleaseRepo(tmp)
    bot = botRepo('bot', plainSnippet!, 'balances: [1018]\n')
    botWithArgs = botRepo('bot-args', argsSnippet!)
  })

  afterAll(() => {
    if (tmp !== undefined) rmSync(tmp, { recursive: true, force: true })
  })

  function preCommitRun(cwd: string, ...args: string[]): { status: number | null; output: string } {
    const run = spawnSync('pre-commit', ['run', ...args], {
      cwd,
      encoding: 'utf8',
      // One store for all runs: pre-commit installs the release (npm install, which builds dist/) once, then reuses it.
      env: { ...QUIET_NPM_ENV, PRE_COMMIT_HOME: path.join(tmp, 'store') },
      timeout: 600_000,
    })
    return { status: run.status, output: `${run.stdout}${run.stderr}` }
  }

  it('the plain snippet passes a clean config', () => {
    const { status, output } = preCommitRun(bot, '--files', 'config/config_futures.yaml')
    expect(output).toMatch(/^lint-config\.+Passed$/m)
    expect(status).toBe(0)
  }, 600_000)

  it('the plain snippet fails a stale override at the settings file\'s balance, linting several files in one call', () => {
    const { status, output } = preCommitRun(bot, '--all-files')
    expect(output).toMatch(/^lint-config\.+Failed$/m)
    expect(output).toContain('config/config_futures_stale.yaml')
    expect(output).toContain(STALE_FINDING)
    expect(output).toContain('1 problem (1 error, 0 warnings)')
    expect(output).not.toContain('other.yaml')
    expect(status).toBe(1)
  }, 600_000)

  it('with a committed suppressions file the hook passes the old finding and fails on a new one (bulk suppressions)', async () => {
    const work = botRepo('bot-suppressed', plainSnippet!, 'balances: [1018]\n')
    // One config with one stale override (BTC-USDT's trending one) and nothing else to report.
    git(work, 'rm', '-q', 'config/config_futures.yaml')
    const stale = path.join(work, 'config/config_futures_stale.yaml')
    cpSync(path.join(REPO, 'fixtures/diff/before/config_futures.yaml'), stale)
    // The file as `lint-config --suppress-all` writes it from the repository root, where pre-commit runs the hook.
    const recorded = await runCli(['--suppress-all', 'config/config_futures_stale.yaml'], { cwd: work })
    expect(recorded.exitCode).toBe(0)
    expect(readFileSync(path.join(work, 'lint-config-suppressions.json'), 'utf8')).toBe(
      '{\n  "config/config_futures_stale.yaml": {\n    "stale-override": {\n      "count": 1\n    }\n  }\n}\n',
    )
    git(work, 'add', '.')
    git(work, 'commit', '-qm', 'suppress the existing finding')
    const passing = preCommitRun(work, '--all-files')
    expect(passing.output).toMatch(/^lint-config\.+Passed$/m)
    expect(passing.status).toBe(0)

    // A second stale override in the same file (ETH-USDT's, never live at 10.0): the count is exceeded, so both are reported.
    writeFileSync(stale, readFileSync(stale, 'utf8').replace('base_position_usd: 90.0', 'base_position_usd: 10.0'))
    git(work, 'add', '.')
    const failing = preCommitRun(work, '--all-files')
    expect(failing.output).toMatch(/^lint-config\.+Failed$/m)
    expect(failing.output).toContain(
      '34:32  error  BTC-USDT trending override $42.00 is ignored at balance $1,018.00: per-symbol size $101.44 deviates 58.6% (> 50%); ' +
        'it is live only for balances up to $800.00',
    )
    expect(failing.output).toContain('2 problems (2 errors, 0 warnings)')
    expect(failing.status).toBe(1)
  }, 600_000)

  it("the args snippet's --balance reaches lint-config, with no settings file", () => {
    const { status, output } = preCommitRun(botWithArgs, '--all-files')
    expect(output).toMatch(/^lint-config\.+Failed$/m)
    expect(output).toContain(STALE_FINDING)
    expect(output).toContain('1 problem (1 error, 0 warnings)')
    expect(status).toBe(1)
  }, 600_000)
})
