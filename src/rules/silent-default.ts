// silent-default: sizing keys the bot's code reads but the config lacks, so a default it never shows decides the number.
import { formatNumber, formatUsd } from '../model/decimal.js'
import { PROFILE_DEFAULTS } from '../model/bot-config.js'
import { chooseEra } from '../model/eras.js'
import { escapePointerToken } from '../model/json-pointer.js'
import { isDict, own, REGIMES } from '../model/sizing-config.js'
import { listOf } from '../text/plural.js'
import type { Report, Rule } from '../types.js'

export type SilentDefaultMessageId = 'profileDefault' | 'riskFallback' | 'riskDefault' | 'blockDefault' | 'blockMissing'

/** The risk keys `validate_risk_params` requires, with the value it falls back to (percent unless named). */
const REQUIRED_RISK: readonly [string, number][] = [
  ['max_loss_per_trade_percent', 2],
  ['max_margin_percent', 80],
  ['max_drawdown_percent', 5],
  ['max_margin_safety_percent', 90],
  ['min_balance_usd', 20],
  ['min_time_between_orders_seconds', 30],
]

const STRENGTH_DEFAULTS = 'conflict 0.5, weak 0.8, medium 1.0, strong 1.2, very strong 1.5'

function has(node: unknown, key: string): boolean {
  const v = own(node, key)
  return v !== undefined && v !== null
}

function truthy(v: unknown): boolean {
  return v === true || (typeof v === 'number' && v !== 0) || (typeof v === 'string' && v !== '')
}

function positiveNumber(node: unknown, key: string): boolean {
  const v = own(node, key)
  return typeof v === 'number' && Number.isFinite(v) && v > 0
}

const at = (...keys: string[]): string => keys.map((k) => `/${escapePointerToken(k)}`).join('')

export const silentDefault: Rule<Record<string, never>, SilentDefaultMessageId> = {
  meta: {
    id: 'silent-default',
    description: "Sizing keys the bot's code reads but the config lacks: a default the config never shows decides the number",
    defaultSeverity: 'warn',
    fixable: false,
    schema: { type: 'object', additionalProperties: false },
    defaultOptions: {},
    messages: {
      profileDefault: 'balance profile {{profile}} has no {{key}}: the bot uses {{value}} ({{effect}})',
      riskFallback:
        '{{where}} lack {{keys}}, which the bot requires for every profile and regime: it then drops every risk parameter the config sets and sizes with its fallback (loss per trade 2%, margin 80%, margin safety 90%, strength multipliers {{strength}})',
      riskDefault: '{{where}} lack {{key}}: the bot uses {{value}}',
      blockDefault: '{{block}} has no {{key}}: the bot uses {{value}}',
      blockMissing: 'the config has no {{block}}: the bot uses {{value}}',
    },
  },

  *check(ctx) {
    const { semantics: sem } = chooseEra(ctx.data, ctx.shared.bot ?? 'auto')
    const scalping = own(ctx.data, 'scalping')
    const profiles = own(scalping, 'balance_profiles')
    if (!isDict(profiles) || Object.keys(profiles).length === 0) return

    for (const name of Object.keys(profiles)) {
      const p = own(profiles, name)
      if (!isDict(p)) continue
      const path = at('scalping', 'balance_profiles', name)
      const report = (key: string, value: string, effect: string): Report<SilentDefaultMessageId> => ({
        path,
        on: 'key',
        messageId: 'profileDefault',
        data: { profile: name, key, value, effect },
      })
      if (!has(p, 'threshold')) yield report('threshold', formatUsd(PROFILE_DEFAULTS.threshold), 'it is selected as if its threshold were that')
      if (!has(p, 'min_position_usd')) yield report('min_position_usd', formatUsd(PROFILE_DEFAULTS.min_position_usd), 'the floor of every position')
      if (!has(p, 'max_open_positions')) yield report('max_open_positions', String(PROFILE_DEFAULTS.max_open_positions), 'how many positions it allows')
      if (sem.base === 'percent' && !has(p, 'max_position_percent')) {
        yield report('max_position_percent', `${PROFILE_DEFAULTS.max_position_percent}%`, 'every position is that share of the balance as margin')
      }
      // `if progressive:` in the bot: any truthy value.
      const progressive = truthy(own(p, 'progressive')) && ['min_balance', 'size_at_min', 'size_at_max'].every((k) => has(p, k))
      if (sem.base === 'profile' && !progressive && !has(p, 'base_position_usd')) {
        yield report('base_position_usd', formatUsd(PROFILE_DEFAULTS.base_position_usd), 'the size of every position it opens')
      }
      if (!sem.strictProfile && !has(p, 'max_position_usd')) yield report('max_position_usd', 'twice the base size', 'the cap of every position')
    }

    const risk = own(ctx.data, 'risk')
    if (!has(risk, 'max_open_positions')) {
      yield { path: has(ctx.data, 'risk') ? '/risk' : '', on: 'key', messageId: 'blockDefault', data: { block: 'risk', key: 'max_open_positions', value: '3 (open positions never exceed it, whatever the profiles allow)' } }
    }

    if (sem.riskParamsFromConfig) yield* riskParams(ctx.data, Object.keys(profiles), sem.riskParamsWholeFallback)
    if (sem.leverage.kind === 'adaptive' && sem.leverage.readsConfig) yield* adaptiveLeverage(scalping)
    if (sem.riskConfig) yield* riskConfig(scalping)
    if (sem.volatility) yield* volatility(scalping)
  },
}

