// Properties of fastParse (fixed seeds): it never throws, and whenever it does not bail out its result is the slow
// path's, node for node, on (1) random values written by yaml's stringify with random options plus random comments and
// blank lines, (2) random mutations of the fixtures, (3) texts generated from the subset's own grammar, where comment
// lines at every column, empty values, sequences at their key's indentation and flow collections meet.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Document, isMap, isSeq, visit } from 'yaml'
import { fastParseWithReason } from '../../src/engine/fast-parse.js'
import { differences } from '../helpers/fast-parse-oracle.js'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

// ---------------------------------------------------------------------------------------------------------------------

interface Tally {
  accepted: number
  bailed: number
}

/** The property: never throws; when it does not bail, equivalent. Counts, so that a property cannot pass vacuously. */
function check(text: string, tally: Tally): boolean {
  const result = fastParseWithReason(text)
  if ('bail' in result) {
    // An exception inside the parser is turned into an 'internal' bail-out: that is a bug.
    expect(result.bail, `crashed on ${JSON.stringify(text)}`).not.toBe('internal')
    tally.bailed++
    return true
  }
  tally.accepted++
  const diffs = differences(text, result.parsed)
  if (diffs.length > 0) throw new Error(`${JSON.stringify(text)}:\n${diffs.join('\n')}`)
  return true
}

// (1) Random values, written by yaml's stringify.

const key = fc.oneof(
  { arbitrary: fc.constantFrom('a', 'b', 'key', 'x y', '__proto__', 'constructor', 'toString', 'yes', '1', 'null', '~', 'a:b', 'a #b', 'c#d', "it's", 'k"q', 'BTC-USDT', 'тест', '😀', ''), weight: 3 },
  { arbitrary: fc.stringMatching(/^[a-z_][\w-]{0,8}$/), weight: 3 },
  { arbitrary: fc.string({ maxLength: 6 }), weight: 1 },
)
const scalar = fc.oneof(
  // Mostly what configs hold, so that most documents stay inside the subset...
  { arbitrary: fc.constantFrom<unknown>(null, true, false, 0, -0, 1, -1, 1.5, 500, 1e21, 0.1, Number.NaN, Infinity, -Infinity), weight: 3 },
  { arbitrary: fc.integer(), weight: 2 },
  { arbitrary: fc.double({ noDefaultInfinity: true }), weight: 2 },
  { arbitrary: fc.stringMatching(/^[A-Za-z][\w .-]{0,10}$/), weight: 3 },
  { arbitrary: fc.constantFrom('', ' ', 'yes', 'No', 'on', 'y', '~', 'null', '0x1F', '017', '0b101', '1_000', '1:30', '1:30.5', '1e3', '1.0e+3', '.5'), weight: 2 },
  // ...and some that are not.
  { arbitrary: fc.constantFrom('2024-01-01', 'a: b', 'a #b', '#c', '- x', '[x]', '{y}', '&a', '*a', '!t', '|', '%', '@', '"q"', "'q'", 'x\\y', 'tab\there', 'two\nlines', 'ü', '😀', '---', '? x', '-5', '-x', '<<'), weight: 1 },
  { arbitrary: fc.string({ maxLength: 8 }), weight: 1 },
)
const value = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: 'small' }, scalar, tie('arr'), tie('obj')),
  // No array directly in an array: block style writes it `- - x`, which the subset leaves to yaml.
  arr: fc.array(fc.oneof({ arbitrary: scalar, weight: 2 }, { arbitrary: tie('obj'), weight: 1 }), { maxLength: 4 }),
  obj: fc.dictionary(key, tie('v'), { maxKeys: 5 }),
})).v
const root = fc.oneof(
  { arbitrary: fc.dictionary(key, value, { minKeys: 1, maxKeys: 6 }), weight: 3 },
  { arbitrary: fc.array(value.filter((v) => !Array.isArray(v)), { minLength: 1, maxLength: 4 }), weight: 1 },
)
const options = fc.record({
  indent: fc.constantFrom(2, 4),
  flowLevel: fc.constantFrom(undefined, undefined, 0, 1, 2, 3),
  defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_SINGLE', 'QUOTE_DOUBLE'),
  defaultKeyType: fc.constantFrom(null, 'PLAIN', 'QUOTE_SINGLE', 'QUOTE_DOUBLE'),
  indentSeq: fc.boolean(),
  crlf: fc.boolean(),
})
const insertions = fc.array(
  fc.record({
    line: fc.nat(),
    text: fc.oneof(
      { arbitrary: fc.constantFrom('', ' ', '   ', '#', '# c', '#\ttab in a comment'), weight: 6 },
      { arbitrary: fc.nat({ max: 8 }).map((n) => `${' '.repeat(n)}# at column ${n}`), weight: 6 },
      { arbitrary: fc.constant('\t# tab before'), weight: 1 },
    ),
  }),
  { maxLength: 6 },
)
const lineEnds = fc.array(
  fc.record({
    line: fc.nat(),
    text: fc.oneof({ arbitrary: fc.constantFrom(' # c', '  #', ' ', '  ', ' #\t'), weight: 6 }, { arbitrary: fc.constantFrom('#x', '\t'), weight: 1 }),
  }),
  { maxLength: 3 },
)

