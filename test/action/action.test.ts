// The GitHub Action: its entry point run in-process as the runner runs it (INPUT_* variables, $GITHUB_STEP_SUMMARY,
// $GITHUB_OUTPUT), its pure parts, action.yml against the entry point, and the composite step emulated under bash.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { INPUT_NAMES, inputVariable, readInputs } from '../../src/action/inputs.js'
import { runAction } from '../../src/action/main.js'
import { countsOf, decideExitCode, OUTPUT_NAMES, outputLines } from '../../src/action/outcome.js'
import { fitSummary, SUMMARY_LIMIT_BYTES } from '../../src/action/summary.js'
import { BALANCE_HINT } from '../../src/settings/balance.js'
import { escapeMarkdown } from '../../src/text/escape-markdown.js'
import { NO_BALANCE_NOTE } from '../../src/text/no-balance-note.js'
import { compileSarifSchema } from '../helpers/sarif-schema.js'
import { skipAllUnless, skipUnless } from '../helpers/skip.js'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const DOCS = 'https://github.com/lint-config/lint-config/blob/main/docs/rules'

/** The annotation for the one stale override of fixtures/invalid/stale-override.yaml at $1,018. */
function staleOverride(level: 'error' | 'warning', file = 'config/config_futures.yaml'): string {
  return (
    `::${level} file=${file},line=15,col=32,endLine=15,endColumn=35,title=stale-override::` +
    'BTC-USDT trending override $42.00 is ignored at balance $1,018.00: per-symbol size $122.16 deviates 65.6%25 (> 50%25); ' +
    'it is live only for balances up to $700.00'
  )
}

/** The opening of explain's second part for stale-override.yaml: the era the shape picks and the market the traded sizes assume. */
const TRADED_INTRO =
  "What the bot trades (the variant-b code, 1e5f6e8; auto: the profiles' shape fits both variant-b and risk-manager; " +
  "variant-b is the spec's model (set \\`bot\\` to choose)), at a signal of the default strength 0.5 (no conflict), " +
  'no ATR reading, no other position open, daily PnL 0; the leverage is what the bot picks for that signal:'

/** The job summary's sizing section at $1,018: the designed table, then what the bot trades (explain's second part). */
const SIZING_AT_1018 = `#### Balance $1,018.00 — profile small (progressive)

Base size $101.80.

| Symbol | Multiplier | Size | Overrides |
| --- | ---: | ---: | --- |
| BTC-USDT | 1.2x | $122.16 | trending $42.00 ignored: deviates 65.6% (> 50%); live only for balances up to $700.00 |

With the 1 position open at 5x leverage:

| | Amount | % of balance |
| --- | ---: | ---: |
| Total notional | $122.16 | 12.0% |
| Margin | $24.43 | 2.4% |
| Reserve | $993.57 | 97.6% |
| Left after a 10% adverse move on every position | $1,005.78 | 98.8% |
| Left after a 20% adverse move on every position | $993.57 | 97.6% |

${TRADED_INTRO}

| Symbol | Regime | Traded | Leverage | Profile | Binding |
| --- | --- | ---: | ---: | --- | --- |
| BTC-USDT | trending | $122.16 | 5x | small | designed size |
| BTC-USDT | ranging | $122.16 | 5x | small | designed size |
| BTC-USDT | choppy | $122.16 | 5x | small | designed size |

| Regime | Positions | Notional | Margin | Reserve | After a 10% / 20% adverse move |
| --- | ---: | ---: | ---: | ---: | ---: |
| trending | 1 of 5 | $122.16 (12.0%) | $24.43 (2.4%) | $993.57 (97.6%) | $1,005.78 (98.8%) / $993.57 (97.6%) |
| ranging | 1 of 5 | $122.16 (12.0%) | $24.43 (2.4%) | $993.57 (97.6%) | $1,005.78 (98.8%) / $993.57 (97.6%) |
| choppy | 1 of 5 | $122.16 (12.0%) | $24.43 (2.4%) | $993.57 (97.6%) | $1,005.78 (98.8%) / $993.57 (97.6%) |
`

/** The chart under the sizing tables: the designed size at the ladder's key balances (Mermaid). */
const CHART_AT_1018 = `#### Size against balance

\`\`\`mermaid
---
config:
  xyChart:
    width: 900
    height: 420
    showLegend: true
  themeVariables:
    xyChart:
      plotColorPalette: "#0072B2"
---
xychart-beta
  title "Designed per-symbol size against balance"
  x-axis "Balance (USD)" ["$100", "$500", "$1,018 (ref)", "$1,500", "$999,999"]
  y-axis "Size (USD notional)" 0 --> 400
  line "BTC-USDT" [36, 60, 122.16, 180, 360]
\`\`\`

Lines: BTC-USDT (blue).
`

/** The github report's one notice when no reference balance is set (the runs below without the balances input). */
const NO_BALANCE_NOTICE = `::notice title=lint-config::${NO_BALANCE_NOTE}\n`

/** Settings that make stale-override a warning: the warnings-only case. */
const WARN_SETTINGS = 'rules:\n  stale-override: warn\n'

