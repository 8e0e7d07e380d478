// PyYAML's Resolver (resolver.py): the implicit tags of plain scalars, picked by first character, in PyYAML's order.

export const STR_TAG = 'tag:yaml.org,2002:str'
export const SEQ_TAG = 'tag:yaml.org,2002:seq'
export const MAP_TAG = 'tag:yaml.org,2002:map'
export const MERGE_TAG = 'tag:yaml.org,2002:merge'
export const VALUE_TAG = 'tag:yaml.org,2002:value'

/**
 * Python's `re.match(r'^(?:...)$', value)`: `$` also matches before a final line break, which a quoted scalar tagged
 * `!` can end with.
 */
export function pyMatch(re: RegExp, value: string): RegExpExecArray | null {
  return re.exec(value) ?? (value.endsWith('\n') ? re.exec(value.slice(0, -1)) : null)
}

const BOOL = /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/
const FLOAT =
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/
const INT = /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/
const MERGE = /^(?:<<)$/
const NULL = /^(?:~|null|Null|NULL|)$/
const TIMESTAMP =
  /^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$/
const VALUE = /^(?:=)$/
const YAML = /^(?:!|&|\*)$/

type Resolver = readonly [tag: string, re: RegExp]

/** yaml_implicit_resolvers: first character -> resolvers, in the order resolver.py adds them. */
const BY_FIRST = new Map<string, Resolver[]>()
function add(tag: string, re: RegExp, first: string[]): void {
  for (const c of first) {
    const list = BY_FIRST.get(c) ?? []
    list.push([`tag:yaml.org,2002:${tag}`, re])
    BY_FIRST.set(c, list)
  }
}
add('bool', BOOL, Array.from('yYnNtTfFoO'))
add('float', FLOAT, Array.from('-+0123456789.'))
add('int', INT, Array.from('-+0123456789'))
add('merge', MERGE, ['<'])
add('null', NULL, ['~', 'n', 'N', ''])
add('timestamp', TIMESTAMP, Array.from('0123456789'))
add('value', VALUE, ['='])
add('yaml', YAML, Array.from('!&*'))

/** The tag PyYAML gives a scalar, a sequence or a mapping with no tag (or '!'); `implicit` as the parser set it. */
export function resolve(kind: 'scalar' | 'sequence' | 'mapping', value: string, implicit: readonly [boolean, boolean] | boolean): string {
  if (kind === 'scalar' && Array.isArray(implicit) && implicit[0]) {
    for (const [tag, re] of BY_FIRST.get(value === '' ? '' : value.charAt(0)) ?? []) if (pyMatch(re, value)) return tag
  }
  return kind === 'scalar' ? STR_TAG : kind === 'sequence' ? SEQ_TAG : MAP_TAG
}