/**
 * yaml's stringify with the options drawn. yaml has no `flowLevel` (js-yaml's): collections nested at least that
 * deep are marked `flow` before writing, which is what it means.
 */
function write(
  v: unknown,
  o: { indent: number; flowLevel: number | undefined; defaultStringType: 'PLAIN' | 'QUOTE_SINGLE' | 'QUOTE_DOUBLE'; defaultKeyType: 'PLAIN' | 'QUOTE_SINGLE' | 'QUOTE_DOUBLE' | null; indentSeq: boolean },
): string {
  const doc = new Document(v, { version: '1.1' })
  const level = o.flowLevel
  if (level !== undefined) {
    visit(doc, {
      Collection(_key, node, ancestors) {
        if (ancestors.filter((a) => isMap(a) || isSeq(a)).length >= level) node.flow = true
      },
    })
  }
  return doc.toString({ indent: o.indent, defaultStringType: o.defaultStringType, defaultKeyType: o.defaultKeyType, indentSeq: o.indentSeq, lineWidth: 0 })
}

// (2) Random mutations of the fixtures.

const fixtures = readdirSync(path.join(repo, 'fixtures'), { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => readFileSync(path.join(repo, 'fixtures', f), 'utf8'))
const mutation = fc.record({
  kind: fc.constantFrom('delete', 'duplicate', 'indent+1', 'indent-1', 'indent+2', 'indent-2', 'tab', 'insert', 'number', 'swap', 'cr', 'trailing'),
  line: fc.nat(),
  column: fc.nat(),
  text: fc.constantFrom('-', ':', '#', '[', '{', "'", '"', ' ', ']', '}', ',', '- ', ': ', ' #', '&a ', '*a', '!x ', '|', '?', '\t', '\r', '~'),
})

function mutate(source: string, mutations: { kind: string; line: number; column: number; text: string }[]): string {
  const lines = source.split('\n')
  for (const m of mutations) {
    const i = m.line % lines.length
    const line = lines[i]!
    switch (m.kind) {
      case 'delete':
        lines.splice(i, 1)
        break
      case 'duplicate':
        lines.splice(i, 0, line)
        break
      case 'indent+1':
        lines[i] = ` ${line}`
        break
      case 'indent+2':
        lines[i] = `  ${line}`
        break
      case 'indent-1':
        lines[i] = line.replace(/^ /, '')
        break
      case 'indent-2':
        lines[i] = line.replace(/^ {2}/, '')
        break
      case 'tab':
        lines[i] = line.replace(/^( *)/, '$1\t')
        break
      case 'insert': {
        const c = m.column % (line.length + 1)
        lines[i] = line.slice(0, c) + m.text + line.slice(c)
        break
      }
      case 'number':
        lines[i] = line.replace(/\d+(\.\d+)?/, (x) => String(Number(x) * 2 + (m.column % 2 ? 0.5 : 1)))
        break
      case 'swap': {
        const j = m.column % lines.length
        lines[i] = lines[j]!
        lines[j] = line
        break
      }
      case 'cr':
        lines[i] = `${line}\r`
        break
      case 'trailing':
        lines[i] = line + ' '.repeat(m.column % 3) + (m.column % 2 ? ' # t' : '')
        break
    }
    if (lines.length === 0) lines.push('')
  }
  return lines.join('\n')
}

// (3) Texts from the subset's grammar.

type Tree = { t: 'map'; entries: [string, Tree][] } | { t: 'seq'; items: Tree[] } | { t: 'scalar'; text: string } | { t: 'empty' }

const flowScalar = fc.constantFrom('1', 'x', '"q"', "'s'", 'a b', '2.5', 'true', '~', 'BTC-USDT', '-1')
const flowText = fc.letrec<{ v: string; seq: string; map: string }>((tie) => ({
  v: fc.oneof({ depthSize: 'small' }, flowScalar, tie('seq'), tie('map')),
  seq: fc
    .tuple(fc.array(tie('v'), { maxLength: 3 }), fc.constantFrom('', ' '), fc.constantFrom(',', ', ', ' ,', ' , '))
    .map(([items, space, comma]) => `[${space}${items.join(comma)}${space}]`),
  map: fc
    .tuple(fc.array(fc.tuple(fc.constantFrom('a', 'b', '"k"', "'q'", 'x y'), tie('v')), { maxLength: 3 }), fc.constantFrom('', ' '), fc.constantFrom(',', ', ', ' , '))
    .map(([entries, space, comma]) => `{${space}${entries.map(([k, v]) => `${k}: ${v}`).join(comma)}${space}}`),
})).v
const scalarText = fc.oneof(
  fc.constantFrom('1', '-2', '3.0', '0.35', '1e3', 'true', 'No', 'on', 'y', 'null', '~', 'x', 'hello world', 'BTC-USDT', '0x1F', '017', '1:30', '-.5', '.inf', 'a:b', 'c#d', "it's", 'тест 😀', '12_000', '+1'),
  fc.constantFrom('"x"', "'y'", '"a b"', "'it''s'", '""', "''", '"#"', "' # '", '"1"', "'true'", '"\t"', '"a: b"'),
  flowText,
)
const keyText = fc.constantFrom('a', 'b', 'c', 'key_1', '"q k"', "'s k'", 'BTC-USDT', '__proto__', 'x y', 'constructor')
const tree = fc.letrec<{ node: Tree; map: Tree; seq: Tree }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', maxDepth: 5 },
    scalarText.map((text): Tree => ({ t: 'scalar', text })),
    fc.constant<Tree>({ t: 'empty' }),
    tie('map'),
    tie('seq'),
  ),
  map: fc.array(fc.tuple(keyText, tie('node')), { minLength: 1, maxLength: 4 }).map((entries): Tree => ({ t: 'map', entries })),
  seq: fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((items): Tree => ({ t: 'seq', items })),
})).node
const layout = fc.record({
  step: fc.constantFrom(1, 2, 3, 4),
  sameIndentSeq: fc.boolean(),
  dashSpaces: fc.constantFrom(1, 1, 2),
  trailing: fc.constantFrom('', ' ', '  '),
  comments: fc.array(fc.boolean(), { minLength: 1, maxLength: 7 }),
  crlf: fc.boolean(),
  finalBreak: fc.boolean(),
})
const trivia = fc.array(fc.record({ at: fc.nat(), column: fc.nat({ max: 9 }), kind: fc.constantFrom('comment', 'comment', 'blank', 'spaces') }), { maxLength: 8 })

