// dead-key: config keys the bot's code of the era never reads, or reads and throws away: an edit there changes nothing.
import { chooseEra, type Semantics } from '../model/eras.js'
import { escapePointerToken } from '../model/json-pointer.js'
import { isDict, own, REGIMES } from '../model/sizing-config.js'
import type { Report, Rule } from '../types.js'

export type DeadKeyMessageId = 'neverRead' | 'discarded'

/** A dead key: where (a key path, `*` any key), when (the era), and why. */
interface DeadKey {
  readonly path: readonly string[]
  readonly messageId: DeadKeyMessageId
  readonly why: string
  readonly when?: (sem: Semantics, data: unknown) => boolean
  /** Report the key itself (default) or every key under it. */
  readonly each?: boolean
}

const PROFILE_SIZE_KEYS = ['progressive', 'min_balance', 'size_at_min', 'size_at_max', 'max_balance', 'base_position_usd']
const RISK_LEVELS: readonly (readonly string[])[] = [['risk'], ['risk', 'base'], ['risk', 'by_regime', '*'], ['risk', 'by_balance', '*']]

/** The dead keys of the bot's code, with the evidence (docs/sizing-model.md cites each). */
const DEAD_KEYS: readonly DeadKey[] = [
  {
    path: ['futures_modules', 'max_size_limiter'],
    each: true,
    messageId: 'neverRead',
    why: 'the limiter starts from values fixed in the code, and every sizing call overwrites them with the max_position_usd in force',
  },
  { path: ['risk', 'adaptive_minimums'], messageId: 'neverRead', why: 'only the spot bot reads it' },
  { path: ['risk', 'base', 'position_override_tolerance_percent'], messageId: 'neverRead', why: 'the override tolerance is the literal 0.5 in the code' },
  { path: ['risk', 'max_position_size_percent'], messageId: 'neverRead', why: 'no futures code reads it (the bot only checks that it lies in 0.1..100 when it loads)' },
  { path: ['scalping', 'risk_config', 'max_portfolio_margin'], messageId: 'neverRead', why: 'no code reads it' },
  ...RISK_LEVELS.map(
    (level): DeadKey => ({
      path: [...level, 'risk_per_trade_percent'],
      messageId: 'neverRead',
      why: 'the sizing takes the risk per trade from max_loss_per_trade_percent; this key is read only on the legacy signal path, which scalping.use_legacy_signal_processing leaves off',
      when: (_sem, data) => !truthy(own(own(data, 'scalping'), 'use_legacy_signal_processing')),
    }),
  ),
  ...REGIMES.map(
    (regime): DeadKey => ({
      path: ['scalping', 'adaptive_regime', 'symbol_profiles', '*', regime, 'position', 'max_position_percent'],
      messageId: 'discarded',
      why: 'the code writes it into the profile after the size is computed, so it changes no size',
    }),
  ),
  ...PROFILE_SIZE_KEYS.map(
    (key): DeadKey => ({
      path: ['scalping', 'balance_profiles', '*', key],
      messageId: 'neverRead',
      why: 'the percent-era code sizes every profile at max_position_percent of the balance',
      when: (sem) => sem.base === 'percent',
    }),
  ),
  {
    path: ['scalping', 'balance_profiles', '*', 'max_balance'],
    messageId: 'neverRead',
    why: 'the code reads max_balance only for a profile named "large"',
    when: (sem) => sem.base === 'profile',
  },
  {
    path: ['scalping', 'adaptive_leverage'],
    messageId: 'neverRead',
    why: 'this code takes the leverage from scalping.leverage',
    when: (sem) => sem.leverage.kind === 'config',
  },
  {
    path: ['scalping', 'adaptive_leverage'],
    each: true,
    messageId: 'neverRead',
    why: 'the adaptive leverage reads its config only from 016e636 (2026-03-01); before, it uses its built-in map',
    when: (sem) => sem.leverage.kind === 'adaptive' && sem.leverage.readsConfig !== true,
  },
  ...['base', 'by_regime', 'by_balance'].map(
    (key): DeadKey => ({
      path: ['risk', key],
      messageId: 'neverRead',
      why: "the bot's settings model drops it before 1e7224d (2025-11-12): strength multipliers and margin limits are fixed in the code",
      when: (sem) => !sem.riskParamsFromConfig,
    }),
  ),
  {
    path: ['scalping', 'risk_config'],
    messageId: 'neverRead',
    why: 'the dynamic margin cap and risk-based sizing exist only from 7244d51 (2025-12-08)',
    when: (sem) => !sem.riskConfig,
  },
  {
    path: ['scalping', 'volatility_adjustment'],
    messageId: 'neverRead',
    why: 'the volatility step exists only from 08ee37d (2025-11-19)',
    when: (sem) => !sem.volatility,
  },
]

function truthy(v: unknown): boolean {
  return v === true || (typeof v === 'number' && v !== 0) || (typeof v === 'string' && v !== '') || (isDict(v) && Object.keys(v).length > 0)
}

/** Every key path matching `pattern` in the data (`*` any key), as key lists. */
function* matches(node: unknown, pattern: readonly string[], at: string[] = []): Generator<string[]> {
  if (pattern.length === 0) {
    yield at
    return
  }
  const [head, ...rest] = pattern
  if (!isDict(node)) return
  const keys = head === '*' ? Object.keys(node) : Object.hasOwn(node, head!) ? [head!] : []
  for (const key of keys) yield* matches(own(node, key), rest, [...at, key])
}

const pointer = (keys: readonly string[]): string => keys.map((k) => `/${escapePointerToken(k)}`).join('')
const dotted = (keys: readonly string[]): string => keys.join('.')

export const deadKey: Rule<Record<string, never>, DeadKeyMessageId> = {
  meta: {
    id: 'dead-key',
    description: "Config keys the bot's code of the era never reads, or reads and discards: editing them changes nothing",
    defaultSeverity: 'warn',
    fixable: false,
    schema: { type: 'object', additionalProperties: false },
    defaultOptions: {},
    messages: {
      neverRead: '{{key}} is never read by the bot (the {{era}} code): {{why}}',
      discarded: '{{key}} is read and thrown away by the bot (the {{era}} code): {{why}}',
    },
  },

  *check(ctx) {
    const { semantics } = chooseEra(ctx.data, ctx.shared.bot ?? 'auto')
    const era = semantics.era
    const seen = new Set<string>()
    // Blocks before the keys inside them, so that a dead block's keys fold into its finding.
    for (const dead of [...DEAD_KEYS].sort((a, b) => a.path.length - b.path.length)) {
      if (dead.when && !dead.when(semantics, ctx.data)) continue
      for (const keys of matches(ctx.data, dead.path)) {
        if (dead.path.includes('max_balance') && keys[2] === 'large') continue
        const targets = dead.each ? [...matches(keys.reduce<unknown>((n, k) => own(n, k), ctx.data), ['*'])].map((sub) => [...keys, ...sub]) : [keys]
        for (const target of targets) {
          const path = pointer(target)
          // A key under a block already reported dead is part of that finding.
          if ([...seen].some((done) => path === done || path.startsWith(`${done}/`))) continue
          seen.add(path)
          const report: Report<DeadKeyMessageId> = { path, on: 'key', messageId: dead.messageId, data: { key: dotted(target), era, why: dead.why } }
          yield report
        }
      }
    }
  },
}