let tmp: string
let workspace: string
let summaryFile: string
let outputFile: string

beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'lint-config-action-'))
  workspace = path.join(tmp, 'workspace')
  await mkdir(path.join(workspace, 'config'), { recursive: true })
  await cp(path.join(repo, 'fixtures/invalid/stale-override.yaml'), path.join(workspace, 'config/config_futures.yaml'))
  await writeFile(path.join(workspace, 'warn.lint-config.yaml'), WARN_SETTINGS)
  // The runner creates both files empty before the step starts.
  summaryFile = path.join(tmp, 'step_summary')
  outputFile = path.join(tmp, 'set_output')
  await writeFile(summaryFile, '')
  await writeFile(outputFile, '')
})

afterEach(async () => {
  await rm(tmp, { recursive: true, force: true })
})

/** The environment the runner gives the step: every input (as action.yml maps them), plus the file commands. */
function runnerEnv(inputs: Partial<Record<(typeof INPUT_NAMES)[number], string>> = {}): Record<string, string> {
  const defaults = {
    files: 'config/config_futures.yaml',
    balances: '',
    format: 'github',
    'sarif-file': '',
    'max-warnings': '-1',
    'fail-on': 'error',
    config: '',
    'working-directory': '.',
    'only-new': 'false',
  }
  const env: Record<string, string> = {
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_OUTPUT: outputFile,
    RUNNER_TEMP: tmp,
  }
  for (const [name, value] of Object.entries({ ...defaults, ...inputs })) env[inputVariable(name)] = value
  return env
}

async function run(inputs: Parameters<typeof runnerEnv>[0] = {}, env: Record<string, string> = {}) {
  let stdout = ''
  let stderr = ''
  const exitCode = await runAction({
    env: { ...runnerEnv(inputs), ...env },
    cwd: workspace,
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
  })
  return { exitCode, stdout, stderr, summary: await readFile(summaryFile, 'utf8'), outputs: await readFile(outputFile, 'utf8') }
}

