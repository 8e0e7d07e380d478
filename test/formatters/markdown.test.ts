// markdown formatter: whole-output tests of the job summary (totals, tables, escaping, sizing tables), and the CLI filling `sizingTables`.
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { markdown } from '../../src/formatters/markdown.js'
import { escapeMarkdown } from '../../src/text/escape-markdown.js'
import { NO_BALANCE_NOTE } from '../../src/text/no-balance-note.js'
import { renderSizingMarkdown } from '../../src/formatters/sizing-table.js'
import { parseConfig } from '../../src/engine/parse.js'
import { sizingTable } from '../../src/model/sizing-table.js'
import type { FormatContext, SuppressedFinding } from '../../src/types.js'
import { CONTINUITY_META, DOCS, fileResult, finding, formatContext, STALE_OVERRIDE_META, YAML_SYNTAX_META } from '../helpers/format-context.js'
import { NO_BALANCE_LINE } from '../helpers/no-balance-note.js'
import { runCli } from '../helpers/run-cli.js'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

const ctx = formatContext([CONTINUITY_META, STALE_OVERRIDE_META, YAML_SYNTAX_META])

function silenced(message: string): SuppressedFinding {
  return { ...finding('stale-override', 'warn', message, [9, 3]), justification: 'kept for the next deposit' }
}

/** A one-symbol config: its sizing table at $1,018 is what the markdown report nests under a file. */
const ONE_SYMBOL = `scalping:
  symbols: [BTC-USDT]
  leverage: 5
  balance_profiles:
    small: { threshold: 1500.0, min_balance: 500.0, size_at_min: 50.0, size_at_max: 150.0, progressive: true }
  adaptive_regime:
    symbol_profiles:
      BTC-USDT:
        position_multiplier: 1.2
        trending: { position: { base_position_usd: 42.0 } }
`
const TABLES = [sizingTable(parseConfig(ONE_SYMBOL).data, 1018)!]

