// fastParse against the slow path (yaml's Parser + Composer with parse.ts's options, then toJS): each construct of the
// subset, each bail-out reason, scalar resolution against the schema, and every fixture and real corpus version.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { Document, type ScalarTag } from 'yaml'
import {
  BAIL_REASONS,
  FAST_PARSE_DOCUMENT_OPTIONS,
  fastParse,
  fastParseWithReason,
  mayResolveToNonString,
  simpleNumber,
  type BailReason,
  type FastParsed,
} from '../../src/engine/fast-parse.js'
import { locate } from '../../src/engine/locate.js'
import { CORPUS_ABSENT, CORPUS_DIR, corpusFiles, corpusPresent } from '../helpers/corpus.js'
import { differences, slowParse } from '../helpers/fast-parse-oracle.js'
import { skipAllUnless } from '../helpers/skip.js'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** fastParse must accept `text` and agree with the slow path. */
function expectSame(text: string): FastParsed {
  const result = fastParseWithReason(text)
  if ('bail' in result) throw new Error(`bailed (${result.bail} at ${result.offset}) on ${JSON.stringify(text)}`)
  expect(differences(text, result.parsed), JSON.stringify(text)).toEqual([])
  return result.parsed
}

function expectBail(text: string, reason: BailReason): void {
  const result = fastParseWithReason(text)
  expect('bail' in result ? result.bail : 'accepted', JSON.stringify(text)).toBe(reason)
  expect(fastParse(text)).toBeUndefined()
}

// ---------------------------------------------------------------------------------------------------------------------