describe('the Action, run as the runner runs it', () => {
  it('prints an annotation per finding, writes SARIF, the job summary with the sizing table, and the outputs (exit 1)', async () => {
    const r = await run({ balances: '1018', 'sarif-file': 'reports/lint-config.sarif' })
    expect(r.exitCode).toBe(1)
    expect(r.stdout).toBe(`${staleOverride('error')}\n`)
    expect(r.stderr).toBe('')
    expect(r.outputs).toBe('exit-code=1\nerrors=1\nwarnings=0\n')
    expect(r.summary).toBe(
      [
        '## lint-config: 1 error in 1 file',
        '',
        'Linted 1 file.',
        '',
        '### config/config\\_futures.yaml',
        '',
        '| Line | Column | Severity | Rule | Message |',
        '| ---: | ---: | --- | --- | --- |',
        `| 15 | 32 | error | [stale-override](${DOCS}/stale-override.md) | BTC-USDT trending override $42.00 is ignored at balance $1,018.00: ` +
          'per-symbol size $122.16 deviates 65.6% (&gt; 50%); it is live only for balances up to $700.00 |',
        '',
        SIZING_AT_1018 + '\n' + CHART_AT_1018,
      ].join('\n'),
    )

    const log = JSON.parse(await readFile(path.join(workspace, 'reports/lint-config.sarif'), 'utf8')) as {
      runs: { results: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string } } }[] }[] }[]
    }
    const validate = compileSarifSchema()
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true)
    expect(log.runs[0]!.results.map((x) => [x.ruleId, x.level, x.locations[0]!.physicalLocation.artifactLocation])).toEqual([
      ['stale-override', 'error', { uri: 'config/config_futures.yaml', uriBaseId: '%SRCROOT%', index: 0 }],
    ])
  })

  it('exits 0 with no finding annotation on a config clean without a balance, and says so in the summary, with the note', async () => {
    // The stale override counts only at a balance: without one the run is clean, and says once that those checks did not run.
    const r = await run()
    expect(r.exitCode).toBe(0)
    expect(r.stdout).toBe(NO_BALANCE_NOTICE)
    expect(r.stderr).toBe('')
    expect(r.outputs).toBe('exit-code=0\nerrors=0\nwarnings=0\n')
    expect(r.summary).toBe(
      `## lint-config: no problems\n\nLinted 1 file.\n\n> **Note:** ${escapeMarkdown(NO_BALANCE_NOTE)}\n\n- ✔ config/config\\_futures.yaml: no problems\n`,
    )
  })

  it('passes warnings with fail-on: error, and fails on them with fail-on: warning (exit 1, saying why)', async () => {
    const passing = await run({ balances: '1018', config: 'warn.lint-config.yaml' })
    expect(passing.exitCode).toBe(0)
    expect(passing.stdout).toBe(`${staleOverride('warning')}\n`)
    expect(passing.outputs).toBe('exit-code=0\nerrors=0\nwarnings=1\n')
    expect(passing.summary.split('\n')[0]).toBe('## lint-config: 1 warning in 1 file')

    await writeFile(summaryFile, '')
    await writeFile(outputFile, '')
    const failing = await run({ balances: '1018', config: 'warn.lint-config.yaml', 'fail-on': 'warning' })
    expect(failing.exitCode).toBe(1)
    expect(failing.stdout).toBe(`${staleOverride('warning')}\n::error title=lint-config::1 warning, failing the step (fail-on: warning)\n`)
    expect(failing.outputs).toBe('exit-code=1\nerrors=0\nwarnings=1\n')
  })

  it('fails on more warnings than max-warnings (exit 1)', async () => {
    const r = await run({ balances: '1018', config: 'warn.lint-config.yaml', 'max-warnings': '0' })
    expect(r.exitCode).toBe(1)
    expect(r.stdout).toBe(`${staleOverride('warning')}\n::error title=lint-config::1 warning, failing the step (more than max-warnings 0)\n`)
    expect(r.outputs).toBe('exit-code=1\nerrors=0\nwarnings=1\n')
  })

  it('exits 2 when the CLI cannot lint, with one ::error line, a summary that says so, and only the exit-code output', async () => {
    const r = await run({ files: 'config/missing.yaml' })
    expect(r.exitCode).toBe(2)
    expect(r.stderr).toBe('lint-config: cannot read "config/missing.yaml": no such file or directory\n')
    expect(r.stdout).toBe('::error title=lint-config::cannot read "config/missing.yaml": no such file or directory\n')
    expect(r.outputs).toBe('exit-code=2\n')
    expect(r.summary).toBe('## lint-config: could not lint\n\ncannot read "config/missing.yaml": no such file or directory\n')
  })

  it('exits 2 on a bad input, naming it', async () => {
    const cases: [Parameters<typeof run>[0], string][] = [
      [{ format: 'xml' }, 'format: expected one of stylish, json, sarif, github, junit, markdown, got "xml"'],
      [{ 'max-warnings': 'many' }, 'max-warnings: expected a whole number >= 0, or -1 for no limit, got "many"'],
      [{ 'fail-on': 'warn' }, 'fail-on: expected "error" or "warning", got "warn"'],
      [{ 'working-directory': 'nowhere' }, 'working-directory: "nowhere" is not a directory'],
      [{ files: '-' }, 'files: "-" (standard input) is not available in the Action; name the files'],
    ]
    for (const [inputs, message] of cases) {
      await writeFile(outputFile, '')
      const r = await run(inputs)
      expect(r.exitCode, message).toBe(2)
      expect(r.stdout).toBe(`::error title=lint-config::${message}\n`)
      expect(r.outputs).toBe('exit-code=2\n')
    }
    // A balance the CLI rejects is a usage error too.
    await writeFile(outputFile, '')
    const balance = await run({ balances: '1018, lots' })
    expect(balance.exitCode).toBe(2)
    expect(balance.stdout).toBe(`::error title=lint-config::balances: "lots": ${BALANCE_HINT}\n`)
  })

  it('exits 2 on any exception, with one ::error line', async () => {
    // $GITHUB_OUTPUT naming a directory makes the final write throw.
    const r = await run({}, { GITHUB_OUTPUT: tmp })
    expect(r.exitCode).toBe(2)
    // The report (the no-balance notice) is out before the throw; the one ::error line follows it.
    expect(r.stdout.slice(0, NO_BALANCE_NOTICE.length)).toBe(NO_BALANCE_NOTICE)
    expect(r.stdout.slice(NO_BALANCE_NOTICE.length)).toMatch(/^::error title=lint-config::EISDIR: illegal operation on a directory[^\n]*\n$/)
  })

  it('lints from working-directory but reports paths from the workspace root, where GitHub resolves them', async () => {
    const service = path.join(workspace, 'services/bot')
    await mkdir(path.join(service, 'config'), { recursive: true })
    await cp(path.join(workspace, 'config/config_futures.yaml'), path.join(service, 'config/config_futures.yaml'))
    const r = await run({ 'working-directory': 'services/bot', balances: '1018', 'sarif-file': 'lint-config.sarif' })
    expect(r.exitCode).toBe(1)
    expect(r.stdout).toBe(`${staleOverride('error', 'services/bot/config/config_futures.yaml')}\n`)
    expect(r.summary).toContain('### services/bot/config/config\\_futures.yaml\n')
    const log = JSON.parse(await readFile(path.join(service, 'lint-config.sarif'), 'utf8')) as { runs: { artifacts: { location: unknown }[] }[] }
    expect(log.runs[0]!.artifacts[0]!.location).toEqual({ uri: 'services/bot/config/config_futures.yaml', uriBaseId: '%SRCROOT%' })
  })

  it('lints several files, directories and globs from one input, separated by spaces and newlines', async () => {
    await mkdir(path.join(workspace, 'more'), { recursive: true })
    await cp(path.join(repo, 'fixtures/valid/fixed-ladder.yaml'), path.join(workspace, 'more/config_futures.yml'))
    await cp(path.join(repo, 'fixtures/valid/percent-ladder.yaml'), path.join(workspace, 'more/percent.yaml'))
    const r = await run({ files: ' config/config_futures.yaml\n  more\nmore/*.yaml \n', format: 'json' })
    expect(r.exitCode).toBe(0)
    const files = (JSON.parse(r.stdout) as { filePath: string }[]).map((x) => path.relative(workspace, x.filePath))
    expect(files).toEqual(['config/config_futures.yaml', 'more/config_futures.yml', 'more/percent.yaml'])
  })

  it('lints a file whose name starts with "-" as a file, never as an option', async () => {
    await cp(path.join(repo, 'fixtures/invalid/stale-override.yaml'), path.join(workspace, '-odd.yaml'))
    const r = await run({ files: '-odd.yaml', balances: '1018' })
    expect(r.exitCode).toBe(1)
    expect(r.stdout).toBe(`${staleOverride('error', '-odd.yaml')}\n`)
  })

  it('writes no summary when $GITHUB_STEP_SUMMARY is unset, and still sets the outputs', async () => {
    const r = await run({ balances: '1018' }, { GITHUB_STEP_SUMMARY: '' })
    expect(r.exitCode).toBe(1)
    expect(r.summary).toBe('')
    expect(r.outputs).toBe('exit-code=1\nerrors=1\nwarnings=0\n')
  })
})

