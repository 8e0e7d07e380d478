// The YAML 1.1 tags exactly as PyYAML's SafeLoader resolves plain scalars, so we lint what the bot sees.
import type { ScalarTag, Tags } from 'yaml'

// PyYAML (resolver.py) is narrower than the YAML 1.1 spec that the `yaml` package follows:
// `y`/`n` stay strings, a float needs a dot (and a signed exponent), `09` and `1e3` are strings.
const BOOL_TRUE = /^(?:yes|Yes|YES|true|True|TRUE|on|On|ON)$/
const BOOL_FALSE = /^(?:no|No|NO|false|False|FALSE|off|Off|OFF)$/
const FLOAT =
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/
const INT_DEC = /^[-+]?(?:0|[1-9][0-9_]*)$/
const INT_SEXAGESIMAL = /^[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+$/

/** Base-60 `1:30:05` (and `1:30.5`) as PyYAML computes it. */
function sexagesimal(text: string): number {
  const negative = text.startsWith('-')
  let value = 0
  for (const part of text.replace(/^[-+]/, '').split(':')) value = value * 60 + Number(part)
  return negative ? -value : value
}

function resolveFloat(source: string): number {
  const text = source.replace(/_/g, '')
  const lower = text.toLowerCase()
  if (lower.endsWith('.nan')) return Number.NaN
  if (lower.endsWith('.inf')) return text.startsWith('-') ? -Infinity : Infinity
  if (text.includes(':')) return sexagesimal(text)
  return Number.parseFloat(text)
}

const BOOL = 'tag:yaml.org,2002:bool'
const FLOAT_TAG = 'tag:yaml.org,2002:float'
const INT = 'tag:yaml.org,2002:int'

/**
 * Rewrites yaml's `yaml-1.1` tag list for `customTags`: keeps maps, seqs, binary, omap, set, merge and
 * timestamps, and swaps the bool / int / float tests for PyYAML's regular expressions.
 */
export function pyyamlTags(tags: Tags): Tags {
  const out: Tags = []
  for (const tag of tags) {
    const scalar = tag as ScalarTag
    if (typeof tag !== 'object' || !('tag' in tag) || scalar.collection !== undefined) {
      out.push(tag)
    } else if (scalar.tag === BOOL) {
      out.push({ ...scalar, test: scalar.identify?.(true) ? BOOL_TRUE : BOOL_FALSE })
    } else if (scalar.tag === FLOAT_TAG) {
      // yaml has three float tags (nan/inf, exponent, base 60); one PyYAML float replaces them all.
      if (scalar.format === undefined) out.push({ ...scalar, test: FLOAT, resolve: resolveFloat })
    } else if (scalar.tag === INT && scalar.format === undefined) {
      out.push({ ...scalar, test: INT_DEC, resolve: (s: string) => Number.parseInt(s.replace(/_/g, ''), 10) })
    } else if (scalar.tag === INT && scalar.format === 'TIME') {
      out.push({ ...scalar, test: INT_SEXAGESIMAL, resolve: (s: string) => sexagesimal(s.replace(/_/g, '')) })
    } else {
      out.push(tag)
    }
  }
  return out
}

/** Document options for composing as PyYAML loads: YAML 1.1, its scalar tags, every duplicate key kept (last wins). */
export const PYYAML_DOCUMENT_OPTIONS = {
  version: '1.1',
  customTags: pyyamlTags,
  uniqueKeys: false,
  // toJS would print "Keys with collection values will be stringified" on the process's stderr.
  logLevel: 'error',
} as const
