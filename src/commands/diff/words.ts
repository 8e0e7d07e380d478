// The words the text and Markdown renderings of a diff share: amounts, interval ends, relative changes, field values.
import type Fraction from 'fraction.js'
import { formatPercent, formatUsd } from '../../model/decimal.js'
import { formatInterval, formatIntervals, type Interval } from '../../model/interval.js'
import type { PlChange, PlEdgeValue, PlRelativeChange } from '../../model/pl-diff.js'
import { plural } from '../../text/plural.js'
import type { ConfigDiff, ExposureSide, FindingsDiff, OverrideDiff, OverrideSide, ProfileDiff, ProfileFieldChange } from '../../types.js'

/** The arrow between a before and an after value. */
export const ARROW = '->'

/** A ratio as a signed percentage: 2/3 -> "+66.7%", -0.25 -> "-25.0%". */
export function signedPercent(x: Fraction): string {
  const text = formatPercent(x)
  return text.startsWith('-') || text === '0.0%' ? text : `+${text}`
}

/** A size at an interval's end: an amount, "unbounded" (a size that grows without end), or "none" (nothing traded). */
export function edgeValue(v: PlEdgeValue): string {
  if (v.kind === 'value') return formatUsd(v.value)
  if (v.kind === 'unbounded') return v.sign > 0 ? 'unbounded' : '-unbounded'
  return 'none'
}

/** Where the start of an interval is read: "at $500.00", or "just above $500.00" at an open end. */
export function startWhere(iv: Interval): string {
  return `${iv.loClosed ? 'at' : 'just above'} ${formatUsd(iv.lo)}`
}

/** Where the end of an interval is read: "at $2,000.00", "just below $2,000.00", or "as the balance grows". */
export function endWhere(iv: Interval): string {
  if (iv.hi === null) return 'as the balance grows'
  return `${iv.hiClosed ? 'at' : 'just below'} ${formatUsd(iv.hi)}`
}

/** "+66.7% at $2,000.00", "+20.0% from just above $0.00", "-33.3% just below $1,500.00", "without bound at $0.00". */
export function relativeChange(l: PlRelativeChange): string {
  const amount = l.ratio === null ? `${l.sign < 0 ? '-' : '+'}unbounded` : signedPercent(l.ratio)
  if (l.at === null) return `${amount} as the balance grows`
  const at = formatUsd(l.at)
  if (l.attained) return l.side === 'above' ? `${amount} from just above ${at}` : `${amount} at ${at}`
  return `${amount} just ${l.side === 'below' ? 'below' : 'above'} ${at}`
}

/** One changed interval: "above $500.00: $50.00 -> $50.00 just above $500.00, ...; largest change +66.7% at $2,000.00". */
export function changeText(c: PlChange): string {
  const iv = c.interval
  const pair = (e: PlChange['start']): string => `${edgeValue(e.before)} ${ARROW} ${edgeValue(e.after)}`
  const ends = iv.hi !== null && iv.lo.equals(iv.hi) ? pair(c.start) : `${pair(c.start)} ${startWhere(iv)}, ${pair(c.end)} ${endWhere(iv)}`
  const largest = c.largest ? `; largest change ${relativeChange(c.largest)}` : ''
  return `${formatInterval(iv)}: ${ends}${largest}`
}

/** A size before and after at one balance, with the relative change: "$101.44 -> $142.88 (+40.9%)", "none -> $95.25". */
export function sizePair(before: Fraction | undefined, after: Fraction | undefined): string {
  const money = (x: Fraction | undefined): string => (x === undefined ? 'none' : formatUsd(x))
  const change = before !== undefined && after !== undefined && !before.equals(0) ? ` (${signedPercent(after.sub(before).div(before))})` : ''
  return `${money(before)} ${ARROW} ${money(after)}${change}`
}

/** A config value as the field list shows it: numbers and booleans as written, text quoted, "(none)" for an absent key. */
export function fieldValue(present: boolean, value: unknown): string {
  if (!present) return '(none)'
  if (typeof value === 'string') return JSON.stringify(value)
  if (value === null || typeof value !== 'object') return String(value)
  return JSON.stringify(value)
}

