#!/usr/bin/env node
// Generates a large, realistic config_futures.yaml for benchmarks: deterministic from a seed, roughly a requested
// number of lines. Module: `generateConfig({ lines, seed })`. CLI: `node scripts/gen-config.mjs --lines 50000 [--seed 1] > file`.
//
// The shape follows the bot's format (fixtures/example/config_futures.yaml and the real versions in ../shared/corpus):
// comments (English and Russian, a few emoji), a progressive balance-profile ladder, strategy knobs nested three or four
// levels deep, and per-symbol sections that grow with the size: `scalping.symbols`, `scalping.by_symbol`,
// `scalping.trend_dip.by_symbol`, `scalping.adaptive_regime.symbol_profiles` (multiplier, per-regime `arm`, `position`
// overrides, `filters`, `modules`, `impulse`), `futures_modules.max_size_limiter.size_step_<coin>` and
// `futures_modules.trailing_sl.by_symbol`. Everything else is a fixed skeleton, so the line count is the skeleton plus
// whole symbol blocks: the result stops at the first symbol that reaches the requested count (never fewer than one
// symbol). It is valid against schemas/config-futures.schema.json and has no duplicate keys; about 2% of the overrides
// are "left over from fixed sizing" and never live, so the linter has a few findings to report, as on a real config.
import { pathToFileURL } from 'node:url'

/** mulberry32: a small, fast, seedable PRNG with uniform output in [0, 1). */
export function mulberry32(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** An independent stream per (seed, index), so symbol i's block does not depend on how many symbols there are. */
function streamFor(seed, index) {
  let h = (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca77)) >>> 0
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0
  return mulberry32(h)
}

/** A YAML float as PyYAML/the bot's authors write it: at least one decimal (42.0, 0.35, 1.25). */
export function float(x, digits = 2) {
  const s = x.toFixed(digits).replace(/0+$/, '')
  return s.endsWith('.') ? `${s}0` : s
}

const between = (rnd, lo, hi) => lo + (hi - lo) * rnd()
const int = (rnd, lo, hi) => Math.floor(between(rnd, lo, hi + 1))
const pick = (rnd, items) => items[Math.floor(rnd() * items.length)]

const MAJORS = [
  'BTC', 'ETH', 'SOL', 'DOGE', 'XRP', 'ADA', 'AVAX', 'LINK', 'DOT', 'TRX', 'LTC', 'BCH', 'NEAR', 'APT', 'ARB', 'OP',
  'SUI', 'TON', 'ATOM', 'FIL', 'ETC', 'UNI', 'AAVE', 'INJ', 'SEI', 'TIA', 'PEPE', 'SHIB', 'WIF', 'BONK',
]
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
const ALNUM = `${ALPHABET}0123456789`

/** `count` unique OKX instrument ids: the majors first, then made-up coins (a letter, then 2-4 letters or digits). */
export function symbolNames(count, seed = 1) {
  const rnd = mulberry32(seed ^ 0x5bd1e995)
  const names = []
  const seen = new Set()
  for (const coin of MAJORS) {
    if (names.length >= count) return names
    names.push(`${coin}-USDT`)
    seen.add(coin)
  }
  while (names.length < count) {
    let coin = pick(rnd, ALPHABET)
    const len = int(rnd, 2, 4)
    for (let i = 0; i < len; i++) coin += pick(rnd, ALNUM)
    if (seen.has(coin)) continue
    seen.add(coin)
    names.push(`${coin}-${rnd() < 0.9 ? 'USDT' : 'USDC'}`)
  }
  return names
}

const REGIMES = ['trending', 'ranging', 'choppy']
const TIERS = [
  { name: 'high', ru: 'высокая ликвидность', mult: [1.2, 1.6] },
  { name: 'medium', ru: 'средняя ликвидность', mult: [0.9, 1.2] },
  { name: 'low', ru: 'низкая ликвидность', mult: [0.5, 0.9] },
]
const FIX_COMMENTS = [
  '✅ ИСПРАВЛЕНО: снижено для меньшего числа ложных сигналов',
  '✅ ОПТИМИЗАЦИЯ: больше возможностей для входа',
  'SYNC: унификация с exit_params',
  'tuned after a week of paper trading',
  'FIX: wider for volatile pairs',
  'NOISE-FIX: backstop шире bot-side',
  '⬇️ Смягчено (больше сигналов)',
]

