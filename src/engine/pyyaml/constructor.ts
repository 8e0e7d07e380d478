// PyYAML's SafeConstructor (constructor.py): nodes -> JS data, with Python's dict semantics, merges and generators.
import type { AliasInfo, MappingNode, PyNode } from './composer.js'
import { floatKey, SCALAR_CONSTRUCTORS, type PyKey, type ScalarContext } from './construct-scalars.js'
import { setKey } from '../data-keys.js'
import { LoadError, pyRepr } from './errors.js'
import { PythonError } from './python.js'
import { MERGE_TAG, STR_TAG, VALUE_TAG } from './resolver.js'

/** Merges that copy more pairs than this are a resource-exhaustion pattern: PyYAML would build them all. */
export const MAX_MERGED_PAIRS = 1_000_000
/** Python's recursion limit, for the constructor's few recursive steps (nested merges, `=` keys). */
const MAX_RECURSION = 900

/** A merge that would copy more than MAX_MERGED_PAIRS pairs; `node` is the mapping being flattened. */
export class MergeBomb extends Error {
  constructor(readonly node: MappingNode) {
    super('merge expansion')
  }
}

/** A key written more than once in one mapping (merged keys are not repeats): every occurrence, first to last. */
export interface RepeatedKey {
  readonly map: MappingNode
  /** Each occurrence: the key's node, and the alias it was written as, if one. */
  readonly keys: readonly { readonly node: PyNode; readonly alias: AliasInfo | undefined }[]
  /** The key as a JS data key. */
  readonly name: string
  /** The key as written, for messages: a string key's value, else the first occurrence's scalar text (`.nan`, `1.0`). */
  readonly display: string
}

interface Entry {
  key: unknown
  js: string
  value: unknown
}

type Constructed = unknown | Generator<unknown, void, undefined>
type Ctor = (c: Constructor, node: PyNode) => Constructed

const GENERATORS: Record<string, Ctor> = {
  'tag:yaml.org,2002:seq': function* (c, node) {
    const data: unknown[] = []
    yield data
    if (node.kind !== 'sequence') throw c.constructorError(null, `expected a sequence node, but found ${node.kind}`, node)
    for (const child of node.value) data.push(c.constructObject(child))
  },
  'tag:yaml.org,2002:map': function* (c, node) {
    const data: Record<string, unknown> = {}
    yield data
    for (const entry of c.constructMapping(node).values()) setKey(data, entry.js, entry.value)
  },
  'tag:yaml.org,2002:set': function* (c, node) {
    const data = new Set<unknown>()
    yield data
    for (const entry of c.constructMapping(node).values()) data.add(entry.key)
  },
  'tag:yaml.org,2002:omap': (c, node) => c.pairsOf(node, 'while constructing an ordered map'),
  'tag:yaml.org,2002:pairs': (c, node) => c.pairsOf(node, 'while constructing pairs'),
}

/** Builds the data of one document exactly as SafeConstructor.construct_document orders its work. */
export class Constructor implements ScalarContext {
  private readonly constructed = new Map<PyNode, unknown>()
  private readonly recursive = new Set<PyNode>()
  private stateGenerators: Generator<unknown, void, undefined>[] = []
  private readonly keys = new Map<PyNode, PyKey>()
  private mergedPairs = 0
  readonly repeated: RepeatedKey[] = []

  /** `aliasKeys`: the composer's pairs whose key is an alias. */
  constructor(private readonly aliasKeys: WeakMap<readonly [PyNode, PyNode], AliasInfo> = new WeakMap()) {}

  constructDocument(node: PyNode): unknown {
    const data = this.constructObject(node)
    while (this.stateGenerators.length > 0) {
      const generators = this.stateGenerators
      this.stateGenerators = []
      for (const generator of generators) while (!generator.next().done);
    }
    return data
  }

  constructObject(node: PyNode): unknown {
    if (this.constructed.has(node)) return this.constructed.get(node)
    if (this.recursive.has(node)) throw this.constructorError(null, 'found unconstructable recursive node', node)
    this.recursive.add(node)
    let data: unknown
    const generator = GENERATORS[node.tag]
    if (generator) {
      const running = generator(this, node) as Generator<unknown, void, undefined>
      data = running.next().value
      this.stateGenerators.push(running)
    } else {
      const scalar = SCALAR_CONSTRUCTORS[node.tag]
      if (!scalar) throw this.constructorError(null, `could not determine a constructor for the tag ${pyRepr(node.tag)}`, node)
      try {
        data = scalar(this, node)
      } catch (error) {
        if (error instanceof PythonError) throw new LoadError('python', null, null, `${error.type}: ${error.message}`, null, node)
        throw error
      }
    }
    this.constructed.set(node, data)
    this.recursive.delete(node)
    return data
  }

  constructorError(context: string | null, problem: string, node: PyNode, contextNode?: PyNode): LoadError {
    return new LoadError('constructor', context, contextNode?.start ?? null, problem, node.start, node)
  }

  noteKey(node: PyNode, key: PyKey): void {
    this.keys.set(node, key)
  }

  /** SafeConstructor.construct_scalar: a mapping with a `=` key stands for that key's value. */
  constructScalar(node: PyNode, depth = 0): string {
    if (depth > MAX_RECURSION) throw new LoadError('python', null, null, 'RecursionError: maximum recursion depth exceeded', null, node)
    if (node.kind === 'mapping') {
      for (const [key, value] of node.value) if (key.tag === VALUE_TAG) return this.constructScalar(value, depth + 1)
    }
    if (node.kind !== 'scalar') throw this.constructorError(null, `expected a scalar node, but found ${node.kind}`, node)
    return node.value
  }

