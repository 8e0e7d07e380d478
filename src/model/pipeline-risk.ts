// Risk parameters and leverage tables of a pipeline context: the bot's strength multipliers and margin limits with its defaults, cached.
import Fraction from 'fraction.js'
import { HUNDRED, q } from './decimal.js'
import type { RiskParamsView } from './bot-config.js'
import type { Semantics } from './eras.js'
import { DEFAULT_STRENGTH, leverageTable, type StrengthTable } from './market.js'
import type { PipelineContext } from './pipeline.js'
import type { Regime } from './sizing-config.js'

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