/**
 * The progressive ladder (`scalping.balance_profiles`): continuous (each size_at_min is the previous size_at_max),
 * growing, and saturating at max_balance in the last rung. Sizes are USD notional.
 */
export const LADDER = [
  { name: 'micro', min: 100, threshold: 500, atMin: 30, atMax: 50, pct: 25 },
  { name: 'small', min: 500, threshold: 1500, atMin: 50, atMax: 150, pct: 20 },
  { name: 'medium', min: 1500, threshold: 3000, atMin: 150, atMax: 200, pct: 15 },
  { name: 'large', min: 3000, threshold: 6000, atMin: 200, atMax: 300, pct: 12 },
  { name: 'xlarge', min: 6000, threshold: 12000, atMin: 300, atMax: 450, pct: 10 },
  { name: 'whale', min: 12000, threshold: 999999, maxBalance: 25000, atMin: 450, atMax: 600, pct: 8 },
]

/** Per-symbol facts every section agrees on. */
function symbolFacts(seed, index, symbol) {
  const rnd = streamFor(seed, index)
  const tier = index < 5 ? TIERS[index < 2 ? 0 : 1] : pick(rnd, TIERS)
  const multiplier = Math.round(between(rnd, tier.mult[0], tier.mult[1]) * 20) / 20
  return { rnd, symbol, coin: symbol.split('-')[0], tier, multiplier, first: index === 0 }
}

function comment(rnd, p = 0.3) {
  if (rnd() >= p) return ''
  const day = String(int(rnd, 1, 28)).padStart(2, '0')
  const month = String(int(rnd, 1, 12)).padStart(2, '0')
  return `  # ${pick(rnd, FIX_COMMENTS)}${rnd() < 0.5 ? ` (${day}.${month}.2026)` : ''}`
}

/** Trailing comments on about 40% of the `key: value` lines, as in the real versions (about half their lines carry one). */
function annotate(rnd, lines) {
  return lines.map((line) => (line.endsWith(':') || line.includes('#') ? line : line + comment(rnd, 0.4)))
}

