// SafeConstructor's scalar constructors (constructor.py): null, bool, int, float, binary, timestamp, str, as JS values.
import type { PyNode } from './composer.js'
import { pyMatch, resolve } from './resolver.js'
import { checkDate, checkOffset, checkTime, decodeBase64, pyFloat, pyInt, PythonError, utcDate } from './python.js'

/** How a constructed value compares as a Python dict key (`eq`), and the string key it becomes in JS data (`js`). */
export interface PyKey {
  readonly eq: string
  readonly js: string
}

/** What the scalar constructors need from the constructor: the scalar text, and a place to note a value's Python type. */
export interface ScalarContext {
  constructScalar(node: PyNode): string
  /** The key form of a value whose JS type loses its Python identity (ints, floats, dates). */
  noteKey(node: PyNode, key: PyKey): void
  /** A ConstructorError at the node (PyYAML's marks). */
  constructorError(context: string | null, problem: string, node: PyNode): Error
}

const BOOL_VALUES: Record<string, boolean> = { yes: true, no: false, true: true, false: false, on: true, off: false }

/** A Python IndexError, as `value[0]` raises on an empty string. */
function first(value: string): string {
  if (value === '') throw new PythonError('IndexError', 'string index out of range')
  return value[0]!
}

function constructNull(c: ScalarContext, node: PyNode): null {
  c.constructScalar(node)
  return null
}

function constructBool(c: ScalarContext, node: PyNode): boolean {
  const value = c.constructScalar(node).toLowerCase()
  if (!Object.prototype.hasOwnProperty.call(BOOL_VALUES, value)) {
    throw new PythonError('KeyError', `'${value}' is not one of yes, no, true, false, on, off (in any case)`)
  }
  return BOOL_VALUES[value]!
}

function noteInt(c: ScalarContext, node: PyNode, value: bigint): number {
  c.noteKey(node, { eq: `n:${value}`, js: String(value) })
  return Number(value)
}

function constructInt(c: ScalarContext, node: PyNode): number {
  let value = c.constructScalar(node).replace(/_/g, '')
  const sign = first(value) === '-' ? -1n : 1n
  if ('+-'.includes(first(value))) value = value.slice(1)
  if (value === '0') return noteInt(c, node, 0n)
  if (value.startsWith('0b')) return noteInt(c, node, sign * pyInt(value.slice(2), 2))
  if (value.startsWith('0x')) return noteInt(c, node, sign * pyInt(value.slice(2), 16))
  if (first(value) === '0') return noteInt(c, node, sign * pyInt(value, 8))
  if (value.includes(':')) {
    let total = 0n
    let base = 1n
    for (const part of value.split(':').reverse()) {
      total += pyInt(part, 10) * base
      base *= 60n
    }
    return noteInt(c, node, sign * total)
  }
  return noteInt(c, node, sign * pyInt(value, 10))
}

/** The key form of a Python float: equal to the int of the same value, a NaN equal only to itself (the same node). */
export function floatKey(value: number, node: PyNode): PyKey {
  if (Number.isNaN(value)) return { eq: `nan:${node.serial}`, js: 'NaN' }
  if (Number.isFinite(value) && Number.isInteger(value)) return { eq: `n:${BigInt(value)}`, js: String(value) }
  return { eq: `f:${value}`, js: String(value) }
}

function constructFloat(c: ScalarContext, node: PyNode): number {
  let value = c.constructScalar(node).replace(/_/g, '').toLowerCase()
  const sign = first(value) === '-' ? -1 : 1
  if ('+-'.includes(first(value))) value = value.slice(1)
  let result: number
  if (value === '.inf') result = sign * Infinity
  else if (value === '.nan') {
    // SafeConstructor returns its one nan_value object: every .nan is the same dict key (float('nan') ones are not).
    c.noteKey(node, { eq: 'nan:.nan', js: 'NaN' })
    return Number.NaN
  } else if (value.includes(':')) {
    let total = 0
    let base = 1
    for (const part of value.split(':').reverse()) {
      total += pyFloat(part) * base
      base *= 60
    }
    result = sign * total
  } else result = sign * pyFloat(value)
  c.noteKey(node, floatKey(result, node))
  return result
}

