// A real editor as the client: headless Neovim runs `lint-config lsp` on the fixture; its vim.diagnostic.get() must be the CLI's findings.
import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bin, cliMessages, FIXTURE_OVERRIDE_HOVER, repo, type EslintMessage } from '../helpers/lsp-client.js'
import { skipAllUnless } from '../helpers/skip.js'

const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' })
const hasNvim = nvim.status === 0

interface NvimDiagnostic {
  lnum: number
  col: number
  end_lnum: number
  end_col: number
  severity: number
  message: string
  source: string
  code: string
}

/**
 * A CLI message as Neovim holds it: 0-based lines, and columns in BYTES of the line (Neovim converts the server's UTF-16
 * characters itself), so every non-ASCII character before a finding tests both conversions.
 */
function asNeovim(m: EslintMessage, lines: readonly string[]): NvimDiagnostic {
  const bytes = (line: number, column: number) => Buffer.byteLength(lines[line - 1]!.slice(0, column - 1))
  return {
    lnum: m.line - 1,
    col: bytes(m.line, m.column),
    end_lnum: m.endLine - 1,
    end_col: bytes(m.endLine, m.endColumn),
    severity: m.severity === 2 ? 1 : 2,
    message: m.message,
    source: 'lint-config',
    code: m.ruleId,
  }
}

const byPosition = (a: NvimDiagnostic, b: NvimDiagnostic) => a.lnum - b.lnum || a.col - b.col || a.message.localeCompare(b.message)

describe('Neovim as the client', () => {
  const running = skipAllUnless(hasNvim, 'the `nvim` command is not installed (apt-get install neovim; .ci/run installs it)')
  let dir: string
  let result: { diagnostics: NvimDiagnostic[]; hover: string; fixed: { text: string; diagnostics: NvimDiagnostic[] }; error?: string }
  let file: string

  beforeAll(() => {
    if (!running) return
    dir = mkdtempSync(path.join(tmpdir(), 'lint-config-nvim-'))
    const work = path.join(dir, 'work')
    mkdirSync(work)
    for (const name of ['config_futures.yaml', '.lint-config.yaml']) cpSync(path.join(repo, 'fixtures/lsp', name), path.join(work, name))
    file = path.join(work, 'config_futures.yaml')
    const out = path.join(dir, 'out.json')
    // Neovim's own state (the LSP log, shada) goes to the temporary directory, never the user's home.
    const xdg = Object.fromEntries(['XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'XDG_STATE_HOME', 'XDG_CACHE_HOME'].map((k) => [k, path.join(dir, k)]))
    const run = spawnSync('nvim', ['--headless', '--clean', '-n', '-i', 'NONE', '-c', `luafile ${path.join(repo, 'test/lsp/neovim.lua')}`, 'config_futures.yaml'], {
      cwd: work,
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, ...xdg, LINT_CONFIG_CMD: JSON.stringify([process.execPath, bin, 'lsp']), LINT_CONFIG_OUT: out },
    })
    result = JSON.parse(readFileSync(out, 'utf8'))
    if (run.status !== 0) throw new Error(`nvim exited ${run.status}: ${result.error ?? ''} ${run.stderr}`)
  }, 150_000)

  afterAll(() => {
    if (running) rmSync(dir, { recursive: true, force: true })
  })

  it("vim.diagnostic.get() holds exactly the CLI's findings, at the same places (byte columns after ö, ß and 🚀)", () => {
    const lines = readFileSync(file, 'utf8').split('\n')
    const expected = cliMessages(file).map((m) => asNeovim(m, lines))
    expect(expected).toHaveLength(7)
    // Line 25's override sits after "Größe 🚀": UTF-16 character 105, byte 109.
    expect(expected.filter((d) => d.lnum === 24).map((d) => d.col)).toEqual([109, 109])
    expect([...result.diagnostics].sort(byPosition)).toEqual([...expected].sort(byPosition))
  })

  it('shows the hover text over an override', () => {
    expect(result.hover).toBe(FIXTURE_OVERRIDE_HOVER)
  })

  it("applies the quick fix; the buffer's findings are then the CLI's for the fixed text", () => {
    expect(result.fixed.text).toBe(readFileSync(path.join(repo, 'fixtures/lsp/config_futures.yaml'), 'utf8').replace('min_balance: 600.0', 'min_balance: 500.0'))
    writeFileSync(file, result.fixed.text)
    const lines = result.fixed.text.split('\n')
    const expected = cliMessages(file).map((m) => asNeovim(m, lines))
    expect(expected.map((d) => d.code)).not.toContain('profile-continuity')
    expect([...result.fixed.diagnostics].sort(byPosition)).toEqual([...expected].sort(byPosition))
  })
})