/** `scalping.adaptive_regime.symbol_profiles.<symbol>`, indented for its place (6 spaces). */
function symbolProfileLines(f) {
  const { rnd, symbol, tier, multiplier, first } = f
  const out = [
    `      ${symbol}:`,
    `        position_multiplier: ${float(multiplier)}  # ${tier.ru} (${tier.name} liquidity)`,
    `        tp_percent: ${float(between(rnd, 1.0, 1.6))}`,
    `        sl_percent: ${float(between(rnd, 0.6, 1.0))}`,
  ]
  for (const [r, regime] of REGIMES.entries()) {
    if (!first && rnd() < 0.15) continue
    const scale = [1.15, 1.0, 0.85][r]
    out.push(`        ${regime}:`)
    out.push(`          tp_percent: ${float(between(rnd, 1.0, 1.8) * scale)}`)
    out.push(`          sl_percent: ${float(between(rnd, 0.6, 1.1) * scale)}`)
    if (first || rnd() < 0.7) out.push(`          big_profit_exit_percent: ${float(between(rnd, 1.5, 2.5))}${comment(rnd)}`)
    if (first || rnd() < 0.8) {
      out.push('          arm:')
      out.push(`            min_score_threshold: ${float(between(rnd, 1.4, 2.3) * scale)}${comment(rnd)}`)
      out.push(`            position_size_multiplier: ${float(between(rnd, 0.85, 1.25))}`)
      out.push(`            tp_atr_multiplier: ${float(between(rnd, 0.5, 1.1))}`)
      out.push(`            sl_atr_multiplier: ${float(between(rnd, 0.3, 0.6))}`)
    }
    if (first || rnd() < 0.7) {
      // Most overrides sit near the per-symbol size somewhere on the ladder; ~2% are tiny leftovers that are never live.
      const stale = !first && rnd() < 0.02
      const base = stale ? between(rnd, 3, 6) : between(rnd, 40, 400) * multiplier * scale
      out.push('          position:')
      out.push(`            base_position_usd: ${float(base, 1)}${stale ? '  # left over from fixed sizing' : ''}`)
      if (rnd() < 0.8) out.push(`            min_position_usd: ${float(Math.max(5, base * 0.6), 1)}`)
      if (rnd() < 0.8) out.push(`            max_position_usd: ${float(between(rnd, 3, 8) * 250, 1)}${comment(rnd)}`)
    }
    if (first || rnd() < 0.6) {
      out.push('          filters:')
      out.push('            liquidity:')
      out.push(`              min_best_bid_volume_usd: ${int(rnd, 60, 200)}${comment(rnd)}`)
      out.push(`              min_best_ask_volume_usd: ${int(rnd, 60, 200)}`)
      out.push(`              min_orderbook_depth_usd: ${int(rnd, 500, 1600)}`)
      out.push(`              max_spread_percent: ${float(between(rnd, 0.8, 2.5))}`)
      out.push('            order_flow:')
      out.push(`              long_threshold: ${float(between(rnd, 0.004, 0.008), 4)}`)
      out.push(`              short_threshold: ${float(-between(rnd, 0.004, 0.008), 4)}`)
      out.push(`              min_total_depth_usd: ${int(rnd, 1000, 3000)}`)
      out.push('            funding:')
      out.push(`              max_positive_rate: ${float(between(rnd, 0.008, 0.012), 4)}`)
      out.push(`              max_negative_rate: ${float(between(rnd, 0.008, 0.012), 4)}`)
      out.push(`              max_abs_rate: ${float(between(rnd, 0.01, 0.013), 4)}`)
      out.push('            volatility:')
      out.push(`              min_range_percent: ${float(between(rnd, 0.02, 0.04), 3)}`)
      out.push(`              max_range_percent: ${float(between(rnd, 6, 9))}`)
      out.push(`              min_atr_percent: ${float(between(rnd, 0.004, 0.008), 4)}`)
    }
    if (first || rnd() < 0.3) {
      out.push('          modules:')
      out.push('            multi_timeframe:')
      out.push(`              block_opposite: ${rnd() < 0.5}`)
      out.push(`              score_bonus: ${int(rnd, 1, 3)}`)
      out.push(`              confirmation_timeframe: "${pick(rnd, ['1m', '5m', '15m'])}"`)
      out.push(`              fail_open_enabled: ${rnd() < 0.5}`)
    }
    if (first || rnd() < 0.4) {
      out.push('          impulse:')
      out.push('            relax:')
      out.push(`              liquidity: ${float(between(rnd, 0.4, 0.6))}`)
      out.push(`              order_flow: ${float(between(rnd, 0.5, 0.7))}`)
      out.push('            trailing:')
      out.push(`              max_trail: ${float(between(rnd, 0.015, 0.03), 3)}`)
    }
  }
  return out
}

/** `scalping.by_symbol.<symbol>` (4 spaces), for about 60% of the symbols. */
function bySymbolLines(f) {
  const { rnd, symbol, coin, first } = f
  if (!first && rnd() < 0.4) return []
  const out = [
    `    ${symbol}:`,
    `      ws_fresh_max_age: ${float(between(rnd, 10, 60), 1)}  # ${coin}: тикеры каждые ${int(rnd, 2, 30)}s`,
    `      min_signal_strength: ${float(between(rnd, 0.1, 0.3))}${comment(rnd)}`,
    `      sl_atr_multiplier: ${float(between(rnd, 0.8, 2.0), 1)}`,
    `      tp_atr_multiplier: ${float(between(rnd, 2.0, 5.0), 1)}`,
    `      min_adx: ${float(between(rnd, 8, 20), 1)}`,
  ]
  if (first || rnd() < 0.5) {
    out.push('      indicators:')
    out.push(`        rsi_overbought: ${int(rnd, 70, 80)}`)
    out.push(`        rsi_oversold: ${int(rnd, 20, 30)}`)
    out.push(`        macd_fast: ${int(rnd, 8, 12)}`)
    out.push(`        macd_slow: ${int(rnd, 17, 26)}`)
    out.push(`        bb_std_multiplier: ${float(between(rnd, 1.8, 2.2), 1)}`)
  }
  if (first || rnd() < 0.4) {
    out.push('      smart_close:')
    out.push('        reversal_score_threshold:')
    out.push(`          ranging: ${int(rnd, 3, 5)}`)
    out.push(`          trending: ${int(rnd, 1, 3)}`)
  }
  return out
}