/** The risk merge (base -> by_balance.<profile> -> by_regime.<regime>) per profile and regime: what it lacks. */
function* riskParams(data: unknown, profiles: readonly string[], wholeFallback: boolean): Generator<Report<SilentDefaultMessageId>> {
  const risk = own(data, 'risk')
  const levels = (profile: string, regime: string): unknown[] => [own(risk, 'base'), own(own(risk, 'by_balance'), profile), own(own(risk, 'by_regime'), regime)]
  // A key missing at every level for every profile and regime is one finding on risk.base; else one per regime.
  const missing = new Map<string, Set<string>>()
  let strengthEverywhere = true
  for (const profile of profiles) {
    for (const regime of REGIMES) {
      const ls = levels(profile, regime)
      for (const [key] of REQUIRED_RISK) {
        // The last level that sets the key decides (dict.update): valid there, or invalid.
        const last = [...ls].reverse().find((l) => has(l, key))
        if (last === undefined || !positiveNumber(last, key)) {
          const where = missing.get(key) ?? new Set()
          where.add(regime)
          missing.set(key, where)
        }
      }
      if (ls.some((l) => has(l, 'strength_multipliers'))) strengthEverywhere = false
    }
  }
  const base = has(risk, 'base') ? '/risk/base' : has(data, 'risk') ? '/risk' : ''
  if (missing.size > 0) {
    const keys = [...missing.keys()]
    const regimes = [...new Set([...missing.values()].flatMap((s) => [...s]))]
    const where = regimes.length === REGIMES.length ? 'risk.base, by_balance and by_regime' : `risk for ${listOf(regimes)}`
    if (wholeFallback) {
      yield { path: base, on: 'key', messageId: 'riskFallback', data: { where, keys: listOf(keys), strength: STRENGTH_DEFAULTS } }
    } else {
      for (const key of keys) {
        const value = REQUIRED_RISK.find(([k]) => k === key)![1]
        yield { path: base, on: 'key', messageId: 'riskDefault', data: { where, key, value: formatNumber(value) } }
      }
    }
  }
  if (strengthEverywhere) {
    yield { path: base, on: 'key', messageId: 'riskDefault', data: { where: 'risk.base, by_balance and by_regime', key: 'strength_multipliers', value: STRENGTH_DEFAULTS } }
  }
}

function* adaptiveLeverage(scalping: unknown): Generator<Report<SilentDefaultMessageId>> {
  const al = own(scalping, 'adaptive_leverage')
  if (!isDict(al)) {
    yield {
      path: '/scalping',
      on: 'key',
      messageId: 'blockMissing',
      data: { block: 'scalping.adaptive_leverage', value: 'its built-in leverage map (very weak 3x, weak 5x, medium 10x, strong 15x, very strong 20x) clamped to 3x..20x' },
    }
    return
  }
  const path = '/scalping/adaptive_leverage'
  if (!has(al, 'min_leverage')) yield { path, on: 'key', messageId: 'blockDefault', data: { block: 'scalping.adaptive_leverage', key: 'min_leverage', value: '3x' } }
  if (!has(al, 'max_leverage')) yield { path, on: 'key', messageId: 'blockDefault', data: { block: 'scalping.adaptive_leverage', key: 'max_leverage', value: '20x' } }
  const map = own(al, 'leverage_map')
  if (isDict(map) && Object.keys(map).length > 0) {
    for (const c of ['very_weak', 'weak', 'medium', 'strong', 'very_strong']) {
      if (!has(map, c)) yield { path: `${path}/leverage_map`, on: 'key', messageId: 'blockDefault', data: { block: 'scalping.adaptive_leverage.leverage_map', key: c, value: '5x (a map it has replaces the built-in one whole)' } }
    }
  }
}

function* riskConfig(scalping: unknown): Generator<Report<SilentDefaultMessageId>> {
  const rc = own(scalping, 'risk_config')
  if (!isDict(rc) || !has(rc, 'max_margin_per_trade')) return
  const path = '/scalping/risk_config'
  const block = 'scalping.risk_config'
  if (!has(rc, 'min_margin_cap')) yield { path, on: 'key', messageId: 'blockDefault', data: { block, key: 'min_margin_cap', value: '$8.00 (the least the dynamic cap allows)' } }
  if (!has(rc, 'max_margin_cap_multiplier')) yield { path, on: 'key', messageId: 'blockDefault', data: { block, key: 'max_margin_cap_multiplier', value: '2.0' } }
}

function* volatility(scalping: unknown): Generator<Report<SilentDefaultMessageId>> {
  const va = own(scalping, 'volatility_adjustment')
  if (!isDict(va) || own(va, 'enabled') !== true) return
  const path = '/scalping/volatility_adjustment'
  const block = 'scalping.volatility_adjustment'
  if (!has(va, 'base_atr_percent')) yield { path, on: 'key', messageId: 'blockDefault', data: { block, key: 'base_atr_percent', value: '0.02 (an ATR of 2% of the price sizes at 1.0x)' } }
  if (!has(va, 'min_multiplier')) yield { path, on: 'key', messageId: 'blockDefault', data: { block, key: 'min_multiplier', value: '0.5' } }
  if (!has(va, 'max_multiplier')) yield { path, on: 'key', messageId: 'blockDefault', data: { block, key: 'max_multiplier', value: '1.5' } }
}
