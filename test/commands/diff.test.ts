// `lint-config diff`, run in-process: exact output for the committed fixture versions, line shifts, base == head, --base with git, bad input.
import { DOMParser, type Element } from '@xmldom/xmldom'
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { findingKey, matchFindings, messageNumbers } from '../../src/commands/diff/findings.js'
import type { Finding } from '../../src/types.js'
import { runCli } from '../helpers/run-cli.js'
import { skipAllUnless, skipUnless } from '../helpers/skip.js'
import { workspaces } from '../helpers/workspace.js'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const BEFORE = 'fixtures/diff/before/config_futures.yaml'
const AFTER = 'fixtures/diff/after/config_futures.yaml'
const before = readFileSync(path.join(repo, BEFORE), 'utf8')
const after = readFileSync(path.join(repo, AFTER), 'utf8')
const DOCS = 'https://github.com/lint-config/lint-config/blob/main/docs/rules'

const workspace = workspaces('lint-config-diff-')
const usage = (line: string) => ({ exitCode: 2, stdout: '', stderr: `lint-config: ${line}\n` })

const STALE_BTC_AFTER =
  'BTC-USDT trending override $42.00 is ignored at balance $1,018.00: per-symbol size $142.88 deviates 70.6% (> 50%); it is live only for balances up to $650.00'
const STALE_SOL_AFTER =
  'SOL-USDT ranging override $50.00 is ignored at balance $1,018.00: per-symbol size $107.16 deviates 53.3% (> 50%); it is live only for balances from $240.74 to $958.33'
const STALE_BTC_BEFORE =
  'BTC-USDT trending override $42.00 is ignored at balance $1,018.00: per-symbol size $101.44 deviates 58.6% (> 50%); it is live only for balances up to $800.00'

/** The worked example of docs/diff.md: large's size_at_max raised, SOL-USDT's override made stale at $1,018, XRP-USDT added. */
const EXAMPLE_TEXT = `lint-config diff: ${BEFORE} -> ${AFTER}

Profiles
  large: size_at_max 150 -> 250
    base size above $500.00: $50.00 -> $50.00 just above $500.00, $150.00 -> $250.00 as the balance grows; largest change +66.7% at $2,000.00

Per-symbol sizes
  BTC-USDT
    above $500.00: $60.00 -> $60.00 just above $500.00, $180.00 -> $300.00 as the balance grows; largest change +66.7% at $2,000.00
    at $1,018.00: $101.44 -> $142.88 (+40.9%)
  ETH-USDT
    above $500.00: $50.00 -> $50.00 just above $500.00, $150.00 -> $250.00 as the balance grows; largest change +66.7% at $2,000.00
    at $1,018.00: $84.53 -> $119.07 (+40.9%)
  SOL-USDT
    above $500.00: $45.00 -> $45.00 just above $500.00, $135.00 -> $225.00 as the balance grows; largest change +66.7% at $2,000.00
    at $1,018.00: $76.08 -> $107.16 (+40.9%)
  XRP-USDT: traded from now on
    at $1,018.00: none -> $95.25

Overrides
  BTC-USDT trending $42.00: live balances changed
    live before: up to $800.00; now: up to $650.00
  ETH-USDT trending $90.00: live balances changed
    live before: from $650.00; now: from $575.00 to $1,475.00
  SOL-USDT ranging $50.00: became stale at $1,018.00
    live before: from $240.74 to $1,416.67; now: from $240.74 to $958.33

Exposure with every position open
  at $1,018.00: positions 3 -> 4; notional $262.05 (25.7%) -> $464.36 (45.6%); margin $52.41 (5.1%) -> $92.87 (9.1%); reserve $965.59 (94.9%) -> $925.13 (90.9%)

Findings
  + 36:32  error  ${STALE_BTC_AFTER}  stale-override
  + 46:32  error  ${STALE_SOL_AFTER}  stale-override
  - 34:32  error  ${STALE_BTC_BEFORE}  stale-override

2 errors and 0 warnings added, 1 finding fixed
`

