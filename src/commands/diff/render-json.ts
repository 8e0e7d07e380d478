// `lint-config diff --format json`: the diff as data with stable keys (docs/diff.md documents the shape), exact and rounded amounts.
import type Fraction from 'fraction.js'
import { exactText } from '../../model/decimal.js'
import { formatInterval, type Interval } from '../../model/interval.js'
import type { PlChange, PlEdgeValue } from '../../model/pl-diff.js'
import { toEslintMessage } from '../../formatters/json.js'
import { money, percentOrNull } from '../../formatters/sizing-table.js'
import type { ConfigDiff, ExposureSide } from '../../types.js'
import { overrideChangeWords } from './words.js'

/** The version of the JSON shape: raised when a key changes meaning or goes away (new keys may come without it). */
export const DIFF_JSON_VERSION = 1

const interval = (iv: Interval): Record<string, unknown> => ({
  from: money(iv.lo),
  fromInclusive: iv.loClosed,
  to: iv.hi === null ? null : money(iv.hi),
  toInclusive: iv.hiClosed,
  text: formatInterval(iv),
})

const edge = (v: PlEdgeValue): unknown => (v.kind === 'value' ? money(v.value) : v.kind === 'unbounded' ? { unbounded: v.sign > 0 ? '+' : '-' } : null)

function change(c: PlChange): Record<string, unknown> {
  const l = c.largest
  return {
    ...interval(c.interval),
    start: { before: edge(c.start.before), after: edge(c.start.after) },
    end: { before: edge(c.end.before), after: edge(c.end.after) },
    largestChange: l
      ? {
          percent: l.ratio === null ? null : percentOrNull(l.ratio),
          exact: l.ratio === null ? null : exactText(l.ratio),
          unbounded: l.ratio === null ? (l.sign < 0 ? '-' : '+') : null,
          at: l.at === null ? null : money(l.at),
          attained: l.attained,
          side: l.side ?? null,
        }
      : null,
  }
}

const exposure = (e: ExposureSide | undefined): Record<string, unknown> | null =>
  e
    ? {
        positions: e.positions,
        leverage: exactText(e.leverage),
        notional: money(e.notional),
        notionalPercent: percentOrNull(e.notionalShare),
        margin: money(e.margin),
        marginPercent: percentOrNull(e.marginShare),
        reserve: money(e.reserve),
        reservePercent: percentOrNull(e.reserveShare),
      }
    : null

const field = (present: boolean, value: unknown): unknown => (present ? value : null)
const relative = (b: Fraction | undefined, a: Fraction | undefined): number | null =>
  b !== undefined && a !== undefined && !b.equals(0) ? percentOrNull(a.sub(b).div(b)) : null

/** One JSON object (see docs/diff.md for every key), pretty-printed with two spaces, ending with a newline. */
export function renderDiffJson(d: ConfigDiff): string {
  const f = d.findings
  const errors = (list: typeof f.added): number => list.filter((x) => x.severity === 'error').length
  const out = {
    version: DIFF_JSON_VERSION,
    base: { name: d.base.name, rev: d.base.rev ?? null, absent: d.base.absent === true },
    head: { name: d.head.name, rev: d.head.rev ?? null, absent: d.head.absent === true },
    balances: d.balances.map((b) => money(b)),
    sizingSkipped: d.sizingSkipped ?? null,
    profiles: d.profiles.map((p) => ({
      name: p.name,
      change: p.change,
      path: p.path,
      modeBefore: p.modeBefore ?? null,
      modeAfter: p.modeAfter ?? null,
      fields: p.fields.map((x) => ({ field: x.field, before: field('before' in x, x.before), after: field('after' in x, x.after) })),
      baseSize: p.baseSize.map(change),
    })),
    symbols: d.symbols.map((s) => ({
      symbol: s.symbol,
      change: s.change,
      intervals: s.intervals.map(change),
      atBalances: s.atBalances.map((x) => ({
        balance: money(x.balance),
        before: money(x.before),
        after: money(x.after),
        changePercent: relative(x.before, x.after),
      })),
    })),
    overrides: d.overrides.map((o) => ({
      symbol: o.symbol,
      regime: o.regime,
      change: o.change,
      text: overrideChangeWords(o),
      before: o.before ? { value: money(o.before.value), path: o.before.path, live: o.before.live.map(interval) } : null,
      after: o.after ? { value: money(o.after.value), path: o.after.path, live: o.after.live.map(interval) } : null,
      atBalances: o.atBalances.map((x) => ({ balance: money(x.balance), liveBefore: x.before ?? null, liveAfter: x.after ?? null })),
    })),
    exposure: d.exposure.map((e) => ({ balance: money(e.balance), before: exposure(e.before), after: exposure(e.after) })),
    findings: {
      added: f.added.map(toEslintMessage),
      fixed: f.fixed.map(toEslintMessage),
      silenced: f.silenced.map(toEslintMessage),
      addedErrorCount: errors(f.added),
      addedWarningCount: f.added.length - errors(f.added),
      fixedErrorCount: errors(f.fixed),
      fixedWarningCount: f.fixed.length - errors(f.fixed),
    },
  }
  return `${JSON.stringify(out, null, 2)}\n`
}
