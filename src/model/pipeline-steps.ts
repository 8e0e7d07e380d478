// The steps of one pipeline run (docs/sizing-model.md): the base, the override rule, the floor and cap, the margin limits, the stop-loss and the leverage.
import Fraction from 'fraction.js'
import { HUNDRED, ONE, q, ZERO } from './decimal.js'
import type { BotProfile, SymbolRegimeView } from './bot-config.js'
import type { Semantics } from './eras.js'
import { intersect, toInterval, type Interval, type Span } from './interval.js'
import { leverageCategory } from './market.js'
import type { Run } from './pipeline.js'
import { LABEL, noTradeLabel, reasonAt } from './pipeline-labels.js'
import { leverageTableOf } from './pipeline-risk.js'
import { plAffine, plConst, plLabel, plMin, plPreimage, plScale, plWhere, withLine, type Pl, type ValueMap } from './pl.js'

/** The base size of a profile (USD notional), before the symbol's multiplier. */
export function basePl(run: Run, p: BotProfile, iv: Interval, leverage: Fraction): Pl | string {
  const { sem } = run.ctx
  if (sem.base === 'percent') {
    if (!p.maxPositionPercent.value.gt(0)) return reasonAt(`${p.name}'s max_position_percent is not above 0`, p.path)
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
  if (p.progressive && !fields && sem.strengthDamping) return reasonAt(`${p.name} is progressive but lacks min_balance, size_at_min or size_at_max`, p.path)
  if (!p.basePositionUsd.value.gt(0)) return reasonAt(`${p.name}'s base_position_usd is not above 0`, p.path)
  return plConst(iv, p.basePositionUsd.value, LABEL.designed)
}

/** The override value map of the era: live iff `lo * s <= o <= 1.5 s` (lo 0.5 symmetric, 1 asymmetric). */
export function overrideMap(o: Fraction, rule: Semantics['override']): ValueMap {
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
export interface Limits {
  readonly min: Fraction
  readonly max: Pl
}

/**
 * The floor and cap per the era's rule (spec 9.4), or the reason the bot gives up. `base` is the profile's base and
 * `sized` the size after the multiplier and the override (some C-era rules compare the symbol's cap with it).
 */
export function limits(run: Run, p: BotProfile, pos: SymbolRegimeView['position'] | undefined, base: Pl, sized: Pl, iv: Interval): Limits | string {
  const { sem } = run.ctx
  let min = p.minPositionUsd.value
  const profileMax = p.maxPositionUsd?.value
  if (profileMax === undefined && sem.strictProfile) return reasonAt(`${p.name} has no max_position_usd`, p.path)
  if (sem.strictProfile && (!min.gt(0) || (profileMax !== undefined && !profileMax.gt(0)))) {
    return reasonAt(`${p.name}'s min_position_usd or max_position_usd is not above 0`, p.path)
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
      if (symMax.lt(min)) return reasonAt(`the per-symbol max_position_usd is below the floor`, pos!.maxPositionUsd!.path)
      return { min, max: symMax.gt(pm) ? plConst(iv, symMax) : max }
    case 'min-or-no-trade': {
      const m = symMax.lt(pm) ? symMax : pm
      if (m.lt(min)) return reasonAt(`the cap is below the floor`, pos!.maxPositionUsd!.path)
      return { min, max: plConst(iv, m) }
    }
    case 'min-raised-to-floor': {
      const m = symMax.lt(pm) ? symMax : pm
      if (sem.strictProfile && !m.gt(0)) return reasonAt('the per-symbol max_position_usd is not above 0', pos!.maxPositionUsd!.path)
      return { min, max: plConst(iv, m.lt(min) ? min : m) }
    }
  }
}

/** min(s, cap) where the cap binds strictly, times 0.95 there with the haircut (5cff39c). */
export function applyCap(s: Pl, cap: Pl, haircut: boolean, label: string): Pl {
  const capped = plMin(s, plLabel(cap, label))
  if (!haircut) return capped
  const k = new Fraction(19, 20)
  return capped.map((part) => (part.label === label && part.slope ? withLine(part, part.slope.mul(k), part.intercept!.mul(k)) : part))
}

/** min(size, limit) where `limit` (a line in the balance) binds strictly; a bound limit under `floor` means no trade. */
export function marginLimit(size: Pl, limit: Pl, floor: Fraction, label: string, floorPath: string): Pl {
  const capped = plMin(size, plLabel(limit, label))
  const below = plPreimage(plLabel(limit, label), { lo: null, loClosed: false, hi: floor, hiClosed: false })
  if (below.length === 0) return capped
  // Only where the limit is what binds does the bot compare it with the floor and give up.
  return plWhere(capped, below, (part) => (part.label === label ? withLine(part, undefined, undefined, noTradeLabel(reasonAt(`the ${label} limit is below the floor`, floorPath))) : part))
}

/** The SL fraction the risk guards use, or a reason there is none (the bot then trades nothing, or skips risk-based sizing). */
export function stopLoss(run: Run, regimeView: SymbolRegimeView | undefined): Fraction | string {
  const { sem, bot } = run.ctx
  let sl = bot.slPercent?.value
  if (sem.slChain) {
    sl ??= bot.exitSlMinPercent[run.regime]?.value ?? regimeView?.slPercent?.value
    if (sl === undefined) return reasonAt('no stop-loss percent is set (scalping.sl_percent, exit_params.<regime>.sl_min_percent or the symbol regime sl_percent)', '/scalping')
    return sl.div(HUNDRED)
  }
  if (sl === undefined) return reasonAt('scalping.sl_percent is not set', '/scalping')
  return sem.slAsFractionBelowOne && !sl.gt(1) ? sl : sl.div(HUNDRED)
}

/** The leverage of this run on this profile at balances `iv`, or a reason there is none (config leverage missing). */
export function leverageOf(run: Run, p: BotProfile, iv: Interval): { interval: Interval; leverage: Fraction }[] | string {
  const { sem, sizing } = run.ctx
  const rule = sem.leverage
  if (rule.kind === 'config') {
    const L = sizing.leverage?.value
    if (!L || !L.gt(0)) return reasonAt('scalping.leverage is not set to a number above 0', run.ctx.bot.leveragePath)
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

export function subtractAll(from: readonly Interval[], cut: readonly Interval[]): Interval[] {
  let out: Pl = from.map((interval) => ({ interval }))
  out = plWhere(out, cut, (part) => ({ ...part, label: 'cut' }))
  return out.filter((p) => p.label !== 'cut').map((p) => p.interval)
}
