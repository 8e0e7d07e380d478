// Inline disable directives in the linted YAML's comments (ESLint's forms, yamllint's line model).
import { isScalar, visit, type Document } from 'yaml'
import type { LineCounter } from 'yaml'
import type { Finding } from '../types.js'

export type DirectiveKind = 'disable' | 'enable' | 'disable-line' | 'disable-next-line'

export interface Directive {
  kind: DirectiveKind
  /** Rule ids named by the directive; empty means every rule. */
  rules: string[]
  /** The text after `--`, if any. */
  justification: string
  /** 1-based line of the comment. */
  line: number
  /** Offsets of the comment (`#` to end of line, exclusive). */
  start: number
  end: number
  /** Offset of each named rule id inside the comment, for precise unused reports. */
  ruleOffsets: number[]
}

// `# lint-config-disable-next-line a, b -- why`; anchored at `#` so a URL fragment or a quoted `#` never matches.
const DIRECTIVE = /(^|[ \t])#[ \t]*lint-config-(disable-next-line|disable-line|disable|enable)(?=$|[ \t])([^\r\n]*)/gm

/** Reads every directive from the comments of `text`; candidates inside scalars (a quoted `#`) are dropped. */
export function readDirectives(text: string, doc: Document, lineCounter: LineCounter): Directive[] {
  const found: Directive[] = []
  for (const match of text.matchAll(DIRECTIVE)) {
    const start = match.index + match[1]!.length
    const body = match[3] ?? ''
    const [list, ...why] = body.split(/[ \t]--(?:[ \t]|$)/)
    const rules: string[] = []
    const ruleOffsets: number[] = []
    const listStart = start + match[0].length - match[1]!.length - body.length
    const listText = list ?? ''
    for (const m of listText.matchAll(/[^,\s]+/g)) {
      rules.push(m[0])
      ruleOffsets.push(listStart + m.index)
    }
    found.push({
      kind: match[2] as DirectiveKind,
      rules,
      justification: why.join(' -- ').trim(),
      line: lineCounter.linePos(start).line,
      start,
      end: start + match[0].length - match[1]!.length,
      ruleOffsets,
    })
  }
  if (found.length === 0) return found
  const scalars: [number, number][] = []
  visit(doc, {
    Scalar(_key, node) {
      if (isScalar(node) && node.range && node.range[1] > node.range[0]) scalars.push([node.range[0], node.range[1]])
    },
  })
  return found.filter((d) => !scalars.some(([s, e]) => d.start >= s && d.start < e))
}

export interface DirectiveOutcome {
  kept: Finding[]
  suppressed: { finding: Finding; directive: Directive }[]
  /** Directives (or rule names in them) that suppressed nothing; `rule` is undefined for a directive naming no rule. */
  unused: { directive: Directive; rule?: string; offset: number }[]
}

function names(directive: Directive, ruleId: string): boolean {
  return directive.rules.length === 0 || directive.rules.includes(ruleId)
}

/**
 * Splits findings into kept and suppressed. A fatal finding is never suppressed: nothing else was checked.
 * `disable` regions run to the matching `enable` (per rule, or all), or to the end of the file.
 */
export function applyDirectives(findings: readonly Finding[], directives: readonly Directive[]): DirectiveOutcome {
  const used = new Map<Directive, Set<string>>()
  const markUsed = (d: Directive, ruleId: string): void => {
    const set = used.get(d) ?? new Set<string>()
    set.add(ruleId)
    used.set(d, set)
  }
  const sorted = [...directives].sort((a, b) => a.start - b.start)
  const kept: Finding[] = []
  const suppressed: DirectiveOutcome['suppressed'] = []
  for (const finding of findings) {
    const line = finding.range.start.line
    const offset = finding.range.start.offset
    let by: Directive | undefined
    if (!finding.fatal) {
      for (const d of sorted) {
        if (!names(d, finding.ruleId)) continue
        if ((d.kind === 'disable-line' && d.line === line) || (d.kind === 'disable-next-line' && d.line + 1 === line)) {
          by = d
          break
        }
      }
      if (!by) by = regionFor(sorted, finding.ruleId, offset)
    }
    if (by) {
      markUsed(by, finding.ruleId)
      suppressed.push({ finding, directive: by })
    } else {
      kept.push(finding)
    }
  }
  const unused: DirectiveOutcome['unused'] = []
  for (const d of sorted) {
    if (d.kind === 'enable') continue
    const hits = used.get(d)
    if (d.rules.length === 0) {
      if (!hits) unused.push({ directive: d, offset: d.start })
    } else {
      d.rules.forEach((rule, i) => {
        if (!hits?.has(rule)) unused.push({ directive: d, rule, offset: d.ruleOffsets[i] ?? d.start })
      })
    }
  }
  return { kept, suppressed, unused }
}

/** The `disable` directive whose region covers `offset` for `ruleId`, if any. */
function regionFor(sorted: readonly Directive[], ruleId: string, offset: number): Directive | undefined {
  let active: Directive | undefined
  for (const d of sorted) {
    if (d.start > offset) break
    if (d.kind === 'disable' && names(d, ruleId)) active = d
    else if (d.kind === 'enable' && active && (d.rules.length === 0 || d.rules.includes(ruleId))) active = undefined
  }
  return active
}
