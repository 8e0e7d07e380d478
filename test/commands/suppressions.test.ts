// Bulk suppressions as ESLint 9's: --suppress-all, --suppress-rule, the file's format, only findings beyond the counts, pruning.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { applySuppressions, formatSuppressions, prune, suppress, type Suppressions } from '../../src/commands/suppressions.js'
import { summarize } from '../../src/engine/lint-text.js'
import type { FileResult, Finding } from '../../src/types.js'
import { runCli } from '../helpers/run-cli.js'
import { workspaces } from '../helpers/workspace.js'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
/** Two stale overrides at $1,018 (BTC-USDT's at line 36, SOL-USDT's at line 46) and nothing else to report. */
const EXAMPLE = readFileSync(path.join(repo, 'fixtures/diff/after/config_futures.yaml'), 'utf8')
const FILE = 'lint-config-suppressions.json'
const workspace = workspaces('lint-config-suppress-')
const usage = (line: string) => ({ exitCode: 2, stdout: '', stderr: `lint-config: ${line}\n` })
const read = (cwd: string, name = FILE): string => readFileSync(path.join(cwd, name), 'utf8')

/** A third stale override: ETH-USDT's trending one at 10.0 is never live. */
const THIRD = EXAMPLE.replace('base_position_usd: 90.0', 'base_position_usd: 10.0')
/** SOL-USDT's ranging override made live again: one of the two suppressed findings is fixed. */
const FIXED_ONE = EXAMPLE.replace('base_position_usd: 50.0', 'base_position_usd: 100.0')
const ONE_FILE = `{\n  "config/config_futures.yaml": {\n    "stale-override": {\n      "count": 2\n    }\n  }\n}\n`

function finding(ruleId: string, severity: 'error' | 'warn', line: number): Finding {
  return {
    ruleId,
    messageId: 'm',
    message: `${ruleId} at ${line}`,
    severity,
    path: '',
    range: { start: { line, column: 1, offset: line }, end: { line, column: 2, offset: line + 1 } },
  }
}
const result = (filePath: string, findings: Finding[]): FileResult => summarize(filePath, findings)

describe('suppressions: the pure steps', () => {
  const cwd = '/work/bot'
  const a = result('/work/bot/config/a.yaml', [finding('schema', 'error', 1), finding('schema', 'error', 2), finding('size-cap', 'warn', 3), finding('stale-override', 'error', 4)])
  const b = result('/work/bot/b.yaml', [finding('schema', 'error', 9)])

  it('counts error findings per file and rule (never warnings), relative to the working directory, keeping other entries', () => {
    const existing: Suppressions = { 'old.yaml': { schema: { count: 7 } }, 'b.yaml': { 'yaml-syntax': { count: 1 } } }
    expect(suppress(existing, [a, b], cwd)).toEqual({
      'old.yaml': { schema: { count: 7 } },
      'b.yaml': { 'yaml-syntax': { count: 1 }, schema: { count: 1 } },
      'config/a.yaml': { schema: { count: 2 }, 'stale-override': { count: 1 } },
    })
    expect(suppress({}, [a, b], cwd, ['stale-override'])).toEqual({ 'config/a.yaml': { 'stale-override': { count: 1 } } })
  })

  it('writes sorted keys at every level, one entry per line group, with a final newline', () => {
    const s: Suppressions = { 'z.yaml': { schema: { count: 1 } }, 'a.yaml': { 'stale-override': { count: 2 }, 'profile-continuity': { count: 1 } } }
    expect(formatSuppressions(s)).toBe(
      '{\n  "a.yaml": {\n    "profile-continuity": {\n      "count": 1\n    },\n    "stale-override": {\n      "count": 2\n    }\n  },\n' +
        '  "z.yaml": {\n    "schema": {\n      "count": 1\n    }\n  }\n}\n',
    )
  })

  it('silences a rule whose errors are within its count; reports all of them when there are more; counts what is left unused', () => {
    const s: Suppressions = { 'config/a.yaml': { schema: { count: 2 }, 'stale-override': { count: 3 }, 'size-cap': { count: 1 } }, 'b.yaml': { schema: { count: 0 + 1 } } }
    const more = result('/work/bot/b.yaml', [finding('schema', 'error', 9), finding('schema', 'error', 10)])
    const { results, unused } = applySuppressions([a, more], s, cwd)
    expect(results[0]!.findings.map((f) => f.ruleId)).toEqual(['size-cap'])
    expect(results[0]!.suppressed!.map((f) => [f.ruleId, f.kind, f.justification])).toEqual([
      ['schema', 'file', ''],
      ['schema', 'file', ''],
      ['stale-override', 'file', ''],
    ])
    expect([results[0]!.errorCount, results[0]!.warningCount]).toEqual([0, 1])
    // Two schema errors against a count of one: nothing tells the new one from the old, so both are reported (as ESLint).
    expect(results[1]!.findings.map((f) => f.range.start.line)).toEqual([9, 10])
    expect(results[1]!.errorCount).toBe(2)
    // Warnings never count, so size-cap's entry is unused; stale-override has 2 of its 3 left.
    expect(unused).toEqual({ 'config/a.yaml': { 'stale-override': { count: 2 }, 'size-cap': { count: 1 } } })
  })

  it('prunes what no longer occurs: counts lowered, empty rules and files dropped; files not linted are kept', () => {
    const s: Suppressions = { 'config/a.yaml': { schema: { count: 5 }, 'yaml-syntax': { count: 1 } }, 'b.yaml': { 'yaml-syntax': { count: 2 } }, 'gone.yaml': { schema: { count: 1 } } }
    expect(prune(s, [a, b], cwd)).toEqual({ 'config/a.yaml': { schema: { count: 2 } }, 'gone.yaml': { schema: { count: 1 } } })
  })
})