/**
 * The markdown diff's chart: base and head lines of each symbol at the key balances of both versions, the base a lighter
 * shade of its head's colour (the designed sizes of the tables above: $101.44 -> $142.88 for BTC-USDT at $1,018).
 */
const MERMAID_OVERLAY = [
  '```mermaid',
  '---',
  'config:',
  '  xyChart:',
  '    width: 900',
  '    height: 420',
  '    showLegend: true',
  '  themeVariables:',
  '    xyChart:',
  '      plotColorPalette: "#8cc0dc, #0072B2, #ecb78c, #D55E00, #8cd3c0, #009E73, #CC79A7"',
  '---',
  'xychart-beta',
  '  title "Designed per-symbol size against balance: base and head"',
  '  x-axis "Balance (USD)" ["$100", "$500", "$1,018 (ref)", "$2,000"]',
  '  y-axis "Size (USD notional)" 0 --> 350',
  '  line "BTC-USDT (base)" [36, 60, 101.44, 180]',
  '  line "BTC-USDT (head)" [36, 60, 142.88, 300]',
  '  line "ETH-USDT (base)" [30, 50, 84.53, 150]',
  '  line "ETH-USDT (head)" [30, 50, 119.07, 250]',
  '  line "SOL-USDT (base)" [27, 45, 76.08, 135]',
  '  line "SOL-USDT (head)" [27, 45, 107.16, 225]',
  '  line "XRP-USDT (head)" [24, 40, 95.25, 200]',
  '```',
  '',
  'Lines: BTC-USDT (base) (light blue), BTC-USDT (head) (blue), ETH-USDT (base) (light vermillion), ETH-USDT (head) (vermillion), ' +
    'SOL-USDT (base) (light green), SOL-USDT (head) (green), XRP-USDT (head) (pink).',
]

/** The inline SVG of an HTML page, parsed as strict XML. */
function pageSvg(page: string): Element {
  const svg = page.slice(page.indexOf('<svg'), page.indexOf('</svg>') + '</svg>'.length)
  const doc = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(`not well-formed XML: ${message}`)
    },
  }).parseFromString(svg, 'image/svg+xml')
  return doc.documentElement as unknown as Element
}
const seriesOf = (svg: Element, cls: string): (string | null)[] =>
  (Array.from(svg.getElementsByTagName('g')) as unknown as Element[])
    .filter((g) => g.getAttribute('class') === cls)
    .map((g) => g.getAttribute('data-symbol'))
/** `text` as it stands inside HTML. */
const html = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

