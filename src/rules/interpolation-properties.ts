// interpolation-properties: fast-check properties of this config's base size over the balance domain, run at lint time with a fixed seed.
import fc from 'fast-check'
import Fraction from 'fraction.js'
import { formatNumber, formatUsd, q } from '../model/decimal.js'
import type { ProfileView, SizingConfig } from '../model/sizing-config.js'
import { readSizingConfig } from '../model/sizing-config.js'
import { selectProfile, sizeAt, sizePieces, sizeRange } from '../model/sizing.js'
import type { Report, Rule } from '../types.js'
import { formatJump, hiName, sizingField } from './profile-continuity.js'

export interface InterpolationPropertiesOptions {
  /** fast-check seed; the same seed gives the same counterexamples (CLI `--seed`). */
  seed: number
  /** Generated cases per property. */
  numRuns: number
  /** Largest size jump (USD notional) the `continuous` property accepts. */
  tolerance: number
}

export type InterpolationPropertiesMessageId = 'notMonotone' | 'notContinuous' | 'outOfRange' | 'endpointNotExact'

const CENT = new Fraction(1, 100)
/** The step of the `continuous` property: far below a cent, so only a real jump moves the size by more than the tolerance. */
export const DELTA = new Fraction(1, 10 ** 9)
const REPLAY = '(shrunk counterexample; replay with --seed {{seed}}, path "{{path}}")'

/** Balances where the size function may change shape, and one cent either side, inside [0, +inf), ascending. */
export function breakpoints(cfg: SizingConfig): Fraction[] {
  const seen = new Map<string, Fraction>()
  const add = (x: Fraction | undefined): void => {
    if (x && x.gte(0)) seen.set(x.toFraction(), x)
  }
  const edges = cfg.profiles.flatMap((p) => [p.threshold?.value, p.minBalance?.value, p.maxBalance?.value])
  for (const x of [new Fraction(0), ...edges]) {
    add(x)
    add(x?.sub(CENT))
    add(x?.add(CENT))
  }
  return [...seen.values()].sort((a, b) => a.compare(b))
}

/** Twice the highest breakpoint plus a dollar, in whole cents: the random part of the axis. */
function spanCents(points: readonly Fraction[]): bigint {
  return BigInt(points[points.length - 1]!.mul(200).ceil().toFraction()) + 100n
}

function cents(min: bigint, max: bigint): fc.Arbitrary<Fraction> {
  return fc.bigInt({ min, max }).map((c) => new Fraction(c, 100n))
}

/**
 * Exact balances: the breakpoints (shrinking towards the lowest) or any whole number of cents up to twice the
 * highest breakpoint (shrinking towards $0), so boundaries are hit on purpose and the rest of the axis at random.
 */
function balanceArbitrary(points: readonly Fraction[]): fc.Arbitrary<Fraction> {
  return fc.oneof(
    // An index rather than fc.constantFrom: an integer shrinks towards lower breakpoints, a constant only to the first one.
    { arbitrary: fc.integer({ min: 0, max: points.length - 1 }).map((i) => points[i]!), weight: 4 },
    { arbitrary: cents(0n, spanCents(points)), weight: 1 },
  )
}

/** A positive step in whole cents, most often one cent, so a drop shrinks to the two balances either side of it. */
function gapArbitrary(points: readonly Fraction[]): fc.Arbitrary<Fraction> {
  return fc.oneof({ arbitrary: fc.constant(CENT), weight: 4 }, { arbitrary: cents(1n, spanCents(points)), weight: 1 })
}

interface Failure<T> {
  counterexample: T
  path: string
}

function run<T extends unknown[]>(property: fc.IProperty<T>, options: InterpolationPropertiesOptions): Failure<T> | undefined {
  const details = fc.check(property, { seed: options.seed, numRuns: options.numRuns })
  if (!details.failed || details.counterexample === null || details.counterexamplePath === null) return undefined
  return { counterexample: details.counterexample, path: details.counterexamplePath }
}

/** The size at the bottom and the top of the ladder; a side is absent where the size is unbounded or undefined. */
function ladderEnds(cfg: SizingConfig): { bottom?: Fraction; top?: Fraction } {
  const range = sizeRange(cfg)
  const pieces = sizePieces(cfg)
  const last = pieces[pieces.length - 1]
  const bottom = range?.min === null ? undefined : sizeAt(cfg, new Fraction(0))
  // The last piece runs to +inf: flat, it is the top size; sloped (percent), the size has no top.
  const top = range?.max === null || !last?.slope?.equals(0) ? undefined : last.intercept
  return { ...(bottom ? { bottom } : {}), ...(top ? { top } : {}) }
}