/** `futures_modules.trailing_sl.by_symbol.<symbol>` (6 spaces), for about half of the symbols. */
function trailingLines(f) {
  const { rnd, symbol, first } = f
  if (!first && rnd() < 0.5) return []
  const out = [`      ${symbol}:`, `        min_profit_to_activate: ${float(between(rnd, 0.003, 0.008), 3)}`, '        by_regime:']
  for (const regime of REGIMES) {
    out.push(`          ${regime}:`)
    out.push(`            min_profit_to_activate: ${float(between(rnd, 0.003, 0.008), 3)}`)
    out.push(`            breakeven_trigger: ${float(between(rnd, 0.007, 0.011), 3)}`)
  }
  return out
}

/** Every per-symbol fragment; the line count of symbol i never depends on the total. */
function symbolBlock(seed, index, symbol) {
  const f = symbolFacts(seed, index, symbol)
  const step = f.rnd() < 0.5 || f.first ? [`    size_step_${f.coin.toLowerCase()}: ${float(10 ** -int(f.rnd, 0, 4), 4)}`] : []
  const block = {
    symbols: [`    - "${symbol}"`],
    trendDip: [`      ${symbol}:`, `        dip_atr_min: ${float(between(f.rnd, 0.3, 0.6))}`],
    bySymbol: annotate(f.rnd, bySymbolLines(f)),
    profile: annotate(f.rnd, symbolProfileLines(f)),
    sizeStep: step,
    trailing: annotate(f.rnd, trailingLines(f)),
  }
  block.lineCount = Object.values(block).reduce((n, lines) => n + lines.length, 0)
  return block
}

function ladderLines() {
  const out = [
    '  # Position size grows linearly with the balance inside each profile:',
    '  #   size = size_at_min + (balance - min_balance) / (max_balance|threshold - min_balance) * (size_at_max - size_at_min)',
    '  # 🔥 Прогрессивная лестница: каждый профиль начинается там, где закончился предыдущий.',
    '  balance_profiles:',
  ]
  for (const p of LADDER) {
    const upper = p.threshold === 999999 ? `$${p.min}+` : `$${p.min} - $${p.threshold}`
    out.push(`    ${p.name}:${' '.repeat(Math.max(1, 24 - p.name.length))}# ${upper}`)
    out.push(`      threshold: ${float(p.threshold, 1)}`)
    out.push(`      min_balance: ${float(p.min, 1)}`)
    if (p.maxBalance) out.push(`      max_balance: ${float(p.maxBalance, 1)}   # saturates here`)
    out.push(`      size_at_min: ${float(p.atMin, 1)}`)
    out.push(`      size_at_max: ${float(p.atMax, 1)}`)
    out.push('      progressive: true')
    out.push(`      base_position_usd: ${float((p.atMin + p.atMax) / 2, 1)}   # fallback when progressive sizing is off`)
    out.push(`      min_position_usd: ${float(p.atMin * 0.6, 1)}`)
    out.push(`      max_position_usd: ${float(p.atMax * 1.4, 1)}`)
    out.push('      max_open_positions: 5')
    out.push(`      max_position_percent: ${float(p.pct, 1)}`)
  }
  return out
}

function regimeParamsLines(rnd) {
  const out = []
  for (const [r, regime] of REGIMES.entries()) {
    const scale = [1.2, 1.0, 0.8][r]
    out.push(`    # ${['Trending режим (тренд)', 'Ranging режим (флэт)', 'Choppy режим (хаос)'][r]}`)
    out.push(`    ${regime}:`)
    out.push(`      position_size_multiplier: ${float(scale)}`)
    out.push(`      min_score_threshold: ${float(1.5 * scale)}${comment(rnd, 1)}`)
    out.push(`      max_trades_per_hour: ${int(rnd, 5, 30)}`)
    out.push(`      tp_atr_multiplier: ${float(1.6 * scale)}`)
    out.push(`      sl_atr_multiplier: ${float(1.0 * scale)}`)
    out.push(`      max_holding_minutes: ${int(rnd, 3, 20)}`)
    out.push(`      extend_time_if_profitable: ${r < 2}`)
    out.push(`      cooldown_after_loss_minutes: ${float(between(rnd, 0.3, 2))}`)
    out.push('      indicators:')
    for (const [k, lo, hi] of [['rsi_overbought', 70, 85], ['rsi_oversold', 15, 30], ['ema_fast', 8, 12], ['ema_slow', 21, 26], ['atr_period', 7, 14], ['macd_fast', 8, 19], ['macd_slow', 17, 39], ['macd_signal', 9, 9], ['bb_period', 15, 20]]) {
      out.push(`        ${k}: ${int(rnd, lo, hi)}`)
    }
    out.push(`        bb_std_multiplier: ${float(between(rnd, 1.8, 2.2), 1)}`)
    out.push('      modules:')
    out.push('        multi_timeframe:')
    out.push(`          block_opposite: ${r === 0}`)
    out.push(`          confirmation_timeframe: "${['15m', '5m', '1m'][r]}"`)
    out.push('        correlation_filter:')
    out.push('          threshold: 0.7')
    out.push(`          max_correlated_positions: ${int(rnd, 3, 5)}`)
    out.push('        pivot_points:')
    out.push('          level_tolerance_percent: 0.2')
    out.push('          score_bonus_near_level: 2')
    out.push('')
  }
  return out
}

