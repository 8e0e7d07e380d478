// Property test over generated configs: every suggestion of stale-override, profile-continuity and profile-monotonicity,
// applied alone, removes its finding, adds no finding of its rule (of either ladder rule for a ladder suggestion), of
// yaml-syntax or of schema, and keeps every other byte: the data outside its edit and every comment.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { applyEdits } from '../../src/engine/fix.js'
import { lintText } from '../../src/engine/lint-text.js'
import { rules } from '../../src/rules/index.js'
import { defaultSettings } from '../../src/settings/normalize.js'
import type { FileResult, LintSettings } from '../../src/types.js'
import { editProblems, missing } from '../helpers/edit-invariants.js'
import { findingKeys } from '../rule-tester.js'

const SEED = 20260312
const SUGGESTING = ['stale-override', 'profile-continuity', 'profile-monotonicity'] as const

/** A USD amount in cents as a config writes it: "42.0", "122.16", "7.5". */
const usd = (cents: number): string => (cents % 100 === 0 ? `${cents / 100}.0` : String(cents / 100))

const commentArb = fc.constantFrom('', '', '  # tuned', '  # ✅ raised from 40', '  # коммент')

interface Profile {
  name: string
  fields: [string, string][]
  flow: boolean
  comment: string
}

/** A ladder of 2-4 profiles, mostly progressive and tiled, with steps, drops, gaps, overlaps and max_balance now and then. */
const ladderArb: fc.Arbitrary<Profile[]> = fc
  .array(
    fc.record({
      width: fc.integer({ min: 2, max: 60 }).map((n) => n * 50),
      mode: fc.constantFrom('progressive', 'progressive', 'progressive', 'fixed', 'percent'),
      start: fc.integer({ min: 500, max: 30000 }),
      rise: fc.integer({ min: -8000, max: 20000 }),
      jitter: fc.constantFrom(0, 0, 0, 0, 50, -50, 1),
      maxBalance: fc.constantFrom(null, null, null, 100, -100),
      percent: fc.integer({ min: 1, max: 40 }),
      flow: fc.boolean(),
      comment: commentArb,
      step: fc.constantFrom(0, 0, 1, -1),
    }),
    { minLength: 2, maxLength: 4 },
  )
  .map((steps) => {
    let lo = 100
    let size = 3000
    return steps.map((s, i): Profile => {
      const hi = lo + s.width
      const fields: [string, string][] = [['threshold', `${hi}.0`]]
      // Where the profile starts: the last one's end, or a cent-exact step away from it.
      const atMin = s.step === 0 ? size : Math.max(100, size + s.step * s.start)
      const atMax = Math.max(100, atMin + s.rise)
      if (s.mode === 'progressive') {
        fields.push(['min_balance', `${Math.max(0, lo + (i === 0 ? 0 : s.jitter))}.0`], ['size_at_min', usd(atMin)], ['size_at_max', usd(atMax)], ['progressive', 'true'])
        if (s.maxBalance !== null) fields.push(['max_balance', `${hi + s.maxBalance}.0`])
      } else if (s.mode === 'fixed') fields.push(['base_position_usd', usd(atMax)])
      else fields.push(['max_position_percent', `${s.percent}.0`])
      lo = hi
      size = atMax
      return { name: ['micro', 'small', 'medium', 'large'][i]!, fields, flow: s.flow, comment: s.comment }
    })
  })

interface SymbolProfile {
  symbol: string
  multiplier: string | null
  regimes: { regime: string; override: string; limits: boolean; arm: boolean; flow: boolean; note: boolean }[]
}

const symbolArb: fc.Arbitrary<SymbolProfile> = fc.record({
  symbol: fc.constantFrom('BTC-USDT', 'ETH-USDT', 'SOL-USDT'),
  multiplier: fc.option(fc.integer({ min: 5, max: 20 }).map((n) => (n / 10).toFixed(1)), { nil: null }),
  regimes: fc.uniqueArray(
    fc.record({
      regime: fc.constantFrom('trending', 'ranging', 'choppy'),
      override: fc.integer({ min: 100, max: 90000 }).map(usd),
      limits: fc.boolean(),
      arm: fc.boolean(),
      flow: fc.boolean(),
      note: fc.boolean(),
    }),
    { maxLength: 3, selector: (r) => r.regime },
  ),
})

