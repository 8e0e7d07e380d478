// No silent pass (issue 16 item 3): without a reference balance the run says once that the checks at a balance did not
// run and how to set one: on stderr, and as a note in the json, sarif, markdown and github reports.
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { escapeMarkdown } from '../../src/text/escape-markdown.js'
import { NO_BALANCE_NOTE } from '../../src/text/no-balance-note.js'
import { runCli } from '../helpers/run-cli.js'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const NOTE_LINE = `lint-config: note: ${NO_BALANCE_NOTE}\n`

/** Two copies of the bundled example in a fresh directory (a and b), and optional settings. */
function workspace(settings?: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lint-config-note-'))
  for (const sub of ['a', 'b']) {
    mkdirSync(path.join(dir, sub))
    copyFileSync(path.join(repo, 'fixtures/example/config_futures.yaml'), path.join(dir, sub, 'config_futures.yaml'))
  }
  if (settings !== undefined) writeFileSync(path.join(dir, '.lint-config.yaml'), settings)
  return dir
}

const FILES = ['a/config_futures.yaml', 'b/config_futures.yaml']

describe('no reference balance', () => {
  it('the note names what did not run and how to set a balance', () => {
    expect(NO_BALANCE_NOTE).toBe(
      'no reference balance is set, so the checks at a balance did not run (stale-override and size-cap at a balance, the sizing tables); ' +
        'set one with --balance 1018 or `balances: [1018]` in .lint-config.yaml',
    )
  })

  it('stylish: said once on stderr for the whole run, whatever the number of files; the exit code is unchanged', async () => {
    const run = await runCli(FILES, { cwd: workspace() })
    expect(run.stderr).toBe(NOTE_LINE)
    expect(run.exitCode).toBe(0)
    expect(run.stdout).not.toContain('reference balance')
  })

  it('json: a note on each file it concerns (stderr too); sarif: one run-level notification of level note', async () => {
    const cwd = workspace()
    const json = await runCli(['--format', 'json', ...FILES], { cwd })
    expect(json.stderr).toBe(NOTE_LINE)
    const parsed = JSON.parse(json.stdout) as { notes?: string[] }[]
    expect(parsed.map((r) => r.notes)).toEqual([[NO_BALANCE_NOTE], [NO_BALANCE_NOTE]])
    const sarif = JSON.parse((await runCli(['--format', 'sarif', ...FILES], { cwd })).stdout) as {
      runs: { invocations: { executionSuccessful: boolean; toolExecutionNotifications: unknown[] }[] }[]
    }
    expect(sarif.runs[0]!.invocations).toEqual([{ executionSuccessful: true, toolExecutionNotifications: [{ level: 'note', message: { text: NO_BALANCE_NOTE } }] }])
  })

  it('markdown: a note under the totals; github: one notice without a file', async () => {
    const cwd = workspace()
    const md = (await runCli(['--format', 'markdown', FILES[0]!], { cwd })).stdout
    expect(md.split('\n\n').slice(0, 3)).toEqual(['## lint-config: 7 warnings in 1 file', 'Linted 1 file.', `> **Note:** ${escapeMarkdown(NO_BALANCE_NOTE)}`])
    const gh = (await runCli(['--format', 'github', FILES[0]!], { cwd })).stdout.trimEnd().split('\n')
    expect(gh.at(-1)).toBe(`::notice title=lint-config::${NO_BALANCE_NOTE}`)
    expect(gh.filter((l) => l.startsWith('::notice'))).toHaveLength(1)
  })

  it('says nothing with a balance from the flag or the settings, or with both at-balance rules off', async () => {
    for (const [settings, args] of [
      [undefined, ['--balance', '1018']],
      ['balances: [1018]\n', []],
      ['rules:\n  stale-override: off\n  size-cap: off\n', []],
    ] as const) {
      const cwd = workspace(settings)
      for (const format of ['stylish', 'json', 'sarif', 'markdown']) {
        const run = await runCli(['--format', format, ...args, ...FILES], { cwd })
        expect(run.stderr).toBe('')
        expect(run.stdout).not.toContain('no reference balance')
      }
    }
  })

  it('only the files without a balance carry the note when settings differ by directory', async () => {
    const cwd = workspace()
    writeFileSync(path.join(cwd, 'b', '.lint-config.yaml'), 'balances: [1018]\n')
    const run = await runCli(['--format', 'json', ...FILES], { cwd })
    expect(run.stderr).toBe(NOTE_LINE)
    expect((JSON.parse(run.stdout) as { notes?: string[] }[]).map((r) => r.notes ?? null)).toEqual([[NO_BALANCE_NOTE], null])
  })
})
