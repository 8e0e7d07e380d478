// What the bot trades at one balance, as data for explain: per symbol and regime (reference and range), and the account with its positions open.
import Fraction from 'fraction.js'
import { ONE, ZERO } from './decimal.js'
import type { PipelineContext } from './pipeline.js'
import { REGIMES, type Regime } from './sizing-config.js'
import { describeMarket, profilesAt, tradedAt, tradedRange, type TradedPoint } from './traded.js'

/** One symbol in one regime: what the bot trades at the reference market, and the lowest and highest over every market state. */
export interface TradedCell {
  readonly regime: Regime
  readonly reference: TradedPoint
  /** Absent when the table was built without ranges. */
  readonly range?: {
    readonly lo: TradedPoint
    /** The market state that gives the lowest, in words. */
    readonly loWhy: string
    readonly hi: TradedPoint
    readonly hiWhy: string
  }
}

export interface TradedRow {
  readonly symbol: string
  readonly cells: readonly TradedCell[]
}

/** One adverse price move on every open position. */
export interface TradedMove {
  readonly move: Fraction
  /** balance - notional * move, USD. */
  readonly balanceLeft: Fraction
  readonly share?: Fraction
}

/** The account with the allowed positions open in one regime, the largest first (reference market). Amounts USD. */
export interface TradedExposure {
  readonly regime: Regime
  /** `max(1, min(profile max_open_positions, risk.max_open_positions))`. */
  readonly allowed: number
  /** The symbols whose positions are counted, largest first. */
  readonly open: readonly string[]
  readonly notional: Fraction
  readonly notionalShare?: Fraction
  /** Sum of notional / leverage over the open positions. */
  readonly margin: Fraction
  readonly marginShare?: Fraction
  readonly reserve: Fraction
  readonly reserveShare?: Fraction
  readonly moves: readonly TradedMove[]
}

/** The traded side of a sizing table. */
export interface TradedTable {
  readonly era: { readonly id: string; readonly commit: string; readonly how: 'setting' | 'auto'; readonly reason: string }
  /** The reference market in words. */
  readonly reference: string
  readonly rows: readonly TradedRow[]
  readonly exposure: readonly TradedExposure[]
}

export const REFERENCE_TEXT =
  'a signal of the default strength 0.5 (no conflict), no ATR reading, no other position open, daily PnL 0; the leverage is what the bot picks for that signal'

/** The adverse moves the table shows. */
const MOVES: readonly Fraction[] = Object.freeze([new Fraction(1, 10), new Fraction(1, 5)])

/** The traded table at balance `b` for `symbols` (each regime); `ranges` adds the exact range over market states (slower). */
export function tradedTable(ctx: PipelineContext, symbols: readonly string[], b: Fraction, ranges: boolean): TradedTable {
  const rows: TradedRow[] = symbols.map((symbol) => ({
    symbol,
    cells: REGIMES.map((regime): TradedCell => {
      const reference = tradedAt(ctx, symbol, regime, b)
      if (!ranges) return { regime, reference }
      const { lo, hi } = tradedRange(ctx, symbol, regime, b)
      return { regime, reference, range: { lo, loWhy: describeMarket(ctx, regime, lo), hi, hiWhy: describeMarket(ctx, regime, hi) } }
    }),
  }))
  const share = (x: Fraction): { share?: Fraction } => (b.gt(0) ? { share: x.div(b) } : {})
  const exposure = REGIMES.map((regime): TradedExposure => {
    const points = rows.map((r) => ({ symbol: r.symbol, t: r.cells.find((c) => c.regime === regime)!.reference }))
    const allowed = allowedPositions(ctx, b)
    // The bot refuses positions beyond the allowed count; count the largest, as the worst case for the account.
    const open = points.filter((p) => p.t.notional.gt(0)).sort((x, y) => y.t.notional.compare(x.t.notional)).slice(0, allowed)
    const notional = open.reduce((acc, p) => acc.add(p.t.notional), ZERO)
    const margin = open.reduce((acc, p) => acc.add(p.t.margin), ZERO)
    const reserve = b.sub(margin)
    return {
      regime,
      allowed,
      open: open.map((p) => p.symbol),
      notional,
      ...(b.gt(0) ? { notionalShare: notional.div(b) } : {}),
      margin,
      ...(b.gt(0) ? { marginShare: margin.div(b) } : {}),
      reserve,
      ...(b.gt(0) ? { reserveShare: reserve.div(b) } : {}),
      moves: MOVES.map((move) => {
        const balanceLeft = b.sub(notional.mul(move))
        const s = share(balanceLeft).share
        return s ? { move, balanceLeft, share: s } : { move, balanceLeft }
      }),
    }
  })
  const { choice } = ctx
  return {
    era: { id: choice.semantics.era, commit: choice.semantics.commit, how: choice.how, reason: choice.reason },
    reference: REFERENCE_TEXT,
    rows,
    exposure,
  }
}

/** How many positions the bot allows at `b`: `max(1, min(profile max_open_positions, risk.max_open_positions or 3))`. */
export function allowedPositions(ctx: PipelineContext, b: Fraction): number {
  const profile = profilesAt(ctx, b)[0]
  const n = profile?.maxOpenPositions.value ?? ONE
  const g = ctx.bot.riskMaxOpenPositions?.value ?? new Fraction(3)
  const m = n.lt(g) ? n : g
  return Math.max(1, Math.floor(m.valueOf()))
}
