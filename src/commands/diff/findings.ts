// Which findings a change adds and which it fixes: matched by rule, message, JSON path and the numbers in the message, never by position.
import type { Finding } from '../../types.js'

/** "line 12", "column 3", "byte 7": positions some messages name, which move when lines are added above. */
const POSITION = /\b(?:line|lines|column|columns|byte|offset)\s+\d+/gi
/** A number as a message prints it: "$1,018.00", "65.6%", "5x", "-3". */
const NUMBER = /-?\d[\d,]*(?:\.\d+)?/g

/** The numbers a finding's message names, in order, without positions (thousands separators dropped). */
export function messageNumbers(message: string): string[] {
  return (message.replace(POSITION, '').match(NUMBER) ?? []).map((n) => n.replace(/,/g, ''))
}

/**
 * What identifies a finding across two versions of a file: its rule, its messageId, the JSON path of the node it is
 * on and the numbers its message names. Not its line or column, so that lines added above it leave it the same.
 */
export function findingKey(f: Finding): string {
  return JSON.stringify([f.ruleId, f.messageId, f.path, messageNumbers(f.message)])
}

/** The base and head findings matched up: each head finding pairs with at most one base finding of the same key. */
export interface FindingMatch {
  /** Head findings no base finding matches: the change adds them. */
  added: Finding[]
  /** Base findings no head finding matches: the change fixes them (or moves them to another path or number). */
  fixed: Finding[]
}

/**
 * Matches findings as multisets of keys: when the base has two findings with one key and the head three, one is
 * added (the last in the head's order). Both lists keep their order.
 */
export function matchFindings(base: readonly Finding[], head: readonly Finding[]): FindingMatch {
  const pending = new Map<string, number>()
  for (const f of base) pending.set(findingKey(f), (pending.get(findingKey(f)) ?? 0) + 1)
  const added: Finding[] = []
  const matched = new Map<string, number>()
  for (const f of head) {
    const key = findingKey(f)
    const left = pending.get(key) ?? 0
    if (left > 0) {
      pending.set(key, left - 1)
      matched.set(key, (matched.get(key) ?? 0) + 1)
    } else added.push(f)
  }
  const fixed: Finding[] = []
  for (const f of base) {
    const key = findingKey(f)
    const used = matched.get(key) ?? 0
    if (used > 0) matched.set(key, used - 1)
    else fixed.push(f)
  }
  return { added, fixed }
}

/** The findings of `findings` that `wanted` holds (by key, as multisets), in their order: a lint's findings that a diff found added. */
export function keepMatching(findings: readonly Finding[], wanted: readonly Finding[]): Finding[] {
  const left = new Map<string, number>()
  for (const f of wanted) left.set(findingKey(f), (left.get(findingKey(f)) ?? 0) + 1)
  return findings.filter((f) => {
    const key = findingKey(f)
    const n = left.get(key) ?? 0
    if (n > 0) left.set(key, n - 1)
    return n > 0
  })
}