describe('suppressions: the command line', () => {
  const lint = (cwd: string, ...args: string[]) => runCli(['--balance', '1018', ...args, 'config/config_futures.yaml'], { cwd })

  it('--suppress-all records today\'s errors; later runs report nothing in every format; a new one makes all of that rule show (exit 1)', async () => {
    const cwd = workspace({ 'config/config_futures.yaml': EXAMPLE })
    expect(await lint(cwd, '--suppress-all')).toEqual({ exitCode: 0, stdout: '', stderr: '' })
    expect(read(cwd)).toBe(ONE_FILE)
    expect(await lint(cwd)).toEqual({ exitCode: 0, stdout: '', stderr: '' })

    const json = JSON.parse((await lint(cwd, '--format', 'json')).stdout)[0]
    expect([json.messages, json.errorCount, json.suppressedMessages.map((m: any) => [m.line, m.suppressions])]).toEqual([
      [],
      0,
      [
        [36, [{ kind: 'file', justification: '' }]],
        [46, [{ kind: 'file', justification: '' }]],
      ],
    ])
    const sarif = JSON.parse((await lint(cwd, '--format', 'sarif')).stdout)
    expect(sarif.runs[0].results.map((r: any) => r.suppressions)).toEqual(Array(2).fill([{ kind: 'external', status: 'accepted' }]))
    expect((await lint(cwd, '--format', 'markdown')).stdout).toContain('### config/config\\_futures.yaml\n\n✔ No problems.\n\n2 findings silenced by the suppressions file (not counted).\n')
    expect((await lint(cwd, '--format', 'github')).stdout).toBe('')
    expect((await lint(cwd, '--format', 'junit')).stdout).not.toContain('<failure')

    writeFileSync(path.join(cwd, 'config/config_futures.yaml'), THIRD)
    const r = await lint(cwd)
    expect(r.exitCode).toBe(1)
    expect(r.stdout.match(/^ {2}\d+:32 {2}error/gm)).toHaveLength(3)
    expect(r.stdout).toContain('✖ 3 problems (3 errors, 0 warnings)')
  })

  it('a suppressed finding that no longer occurs fails the run (exit 2) until pruned, unless --pass-on-unpruned-suppressions', async () => {
    const cwd = workspace({ 'config/config_futures.yaml': FIXED_ONE, [FILE]: ONE_FILE })
    expect(await lint(cwd)).toEqual({
      exitCode: 2,
      stdout: '',
      stderr:
        'lint-config: 1 suppressed finding in "lint-config-suppressions.json" no longer occurs; re-run with --prune-suppressions to update the file ' +
        '(or pass --pass-on-unpruned-suppressions)\n',
    })
    expect(await lint(cwd, '--pass-on-unpruned-suppressions')).toEqual({ exitCode: 0, stdout: '', stderr: '' })
    expect(await lint(cwd, '--prune-suppressions')).toEqual({ exitCode: 0, stdout: '', stderr: '' })
    expect(read(cwd)).toBe(ONE_FILE.replace('"count": 2', '"count": 1'))
    expect(await lint(cwd)).toEqual({ exitCode: 0, stdout: '', stderr: '' })
  })

  it('--suppress-rule records only that rule; --suppressions-location moves the file (and must exist unless suppressing)', async () => {
    const cwd = workspace({ 'config/config_futures.yaml': EXAMPLE })
    expect(await lint(cwd, '--suppress-rule', 'schema')).toEqual(expect.objectContaining({ exitCode: 1 }))
    expect(read(cwd)).toBe('{}\n')
    expect((await lint(cwd, '--suppress-rule', 'stale-override', '--suppressions-location', 'ci/suppressions.json')).exitCode).toBe(0)
    expect(read(cwd, 'ci/suppressions.json')).toBe(ONE_FILE)
    expect((await lint(cwd, '--suppressions-location', 'ci/suppressions.json')).exitCode).toBe(0)
    expect(await lint(cwd, '--suppressions-location', 'nope.json')).toEqual(
      usage('the suppressions file "nope.json" does not exist; create it with --suppress-all or --suppress-rule'),
    )
    expect(await lint(cwd, '--suppress-rule', 'stale-overide')).toEqual(usage('--suppress-rule: unknown rule "stale-overide" (did you mean "stale-override"?)'))
  })

  it('refuses the combinations ESLint refuses, and standard input, before writing anything', async () => {
    const cwd = workspace({ 'config/config_futures.yaml': EXAMPLE })
    expect(await lint(cwd, '--suppress-all', '--suppress-rule', 'schema')).toEqual(usage('--suppress-all and --suppress-rule cannot be used together'))
    expect(await lint(cwd, '--suppress-all', '--prune-suppressions')).toEqual(usage('--suppress-all and --prune-suppressions cannot be used together'))
    expect(await lint(cwd, '--suppress-rule', 'schema', '--prune-suppressions')).toEqual(usage('--suppress-rule and --prune-suppressions cannot be used together'))
    expect(await runCli(['--suppress-all', '-'], { cwd, stdin: Buffer.from(EXAMPLE) })).toEqual(
      usage('--suppress-all, --suppress-rule and --prune-suppressions cannot be used with standard input'),
    )
    expect(existsSync(path.join(cwd, FILE))).toBe(false)
  })

  it('a malformed file is one line and exit 2', async () => {
    for (const [text, why] of [
      ['{', 'the suppressions file "lint-config-suppressions.json" is not valid JSON: '],
      ['[]', 'the suppressions file "lint-config-suppressions.json" is not valid: its top level must be an object of files'],
      ['{"a.yaml": {"schema": {"count": 0}}}', 'the suppressions file "lint-config-suppressions.json" is not valid: "a.yaml" > "schema" must be {"count": N} with N a whole number >= 1'],
    ] as const) {
      const cwd = workspace({ 'config/config_futures.yaml': EXAMPLE, [FILE]: text })
      const r = await lint(cwd)
      expect(r.exitCode).toBe(2)
      expect(r.stdout).toBe('')
      expect(r.stderr.startsWith(`lint-config: ${why}`)).toBe(true)
      expect(r.stderr.split('\n')).toHaveLength(2)
    }
  })

  it('--fix runs first, so what it repairs is neither recorded nor suppressed', async () => {
    // A gap between micro ($500) and large ($550): profile-continuity fixes it back to the fixture.
    const gap = EXAMPLE.replace('      min_balance: 500.0\n', '      min_balance: 550.0\n')
    const cwd = workspace({ 'config/config_futures.yaml': gap })
    expect((await lint(cwd, '--fix', '--suppress-all')).exitCode).toBe(0)
    expect(read(cwd, 'config/config_futures.yaml')).toBe(EXAMPLE)
    expect(read(cwd)).toBe(ONE_FILE)
  })
})
