// The vocabulary of `lint-config diff`: what a change to a config does, as data (exact numbers; the renderers round).
import type Fraction from 'fraction.js'
import type { ChartData } from './chart/chart-data.js'
import type { Interval } from './model/interval.js'
import type { PlChange } from './model/pl-diff.js'
import type { ExposureExplanation } from './model/sizing-table.js'
import type { Finding } from './types.js'

/** One side of a diff: the config before (base) or after (head) the change. */
export interface DiffSide {
  /** How reports name it: a path relative to the working directory, or `REV:path` for a git revision. */
  name: string
  /** The git revision it was read from (`--base REV`, the pull request's base commit). */
  rev?: string
  /** The file does not exist on this side (a config the change adds). */
  absent?: true
}

/** A key of a balance profile mapping whose value changed; `before`/`after` absent where the key is. */
export interface ProfileFieldChange {
  field: string
  before?: unknown
  after?: unknown
}

/** A balance profile the change adds, removes or edits, and what that does to the base size where it is selected. */
export interface ProfileDiff {
  name: string
  change: 'added' | 'removed' | 'changed'
  /** JSON pointer of the profile mapping (the head's, or the base's for a removed profile). */
  path: string
  modeBefore?: string
  modeAfter?: string
  /** In YAML order of the head, then keys only the base has. */
  fields: ProfileFieldChange[]
  /** Where the base size (USD notional) changed, among the balances that select the profile before or after. */
  baseSize: readonly PlChange[]
}

/** A per-symbol size (USD notional) at one reference balance; absent where nothing defines it (not traded). */
export interface SizeAtBalance {
  balance: Fraction
  before?: Fraction
  after?: Fraction
}

/** A traded symbol whose size changed somewhere, or that the change starts or stops trading. */
export interface SymbolDiff {
  symbol: string
  change: 'added' | 'removed' | 'changed'
  /** Exactly the balances where its size changed (see plDiff). */
  intervals: readonly PlChange[]
  /** Its size at every reference balance, before and after. */
  atBalances: readonly SizeAtBalance[]
}

/** An override on one side of a diff: its value (USD notional), where it is, and exactly where the bot uses it. */
export interface OverrideSide {
  value: Fraction
  path: string
  live: readonly Interval[]
}

/**
 * An override whose value or live balances changed. `became-stale`: it was used at a reference balance and is ignored
 * there now (without reference balances: it was live somewhere and now nowhere); `became-live` the other way;
 * `changed`: its value or live balances moved otherwise.
 */
export interface OverrideDiff {
  symbol: string
  regime: string
  change: 'added' | 'removed' | 'became-stale' | 'became-live' | 'changed'
  before?: OverrideSide
  after?: OverrideSide
  /** Whether the bot uses it at each reference balance, before and after (absent: no such override on that side). */
  atBalances: readonly { balance: Fraction; before?: boolean; after?: boolean }[]
}

/** Every traded position open at once at one balance, as the sizing table has it (without the adverse moves), and the leverage. */
export type ExposureSide = Omit<ExposureExplanation, 'moves'> & { readonly leverage: Fraction }

/** The exposure at one reference balance where it changed; a side is absent where no profile defines a size. */
export interface ExposureDiff {
  balance: Fraction
  before?: ExposureSide
  after?: ExposureSide
}

/** Findings the change adds (head positions) and fixes (base positions), matched by rule, JSON path and message numbers. */
export interface FindingsDiff {
  added: Finding[]
  fixed: Finding[]
  /** Base findings the head silences with an inline directive instead of fixing (head positions). */
  silenced: Finding[]
}

/** What a change to a config does to the sizing and to the findings. Only what changed is listed. */
export interface ConfigDiff {
  base: DiffSide
  head: DiffSide
  /** The reference balances (USD) the sizes and exposure are compared at. */
  balances: readonly Fraction[]
  /** Set when the sizing could not be compared (a side does not parse); the findings still are. */
  sizingSkipped?: string
  profiles: ProfileDiff[]
  symbols: SymbolDiff[]
  overrides: OverrideDiff[]
  exposure: ExposureDiff[]
  findings: FindingsDiff
  /**
   * Each side's chart (data from the sizing model), when the diff was asked to draw (the markdown and html renderings);
   * a side that is absent or does not parse has none.
   */
  charts?: DiffCharts
}

/** The two versions' charts, for base and head curves on one picture. */
export interface DiffCharts {
  base?: ChartData
  head?: ChartData
}