function render(root: Tree, style: { step: number; sameIndentSeq: boolean; dashSpaces: number; trailing: string; comments: boolean[] }): string[] {
  const lines: string[] = []
  let n = 0
  const tail = (): string => style.trailing + (style.comments[n++ % style.comments.length] ? ' # c' : '')
  const block = (node: Tree, indent: number, prefix: string | null): void => {
    if (node.t === 'map') {
      node.entries.forEach(([k, v], i) => {
        const head = i === 0 && prefix !== null ? prefix : ' '.repeat(indent)
        if (v.t === 'scalar') lines.push(`${head}${k}: ${v.text}${tail()}`)
        else {
          lines.push(`${head}${k}:${tail()}`)
          if (v.t !== 'empty') block(v, v.t === 'seq' && style.sameIndentSeq ? indent : indent + style.step, null)
        }
      })
    } else if (node.t === 'seq') {
      node.items.forEach((v, i) => {
        const head = `${i === 0 && prefix !== null ? prefix : ' '.repeat(indent)}-${' '.repeat(style.dashSpaces)}`
        if (v.t === 'scalar') lines.push(`${head}${v.text}${tail()}`)
        else if (v.t === 'map') block(v, indent + 1 + style.dashSpaces, head)
        else lines.push(`${head}z`)
      })
    }
  }
  block(root, 0, null)
  return lines
}