const configArb = fc
  .record({
    leverage: fc.integer({ min: 1, max: 10 }),
    ladder: ladderArb,
    symbols: fc.uniqueArray(symbolArb, { maxLength: 3, selector: (s) => s.symbol }),
    tolerance: fc.constantFrom(null, null, '25.0', '50.0', '75.0'),
    header: fc.boolean(),
  })
  .map((c) => {
    const lines: string[] = []
    if (c.header) lines.push('# generated config', '')
    const traded = ['BTC-USDT', ...c.symbols.map((s) => s.symbol).filter((s) => s !== 'BTC-USDT')]
    lines.push('scalping:', `  symbols: [${traded.map((s) => JSON.stringify(s)).join(', ')}]`, `  leverage: ${c.leverage}`, '  balance_profiles:')
    for (const p of c.ladder) {
      if (p.flow) lines.push(`    ${p.name}: { ${p.fields.map(([k, v]) => `${k}: ${v}`).join(', ')} }${p.comment}`)
      else lines.push(`    ${p.name}:${p.comment}`, ...p.fields.map(([k, v], i) => `      ${k}: ${v}${i === 2 ? p.comment : ''}`))
    }
    if (c.symbols.length > 0) {
      lines.push('  adaptive_regime:', '    # per-symbol multipliers and overrides', '    symbol_profiles:')
      for (const s of c.symbols) {
        lines.push(`      ${s.symbol}:`)
        if (s.multiplier !== null) lines.push(`        position_multiplier: ${s.multiplier}  # liquidity`)
        for (const r of s.regimes) {
          lines.push(`        ${r.regime}:`)
          if (r.arm) lines.push('          arm:', '            position_size_multiplier: 1.1')
          const limits: [string, string][] = r.limits ? [['min_position_usd', '5.0'], ['max_position_usd', '900.0']] : []
          if (r.flow) lines.push(`          position: { ${[['base_position_usd', r.override], ...limits].map(([k, v]) => `${k}: ${v}`).join(', ')} }`)
          else {
            lines.push('          position:')
            if (r.note) lines.push('            # left over from fixed sizing')
            lines.push(`            base_position_usd: ${r.override}${r.note ? '  # old' : ''}`, ...limits.map(([k, v]) => `            ${k}: ${v}`))
          }
        }
      }
    }
    if (c.tolerance !== null) lines.push('risk:', '  base:', `    position_override_tolerance_percent: ${c.tolerance}`)
    return `${lines.join('\n')}\n`
  })

const balancesArb = fc.uniqueArray(
  fc.oneof(fc.constantFrom(300, 650, 1018, 1500, 2500, 5000), fc.integer({ min: 0, max: 1_000_000 }).map((c) => c / 100)),
  { maxLength: 3 },
)

/** The three suggesting rules, yaml-syntax and schema on; every other rule off (they offer no suggestions). */
function settingsWith(balances: number[]): LintSettings {
  const settings = defaultSettings(rules)
  for (const id of Object.keys(rules)) {
    if (!(SUGGESTING as readonly string[]).includes(id) && id !== 'yaml-syntax' && id !== 'schema') settings.rules[id] = { severity: 'off', options: {} }
  }
  settings.shared.balances = balances
  return settings
}

const LADDER_RULES = ['profile-continuity', 'profile-monotonicity']

/**
 * Findings a suggestion of `ruleId` may not add, by key: its own rule's, yaml-syntax's and schema's, and for a ladder
 * suggestion both ladder rules'. (A new size may well make an override stale: stale-override findings are not guarded.)
 */
const guarded = (result: FileResult, ruleId: string): string[] => {
  const ids = new Set([ruleId, 'yaml-syntax', 'schema', ...(LADDER_RULES.includes(ruleId) ? LADDER_RULES : [])])
  return findingKeys(result.findings.filter((f) => ids.has(f.ruleId)))
}

describe(`suggestions over generated configs (fast-check seed ${SEED})`, () => {
  it('each one, applied alone, removes its finding, adds none, and keeps every other byte and comment', () => {
    const offered: Record<string, number> = {}
    fc.assert(
      fc.property(configArb, balancesArb, (text, balances) => {
        const settings = settingsWith(balances)
        const before = lintText(text, settings)
        for (const f of before.findings) {
          for (const s of f.suggestions ?? []) {
            offered[`${f.ruleId}/${s.messageId}`] = (offered[`${f.ruleId}/${s.messageId}`] ?? 0) + 1
            const after = lintText(applyEdits(text, [s.fix]).text, settings)
            const left = guarded(before, f.ruleId)
            left.splice(left.indexOf(findingKeys([f])[0]!), 1)
            const added = missing(guarded(after, f.ruleId), left)
            if (added.length > 0) throw new Error(`"${s.desc}" leaves or adds ${added.join(', ')}`)
            const kept = editProblems(text, s.fix)
            if (kept.length > 0) throw new Error(`"${s.desc}": ${kept.join('; ')}`)
          }
        }
      }),
      { seed: SEED, numRuns: 300 },
    )
    // The generator reaches every kind of suggestion (else the property would hold vacuously).
    expect(Object.keys(offered).sort()).toEqual([
      'profile-continuity/setSizeAtMax',
      'profile-continuity/setSizeAtMin',
      'profile-monotonicity/setSizeAtMax',
      'profile-monotonicity/setSizeAtMin',
      'stale-override/removeOverride',
      'stale-override/removeOverrideWith',
      'stale-override/setOverride',
    ])
  })
})
