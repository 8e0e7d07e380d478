// schema: validates the config against the bot's JSON Schema (precompiled) or a custom one, as readable findings at the right YAML node.
import { createRequire } from 'node:module'
import { isDeepStrictEqual } from 'node:util'
import type { ErrorObject } from 'ajv'
import ajvOptions from '../../schemas/ajv-options.json' with { type: 'json' }
import { validate as configFuturesValidate, type StandaloneValidate } from '../generated/config-futures.validate.js'
import { escapePointerToken, parsePointer } from '../model/json-pointer.js'
import { closest, suggest } from './suggest.js'
import type { Report, Rule } from '../types.js'

/** Options of the `schema` rule. */
export interface SchemaOptions {
  /** A JSON Schema object replacing the bundled one (the settings loader reads the user's file); compiled once per object. */
  schema?: Record<string, unknown>
}

/** One message per ajv keyword family, plus the root checks and the combinator summaries. */
export type SchemaMessageId =
  | 'emptyConfig'
  | 'rootNotMapping'
  | 'type'
  | 'notFinite'
  | 'emptySection'
  | 'emptySectionOrphans'
  | 'minimum'
  | 'maximum'
  | 'exclusiveMinimum'
  | 'exclusiveMaximum'
  | 'multipleOf'
  | 'enum'
  | 'const'
  | 'pattern'
  | 'minLength'
  | 'maxLength'
  | 'minItems'
  | 'maxItems'
  | 'uniqueItems'
  | 'contains'
  | 'minProperties'
  | 'maxProperties'
  | 'required'
  | 'dependencies'
  | 'additionalProperties'
  | 'invalidKeyName'
  | 'invalidKeyNames'
  | 'notAllowed'
  | 'noBranch'
  | 'oneOfMultiple'
  | 'invalid'

type SchemaReport = Report<SchemaMessageId>
type SchemaObject = Record<string, unknown>

/** An ajv error as the verbose option produces it, or one this module synthesises from a combinator. */
interface AjvError extends ErrorObject {
  /** Title of the anyOf/oneOf branch this error was chosen from, to explain which form the value was judged as. */
  branch?: string
}

const ROOT_NAME = 'the config'

/**
 * Validates the data the bot sees (PyYAML semantics) against schemas/config-futures.schema.json, precompiled into
 * src/generated/ (nothing is compiled at run time), or against `options.schema`. Reports point at the value
 * (`path` is ajv's instancePath), at the key for unknown or forbidden keys, and at the parent for missing keys.
 */