describe('diff of the two fixture versions (docs/diff.md)', () => {
  it('text: the raised size_at_max, the override it made stale, the added symbol, exposure and findings; exit 1 for the added errors', async () => {
    expect(await runCli(['diff', '--balance', '1018', BEFORE, AFTER], { cwd: repo })).toEqual({ exitCode: 1, stdout: EXAMPLE_TEXT, stderr: '' })
  })

  it('markdown: the same in tables, with the findings linked to their rule pages', async () => {
    const r = await runCli(['diff', '--balance', '1018', '--format', 'markdown', BEFORE, AFTER], { cwd: repo })
    expect(r.exitCode).toBe(1)
    const change = (a: string, b: string, c: string, d: string) =>
      `above $500.00: ${a} → ${b} just above $500.00, ${c} → ${d} as the balance grows; largest change +66.7% at $2,000.00`
    expect(r.stdout).toBe(
      [
        '## lint-config diff: fixtures/diff/after/config\\_futures.yaml',
        '',
        'Against fixtures/diff/before/config\\_futures.yaml: 2 errors and 0 warnings added, 1 finding fixed.',
        '',
        '### Profiles',
        '',
        '| Profile | Fields | Base size |',
        '| --- | --- | --- |',
        `| large | size\\_at\\_max 150 → 250 | ${change('$50.00', '$50.00', '$150.00', '$250.00')} |`,
        '',
        '### Per-symbol sizes',
        '',
        '| Symbol | Where the size changed | At $1,018.00 |',
        '| --- | --- | ---: |',
        `| BTC-USDT | ${change('$60.00', '$60.00', '$180.00', '$300.00')} | $101.44 → $142.88 (+40.9%) |`,
        `| ETH-USDT | ${change('$50.00', '$50.00', '$150.00', '$250.00')} | $84.53 → $119.07 (+40.9%) |`,
        `| SOL-USDT | ${change('$45.00', '$45.00', '$135.00', '$225.00')} | $76.08 → $107.16 (+40.9%) |`,
        '| XRP-USDT | traded from now on | none → $95.25 |',
        '',
        '### Size against balance',
        '',
        ...MERMAID_OVERLAY,
        '',
        '### Overrides',
        '',
        '| Override | Change | Live before | Live after |',
        '| --- | --- | --- | --- |',
        '| BTC-USDT trending $42.00 | live balances changed | up to $800.00 | up to $650.00 |',
        '| ETH-USDT trending $90.00 | live balances changed | from $650.00 | from $575.00 to $1,475.00 |',
        '| SOL-USDT ranging $50.00 | became stale at $1,018.00 | from $240.74 to $1,416.67 | from $240.74 to $958.33 |',
        '',
        '### Exposure with every position open',
        '',
        '| Balance | Positions | Notional | Margin | Reserve |',
        '| ---: | ---: | ---: | ---: | ---: |',
        '| $1,018.00 | 3 → 4 | $262.05 (25.7%) → $464.36 (45.6%) | $52.41 (5.1%) → $92.87 (9.1%) | $965.59 (94.9%) → $925.13 (90.9%) |',
        '',
        '### Findings',
        '',
        '| | Line | Severity | Rule | Message |',
        '| --- | ---: | --- | --- | --- |',
        `| added | 36:32 | error | [stale-override](${DOCS}/stale-override.md) | ${STALE_BTC_AFTER.replace('>', '&gt;')} |`,
        `| added | 46:32 | error | [stale-override](${DOCS}/stale-override.md) | ${STALE_SOL_AFTER.replace('>', '&gt;')} |`,
        `| fixed | 34:32 | error | [stale-override](${DOCS}/stale-override.md) | ${STALE_BTC_BEFORE.replace('>', '&gt;')} |`,
        '',
      ].join('\n'),
    )
  })

  it('html: base and head curves on one self-contained chart, then the text diff; exit 1 for the added errors', async () => {
    const r = await runCli(['diff', '--balance', '1018', '--format', 'html', BEFORE, AFTER], { cwd: repo })
    expect([r.exitCode, r.stderr]).toEqual([1, ''])
    expect(r.stdout).toContain(`<h1>Sizing change: ${BEFORE} to ${AFTER}</h1>`)
    expect(r.stdout.endsWith(`<h2>Changes</h2>\n<pre>${html(EXAMPLE_TEXT)}</pre>\n</body>\n</html>\n`)).toBe(true)
    expect(r.stdout).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/)
    const svg = pageSvg(r.stdout)
    expect(seriesOf(svg, 'lc-series lc-base')).toEqual(['BTC-USDT', 'ETH-USDT', 'SOL-USDT'])
    expect(seriesOf(svg, 'lc-series')).toEqual(['BTC-USDT', 'ETH-USDT', 'SOL-USDT', 'XRP-USDT'])
    expect(svg.toString()).toContain('data-scale="log"')
    const linear = await runCli(['diff', '--balance', '1018', '--format', 'html', '--linear', BEFORE, AFTER], { cwd: repo })
    expect(pageSvg(linear.stdout).toString()).toContain('data-scale="linear"')
  })

  it('html with one side that does not parse: the other side alone, and the text diff says the sizing was not compared', async () => {
    const cwd = workspace({ 'a.yaml': before, 'b.yaml': 'scalping:\n  leverage: [5\n' })
    const r = await runCli(['diff', '--balance', '1018', '--format', 'html', 'a.yaml', 'b.yaml'], { cwd })
    expect([r.exitCode, r.stderr]).toEqual([1, ''])
    expect(r.stdout).toContain('<h1>Sizing of a.yaml</h1>')
    expect(r.stdout).toContain('<h2>Changes</h2>\n<pre>lint-config diff: a.yaml -&gt; b.yaml\n\nSizing not compared: the head does not parse.\n')
    expect(seriesOf(pageSvg(r.stdout), 'lc-series lc-base')).toEqual([])
    expect(seriesOf(pageSvg(r.stdout), 'lc-series')).toEqual(['BTC-USDT', 'ETH-USDT', 'SOL-USDT'])
    // The same broken file on both sides: nothing added, so exit 0, and nothing to draw.
    const none = await runCli(['diff', '--format', 'html', 'b.yaml', 'b.yaml'], { cwd })
    expect(none.exitCode).toBe(0)
    expect(none.stdout).toContain('<p>No chart: neither version has a usable scalping.balance_profiles.</p>')
    expect(none.stdout).not.toContain('<svg')
  })

  it('json: stable keys, exact and rounded amounts, the findings as ESLint messages', async () => {
    const r = await runCli(['diff', '--balance', '1018', '--format', 'json', BEFORE, AFTER], { cwd: repo })
    expect(r.exitCode).toBe(1)
    const d = JSON.parse(r.stdout) as Record<string, any>
    expect(Object.keys(d)).toEqual(['version', 'base', 'head', 'balances', 'sizingSkipped', 'profiles', 'symbols', 'overrides', 'exposure', 'findings'])
    expect(d.version).toBe(1)
    expect(d.base).toEqual({ name: BEFORE, rev: null, absent: false })
    expect(d.balances).toEqual([{ usd: 1018, exact: '1018' }])
    expect(d.profiles).toEqual([
      {
        name: 'large',
        change: 'changed',
        path: '/scalping/balance_profiles/large',
        modeBefore: 'progressive',
        modeAfter: 'progressive',
        fields: [{ field: 'size_at_max', before: 150, after: 250 }],
        baseSize: [
          {
            from: { usd: 500, exact: '500' },
            fromInclusive: false,
            to: null,
            toInclusive: false,
            text: 'above $500.00',
            start: { before: { usd: 50, exact: '50' }, after: { usd: 50, exact: '50' } },
            end: { before: { usd: 150, exact: '150' }, after: { usd: 250, exact: '250' } },
            largestChange: { percent: 66.7, exact: '2/3', unbounded: null, at: { usd: 2000, exact: '2000' }, attained: true, side: null },
          },
        ],
      },
    ])
    expect(d.symbols.map((s: any) => [s.symbol, s.change, s.intervals.length, s.atBalances[0]])).toEqual([
      ['BTC-USDT', 'changed', 1, { balance: { usd: 1018, exact: '1018' }, before: { usd: 101.44, exact: '101.44' }, after: { usd: 142.88, exact: '142.88' }, changePercent: 40.9 }],
      ['ETH-USDT', 'changed', 1, { balance: { usd: 1018, exact: '1018' }, before: { usd: 84.53, exact: '1268/15' }, after: { usd: 119.07, exact: '1786/15' }, changePercent: 40.9 }],
      ['SOL-USDT', 'changed', 1, { balance: { usd: 1018, exact: '1018' }, before: { usd: 76.08, exact: '76.08' }, after: { usd: 107.16, exact: '107.16' }, changePercent: 40.9 }],
      ['XRP-USDT', 'added', 1, { balance: { usd: 1018, exact: '1018' }, before: null, after: { usd: 95.25, exact: '7144/75' }, changePercent: null }],
    ])
    expect(d.overrides[2]).toEqual({
      symbol: 'SOL-USDT',
      regime: 'ranging',
      change: 'became-stale',
      text: 'became stale at $1,018.00',
      before: {
        value: { usd: 50, exact: '50' },
        path: '/scalping/adaptive_regime/symbol_profiles/SOL-USDT/ranging/position/base_position_usd',
        live: [{ from: { usd: 240.74, exact: '6500/27' }, fromInclusive: true, to: { usd: 1416.67, exact: '4250/3' }, toInclusive: true, text: 'from $240.74 to $1,416.67' }],
      },
      after: {
        value: { usd: 50, exact: '50' },
        path: '/scalping/adaptive_regime/symbol_profiles/SOL-USDT/ranging/position/base_position_usd',
        live: [{ from: { usd: 240.74, exact: '6500/27' }, fromInclusive: true, to: { usd: 958.33, exact: '2875/3' }, toInclusive: true, text: 'from $240.74 to $958.33' }],
      },
      atBalances: [{ balance: { usd: 1018, exact: '1018' }, liveBefore: true, liveAfter: false }],
    })
    expect(d.exposure[0].before.positions).toBe(3)
    expect(d.exposure[0].after).toEqual({
      positions: 4,
      leverage: '5',
      notional: { usd: 464.36, exact: '464.36' },
      notionalPercent: 45.6,
      margin: { usd: 92.87, exact: '92.872' },
      marginPercent: 9.1,
      reserve: { usd: 925.13, exact: '925.128' },
      reservePercent: 90.9,
    })
    expect(d.findings.added.map((f: any) => [f.ruleId, f.severity, f.line, f.column, f.message])).toEqual([
      ['stale-override', 2, 36, 32, STALE_BTC_AFTER],
      ['stale-override', 2, 46, 32, STALE_SOL_AFTER],
    ])
    expect(d.findings.fixed.map((f: any) => [f.line, f.message])).toEqual([[34, STALE_BTC_BEFORE]])
    expect([d.findings.addedErrorCount, d.findings.addedWarningCount, d.findings.fixedErrorCount, d.findings.fixedWarningCount]).toEqual([2, 0, 1, 0])
  })

  it('the settings file\'s balances apply when --balance is not given; without any, sizes are compared by interval only', async () => {
    const cwd = workspace({ 'a.yaml': before, 'b/config_futures.yaml': after, 'b/.lint-config.yaml': 'balances: [1018]\n' })
    const withSettings = await runCli(['diff', 'a.yaml', 'b/config_futures.yaml'], { cwd })
    expect(withSettings.stdout).toBe(EXAMPLE_TEXT.replace(`${BEFORE} -> ${AFTER}`, 'a.yaml -> b/config_futures.yaml'))
    const none = await runCli(['diff', '--format', 'json', BEFORE, AFTER], { cwd: repo })
    const d = JSON.parse(none.stdout)
    expect([d.balances, d.symbols[0].atBalances, d.exposure, d.findings.added]).toEqual([[], [], [], []])
    expect(none.exitCode).toBe(0)
  })
})