export const interpolationProperties: Rule<InterpolationPropertiesOptions, InterpolationPropertiesMessageId> = {
  meta: {
    id: 'interpolation-properties',
    description: "Property-based checks of this config's size function over every balance: monotone, continuous, bounded, exact at profile endpoints",
    defaultSeverity: 'warn',
    fixable: false,
    schema: {
      type: 'object',
      properties: {
        seed: { type: 'integer', minimum: -2147483648, maximum: 2147483647, description: 'fast-check seed (CLI --seed); the same seed gives the same counterexamples.' },
        numRuns: { type: 'integer', minimum: 1, maximum: 100000, description: 'Generated cases per property.' },
        // Above 0: the property compares sizes DELTA apart, and a ramp itself moves by slope * DELTA over that step.
        tolerance: { type: 'number', exclusiveMinimum: 0, description: 'Largest size jump (USD notional) the "continuous" property accepts; above 0.' },
      },
      additionalProperties: false,
    },
    defaultOptions: { seed: 42, numRuns: 300, tolerance: 0.01 },
    messages: {
      notMonotone: `property "monotone" fails: size {{before}} at {{b1}} but {{after}} at {{b2}} ${REPLAY}`,
      notContinuous: `property "continuous" fails: size {{before}} at {{b}} but {{after}} at {{b}} + {{delta}}, a jump of {{jump}} over the tolerance {{tolerance}} ${REPLAY}`,
      outOfRange: `property "bounded" fails: size {{size}} at {{b}} is {{side}} {{bound}}, the size at the {{end}} of the ladder ${REPLAY}`,
      endpointNotExact: `property "endpoints" fails: {{profile}}'s {{sizeField}} is {{expected}}, but the size at its {{balanceField}} {{b}} is {{size}} ({{selected}} is selected there) ${REPLAY}`,
    },
  },

  *check(ctx): Generator<Report<InterpolationPropertiesMessageId>> {
    const cfg = readSizingConfig(ctx.data, { mode: ctx.shared?.sizingMode ?? 'auto' })
    if (cfg.profiles.length === 0) return
    const options = ctx.options
    const tolerance = q(options.tolerance)
    const props = sizeProperties(cfg, tolerance)
    const f = (b: Fraction): Fraction | undefined => sizeAt(cfg, b)
    const replay = (path: string): { seed: number; path: string } => ({ seed: options.seed, path })

    const monotone = run(props.monotone, options)
    if (monotone) {
      const [b2, gap] = monotone.counterexample
      const b1 = b2.sub(gap)
      const p1 = selectProfile(cfg, b1)!
      const p2 = selectProfile(cfg, b2)!
      // Inside one progressive profile the ramp itself falls: size_at_max is the value to raise.
      const path = p1 === p2 && p2.mode === 'progressive' && p2.sizeAtMax ? p2.sizeAtMax.path : sizingField(p2, b2, 'at')
      yield report(path, 'notMonotone', { before: formatUsd(f(b1)!), b1: formatUsd(b1), after: formatUsd(f(b2)!), b2: formatUsd(b2), ...replay(monotone.path) })
    }

    const continuous = run(props.continuous, options)
    if (continuous) {
      const [b] = continuous.counterexample
      const above = b.add(DELTA)
      const before = f(b)!
      const after = f(above)!
      yield report(sizingField(selectProfile(cfg, above)!, b, 'above'), 'notContinuous', {
        before: formatUsd(before),
        b: formatUsd(b),
        after: formatUsd(after),
        delta: formatNumber(DELTA, 9),
        jump: formatJump(after.sub(before)),
        // A tolerance below a cent prints in full, never as "$0.00".
        tolerance: tolerance.mul(100).d === 1n ? formatUsd(tolerance) : `$${formatNumber(tolerance, 12)}`,
        ...replay(continuous.path),
      })
    }

    const bounded = run(props.bounded, options)
    if (bounded) {
      const [b] = bounded.counterexample
      const s = f(b)!
      const { bottom, top } = ladderEnds(cfg)
      const below = bottom !== undefined && s.lt(bottom)
      yield report(sizingField(selectProfile(cfg, b)!, b, 'at'), 'outOfRange', {
        size: formatUsd(s),
        b: formatUsd(b),
        side: below ? 'below' : 'above',
        bound: formatUsd(below ? bottom : top!),
        end: below ? 'bottom' : 'top',
        ...replay(bounded.path),
      })
    }

    const ends = endpointCases(cfg.profiles)
    const endpoints = props.endpoints && run(props.endpoints, options)
    if (endpoints) {
      const e = ends[endpoints.counterexample[0]]!
      const selected = selectProfile(cfg, e.balance.value)!
      // Exactly at the selected profile's threshold the tiling is right and the sizes disagree: the size is the field
      // to edit. Anywhere else the balance field lies outside the profile's own range (an overlap, a max_balance past
      // the threshold, a zero-width or inverted ramp).
      const tiled = selected !== e.profile && selected.threshold?.value.equals(e.balance.value)
      yield report(tiled ? e.size.path : e.balance.path, 'endpointNotExact', {
        profile: e.profile.name,
        sizeField: e.sizeField,
        expected: formatUsd(e.size.value),
        balanceField: e.balanceField,
        b: formatUsd(e.balance.value),
        size: formatUsd(f(e.balance.value)!),
        selected: selected.name,
        ...replay(endpoints.path),
      })
    }
  },
}