export const schemaRule: Rule<SchemaOptions, SchemaMessageId> = {
  meta: {
    id: 'schema',
    description: 'The config matches the bot\'s JSON Schema: types, ranges, required sizing keys, no unknown keys where sizing lives',
    defaultSeverity: 'error',
    fixable: false,
    schema: {
      type: 'object',
      properties: { schema: { type: 'object', description: 'A JSON Schema (draft-07, 2019-09 or 2020-12 by its $schema) used instead of the bundled one.' } },
      additionalProperties: false,
    },
    defaultOptions: {},
    messages: {
      emptyConfig: 'The config is empty: the bot expects a mapping of sections (scalping, risk, futures_modules, ...)',
      rootNotMapping: 'The config must be a mapping of sections (scalping, risk, futures_modules, ...), got {{actual}}',
      type: '{{key}} must be {{expected}}, got {{actual}}',
      notFinite: '{{key}} must be a finite number, got {{value}}',
      emptySection: '{{key}} is empty (null) but must be a mapping: indent the keys that belong to it under it',
      emptySectionOrphans: '{{key}} is empty (null) but must be a mapping: the keys after it ({{orphans}}) are not indented under it',
      minimum: '{{key}} must be at least {{limit}}, got {{value}}',
      maximum: '{{key}} must be at most {{limit}}, got {{value}}',
      exclusiveMinimum: '{{key}} must be greater than {{limit}}, got {{value}}',
      exclusiveMaximum: '{{key}} must be less than {{limit}}, got {{value}}',
      multipleOf: '{{key}} must be a multiple of {{multipleOf}}, got {{value}}',
      enum: '{{key}} must be one of {{allowed}}, got {{actual}}',
      const: '{{key}} must be {{allowed}}, got {{actual}}{{context}}',
      pattern: '{{key}} must match {{expected}}, got {{actual}}',
      minLength: '{{key}} must be at least {{limit}} characters long, got {{actual}}',
      maxLength: '{{key}} must be at most {{limit}} characters long, got {{actual}}',
      minItems: '{{key}} must list at least {{limit}} item(s), got {{count}}',
      maxItems: '{{key}} must list at most {{limit}} item(s), got {{count}}',
      uniqueItems: '{{key}} repeats {{value}}, already listed at {{first}}',
      contains: '{{key}} must contain at least {{limit}} matching item(s)',
      minProperties: '{{key}} must have at least {{limit}} key(s), got {{count}}',
      maxProperties: '{{key}} must have at most {{limit}} key(s), got {{count}}',
      required: '{{parent}} is missing {{missing}}{{context}}',
      dependencies: '{{parent}} is missing {{missing}}, required when "{{property}}" is set',
      additionalProperties: 'Unknown key "{{key}}" in {{parent}}{{suggestion}}',
      invalidKeyName: 'Key "{{key}}" is not allowed in {{parent}}: {{rule}}',
      invalidKeyNames: '{{parent}} has {{count}} keys that are not allowed there ({{names}}): {{rule}}',
      notAllowed: '{{key}} is not allowed here{{reason}}{{context}}',
      noBranch: '{{key}} fits none of the allowed forms: {{branches}}',
      oneOfMultiple: '{{key}} fits more than one of the allowed forms ({{branches}}) but must fit exactly one',
      invalid: '{{key}} is not valid here (JSON Schema keyword "{{keyword}}")',
    },
  },
  *check(ctx) {
    const data = ctx.data
    if (data === null || data === undefined) {
      yield { path: '', messageId: 'emptyConfig' }
      return
    }
    if (!isPlainObject(data)) {
      yield { path: '', messageId: 'rootNotMapping', data: { actual: describe(data) } }
      return
    }
    const validate = ctx.options.schema ? compileSchema(ctx.options.schema) : configFuturesValidate
    if (validate(data)) return
    // The bundled schema keeps its combinator branches inline; a custom one may reach them through $ref.
    yield* toReports((validate.errors ?? []) as AjvError[], ctx.options.schema)
  },
}

// ---------------------------------------------------------------------------------------------
// Custom schemas: compiled on first use, once per schema object.

const require = createRequire(import.meta.url)
const compiled = new WeakMap<object, StandaloneValidate>()

type AjvModule = typeof import('ajv')

/**
 * Compiles a user's schema with the shared ajv options (the class follows its `$schema`: draft-07, 2019-09, 2020-12).
 * ajv is loaded only here, synchronously, so the default path never pays for it. Throws a one-line Error for an invalid schema.
 */
export function compileSchema(schema: Record<string, unknown>): StandaloneValidate {
  const cached = compiled.get(schema)
  if (cached) return cached
  const draft = typeof schema.$schema === 'string' ? schema.$schema : ''
  const AjvClass: AjvModule['Ajv'] = draft.includes('2020-12')
    ? (require('ajv/dist/2020') as { Ajv2020: AjvModule['Ajv'] }).Ajv2020
    : draft.includes('2019-09')
      ? (require('ajv/dist/2019') as { Ajv2019: AjvModule['Ajv'] }).Ajv2019
      : (require('ajv') as AjvModule).Ajv
  let validate: StandaloneValidate
  try {
    // A user's schema may carry editor keywords (markdownDescription...) and formats we do not bundle: not its author's error.
    validate = new AjvClass({ ...ajvOptions, strict: false, logger: false }).compile(schema)
  } catch (error) {
    throw new Error(`the schema option is not a valid JSON Schema: ${error instanceof Error ? error.message : String(error)}`)
  }
  compiled.set(schema, validate)
  return validate
}

// ---------------------------------------------------------------------------------------------
// ajv errors -> reports.

