// schema rule, part 2: ajv's flat error list -> one report per real problem, with readable messages.
import { context, resolveCombinators } from './schema-combinators.js'
import {
  asArray,
  describe,
  describeValue,
  dotted,
  exampleOf,
  isPlainObject,
  isUnder,
  keyName,
  listOf,
  quote,
  renderLiteral,
  renderNumber,
  typePhrase,
  type AjvError,
  type SchemaObject,
  type SchemaReport,
} from './schema-wording.js'
import { closest, suggest } from './suggest.js'
import { escapePointerToken, parsePointer } from '../model/json-pointer.js'
// ---------------------------------------------------------------------------------------------
// ajv errors -> reports.

/** Turns ajv's flat error list into one report per real problem. */
export function* toReports(errors: readonly AjvError[], root: SchemaObject | undefined): Generator<SchemaReport> {
  const resolved = resolveCombinators(errors, root)

  // A key whose name is wrong is the problem; what its value fails is a consequence. ajv reports each bad name
  // twice: the name schema's own error (carrying `propertyName`) and a `propertyNames` wrapper.
  const badNames = new Map<string, AjvError[]>()
  for (const e of resolved) {
    if (e.keyword !== 'propertyNames') continue
    const list = badNames.get(e.instancePath) ?? []
    if (!list.some((x) => x.params.propertyName === e.params.propertyName)) list.push(e)
    badNames.set(e.instancePath, list)
  }
  const badKeyPaths = [...badNames].flatMap(([parent, list]) => list.map((e) => `${parent}/${escapePointerToken(String(e.params.propertyName))}`))
  const typePaths = new Set(resolved.filter((e) => e.keyword === 'type').map((e) => e.instancePath))

  const orphans = findOrphans(resolved)

  const seen = new Set<string>()
  const emit = (report: SchemaReport): SchemaReport | undefined => {
    const key = JSON.stringify([report.path, report.on ?? 'value', report.messageId, report.data ?? {}])
    if (seen.has(key)) return undefined
    seen.add(key)
    return report
  }

  for (const [parent, list] of badNames) {
    const report = emit(keyNamesReport(parent, list, resolved))
    if (report) yield report
  }

  // A misspelt key ("size_at_maxx") also makes the real one missing: the unknown-key report, with its
  // "did you mean", tells both, so the missing key is not reported again.
  const misspelt = new Set<string>()
  for (const e of resolved) {
    if (e.keyword !== 'additionalProperties') continue
    const known = isPlainObject(e.parentSchema) && isPlainObject(e.parentSchema.properties) ? Object.keys(e.parentSchema.properties) : []
    const target = closest(String(e.params.additionalProperty), known)
    if (target !== undefined) misspelt.add(`${e.instancePath}/${escapePointerToken(target)}`)
  }

  const required = new Map<string, { error: AjvError; missing: string[] }>()
  for (const e of resolved) {
    // The name schema's own errors are told by the propertyNames report above.
    if (e.propertyName !== undefined || e.keyword === 'propertyNames') continue
    if (badKeyPaths.some((p) => isUnder(e.instancePath, p))) continue
    if (e.keyword !== 'type' && typePaths.has(e.instancePath)) continue
    if (e.keyword === 'additionalProperties' && orphans.folded.has(`${e.instancePath}/${escapePointerToken(String(e.params.additionalProperty))}`)) continue
    const orphaned = e.keyword === 'type' ? orphans.bySection.get(e.instancePath) : undefined
    if (orphaned) {
      const report = emit({ path: e.instancePath, messageId: 'emptySectionOrphans', data: { key: keyName(e.instancePath), orphans: listOf(orphaned.map(quote)) } })
      if (report) yield report
      continue
    }
    if (e.keyword === 'required') {
      const group = `${e.instancePath}\u0000${e.branch ?? ''}`
      const entry = required.get(group) ?? { error: e, missing: [] }
      const missing = String(e.params.missingProperty)
      if (misspelt.has(`${e.instancePath}/${escapePointerToken(missing)}`)) continue
      if (!entry.missing.includes(missing)) entry.missing.push(missing)
      required.set(group, entry)
      continue
    }
    const report = emit(toReport(e))
    if (report) yield report
  }
  for (const { error, missing } of required.values()) {
    const report = emit({
      path: error.instancePath,
      messageId: 'required',
      data: { parent: dotted(error.instancePath), missing: listOf(missing.map(quote)), context: context(error) },
    })
    if (report) yield report
  }
}