describe('the Action: pure parts', () => {
  it('names input variables as the runner does: upper case, spaces to "_", hyphens kept', () => {
    expect(inputVariable('sarif-file')).toBe('INPUT_SARIF-FILE')
    expect(inputVariable('max-warnings')).toBe('INPUT_MAX-WARNINGS')
    expect(inputVariable('fail-on')).toBe('INPUT_FAIL-ON')
    expect(inputVariable('working-directory')).toBe('INPUT_WORKING-DIRECTORY')
    expect(inputVariable('some input')).toBe('INPUT_SOME_INPUT')
  })

  it('reads inputs: lists split on whitespace (balances on commas too), defaults for empty ones', () => {
    expect(readInputs({})).toEqual({ files: [], balances: [], format: 'github', maxWarnings: -1, failOn: 'error', workingDirectory: '.', onlyNew: false })
    expect(
      readInputs({
        INPUT_FILES: 'a.yaml\n b/  c/*.yml\t',
        INPUT_BALANCES: '1018, 3000,\n500 1_000',
        INPUT_FORMAT: ' stylish ',
        'INPUT_SARIF-FILE': 'out.sarif',
        'INPUT_MAX-WARNINGS': '0',
        'INPUT_FAIL-ON': 'Warning',
        INPUT_CONFIG: '.ci/lint.yaml',
        'INPUT_WORKING-DIRECTORY': 'svc',
        'INPUT_ONLY-NEW': 'True',
      }),
    ).toEqual({
      files: ['a.yaml', 'b/', 'c/*.yml'],
      balances: [1018, 3000, 500, 1000],
      format: 'stylish',
      sarifFile: 'out.sarif',
      maxWarnings: 0,
      failOn: 'warning',
      config: '.ci/lint.yaml',
      workingDirectory: 'svc',
      onlyNew: true,
    })
    expect(() => readInputs({ 'INPUT_ONLY-NEW': 'yes' })).toThrow('only-new: expected "true" or "false", got "yes"')
  })

  it('never reports success after a failure', () => {
    const none = { errors: 0, warnings: 0 }
    const warned = { errors: 0, warnings: 2 }
    expect(decideExitCode(0, none, 'error')).toBe(0)
    expect(decideExitCode(0, warned, 'error')).toBe(0)
    expect(decideExitCode(0, warned, 'warning')).toBe(1)
    expect(decideExitCode(0, none, 'warning')).toBe(0)
    expect(decideExitCode(1, { errors: 1, warnings: 0 }, 'error')).toBe(1)
    expect(decideExitCode(1, warned, 'error')).toBe(1)
    expect(decideExitCode(0, { errors: 1, warnings: 0 }, 'error')).toBe(1)
    expect(decideExitCode(2, undefined, 'error')).toBe(2)
    expect(decideExitCode(2, none, 'warning')).toBe(2)
    expect(decideExitCode(0, undefined, 'error')).toBe(2)
    expect(decideExitCode(3, none, 'error')).toBe(2)
  })

  it('counts errors and warnings over every result', () => {
    const result = (errorCount: number, warningCount: number) =>
      ({ filePath: 'x', findings: [], errorCount, warningCount, fixableErrorCount: 0, fixableWarningCount: 0 })
    expect(countsOf([result(2, 1), result(0, 3)])).toEqual({ errors: 2, warnings: 4 })
    expect(countsOf([])).toEqual({ errors: 0, warnings: 0 })
  })

  it('writes outputs as name=value, and a multiline value with a delimiter', () => {
    expect(outputLines({ 'exit-code': '1', errors: '3' })).toBe('exit-code=1\nerrors=3\n')
    expect(outputLines({ text: 'a\nb' }, 'ghadelimiter_x')).toBe('text<<ghadelimiter_x\na\nb\nghadelimiter_x\n')
    expect(() => outputLines({ text: 'a\nghadelimiter_x' }, 'ghadelimiter_x')).toThrow('delimiter')
  })

  it('cuts a summary over GitHub\'s limit at a line, saying so', () => {
    expect(fitSummary('short\n', 100)).toBe('short\n')
    const long = 'line ✔\n'.repeat(100)
    const cut = fitSummary(long, 400)
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(400)
    expect(cut).toMatch(/^(line ✔\n)+\n\*\*The job summary stops here:\*\* GitHub takes at most 1 MiB per step\. The log lists every finding\.\n$/)
    expect(SUMMARY_LIMIT_BYTES).toBe(1024 * 1024)
  })
})