/** Turns ajv's flat error list into one report per real problem. */
function* toReports(errors: readonly AjvError[], root: SchemaObject | undefined): Generator<SchemaReport> {
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

// ---------------------------------------------------------------------------------------------
// anyOf / oneOf / if: keep the branch that fits best, never the combinator's own noise.

/**
 * ajv appends a failing anyOf/oneOf's branch errors just before the combinator's own error. Walking the list
 * once, each combinator error pulls its block back off the output and replaces it with the best branch's errors
 * (inner combinators are resolved first, since their errors come first).
 */
function resolveCombinators(errors: readonly AjvError[], root: SchemaObject | undefined): AjvError[] {
  const out: AjvError[] = []
  for (const error of errors) {
    // if/then/else: the then/else errors already say what is wrong.
    if (error.keyword === 'if') continue
    // contains: every item that did not match left its errors; only "no item matched" is the problem.
    if (error.keyword === 'contains') {
      takeBlock(out, error)
      out.push(error)
      continue
    }
    if (error.keyword === 'anyOf' || error.keyword === 'oneOf') {
      const block = takeBlock(out, error)
      out.push(...chooseBranch(error, block, root))
      continue
    }
    out.push(error)
  }
  return out
}

function takeBlock(out: AjvError[], combinator: AjvError): AjvError[] {
  let start = out.length
  while (start > 0) {
    const candidate = out[start - 1]!
    if (!isUnder(candidate.instancePath, combinator.instancePath)) break
    if (isSiblingKeyword(candidate, combinator)) break
    start--
  }
  return out.splice(start)
}

/** An error from a keyword next to the combinator in the same schema (it ran before it): not part of any branch. */
function isSiblingKeyword(candidate: AjvError, combinator: AjvError): boolean {
  const parent = combinator.schemaPath.slice(0, combinator.schemaPath.lastIndexOf('/') + 1)
  if (!candidate.schemaPath.startsWith(parent) || candidate.schemaPath === combinator.schemaPath) return false
  const keyword = candidate.schemaPath.slice(parent.length).split('/')[0]!
  if (keyword === combinator.keyword || keyword === 'definitions' || keyword === '$defs') return false
  return !isPlainObject(combinator.parentSchema) || Object.hasOwn(combinator.parentSchema, decodeURIComponent(keyword))
}

function chooseBranch(combinator: AjvError, block: AjvError[], root: SchemaObject | undefined): AjvError[] {
  const raw = Array.isArray(combinator.schema) ? (combinator.schema as unknown[]) : []
  const reach = raw.map((b) => refsReachable(b, root))
  const branches = raw.map((b) => deref(b, root))
  const titles = branches.map((b, i) => branchTitle(b, i))
  if (combinator.keyword === 'oneOf' && Array.isArray(combinator.params.passingSchemas)) {
    const passing = (combinator.params.passingSchemas as number[]).map((i) => titles[i] ?? `form ${i + 1}`)
    return [synthetic(combinator, 'x-oneOfMultiple', { branches: listOf(passing) })]
  }
  if (branches.length === 0) return block

  const groups: AjvError[][] = branches.map(() => [])
  let current = 0
  for (const error of block) {
    // An error we cannot place belongs with its predecessor: ajv runs the branches in order.
    current = branchIndex(error, combinator, reach) ?? current
    groups[current]!.push(error)
  }

  // Every branch only wanted another type: one type error naming all of them ("a number or a string").
  const onlyTypes = groups.every((g) => g.length === 1 && g[0]!.keyword === 'type' && g[0]!.instancePath === combinator.instancePath)
  if (onlyTypes) {
    const types = [...new Set(groups.flatMap((g) => ([] as unknown[]).concat(g[0]!.params.type).map(String)))]
    return [{ ...groups[0]![0]!, params: { type: types } }]
  }

  // Ranking: the data's own claim first, then a branch whose type the value has (its errors are deeper, so
  // closer to the user's intent), then the fewest errors. Every branch failed, so a branch with no error is one
  // we failed to place: never the best fit.
  const scored = groups
    .map((group, index) => ({
      index,
      group,
      evidence: evidence(branches[index], combinator.data),
      shape: group.some((e) => e.keyword === 'type' && e.instancePath === combinator.instancePath) ? 0 : 1,
      cost: distinctCount(group) || Infinity,
    }))
    .sort((a, b) => b.evidence - a.evidence || b.shape - a.shape || a.cost - b.cost || a.index - b.index)
  const best = scored[0]!
  const runnerUp = scored[1]
  // Two forms the data claims equally and misses equally: naming one would be a guess, so name them all.
  if (runnerUp && runnerUp.evidence === best.evidence && runnerUp.shape === best.shape && runnerUp.cost === best.cost) {
    return [synthetic(combinator, 'x-noBranch', { branches: titles.join('; ') })]
  }
  const title = titles[best.index]!
  // Chosen errors now stand for the combinator: an enclosing combinator places them by its path.
  return best.group.map((e) => ({
    ...e,
    schemaPath: e.schemaPath.startsWith(`${combinator.schemaPath}/`) ? e.schemaPath : combinator.schemaPath,
    branch: e.branch ?? (hasTitle(branches[best.index]) ? title : undefined),
  }))
}

/**
 * Which branch produced `error`: by schema path, or, for an error inside a referenced schema (ajv reports the
 * referenced path), the one branch that can reach that reference.
 */
function branchIndex(error: AjvError, combinator: AjvError, reach: ReadonlySet<string>[]): number | undefined {
  const own = `${combinator.schemaPath}/`
  if (error.schemaPath.startsWith(own)) {
    const index = Number.parseInt(error.schemaPath.slice(own.length), 10)
    return Number.isInteger(index) && index < reach.length ? index : undefined
  }
  const candidates = reach.flatMap((refs, index) => ([...refs].some((ref) => error.schemaPath.startsWith(`${ref}/`)) ? [index] : []))
  return candidates.length === 1 ? candidates[0] : undefined
}

/** A local `$ref` ('#/definitions/x') resolved against the root schema; anything else unchanged. */
function deref(schema: unknown, root: SchemaObject | undefined, depth = 0): unknown {
  if (!root || !isPlainObject(schema) || typeof schema.$ref !== 'string' || depth > 16) return schema
  const target = resolveLocalRef(root, schema.$ref)
  if (target === undefined) return schema
  const { $ref: _ref, ...siblings } = schema
  // Keywords next to $ref (a title, say) describe this use of the target, so they win.
  const resolved = deref(target, root, depth + 1)
  return isPlainObject(resolved) ? { ...resolved, ...siblings } : resolved
}

function resolveLocalRef(root: SchemaObject, ref: string): unknown {
  if (!ref.startsWith('#')) return undefined
  let node: unknown = root
  for (const segment of parsePointer(decodeURIComponent(ref.slice(1)))) {
    if (!isPlainObject(node) && !Array.isArray(node)) return undefined
    node = (node as Record<string, unknown>)[segment]
  }
  return node
}

const reachCache = new WeakMap<object, Set<string>>()

/** Every local `$ref` a schema can reach, following references through the root (ajv reports errors at their paths). */
function refsReachable(schema: unknown, root: SchemaObject | undefined): Set<string> {
  if (!isPlainObject(schema)) return new Set()
  const cached = reachCache.get(schema)
  if (cached) return cached
  const refs = new Set<string>()
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item)
      return
    }
    if (!isPlainObject(node)) return
    if (typeof node.$ref === 'string' && node.$ref.startsWith('#') && !refs.has(node.$ref)) {
      refs.add(node.$ref)
      if (root) visit(resolveLocalRef(root, node.$ref))
    }
    for (const [key, value] of Object.entries(node)) if (key !== '$ref' && key !== 'const' && key !== 'enum') visit(value)
  }
  visit(schema)
  reachCache.set(schema, refs)
  return refs
}