  /** The JS data key a constructed node became as a mapping key (undefined when not constructed or unhashable). */
  jsKeyOf(node: PyNode): string | undefined {
    return this.constructed.has(node) ? this.keyOf(node, this.constructed.get(node))?.js : undefined
  }

  /** The key form of a constructed key, or undefined for an unhashable one (a list, a dict, a set). */
  private keyOf(node: PyNode, value: unknown): PyKey | undefined {
    const noted = this.keys.get(node)
    if (noted) return noted
    if (typeof value === 'string') return { eq: `s:${value}`, js: value }
    if (value === null) return { eq: 'N', js: '' }
    if (typeof value === 'boolean') return { eq: `n:${value ? 1 : 0}`, js: String(value) }
    if (typeof value === 'number') return floatKey(value, node)
    return undefined
  }

  private flattenMapping(node: MappingNode, depth = 0): void {
    if (depth > MAX_RECURSION) throw new LoadError('python', null, null, 'RecursionError: maximum recursion depth exceeded', null, node)
    const explicit = node.value.filter(([key]) => key.tag !== MERGE_TAG).length
    const merge: [PyNode, PyNode][] = []
    let index = 0
    while (index < node.value.length) {
      const [key, value] = node.value[index]!
      if (key.tag === MERGE_TAG) {
        node.value.splice(index, 1)
        if (value.kind === 'mapping') {
          this.flattenMapping(value, depth + 1)
          this.copy(merge, value.value, node)
        } else if (value.kind === 'sequence') {
          const submerge: [PyNode, PyNode][][] = []
          for (const sub of value.value) {
            if (sub.kind !== 'mapping') {
              throw this.constructorError('while constructing a mapping', `expected a mapping for merging, but found ${sub.kind}`, sub, node)
            }
            this.flattenMapping(sub, depth + 1)
            submerge.push(sub.value)
          }
          for (const pairs of submerge.reverse()) this.copy(merge, pairs, node)
        } else {
          throw this.constructorError('while constructing a mapping', `expected a mapping or list of mappings for merging, but found ${value.kind}`, value, node)
        }
      } else {
        if (key.tag === VALUE_TAG) key.tag = STR_TAG
        index++
      }
    }
    if (merge.length > 0) node.value = [...merge, ...node.value]
    node.explicit ??= explicit
  }

  private copy(into: [PyNode, PyNode][], pairs: readonly [PyNode, PyNode][], node: MappingNode): void {
    this.mergedPairs += pairs.length
    if (this.mergedPairs > MAX_MERGED_PAIRS) throw new MergeBomb(node)
    for (const pair of pairs) into.push(pair)
  }

  /** BaseConstructor.construct_mapping after flattening: a dict by Python key equality (the first key kept, the last value). */
  constructMapping(node: PyNode): Map<string, Entry> {
    if (node.kind !== 'mapping') throw this.constructorError(null, `expected a mapping node, but found ${node.kind}`, node)
    this.flattenMapping(node)
    const dict = new Map<string, Entry>()
    const firstExplicit = node.value.length - (node.explicit ?? node.value.length)
    const written = new Map<string, RepeatedKey['keys'][number][]>()
    node.value.forEach((pair, i) => {
      const [keyNode, valueNode] = pair
      const key = this.constructObject(keyNode)
      const pyKey = this.keyOf(keyNode, key)
      if (!pyKey) throw this.constructorError('while constructing a mapping', 'found unhashable key', keyNode, node)
      const value = this.constructObject(valueNode)
      const entry = dict.get(pyKey.eq)
      if (entry) entry.value = value
      else dict.set(pyKey.eq, { key, js: pyKey.js, value })
      if (i >= firstExplicit) {
        const occurrence = { node: keyNode, alias: this.aliasKeys.get(pair) }
        const nodes = written.get(pyKey.eq)
        if (nodes) nodes.push(occurrence)
        else written.set(pyKey.eq, [occurrence])
      }
    })
    for (const [eq, keys] of written) {
      if (keys.length < 2) continue
      const entry = dict.get(eq)!
      const first = keys[0]!.node
      const display = typeof entry.key !== 'string' && first.kind === 'scalar' ? first.value : entry.js
      this.repeated.push({ map: node, keys, name: entry.js, display })
    }
    return dict
  }

  /** construct_yaml_omap and construct_yaml_pairs: a sequence of one-pair mappings, as [key, value] arrays. */
  *pairsOf(node: PyNode, context: string): Generator<unknown, void, undefined> {
    const data: [unknown, unknown][] = []
    yield data
    if (node.kind !== 'sequence') throw this.constructorError(context, `expected a sequence, but found ${node.kind}`, node, node)
    for (const sub of node.value) {
      if (sub.kind !== 'mapping') throw this.constructorError(context, `expected a mapping of length 1, but found ${sub.kind}`, sub, node)
      if (sub.value.length !== 1) throw this.constructorError(context, `expected a single mapping item, but found ${sub.value.length} items`, sub, node)
      const [keyNode, valueNode] = sub.value[0]!
      data.push([this.constructObject(keyNode), this.constructObject(valueNode)])
    }
  }
}