interface ActionYml {
  name: string
  description: string
  branding: { icon: string; color: string }
  inputs: Record<string, { description: string; required?: boolean; default?: string }>
  outputs: Record<string, { description: string; value: string }>
  runs: { using: string; steps: { name?: string; id?: string; shell?: string; run: string; env?: Record<string, string>; 'working-directory'?: string }[] }
}

async function actionYml(): Promise<ActionYml> {
  return parseYaml(await readFile(path.join(repo, 'action.yml'), 'utf8')) as ActionYml
}

describe('action.yml', () => {
  it('declares exactly the inputs the entry point reads, each mapped to the variable it reads', async () => {
    const action = await actionYml()
    expect(Object.keys(action.inputs).sort()).toEqual([...INPUT_NAMES].sort())
    const step = action.runs.steps.find((s) => s.id === 'lint')!
    const expected = Object.fromEntries(INPUT_NAMES.map((name) => [inputVariable(name), `\${{ inputs.${name} }}`]))
    expect(step.env).toEqual(expected)
    for (const input of Object.values(action.inputs)) expect(input.description.length).toBeGreaterThan(10)
  })

  it('declares defaults the entry point agrees with', async () => {
    const action = await actionYml()
    const env = Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [inputVariable(name), input.default ?? '']))
    const { files, ...rest } = readInputs(env)
    expect(files).toEqual(['config/config_futures.yaml'])
    const { files: _none, ...unset } = readInputs({})
    expect(rest).toEqual(unset)
  })

  it('declares the outputs the entry point writes, from the lint step', async () => {
    const action = await actionYml()
    expect(Object.keys(action.outputs)).toEqual([...OUTPUT_NAMES])
    for (const name of OUTPUT_NAMES) expect(action.outputs[name]!.value).toBe(`\${{ steps.lint.outputs.${name} }}`)
  })

  it('is a composite action that installs (building dist/) and then runs dist/action.js under bash, with branding', async () => {
    const action = await actionYml()
    expect(action.runs.using).toBe('composite')
    const [install, lint] = action.runs.steps
    expect(install!['working-directory']).toBe('${{ github.action_path }}')
    expect(install!.run).toMatch(/^npm ci\b/)
    // bash keeps hyphenated variable names in the environment it hands to node; dash (sh) drops them.
    expect(lint!.shell).toBe('bash')
    expect(lint!.run).toBe('node "$GITHUB_ACTION_PATH/dist/action.js"')
    expect(lint!.run).not.toContain('${{')
    expect(action.branding).toEqual({ icon: 'check-circle', color: 'green' })
    expect(await readFile(path.join(repo, 'scripts/build.mjs'), 'utf8')).toContain("action: 'src/action/main.ts'")
  })
})

/** `${{ inputs.x }}` and `${{ github.action_path }}` as the runner would substitute them. */
function substitute(text: string, inputs: Record<string, string>, actionPath: string): string {
  return text.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_, expr: string) => {
    if (expr === 'github.action_path') return actionPath
    if (expr.startsWith('inputs.')) return inputs[expr.slice('inputs.'.length)] ?? ''
    throw new Error(`unexpected expression ${expr}`)
  })
}

const bash = spawnSync('bash', ['-c', 'true']).status === 0

/** How the runner starts each `shell:` (GitHub's workflow syntax reference, `jobs.<job_id>.steps[*].shell`), minus the script file. */
const RUNNER_SHELLS: Record<string, string[]> = {
  bash: ['bash', '--noprofile', '--norc', '-eo', 'pipefail'],
  sh: ['sh', '-e'],
}

/** The action's directory as the runner checks it out: the bundle in dist/ (built here from src/), dependencies in node_modules/. */
async function actionCheckout(): Promise<string> {
  const actionPath = path.join(tmp, 'action')
  await mkdir(actionPath, { recursive: true })
  await symlink(path.join(repo, 'node_modules'), path.join(actionPath, 'node_modules'), 'dir')
  const { build } = await import('esbuild')
  await build({
    entryPoints: { action: path.join(repo, 'src/action/main.ts') },
    outdir: path.join(actionPath, 'dist'),
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    banner: { js: "import { createRequire as __lcCreateRequire } from 'node:module'; const require = __lcCreateRequire(import.meta.url);" },
    define: { __LINT_CONFIG_VERSION__: JSON.stringify('0.0.0-test') },
    logLevel: 'silent',
    absWorkingDir: repo,
  })
  expect(existsSync(path.join(actionPath, 'dist/action.js'))).toBe(true)
  return actionPath
}

