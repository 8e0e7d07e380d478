// Compares lint-config's parse layer with PyYAML's verdict on one input: acceptance, PyYAML's mark, data, repeated keys.
import { decodeUtf8 } from '../../src/engine/decode.js'
import { encodingFailure, parseConfig, type ParsedConfig } from '../../src/engine/parse.js'
import { loadAsPyYAML } from '../../src/engine/pyyaml/load.js'
import type { OracleResult, Tagged } from './pyyaml-oracle.js'

/** The kinds of disagreement the differential test counts (all must be zero). */
export const DISAGREEMENT_CLASSES = ['acceptance', 'line', 'column', 'cause', 'data', 'duplicates', 'oracle'] as const
export type DisagreementClass = (typeof DISAGREEMENT_CLASSES)[number]

export interface Disagreement {
  class: DisagreementClass
  detail: string
}

/** The parse layer on raw bytes, as lintBytes runs it: strict UTF-8 first. */
export function parseBytes(bytes: Uint8Array): ParsedConfig {
  const decoded = decodeUtf8(bytes)
  return decoded.ok ? parseConfig(decoded.text) : encodingFailure(decoded.text, decoded.byte)
}

/** PyYAML's 0-based line and column of a UTF-16 offset: its line breaks, code points, a BOM counting for nothing. */
export function pyLineColumn(text: string, offset: number): [number, number] {
  let line = 0
  let column = 0
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x0a || c === 0x85 || c === 0x2028 || c === 0x2029 || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      line++
      column = 0
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < offset && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      column++
      i++
    } else if (c !== 0xfeff) column++
  }
  return [line, column]
}

/** The oracle kinds (PyYAML's error classes) each refusal message of ours may stand for. */
const CAUSES: Record<string, readonly string[]> = {
  invalidEncoding: ['decode'],
  nonPrintable: ['reader'],
  unresolvedAlias: ['composer'],
  duplicateAnchor: ['composer'],
  multipleDocuments: ['composer'],
  unknownTag: ['constructor'],
  constructorError: ['constructor', 'python'],
  tooDeep: ['python'],
  syntaxError: ['scanner', 'parser', 'constructor'],
}

/** The JS value the parse layer should hold for PyYAML's value (see docs/rules/yaml-syntax.md for the mapping). */
function expected(tagged: Tagged, shared: Map<number, unknown>): unknown {
  if (tagged === null) return null
  switch (tagged[0]) {
    case 'bool':
      return tagged[1]
    case 'int':
      return Number(BigInt(tagged[1]))
    case 'float':
      return tagged[1] === 'nan' ? Number.NaN : tagged[1] === 'inf' ? Infinity : tagged[1] === '-inf' ? -Infinity : Number(tagged[1])
    case 'str':
      return tagged[1]
    case 'bytes':
      return Uint8Array.from(tagged[1].match(/../g) ?? [], (h) => Number.parseInt(h, 16))
    case 'date':
      return utc(tagged[1][0], tagged[1][1], tagged[1][2])
    case 'datetime': {
      const [y, mo, d, h, mi, s, us] = tagged[1] as [number, number, number, number, number, number, number]
      return new Date(utc(y, mo, d, h, mi, s, Math.floor(us / 1000)).getTime() - (tagged[2] ?? 0) * 1000)
    }
    case 'tuple':
      return tagged[1].map((t) => expected(t, shared))
    case 'ref':
      return shared.get(tagged[1])
    case 'list': {
      const out: unknown[] = []
      shared.set(tagged[1], out)
      for (const t of tagged[2]) out.push(expected(t, shared))
      return out
    }
    case 'set': {
      const out = new Set<unknown>()
      shared.set(tagged[1], out)
      for (const t of tagged[2]) out.add(expected(t, shared))
      return out
    }
    case 'dict': {
      const out: Record<string, unknown> = {}
      shared.set(tagged[1], out)
      for (const [k, v] of tagged[2]) {
        const key = jsKey(k)
        const value = expected(v, shared)
        if (key in out) Object.defineProperty(out, key, { value, writable: true, enumerable: true, configurable: true })
        else out[key] = value
      }
      return out
    }
    default:
      return Symbol(`unknown ${tagged[1]}`)
  }
}

/** How a Python key becomes a JS data key. */
function jsKey(tagged: Tagged): string {
  if (tagged === null) return ''
  if (tagged[0] === 'bool') return String(tagged[1])
  if (tagged[0] === 'int' || tagged[0] === 'str' || tagged[0] === 'bytes') return tagged[1]
  if (tagged[0] === 'float') return String(expected(tagged, new Map()))
  if (tagged[0] === 'date') return `${String(tagged[1][0]).padStart(4, '0')}-${String(tagged[1][1]).padStart(2, '0')}-${String(tagged[1][2]).padStart(2, '0')}`
  if (tagged[0] === 'datetime') return (expected(tagged, new Map()) as Date).toISOString()
  return `<${tagged[0]}>`
}

function utc(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): Date {
  const date = new Date(0)
  date.setUTCFullYear(year, month - 1, day)
  date.setUTCHours(hour, minute, second, ms)
  return date
}