function assemble(seed, blocks) {
  const rnd = mulberry32(seed ^ 0x2545f491)
  const all = (key) => blocks.flatMap((b) => b[key])
  const names = blocks.flatMap((b) => b.symbols.map((line) => line.slice(7, -1)))
  const flow = (list) => `[${list.map((s) => `"${s}"`).join(', ')}]`
  return [
    '# Generated by scripts/gen-config.mjs for benchmarks (not a real config).',
    `# seed ${seed}, ${blocks.length} symbol${blocks.length === 1 ? '' : 's'}. Shape of the bot's config/config_futures.yaml.`,
    '',
    'api:',
    '  okx:',
    '    api_key: "${OKX_API_KEY}"',
    '    api_secret: "${OKX_API_SECRET}"',
    '    passphrase: "${OKX_PASSPHRASE}"',
    '    sandbox: true   # true while testing, false with real money',
    '',
    'trading:',
    `  symbols: ${flow(names.slice(0, 5))}`,
    '  base_currency: "USDT"',
    '  trading_mode: "futures"',
    '',
    'scalping:',
    '  enabled: true',
    '  scalping_mode: true  # SCALPING: чистый скальпинг, удержание 2-5 мин',
    '  leverage: 5           # notional = margin * leverage',
    '  margin_mode: "cross"',
    '  order_type: "limit"',
    '  check_interval: 1.0',
    '  min_signal_strength: 0.35',
    '  max_concurrent_signals: 5',
    '  max_positions_per_symbol: 1',
    '  tp_percent: 2.4',
    '  sl_percent: 1.2',
    '  tp_confirmation_seconds: 3.0  # цена должна держаться у TP N сек',
    '  sl_confirmation_seconds: 2.0',
    '  sl_grace_period_seconds: 20.0',
    '  allow_long_positions: true',
    '  allow_short_positions: true',
    '',
    '  # ── Trend Dip: вход с трендом на intra-candle просадке ──────────────────────',
    '  trend_dip:',
    '    enabled: true',
    '    regimes_enabled: [trending]',
    '    min_adx: 22',
    '    dip_atr_min: 0.4',
    '    dip_atr_max: 2.5',
    '    confidence_base: 0.82',
    '    by_symbol:',
    ...all('trendDip'),
    '',
    '  symbols:',
    ...all('symbols'),
    ...ladderLines(),
    '',
    '  # Adaptive Leverage Configuration',
    '  adaptive_leverage:',
    '    leverage_map:',
    '      very_weak: 5',
    '      weak: 10',
    '      medium: 15',
    '      strong: 20',
    '    min_leverage: 5',
    '    max_leverage: 20',
    '',
    '  reentry_guard:',
    '    same_side_cooldown_sec: 60.0',
    '    loss_cooldown_sec: 180.0',
    '    opposite_side_cooldown_sec: 5.0',
    '',
    '  # Per-symbol overrides of the scalping defaults',
    '  by_symbol:',
    ...all('bySymbol'),
    '',
    '  adaptive_regime:',
    '    enabled: true',
    '    detection:',
    '      trending_adx_threshold: 25.0',
    '      ranging_adx_threshold: 20.0',
    '      high_volatility_threshold: 0.02',
    '      lookback_candles: 50',
    '      adx_period: 9',
    `      score_log_symbols: ${flow(names.slice(0, 5))}`,
    '',
    ...regimeParamsLines(rnd),
    '    # Multipliers by liquidity; applied to the profile size BEFORE overrides.',
    '    # An override is used only while it is within 50% of the per-symbol size.',
    '    symbol_profiles:',
    ...all('profile'),
    '',
    'risk:',
    '  max_position_size_percent: 20.0',
    '  max_daily_loss_percent: 5.0',
    '  risk_per_trade_percent: 1.0',
    '  max_open_positions: 5',
    '  consecutive_losses_limit: 5  # После 5 убытков подряд - блокировка символа',
    '  pair_block_duration_min: 30',
    '  adaptive_minimums:',
    '    small:',
    '      balance_threshold: 1500.0',
    '      minimum_order_usd: 5.0',
    '    large:',
    '      balance_threshold: 999999.0',
    '      minimum_order_usd: 15.0',
    '  base:',
    '    max_loss_per_trade_percent: 2.0',
    '    max_margin_percent: 80.0',
    '    max_drawdown_percent: 20.0',
    '    min_balance_usd: 20.0',
    '    position_override_tolerance_percent: 50.0   # the bot ignores an override further than this from the size',
    '  by_balance:',
    ...LADDER.flatMap((p) => [`    ${p.name}:`, `      max_margin_percent: ${float(90 - p.pct, 1)}`, `      max_loss_per_trade_percent: ${float(p.pct / 10, 1)}`]),
    '',
    'exit_params:',
    ...REGIMES.flatMap((regime, r) => [
      `  ${regime}:`,
      `    tp_atr_multiplier: ${float(2.0 - 0.3 * r)}`,
      `    sl_atr_multiplier: ${float(1.5 - 0.2 * r)}`,
      `    max_holding_minutes: ${float(5.0 - 1.5 * r)}`,
      `    min_holding_minutes: ${float(0.5 - 0.1 * r)}`,
    ]),
    '',
    'futures_modules:',
    '  max_size_limiter:',
    '    max_single_size_usd: 900.0',
    '    max_total_size_usd: 3600.0',
    '    max_positions: 5',
    ...all('sizeStep'),
    '  funding_rate:',
    '    base:',
    '      max_funding_rate: 0.05',
    '  trailing_sl:',
    '    enabled: true',
    '    initial_trail: 0.005',
    '    # Приоритет: by_symbol.<symbol>.by_regime.<regime>, затем by_symbol.<symbol>, затем глобальные',
    '    by_symbol:',
    ...all('trailing'),
    '',
  ].join('\n')
}