describe('what the diff leaves out', () => {
  it('an edit that only shifts lines (comments above every finding) reports no new and no fixed finding, and nothing at all', async () => {
    const shifted = `# a new first line\n# and a second\n${before.replace('  adaptive_regime:\n', '  adaptive_regime:\n    # a comment above the overrides\n\n')}`
    const cwd = workspace({ 'before.yaml': before, 'shifted.yaml': shifted })
    expect(await runCli(['diff', '--balance', '1018', 'before.yaml', 'shifted.yaml'], { cwd })).toEqual({ exitCode: 0, stdout: '', stderr: '' })
    const json = await runCli(['diff', '--balance', '1018', '--format', 'json', 'before.yaml', 'shifted.yaml'], { cwd })
    const d = JSON.parse(json.stdout)
    expect([d.findings.added, d.findings.fixed, d.profiles, d.symbols, d.overrides, d.exposure]).toEqual([[], [], [], [], [], []])
    // The stale BTC-USDT override is still there, four lines further down.
    const lint = await runCli(['--balance', '1018', '--format', 'json', 'shifted.yaml'], { cwd })
    expect(JSON.parse(lint.stdout)[0].messages.map((m: any) => m.line)).toEqual([38])
  })

  it('base == head reports nothing and exits 0, in every format', async () => {
    for (const format of ['text', 'markdown']) {
      expect(await runCli(['diff', '--balance', '1018', '--format', format, AFTER, AFTER], { cwd: repo })).toEqual({ exitCode: 0, stdout: '', stderr: '' })
    }
    const json = await runCli(['diff', '--balance', '1018', '--format', 'json', AFTER, AFTER], { cwd: repo })
    expect(json.exitCode).toBe(0)
    const d = JSON.parse(json.stdout)
    expect([d.profiles, d.symbols, d.overrides, d.exposure, d.findings.added, d.findings.fixed, d.findings.silenced]).toEqual([[], [], [], [], [], [], []])
  })
})

