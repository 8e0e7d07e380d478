// A change to a config as data (ConfigDiff): sizes, live sets and exposure from the sizing view, findings from the linter. Pure.
import type Fraction from 'fraction.js'
import { decodeUtf8 } from '../../engine/decode.js'
import { lintBytes } from '../../engine/lint-text.js'
import { parseConfig } from '../../engine/parse.js'
import { q } from '../../model/decimal.js'
import { intervalContains, mergeIntervals, type Interval } from '../../model/interval.js'
import { plDiff, type PlChange } from '../../model/pl-diff.js'
import { plAt, plRestrict, type Pl } from '../../model/pl.js'
import type { ChartData } from '../../chart/chart-data.js'
import type {
  ConfigDiff,
  DiffCharts,
  DiffSide,
  ExposureDiff,
  Finding,
  FindingsDiff,
  LintSettings,
  OverrideDiff,
  OverrideSide,
  ProfileDiff,
  ProfileFieldChange,
  SymbolDiff,
} from '../../types.js'
import { matchFindings } from './findings.js'
import {
  baseSizes,
  exposureAt,
  overrides,
  profiles,
  sizingSettings,
  symbolSizes,
  type ExposureFacts,
  type OverrideFacts,
  type ProfileFacts,
  type SizingSettings,
} from './sizing-view.js'

/** One side to compare: how to name it, and its bytes (absent: the file does not exist on that side). */
export interface DiffInput {
  side: DiffSide
  bytes?: Uint8Array
}

/** Draws one side: its chart data from the sizing model (chart-data.ts), named as the side is, its findings marked. */
export type DiffChartBuilder = (data: unknown, side: DiffSide, findings: readonly Finding[]) => ChartData | undefined

export interface DiffOptions {
  /** Attach each side's chart (`ConfigDiff.charts`); loaded only by the renderings that draw. */
  charts?: DiffChartBuilder
}

interface Loaded {
  findings: readonly Finding[]
  suppressed: readonly Finding[]
  /** The data as the bot loads it; undefined when the side is absent or does not parse. */
  data: unknown
  /** True when the file is there but does not parse (a fatal finding). */
  broken: boolean
}

function load(input: DiffInput, settings: LintSettings): Loaded {
  if (input.bytes === undefined) return { findings: [], suppressed: [], data: undefined, broken: false }
  const decoded = decodeUtf8(input.bytes)
  const parsed = decoded.ok ? parseConfig(decoded.text) : undefined
  const result = lintBytes(input.bytes, settings, parsed ? { filePath: input.side.name, parsed } : { filePath: input.side.name })
  const broken = !parsed || parsed.fatal
  return { findings: result.findings, suppressed: result.suppressed ?? [], data: broken ? undefined : parsed.data, broken }
}

/**
 * What the change from `base` to `head` does, both linted with `settings` (those of the head's directory) and compared
 * at its reference balances. Throws only what linting throws (RuleCrash).
 */
export function diffConfigs(base: DiffInput, head: DiffInput, settings: LintSettings, options: DiffOptions = {}): ConfigDiff {
  const before = load(base, settings)
  // The same bytes on both sides (base == head) lint the same and size the same: nothing to compare.
  const same = base.bytes !== undefined && head.bytes !== undefined && Buffer.from(base.bytes).equals(head.bytes)
  const after = same ? before : load(head, settings)
  const balances = settings.shared.balances.map((b) => q(b))
  const diff: ConfigDiff = {
    base: base.side,
    head: head.side,
    balances,
    profiles: [],
    symbols: [],
    overrides: [],
    exposure: [],
    findings: findingsDiff(before, after),
    ...(options.charts ? { charts: sideCharts(options.charts, { base: [base, before], head: [head, after] }) } : {}),
  }
  const skipped = [before.broken ? 'the base' : undefined, after.broken ? 'the head' : undefined].filter(Boolean)
  if (skipped.length > 0) return { ...diff, sizingSkipped: `${skipped.join(' and ')} ${skipped.length > 1 ? 'do' : 'does'} not parse` }
  if (same) return diff
  const s = sizingSettings(settings)
  return {
    ...diff,
    profiles: profileDiffs(before.data, after.data, s),
    symbols: symbolDiffs(before.data, after.data, s, balances),
    overrides: overrideDiffs(before.data, after.data, s, balances),
    exposure: exposureDiffs(before.data, after.data, s, balances),
  }
}