describe('markdown formatter', () => {
  it('prints totals, clean files, a findings table per file and the sizing tables one level down', () => {
    const results = [
      fileResult('/repo/config/config_futures.yaml', [
        finding('profile-continuity', 'error', 'Gap between micro and small: $500.00 | $600.00', [14, 20], { fix: { range: [1, 2], text: '5' } }),
        finding('stale-override', 'warn', 'BTC-USDT trending override $42.00 is ignored at balance $1,018.00', [108, 32]),
      ], { sizingTables: TABLES }),
      fileResult('/repo/config/clean.yaml', []),
      fileResult('/repo/config/quiet.yaml', [], { suppressed: [silenced('a'), silenced('b')] }),
      fileResult('/repo/config/sized.yaml', [], { sizingTables: TABLES }),
      fileResult('<stdin>', [finding('yaml-syntax', 'error', 'YAML syntax error: All mapping items must start at the same column', [4, 2], { fatal: true })]),
      fileResult('/elsewhere/outside.yaml', [finding('profile-continuity', 'error', 'Outside.', [2, 1])]),
    ]
    const link = (id: string) => `[${id.replace(/_/g, '\\_')}](${DOCS}/${id}.md)`
    // The sizing tables one heading level down, under each file that has them.
    const sizing = renderSizingMarkdown(TABLES).replace(/^### /gm, '#### ').trimEnd().split('\n')
    expect(sizing.slice(0, 7)).toEqual([
      '#### Balance $1,018.00 — profile small (progressive)',
      '',
      'Base size $101.80.',
      '',
      '| Symbol | Multiplier | Size | Overrides |',
      '| --- | ---: | ---: | --- |',
      '| BTC-USDT | 1.2x | $122.16 | trending $42.00 ignored: deviates 65.6% (> 50%); live only for balances up to $700.00 |',
    ])
    expect(markdown(results, ctx)).toBe(
      [
        '## lint-config: 3 errors, 1 warning in 3 files',
        '',
        'Linted 6 files. 1 finding can be fixed with `lint-config --fix`.',
        '',
        '- ✔ config/clean.yaml: no problems',
        '- ✔ config/quiet.yaml: no problems (2 findings silenced by inline directives)',
        '',
        '### config/config\\_futures.yaml',
        '',
        '| Line | Column | Severity | Rule | Message |',
        '| ---: | ---: | --- | --- | --- |',
        `| 14 | 20 | error | ${link('profile-continuity')} | Gap between micro and small: $500.00 \\| $600.00 |`,
        `| 108 | 32 | warning | ${link('stale-override')} | BTC-USDT trending override $42.00 is ignored at balance $1,018.00 |`,
        '',
        ...sizing,
        '',
        '### config/sized.yaml',
        '',
        '✔ No problems.',
        '',
        ...sizing,
        '',
        '### &lt;stdin&gt;',
        '',
        '| Line | Column | Severity | Rule | Message |',
        '| ---: | ---: | --- | --- | --- |',
        `| 4 | 2 | error | ${link('yaml-syntax')} | YAML syntax error: All mapping items must start at the same column |`,
        '',
        'A fatal YAML problem stopped the other rules on this file.',
        '',
        '### /elsewhere/outside.yaml',
        '',
        '| Line | Column | Severity | Rule | Message |',
        '| ---: | ---: | --- | --- | --- |',
        `| 2 | 1 | error | ${link('profile-continuity')} | Outside. |`,
        '',
      ].join('\n'),
    )
  })

  it('escapes every character that could break a cell, a heading or the page, in messages, rule ids and paths', () => {
    const results = [
      fileResult('/repo/odd | `name` <b>&amp;\nnext_line*.yaml', [
        finding('weird|rule`<x>', 'error', 'a | b `code` <script>alert(1)</script> & [link](http://x) *em* _em_ ~del~ # \\| back\r\nline two\rline three\nend', [1, 1]),
      ]),
    ]
    const weirdCtx: FormatContext = { ...ctx, docsUrl: (id) => `https://example.test/docs (v2)/${id}|x<y>.md` }
    expect(markdown(results, weirdCtx)).toBe(
      [
        '## lint-config: 1 error in 1 file',
        '',
        'Linted 1 file.',
        '',
        '### odd \\| \\`name\\` &lt;b&gt;&amp;amp; next\\_line\\*.yaml',
        '',
        '| Line | Column | Severity | Rule | Message |',
        '| ---: | ---: | --- | --- | --- |',
        '| 1 | 1 | error | [weird\\|rule\\`&lt;x&gt;](https://example.test/docs%20%28v2%29/weird%7Crule%60%3Cx%3E%7Cx%3Cy%3E.md) | ' +
          'a \\| b \\`code\\` &lt;script&gt;alert(1)&lt;/script&gt; &amp; \\[link\\](http://x) \\*em\\* \\_em\\_ \\~del\\~ \\# \\\\\\| back' +
          '<br>line two<br>line three<br>end |',
        '',
      ].join('\n'),
    )
  })

  it('says so when there is nothing to report', () => {
    expect(markdown([], ctx)).toBe('## lint-config: no problems\n\nNo files were linted.\n')
    expect(markdown([fileResult('/repo/a.yaml', []), fileResult('/repo/b/c.yaml', [])], ctx)).toBe(
      '## lint-config: no problems\n\nLinted 2 files.\n\n- ✔ a.yaml: no problems\n- ✔ b/c.yaml: no problems\n',
    )
  })

  it('counts warnings alone, in singular and plural', () => {
    const one = markdown([fileResult('/repo/a.yaml', [finding('stale-override', 'warn', 'w', [1, 1])])], ctx)
    expect(one.split('\n')[0]).toBe('## lint-config: 1 warning in 1 file')
    const two = markdown(
      [fileResult('/repo/a.yaml', [finding('stale-override', 'warn', 'w', [1, 1])]), fileResult('/repo/b.yaml', [finding('stale-override', 'warn', 'w', [2, 1])])],
      ctx,
    )
    expect(two.split('\n')[0]).toBe('## lint-config: 2 warnings in 2 files')
  })
})

describe('escapeMarkdown', () => {
  it('turns HTML into text, backslash-escapes Markdown punctuation and keeps a cell on one line', () => {
    expect(escapeMarkdown('<a href="x">&</a>')).toBe('&lt;a href="x"&gt;&amp;&lt;/a&gt;')
    expect(escapeMarkdown('a|b')).toBe('a\\|b')
    expect(escapeMarkdown('\\|')).toBe('\\\\\\|')
    expect(escapeMarkdown('`x`')).toBe('\\`x\\`')
    expect(escapeMarkdown('one\ntwo\r\nthree')).toBe('one<br>two<br>three')
    expect(escapeMarkdown('one\ntwo', { breaks: 'space' })).toBe('one two')
    // Amounts stay readable: `$` followed by a digit never closes a math span.
    expect(escapeMarkdown('$1,018.00 (> 50%)')).toBe('$1,018.00 (&gt; 50%)')
  })
})

describe('markdown through the CLI', () => {
  const example = 'fixtures/example/config_futures.yaml'

  it('adds the sizing table of each reference balance to the file it belongs to', async () => {
    const run = await runCli(['--format', 'markdown', '--balance', '1018', '--balance', '3000', example, 'fixtures/valid/fixed-ladder.yaml'], { cwd: repo })
    expect(run.exitCode).toBe(1)
    const out = run.stdout
    expect(out.startsWith('## lint-config: 8 errors, 7 warnings in 1 file\n\nLinted 2 files.\n\n### fixtures/example/config\\_futures.yaml\n')).toBe(true)
    const sections = out.split(/^### /m)
    expect(sections).toHaveLength(3)
    expect(sections[1]).toContain('#### Balance $1,018.00 — profile small (progressive)')
    expect(sections[1]).toContain('#### Balance $3,000.00 — profile medium (progressive)')
    expect(sections[1]).toContain('| Total notional | $478.46 | 47.0% |')
    expect(sections[2]!.startsWith('fixtures/valid/fixed-ladder.yaml\n\n✔ No problems.\n\n#### Balance $1,018.00 — profile medium (fixed)')).toBe(true)
  })

  it('shows no sizing table without reference balances, nor for a file that does not parse', async () => {
    const plain = await runCli(['--format', 'markdown', example], { cwd: repo })
    expect(plain.exitCode).toBe(0)
    expect(plain.stderr).toBe(NO_BALANCE_LINE)
    // Without a balance, the example's findings are those that hold at every balance: BTC's trending cap and the keys the bot never reads.
    const warning = (line: number, column: number, rule: string, message: string) => `| ${line} | ${column} | warning | [${rule}](${DOCS}/${rule}.md) | ${message} |`
    expect(plain.stdout).toBe(
      [
        '## lint-config: 7 warnings in 1 file',
        '',
        'Linted 1 file.',
        '',
        `> **Note:** ${escapeMarkdown(NO_BALANCE_NOTE)}`,
        '',
        '### fixtures/example/config\\_futures.yaml',
        '',
        '| Line | Column | Severity | Rule | Message |',
        '| ---: | ---: | --- | --- | --- |',
        warning(110, 31, 'symbol-cap', "BTC-USDT trending max\\_position\\_usd $65.00 fixes the traded size at $65.00 at every balance that selects medium and large (above $1,500.00 up to $3,000.00 and above $3,000.00): the ladder and the multipliers change nothing there"),
        warning(136, 3, 'dead-key', "risk.max\\_position\\_size\\_percent is never read by the bot (the variant-b code): no futures code reads it (the bot only checks that it lies in 0.1..100 when it loads)"),
        warning(138, 3, 'dead-key', "risk.risk\\_per\\_trade\\_percent is never read by the bot (the variant-b code): the sizing takes the risk per trade from max\\_loss\\_per\\_trade\\_percent; this key is read only on the legacy signal path, which scalping.use\\_legacy\\_signal\\_processing leaves off"),
        warning(140, 3, 'dead-key', "risk.base is never read by the bot (the variant-b code): the bot's settings model drops it before 1e7224d (2025-11-12): strength multipliers and margin limits are fixed in the code"),
        warning(147, 5, 'dead-key', "futures\\_modules.max\\_size\\_limiter.max\\_single\\_size\\_usd is never read by the bot (the variant-b code): the limiter starts from values fixed in the code, and every sizing call overwrites them with the max\\_position\\_usd in force"),
        warning(148, 5, 'dead-key', "futures\\_modules.max\\_size\\_limiter.max\\_total\\_size\\_usd is never read by the bot (the variant-b code): the limiter starts from values fixed in the code, and every sizing call overwrites them with the max\\_position\\_usd in force"),
        warning(149, 5, 'dead-key', "futures\\_modules.max\\_size\\_limiter.max\\_positions is never read by the bot (the variant-b code): the limiter starts from values fixed in the code, and every sizing call overwrites them with the max\\_position\\_usd in force"),
        '',
      ].join('\n'),
    )
    const broken = await runCli(['--format', 'markdown', '--balance', '1018', 'fixtures/invalid/bad-indentation.yaml'], { cwd: repo })
    expect(broken.exitCode).toBe(1)
    expect(broken.stdout).not.toContain('Balance')
    expect(broken.stdout).toContain('A fatal YAML problem stopped the other rules on this file.')
  })

  it('leaves the other formats unchanged when a markdown report goes to a file', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'lint-config-md-'))
    try {
      const report = path.join(dir, 'summary.md')
      const alone = await runCli(['--format', 'json', '--balance', '1018', example], { cwd: repo })
      const withMarkdown = await runCli(['--format', 'json', '--format', 'markdown', '--output', report, '--balance', '1018', example], { cwd: repo })
      expect(withMarkdown.stdout).toBe(alone.stdout)
      expect(await readFile(report, 'utf8')).toContain('#### Balance $1,018.00 — profile small (progressive)')
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
