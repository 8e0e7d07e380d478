// Mermaid xychart of size against balance: whole-output tests from hand-made points, the overlay of base and head, and the markdown report through the CLI.
import Fraction from 'fraction.js'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { markdown } from '../../src/formatters/markdown.js'
import { renderMermaidChart } from '../../src/formatters/mermaid-chart.js'
import { sizingTable } from '../../src/model/sizing-table.js'
import { parseConfig } from '../../src/engine/parse.js'
import type { SizingChart } from '../../src/types.js'
import { CONTINUITY_META, fileResult, formatContext } from '../helpers/format-context.js'
import { runCli } from '../helpers/run-cli.js'

const REPO = path.resolve(import.meta.dirname, '../..')
const F = (n: number): Fraction => new Fraction(n)

/** Two symbols; BTC jumps at $500; ETH has no size below $100 in this made-up chart. */
const CHART: SizingChart = {
  title: 'Designed per-symbol size against balance',
  balances: [
    { balance: F(100), side: 'at', reference: false },
    { balance: F(500), side: 'at', reference: false },
    { balance: F(500), side: 'above', reference: false },
    { balance: new Fraction(101800, 100), side: 'at', reference: true },
  ],
  series: [
    { name: 'BTC-USDT', symbol: 'BTC-USDT', sizes: [F(36), F(60), F(64.5), new Fraction(12216, 100)] },
    { name: 'ETH "x"', symbol: 'ETH "x"', sizes: [undefined, F(50), F(50), new Fraction(1, 3)] },
  ],
}

describe('renderMermaidChart', () => {
  it('writes an xychart-beta block: balances as categories, sizes to the cent, one named line per series, and a text legend', () => {
    expect(renderMermaidChart(CHART)).toBe(
      [
        '```mermaid',
        '---',
        'config:',
        '  xyChart:',
        '    width: 900',
        '    height: 420',
        '    showLegend: true',
        '  themeVariables:',
        '    xyChart:',
        '      plotColorPalette: "#0072B2, #D55E00"',
        '---',
        'xychart-beta',
        '  title "Designed per-symbol size against balance"',
        '  x-axis "Balance (USD)" ["$100", "$500", "$500+", "$1,018 (ref)"]',
        '  y-axis "Size (USD notional)" 0 --> 140',
        '  line "BTC-USDT" [36, 60, 64.5, 122.16]',
        `  line "ETH 'x'" [0, 50, 50, 0.33]`,
        '```',
        '',
        'Lines: BTC-USDT (blue), ETH "x" (vermillion). A balance with "+" is the size just above it, where the size jumps. ' +
          'Drawn as $0 where no profile defines a size: ETH "x".',
      ].join('\n'),
    )
  })

  it('gives base and head of a symbol one colour, the base a lighter shade of it', () => {
    const overlay: SizingChart = {
      title: 'unused here',
      balances: [{ balance: F(500), side: 'at', reference: false }],
      series: [
        { name: 'BTC-USDT (base)', symbol: 'BTC-USDT', version: 'base', sizes: [F(80)] },
        { name: 'BTC-USDT (head)', symbol: 'BTC-USDT', version: 'head', sizes: [F(60)] },
        { name: 'ETH-USDT (head)', symbol: 'ETH-USDT', version: 'head', sizes: [F(60)] },
      ],
    }
    const out = renderMermaidChart(overlay, { title: 'Before and after' })
    expect(out).toContain('      plotColorPalette: "#8cc0dc, #0072B2, #D55E00"\n')
    expect(out).toContain('  title "Before and after"\n')
    expect(out.endsWith('Lines: BTC-USDT (base) (light blue), BTC-USDT (head) (blue), ETH-USDT (head) (vermillion).')).toBe(true)
  })
})

describe('the markdown report draws the chart under the sizing tables', () => {
  it('from FileResult.sizingChart, after the tables, one heading level down', () => {
    const config = 'scalping:\n  symbols: [BTC-USDT]\n  balance_profiles:\n    small: { threshold: 1500.0, min_balance: 500.0, size_at_min: 50.0, size_at_max: 150.0, progressive: true }\n'
    const tables = [sizingTable(parseConfig(config).data, 1018)!]
    const out = markdown([fileResult('/repo/config.yaml', [], { sizingTables: tables, sizingChart: CHART })], formatContext([CONTINUITY_META]))
    expect(out.indexOf('#### Size against balance')).toBeGreaterThan(out.lastIndexOf('| Left after a 20% adverse move'))
    expect(out.endsWith(`|\n\n#### Size against balance\n\n${renderMermaidChart(CHART)}\n`)).toBe(true)
  })

  it('through the CLI, for the bundled example at $1,018', async () => {
    const run = await runCli(['--format', 'markdown', '--balance', '1018', 'fixtures/example/config_futures.yaml'], { cwd: REPO })
    expect(run.exitCode).toBe(1)
    const chart = run.stdout.slice(run.stdout.indexOf('#### Size against balance'))
    expect(chart.split('\n').filter((l) => /^ {2}(x-axis|y-axis|line) /.test(l))).toEqual([
      '  x-axis "Balance (USD)" ["$100", "$500", "$1,018 (ref)", "$1,500", "$3,000", "$10,000"]',
      '  y-axis "Size (USD notional)" 0 --> 400',
      '  line "BTC-USDT" [36, 60, 122.16, 180, 240, 360]',
      '  line "ETH-USDT" [30, 50, 101.8, 150, 200, 300]',
      '  line "SOL-USDT" [27, 45, 91.62, 135, 180, 270]',
      '  line "DOGE-USDT" [24, 40, 81.44, 120, 160, 240]',
      '  line "XRP-USDT" [24, 40, 81.44, 120, 160, 240]',
    ])
  })
})
