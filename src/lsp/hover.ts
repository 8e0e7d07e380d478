// What the cursor is on, for hover: a balance profile, a symbol's position multiplier or a per-regime override.
import { isMap, isScalar, isSeq, type Document, type Node } from 'yaml'
import { REGIMES, type Regime } from '../model/sizing-config.js'

/** A sizing entry hover explains. Names are the YAML keys as the bot reads them. */
export type HoverTarget =
  | { kind: 'profile'; profile: string }
  | { kind: 'multiplier'; symbol: string }
  | { kind: 'override'; symbol: string; regime: Regime }

/** The keys from the root to the node under a cursor, with the offsets [start, end) of that key or scalar. */
export interface NodeAt {
  keys: string[]
  start: number
  end: number
}

function within(range: readonly [number, number, number] | null | undefined, offset: number): range is readonly [number, number, number] {
  return !!range && range[0] <= offset && offset < range[1]
}

/**
 * The mapping keys leading to the key or scalar at `offset` (0-based, into the BOM-less text), innermost last; sequence
 * items count as their index. Undefined on whitespace, comments, flow punctuation or a complex key.
 */
export function nodeAt(doc: Document, offset: number): NodeAt | undefined {
  let node = doc.contents as Node | null
  const keys: string[] = []
  for (let depth = 0; node && depth < 64; depth++) {
    if (isScalar(node)) return within(node.range, offset) ? { keys, start: node.range[0], end: node.range[1] } : undefined
    let next: Node | null = null
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = pair.key as Node | null
        const value = pair.value as Node | null
        if (!isScalar(key)) continue
        if (within(key.range, offset)) return { keys: [...keys, String(key.value)], start: key.range[0], end: key.range[1] }
        if (value && within(value.range, offset)) {
          keys.push(String(key.value))
          next = value
          break
        }
      }
    } else if (isSeq(node)) {
      const index = node.items.findIndex((item) => within((item as Node | null)?.range, offset))
      if (index >= 0) {
        keys.push(String(index))
        next = node.items[index] as Node
      }
    }
    node = next
  }
  return undefined
}

const PROFILES = ['scalping', 'balance_profiles']
const SYMBOLS = ['scalping', 'adaptive_regime', 'symbol_profiles']

function startsWith(keys: readonly string[], prefix: readonly string[]): boolean {
  return prefix.every((k, i) => keys[i] === k)
}

/**
 * The sizing entry `keys` (from nodeAt) belong to: anything inside `scalping.balance_profiles.<name>` is that profile;
 * a symbol profile's key or its `position_multiplier` is the multiplier; `<regime>`, `<regime>.position` or
 * `<regime>.position.base_position_usd` under a symbol profile is that override.
 */
export function hoverTarget(keys: readonly string[]): HoverTarget | undefined {
  if (startsWith(keys, PROFILES) && keys.length > PROFILES.length) return { kind: 'profile', profile: keys[PROFILES.length]! }
  if (!startsWith(keys, SYMBOLS) || keys.length <= SYMBOLS.length) return undefined
  const [symbol, field, position, usd, ...rest] = keys.slice(SYMBOLS.length) as [string, ...(string | undefined)[]]
  if (field === undefined || field === 'position_multiplier') return rest.length === 0 && position === undefined ? { kind: 'multiplier', symbol } : undefined
  if (!(REGIMES as readonly string[]).includes(field) || rest.length > 0) return undefined
  if (position === undefined || (position === 'position' && (usd === undefined || usd === 'base_position_usd'))) {
    return { kind: 'override', symbol, regime: field as Regime }
  }
  return undefined
}
