// The adapter from the explain numbers (the sizing table at each reference balance) to hover text; the only file of the server that reads them.
import type Fraction from 'fraction.js'
import { formatMultiplier } from '../formatters/sizing-table.js'
import { formatExcessDeviation, formatPercent, formatTolerance, formatUsd } from '../model/decimal.js'
import { sizingTable, type OverrideExplanation, type SizingTable, type SizingTableOptions } from '../model/sizing-table.js'
import { referenceBalances, ruleBalances } from '../rules/balances.js'
import type { StaleOverrideOptions } from '../rules/stale-override.js'
import type { LintSettings } from '../types.js'
import type { HoverTarget } from './hover.js'

/** Shown instead of sizes when the settings name no reference balance. */
export const NO_BALANCES = 'No reference balances: set `balances` in .lint-config.yaml (or start the server with `--balance N`) to see the sizes.'

/** A name from the config as inline Markdown code, safe whatever backticks it holds. */
function code(name: string): string {
  const fence = name.includes('`') ? '``' : '`'
  return `${fence}${fence.length > 1 ? ` ${name} ` : name}${fence}`
}

function at(e: SizingTable): string {
  return `**${formatUsd(e.balance)}**`
}

/** The era's verdict on an override at one balance, as explain words it (sizing-table's override column). */
function verdict(o: OverrideExplanation): string {
  const tol = formatTolerance(o.tolerance)
  if (o.noTrade !== undefined) return `not used: no trade here (${o.noTrade})`
  // The asymmetric rule (risk-manager and percent eras) never lowers the size.
  if (!o.applies && o.rule === 'asymmetric' && o.comparedWith && o.value.lt(o.comparedWith)) return 'ignored: below the size (an override may only raise it)'
  if (!o.deviation) return o.applies ? 'applies' : 'ignored'
  return o.applies ? `applies, deviates ${formatPercent(o.deviation)} (<= ${tol})` : `ignored, deviates ${formatExcessDeviation(o.deviation, o.tolerance)} (> ${tol})`
}

function lines(head: string, items: readonly string[], tail: readonly string[] = []): string {
  return [head, '', ...items.map((item) => `- ${item}`), ...(tail.length > 0 ? ['', ...tail] : [])].join('\n')
}

/**
 * Markdown for a hover over `target`: the sizes at the reference balances (settings `balances`; an override uses
 * stale-override's own `balances` and `tolerance` when set, as its findings do) and, for an override, every balance
 * where the bot uses it. Undefined when the config gives nothing to show (no usable profile, an unknown entry).
 *
 * The numbers come from the model's `sizingTable()` (what `explain` prints); this function is the one place that reads them.
 */
export function sizingHover(data: unknown, target: HoverTarget, settings: LintSettings): string | undefined {
  const options: SizingTableOptions = { sizingMode: settings.shared.sizingMode, ...(settings.shared.bot !== undefined ? { bot: settings.shared.bot } : {}) }
  let balances: Fraction[] = referenceBalances(settings.shared.balances)
  if (target.kind === 'override') {
    const own = (settings.rules['stale-override']?.options ?? {}) as StaleOverrideOptions
    balances = ruleBalances(own.balances, settings.shared.balances)
    if (own.tolerance !== undefined) options.tolerance = own.tolerance
  }
  const tables = balances.map((b) => sizingTable(data, b, options)).filter((e): e is SizingTable => e !== undefined)

  if (target.kind === 'profile') {
    const head = `**Profile** ${code(target.profile)}`
    if (tables.length === 0) return balances.length === 0 ? `${head}\n\n${NO_BALANCES}` : undefined
    return lines(
      `${head} at the reference balances:`,
      tables.map((e) => {
        if (e.profile.name !== target.profile) return `${at(e)}: profile ${code(e.profile.name)} applies instead (base size ${formatUsd(e.baseSize)})`
        const sizes = e.symbols.map((s) => `${s.symbol} ${formatUsd(s.size)}`).join(', ')
        return `${at(e)}: this profile (${e.profile.mode}), base size ${formatUsd(e.baseSize)}${sizes ? `; ${sizes}` : ''}`
      }),
    )
  }

  // An override's live balances are the same whatever the balance, so without reference balances any balance that
  // selects a profile (0 selects the first) yields them.
  const probe = tables[0] ?? sizingTable(data, 0, options)
  if (!probe) return undefined
  const symbol = (e: SizingTable) => e.symbols.find((s) => s.symbol === target.symbol)
  const traded = symbol(probe)
  if (!traded) return `**${code(target.symbol)}** is not traded (not in \`scalping.symbols\`): the bot never reads this entry.`

  if (target.kind === 'multiplier') {
    const head = `**${code(target.symbol)}** position multiplier ${formatMultiplier(traded.multiplier)}`
    if (tables.length === 0) return `${head}\n\n${NO_BALANCES}`
    return lines(
      `${head} at the reference balances:`,
      tables.map((e) => `${at(e)} (profile ${code(e.profile.name)}, base size ${formatUsd(e.baseSize)}): size ${formatUsd(symbol(e)!.size)}`),
    )
  }

  const override = (e: SizingTable) => symbol(e)!.overrides.find((o) => o.regime === target.regime)
  const first = override(probe)
  if (!first) return undefined
  const head = `**${code(target.symbol)} ${target.regime} override** ${formatUsd(first.value)}`
  const live = first.live.length === 0 ? 'Never live at any balance.' : `Live only for balances ${first.liveText}.`
  if (tables.length === 0) return `${head}\n\n${live}\n\n${NO_BALANCES}`
  return lines(
    `${head} at the reference balances:`,
    // The size the era's rule compares the override with (at the leverage the bot picks), else the designed one.
    tables.map((e) => {
      const o = override(e)!
      return `${at(e)} (profile ${code(e.profile.name)}, per-symbol size ${formatUsd(o.comparedWith ?? symbol(e)!.size)}): ${verdict(o)}`
    }),
    [live],
  )
}