/**
 * How strongly the data claims a branch: each of its required keys present counts 1, each `const` it already
 * satisfies counts 100 (a discriminator such as `progressive: true` decides the mode on its own).
 */
function evidence(branch: unknown, data: unknown): number {
  if (!isPlainObject(branch) || !isPlainObject(data)) return 0
  let score = 0
  for (const key of asArray(branch.required)) if (typeof key === 'string' && Object.hasOwn(data, key)) score += 1
  if (isPlainObject(branch.properties)) {
    for (const [key, sub] of Object.entries(branch.properties)) {
      if (isPlainObject(sub) && 'const' in sub && Object.hasOwn(data, key) && isDeepStrictEqual(data[key], sub.const)) score += 100
    }
  }
  return score
}

function distinctCount(group: AjvError[]): number {
  return new Set(group.map((e) => `${e.instancePath}\u0000${e.keyword}\u0000${JSON.stringify(e.params)}`)).size
}

function hasTitle(branch: unknown): boolean {
  return isPlainObject(branch) && (typeof branch.title === 'string' || typeof branch.description === 'string')
}

function branchTitle(branch: unknown, index: number): string {
  if (isPlainObject(branch)) {
    if (typeof branch.title === 'string') return branch.title
    if (typeof branch.description === 'string') return branch.description
    const required = asArray(branch.required).map(String)
    if (required.length > 0) return `a mapping with ${listOf(required.map(quote))}`
    if (typeof branch.type === 'string') return typePhrase(branch.type)
  }
  return `form ${index + 1}`
}