/**
 * A mapping key left empty (`adaptive_minimums:` with its entries outdented) makes those entries unknown keys of
 * the parent. One problem, one finding: the unknown keys right after the empty one are told in its report.
 */
function findOrphans(errors: readonly AjvError[]): { bySection: Map<string, string[]>; folded: Set<string> } {
  const unknown = new Map<string, { names: Set<string>; data: unknown }>()
  for (const e of errors) {
    if (e.keyword !== 'additionalProperties') continue
    const entry = unknown.get(e.instancePath) ?? { names: new Set<string>(), data: e.data }
    entry.names.add(String(e.params.additionalProperty))
    unknown.set(e.instancePath, entry)
  }
  const bySection = new Map<string, string[]>()
  const folded = new Set<string>()
  for (const e of errors) {
    if (e.keyword !== 'type' || e.data !== null || String(e.params.type) !== 'object' || e.instancePath === '') continue
    const cut = e.instancePath.lastIndexOf('/')
    const parent = e.instancePath.slice(0, cut)
    const name = parsePointer(e.instancePath.slice(cut))[0]!
    const siblings = unknown.get(parent)
    if (!siblings || !isPlainObject(siblings.data)) continue
    // Object keys keep the file's order (toJS inserts them as it reads), so "right after" is the YAML order.
    const keys = Object.keys(siblings.data)
    const run: string[] = []
    for (const key of keys.slice(keys.indexOf(name) + 1)) {
      if (!siblings.names.has(key) || folded.has(`${parent}/${escapePointerToken(key)}`)) break
      run.push(key)
    }
    if (run.length === 0) continue
    bySection.set(e.instancePath, run)
    for (const key of run) folded.add(`${parent}/${escapePointerToken(key)}`)
  }
  return { bySection, folded }
}

function keyNamesReport(parent: string, list: AjvError[], resolved: readonly AjvError[]): SchemaReport {
  const first = list[0]!
  const firstName = String(first.params.propertyName)
  const rule = nameRule(first, resolved)
  const path = `${parent}/${escapePointerToken(firstName)}`
  if (list.length === 1) {
    return { path, on: 'key', messageId: 'invalidKeyName', data: { key: firstName, parent: dotted(parent), rule } }
  }
  const shown = list.slice(0, 3).map((e) => quote(String(e.params.propertyName)))
  const names = list.length > 3 ? `${shown.join(', ')} and ${list.length - 3} more` : listOf(shown)
  return { path, on: 'key', messageId: 'invalidKeyNames', data: { parent: dotted(parent), count: list.length, names, rule } }
}

/** What a key name must look like: the propertyNames schema's description, else what the name schema checks. */
function nameRule(wrapper: AjvError, resolved: readonly AjvError[]): string {
  if (isPlainObject(wrapper.schema) && typeof wrapper.schema.description === 'string') return wrapper.schema.description
  const inner = resolved.find((e) => e.propertyName === wrapper.params.propertyName && e.instancePath === wrapper.instancePath)
  if (inner?.keyword === 'pattern') {
    const example = exampleOf(inner.parentSchema)
    return `names must match the pattern /${String(inner.params.pattern)}/${example ? ` (e.g. ${example})` : ''}`
  }
  return 'names must satisfy the schema\'s propertyNames'
}

