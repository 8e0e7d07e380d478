// Ladder shape: each profile's region, width and direction, and every boundary between profiles; what the ladder rules report on.
import type Fraction from 'fraction.js'
import { toInterval, type Interval } from './interval.js'
import { baseSize, leverageOf, limitAbove, selectionSpan } from './size-function.js'
import type { NumField, ProfileView, SizingConfig } from './sizing-config.js'

/** One profile of the sorted ladder with the facts the ladder rules check. Balances USD, sizes USD notional. */
export interface ProfileShape {
  readonly profile: ProfileView
  /** Balances that select it, within [0, +inf) (inclusive at its threshold); undefined = never selected. */
  readonly region?: Interval
  /** The first earlier profile with the same threshold. Unless this is the last profile, it is never selected. */
  readonly sharesThresholdWith?: ProfileView
  /** Progressive only: `hi - min_balance` (hi = max_balance ?? threshold); 0 is zero-width, negative is inverted. */
  readonly width?: Fraction
  /** Progressive only. A zero-width or inverted profile jumps from size_at_min to size_at_max at min_balance. */
  readonly shape?: 'regular' | 'zero-width' | 'inverted'
  /** The profile's own formula falls as the balance grows (size_at_max < size_at_min, or a negative percent). */
  readonly decreasing: boolean
}

/** Per sorted profile: selection region, shared thresholds, progressive width and direction. */
export function profileShapes(cfg: SizingConfig): ProfileShape[] {
  const leverage = leverageOf(cfg)
  return cfg.profiles.map((profile, i) => {
    const region = selectionSpan(cfg, i)
    const t = profile.threshold!.value
    const twin = cfg.profiles.slice(0, i).find((p) => p.threshold!.value.equals(t))
    let width: Fraction | undefined
    let shape: ProfileShape['shape']
    let decreasing = false
    if (profile.mode === 'progressive' && profile.minBalance && profile.hi && profile.sizeAtMin && profile.sizeAtMax) {
      width = profile.hi.value.sub(profile.minBalance.value)
      const c = width.compare(0)
      shape = c > 0 ? 'regular' : c === 0 ? 'zero-width' : 'inverted'
      decreasing = profile.sizeAtMax.value.lt(profile.sizeAtMin.value)
    } else if (profile.mode === 'percent' && profile.maxPositionPercent) {
      decreasing = profile.maxPositionPercent.value.mul(leverage).lt(0)
    }
    return Object.freeze({
      profile,
      ...(region ? { region: toInterval(region) } : {}),
      ...(twin ? { sharesThresholdWith: twin } : {}),
      ...(width ? { width } : {}),
      ...(shape ? { shape } : {}),
      decreasing,
    })
  })
}

/** How the next profile's `min_balance` meets the threshold it takes over from. */
export type Tiling = 'tiled' | 'gap' | 'overlap' | 'unspecified'

/**
 * A balance where selection passes from one profile to the next: `left` owns `at` (inclusive), `right` owns
 * the balances just above it. Base sizes USD notional, margins USD.
 */
export interface Boundary {
  /** The left profile's threshold, USD balance. */
  readonly at: Fraction
  readonly threshold: NumField
  readonly left: ProfileView
  readonly right: ProfileView
  /** Profiles sorted between left and right: same threshold as left, never selected. */
  readonly shadowed: readonly ProfileView[]
  /** Left profile's size at `at` (inclusive). */
  readonly sizeAt?: Fraction
  /** Limit of the right profile's size as the balance falls to `at` from above. */
  readonly sizeAbove?: Fraction
  /** sizeAbove - sizeAt: positive is a step up, negative a drop. */
  readonly jump?: Fraction
  /** sizeAt / leverage and sizeAbove / leverage (when leverage > 0). */
  readonly marginAt?: Fraction
  readonly marginAbove?: Fraction
  /** right.min_balance vs `at`; 'unspecified' when the right profile has no usable min_balance. */
  readonly tiling: Tiling
  /** right.min_balance - at: a gap when positive, an overlap when negative. */
  readonly tilingDelta?: Fraction
  /** Either side is progressive, so the size is meant to be continuous here. */
  readonly touchesProgressive: boolean
}

/** Every selection boundary inside [0, +inf), ascending. Shared thresholds yield one boundary with `shadowed` profiles. */
export function boundaries(cfg: SizingConfig): Boundary[] {
  const leverage = leverageOf(cfg)
  const live = cfg.profiles.map((_, i) => i).filter((i) => selectionSpan(cfg, i) !== undefined)
  const out: Boundary[] = []
  for (let k = 0; k + 1 < live.length; k++) {
    const i = live[k]!
    const j = live[k + 1]!
    const left = cfg.profiles[i]!
    const right = cfg.profiles[j]!
    const threshold = left.threshold!
    const atB = threshold.value
    const sizeAt = baseSize(left, atB, leverage)
    const sizeAbove = limitAbove(right, atB, leverage)
    const tilingDelta = right.minBalance?.value.sub(atB)
    const c = tilingDelta?.compare(0)
    const margin = (s: Fraction | undefined): Fraction | undefined => (s && leverage.gt(0) ? s.div(leverage) : undefined)
    const boundary: Boundary = {
      at: atB,
      threshold,
      left,
      right,
      shadowed: Object.freeze(cfg.profiles.slice(i + 1, j)),
      ...(sizeAt ? { sizeAt } : {}),
      ...(sizeAbove ? { sizeAbove } : {}),
      ...(sizeAt && sizeAbove ? { jump: sizeAbove.sub(sizeAt) } : {}),
      ...(margin(sizeAt) ? { marginAt: margin(sizeAt) } : {}),
      ...(margin(sizeAbove) ? { marginAbove: margin(sizeAbove) } : {}),
      tiling: c === undefined ? 'unspecified' : c === 0 ? 'tiled' : c > 0 ? 'gap' : 'overlap',
      ...(tilingDelta ? { tilingDelta } : {}),
      touchesProgressive: left.mode === 'progressive' || right.mode === 'progressive',
    }
    out.push(Object.freeze(boundary))
  }
  return out
}
