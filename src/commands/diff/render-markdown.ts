// `lint-config diff --format markdown`, and the top of the Action's job summary on a pull request: a heading and one table per section.
import { overlaySizingChart, sizingChartPoints, type SizingChart } from '../../chart/chart-points.js'
import { linkTarget } from '../../formatters/markdown.js'
import { renderMermaidChart } from '../../formatters/mermaid-chart.js'
import { formatUsd } from '../../model/decimal.js'
import { escapeMarkdown } from '../../text/escape-markdown.js'
import type { ConfigDiff, Finding } from '../../types.js'
import { isEmptyDiff } from './compare.js'
import { changeText, exposureRows, fieldText, findingsTally, liveText, overrideChangeWords, overrideName, sizePair, symbolChangeWords } from './words.js'

/** What the Markdown rendering needs besides the diff. */
export interface DiffMarkdownOptions {
  /** A rule's documentation page, linked from the findings table. */
  docsUrl(ruleId: string): string
  /** The heading level of the diff's title (2: `##`); its sections are one level below. */
  level?: number
}

/** Markdown's arrow: one character, read the same in a table cell and a list. */
const TO = '→'
const words = (text: string): string => escapeMarkdown(text).replace(/ -&gt; /g, ` ${TO} `)

function findingRow(kind: string, f: Finding, docsUrl: (id: string) => string): string {
  const rule = `[${escapeMarkdown(f.ruleId)}](${linkTarget(docsUrl(f.ruleId))})`
  const severity = f.severity === 'error' ? 'error' : 'warning'
  return `| ${kind} | ${f.range.start.line}:${f.range.start.column} | ${severity} | ${rule} | ${escapeMarkdown(f.message)} |`
}

/** Base and head on one point chart when the diff carries both sides' charts; the one side there is, alone. */
function reviewChart(d: ConfigDiff): SizingChart | undefined {
  const { base, head } = d.charts ?? {}
  if (base && head) return overlaySizingChart(base, head)
  const only = head ?? base
  return only && sizingChartPoints(only)
}

/**
 * GitHub-flavoured Markdown: a title naming the head and the base, the tally of findings, then a section (a heading one
 * level below the title) per kind of change, each a table; under the per-symbol sizes, when the diff carries its
 * charts, a Mermaid chart of size against balance with base and head lines. Config names are escaped; amounts to the cent. The empty
 * string when the diff lists nothing. Ends with a newline.
 */
export function renderDiffMarkdown(d: ConfigDiff, options: DiffMarkdownOptions): string {
  if (isEmptyDiff(d)) return ''
  const h = '#'.repeat(options.level ?? 2)
  const hh = `${h}#`
  const blocks: string[] = [
    `${h} lint-config diff: ${escapeMarkdown(d.head.name, { breaks: 'space' })}`,
    `Against ${escapeMarkdown(d.base.name, { breaks: 'space' })}: ${findingsTally(d)}.`,
  ]
  if (d.sizingSkipped) blocks.push(`Sizing not compared: ${d.sizingSkipped}.`)

  if (d.profiles.length > 0) {
    const rows = d.profiles.map((p) => {
      const effect = p.baseSize.length === 0 ? 'no change' : p.baseSize.map((c) => words(changeText(c))).join('<br>')
      const label = p.change === 'changed' ? escapeMarkdown(p.name) : `${escapeMarkdown(p.name)} (${p.change})`
      return `| ${label} | ${p.fields.map((f) => words(fieldText(f, p.change))).join('<br>')} | ${effect} |`
    })
    blocks.push(`${hh} Profiles`, ['| Profile | Fields | Base size |', '| --- | --- | --- |', ...rows].join('\n'))
  }

  if (d.symbols.length > 0) {
    const balances = d.balances.map((b) => formatUsd(b))
    const rows = d.symbols.map((s) => {
      const change = s.change === 'changed' ? s.intervals.map((c) => words(changeText(c))).join('<br>') : symbolChangeWords(s.change)
      const at = s.atBalances.map((x) => ` ${words(sizePair(x.before, x.after))} |`).join('')
      return `| ${escapeMarkdown(s.symbol)} | ${change} |${at}`
    })
    const head = `| Symbol | Where the size changed |${balances.map((b) => ` At ${b} |`).join('')}`
    const rule = `| --- | --- |${balances.map(() => ' ---: |').join('')}`
    blocks.push(`${hh} Per-symbol sizes`, [head, rule, ...rows].join('\n'))
    const chart = reviewChart(d)
    if (chart) blocks.push(`${hh} Size against balance`, renderMermaidChart(chart))
  }

  if (d.overrides.length > 0) {
    const rows = d.overrides.map(
      (o) => `| ${words(overrideName(o))} | ${words(overrideChangeWords(o))} | ${words(liveText(o.before))} | ${words(liveText(o.after))} |`,
    )
    blocks.push(`${hh} Overrides`, ['| Override | Change | Live before | Live after |', '| --- | --- | --- | --- |', ...rows].join('\n'))
  }

  if (d.exposure.length > 0) {
    const rows = d.exposure.map((e) => {
      const cells = exposureRows(e.before, e.after).map(([, b, a]) => ` ${words(`${b} -> ${a}`)} |`)
      return `| ${formatUsd(e.balance)} |${cells.join('')}`
    })
    blocks.push(
      `${hh} Exposure with every position open`,
      ['| Balance | Positions | Notional | Margin | Reserve |', '| ---: | ---: | ---: | ---: | ---: |', ...rows].join('\n'),
    )
  }

  const f = d.findings
  const rows = [
    ...f.added.map((x) => findingRow('added', x, options.docsUrl)),
    ...f.fixed.map((x) => findingRow('fixed', x, options.docsUrl)),
    ...f.silenced.map((x) => findingRow('silenced', x, options.docsUrl)),
  ]
  if (rows.length > 0) blocks.push(`${hh} Findings`, ['| | Line | Severity | Rule | Message |', '| --- | ---: | --- | --- | --- |', ...rows].join('\n'))
  return `${blocks.join('\n\n')}\n`
}