/** "size_at_max 150 -> 250"; for an added or removed profile the value it has. */
export function fieldText(f: ProfileFieldChange, change: ProfileDiff['change']): string {
  const b = fieldValue('before' in f, f.before)
  const a = fieldValue('after' in f, f.after)
  if (change === 'added') return `${f.field} ${a}`
  if (change === 'removed') return `${f.field} ${b}`
  return `${f.field} ${b} ${ARROW} ${a}`
}

/** What happened to a symbol, in words: "traded from now on", "no longer traded", or nothing for a size change. */
export function symbolChangeWords(change: 'added' | 'removed' | 'changed'): string {
  return change === 'added' ? 'traded from now on' : change === 'removed' ? 'no longer traded' : ''
}

/** "SOL-USDT ranging $50.00", with "$40.00 -> $50.00" when the value changed. */
export function overrideName(o: OverrideDiff): string {
  const b = o.before?.value
  const a = o.after?.value
  const value = b && a && !b.equals(a) ? `${formatUsd(b)} ${ARROW} ${formatUsd(a)}` : formatUsd((a ?? b)!)
  return `${o.symbol} ${o.regime} ${value}`
}

/** "became stale at $1,018.00", "became live (it was never live)", "added", "live balances changed". */
export function overrideChangeWords(o: OverrideDiff): string {
  const balances = (pick: (x: OverrideDiff['atBalances'][number]) => boolean): string =>
    o.atBalances.filter(pick).map((x) => formatUsd(x.balance)).join(', ')
  switch (o.change) {
    case 'added':
    case 'removed':
      return o.change
    case 'became-stale': {
      const at = balances((x) => x.before === true && x.after === false)
      return at ? `became stale at ${at}` : 'became stale at every balance'
    }
    case 'became-live': {
      const at = balances((x) => x.before === false && x.after === true)
      return at ? `became live at ${at}` : 'became live (it was stale at every balance)'
    }
    case 'changed':
      return o.before && o.after && !o.before.value.equals(o.after.value) ? 'value changed' : 'live balances changed'
  }
}

/** Where an override is live, in words ("up to $700.00"; "no balance"); "(none)" for a side without the override. */
export function liveText(side: OverrideSide | undefined): string {
  return side ? formatIntervals(side.live) : '(none)'
}

/** "$262.05 (25.7%)": an amount with its share of the balance. */
export function withShare(x: Fraction | undefined, share: Fraction | undefined): string {
  if (x === undefined) return 'n/a'
  return share === undefined ? formatUsd(x) : `${formatUsd(x)} (${formatPercent(share)})`
}

/** The exposure measures a diff shows, each as [label, before, after] text. */
export function exposureRows(b: ExposureSide | undefined, a: ExposureSide | undefined): [string, string, string][] {
  const side = (e: ExposureSide | undefined, pick: (e: ExposureSide) => string): string => (e ? pick(e) : 'none')
  return [
    ['positions', side(b, (e) => String(e.positions)), side(a, (e) => String(e.positions))],
    ['notional', side(b, (e) => withShare(e.notional, e.notionalShare)), side(a, (e) => withShare(e.notional, e.notionalShare))],
    ['margin', side(b, (e) => withShare(e.margin, e.marginShare)), side(a, (e) => withShare(e.margin, e.marginShare))],
    ['reserve', side(b, (e) => withShare(e.reserve, e.reserveShare)), side(a, (e) => withShare(e.reserve, e.reserveShare))],
  ]
}

/** Error and warning counts of a list of findings. */
export function severityCounts(list: FindingsDiff['added']): { errors: number; warnings: number } {
  const errors = list.filter((f) => f.severity === 'error').length
  return { errors, warnings: list.length - errors }
}

/** "2 errors and 0 warnings added, 1 finding fixed" (and ", 1 silenced by an inline directive"). */
export function findingsTally(d: ConfigDiff): string {
  const { errors, warnings } = severityCounts(d.findings.added)
  const silenced = d.findings.silenced.length
  const tail = silenced > 0 ? `, ${plural(silenced, 'finding')} silenced by inline directives` : ''
  return `${plural(errors, 'error')} and ${plural(warnings, 'warning')} added, ${plural(d.findings.fixed.length, 'finding')} fixed${tail}`
}