/** Lines of the fixed skeleton: the config with no per-symbol lines at all. */
function skeletonLines(seed) {
  const empty = { symbols: [], trendDip: [], bySymbol: [], profile: [], sizeStep: [], trailing: [] }
  return assemble(seed, [empty]).split('\n').length - 1
}

/**
 * A config of about `lines` lines (the skeleton and one symbol are about 480, so smaller requests give one symbol), deterministic in
 * (`lines`, `seed`). Returns the YAML text, ending in a newline.
 */
export function generateConfig({ lines = 10000, seed = 1 } = {}) {
  if (!Number.isFinite(lines) || lines < 0) throw new RangeError(`lines must be a number >= 0, got ${lines}`)
  const base = skeletonLines(seed)
  const names = symbolNames(Math.max(64, Math.ceil(lines / 40)), seed)
  const blocks = []
  let total = base
  for (let i = 0; blocks.length === 0 || total < lines; i++) {
    if (i >= names.length) names.push(...symbolNames(names.length * 2, seed).slice(names.length))
    const block = symbolBlock(seed, i, names[i])
    blocks.push(block)
    total += block.lineCount
  }
  return assemble(seed, blocks)
}

function cli(argv) {
  let lines = 10000
  let seed = 1
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const value = () => {
      const v = argv[++i]
      if (v === undefined || !/^\d+$/.test(v)) throw new Error(`${arg} needs a whole number`)
      return Number(v)
    }
    if (arg === '--lines') lines = value()
    else if (arg === '--seed') seed = value()
    else if (arg === '-h' || arg === '--help') {
      process.stdout.write('usage: node scripts/gen-config.mjs [--lines N (10000)] [--seed N (1)] > config_futures.yaml\n')
      return 0
    } else throw new Error(`unknown argument ${arg}`)
  }
  process.stdout.write(generateConfig({ lines, seed }))
  return 0
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    process.exitCode = cli(process.argv.slice(2))
  } catch (error) {
    process.stderr.write(`gen-config: ${error.message}\n`)
    process.exitCode = 2
  }
}
