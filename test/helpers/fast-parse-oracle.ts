// The oracle for fast-parse's tests: the slow path as parse.ts runs it, and every difference between the two results.
import { Composer, Document, isAlias, isMap, isPair, isScalar, isSeq, Parser } from 'yaml'
import type { FastParsed } from '../../src/engine/fast-parse.js'
import { locate, toPointer } from '../../src/engine/locate.js'
import { NON_PRINTABLE, YAML11_BREAKS, rejectedTab } from '../../src/engine/parse.js'
import { PYYAML_DOCUMENT_OPTIONS } from '../../src/engine/pyyaml-schema.js'

/** The slow path as parse.ts runs it: Parser, then Composer with the same options, first document, toJS. */
export function slowParse(text: string): { doc: Document.Parsed; data: unknown } {
  const composer = new Composer(PYYAML_DOCUMENT_OPTIONS)
  let doc: Document.Parsed | undefined
  let count = 0
  for (const next of composer.compose(new Parser().parse(text), true, text.length)) {
    doc ??= next
    count++
  }
  if (count > 1) doc!.errors.push({ code: 'MULTIPLE_DOCS' } as never)
  let data: unknown
  try {
    data = doc!.toJS({ maxAliasCount: 100 })
  } catch {
    data = Symbol('toJS threw')
  }
  return { doc: doc!, data }
}

const kindOf = (n: unknown): string =>
  n === null || n === undefined ? 'null' : isMap(n) ? 'map' : isSeq(n) ? 'seq' : isScalar(n) ? 'scalar' : isPair(n) ? 'pair' : isAlias(n) ? 'alias' : typeof n

/* eslint-disable @typescript-eslint/no-explicit-any */
function diffNodes(a: any, b: any, at: string, out: string[]): void {
  if (out.length > 20) return
  const ka = kindOf(a)
  const kb = kindOf(b)
  if (ka !== kb) {
    out.push(`${at}: ${ka} vs ${kb}`)
    return
  }
  if (ka === 'null') return
  if (ka === 'pair') {
    diffNodes(a.key, b.key, `${at}.key`, out)
    diffNodes(a.value, b.value, `${at}.value`, out)
    return
  }
  if (JSON.stringify(a.range) !== JSON.stringify(b.range)) out.push(`${at}: range ${JSON.stringify(a.range)} vs ${JSON.stringify(b.range)}`)
  if (a.tag !== b.tag || a.anchor !== b.anchor) out.push(`${at}: tag/anchor`)
  if (ka === 'scalar') {
    if (!Object.is(a.value, b.value)) out.push(`${at}: value ${String(a.value)} vs ${String(b.value)}`)
    for (const p of ['type', 'source', 'format', 'minFractionDigits']) if (a[p] !== b[p]) out.push(`${at}: ${p} ${a[p]} vs ${b[p]}`)
    return
  }
  if (!!a.flow !== !!b.flow) out.push(`${at}: flow ${a.flow} vs ${b.flow}`)
  if (a.items.length !== b.items.length) {
    out.push(`${at}: ${a.items.length} vs ${b.items.length} items`)
    return
  }
  a.items.forEach((item: unknown, i: number) => diffNodes(item, b.items[i], `${at}[${i}]`, out))
}

/** Deep equality with Object.is on leaves (NaN, -0), the same own keys in the same order, same descriptors and prototypes. */
function diffData(a: any, b: any, at: string, out: string[]): void {
  if (out.length > 20) return
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') {
    if (!Object.is(a, b)) out.push(`${at || '/'}: ${String(a)} vs ${String(b)}`)
    return
  }
  if (Array.isArray(a) !== Array.isArray(b) || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) {
    out.push(`${at || '/'}: different kinds of object`)
    return
  }
  const ka = Reflect.ownKeys(a)
  const kb = Reflect.ownKeys(b)
  if (ka.join('\0') !== kb.join('\0')) {
    out.push(`${at || '/'}: keys ${ka.map(String).join(',')} vs ${kb.map(String).join(',')}`)
    return
  }
  for (const k of ka) {
    const da = Object.getOwnPropertyDescriptor(a, k)!
    const db = Object.getOwnPropertyDescriptor(b, k)!
    if (da.enumerable !== db.enumerable || da.writable !== db.writable || da.configurable !== db.configurable) out.push(`${at}/${String(k)}: descriptor`)
    diffData(da.value, db.value, `${at}/${String(k)}`, out)
  }
}
/* eslint-enable @typescript-eslint/no-explicit-any */

function pointers(data: unknown, segments: (string | number)[] = [], out: string[] = []): string[] {
  out.push(toPointer(segments))
  if (Array.isArray(data)) data.forEach((v, i) => pointers(v, [...segments, i], out))
  else if (data !== null && typeof data === 'object') for (const k of Object.keys(data)) pointers((data as Record<string, unknown>)[k], [...segments, k], out)
  return out
}

/** Every difference between fastParse's result and the slow path's; empty when equivalent. */
export function differences(text: string, fast: FastParsed): string[] {
  const slow = slowParse(text)
  const out: string[] = []
  const problems = [...slow.doc.errors, ...slow.doc.warnings].map((e) => e.code)
  if (problems.length > 0) out.push(`the slow path reports ${problems.join(', ')}`)
  YAML11_BREAKS.lastIndex = 0
  if (NON_PRINTABLE.test(text)) out.push('parse.ts reports a non-printable character')
  if (YAML11_BREAKS.test(text)) out.push('parse.ts sees a YAML 1.1 line break')
  if (rejectedTab(text) !== -1) out.push('parse.ts reports a tab')
  if (fast.doc.errors.length + fast.doc.warnings.length > 0) out.push('fast doc has errors')
  if (JSON.stringify(slow.doc.range) !== JSON.stringify(fast.doc.range)) out.push(`doc.range ${JSON.stringify(slow.doc.range)} vs ${JSON.stringify(fast.doc.range)}`)
  diffNodes(slow.doc.contents, fast.doc.contents, '$', out)
  diffData(slow.data, fast.data, '', out)
  if (out.length === 0) {
    for (const pointer of pointers(slow.data)) {
      for (const on of ['key', 'value'] as const) {
        const a = locate(slow.doc, text, pointer, on)
        const b = locate(fast.doc, text, pointer, on)
        if (a.start !== b.start || a.end !== b.end) out.push(`locate(${pointer}, ${on}): ${a.start}-${a.end} vs ${b.start}-${b.end}`)
      }
    }
  }
  const starts = [0]
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1)
  if (JSON.stringify(starts) !== JSON.stringify(fast.lineCounter.lineStarts)) out.push('line starts differ')
  return out
}

