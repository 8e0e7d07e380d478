// The bot's sizing pipeline in its own order, per era, as exact piecewise-linear functions of the balance (docs/sizing-model.md).
import Fraction from 'fraction.js'
import { HUNDRED, ONE, q, ZERO } from './decimal.js'
import { readBotConfig, type BotConfig, type BotProfile, type RiskParamsView, type SymbolRegimeView } from './bot-config.js'
import { chooseEra, type BotSetting, type EraChoice, type Semantics } from './eras.js'
import { intersect, toInterval, type Interval, type Span } from './interval.js'
import {
  DEFAULT_STRENGTH,
  dynamicCapAtrFactor,
  leverageCategory,
  leverageTable,
  strengthCategory,
  strengthMultiplier,
  volatilityMultiplier,
  type MarketState,
  type StrengthTable,
} from './market.js'
import { plAffine, plConst, plLabel, plMap, plMax, plMin, plPreimage, plScale, plSimplify, plUndefined, plWhere, withLine, type Pl, type ValueMap } from './pl.js'
import { multiplierOf } from './size-function.js'
import { readSizingConfig, type Regime, type SizingConfig } from './sizing-config.js'

/** What the pipeline reads: the era's semantics and the config's views. */
export interface PipelineContext {
  readonly choice: EraChoice
  readonly sem: Semantics
  readonly bot: BotConfig
  readonly sizing: SizingConfig
}

const NINETEEN_TWENTIETHS = new Fraction(19, 20)
const ALL_VALUES: Span = { lo: null, loClosed: false, hi: null, hiClosed: false }

const contexts = new WeakMap<object, Map<string, PipelineContext>>()

/** The pipeline context for a config's data and `bot` setting; memoised per data object. */
export function pipelineContext(data: unknown, setting: BotSetting = 'auto'): PipelineContext {
  const make = (): PipelineContext => {
    const choice = chooseEra(data, setting)
    return Object.freeze({ choice, sem: choice.semantics, bot: readBotConfig(data), sizing: readSizingConfig(data) })
  }
  if (typeof data !== 'object' || data === null) return make()
  let bySetting = contexts.get(data)
  if (!bySetting) contexts.set(data, (bySetting = new Map()))
  let ctx = bySetting.get(setting)
  if (!ctx) bySetting.set(setting, (ctx = make()))
  return ctx
}

/** Labels of what decided the value on a piece; `no trade: ...` pieces trade nothing. */
export const LABEL = {
  designed: 'designed size',
  override: 'override',
  cap: 'cap',
  capHaircut: 'cap x 0.95',
  volatilityCap: 'cap after volatility',
  maxMargin: 'max margin %',
  freeMargin: 'free margin',
  dynamicCap: 'dynamic margin cap',
  riskBased: 'risk-based sizing',
  maxSafe: 'max safe margin',
  marginSafety: 'margin safety %',
  floor: 'floor',
} as const

/** A label marking no trade, with the reason the bot's code gives up and, after a NUL, the pointer of the key to blame. */
export function noTradeLabel(reason: string): string {
  return `no trade: ${reason}`
}

/** `reason` with the pointer of the key it is about, as noTradeLabel carries it. */
function at(reason: string, path: string): string {
  return `${reason}\u0000${path}`
}

export function isNoTrade(label: string | undefined): boolean {
  return label !== undefined && label.startsWith('no trade: ')
}

/** The reason of a no-trade label, in words. */
export function noTradeReason(label: string): string {
  return label.slice('no trade: '.length).split('\u0000')[0]!
}

/** The pointer of the key a no-trade label blames ('' when none). */
export function noTradePath(label: string): string {
  return label.split('\u0000')[1] ?? ''
}

// ---------------------------------------------------------------------------------------------
// Profile selection

/**
 * Where each profile is selected within `domain`, as the bot's code selects: sorted by threshold, `b <= threshold`,
 * the last one above every threshold. Under `held` (the percent era's 5% downgrade hysteresis), a profile also holds
 * the balances down to 0.95 x the threshold below it, as it does for a bot that came from above.
 */