function sideCharts(draw: DiffChartBuilder, sides: { base: [DiffInput, Loaded]; head: [DiffInput, Loaded] }): DiffCharts {
  const chart = ([input, loaded]: [DiffInput, Loaded]): ChartData | undefined =>
    loaded.data === undefined ? undefined : draw(loaded.data, input.side, loaded.findings)
  const b = chart(sides.base)
  const h = chart(sides.head)
  return { ...(b ? { base: b } : {}), ...(h ? { head: h } : {}) }
}

function findingsDiff(before: Loaded, after: Loaded): FindingsDiff {
  const { added, fixed } = matchFindings(before.findings, after.findings)
  // A base finding the head silences with a directive is not fixed: it is still there, and the reviewer should see that.
  const silencing = matchFindings(fixed, after.suppressed)
  const unmatched = new Set(silencing.added)
  return { added, fixed: silencing.fixed, silenced: after.suppressed.filter((f) => !unmatched.has(f)) }
}

/** Names in the head's order, then those only the base has. */
function union(head: readonly string[], base: readonly string[]): string[] {
  const seen = new Set(head)
  return [...head, ...base.filter((n) => !seen.has(n))]
}

/** A value as text that is equal exactly when the values are (mapping keys sorted). */
function canonical(x: unknown): string {
  if (x === null || typeof x !== 'object') return `${typeof x}:${String(x)}`
  if (Array.isArray(x)) return `[${x.map(canonical).join(',')}]`
  const o = x as Record<string, unknown>
  return `{${Object.keys(o)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
    .join(',')}}`
}

function fieldChanges(b: ProfileFacts | undefined, a: ProfileFacts | undefined): ProfileFieldChange[] {
  const bf = b?.fields ?? new Map<string, unknown>()
  const af = a?.fields ?? new Map<string, unknown>()
  const out: ProfileFieldChange[] = []
  for (const field of union([...af.keys()], [...bf.keys()])) {
    const had = bf.has(field)
    const has = af.has(field)
    if (had && has && canonical(bf.get(field)) === canonical(af.get(field))) continue
    out.push({ field, ...(had ? { before: bf.get(field) } : {}), ...(has ? { after: af.get(field) } : {}) })
  }
  return out
}

/** plDiff of f and g on each of `region`'s intervals only. */
function diffOn(f: Pl, g: Pl, region: readonly Interval[]): PlChange[] {
  return region.flatMap((r) => plDiff(plRestrict(f, r), plRestrict(g, r)))
}

function profileDiffs(dataB: unknown, dataA: unknown, s: SizingSettings): ProfileDiff[] {
  const pb = new Map(profiles(dataB, s).map((p) => [p.name, p]))
  const pa = new Map(profiles(dataA, s).map((p) => [p.name, p]))
  const baseB = baseSizes(dataB, s)
  const baseA = baseSizes(dataA, s)
  const out: ProfileDiff[] = []
  for (const name of union([...pa.keys()], [...pb.keys()])) {
    const b = pb.get(name)
    const a = pa.get(name)
    const fields = fieldChanges(b, a)
    if (b && a && fields.length === 0) continue
    const region = mergeIntervals([...(b?.selected ?? []), ...(a?.selected ?? [])])
    out.push({
      name,
      change: !b ? 'added' : !a ? 'removed' : 'changed',
      path: (a ?? b)!.path,
      ...(b ? { modeBefore: b.mode } : {}),
      ...(a ? { modeAfter: a.mode } : {}),
      fields,
      baseSize: diffOn(baseB, baseA, region),
    })
  }
  return out
}

function symbolDiffs(dataB: unknown, dataA: unknown, s: SizingSettings, balances: readonly Fraction[]): SymbolDiff[] {
  const sb = symbolSizes(dataB, s)
  const sa = symbolSizes(dataA, s)
  const out: SymbolDiff[] = []
  for (const symbol of union([...sa.keys()], [...sb.keys()])) {
    const f = sb.get(symbol) ?? []
    const g = sa.get(symbol) ?? []
    const intervals = plDiff(f, g)
    if (sb.has(symbol) && sa.has(symbol) && intervals.length === 0) continue
    out.push({
      symbol,
      change: !sb.has(symbol) ? 'added' : !sa.has(symbol) ? 'removed' : 'changed',
      intervals,
      atBalances: balances.map((balance) => {
        const x = plAt(f, balance)
        const y = plAt(g, balance)
        return { balance, ...(x ? { before: x } : {}), ...(y ? { after: y } : {}) }
      }),
    })
  }
  return out
}