function synthetic(combinator: AjvError, keyword: string, params: Record<string, unknown>): AjvError {
  return { keyword, instancePath: combinator.instancePath, schemaPath: combinator.schemaPath, params, data: combinator.data }
}

function context(error: AjvError): string {
  return error.branch ? ` (${error.branch})` : ''
}

// ---------------------------------------------------------------------------------------------
// Wording.

function typePhrase(type: string): string {
  switch (type) {
    case 'object':
      return 'a mapping'
    case 'array':
      return 'a list'
    case 'integer':
      return 'a whole number'
    case 'number':
      return 'a number'
    case 'string':
      return 'a string'
    case 'boolean':
      return 'true or false'
    case 'null':
      return 'empty (null)'
    default:
      return type
  }
}

/** YAML's spelling of the numbers JSON has none for; everything else as JavaScript prints it. */
function renderNumber(n: number): string {
  if (Number.isNaN(n)) return '.nan'
  if (n === Number.POSITIVE_INFINITY) return '.inf'
  if (n === Number.NEGATIVE_INFINITY) return '-.inf'
  return String(n)
}

/** A value as it would be written in the config: numbers bare, strings quoted. */
function renderLiteral(value: unknown): string {
  if (typeof value === 'number') return renderNumber(value)
  if (typeof value === 'string') return JSON.stringify(clip(value))
  if (value === null || value === undefined) return 'null'
  if (typeof value === 'boolean') return String(value)
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an invalid timestamp' : value.toISOString()
  if (Array.isArray(value)) return 'a list'
  return 'a mapping'
}

/** A value with its kind, for "got ..." after a type mismatch: `the string "50"`, `a list`. */
function describe(value: unknown): string {
  if (typeof value === 'string') return `the string ${renderLiteral(value)}`
  if (value instanceof Date) return `the timestamp ${renderLiteral(value)}`
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : 'a list'
  if (isPlainObject(value) || (typeof value === 'object' && value !== null)) return 'a mapping'
  return renderLiteral(value)
}

/** A number bare (as range messages compare numbers), anything else described. */
function describeValue(value: unknown): string {
  return typeof value === 'number' ? renderNumber(value) : describe(value)
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text
}

function quote(name: string): string {
  return JSON.stringify(name)
}

function listOf(items: readonly string[], conjunction = 'and'): string {
  if (items.length <= 1) return items[0] ?? ''
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`
}

function exampleOf(schema: unknown): string | undefined {
  if (!isPlainObject(schema) || !Array.isArray(schema.examples) || schema.examples.length === 0) return undefined
  return renderLiteral(schema.examples[0])
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : []
}

// ---------------------------------------------------------------------------------------------
// JSON pointers (ajv's instancePath is RFC 6901).

function isUnder(pointer: string, ancestor: string): boolean {
  return pointer === ancestor || pointer.startsWith(`${ancestor}/`)
}

/** The key a pointer ends in, as a user names it: `leverage`, `symbols[2]`; the root is "the config". */
function keyName(pointer: string): string {
  const segments = parsePointer(pointer)
  let name = ''
  for (let i = segments.length - 1; i >= 0; i--) {
    const segment = segments[i]!
    if (/^(0|[1-9][0-9]*)$/.test(segment) && i > 0) {
      name = `[${segment}]${name}`
      continue
    }
    return `${segment}${name}`
  }
  return name === '' ? ROOT_NAME : name
}

/** The whole path as a user reads it: `scalping.balance_profiles.small`, `scalping.symbols[2]`. */
function dotted(pointer: string): string {
  const segments = parsePointer(pointer)
  if (segments.length === 0) return ROOT_NAME
  return segments.reduce((acc, s, i) => (i > 0 && /^(0|[1-9][0-9]*)$/.test(s) ? `${acc}[${s}]` : acc === '' ? s : `${acc}.${s}`), '')
}

function isPlainObject(value: unknown): value is SchemaObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)
}