describe('findings are matched by rule, path and message numbers', () => {
  const finding = (message: string, line: number, extra: Partial<Finding> = {}): Finding => ({
    ruleId: 'yaml-syntax',
    messageId: 'duplicateKey',
    message,
    severity: 'error',
    path: '/scalping/leverage',
    range: { start: { line, column: 3, offset: line * 10 }, end: { line, column: 9, offset: line * 10 + 6 } },
    ...extra,
  })

  it('reads the numbers of a message, without the line and column references some messages carry', () => {
    expect(messageNumbers('Duplicate key "leverage" (first defined at line 12): this value is silently replaced by the one at line 40')).toEqual([])
    expect(messageNumbers('override $1,042.50 is ignored at balance $1,018.00: deviates 65.6% (> 50%) at 5x')).toEqual(['1042.50', '1018.00', '65.6', '50', '5'])
    expect(findingKey(finding('first defined at line 3', 5))).toBe(findingKey(finding('first defined at line 9', 11)))
    expect(findingKey(finding('size $10.00', 5))).not.toBe(findingKey(finding('size $10.01', 5)))
    expect(findingKey(finding('x', 5))).not.toBe(findingKey(finding('x', 5, { path: '/scalping/symbols' })))
    expect(findingKey(finding('x', 5))).not.toBe(findingKey(finding('x', 5, { messageId: 'duplicateKeyOverridden' })))
  })

  it('matches as multisets: a third copy of a finding the base has twice is one added finding', () => {
    const base = [finding('a', 1), finding('a', 2)]
    const head = [finding('a', 4), finding('a', 5), finding('a', 6), finding('b', 7)]
    expect(matchFindings(base, head)).toEqual({ added: [head[2], head[3]], fixed: [] })
    expect(matchFindings(head, base)).toEqual({ added: [], fixed: [head[2], head[3]] })
  })

  it('a base finding the head silences with an inline directive is listed as silenced, not fixed', async () => {
    const silenced = after.replace('      SOL-USDT:\n', '      SOL-USDT:\n').replace(
      '            base_position_usd: 42.0   # left over from fixed sizing\n',
      '            # lint-config-disable-next-line stale-override -- kept for the $500 sub-account\n            base_position_usd: 42.0   # left over from fixed sizing\n',
    )
    const cwd = workspace({ 'a.yaml': after, 'b.yaml': silenced })
    const r = await runCli(['diff', '--balance', '1018', 'a.yaml', 'b.yaml'], { cwd })
    expect(r.stdout).toBe(
      ['lint-config diff: a.yaml -> b.yaml', '', 'Findings', `  ~ 37:32  error  ${STALE_BTC_AFTER}  stale-override`, '', '0 errors and 0 warnings added, 0 findings fixed, 1 finding silenced by inline directives', ''].join(
        '\n',
      ),
    )
    expect(r.exitCode).toBe(0)
  })
})

