// `lint-config chart`: HTML and SVG on stdout (self-contained, exit 0), reference balances from flags or settings, and one-line failures (exit 2).
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli } from '../helpers/run-cli.js'

const REPO = path.resolve(import.meta.dirname, '../..')
const EXAMPLE = 'fixtures/example/config_futures.yaml'
const tmp = mkdtempSync(path.join(os.tmpdir(), 'lint-config-chart-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

/** Every URL-bearing attribute and every script: a self-contained page has none (the SVG namespace is a name, not a load). */
function externalRefs(html: string): string[] {
  return [...html.matchAll(/<script|\s(?:src|href|xlink:href)="[^#][^"]*"|url\((?!#)|@import/g)].map((m) => m[0])
}

describe('lint-config chart', () => {
  it('prints one self-contained HTML page by default: the inline SVG on a log axis, then the facts as tables (exit 0)', async () => {
    const run = await runCli(['chart', '--balance', '1018', EXAMPLE], { cwd: REPO })
    expect(run.exitCode).toBe(0)
    expect(run.stderr).toBe('')
    const html = run.stdout
    expect(html.startsWith('<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n')).toBe(true)
    expect(html).toContain('<meta name="color-scheme" content="light dark">')
    expect(html).toContain('@media (prefers-color-scheme: dark)')
    expect(html.match(/<svg /g)).toHaveLength(1)
    expect(html).toContain('data-scale="log"')
    expect(externalRefs(html)).toEqual([])
    expect(html).toContain('<h1>Sizing of fixtures/example/config_futures.yaml</h1>')
    expect(html).toContain('<tr><th scope="row">$1,018.00 (reference)</th><td class="num">$122.16</td><td class="num">$101.80</td>')
    expect(html).toContain('<li>BTC-USDT trending override $42.00: live for balances up to $700.00</li>')
    expect(html).toContain(
      '<li class="error">108:32 error stale-override: BTC-USDT trending override $42.00 is ignored at balance $1,018.00: per-symbol size $122.16 deviates 65.6% (&gt; 50%); it is live only for balances up to $700.00</li>',
    )
    expect(html.endsWith('</body>\n</html>\n')).toBe(true)
  })

  it('prints the SVG alone with --format svg, on a linear axis with --linear', async () => {
    const run = await runCli(['chart', '--format', 'svg', '--linear', EXAMPLE], { cwd: REPO })
    expect(run.exitCode).toBe(0)
    expect(run.stdout.startsWith('<svg xmlns="http://www.w3.org/2000/svg" class="lc-chart" role="img" width="960"')).toBe(true)
    expect(run.stdout).toContain('data-scale="linear" data-x-domain="0 11000"')
    expect(run.stdout.endsWith('</svg>\n')).toBe(true)
    // No --balance and no settings file: no reference balance, so no stale-override finding either.
    expect(run.stdout).not.toContain('lc-reference-mark')
    expect(run.stdout).not.toContain('stale-override')
  })

  it("takes the reference balances from the settings file when no --balance is given, and --balance over them", async () => {
    const dir = path.join(tmp, 'settings')
    mkdirSync(dir)
    writeFileSync(path.join(dir, '.lint-config.yaml'), 'balances: [3000]\n')
    cpSync(path.join(REPO, EXAMPLE), path.join(dir, 'config_futures.yaml'))
    const fromSettings = await runCli(['chart', '-f', 'svg', 'config_futures.yaml'], { cwd: dir })
    expect([...fromSettings.stdout.matchAll(/class="lc-reference-mark" data-balance="(\d+)"/g)].map((m) => m[1])).toEqual(['3000'])
    const fromFlag = await runCli(['chart', '-f', 'svg', '--balance', '1018', 'config_futures.yaml'], { cwd: dir })
    expect([...fromFlag.stdout.matchAll(/class="lc-reference-mark" data-balance="(\d+)"/g)].map((m) => m[1])).toEqual(['1018'])
  })

  it('fails with one line and exit 2 on a config without profiles, a fatal YAML problem, a missing file or a bad format', async () => {
    writeFileSync(path.join(tmp, 'none.yaml'), 'scalping:\n  symbols: [BTC-USDT]\n')
    writeFileSync(path.join(tmp, 'broken.yaml'), 'scalping:\n  symbols: [BTC-USDT\n')
    const cases: [string[], string][] = [
      [['chart', 'none.yaml'], 'lint-config: cannot chart "none.yaml": it has no usable scalping.balance_profiles\n'],
      [['chart', 'broken.yaml'], expect.stringMatching(/^lint-config: cannot chart "broken\.yaml": \d+:\d+ .+\n$/) as unknown as string],
      [['chart', 'missing.yaml'], expect.stringMatching(/^lint-config: cannot read "missing\.yaml": .+\n$/) as unknown as string],
      [['chart', '--format', 'png', 'none.yaml'], expect.stringMatching(/^lint-config chart: option '-f, --format <name>' argument 'png' is invalid\. Allowed choices are html, svg\.\n$/) as unknown as string],
    ]
    for (const [args, stderr] of cases) {
      const run = await runCli(args, { cwd: tmp })
      expect([run.exitCode, run.stdout, run.stderr], args.join(' ')).toEqual([2, '', stderr])
    }
  })
})
