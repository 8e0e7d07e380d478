// `lint-config diff --format text` (the default): sections for profiles, per-symbol sizes, overrides, exposure and findings.
import { formatUsd } from '../../model/decimal.js'
import type { ConfigDiff, Finding } from '../../types.js'
import { isEmptyDiff } from './compare.js'
import { ARROW, changeText, exposureRows, fieldText, findingsTally, liveText, overrideChangeWords, overrideName, sizePair, symbolChangeWords } from './words.js'

function findingLine(mark: string, f: Finding): string {
  const severity = f.severity === 'error' ? 'error' : 'warning'
  return `  ${mark} ${f.range.start.line}:${f.range.start.column}  ${severity}  ${f.message.replace(/([^ ])\.$/, '$1')}  ${f.ruleId}`
}

function section(title: string, lines: string[]): string[] {
  return lines.length === 0 ? [] : ['', title, ...lines]
}

/**
 * Plain text, one line per change, two-space indents, amounts to the cent; nothing at all (the empty string) when the
 * diff lists nothing, as `diff` prints nothing for equal files. Added findings are marked `+` at their head position,
 * fixed ones `-` at their base position, silenced ones `~`. Ends with a newline.
 */
export function renderDiffText(d: ConfigDiff): string {
  if (isEmptyDiff(d)) return ''
  const lines = [`lint-config diff: ${d.base.name} ${ARROW} ${d.head.name}`]
  if (d.sizingSkipped) lines.push('', `Sizing not compared: ${d.sizingSkipped}.`)

  lines.push(
    ...section(
      'Profiles',
      d.profiles.flatMap((p) => {
        const label = p.change === 'changed' ? p.name : `${p.name} (${p.change})`
        const fields = p.fields.map((f) => fieldText(f, p.change)).join(', ')
        const effect = p.baseSize.length === 0 ? ['    no change to the base size'] : p.baseSize.map((c) => `    base size ${changeText(c)}`)
        return [`  ${label}: ${fields}`, ...effect]
      }),
    ),
  )

  lines.push(
    ...section(
      'Per-symbol sizes',
      d.symbols.flatMap((s) => {
        const words = symbolChangeWords(s.change)
        const intervals = s.change === 'changed' ? s.intervals.map((c) => `    ${changeText(c)}`) : []
        return [`  ${s.symbol}${words ? `: ${words}` : ''}`, ...intervals, ...s.atBalances.map((x) => `    at ${formatUsd(x.balance)}: ${sizePair(x.before, x.after)}`)]
      }),
    ),
  )

  lines.push(
    ...section(
      'Overrides',
      d.overrides.flatMap((o) => [`  ${overrideName(o)}: ${overrideChangeWords(o)}`, `    live before: ${liveText(o.before)}; now: ${liveText(o.after)}`]),
    ),
  )

  lines.push(
    ...section(
      'Exposure with every position open',
      d.exposure.map((e) => {
        const parts = exposureRows(e.before, e.after).map(([label, b, a]) => `${label} ${b} ${ARROW} ${a}`)
        return `  at ${formatUsd(e.balance)}: ${parts.join('; ')}`
      }),
    ),
  )

  const f = d.findings
  const findingLines = [...f.added.map((x) => findingLine('+', x)), ...f.fixed.map((x) => findingLine('-', x)), ...f.silenced.map((x) => findingLine('~', x))]
  lines.push(...section('Findings', findingLines), '', findingsTally(d))
  return `${lines.join('\n')}\n`
}
