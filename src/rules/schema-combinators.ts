// schema rule, part 3: anyOf/oneOf errors resolved to the branch the value was meant as, so messages speak of one form.
import { isDeepStrictEqual } from 'node:util'
import { parsePointer } from '../model/json-pointer.js'
import { asArray, isPlainObject, isUnder, listOf, quote, typePhrase, type AjvError, type SchemaObject } from './schema-wording.js'
// ---------------------------------------------------------------------------------------------
// anyOf / oneOf / if: keep the branch that fits best, never the combinator's own noise.

/**
 * ajv appends a failing anyOf/oneOf's branch errors just before the combinator's own error. Walking the list
 * once, each combinator error pulls its block back off the output and replaces it with the best branch's errors
 * (inner combinators are resolved first, since their errors come first).
 */
export function resolveCombinators(errors: readonly AjvError[], root: SchemaObject | undefined): AjvError[] {
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

export function takeBlock(out: AjvError[], combinator: AjvError): AjvError[] {
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
export function isSiblingKeyword(candidate: AjvError, combinator: AjvError): boolean {
  const parent = combinator.schemaPath.slice(0, combinator.schemaPath.lastIndexOf('/') + 1)
  if (!candidate.schemaPath.startsWith(parent) || candidate.schemaPath === combinator.schemaPath) return false
  const keyword = candidate.schemaPath.slice(parent.length).split('/')[0]!
  if (keyword === combinator.keyword || keyword === 'definitions' || keyword === '$defs') return false
  return !isPlainObject(combinator.parentSchema) || Object.hasOwn(combinator.parentSchema, decodeURIComponent(keyword))
}

export function chooseBranch(combinator: AjvError, block: AjvError[], root: SchemaObject | undefined): AjvError[] {
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
export function branchIndex(error: AjvError, combinator: AjvError, reach: ReadonlySet<string>[]): number | undefined {
  const own = `${combinator.schemaPath}/`
  if (error.schemaPath.startsWith(own)) {
    const index = Number.parseInt(error.schemaPath.slice(own.length), 10)
    return Number.isInteger(index) && index < reach.length ? index : undefined
  }
  const candidates = reach.flatMap((refs, index) => ([...refs].some((ref) => error.schemaPath.startsWith(`${ref}/`)) ? [index] : []))
  return candidates.length === 1 ? candidates[0] : undefined
}

/** A local `$ref` ('#/definitions/x') resolved against the root schema; anything else unchanged. */
export function deref(schema: unknown, root: SchemaObject | undefined, depth = 0): unknown {
  if (!root || !isPlainObject(schema) || typeof schema.$ref !== 'string' || depth > 16) return schema
  const target = resolveLocalRef(root, schema.$ref)
  if (target === undefined) return schema
  const { $ref: _ref, ...siblings } = schema
  // Keywords next to $ref (a title, say) describe this use of the target, so they win.
  const resolved = deref(target, root, depth + 1)
  return isPlainObject(resolved) ? { ...resolved, ...siblings } : resolved
}

export function resolveLocalRef(root: SchemaObject, ref: string): unknown {
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
export function refsReachable(schema: unknown, root: SchemaObject | undefined): Set<string> {
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
export function evidence(branch: unknown, data: unknown): number {
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

export function distinctCount(group: AjvError[]): number {
  return new Set(group.map((e) => `${e.instancePath}\u0000${e.keyword}\u0000${JSON.stringify(e.params)}`)).size
}

export function hasTitle(branch: unknown): boolean {
  return isPlainObject(branch) && (typeof branch.title === 'string' || typeof branch.description === 'string')
}

export function branchTitle(branch: unknown, index: number): string {
  if (isPlainObject(branch)) {
    if (typeof branch.title === 'string') return branch.title
    if (typeof branch.description === 'string') return branch.description
    const required = asArray(branch.required).map(String)
    if (required.length > 0) return `a mapping with ${listOf(required.map(quote))}`
    if (typeof branch.type === 'string') return typePhrase(branch.type)
  }
  return `form ${index + 1}`
}

export function synthetic(combinator: AjvError, keyword: string, params: Record<string, unknown>): AjvError {
  return { keyword, instancePath: combinator.instancePath, schemaPath: combinator.schemaPath, params, data: combinator.data }
}

export function context(error: AjvError): string {
  return error.branch ? ` (${error.branch})` : ''
}

