// The built executable as a user runs it: a whole process through dist/bin.js (built by `npm ci`), exit codes and output.
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const bin = path.join(repo, 'dist/bin.js')

function run(args: string[], env: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
  const child = spawnSync(process.execPath, [bin, ...args], { cwd: repo, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } })
  return { status: child.status, stdout: child.stdout, stderr: child.stderr }
}

describe('dist/bin.js', () => {
  it('is built (npm ci runs the build; otherwise run npm run build)', () => {
    expect(existsSync(bin)).toBe(true)
    expect(existsSync(path.join(repo, 'dist/cli.cjs'))).toBe(true)
    expect(existsSync(path.join(repo, 'dist/cli.cjs.cache'))).toBe(true)
  })

  it('prints its version', () => {
    const { version } = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as { version: string }
    expect(run(['--version'])).toEqual({ status: 0, stdout: `${version}\n`, stderr: '' })
  })

  it("lints the bundled example as the README's first command does", () => {
    const result = run(['--balance', '1018', 'fixtures/example/config_futures.yaml'])
    expect(result.status).toBe(1)
    expect(result.stderr).toBe('')
    expect(result.stdout).toContain(
      '108:32  error    BTC-USDT trending override $42.00 is ignored at balance $1,018.00: per-symbol size $122.16 deviates 65.6% (> 50%); it is live only for balances up to $700.00',
    )
    expect(result.stdout).toContain('✖ 10 problems (3 errors, 7 warnings)')
  })

  it('exits 0 on a clean config and 2 with one line on a missing file', () => {
    // Clean at a reference balance too, so nothing is left to say (without one, stderr notes the checks that did not run).
    expect(run(['--balance', '1018', 'fixtures/valid/progressive-ladder.yaml'])).toEqual({ status: 0, stdout: '', stderr: '' })
    expect(run(['nope/config_futures.yaml'])).toEqual({ status: 2, stdout: '', stderr: 'lint-config: cannot read "nope/config_futures.yaml": no such file or directory\n' })
  })

  it('works the same when the code cache does not fit (another Node.js, a damaged file): V8 rejects it and compiles as usual', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lint-config-bin-'))
    try {
      cpSync(path.join(repo, 'dist'), dir, { recursive: true })
      writeFileSync(path.join(dir, 'cli.cjs.cache'), Buffer.alloc(4096, 7))
      const args = ['--balance', '1018', 'fixtures/valid/progressive-ladder.yaml']
      const child = spawnSync(process.execPath, [path.join(dir, 'bin.js'), ...args], { cwd: repo, encoding: 'utf8' })
      expect({ status: child.status, stdout: child.stdout, stderr: child.stderr }).toEqual({ status: 0, stdout: '', stderr: '' })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
