// The one adapter between the sizing model and every chart: reads the model and returns ChartData (exact piecewise-linear data, no markup).
import type Fraction from 'fraction.js'
import { ONE, q } from '../model/decimal.js'
import type { BotSetting } from '../model/eras.js'
import { type Interval } from '../model/interval.js'
import { pipelineContext } from '../model/pipeline.js'
import { plAt, plConst, plRestrict, type Pl, type PlPiece } from '../model/pl.js'
import { readSizingConfig, type ModeSetting, type Regime, type SizingConfig, type SizingMode } from '../model/sizing-config.js'
import { balancesWhereSize, boundaries, multiplierOf, profileShapes, sizePieces } from '../model/sizing.js'
import { BOT_TOLERANCE, overrideView } from '../model/traded-analysis.js'
import { referenceBalances } from '../rules/balances.js'
import { positionLimits } from '../rules/size-cap.js'
import type { Finding, LintSettings, Severity } from '../types.js'

/**
 * One symbol's size (USD notional) against the balance (USD), as exact piecewise-linear functions over [0, +inf).
 * Each piece's `label` says what decides the size there ("small: interpolated", a cap's name). A series has a `line`,
 * a `band`, or both: the band is the [lowest, highest] range the size takes over market inputs, drawn as a filled
 * area; the line is the size the chart names at each balance (the designed size today).
 */
export interface ChartSeries {
  readonly symbol: string
  readonly line?: Pl
  readonly band?: { readonly lowest: Pl; readonly highest: Pl }
}

/** A profile's selection region (balances, USD), drawn as a vertical band labelled with its name and mode. */
export interface ProfileBand {
  readonly name: string
  readonly mode: SizingMode
  /** Balances that select the profile, within [0, +inf); the threshold is inside (inclusive). */
  readonly region: Interval
  /** JSON pointer of the profile. */
  readonly path: string
}

/** A cap or floor on one symbol's size, only where it binds: where it replaces the size the series draws. */
export interface CapMark {
  readonly symbol: string
  readonly kind: 'cap' | 'floor'
  /** "small's max_position_usd", "max_size_limiter.max_single_size_usd". */
  readonly name: string
  /** JSON pointer of the limit's scalar. */
  readonly path: string
  /** The limit's value (USD notional) on the balances where it binds; pieces labelled with `name`. */
  readonly limit: Pl
  /** The symbol's size on those same balances: the part of the line the limit clips (or raises). */
  readonly clipped: Pl
}

/** One `symbol_profiles.<S>.<regime>.position.base_position_usd` override and where the bot uses it. */
export interface OverrideMark {
  readonly symbol: string
  readonly regime: Regime
  /** USD notional. */
  readonly value: Fraction
  /** JSON pointer of the override's scalar. */
  readonly path: string
  /**
   * Exactly the balances where the bot uses it (sorted, disjoint; empty when it is stale at every balance): the era's
   * override rule at the leverage the bot picks, as stale-override, diff and the hover judge it.
   */
  readonly live: readonly Interval[]
  /** The symbol's line restricted to `live`: the part of the line the override replaces. */
  readonly onLine: Pl
}

/** A reference balance (settings `balances`, `--balance`) with each symbol's size there (USD notional). */
export interface ReferenceMark {
  readonly balance: Fraction
  readonly sizes: readonly { readonly symbol: string; readonly size?: Fraction }[]
}

/**
 * A finding of the linted file. `balance` (USD) is where it happens when the finding names a point of the balance
 * axis (a gap, jump or drop at a boundary, a zero-width profile, a shared threshold); findings on an override or a
 * cap share that mark's `path`.
 */
export interface FindingMark {
  readonly ruleId: string
  readonly messageId: string
  readonly severity: Severity
  readonly message: string
  readonly path: string
  /** 1-based. */
  readonly line: number
  readonly column: number
  readonly balance?: Fraction
}

/** Everything a chart of the sizing model shows, as data. Balances USD, sizes USD notional, exact Fractions. */
export interface ChartData {
  /** The file the chart is of, as reports show it. */
  readonly title: string
  /** What the lines are, for the chart's description ("designed per-symbol size (profile formula x ...)"). */
  readonly sizeLabel: string
  /** The same, short, as a title of point charts ("Designed per-symbol size against balance"). */
  readonly pointTitle: string
  /**
   * The balances where something happens (piece ends, profile edges, live-set ends, caps' ends, reference balances),
   * lo > 0: the renderer pads this into its view ([lo / 2, hi * 2] on a log axis, [0, hi + margin] on a linear one).
   */
  readonly range: { readonly lo: Fraction; readonly hi: Fraction }
  readonly leverage: Fraction
  /** The override tolerance the live sets use, as a ratio (0.5 = 50%): stale-override's option, else the bot's literal 50%. */
  readonly tolerance: Fraction
  /** In `scalping.symbols` order (else `symbol_profiles` order). */
  readonly series: readonly ChartSeries[]
  /** Selected profiles, ascending. */
  readonly profiles: readonly ProfileBand[]
  readonly caps: readonly CapMark[]
  readonly overrides: readonly OverrideMark[]
  /** Ascending. */
  readonly references: readonly ReferenceMark[]
  /** In the linted file's order. */
  readonly findings: readonly FindingMark[]
}