export function selectionRegions(
  profiles: readonly BotProfile[],
  selection: MarketState['selection'],
  hysteresis: boolean,
  domain: Span,
): { profile: BotProfile; index: number; interval: Interval }[] {
  const out: { profile: BotProfile; index: number; interval: Interval }[] = []
  const n = profiles.length
  const T = (i: number): Fraction => profiles[i]!.threshold.value
  const held = selection === 'held' && hysteresis
  // A profile after one with the same threshold is never the raw choice, unless it is the last (above all thresholds).
  const selectable = (i: number): boolean => i === 0 || T(i - 1).lt(T(i)) || i === n - 1
  // Profiles above have claimed (floor, +inf); what is left for the next one down is (-inf, floor].
  let floor: Fraction | null = null
  for (let i = n - 1; i >= 0; i--) {
    if (!selectable(i)) continue
    const lo = i === 0 ? null : held ? T(i - 1).mul(NINETEEN_TWENTIETHS) : T(i - 1)
    let hi: Fraction | null = i === n - 1 ? null : T(i)
    if (floor !== null && (hi === null || floor.lt(hi))) hi = floor
    const part = intersect({ lo, loClosed: false, hi, hiClosed: hi !== null }, domain)
    if (part) out.unshift({ profile: profiles[i]!, index: i, interval: toInterval(part) })
    if (lo === null) break
    if (floor === null || lo.lt(floor)) floor = lo
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// Risk parameters

const REQUIRED_RISK_KEYS = [
  'max_loss_per_trade_percent',
  'max_margin_percent',
  'max_drawdown_percent',
  'max_margin_safety_percent',
  'min_balance_usd',
  'min_time_between_orders_seconds',
]
const FALLBACK: Record<string, number> = {
  max_loss_per_trade_percent: 2,
  max_margin_percent: 80,
  max_drawdown_percent: 5,
  max_margin_safety_percent: 90,
  min_balance_usd: 20,
  min_time_between_orders_seconds: 30,
}

/** The margin limits and strength ladder one profile and regime size with (ratios: 0.8 = 80%). */
export interface ResolvedRisk {
  readonly maxMargin: Fraction
  readonly maxLoss: Fraction
  readonly marginSafety: Fraction
  readonly strength: StrengthTable
  /** The required keys whose absence made the bot take its whole fallback dict (from 73b91f2), if any. */
  readonly fellBack?: readonly string[]
}

function positive(v: Fraction | undefined): v is Fraction {
  return v !== undefined && v.gt(0)
}

/** `get_adaptive_risk_params` as the era computes it (§2.4 of the spec; hard-coded before 1e7224d). */
export function resolveRisk(sem: Semantics, view: RiskParamsView): ResolvedRisk {
  const hard = { maxMargin: q(0.8), maxLoss: q(0.02), marginSafety: q(0.9), strength: DEFAULT_STRENGTH }
  if (!sem.riskParamsFromConfig) return hard
  const missing = REQUIRED_RISK_KEYS.filter((k) => !positive(view.keys.get(k)?.value))
  if (missing.length > 0 && sem.riskParamsWholeFallback) return { ...hard, fellBack: missing }
  const pct = (k: string): Fraction => {
    const v = view.keys.get(k)?.value
    return (positive(v) ? v : q(FALLBACK[k]!)).div(HUNDRED)
  }
  const sm = view.strengthMultipliers?.values ?? {}
  const st = view.strengthThresholds?.values ?? {}
  const d = DEFAULT_STRENGTH
  return {
    maxMargin: pct('max_margin_percent'),
    maxLoss: pct('max_loss_per_trade_percent'),
    marginSafety: pct('max_margin_safety_percent'),
    strength: {
      multipliers: {
        conflict: positive(sm.conflict) ? sm.conflict : d.multipliers.conflict,
        very_strong: positive(sm.very_strong) ? sm.very_strong : d.multipliers.very_strong,
        strong: positive(sm.strong) ? sm.strong : d.multipliers.strong,
        medium: positive(sm.medium) ? sm.medium : d.multipliers.medium,
        weak: positive(sm.weak) ? sm.weak : d.multipliers.weak,
      },
      thresholds: {
        very_strong: positive(st.very_strong) ? st.very_strong : d.thresholds.very_strong,
        strong: positive(st.strong) ? st.strong : d.thresholds.strong,
        medium: positive(st.medium) ? st.medium : d.thresholds.medium,
      },
    },
  }
}

const riskCache = new WeakMap<PipelineContext, Map<string, ResolvedRisk>>()

/** resolveRisk for one profile and regime of a context, memoised (every run of the range asks again). */
export function riskOf(ctx: PipelineContext, profile: string, regime: Regime): ResolvedRisk {
  let byKey = riskCache.get(ctx)
  if (!byKey) riskCache.set(ctx, (byKey = new Map()))
  const key = `${profile}\u0000${regime}`
  let hit = byKey.get(key)
  if (!hit) byKey.set(key, (hit = resolveRisk(ctx.sem, ctx.bot.riskParams(profile, regime))))
  return hit
}

const leverageTables = new WeakMap<PipelineContext, ReturnType<typeof leverageTable>>()

/** The era's leverage map and clamp for a context, memoised. */
export function leverageTableOf(ctx: PipelineContext): ReturnType<typeof leverageTable> {
  let hit = leverageTables.get(ctx)
  if (!hit) leverageTables.set(ctx, (hit = leverageTable(ctx.sem.leverage, ctx.bot)))
  return hit
}

// ---------------------------------------------------------------------------------------------
// The pipeline for one profile, on one interval of balances

/** Everything one run of the pipeline holds fixed. */
export interface Run {
  readonly ctx: PipelineContext
  readonly symbol: string
  readonly regime: Regime
  readonly market: MarketState
  /**
   * How the regime's `position.base_position_usd` override is taken: by the era's rule (default), left out (what the
   * bot would trade were it deleted), or always used (what the config asks for, whatever the rule says).
   */
  readonly override?: 'rule' | 'skip' | 'force'
}

/** A stretch of balances sized with one profile at one leverage. */
export interface RunPart {
  readonly profile: BotProfile
  readonly interval: Interval
  readonly leverage: Fraction
}

/** One named step and the function it produced (for explain's trace). */
export interface TraceStep {
  readonly step: string
  readonly value: Pl
}

/** The base size of a profile (USD notional), before the symbol's multiplier. */
function basePl(run: Run, p: BotProfile, iv: Interval, leverage: Fraction): Pl | string {
  const { sem } = run.ctx
  if (sem.base === 'percent') {
    if (!p.maxPositionPercent.value.gt(0)) return at(`${p.name}'s max_position_percent is not above 0`, p.path)
    return plAffine(iv, p.maxPositionPercent.value.div(HUNDRED).mul(leverage), ZERO, LABEL.designed)
  }
  const fields = p.minBalance && p.sizeAtMin && p.sizeAtMax
  if (p.progressive && fields) {
    const m = p.minBalance!.value
    const hi = p.name === 'large' && p.maxBalance ? p.maxBalance.value : p.threshold.value
    const a = p.sizeAtMin!.value
    const z = p.sizeAtMax!.value
    const out: Pl[] = []
    const push = (span: Span, slope: Fraction, intercept: Fraction): void => {
      const part = intersect(span, iv)
      if (part) out.push(plAffine(toInterval(part), slope, intercept, LABEL.designed))
    }
    push({ lo: null, loClosed: false, hi: m, hiClosed: true }, ZERO, a)
    if (hi.gt(m)) {
      const slope = z.sub(a).div(hi.sub(m))
      push({ lo: m, loClosed: false, hi, hiClosed: false }, slope, a.sub(slope.mul(m)))
      push({ lo: hi, loClosed: true, hi: null, hiClosed: false }, ZERO, z)
    } else push({ lo: m, loClosed: false, hi: null, hiClosed: false }, ZERO, z)
    return out.flat()
  }
  if (p.progressive && !fields && sem.strengthDamping) return at(`${p.name} is progressive but lacks min_balance, size_at_min or size_at_max`, p.path)
  if (!p.basePositionUsd.value.gt(0)) return at(`${p.name}'s base_position_usd is not above 0`, p.path)
  return plConst(iv, p.basePositionUsd.value, LABEL.designed)
}

/** The override value map of the era: live iff `lo * s <= o <= 1.5 s` (lo 0.5 symmetric, 1 asymmetric). */
function overrideMap(o: Fraction, rule: Semantics['override']): ValueMap {
  // In sizes: live iff o / 1.5 <= s <= o / lo; the map sends those sizes to o and leaves the others.
  const from = o.div(new Fraction(3, 2))
  const to = rule === 'symmetric' ? o.mul(2) : o
  return [
    { span: { lo: null, loClosed: false, hi: from, hiClosed: false }, slope: ONE, intercept: ZERO },
    { span: { lo: from, loClosed: true, hi: to, hiClosed: true }, slope: ZERO, intercept: o, label: LABEL.override },
    { span: { lo: to, loClosed: false, hi: null, hiClosed: false }, slope: ONE, intercept: ZERO },
  ]
}

/** The floor (a number) and the cap (a function of the balance) for this symbol and regime on this profile. */
interface Limits {
  readonly min: Fraction
  readonly max: Pl
}

/**
 * The floor and cap per the era's rule (spec 9.4), or the reason the bot gives up. `base` is the profile's base and
 * `sized` the size after the multiplier and the override (some C-era rules compare the symbol's cap with it).
 */
function limits(run: Run, p: BotProfile, pos: SymbolRegimeView['position'] | undefined, base: Pl, sized: Pl, iv: Interval): Limits | string {
  const { sem } = run.ctx
  let min = p.minPositionUsd.value
  const profileMax = p.maxPositionUsd?.value
  if (profileMax === undefined && sem.strictProfile) return at(`${p.name} has no max_position_usd`, p.path)
  if (sem.strictProfile && (!min.gt(0) || (profileMax !== undefined && !profileMax.gt(0)))) {
    return at(`${p.name}'s min_position_usd or max_position_usd is not above 0`, p.path)
  }
  // Before 1e7224d a missing cap is twice the profile's base.
  let max: Pl = profileMax === undefined ? plScale(base, new Fraction(2)) : plConst(iv, profileMax)
  const symMin = pos?.minPositionUsd?.value
  const symMax = pos?.maxPositionUsd?.value
  if (sem.symbolCap === 'replace') {
    if (symMin !== undefined) min = symMin
    if (symMax !== undefined) max = plConst(iv, symMax)
    // Then a cap at or below 0 is twice the current size (1e5f6e8:OR:2225-2228).
    if (symMax !== undefined && !symMax.gt(0)) max = plScale(sized, new Fraction(2))
    return { min, max }
  }
  if (symMin !== undefined && symMin.gt(min)) min = symMin
  if (symMax === undefined) return { min, max }
  const pm = profileMax ?? ZERO
  switch (sem.symbolCap) {
    case 'lower-unless-below-size':
    case 'lower-unless-below-half-size': {
      if (!symMax.lt(pm)) return { min, max }
      // The symbol's cap applies only where the size allows it: a condition on the balance.
      const k = sem.symbolCap === 'lower-unless-below-size' ? ONE : new Fraction(1, 2)
      const applies = plPreimage(sized, { lo: null, loClosed: false, hi: symMax.div(k), hiClosed: true })
      return { min, max: plWhere(max, applies, (part) => withLine(part, ZERO, symMax)) }
    }
    case 'max-or-no-trade':
      if (symMax.lt(min)) return at(`the per-symbol max_position_usd is below the floor`, pos!.maxPositionUsd!.path)
      return { min, max: symMax.gt(pm) ? plConst(iv, symMax) : max }
    case 'min-or-no-trade': {
      const m = symMax.lt(pm) ? symMax : pm
      if (m.lt(min)) return at(`the cap is below the floor`, pos!.maxPositionUsd!.path)
      return { min, max: plConst(iv, m) }
    }
    case 'min-raised-to-floor': {
      const m = symMax.lt(pm) ? symMax : pm
      if (sem.strictProfile && !m.gt(0)) return at('the per-symbol max_position_usd is not above 0', pos!.maxPositionUsd!.path)
      return { min, max: plConst(iv, m.lt(min) ? min : m) }
    }
  }
}

/** min(s, cap) where the cap binds strictly, times 0.95 there with the haircut (5cff39c). */
function applyCap(s: Pl, cap: Pl, haircut: boolean, label: string): Pl {
  const capped = plMin(s, plLabel(cap, label))
  if (!haircut) return capped
  const k = new Fraction(19, 20)
  return capped.map((part) => (part.label === label && part.slope ? withLine(part, part.slope.mul(k), part.intercept!.mul(k)) : part))
}

/** min(size, limit) where `limit` (a line in the balance) binds strictly; a bound limit under `floor` means no trade. */
function marginLimit(size: Pl, limit: Pl, floor: Fraction, label: string, floorPath: string): Pl {
  const capped = plMin(size, plLabel(limit, label))
  const below = plPreimage(plLabel(limit, label), { lo: null, loClosed: false, hi: floor, hiClosed: false })
  if (below.length === 0) return capped
  // Only where the limit is what binds does the bot compare it with the floor and give up.
  return plWhere(capped, below, (part) => (part.label === label ? withLine(part, undefined, undefined, noTradeLabel(at(`the ${label} limit is below the floor`, floorPath))) : part))
}

/** The SL fraction the risk guards use, or a reason there is none (the bot then trades nothing, or skips risk-based sizing). */
function stopLoss(run: Run, regimeView: SymbolRegimeView | undefined): Fraction | string {
  const { sem, bot } = run.ctx
  let sl = bot.slPercent?.value
  if (sem.slChain) {
    sl ??= bot.exitSlMinPercent[run.regime]?.value ?? regimeView?.slPercent?.value
    if (sl === undefined) return at('no stop-loss percent is set (scalping.sl_percent, exit_params.<regime>.sl_min_percent or the symbol regime sl_percent)', '/scalping')
    return sl.div(HUNDRED)
  }
  if (sl === undefined) return at('scalping.sl_percent is not set', '/scalping')
  return sem.slAsFractionBelowOne && !sl.gt(1) ? sl : sl.div(HUNDRED)
}

/** The leverage of this run on this profile at balances `iv`, or a reason there is none (config leverage missing). */
function leverageOf(run: Run, p: BotProfile, iv: Interval): { interval: Interval; leverage: Fraction }[] | string {
  const { sem, sizing } = run.ctx
  const rule = sem.leverage
  if (rule.kind === 'config') {
    const L = sizing.leverage?.value
    if (!L || !L.gt(0)) return at('scalping.leverage is not set to a number above 0', run.ctx.bot.leveragePath)
    return [{ interval: iv, leverage: L }]
  }
  const table = leverageTableOf(run.ctx)
  let L = table.map[leverageCategory(rule, run.regime, run.market)]
  if (run.regime === 'ranging' && rule.rangingCap !== undefined && L.gt(rule.rangingCap)) L = q(rule.rangingCap)
  // The caps on the base passed as position_size_usd: a margin in the percent era, the profile's notional base before.
  const psu: Pl | string = sem.base === 'percent' ? plAffine(iv, p.maxPositionPercent.value.div(HUNDRED), ZERO) : basePl(run, p, iv, ONE)
  if (typeof psu === 'string') return [{ interval: iv, leverage: clampLeverage(L, table) }]
  let pl: Pl = plConst(iv, L)
  let remaining: Interval[] = [iv]
  for (const cap of rule.sizeCaps ?? []) {
    const over = cap.of === 'usd' ? plPreimage(psu, { lo: q(cap.above), loClosed: false, hi: null, hiClosed: false }) : shareAbove(psu, q(cap.above))
    const hit = intersectAll(over, remaining)
    pl = plWhere(pl, hit, (part) => (part.intercept!.gt(cap.cap) ? withLine(part, ZERO, q(cap.cap)) : part))
    remaining = subtractAll(remaining, hit)
  }
  pl = pl.map((part) => withLine(part, ZERO, clampLeverage(part.intercept!, table)))
  if (rule.ethCap && run.symbol === 'ETH-USDT') {
    pl = pl.flatMap((part) => {
      const l = part.intercept!
      const notional = plScale(plRestrictTo(psu, part.interval), l)
      const over300 = plPreimage(notional, { lo: q(300), loClosed: false, hi: null, hiClosed: false })
      const over200 = plPreimage(notional, { lo: q(200), loClosed: false, hi: null, hiClosed: false })
      // `min(L, 7 if psu * L > 300 else 5)` for psu * L > 200 (a1a72ae:SC:2764-2784).
      let out: Pl = plWhere([part], over300, (x) => withLine(x, ZERO, l.lt(7) ? l : q(7)))
      out = plWhere(out, subtractAll(over200, over300), (x) => withLine(x, ZERO, l.lt(5) ? l : q(5)))
      return out
    })
  }
  return pl.map((part) => ({ interval: part.interval, leverage: part.intercept! }))
}

function clampLeverage(L: Fraction, t: { min: Fraction; max: Fraction }): Fraction {
  const capped = L.lt(t.max) ? L : t.max
  return capped.gt(t.min) ? capped : t.min
}

/** Balances where psu > share x b (the AdaptiveLeverage's share-of-balance caps). */
function shareAbove(psu: Pl, share: Fraction): Interval[] {
  const diff = psu.map((p) => (p.slope && p.intercept ? withLine(p, p.slope.sub(share), p.intercept) : p))
  return plPreimage(diff, { lo: ZERO, loClosed: false, hi: null, hiClosed: false })
}

function plRestrictTo(f: Pl, iv: Interval): Pl {
  const out: Pl[] = []
  for (const p of f) {
    const part = intersect(p.interval, iv)
    if (part) out.push([withLineOn(p, toInterval(part))])
  }
  return out.flat()
}

function withLineOn(p: Pl[number], interval: Interval): Pl[number] {
  return { ...p, interval }
}

function intersectAll(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = []
  for (const x of a) for (const y of b) {
    const s = intersect(x, y)
    if (s) out.push(toInterval(s))
  }
  return out.sort((x, y) => x.lo.compare(y.lo))
}

function subtractAll(from: readonly Interval[], cut: readonly Interval[]): Interval[] {
  let out: Pl = from.map((interval) => ({ interval }))
  out = plWhere(out, cut, (part) => ({ ...part, label: 'cut' }))
  return out.filter((p) => p.label !== 'cut').map((p) => p.interval)
}

/**
 * The traded notional (USD) for one symbol, regime and market state, over `domain`: the bot's steps in its order,
 * exact. Pieces labelled `no trade: ...` are where the bot sizes 0. With `trace`, each step's function is recorded.
 */
export function tradedPl(run: Run, domain: Interval, trace?: TraceStep[], parts?: RunPart[]): Pl {
  const { ctx } = run
  const out: Pl[] = []
  for (const region of selectionRegions(ctx.bot.profiles, run.market.selection, ctx.sem.hysteresis, domain)) {
    const levs = leverageOf(run, region.profile, region.interval)
    if (typeof levs === 'string') {
      out.push(plUndefined(region.interval, noTradeLabel(levs)))
      continue
    }
    for (const { interval, leverage } of levs) {
      parts?.push({ profile: region.profile, interval, leverage })
      out.push(profileRun(run, region.profile, interval, leverage, trace))
    }
  }
  // No trade is 0 traded: the pieces keep the reason as their label.
  return plSimplify(out.flat().map((p) => (p.slope ? p : withLine(p, ZERO, ZERO))))
}

function profileRun(run: Run, p: BotProfile, iv: Interval, L: Fraction, trace: TraceStep[] | undefined): Pl {
  const { ctx, regime } = run
  const { sem, bot } = ctx
  const note = (step: string, value: Pl): Pl => {
    trace?.push({ step, value })
    return value
  }
  if (sem.strictProfile && (!p.maxPositionPercent.value.gt(0) || !p.maxOpenPositions.value.gt(0))) {
    return plUndefined(iv, noTradeLabel(at(`${p.name}'s max_position_percent or max_open_positions is not above 0`, p.path)))
  }
  const base = basePl(run, p, iv, L)
  if (typeof base === 'string') return plUndefined(iv, noTradeLabel(base))
  note('base', base)
  let s: Pl = note('position_multiplier', plScale(base, multiplierOf(ctx.sizing, run.symbol)))
  const regimeView = bot.symbolRegimes.get(run.symbol)?.get(regime)
  const o = regimeView?.position.basePositionUsd?.value
  if (o !== undefined && run.override !== 'skip') {
    const map: ValueMap = run.override === 'force' ? [{ span: ALL_VALUES, slope: ZERO, intercept: o, label: LABEL.override }] : overrideMap(o, sem.override)
    s = note('override', plMap(s, map))
  }
  const lim = limits(run, p, regimeView?.position, base, s, iv)
  if (typeof lim === 'string') return plUndefined(iv, noTradeLabel(lim))
  const risk = riskOf(ctx, p.name, regime)
  // The symbol's `arm` replaces the global regime multiplier (deep merge); without ARM none applies.
  const rm = bot.adaptiveRegimeEnabled ? (regimeView?.armMultiplier ?? bot.regimeMultiplier[regime])?.value : undefined
  if (rm !== undefined) s = note('regime multiplier', plScale(s, rm))
  const category = strengthCategory(run.market.strength, run.market.conflict, risk.strength.thresholds)
  s = note('strength multiplier', plScale(s, strengthMultiplier(sem, p, risk.strength, category)))
  s = note('cap', applyCap(s, lim.max, sem.haircut, sem.haircut ? LABEL.capHaircut : LABEL.cap))
  const vol = bot.volatility(regime)
  if (sem.volatility && vol.enabled && run.market.atr.kind !== 'none') {
    const v = volatilityMultiplier(run.market.atr, vol.baseAtrPercent?.value ?? q(0.02), vol.minMultiplier?.value ?? q(0.5), vol.maxMultiplier?.value ?? q(1.5))
    s = note('volatility', applyCap(plScale(s, v), lim.max, false, LABEL.volatilityCap))
  }
  // Margin limits, in notional terms at leverage L: a margin limit m caps the notional at L x m.
  const line = (k: Fraction): Pl => plAffine(iv, k.mul(L), ZERO)
  s = note(LABEL.maxMargin, marginLimit(s, line(risk.maxMargin), lim.min, LABEL.maxMargin, p.path))
  if (sem.freeMargin) s = note(LABEL.freeMargin, marginLimit(s, line(ONE), lim.min, LABEL.freeMargin, p.path))
  const rc = bot.riskConfig
  if (sem.riskConfig && rc.maxMarginPerTrade !== undefined) {
    const pct = rc.maxMarginPerTrade.value.div(HUNDRED)
    const af = rc.volatilityFactorEnabled ? dynamicCapAtrFactor(run.market.atr) : ONE
    const rf = regime === 'trending' ? q(1.2) : regime === 'choppy' ? q(0.8) : ONE
    const dynamic = plMin(plAffine(iv, pct.mul(af).mul(rf), ZERO), plAffine(iv, pct.mul(rc.maxMarginCapMultiplier?.value ?? q(2)), ZERO))
    const cap = plMax(dynamic, plConst(iv, rc.minMarginCap?.value ?? q(8)))
    s = note(LABEL.dynamicCap, plMin(s, plLabel(plScale(cap, L), LABEL.dynamicCap)))
  }
  const sl = stopLoss(run, regimeView)
  if (sem.riskConfig && rc.useRiskBasedSizing && typeof sl !== 'string' && sl.gt(0)) {
    // Risk-based margin b x loss / sl / L: as a notional it does not depend on the leverage.
    s = note(LABEL.riskBased, plMin(s, plAffine(iv, risk.maxLoss.div(sl), ZERO, LABEL.riskBased)))
  }
  if (typeof sl === 'string') return plUndefined(iv, noTradeLabel(sl))
  if (sl.gt(0)) s = note(LABEL.maxSafe, plMin(s, plLabel(line(risk.maxLoss.div(sl)), LABEL.maxSafe)))
  s = note(LABEL.marginSafety, plMin(s, plLabel(line(risk.marginSafety), LABEL.marginSafety)))
  // max(min, min(m, max)): the floor comes last, after every risk limit; from 90ae0cd a final re-cap to max.
  s = plMax(plMin(s, plLabel(lim.max, LABEL.cap)), plConst(iv, lim.min, LABEL.floor))
  if (sem.finalRecap) s = plMin(s, plLabel(lim.max, LABEL.cap))
  return note('final', s)
}