function toReport(e: AjvError): SchemaReport {
  const path = e.instancePath
  const key = keyName(path)
  const value = e.data
  const p = e.params as Record<string, unknown>
  switch (e.keyword) {
    case 'type': {
      const types = ([] as unknown[]).concat(p.type).map(String)
      if (typeof value === 'number' && !Number.isFinite(value) && types.some((t) => t === 'number' || t === 'integer')) {
        return { path, messageId: 'notFinite', data: { key, value: renderNumber(value) } }
      }
      if (value === null && types.length === 1 && types[0] === 'object') return { path, messageId: 'emptySection', data: { key } }
      return { path, messageId: 'type', data: { key, expected: listOf(types.map(typePhrase), 'or'), actual: describe(value) } }
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      if (typeof value === 'number' && !Number.isFinite(value)) {
        return { path, messageId: 'notFinite', data: { key, value: renderNumber(value) } }
      }
      return { path, messageId: e.keyword, data: { key, limit: renderNumber(Number(p.limit)), value: describeValue(value) } }
    case 'multipleOf':
      return { path, messageId: 'multipleOf', data: { key, multipleOf: renderNumber(Number(p.multipleOf)), value: describeValue(value) } }
    case 'enum':
      return { path, messageId: 'enum', data: { key, allowed: listOf(asArray(p.allowedValues).map(renderLiteral), 'or'), actual: describe(value) } }
    case 'const':
      return { path, messageId: 'const', data: { key, allowed: renderLiteral(p.allowedValue), actual: describe(value), context: context(e) } }
    case 'pattern': {
      const example = exampleOf(e.parentSchema)
      const expected = `the pattern /${String(p.pattern)}/${example ? ` (e.g. ${example})` : ''}`
      return { path, messageId: 'pattern', data: { key, expected, actual: describe(value) } }
    }
    case 'minLength':
    case 'maxLength':
      return { path, messageId: e.keyword, data: { key, limit: Number(p.limit), actual: describe(value) } }
    case 'minItems':
    case 'maxItems':
      return { path, messageId: e.keyword, data: { key, limit: Number(p.limit), count: Array.isArray(value) ? value.length : 0 } }
    case 'additionalItems':
    case 'items':
    case 'unevaluatedItems': {
      // A tuple (draft-07 `additionalItems: false`, 2020-12 `items: false` or `unevaluatedItems: false`) with too many items.
      const limit = p.limit ?? p.len
      if (limit === undefined) break
      return { path, messageId: 'maxItems', data: { key, limit: Number(limit), count: Array.isArray(value) ? value.length : 0 } }
    }
    case 'uniqueItems': {
      // ajv's i is the later copy, j the earlier one: point at the repeat, name the original.
      const later = Number(p.i)
      const earlier = Number(p.j)
      const item = Array.isArray(value) ? (value[later] as unknown) : undefined
      return {
        path: `${path}/${later}`,
        messageId: 'uniqueItems',
        data: { key: keyName(`${path}/${later}`), value: renderLiteral(item), first: keyName(`${path}/${earlier}`) },
      }
    }
    case 'contains':
      return { path, messageId: 'contains', data: { key, limit: Number(p.minContains ?? 1) } }
    case 'minProperties':
    case 'maxProperties':
      return { path, messageId: e.keyword, data: { key, limit: Number(p.limit), count: isPlainObject(value) ? Object.keys(value).length : 0 } }
    case 'dependencies':
    case 'dependentRequired':
      return {
        path,
        messageId: 'dependencies',
        data: { parent: dotted(path), missing: quote(String(p.missingProperty)), property: String(p.property) },
      }
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const name = String(p.additionalProperty ?? p.unevaluatedProperty)
      const known = isPlainObject(e.parentSchema) && isPlainObject(e.parentSchema.properties) ? Object.keys(e.parentSchema.properties) : []
      return {
        path: `${path}/${escapePointerToken(name)}`,
        on: 'key',
        messageId: 'additionalProperties',
        data: { key: name, parent: dotted(path), suggestion: suggest(name, known) },
      }
    }
    case 'not':
    case 'false schema': {
      // `not: {}` (or `false`) forbids the key outright, so the key is what to point at.
      const forbidsAll = e.keyword === 'false schema' || (isPlainObject(e.schema) && Object.keys(e.schema).length === 0)
      const description = isPlainObject(e.parentSchema) && typeof e.parentSchema.description === 'string' ? e.parentSchema.description : ''
      const report: SchemaReport = {
        path,
        messageId: 'notAllowed',
        data: { key, reason: description ? `: ${description}` : '', context: context(e) },
      }
      if (forbidsAll && path !== '') report.on = 'key'
      return report
    }
    case 'x-noBranch':
      return { path, messageId: 'noBranch', data: { key, branches: String(p.branches) } }
    case 'x-oneOfMultiple':
      return { path, messageId: 'oneOfMultiple', data: { key, branches: String(p.branches) } }
  }
  return { path, messageId: 'invalid', data: { key, keyword: e.keyword } }
}