/** Runs the lint step of action.yml as the runner does: its `run` under the step's shell, with its env substituted, in the workspace. */
async function runCompositeStep(actionPath: string, given: Record<string, string>, env: Record<string, string> = {}) {
  const action = await actionYml()
  const step = action.runs.steps.find((s) => s.id === 'lint')!
  const inputs = { ...Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, input.default ?? ''])), ...given }
  const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([key, value]) => [key, substitute(value, inputs, actionPath)]))
  const base = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('INPUT_') && !key.startsWith('GITHUB_')))
  const [command, ...flags] = RUNNER_SHELLS[step.shell ?? 'bash']!
  return spawnSync(command!, [...flags, '-c', substitute(step.run, inputs, actionPath)], {
    cwd: workspace,
    encoding: 'utf8',
    env: {
      ...base,
      ...stepEnv,
      GITHUB_ACTION_PATH: actionPath,
      GITHUB_WORKSPACE: workspace,
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_OUTPUT: outputFile,
      RUNNER_TEMP: tmp,
      ...env,
    },
  })
}

describe('the composite lint step, emulated', () => {
  skipAllUnless(bash, 'bash is not installed (the action\'s steps run under bash, as on GitHub\'s runners)')
  it('runs the bundled entry point under bash with the env of action.yml, hyphenated names included', async () => {
    const actionPath = await actionCheckout()
    const child = await runCompositeStep(actionPath, { balances: '1018', 'sarif-file': 'out.sarif', 'fail-on': 'warning', config: 'warn.lint-config.yaml' })
    expect(child.stderr).toBe('')
    // fail-on and config reached the entry point: the warning fails the step.
    expect(child.stdout).toBe(`${staleOverride('warning')}\n::error title=lint-config::1 warning, failing the step (fail-on: warning)\n`)
    expect(child.status).toBe(1)
    expect(await readFile(outputFile, 'utf8')).toBe('exit-code=1\nerrors=0\nwarnings=1\n')
    expect(await readFile(summaryFile, 'utf8')).toContain(SIZING_AT_1018)
    expect(await readFile(summaryFile, 'utf8')).toContain(CHART_AT_1018)
    const validate = compileSarifSchema()
    expect(validate(JSON.parse(await readFile(path.join(workspace, 'out.sarif'), 'utf8'))), JSON.stringify(validate.errors)).toBe(true)
  })
})

// ---------------------------------------------------------------------------------------------
// pull_request events: the diff against the base commit heads the summary; only-new reports and fails on new findings only.

const gitInstalled = spawnSync('git', ['--version']).status === 0
const BEFORE = 'fixtures/diff/before/config_futures.yaml'
const AFTER = 'fixtures/diff/after/config_futures.yaml'