const gitInstalled = spawnSync('git', ['--version']).status === 0

/** A throw-away repository with the two fixture versions as two commits of config/config_futures.yaml. */
function twoCommitRepo(): string {
  const dir = workspace({ 'config/config_futures.yaml': before })
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: dir }
  for (const key of Object.keys(env)) if (key.startsWith('GIT_') && key !== 'GIT_CONFIG_NOSYSTEM') delete env[key]
  const git = (...args: string[]) => {
    const r = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, env, encoding: 'utf8' })
    if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`)
    return r.stdout.trim()
  }
  git('init', '-q', '-b', 'main')
  git('add', '.')
  git('commit', '-q', '-m', 'before')
  writeFileSync(path.join(dir, 'config/config_futures.yaml'), after)
  git('commit', '-q', '-am', 'after')
  return dir
}

describe('diff --base <rev> <file> (git show REV:PATH)', () => {
  skipAllUnless(gitInstalled, 'git is not installed (apt-get install git); --base reads the revision with git show')
  it('compares the file with its committed version: the same diff as the two files', async () => {
    const cwd = twoCommitRepo()
    const r = await runCli(['diff', '--balance', '1018', '--base', 'HEAD~1', 'config/config_futures.yaml'], { cwd })
    expect(r).toEqual({
      exitCode: 1,
      stdout: EXAMPLE_TEXT.replace(`${BEFORE} -> ${AFTER}`, 'HEAD~1:config/config_futures.yaml -> config/config_futures.yaml'),
      stderr: '',
    })
    // From a subdirectory, the path is relative to it, as `git show REV:./PATH` reads it.
    const sub = await runCli(['diff', '--balance', '1018', '--base', 'HEAD~1', 'config_futures.yaml'], { cwd: path.join(cwd, 'config') })
    expect(sub.stdout.split('\n')[0]).toBe('lint-config diff: HEAD~1:config_futures.yaml -> config_futures.yaml')
    expect(sub.exitCode).toBe(1)
    // Against HEAD the working tree has no change.
    expect(await runCli(['diff', '--balance', '1018', '--base', 'HEAD', 'config/config_futures.yaml'], { cwd })).toEqual({ exitCode: 0, stdout: '', stderr: '' })
  })

  it('an unknown revision, a path the revision lacks, or an option look-alike: one line, exit 2', async () => {
    const cwd = twoCommitRepo()
    writeFileSync(path.join(cwd, 'config/new.yaml'), after)
    expect(await runCli(['diff', '--base', 'nosuchrev', 'config/config_futures.yaml'], { cwd })).toEqual(usage('unknown revision "nosuchrev": not a commit in this repository'))
    expect(await runCli(['diff', '--base', '--output=x', 'config/config_futures.yaml'], { cwd })).toEqual(usage('unknown revision "--output=x": not a commit in this repository'))
    expect(await runCli(['diff', '--base', 'HEAD', 'config/new.yaml'], { cwd })).toEqual(usage('cannot read "config/new.yaml" at HEAD: the file does not exist in that revision'))
  })

  it('outside a git work tree: one line, exit 2', async (ctx) => {
    const cwd = workspace({ 'config_futures.yaml': after })
    // A repository above the temporary directory would make it a work tree; say why the test cannot run then.
    const above = spawnSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd, encoding: 'utf8' }).stdout.trim() === 'true'
    skipUnless(ctx, !above, `${tmpdir()} is inside a git work tree, so no directory below it is outside one`)
    expect(await runCli(['diff', '--base', 'HEAD', 'config_futures.yaml'], { cwd })).toEqual(usage('cannot read "config_futures.yaml" at HEAD: it is not inside a git work tree'))
  })
})

describe('bad input', () => {
  it('a wrong number of configs, or a missing one: one line, exit 2', async () => {
    expect(await runCli(['diff', BEFORE], { cwd: repo })).toEqual(usage('diff takes two configs (base and head), or --base <rev> and one config; got 1'))
    expect(await runCli(['diff', '--base', 'HEAD', BEFORE, AFTER], { cwd: repo })).toEqual(
      usage('diff --base HEAD takes one config (the head, compared with its version at HEAD), got 2'),
    )
    expect(await runCli(['diff', BEFORE, 'nope.yaml'], { cwd: repo })).toEqual(usage('cannot read "nope.yaml": no such file or directory'))
    expect(await runCli(['diff', '--format', 'sarif', BEFORE, AFTER], { cwd: repo })).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: "lint-config diff: option '-f, --format <name>' argument 'sarif' is invalid. Allowed choices are text, markdown, json, html.\n",
    })
  })

  it('a head that does not parse: its syntax error is an added finding and the sizing is not compared (exit 1, no stack trace)', async () => {
    const cwd = workspace({ 'a.yaml': before, 'b.yaml': 'scalping:\n  leverage: [5\n' })
    const r = await runCli(['diff', '--balance', '1018', 'a.yaml', 'b.yaml'], { cwd })
    expect(r.exitCode).toBe(1)
    expect(r.stderr).toBe('')
    const lines = r.stdout.split('\n')
    expect(lines.slice(0, 5)).toEqual(['lint-config diff: a.yaml -> b.yaml', '', 'Sizing not compared: the head does not parse.', '', 'Findings'])
    expect(lines[5]).toMatch(/^ {2}\+ 3:1 {2}error {2}YAML syntax error: .* {2}yaml-syntax$/)
    expect(lines.at(-2)).toBe('1 error and 0 warnings added, 1 finding fixed')
  })

  it('bytes that are not UTF-8 on one side: an encoding finding, never a crash', async () => {
    const cwd = workspace({ 'a.yaml': before })
    writeFileSync(path.join(cwd, 'b.yaml'), Buffer.from([0x73, 0x3a, 0x20, 0xff, 0x0a]))
    const r = await runCli(['diff', '--format', 'json', 'a.yaml', 'b.yaml'], { cwd })
    expect(r.exitCode).toBe(1)
    const d = JSON.parse(r.stdout)
    expect(d.sizingSkipped).toBe('the head does not parse')
    expect(d.findings.added.map((f: any) => [f.ruleId, f.messageId])).toEqual([['yaml-syntax', 'invalidEncoding']])
  })
})

describe('docs/diff.md', () => {
  it("shows the worked example's real output and the real change between the two fixture versions", async () => {
    const doc = readFileSync(path.join(repo, 'docs/diff.md'), 'utf8')
    const block = (lang: string, after: string): string => {
      const start = doc.indexOf(`\`\`\`${lang}\n${after}`)
      expect(start, `a ${lang} block starting with ${after}`).toBeGreaterThan(-1)
      return doc.slice(start + lang.length + 4, doc.indexOf('```\n', start + 3))
    }
    const command = `$ npx lint-config diff --balance 1018 ${BEFORE} ${AFTER}\n`
    expect(block('text', command)).toBe(`${command}${EXAMPLE_TEXT}`)
    const fixtureDiff = spawnSync('diff', [BEFORE, AFTER], { cwd: repo, encoding: 'utf8' }).stdout
    expect(block('diff', '1c1\n')).toBe(fixtureDiff)
  })
})