function constructBinary(c: ScalarContext, node: PyNode): Uint8Array {
  const value = c.constructScalar(node)
  const bad = /[^\x00-\x7f]/.exec(value)
  if (bad) {
    const problem = `failed to convert base64 data into ascii: 'ascii' codec can't encode character ${JSON.stringify(bad[0])} in position ${bad.index}: ordinal not in range(128)`
    throw c.constructorError(null, problem, node)
  }
  try {
    const bytes = decodeBase64(value)
    const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
    c.noteKey(node, { eq: `y:${hex}`, js: hex })
    return bytes
  } catch (error) {
    throw c.constructorError(null, `failed to decode base64 data: ${(error as Error).message}`, node)
  }
}

const TIMESTAMP =
  /^([0-9][0-9][0-9][0-9])-([0-9][0-9]?)-([0-9][0-9]?)(?:(?:[Tt]|[ \t]+)([0-9][0-9]?):([0-9][0-9]):([0-9][0-9])(?:\.([0-9]*))?(?:[ \t]*(Z|([-+])([0-9][0-9]?)(?::([0-9][0-9]))?))?)?$/

function constructTimestamp(c: ScalarContext, node: PyNode): Date {
  c.constructScalar(node)
  const match = node.kind === 'scalar' ? pyMatch(TIMESTAMP, node.value) : null
  if (!match) throw new PythonError('AttributeError', `'NoneType' object has no attribute 'groupdict' (not a timestamp)`)
  const [, y, mo, d, h, mi, s, fraction, tz, tzSign, tzHour, tzMinute] = match
  const [year, month, day] = [Number(y), Number(mo), Number(d)]
  if (h === undefined) {
    checkDate(year, month, day)
    c.noteKey(node, { eq: `d:${year}-${month}-${day}`, js: `${y}-${mo!.padStart(2, '0')}-${d!.padStart(2, '0')}` })
    return utcDate(year, month, day)
  }
  const [hour, minute, second] = [Number(h), Number(mi), Number(s)]
  const micro = fraction ? Number(fraction.slice(0, 6).padEnd(6, '0')) : 0
  let offset: number | null = null
  if (tzSign) {
    offset = (Number(tzHour) * 60 + Number(tzMinute ?? 0)) * (tzSign === '-' ? -1 : 1)
    checkOffset(offset)
  } else if (tz) offset = 0
  checkDate(year, month, day)
  checkTime(hour, minute, second)
  const wall = utcDate(year, month, day, hour, minute, second, Math.floor(micro / 1000))
  const date = new Date(wall.getTime() - (offset ?? 0) * 60_000)
  const exact = `${date.getTime() * 1000 + (micro % 1000)}`
  const eq = offset === null ? `dt:${wall.getTime() * 1000 + (micro % 1000)}` : `dz:${exact}`
  c.noteKey(node, { eq, js: date.toISOString() })
  return date
}

/** The scalar constructors of SafeConstructor by tag. */
export const SCALAR_CONSTRUCTORS: Record<string, (c: ScalarContext, node: PyNode) => unknown> = {
  'tag:yaml.org,2002:null': constructNull,
  'tag:yaml.org,2002:bool': constructBool,
  'tag:yaml.org,2002:int': constructInt,
  'tag:yaml.org,2002:float': constructFloat,
  'tag:yaml.org,2002:binary': constructBinary,
  'tag:yaml.org,2002:timestamp': constructTimestamp,
  'tag:yaml.org,2002:str': (c, node) => c.constructScalar(node),
}

/**
 * What yaml.safe_load makes of a plain scalar on its own (resolver, then constructor): its tag and value, or
 * `undefined` when the constructor fails (`0x_`, `2001-02-30`) or has no constructor for the tag (`=`).
 */
export function loadPlainScalar(source: string): { tag: string; value: unknown } | undefined {
  const tag = resolve('scalar', source, [true, false])
  const constructor = SCALAR_CONSTRUCTORS[tag]
  if (!constructor) return undefined
  const node = { kind: 'scalar', tag, value: source, style: null, start: NO_MARK, end: NO_MARK, serial: -1 } as const
  const context: ScalarContext = {
    constructScalar: () => source,
    noteKey: () => undefined,
    constructorError: (_context, problem) => new PythonError('ConstructorError', problem),
  }
  try {
    return { tag, value: constructor(context, node) }
  } catch (error) {
    if (error instanceof PythonError) return undefined
    throw error
  }
}

const NO_MARK = { pointer: 0, line: 0, column: 0 }