/** Runs git in the workspace with a fixed identity, ignoring the developer's and the hook's git environment. */
function gitIn(cwd: string, ...args: string[]): string {
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: tmp }
  for (const key of Object.keys(env)) if (key.startsWith('GIT_') && key !== 'GIT_CONFIG_NOSYSTEM') delete env[key]
  const r = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd, env, encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`)
  return r.stdout.trim()
}

/**
 * The workspace as actions/checkout leaves it on a pull request: a repository whose base commit holds `base` and whose
 * checked-out commit holds `head` as config/config_futures.yaml, and the event payload the runner writes to
 * $GITHUB_EVENT_PATH (the fields of GitHub's pull_request webhook the Action reads, with their neighbours).
 */
async function pullRequest(base: string, head: string): Promise<{ env: Record<string, string>; baseSha: string; headSha: string }> {
  await rm(path.join(workspace, 'warn.lint-config.yaml'))
  await writeFile(path.join(workspace, 'config/config_futures.yaml'), base)
  gitIn(workspace, 'init', '-q', '-b', 'main')
  gitIn(workspace, 'add', '.')
  gitIn(workspace, 'commit', '-q', '-m', 'base')
  const baseSha = gitIn(workspace, 'rev-parse', 'HEAD')
  gitIn(workspace, 'checkout', '-q', '-b', 'change-sizing')
  await writeFile(path.join(workspace, 'config/config_futures.yaml'), head)
  gitIn(workspace, 'commit', '-q', '--allow-empty', '-am', 'head')
  const headSha = gitIn(workspace, 'rev-parse', 'HEAD')
  const repository = { id: 1, name: 'bot', full_name: 'acme/bot', default_branch: 'main' }
  const payload = {
    action: 'synchronize',
    number: 7,
    pull_request: {
      number: 7,
      state: 'open',
      title: 'Raise the large profile',
      head: { label: 'acme:change-sizing', ref: 'change-sizing', sha: headSha, repo: repository },
      base: { label: 'acme:main', ref: 'main', sha: baseSha, repo: repository },
    },
    repository,
    sender: { login: 'someone' },
  }
  const eventPath = path.join(tmp, 'event.json')
  await writeFile(eventPath, JSON.stringify(payload))
  return { env: { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: eventPath, GITHUB_SHA: headSha }, baseSha, headSha }
}

const fixture = (file: string): Promise<string> => readFile(path.join(repo, file), 'utf8')
const ADDED_BTC =
  'BTC-USDT trending override $42.00 is ignored at balance $1,018.00: per-symbol size $142.88 deviates 70.6%25 (> 50%25); it is live only for balances up to $650.00'
const ADDED_SOL =
  'SOL-USDT ranging override $50.00 is ignored at balance $1,018.00: per-symbol size $107.16 deviates 53.3%25 (> 50%25); it is live only for balances from $240.74 to $958.33'
const annotation = (line: number, message: string): string =>
  `::error file=config/config_futures.yaml,line=${line},col=32,endLine=${line},endColumn=35,title=stale-override::${message}`

describe('the Action on a pull_request event', () => {
  skipAllUnless(gitInstalled, 'git is not installed (apt-get install git); the pull request tests commit to a throw-away repository')

  it('puts the diff against the base commit at the top of the job summary, and sets new-errors and new-warnings', async () => {
    const { env, baseSha } = await pullRequest(await fixture(BEFORE), await fixture(AFTER))
    const r = await run({ balances: '1018' }, env)
    expect(r.exitCode).toBe(1)
    expect(r.stdout).toBe(`${annotation(36, ADDED_BTC)}\n${annotation(46, ADDED_SOL)}\n`)
    expect(r.outputs).toBe('exit-code=1\nerrors=2\nwarnings=0\nnew-errors=2\nnew-warnings=0\n')
    const short = baseSha.slice(0, 7)
    const lines = r.summary.split('\n')
    expect(lines.slice(0, 9)).toEqual([
      '## lint-config diff: config/config\\_futures.yaml',
      '',
      `Against ${short}:config/config\\_futures.yaml: 2 errors and 0 warnings added, 1 finding fixed.`,
      '',
      '### Profiles',
      '',
      '| Profile | Fields | Base size |',
      '| --- | --- | --- |',
      '| large | size\\_at\\_max 150 → 250 | above $500.00: $50.00 → $50.00 just above $500.00, $150.00 → $250.00 as the balance grows; largest change +66.7% at $2,000.00 |',
    ])
    // The diff comes first, then the lint's own summary.
    expect(r.summary.indexOf('## lint-config diff:')).toBe(0)
    expect(r.summary).toContain('\n## lint-config: 2 errors in 1 file\n')
    expect(r.summary).toContain('| SOL-USDT ranging $50.00 | became stale at $1,018.00 | from $240.74 to $1,416.67 | from $240.74 to $958.33 |')
    // Under the diff's per-symbol sizes, base and head on one Mermaid chart (the diff command's own markdown).
    const chart = r.summary.slice(r.summary.indexOf('### Size against balance\n'), r.summary.indexOf('### Overrides\n'))
    expect(chart.split('\n').filter((l) => l.startsWith('  line ') || l.startsWith('  x-axis '))).toEqual([
      `  x-axis "Balance (USD)" ["$100", "$500", "$1,018 (ref)", "$2,000"]`,
      '  line "BTC-USDT (base)" [36, 60, 101.44, 180]',
      '  line "BTC-USDT (head)" [36, 60, 142.88, 300]',
      '  line "ETH-USDT (base)" [30, 50, 84.53, 150]',
      '  line "ETH-USDT (head)" [30, 50, 119.07, 250]',
      '  line "SOL-USDT (base)" [27, 45, 76.08, 135]',
      '  line "SOL-USDT (head)" [27, 45, 107.16, 225]',
      '  line "XRP-USDT (head)" [24, 40, 95.25, 200]',
    ])
  })

  it('only-new: true fails only on errors the pull request adds; an edit that shifts lines adds none (exit 0, no annotation)', async () => {
    const before = await fixture(BEFORE)
    const { env } = await pullRequest(before, `# Reviewed on 2026-03-04.\n\n${before}`)
    // Without only-new the old error fails the step, as on a push.
    const all = await run({ balances: '1018' }, env)
    expect(all.exitCode).toBe(1)
    expect(all.outputs).toBe('exit-code=1\nerrors=1\nwarnings=0\nnew-errors=0\nnew-warnings=0\n')

    await writeFile(summaryFile, '')
    await writeFile(outputFile, '')
    const r = await run({ balances: '1018', 'only-new': 'true', 'sarif-file': 'lint-config.sarif' }, env)
    expect(r.exitCode).toBe(0)
    expect(r.stdout).toBe('')
    expect(r.outputs).toBe('exit-code=0\nerrors=0\nwarnings=0\nnew-errors=0\nnew-warnings=0\n')
    expect(r.summary.split('\n').slice(0, 3)).toEqual([
      '## lint-config diff: config/config\\_futures.yaml',
      '',
      expect.stringMatching(/^No change to the sizing or the findings against [0-9a-f]{7}:config\/config\\_futures\.yaml\.$/),
    ])
    expect(r.summary).toContain('\n## lint-config: no problems\n')
    const log = JSON.parse(await readFile(path.join(workspace, 'lint-config.sarif'), 'utf8')) as { runs: { results: unknown[] }[] }
    expect(log.runs[0]!.results).toEqual([])
  })

  it('only-new: true reports and fails on exactly the added findings', async () => {
    const { env } = await pullRequest(await fixture(BEFORE), await fixture(AFTER))
    const r = await run({ balances: '1018', 'only-new': 'true' }, env)
    expect(r.exitCode).toBe(1)
    expect(r.stdout).toBe(`${annotation(36, ADDED_BTC)}\n${annotation(46, ADDED_SOL)}\n`)
    expect(r.outputs).toBe('exit-code=1\nerrors=2\nwarnings=0\nnew-errors=2\nnew-warnings=0\n')
  })

  it('a config the base does not have: every finding is new', async () => {
    const { env } = await pullRequest(await fixture(BEFORE), await fixture(BEFORE))
    await cp(path.join(repo, AFTER), path.join(workspace, 'config/config_futures_new.yaml'))
    gitIn(workspace, 'add', '.')
    gitIn(workspace, 'commit', '-q', '-m', 'a second config')
    const r = await run({ files: 'config/config_futures_new.yaml', balances: '1018', 'only-new': 'true' }, env)
    expect(r.exitCode).toBe(1)
    expect(r.outputs).toBe('exit-code=1\nerrors=2\nwarnings=0\nnew-errors=2\nnew-warnings=0\n')
    expect(r.summary).toContain('| XRP-USDT | traded from now on | none → $95.25 |')
  })

  it('a base commit the checkout lacks (and cannot fetch): with only-new exit 2 saying how to check out; without, a warning and the plain lint', async () => {
    const { env } = await pullRequest(await fixture(BEFORE), await fixture(AFTER))
    const payload = JSON.parse(await readFile(env.GITHUB_EVENT_PATH!, 'utf8'))
    payload.pull_request.base.sha = 'f'.repeat(40)
    await writeFile(env.GITHUB_EVENT_PATH!, JSON.stringify(payload))
    const strict = await run({ balances: '1018', 'only-new': 'true' }, env)
    expect(strict.exitCode).toBe(2)
    expect(strict.stdout).toMatch(
      /^::error title=lint-config::cannot read the pull request's base commit ffffffffffff: it is not in the checkout and fetching it failed \(.+\); check out with actions\/checkout's fetch-depth: 0\n$/,
    )
    expect(strict.outputs).toBe('exit-code=2\n')

    await writeFile(outputFile, '')
    const lenient = await run({ balances: '1018' }, env)
    expect(lenient.exitCode).toBe(1)
    expect(lenient.stdout.split('\n')[0]).toMatch(/^::warning title=lint-config::no diff against the pull request's base: cannot read the pull request's base commit/)
    expect(lenient.outputs).toBe('exit-code=1\nerrors=2\nwarnings=0\n')
  })

  it('a pull_request event without a usable payload is exit 2; other events never diff', async () => {
    await pullRequest(await fixture(BEFORE), await fixture(AFTER))
    const missing = await run({ balances: '1018' }, { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: path.join(tmp, 'nope.json') })
    expect(missing.exitCode).toBe(2)
    expect(missing.stdout).toMatch(/^::error title=lint-config::cannot read the pull_request event at GITHUB_EVENT_PATH ".*nope\.json": ENOENT/)
    await writeFile(outputFile, '')
    await writeFile(summaryFile, '')
    const push = await run({ balances: '1018', 'only-new': 'true' }, { GITHUB_EVENT_NAME: 'push' })
    expect(push.exitCode).toBe(1)
    expect(push.outputs).toBe('exit-code=1\nerrors=2\nwarnings=0\n')
    expect(push.summary.startsWith('## lint-config: 2 errors in 1 file\n')).toBe(true)
  })

  it('runs as the runner calls it: the bundled entry point under bash, the event payload at GITHUB_EVENT_PATH', async (ctx) => {
    skipUnless(ctx, bash, 'bash is not installed (the action\'s steps run under bash, as on GitHub\'s runners)')
    const before = await fixture(BEFORE)
    const { env } = await pullRequest(before, await fixture(AFTER))
    const actionPath = await actionCheckout()
    const child = await runCompositeStep(actionPath, { balances: '1018', 'only-new': 'true' }, env)
    expect(child.stderr).toBe('')
    expect(child.stdout).toBe(`${annotation(36, ADDED_BTC)}\n${annotation(46, ADDED_SOL)}\n`)
    expect(child.status).toBe(1)
    expect(await readFile(outputFile, 'utf8')).toBe('exit-code=1\nerrors=2\nwarnings=0\nnew-errors=2\nnew-warnings=0\n')
    expect((await readFile(summaryFile, 'utf8')).startsWith('## lint-config diff: config/config\\_futures.yaml\n')).toBe(true)
  })
})
