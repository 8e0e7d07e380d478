// `lint-config chart [file]`: the sizing model as a picture (SVG, or a self-contained HTML page), with the file's findings marked.
import { Option, type Command } from 'commander'
import path from 'node:path'
import { UsageError } from '../engine/file-io.js'
import { lintText } from '../engine/lint-text.js'
import { reportPath } from '../text/report-path.js'
import { balanceArgument, botOption, collect, configOption, maxBytesOption, type CommandSpec } from './command.js'
import { readCommandConfig } from './read-config.js'

export const CHART_FORMATS = ['html', 'svg'] as const
export type ChartFormat = (typeof CHART_FORMATS)[number]

interface ChartFlags {
  balance?: number[]
  bot?: string
  format: ChartFormat
  linear?: boolean
  config?: string
  maxBytes?: number
}

function define(command: Command): void {
  command
    .argument('[file]', 'the config (default: config/config_futures.yaml)')
    .addOption(new Option('-f, --format <name>', 'html (one self-contained page) or svg').choices(CHART_FORMATS).default('html'))
    .option('--balance <usd>', 'a reference balance to mark, with the sizes there (repeatable; default: the settings file\'s balances)', collect(balanceArgument))
    .option('--linear', 'a linear balance axis from $0 (default: logarithmic)')
  botOption(command)
  configOption(command)
  maxBytesOption(command)
}

export const chartCommand: CommandSpec<ChartFlags> = {
  name: 'chart',
  description: 'draw position size against balance per symbol (profiles, binding caps, overrides, reference balances, findings) as HTML or SVG',
  define,
  async run(context, [file], flags) {
    const { io } = context
    // Off the lint path: the chart code loads only when this command runs.
    const { chartData, chartSizingOptions } = await import('../chart/chart-data.js')
    const { target, shown, text, parsed } = await readCommandConfig('chart', io.cwd, file, flags.maxBytes)
    const settings = await context.settings({ config: flags.config, balances: flags.balance, bot: flags.bot }).forDirectory(path.dirname(target))
    const title = reportPath(target, io.reportCwd ?? io.cwd)
    const { findings } = lintText(text, settings, { filePath: target, parsed })
    const { shared } = settings
    // The limits the size-cap rule checks: the limiter's only with its `limiter` option.
    const limiter = settings.rules['size-cap']?.options.limiter === true
    const chart = chartData(parsed.data, { title, balances: shared.balances, ...chartSizingOptions(settings), findings, limiter })
    if (!chart) throw new UsageError(`cannot chart "${shown}": it has no usable scalping.balance_profiles`)
    const scale = flags.linear ? 'linear' : 'log'
    if (flags.format === 'svg') {
      const { renderChartSvg } = await import('../chart/svg.js')
      io.stdout(renderChartSvg(chart, { scale }))
    } else {
      const { renderChartHtml } = await import('../chart/html.js')
      io.stdout(renderChartHtml(chart, { scale }))
    }
    return 0
  },
}
