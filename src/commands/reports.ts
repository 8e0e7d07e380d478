// What the CLI and the Action share to produce reports: the formatter context, and the sizing tables (data) of the markdown report.
import type { SizingCharts, SizingTables } from '../engine/lint-files.js'
import { ruleDocsUrl } from '../rules/docs-url.js'
import { rules } from '../rules/index.js'
import { NO_BALANCE_NOTE } from '../text/no-balance-note.js'
import type { FileResult, FormatContext, RuleMeta } from '../types.js'

/** The note of a run where some file lacked a reference balance (NO_BALANCE_NOTE); undefined otherwise. */
export function noBalanceNote(results: readonly FileResult[]): string | undefined {
  return results.some((r) => r.noReferenceBalance) ? NO_BALANCE_NOTE : undefined
}

/** The context every formatter gets: paths relative to `cwd`, colour or not, every rule's meta and docs URL. */
export function formatContext(cwd: string, color: boolean, version?: string): FormatContext {
  const metas = Object.fromEntries(Object.entries(rules).map(([id, rule]) => [id, rule.meta as RuleMeta]))
  return { cwd, color, rules: metas, docsUrl: ruleDocsUrl, version }
}

/**
 * The sizing tables a markdown report shows for one file: one per reference balance that selects a profile. Loaded
 * only when a markdown report is asked for, so the sizing-table model stays off the plain lint path.
 */
export async function markdownSizingTables(): Promise<SizingTables> {
  const { sizingTable } = await import('../model/sizing-table.js')
  return (data, settings) => {
    const list = settings.shared.balances
      .map((balance) => sizingTable(data, balance, { sizingMode: settings.shared.sizingMode, bot: settings.shared.bot }))
      .filter((e) => e !== undefined)
    return list.length > 0 ? list : undefined
  }
}

/**
 * The chart points (data) a markdown report draws under a file's sizing tables: each symbol's designed size at the
 * profile boundaries, ramp ends and reference balances. Loaded only with a markdown report, like the tables.
 */
export async function markdownSizingCharts(): Promise<SizingCharts> {
  const [{ chartData, chartSizingOptions }, { sizingChartPoints }] = await Promise.all([import('../chart/chart-data.js'), import('../chart/chart-points.js')])
  return (data, settings) => {
    const chart = chartData(data, { title: '', balances: settings.shared.balances, ...chartSizingOptions(settings) })
    return chart && sizingChartPoints(chart)
  }
}
