// Config texts shared by the sizing rule tests. Expectations pin lines and columns in them: change no byte.

/**
 * The seed report's Variant B: four progressive profiles, tiled, continuous and growing all the way.
 * micro is lines 4-9, small 10-15, medium 16-21, large 22-28; values sit at column 18 (threshold) or 20.
 */
export const VARIANT_B = `scalping:
  leverage: 5
  balance_profiles:
    micro:
      threshold: 500.0
      min_balance: 100.0
      size_at_min: 30.0
      size_at_max: 50.0
      progressive: true
    small:
      threshold: 1500.0
      min_balance: 500.0
      size_at_min: 50.0
      size_at_max: 150.0
      progressive: true
    medium:
      threshold: 3000.0
      min_balance: 1500.0
      size_at_min: 150.0
      size_at_max: 200.0
      progressive: true
    large:
      threshold: 999999.0
      min_balance: 3000.0
      max_balance: 10000.0
      size_at_min: 200.0
      size_at_max: 300.0
      progressive: true
`

/** Fixed sizing, growing and stepped by design. base_position_usd values sit at column 26 (lines 6, 9, 12, 15). */
export const FIXED_LADDER = `scalping:
  leverage: 5
  balance_profiles:
    micro:
      threshold: 500.0
      base_position_usd: 50.0
    small:
      threshold: 1500.0
      base_position_usd: 100.0
    medium:
      threshold: 3000.0
      base_position_usd: 200.0
    large:
      threshold: 999999.0
      base_position_usd: 500.0
`

/**
 * Percent sizing, as the newest real config: margin = balance * percent, falling from profile to profile.
 * max_position_percent values sit at column 29 (lines 6, 9, 12, 15).
 */
export const PERCENT_LADDER = `scalping:
  leverage: 5
  balance_profiles:
    micro:
      threshold: 500.0
      max_position_percent: 25.0
    small:
      threshold: 1500.0
      max_position_percent: 15.0
    medium:
      threshold: 3000.0
      max_position_percent: 10.0
    large:
      threshold: 999999.0
      max_position_percent: 5.0
`
