// The pictures of a diff: each side's chart from the sizing model, drawn by the markdown (Mermaid) and html renderings.
import type { LintSettings } from '../../types.js'
import type { DiffChartBuilder } from './compare.js'

/** Each side as the `chart` command draws it (title the side's name, its findings marked); the chart code loads here. */
export async function diffChartBuilder(settings: LintSettings): Promise<DiffChartBuilder> {
  const { chartData, chartSizingOptions } = await import('../../chart/chart-data.js')
  const { shared } = settings
  // The limits the size-cap rule checks: the limiter's only with its `limiter` option.
  const limiter = settings.rules['size-cap']?.options.limiter === true
  const sizing = chartSizingOptions(settings)
  return (data, side, findings) => chartData(data, { title: side.name, balances: shared.balances, ...sizing, findings, limiter })
}