describe('live sets follow the bot era, as stale-override judges', () => {
  const cfg = (override: string) => `scalping:
  symbols: ["BTC-USDT"]
  leverage: 5
  sl_percent: 1.2
  balance_profiles:
    only: { threshold: 999999.0, base_position_usd: 100.0, min_position_usd: 10.0, max_position_usd: 500.0, max_open_positions: 2 }
  adaptive_regime:
    symbol_profiles:
      BTC-USDT:
        trending:
          position:
            base_position_usd: ${override}
`
  const liveOf = async (bot: string): Promise<unknown> => {
    const cwd = workspace({ 'before.yaml': cfg('80.0'), 'after.yaml': cfg('90.0'), '.lint-config.yaml': `bot: ${bot}\n` })
    const run = await runCli(['diff', '--format', 'json', 'before.yaml', 'after.yaml'], { cwd })
    const [o] = JSON.parse(run.stdout).overrides
    return [o.change, o.before.live, o.after.live]
  }

  it('variant-b: an override within 50% either side of the size is live at every balance; risk-manager: one below the size never is', async () => {
    const everywhere = [{ from: { usd: 0, exact: '0' }, fromInclusive: true, to: null, toInclusive: false, text: 'at any balance' }]
    expect(await liveOf('variant-b')).toEqual(['changed', everywhere, everywhere])
    expect(await liveOf('risk-manager')).toEqual(['changed', [], []])
  })
})