describe('fastParse fuzzing (fixed seeds)', () => {
  it('random values written by stringify, with comments and blank lines', () => {
    const tally: Tally = { accepted: 0, bailed: 0 }
    fc.assert(
      fc.property(root, options, insertions, lineEnds, (v, o, inserted, ends) => {
        const lines = write(v, o).split('\n')
        for (const e of ends) lines[e.line % lines.length] += e.text
        for (const l of inserted) lines.splice(l.line % (lines.length + 1), 0, l.text)
        return check(lines.join(o.crlf ? '\r\n' : '\n'), tally)
      }),
      { seed: 20260303, numRuns: 4000 },
    )
    expect(tally.accepted).toBeGreaterThan(1000)
  })

  it('random mutations of the fixtures', () => {
    const tally: Tally = { accepted: 0, bailed: 0 }
    fc.assert(
      fc.property(fc.nat({ max: fixtures.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }), (which, mutations) =>
        check(mutate(fixtures[which]!, mutations), tally),
      ),
      { seed: 1018, numRuns: 2500 },
    )
    expect(tally.accepted).toBeGreaterThan(500)
    expect(tally.bailed).toBeGreaterThan(500)
  })

  it('texts from the subset grammar: comment lines at every column, empty values, sequences, flows, CRLF', () => {
    const tally: Tally = { accepted: 0, bailed: 0 }
    const rootTree = fc.oneof(
      fc.array(fc.tuple(keyText, tree), { minLength: 1, maxLength: 4 }).map((entries): Tree => ({ t: 'map', entries })),
      fc.array(tree, { minLength: 1, maxLength: 3 }).map((items): Tree => ({ t: 'seq', items })),
    )
    fc.assert(
      fc.property(rootTree, layout, trivia, (t, style, lines) => {
        const out = render(t, style)
        for (const l of lines) {
          const text = l.kind === 'comment' ? `${' '.repeat(l.column)}# t` : l.kind === 'blank' ? '' : ' '.repeat(l.column)
          out.splice(l.at % (out.length + 1), 0, text)
        }
        const nl = style.crlf ? '\r\n' : '\n'
        return check(out.join(nl) + (style.finalBreak ? nl : ''), tally)
      }),
      { seed: 5, numRuns: 12000 },
    )
    expect(tally.accepted).toBeGreaterThan(10000)
  })
})