export interface ChartDataOptions {
  /** Shown as the chart's title: the config's path as reports show it. */
  title: string
  /** Reference balances in USD (settings `balances`, `--balance`). */
  balances?: readonly number[]
  sizingMode?: ModeSetting
  /** The bot era setting ('auto' by default): whose override rule decides where an override is live. */
  bot?: BotSetting
  /** stale-override's `tolerance` option as a ratio (0.5 = 50%); unset: the bot's literal 50% (the config's key is not read). */
  tolerance?: number
  /** The linted file's findings, to mark on the chart. */
  findings?: readonly Finding[]
  /**
   * Draw `futures_modules.max_size_limiter.max_single_size_usd` too (the size-cap rule's `limiter` option; default
   * false: the bot never reads the limiter's keys).
   */
  limiter?: boolean
}

/** What a chart reads of a run's lint settings besides its balances: the sizing mode, the bot era and stale-override's tolerance, as diff and the hover read them. */
export function chartSizingOptions(settings: LintSettings): Pick<ChartDataOptions, 'sizingMode' | 'bot' | 'tolerance'> {
  const tolerance = settings.rules['stale-override']?.options.tolerance
  return {
    sizingMode: settings.shared.sizingMode,
    ...(settings.shared.bot !== undefined ? { bot: settings.shared.bot } : {}),
    ...(typeof tolerance === 'number' ? { tolerance } : {}),
  }
}

/** The traded symbols, each once: `scalping.symbols`, or the symbols of `symbol_profiles` when that list is empty. */
function chartSymbols(cfg: SizingConfig): string[] {
  const names = cfg.symbols.length > 0 ? cfg.symbols : cfg.symbolProfiles.map((s) => s.symbol)
  return [...new Set(names)]
}

/** The designed per-symbol size as a Pl: the model's pieces, each labelled "<profile>: <part of its formula>". */
function designedLine(cfg: SizingConfig, symbol: string): Pl {
  return sizePieces(cfg, symbol).map((p): PlPiece => {
    const label = `${p.profile.name}: ${p.kind}`
    return p.slope && p.intercept ? { interval: p.interval, slope: p.slope, intercept: p.intercept, label } : { interval: p.interval, label }
  })
}

function restrictAll(f: Pl, where: readonly Interval[]): Pl {
  return where.flatMap((iv) => plRestrict(f, iv))
}

function capMarks(cfg: SizingConfig, series: readonly { symbol: string; line: Pl }[], limiter: boolean): CapMark[] {
  const out: CapMark[] = []
  for (const limit of positionLimits(cfg, limiter)) {
    for (const { symbol, line } of series) {
      const where = balancesWhereSize(cfg, multiplierOf(cfg, symbol), limit.kind === 'cap' ? 'above' : 'below', limit.field.value, limit.profile)
      if (where.length === 0) continue
      out.push({
        symbol,
        kind: limit.kind,
        name: limit.name,
        path: limit.field.path,
        limit: where.map((iv) => plConst(iv, limit.field.value, limit.name)[0]!),
        clipped: restrictAll(line, where),
      })
    }
  }
  return out
}

/** The profile whose subtree holds `path`, if any. */
function profileAt(cfg: SizingConfig, path: string) {
  return cfg.profiles.find((p) => path === p.path || path.startsWith(`${p.path}/`))
}

/**
 * Where on the balance axis a finding is: for a finding inside a profile, the boundary where that profile takes over
 * (gaps, overlaps, jumps and drops are reported at the right-hand profile); a zero-width or inverted profile at its
 * min_balance; a shared threshold at the threshold. Undefined for findings elsewhere (overrides and caps are
 * matched by path instead).
 */