describe('fastParse: the subset, node for node as the composer builds it', () => {
  const cases: Record<string, string[]> = {
    'a block mapping': ['a: 1\n', 'a: 1', 'a: 1\nb: two\nc: 3.5\n', 'a : 1\nb  :  2\n'],
    'CRLF line endings': ['a: 1\r\nb:\r\n  c: x\r\n  d: [1, 2]  # c\r\n\r\n  # deep\r\ne: "q"\r\n', 'a:\r\n  - x\r\n  - y # c\r\n'],
    'comments and blank lines': [
      '# head\n\na: 1  # inline\n\n  # deeper\n# shallow\nb: 2\n\n',
      '\n\n# only comments first\n   # indented\na: 1\n# trailing\n',
      'a: 1\n\n  # x\n\n',
      'a: 1\n#\n#\tcomment with a tab\n',
      'a:\n  b: 1\n  # same column as b\nc: 2\n',
      'a:\n  b: 1\n# x\n  # y\nc: 2\n',
      'a:\n  b:\n    c: 1\n    # 4\n  # 2\n# 0\nd: 1\n',
      'a:\n  b:\n    c: 1\n      # 6\n   # 3\nd: 1\n',
      'a:\n  b: 1\n\n\n  # after blank lines\n\nc: 2\n  # at the end\n\n',
    ],
    'nested mappings and dedents': [
      'a:\n  b:\n    c:\n      d: 1\ne: 2\n',
      'a:\n    b: 1\n    c:\n        d: 2\n    e: 3\nf: 4\n',
      'a:\n b:\n  c: 1\n d: 2\n',
    ],
    'block sequences': [
      'a:\n  - x\n  - y\nb: 1\n',
      'a:\n- x\n- y\nb: 1\n',
      '- a\n- b\n',
      '-  a\n-   "b"\n- [c]\n',
      'a:\n  b:\n  - 1\n  - 2\n  c: 3\n',
      'a:\n- x\n# c\n- y\n  # deeper\n# shallow\nb: 1\n',
    ],
    'sequences of compact mappings': [
      'a:\n  - x: 1\n    y: 2\n  - x: 3\n    y:\n      z: [1]\n  - q\nb: 1\n',
      '- a: 1\n  b: [x, {c: d }, "e" ]  \n- q\n\n',
      '-   a: 1\n    b: 2\n- "k": v\n  \'l\': w\n',
      '- a:\n  - x\n  - y\n- b:\n    - z\n',
      '- a:\n    b: 1\n  c:\n- d: 1\n  # c\n',
    ],
    'plain scalars': [
      "a: hello world\nb: x   y  \nc: a:b\nd: c#d\ne: it's\nf: x - y\ng: x[1]{2},3\nh: тест 😀\ni: -foo\n",
      'url: http://example.com/a?b=c#frag\npath: C:\\dir\\file\nemail: a@b.c\npct: 50%\n',
      'k: 2h\nl: BTC-USDT\nm: 1.2.3\nn: 1e3\no: 0.5.1\n',
    ],
    'quoted scalars': [
      `a: 'single # not a comment'\nb: 'it''s'\nc: ''\nd: "double: # x"\ne: ""\nf: "1"\ng: 'true'\nh: "tab\there"\ni: 'a\\b'\n`,
      `"quoted key": 1\n'single key': 2\n"": 3\n"a" : 4\n`,
      `- "k": 1\n  'l' : 2\n- 'm'\n`,
    ],
    'keys': [
      '__proto__: 1\nconstructor: 2\ntoString: 3\nhasOwnProperty: {a: 1}\n',
      'a: 1\nb: 2\na: 3\n',
      'm:\n  k: {x: 1}\n  k: [2]\n  k:\n',
      'key with spaces: 1\nBTC-USDT: 2\nтикер: 3\n"yes": 4\n\'1\': 5\n',
      `${'k'.repeat(900)}: 1\n`,
    ],
    'empty values': [
      'a:\n',
      'a:',
      'a:   \n',
      'a:  # c\n',
      'a:\nb: 1\n',
      'a:  # c\nb: 1\n',
      'a:\n\nb: 1\n',
      'a:  # c\n\nb: 1\n',
      'k:\n# c\nj: 1\n',
      'k:\n  # c\nj: 1\n',
      'x:\n  k:\n  # c\n  j: 1\n',
      'x:\n  k:  # c\n  j: 1\n',
      'x:\n  k:\n    # deeper\n  # same\n\n  j: 1\n',
      'x:\n  k:\n  # c\ny: 1\n',
      'x:\n  k:\n\n# c\n',
      'a: ~\nb: null\nc: Null\nd: NULL\n',
    ],
    'flow collections': [
      'a: []\nb: {}\nc: [ ]\nd: { }\n',
      'symbols: ["BTC-USDT", "ETH-USDT"]\nmicro: { threshold: 500.0, min_balance: 100.0 }\n',
      'a: [1, [2, [3, []]], {b: {c: [d]}}]\n',
      'a: [ 1 , 2 ]\nb: {x: 1 , y: 2 }  # c\n',
      "a: ['q', \"r\", 's''t']\nb: {'k': v, \"l\": w}\n",
      'a: [x y, BTC USDT]\nb: {key with spaces: value with spaces}\n',
      '- [1, 2]\n- {a: b}\n',
    ],
    'numbers, booleans and nulls as PyYAML resolves them': [
      'a: 1\nb: -2\nc: +3\nd: 0\ne: -0\nf: 1.5\ng: -0.5\nh: .5\ni: 1.\nj: 1_000\nk: 0x1F\nl: 017\nm: 0b101\nn: 1:30\no: 1:30.5\np: .inf\nq: -.inf\nr: .nan\ns: 1e3\nt: 1.0e+3\nu: 1.0e3\nv: 09\nw: 12345678901234567890\n',
      'a: yes\nb: No\nc: on\nd: OFF\ne: true\nf: False\ng: y\nh: n\ni: Y\nj: yEs\n',
    ],
  }
  for (const [name, texts] of Object.entries(cases)) {
    it(name, () => {
      for (const text of texts) expectSame(text)
    })
  }

  it('builds the data as toJS does: numbers, NaN, nested objects, last duplicate wins in place, no prototype pollution', () => {
    const { data } = expectSame('a: .nan\nb: {c: [1, 2.5, x]}\na: 2\n__proto__: {polluted: true}\n')
    const obj = data as Record<string, unknown>
    expect(Object.keys(obj)).toEqual(['a', 'b', '__proto__'])
    expect(obj.a).toBe(2)
    expect(obj.b).toEqual({ c: [1, 2.5, 'x'] })
    expect(Object.getPrototypeOf(obj)).toBe(Object.prototype)
    expect(Object.getOwnPropertyDescriptor(obj, '__proto__')?.value).toEqual({ polluted: true })
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('keeps both pairs of a duplicate key in the tree (parse.ts reports them) and locates the last one', () => {
    const text = 'a: 1\nb: 2\na: 3\n'
    const { doc } = expectSame(text)
    expect((doc.contents as { items: unknown[] }).items).toHaveLength(3)
    expect(locate(doc, text, '/a', 'key')).toEqual({ start: 10, end: 11 })
  })

  it('gives the nodes the composer gives: types, sources, ranges', () => {
    const text = 'a: x y  # c\nb: "q"\nc: [1, \'s\' ]\nd:\n'
    const { doc } = expectSame(text)
    const map = doc.contents as unknown as { items: { key: { range: number[] }; value: Record<string, unknown> }[] }
    expect(map.items.map((p) => [p.value.type ?? null, p.value.source ?? null, p.value.range])).toEqual([
      ['PLAIN', 'x y', [3, 6, 12]],
      ['QUOTE_DOUBLE', 'q', [15, 18, 19]],
      [null, null, [22, 31, 32]],
      ['PLAIN', '', [34, 34, 34]],
    ])
    expect(doc.range).toEqual([0, 34, 34])
  })

  it('returns a Document with the options, schema and directives the composer gives', () => {
    const text = 'a: 1\n'
    const fast = fastParse(text)!
    const slow = slowParse(text).doc
    expect(fast.doc.directives?.yaml.version).toBe('1.1')
    expect(fast.doc.options.uniqueKeys).toBe(false)
    expect(fast.doc.options.logLevel).toBe(slow.options.logLevel)
    expect((fast.doc.options as Record<string, unknown>).customTags).toBe((slow.options as Record<string, unknown>).customTags)
    expect(fast.doc.schema.tags.map((t) => t.tag)).toEqual(slow.schema.tags.map((t) => t.tag))
    expect(fast.doc.directives?.yaml).toEqual(slow.directives?.yaml)
    expect(fast.doc.errors).toEqual([])
    expect(fast.doc.warnings).toEqual([])
    expect(fast.doc.toJS({ maxAliasCount: 100 })).toEqual(fast.data)
  })
})

describe('fastParse: bails out on anything outside the subset', () => {
  const cases: [string, BailReason][] = [
    ['', 'empty'],
    ['# only a comment\n\n', 'empty'],
    ['a:\tb\n', 'tab'],
    ['\ta: 1\n', 'tab'],
    ['a: 1\t# c\n', 'tab'],
    ['a: [1,\t2]\n', 'tab'],
    ['a:\n  \t\n', 'tab'],
    ['a: x\u0001y\n', 'nonPrintable'],
    ['a: 1 # bell \u0007\n', 'nonPrintable'],
    ['a: x\ud800y\n', 'nonPrintable'],
    ['\ufeffa: 1\n', 'nonPrintable'],
    ['a: \u007f\n', 'nonPrintable'],
    ['a: 1\rb: 2\n', 'lineBreak'],
    ['a: x\u0085y\n', 'lineBreak'],
    ['# \u2028\na: 1\n', 'lineBreak'],
    ['---\na: 1\n', 'documentMarker'],
    ['a: 1\n...\n', 'documentMarker'],
    ['%YAML 1.1\n---\na: 1\n', 'directive'],
    ['a: &x 1\n', 'anchor'],
    ['a: *x\n', 'alias'],
    ['a: !!str 1\n', 'tag'],
    ['a: |\n  x\n', 'blockScalar'],
    ['a: >\n  x\n', 'blockScalar'],
    ['? a\n: b\n', 'complexKey'],
    ['<<: {a: 1}\n', 'mergeKey'],
    ['1: a\n', 'nonStringKey'],
    ['yes: a\n', 'nonStringKey'],
    ['null: a\n', 'nonStringKey'],
    ['~: a\n', 'nonStringKey'],
    ['1.5: a\n', 'nonStringKey'],
    ['2024-01-01: a\n', 'nonStringKey'],
    ['a: {1: b}\n', 'nonStringKey'],
    ['a: 2024-01-01\n', 'timestamp'],
    ['a: [x, 2024-01-01]\n', 'timestamp'],
    ['a: "x\\ny"\n', 'escape'],
    ['a: x\n  y\n', 'multiline'],
    ['a: "x\n  y"\n', 'multiline'],
    ["a: 'x\n", 'multiline'],
    ['a: [1,\n  2]\n', 'multiline'],
    ['- x\n  y\n', 'multiline'],
    ['a: [1, , 2]\n', 'flowSyntax'],
    ['a: [1, 2,]\n', 'flowSyntax'],
    ['a: {b}\n', 'flowSyntax'],
    ['a: {b: }\n', 'flowSyntax'],
    ['a: {b:1}\n', 'flowSyntax'],
    ['a: [b: c]\n', 'flowSyntax'],
    ['a: [x # c]\n', 'flowSyntax'],
    ['a: [-]\n', 'flowSyntax'],
    ['  a: 1\n', 'indentation'],
    ['a:\n  b: 1\n c: 2\n', 'indentation'],
    ['a: 1\n- x\n', 'indentation'],
    ['a: b: c\n', 'syntax'],
    ['just a scalar\n', 'syntax'],
    ['- a\nb: 1\n', 'syntax'],
    ['a: @x\n', 'syntax'],
    ['a: `x`\n', 'syntax'],
    ['a: -\n', 'syntax'],
    ['a:\n-\n', 'syntax'],
    ['- - x\n', 'syntax'],
    ["a: 'x'#c\n", 'syntax'],
    ['a: "x" y\n', 'syntax'],
    ['[a, b]\n', 'syntax'],
    [`${'k'.repeat(1001)}: 1\n`, 'longKey'],
    [Array.from({ length: 250 }, (_, i) => `${' '.repeat(i)}k:`).join('\n') + ' 1\n', 'tooDeep'],
    [`a: ${'['.repeat(70)}${']'.repeat(70)}\n`, 'tooDeep'],
  ]
  it.each(cases)('%j: %s', (text, reason) => expectBail(text, reason))

  it('has a case for every reason (but the one for bugs)', () => {
    expect(new Set(cases.map(([, r]) => r))).toEqual(new Set(BAIL_REASONS.filter((r) => r !== 'internal')))
  })
})

// ---------------------------------------------------------------------------------------------------------------------
// Scalar resolution: mayResolveToNonString and simpleNumber mirror the schema that pyyaml-schema.ts builds.

const schemaTags = (new Document(undefined, FAST_PARSE_DOCUMENT_OPTIONS).schema.tags as ScalarTag[]).filter((t) => t.test)

function firstTag(source: string, atKey: boolean): ScalarTag | undefined {
  return schemaTags.find((t) => (t.default === true || (atKey && t.default === 'key')) && t.test!.test(source))
}

function scalarList(): string[] {
  const out = new Set<string>()
  const signs = ['', '-', '+']
  const bodies = ['', '0', '1', '7', '9', '00', '01', '07', '08', '10', '123', '1_000', '0_1', '1__2', '_1', '1_', '2024', '12345678901234567890']
  const fractions = ['', '.', '.0', '.5', '.50', '.05', '._', '.5_0', '..5']
  const exponents = ['', 'e3', 'e+3', 'E-3', 'e', 'e+', 'e-03']
  for (const s of signs) for (const b of bodies) for (const f of fractions) for (const e of exponents) out.add(`${s}${b}${f}${e}`)
  const more = [
    ...['0x1F', '0xg', '-0x1f', '0x_1', '0b101', '0b2', '+0b1_0', '0o17', '0o8', '0777', '0778'],
    ...['1:30', '1:60', '1:5', '01:30', '1:30.5', '190:20:30', '-1:30', '1:30:', ':30', '1::30', '0:30'],
    ...['.inf', '-.inf', '+.INF', '.Inf', '.iNf', 'inf', '.nan', '.NaN', '.NAN', '-.nan', 'nan', 'NaN', '.infinity'],
    ...['yes', 'Yes', 'YES', 'yEs', 'y', 'Y', 'n', 'N', 'on', 'On', 'ON', 'oN', 'off', 'Off', 'OFF', 'oFF'],
    ...['true', 'True', 'TRUE', 'tRue', 'false', 'False', 'FALSE', 'fAlse', 'no', 'No', 'NO', 'nO', 'null', 'Null', 'NULL', 'nULL'],
    ...['~', '~~', '<<', '<', '<<<', '', 'nulls', 'yes!', 'truely', 'offset', 'onion', 'falsey'],
    ...['2024-01-01', '2024-1-1', '2024-01-01T10:00:00Z', '2024-01-01 10:00:00', '2024-01-01t10:00:00.5+02:00', '2024-13-45'],
    ...['1.0.0', '1-2', '1e', 'e3', '1,000', '1 000', '$1', '50%', '-', '+', '.', '-.', '+.'],
  ]
  for (const m of more) out.add(m)
  return [...out]
}

describe('fastParse: scalars resolve as the schema (pyyaml-schema.ts) resolves them', () => {
  it('is pinned to the schema the first-character check and the number shortcut were written for', () => {
    // If this changes (yaml, or pyyamlTags), re-check mayResolveToNonString and simpleNumber in fast-parse.ts.
    expect(schemaTags.map((t) => [t.tag.replace('tag:yaml.org,2002:', ''), t.default, t.format ?? null, t.test!.source])).toEqual([
      ['null', true, null, '^(?:~|[Nn]ull|NULL)?$'],
      ['bool', true, null, '^(?:yes|Yes|YES|true|True|TRUE|on|On|ON)$'],
      ['bool', true, null, '^(?:no|No|NO|false|False|FALSE|off|Off|OFF)$'],
      ['int', true, 'BIN', '^[-+]?0b[0-1_]+$'],
      ['int', true, 'OCT', '^[-+]?0[0-7_]+$'],
      ['int', true, null, '^[-+]?(?:0|[1-9][0-9_]*)$'],
      ['int', true, 'HEX', '^[-+]?0x[0-9a-fA-F_]+$'],
      [
        'float',
        true,
        null,
        '^(?:[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?|\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$',
      ],
      [
        'float',
        true,
        null,
        '^(?:[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?|\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$',
      ],
      ['merge', 'key', null, '^<<$'],
      ['int', true, 'TIME', '^[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+$'],
      [
        'timestamp',
        true,
        null,
        '^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$',
      ],
    ])
  })

  const list = scalarList()

  it(`never skips the tag search for a scalar some tag matches (${list.length} scalars)`, () => {
    for (const s of list) {
      if (firstTag(s, true)) expect(mayResolveToNonString(s), s).toBe(true)
    }
  })

  it('takes the number shortcut only where the schema gives the same number, and no format', () => {
    let shortcuts = 0
    for (const s of list) {
      const n = simpleNumber(s)
      if (Number.isNaN(n)) continue
      shortcuts++
      const tag = firstTag(s, false)
      expect(tag?.tag, s).toMatch(/:(int|float)$/)
      expect(tag?.format, s).toBeUndefined()
      const resolved = tag!.resolve(s, () => {}, new Document(undefined, FAST_PARSE_DOCUMENT_OPTIONS).options)
      expect(Object.is(resolved, n), `${s}: ${String(resolved)} vs ${n}`).toBe(true)
    }
    expect(shortcuts).toBeGreaterThan(50)
  })

  it('resolves every scalar as the slow path does, as a value, a sequence item, a flow item and a key', () => {
    let accepted = 0
    for (const s of list) {
      for (const text of [`v: ${s}\n`, `- ${s}\n`, `v: [${s}, x]\n`, `v: {k: ${s}}\n`, `${s}: v\n`]) {
        const result = fastParseWithReason(text)
        if ('bail' in result) continue
        accepted++
        expect(differences(text, result.parsed), text).toEqual([])
      }
    }
    expect(accepted).toBeGreaterThan(list.length * 3)
  })
})

// ---------------------------------------------------------------------------------------------------------------------
// Every fixture and every real version: no bail-out, and the same result as the slow path.

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => path.join(dir, f))
    .sort()
}

const readConfig = (file: string): string => readFileSync(file, 'utf8').replace(/^\uFEFF/, '')

describe('fastParse on the fixtures', () => {
  const files = yamlFiles(path.join(repo, 'fixtures'))
  it('finds the fixtures', () => expect(files.length).toBeGreaterThan(5))
  for (const file of files) {
    const name = path.relative(repo, file)
    if (name === path.join('fixtures', 'invalid', 'bad-indentation.yaml')) {
      it(`${name}: bails (a syntax error the slow path reports)`, () => {
        const text = readConfig(file)
        expectBail(text, 'indentation')
        expect(slowParse(text).doc.errors.length).toBeGreaterThan(0)
      })
    } else {
      it(`${name}: same as the slow path`, () => {
        expectSame(readConfig(file))
      })
    }
  }
})

describe('fastParse on every real version in ../shared/corpus/config_futures', () => {
  skipAllUnless(corpusPresent, CORPUS_ABSENT)
  const files = corpusFiles().map((f) => path.join(CORPUS_DIR, f))
  it('finds the corpus', () => expect(files.length).toBeGreaterThan(100))
  it.each(files.map((f) => [path.basename(f), f]))('%s', (_name, file) => {
    expectSame(readConfig(file))
  })
})