/** The four properties of a config's base size, as fast-check properties: replay one with `fc.check(p, { seed, path })`. */
export interface SizeProperties {
  /** b1 < b2 implies f(b1) <= f(b2); generated as (b2, gap) with b1 = b2 - gap, so a drop shrinks to one cent across it. */
  monotone: fc.IProperty<[Fraction, Fraction]>
  /** |f(b + DELTA) - f(b)| <= tolerance where a progressive profile is involved (profile-continuity's default scope). */
  continuous: fc.IProperty<[Fraction]>
  /** The size stays between the sizes at both ends of the ladder; an unbounded end (a percent top) is skipped. */
  bounded: fc.IProperty<[Fraction]>
  /** Each progressive profile gives size_at_min at min_balance and size_at_max at its hi; an index into its cases. Absent without progressive profiles. */
  endpoints?: fc.IProperty<[number]>
}

/** Builds the properties for one config. `tolerance` is USD notional. Sizes where the model defines none pass. */
export function sizeProperties(cfg: SizingConfig, tolerance: Fraction): SizeProperties {
  const points = breakpoints(cfg)
  const balance = balanceArbitrary(points)
  const f = (b: Fraction): Fraction | undefined => sizeAt(cfg, b)
  const { bottom, top } = ladderEnds(cfg)
  const ends = endpointCases(cfg.profiles)
  const progressiveAt = (b: Fraction): boolean => selectProfile(cfg, b)?.mode === 'progressive'
  return {
    monotone: fc.property(balance, gapArbitrary(points), (b2, gap) => {
      const b1 = b2.sub(gap)
      if (b1.lt(0)) return true
      const s1 = f(b1)
      const s2 = f(b2)
      return s1 === undefined || s2 === undefined || s1.lte(s2)
    }),
    continuous: fc.property(balance, (b) => {
      const above = b.add(DELTA)
      if (!progressiveAt(b) && !progressiveAt(above)) return true
      const s = f(b)
      const t = f(above)
      return s === undefined || t === undefined || t.sub(s).abs().lte(tolerance)
    }),
    bounded: fc.property(balance, (b) => {
      const s = f(b)
      return s === undefined || ((bottom === undefined || s.gte(bottom)) && (top === undefined || s.lte(top)))
    }),
    ...(ends.length > 0
      ? {
          endpoints: fc.property(fc.integer({ min: 0, max: ends.length - 1 }), (i) => {
            const e = ends[i]!
            const s = f(e.balance.value)
            return s === undefined || s.equals(e.size.value)
          }),
        }
      : {}),
  }
}

interface EndpointCase {
  profile: ProfileView
  balanceField: string
  balance: { value: Fraction; path: string }
  sizeField: 'size_at_min' | 'size_at_max'
  size: { value: Fraction; path: string }
}

/** (profile, end) pairs in ladder order: min_balance -> size_at_min, then hi -> size_at_max, for each progressive profile. */
function endpointCases(profiles: readonly ProfileView[]): EndpointCase[] {
  const out: EndpointCase[] = []
  for (const p of profiles) {
    if (p.mode !== 'progressive' || !p.minBalance || !p.hi || !p.sizeAtMin || !p.sizeAtMax) continue
    // Balances below 0 are outside the domain the bot can be in.
    if (p.minBalance.value.gte(0)) out.push({ profile: p, balanceField: 'min_balance', balance: p.minBalance, sizeField: 'size_at_min', size: p.sizeAtMin })
    if (p.hi.value.gte(0)) out.push({ profile: p, balanceField: hiName(p), balance: p.hi, sizeField: 'size_at_max', size: p.sizeAtMax })
  }
  return out
}

function report(
  path: string,
  messageId: InterpolationPropertiesMessageId,
  data: Record<string, string | number>,
): Report<InterpolationPropertiesMessageId> {
  return { path, messageId, data }
}