const sameIntervals = (a: readonly Interval[], b: readonly Interval[]): boolean =>
  a.length === b.length &&
  a.every((x, i) => {
    const y = b[i]!
    return x.lo.equals(y.lo) && x.loClosed === y.loClosed && x.hiClosed === y.hiClosed && (x.hi === null ? y.hi === null : y.hi !== null && x.hi.equals(y.hi))
  })

const sideOf = (o: OverrideFacts): OverrideSide => ({ value: o.value, path: o.path, live: o.live })
const liveAt = (o: OverrideFacts | undefined, b: Fraction): boolean | undefined => (o ? o.live.some((iv) => intervalContains(iv, b)) : undefined)

function overrideDiffs(dataB: unknown, dataA: unknown, s: SizingSettings, balances: readonly Fraction[]): OverrideDiff[] {
  const key = (o: OverrideFacts): string => JSON.stringify([o.symbol, o.regime])
  const ob = new Map(overrides(dataB, s).map((o) => [key(o), o]))
  const oa = new Map(overrides(dataA, s).map((o) => [key(o), o]))
  const out: OverrideDiff[] = []
  for (const k of union([...oa.keys()], [...ob.keys()])) {
    const b = ob.get(k)
    const a = oa.get(k)
    if (b && a && b.value.equals(a.value) && sameIntervals(b.live, a.live)) continue
    const atBalances = balances.map((balance) => {
      const x = liveAt(b, balance)
      const y = liveAt(a, balance)
      return { balance, ...(x !== undefined ? { before: x } : {}), ...(y !== undefined ? { after: y } : {}) }
    })
    const o = (a ?? b)!
    out.push({
      symbol: o.symbol,
      regime: o.regime,
      change: !b ? 'added' : !a ? 'removed' : overrideChange(b, a, atBalances),
      ...(b ? { before: sideOf(b) } : {}),
      ...(a ? { after: sideOf(a) } : {}),
      atBalances,
    })
  }
  return out
}

function overrideChange(b: OverrideFacts, a: OverrideFacts, at: OverrideDiff['atBalances']): OverrideDiff['change'] {
  const stale = at.some((x) => x.before === true && x.after === false)
  const live = at.some((x) => x.before === false && x.after === true)
  if (stale !== live) return stale ? 'became-stale' : 'became-live'
  if (stale) return 'changed'
  if (b.live.length > 0 && a.live.length === 0) return 'became-stale'
  if (b.live.length === 0 && a.live.length > 0) return 'became-live'
  return 'changed'
}

const sameMoney = (x: Fraction | undefined, y: Fraction | undefined): boolean => (x === undefined ? y === undefined : y !== undefined && x.equals(y))

function sameExposure(x: ExposureFacts | undefined, y: ExposureFacts | undefined): boolean {
  if (!x || !y) return x === y
  const same = x.positions === y.positions && x.leverage.equals(y.leverage) && x.notional.equals(y.notional)
  return same && sameMoney(x.margin, y.margin) && sameMoney(x.reserve, y.reserve)
}

function exposureDiffs(dataB: unknown, dataA: unknown, s: SizingSettings, balances: readonly Fraction[]): ExposureDiff[] {
  return balances.flatMap((balance) => {
    const x = exposureAt(dataB, s, balance)
    const y = exposureAt(dataA, s, balance)
    return sameExposure(x, y) ? [] : [{ balance, ...(x ? { before: x } : {}), ...(y ? { after: y } : {}) }]
  })
}

/** True when the diff lists nothing: no sizing change and no finding added, fixed or silenced (two identical broken files included). */
export function isEmptyDiff(d: ConfigDiff): boolean {
  const f = d.findings
  return (
    d.profiles.length + d.symbols.length + d.overrides.length + d.exposure.length === 0 &&
    f.added.length + f.fixed.length + f.silenced.length === 0
  )
}
