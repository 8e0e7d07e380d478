// The errors of the PyYAML port: MarkedYAMLError's fields, the stage that raised it, and Python's repr() for messages.
import type { Mark } from './reader.js'

/** Where PyYAML gave up: its error class, or "python" for an exception that is not a YAMLError (ValueError, KeyError...). */
export type LoadStage = 'reader' | 'scanner' | 'parser' | 'composer' | 'constructor' | 'python'

/** A span of the text for a problem PyYAML gives no mark for (code point indexes, end exclusive). */
export interface NodeSpan {
  readonly start: Mark
  readonly end: Mark
  /** The node's kind, when the span is a node's. */
  readonly kind?: 'scalar' | 'sequence' | 'mapping'
}

/**
 * PyYAML's MarkedYAMLError (context, context_mark, problem, problem_mark), or another exception that stops safe_load.
 * `node` is where the problem lies when PyYAML's error has no mark (a constructor's ValueError, a recursion error).
 */
export class LoadError extends Error {
  constructor(
    readonly stage: LoadStage,
    readonly context: string | null,
    readonly contextMark: Mark | null,
    readonly problem: string,
    readonly problemMark: Mark | null,
    readonly node: NodeSpan | null = null,
  ) {
    super(problem)
    this.name = 'LoadError'
  }
}

/** Python's str.isprintable(), close enough: no control, format, surrogate, private-use, unassigned or separator characters but ' '. */
const NOT_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u

/** Python's repr() of a str, as PyYAML's messages show characters and tags (`%r`). */
export function pyRepr(value: string): string {
  const quote = value.includes("'") && !value.includes('"') ? '"' : "'"
  let out = quote
  for (const ch of value) {
    const c = ch.codePointAt(0)!
    if (ch === quote || ch === '\\') out += `\\${ch}`
    else if (ch === '\t') out += '\\t'
    else if (ch === '\n') out += '\\n'
    else if (ch === '\r') out += '\\r'
    else if (ch !== ' ' && NOT_PRINTABLE.test(ch)) {
      const hex = c.toString(16)
      out += c < 0x100 ? `\\x${hex.padStart(2, '0')}` : c < 0x10000 ? `\\u${hex.padStart(4, '0')}` : `\\U${hex.padStart(8, '0')}`
    } else out += ch
  }
  return out + quote
}

/** repr() of one character given as a code point (0 is PyYAML's end-of-text sentinel, shown as '\x00' as PyYAML does). */
export function charRepr(c: number): string {
  return pyRepr(String.fromCodePoint(c))
}
