// The chart's sentences, shared by the SVG's tooltips and the HTML page's lists: caps, overrides and findings in words, amounts to the cent.
import { formatUsd } from '../model/decimal.js'
import { formatIntervals } from '../model/interval.js'
import type { CapMark, FindingMark, OverrideMark } from './chart-data.js'

/** "max_size_limiter.max_single_size_usd caps BTC-USDT to $150.00 for balances above $1,250.00". */
export function capWords(cap: CapMark): string {
  const value = cap.limit[0]?.intercept
  const where = formatIntervals(cap.limit.map((p) => p.interval))
  return `${cap.name} ${cap.kind === 'cap' ? 'caps' : 'raises'} ${cap.symbol} to ${value ? formatUsd(value) : 'its limit'} for balances ${where}`
}

/** "BTC-USDT trending override $42.00: live for balances up to $700.00" ("no balance" when it is never live). */
export function overrideWords(o: OverrideMark): string {
  return `${o.symbol} ${o.regime} override ${formatUsd(o.value)}: live for balances ${formatIntervals(o.live)}`
}

/** "stale-override (error, line 108): <message>". */
export function findingWords(f: FindingMark): string {
  return `${f.ruleId} (${f.severity === 'error' ? 'error' : 'warning'}, line ${f.line}): ${f.message}`
}