/** Where two data graphs differ (shared and cyclic values compared once), or undefined. */
function dataDifference(a: unknown, b: unknown, at = '', seen = new Map<object, object>()): string | undefined {
  if (typeof a === 'number' && typeof b === 'number') return a === b || (Number.isNaN(a) && Number.isNaN(b)) ? undefined : `${at || '/'}: ${a} vs ${b}`
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return Object.is(a, b) ? undefined : `${at || '/'}: ${String(a)} vs ${String(b)}`
  if (seen.get(a) === b) return undefined
  seen.set(a, b)
  const kind = (v: object): string => (Array.isArray(v) ? 'array' : v instanceof Set ? 'set' : v instanceof Date ? 'date' : ArrayBuffer.isView(v) ? 'bytes' : 'object')
  if (kind(a) !== kind(b)) return `${at || '/'}: ${kind(a)} vs ${kind(b)}`
  if (a instanceof Date) return a.getTime() === (b as Date).getTime() ? undefined : `${at || '/'}: ${a.toISOString()} vs ${(b as Date).toISOString()}`
  if (ArrayBuffer.isView(a)) {
    const bytes = (v: ArrayBufferView): Buffer => Buffer.from(v.buffer, v.byteOffset, v.byteLength)
    return bytes(a).equals(bytes(b as ArrayBufferView)) ? undefined : `${at || '/'}: bytes`
  }
  if (a instanceof Set) {
    const names = (s: Set<unknown>): string => [...s].map((v) => (v instanceof Date ? v.toISOString() : `${typeof v}:${String(v)}`)).sort().join('|')
    return names(a) === names(b as Set<unknown>) ? undefined : `${at || '/'}: set ${names(a)} vs ${names(b as Set<unknown>)}`
  }
  const ka = Object.keys(a)
  const kb = Object.keys(b)
  if (ka.join('\0') !== kb.join('\0')) return `${at || '/'}: keys ${ka.join(',')} vs ${kb.join(',')}`
  for (const k of ka) {
    const d = dataDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${at}/${k}`, seen)
    if (d) return d
  }
  return undefined
}

/** What the parse layer made of an input, kept for comparing (without the yaml Document). */
export interface Verdict {
  parsed: Omit<ParsedConfig, 'doc' | 'lineCounter'>
  /** The stage of the PyYAML port that refused the text, when it did. */
  stage: string | undefined
}

/** The parse layer's verdict on `bytes`, and the port's stage when it refuses. */
export function verdictOf(bytes: Uint8Array): Verdict {
  const { doc: _doc, lineCounter: _lines, ...parsed } = parseBytes(bytes)
  let stage: string | undefined
  if (parsed.refusal?.messageId === 'invalidEncoding') stage = 'decode'
  else if (parsed.refusal) {
    const port = loadAsPyYAML(parsed.text, parsed.bom)
    stage = port.ok ? 'none' : port.failure.stage
  }
  return { parsed, stage }
}

/** Every disagreement between the parse layer (and its PyYAML port) and PyYAML on one input. */
export function disagreements(verdict: Verdict, oracle: OracleResult): Disagreement[] {
  if (!oracle.ok && oracle.kind === 'oracle') return [{ class: 'oracle', detail: oracle.problem }]
  const { parsed, stage } = verdict
  const out: Disagreement[] = []
  const refusal = parsed.refusal
  if (oracle.ok !== (refusal === undefined)) {
    const ours = refusal ? `refuses (${refusal.messageId} ${JSON.stringify(refusal.data)})` : 'loads'
    const theirs = oracle.ok ? 'loads' : `refuses (${oracle.type}: ${oracle.problem})`
    return [{ class: 'acceptance', detail: `lint-config ${ours}, PyYAML ${theirs}` }]
  }
  if (!oracle.ok && refusal) {
    const allowed = CAUSES[refusal.messageId] ?? []
    if (!allowed.includes(oracle.kind) || stage !== oracle.kind) {
      out.push({ class: 'cause', detail: `lint-config ${refusal.messageId} (${stage}), PyYAML ${oracle.kind} ${oracle.type}: ${oracle.problem}` })
    }
    if (oracle.mark) {
      const [line, column] = pyLineColumn(parsed.text, refusal.start)
      const where = `lint-config at ${line + 1}:${column + 1}, PyYAML at ${oracle.mark[0] + 1}:${oracle.mark[1] + 1} (${oracle.problem})`
      if (line !== oracle.mark[0]) out.push({ class: 'line', detail: where })
      else if (column !== oracle.mark[1]) out.push({ class: 'column', detail: where })
    }
    return out
  }
  if (oracle.ok) {
    if (parsed.data !== undefined || !parsed.fatal) {
      const difference = dataDifference(parsed.data, expected(oracle.data, new Map()))
      if (difference) out.push({ class: 'data', detail: difference })
    }
    const ours = parsed.syntax
      .filter((s) => s.messageId === 'duplicateKey' || s.messageId === 'duplicateKeyOverridden')
      .map((s) => pyLineColumn(parsed.text, s.start).join(':'))
      .sort()
    const theirs = oracle.dups.map((d) => d.join(':')).sort()
    if (ours.join(' ') !== theirs.join(' ')) out.push({ class: 'duplicates', detail: `lint-config ${ours.join(' ') || 'none'}, PyYAML ${theirs.join(' ') || 'none'}` })
  }
  return out
}
