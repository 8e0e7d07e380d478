// Every skipped test says why: skipping only through test/helpers/skip.ts, and the skip reporter printing each reason.
import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
/** vitest's modifiers that skip, narrow or postpone tests without a reason: only test/helpers/skip.ts may skip. */
const MODIFIER = /\.(skip|only|todo|skipIf|runIf)\b/

describe('skipped tests', () => {
  it('no file in test/ skips or narrows tests except through test/helpers/skip.ts', () => {
    const files = readdirSync(path.join(repo, 'test'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && f !== path.join('helpers', 'skip.ts'))
      .sort()
    expect(files.length).toBeGreaterThan(50)
    const offending = files.flatMap((f) =>
      readFileSync(path.join(repo, 'test', f), 'utf8')
        .split('\n')
        .flatMap((line, i) => (MODIFIER.test(line) ? [`test/${f}:${i + 1}: ${line.trim()}`] : [])),
    )
    expect(offending).toEqual([])
  })

  it('the skip reporter prints one line per skipped test with its reason, before the summary', () => {
    const vitest = path.join(repo, 'node_modules/vitest/vitest.mjs')
    const run = spawnSync(process.execPath, [vitest, 'run', '--config', 'test/skip-fixture/vitest.config.ts', '--root', '.'], {
      cwd: repo,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', CI: '1' },
    })
    expect(run.status, run.stderr).toBe(0)
    const fixture = 'test/skip-fixture/skips.fixture.ts'
    expect(run.stdout).toContain(
      [
        '',
        '3 skipped, and why:',
        `  ↓ ${fixture} > a block whose tool is missing > first: the tool is not installed`,
        `  ↓ ${fixture} > a block whose tool is missing > nested > second: the tool is not installed`,
        `  ↓ ${fixture} > a test that needs root: this user is not root`,
        '',
        ' Test Files  1 passed (1)',
        '      Tests  2 passed | 3 skipped (5)',
      ].join('\n'),
    )
    expect(run.stdout).not.toContain('never printed')
  })
})