function findingBalance(cfg: SizingConfig, f: Finding, starts: ReadonlyMap<string, Fraction>): Fraction | undefined {
  const profile = profileAt(cfg, f.path)
  if (!profile) return undefined
  if ((f.messageId === 'zeroWidth' || f.messageId === 'inverted') && profile.minBalance) return profile.minBalance.value
  if (f.messageId.startsWith('sharedThreshold') && profile.threshold) return profile.threshold.value
  return starts.get(profile.path) ?? profile.minBalance?.value ?? profile.threshold?.value
}

function findingMarks(cfg: SizingConfig, findings: readonly Finding[]): FindingMark[] {
  const starts = new Map(boundaries(cfg).map((b) => [b.right.path, b.at]))
  return findings.map((f) => {
    const balance = findingBalance(cfg, f, starts)
    const mark: FindingMark = {
      ruleId: f.ruleId,
      messageId: f.messageId,
      severity: f.severity,
      message: f.message,
      path: f.path,
      line: f.range.start.line,
      column: f.range.start.column,
      ...(balance && balance.gt(0) ? { balance } : {}),
    }
    return mark
  })
}

/** Every positive, finite balance where a piece starts or ends. */
export function pieceEnds(f: Pl | readonly Interval[]): Fraction[] {
  const out: Fraction[] = []
  for (const x of f) {
    const iv = 'interval' in x ? x.interval : x
    if (iv.lo.gt(0)) out.push(iv.lo)
    if (iv.hi !== null && iv.hi.gt(0)) out.push(iv.hi)
  }
  return out
}

/**
 * The chart of `data` (a config's `doc.toJS()`): per-symbol designed size, profile bands, binding caps and floors,
 * override live sets, reference balances and findings. Undefined when no profile defines a size at any balance.
 */
export function chartData(data: unknown, options: ChartDataOptions): ChartData | undefined {
  const cfg = readSizingConfig(data, { mode: options.sizingMode ?? 'auto' })
  const symbols = chartSymbols(cfg)
  if (symbols.length === 0) symbols.push('base size')
  const lines = symbols.map((symbol) => ({ symbol, line: designedLine(cfg, symbol) }))
  if (!lines.some(({ line }) => line.some((p) => p.slope !== undefined))) return undefined

  const profiles: ProfileBand[] = profileShapes(cfg).flatMap((s) =>
    s.region ? [{ name: s.profile.name, mode: s.profile.mode, region: s.region, path: s.profile.path }] : [],
  )
  const caps = capMarks(cfg, lines, options.limiter === true)
  const pc = pipelineContext(data, options.bot ?? 'auto')
  const tol = options.tolerance !== undefined ? q(options.tolerance) : BOT_TOLERANCE
  const overrides: OverrideMark[] = cfg.symbolProfiles.flatMap((view) => {
    const line = lines.find((l) => l.symbol === view.symbol)?.line
    if (!line) return []
    return view.overrides.map((o) => {
      // The model's own live set, as stale-override reads it: never recomputed here.
      const { live } = overrideView(pc, view.symbol, o.regime, o.value.value, tol)
      return { symbol: view.symbol, regime: o.regime, value: o.value.value, path: o.value.path, live, onLine: restrictAll(line, live) }
    })
  })
  const references: ReferenceMark[] = referenceBalances(options.balances ?? []).map((balance) => ({
    balance,
    sizes: lines.map(({ symbol, line }) => {
      const size = plAt(line, balance)
      return size ? { symbol, size } : { symbol }
    }),
  }))

  const ends = [
    ...lines.flatMap(({ line }) => pieceEnds(line)),
    ...profiles.flatMap((p) => pieceEnds([p.region])),
    ...caps.flatMap((c) => pieceEnds(c.limit)),
    ...overrides.flatMap((o) => pieceEnds(o.live)),
    ...references.map((r) => r.balance).filter((b) => b.gt(0)),
  ]
  const lo = ends.reduce<Fraction | undefined>((m, x) => (m === undefined || x.lt(m) ? x : m), undefined)
  const hi = ends.reduce<Fraction | undefined>((m, x) => (m === undefined || x.gt(m) ? x : m), undefined)
  // A ladder with no breakpoint at all (one fixed profile, no references): a conventional $100 to $10,000.
  const range = lo && hi ? { lo, hi } : { lo: profiles[0]!.region.lo.add(100), hi: profiles[0]!.region.lo.add(10000) }

  return {
    title: options.title,
    sizeLabel: 'designed per-symbol size (profile formula x position_multiplier, before overrides and caps)',
    pointTitle: 'Designed per-symbol size against balance',
    range,
    leverage: cfg.leverage?.value ?? ONE,
    tolerance: tol,
    series: lines,
    profiles,
    caps,
    overrides,
    references,
    findings: findingMarks(cfg, options.findings ?? []),
  }
}
