// The bad-input catalogue (SPEC section 6, issue #5): every malformed input gets a precise finding, or exactly one
// line on stderr and exit code 2; never a crash, a stack trace, or NaN/Infinity/undefined in a message.
// Content cases run through lintText/lintBytes; file-system cases through main() in-process (runCli).
import { spawnSync } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { main, type CliIo } from '../../src/cli.js'
import { runCli, type CliRun } from '../helpers/run-cli.js'
import { brief, checkRun, lint, lintRaw, type Brief } from './helpers.js'
import { FORBIDDEN } from './invariants.js'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const fixture = (name: string): string => readFileSync(path.join(repo, 'fixtures', name), 'utf8')

const temps: string[] = []
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'lint-config-bad-input-'))
  temps.push(dir)
  // Outputs show this path; a random suffix spelling "NaN" would trip the forbidden-word check.
  return FORBIDDEN.some((word) => path.basename(dir).includes(word)) ? tempDir() : dir
}
afterAll(() => {
  for (const dir of temps) {
    // chmod 000 leftovers must be readable again to be removed.
    try {
      chmodSync(path.join(dir, 'locked.yaml'), 0o644)
    } catch {
      // not there
    }
    rmSync(dir, { recursive: true, force: true })
  }
})

type Row = [ruleId: string, messageId: string, line: number, column: number, message: string]
const row = (f: Brief): Row => [f.ruleId, f.messageId, f.line, f.column, f.message]
const rows = (text: string): Row[] => lint(text).findings.map((f) => row(brief(f)))
const rawRows = (bytes: Uint8Array): Row[] => lintRaw(bytes).findings.map((f) => row(brief(f)))

/** A small valid config; `micro` is the first profile's fields, `extra` more YAML after the ladder. */
function config(micro: string, { leverage = '5', extra = '' }: { leverage?: string; extra?: string } = {}): string {
  return [
    'scalping:',
    '  symbols: ["BTC-USDT"]',
    `  leverage: ${leverage}`,
    '  balance_profiles:',
    `    micro: { ${micro} }`,
    '    small: { threshold: 1500.0, min_balance: 500.0, size_at_min: 50.0, size_at_max: 150.0, progressive: true }',
    '',
  ].join('\n') + extra
}
const micro = (threshold: string): string => `threshold: ${threshold}, min_balance: 100.0, size_at_min: 30.0, size_at_max: 50.0, progressive: true`
/** Column of the first profile's threshold value in `config()`. */
const THRESHOLD_COLUMN = '    micro: { threshold: '.length + 1

const YAML_SYNTAX = 'yaml-syntax'
const TAB_MESSAGE =
  "YAML syntax error: A tab, which the bot's loader (PyYAML) accepts only inside quoted strings, block scalars and comments: use spaces"

describe('empty and comment-only files', () => {
  const empty = 'The config is empty: the bot expects a mapping of sections (scalping, risk, futures_modules, ...)'
  it('an empty file', () => {
    expect(rows('')).toEqual([['schema', 'emptyConfig', 1, 1, empty]])
    expect(rawRows(new Uint8Array())).toEqual([['schema', 'emptyConfig', 1, 1, empty]])
  })
  it('a file of comments and blank lines only', () => {
    expect(rows('# nothing here yet\n\n# still nothing\n')).toEqual([['schema', 'emptyConfig', 1, 1, empty]])
  })
  it('a file holding only a BOM, or only whitespace', () => {
    expect(rawRows(Buffer.from([0xef, 0xbb, 0xbf]))).toEqual([['schema', 'emptyConfig', 1, 1, empty]])
    expect(rows('   \n\n  \n')).toEqual([['schema', 'emptyConfig', 1, 1, empty]])
  })
})

describe('binary and non-UTF-8 bytes', () => {
  const notUtf8 = (byte: string): string => `The file is not valid UTF-8 (byte ${byte}): the bot's loader rejects it`
  it('a PNG image: one fatal finding at the first byte', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52])
    expect(rawRows(png)).toEqual([[YAML_SYNTAX, 'invalidEncoding', 1, 1, notUtf8('0x89')]])
  })
  it('a Latin-1 file: the finding is at the first non-UTF-8 byte, on its line and column', () => {
    const bytes = Buffer.from('scalping:\n  note: caf\xe9\n', 'latin1')
    expect(rawRows(bytes)).toEqual([[YAML_SYNTAX, 'invalidEncoding', 2, 12, notUtf8('0xE9')]])
  })
  it('a UTF-16 file (BOM FF FE)', () => {
    expect(rawRows(Buffer.from('\uFEFFa: 1\n', 'utf16le'))).toEqual([[YAML_SYNTAX, 'invalidEncoding', 1, 1, notUtf8('0xFF')]])
  })
  it('a truncated, an overlong and a surrogate sequence', () => {
    expect(rawRows(Buffer.from([0x61, 0x3a, 0x20, 0xc3]))).toEqual([[YAML_SYNTAX, 'invalidEncoding', 1, 4, notUtf8('0xC3')]])
    expect(rawRows(Buffer.from([0x61, 0x3a, 0x20, 0xc0, 0xaf]))).toEqual([[YAML_SYNTAX, 'invalidEncoding', 1, 4, notUtf8('0xC0')]])
    expect(rawRows(Buffer.from([0x61, 0x3a, 0x20, 0xed, 0xa0, 0x80]))).toEqual([[YAML_SYNTAX, 'invalidEncoding', 1, 4, notUtf8('0xED')]])
  })
  it('a BOM before a bad byte: the column does not count the BOM', () => {
    expect(rawRows(Buffer.from([0xef, 0xbb, 0xbf, 0x61, 0x3a, 0x20, 0xff, 0x0a]))).toEqual([[YAML_SYNTAX, 'invalidEncoding', 1, 4, notUtf8('0xFF')]])
  })
  it('valid UTF-8 with control characters: PyYAML rejects them', () => {
    expect(rawRows(Buffer.from('a: 1\nb: \x00\x01\n'))).toEqual([
      [YAML_SYNTAX, 'nonPrintable', 2, 4, "Character U+0000 is not allowed in YAML: the bot's loader rejects the file"],
    ])
    expect(rows('a: "\x1b[2J"\n')).toEqual([[YAML_SYNTAX, 'nonPrintable', 1, 5, "Character U+001B is not allowed in YAML: the bot's loader rejects the file"]])
  })
  it('random binary never crashes', () => {
    let seed = 7
    for (let n = 0; n < 50; n++) {
      const bytes = Buffer.alloc(256, 0).map(() => (seed = (seed * 1103515245 + 12345) % 2147483648) >> 23)
      const findings = lintRaw(bytes).findings
      expect(findings.length).toBeGreaterThan(0)
      expect(findings.every((f) => f.ruleId === YAML_SYNTAX && f.fatal === true)).toBe(true)
    }
  })
})

describe('a BOM', () => {
  it('is stripped: positions are the ones an editor shows', () => {
    const text = '\uFEFFa: 1\na: 2\n'
    const expected: Row[] = [[YAML_SYNTAX, 'duplicateKey', 2, 1, 'Duplicate key "a" (first defined at line 1): the bot silently uses this last value']]
    expect(rows(text)).toEqual(expected)
    expect(rawRows(Buffer.from(text))).toEqual(expected)
  })
  it('changes nothing in a real config', () => {
    const text = fixture('invalid/stale-override.yaml')
    expect(rows(`\uFEFF${text}`)).toEqual(rows(text))
    expect(rawRows(Buffer.from(`\uFEFF${text}`))).toEqual(rows(text))
  })
})

describe('line endings', () => {
  const fixtures = ['example/config_futures.yaml', 'valid/progressive-ladder.yaml', 'invalid/stale-override.yaml', 'invalid/duplicate-keys.yaml', 'invalid/bad-indentation.yaml', 'invalid/gap-between-profiles.yaml']
  it.each(fixtures)('CRLF, CR-only and BOM+CRLF give the findings of LF: %s', (name) => {
    const lf = fixture(name)
    const expected = rows(lf)
    expect(rows(lf.replace(/\n/g, '\r\n'))).toEqual(expected)
    expect(rawRows(Buffer.from(`\uFEFF${lf.replace(/\n/g, '\r\n')}`))).toEqual(expected)
    expect(rows(lf.replace(/\n/g, '\r'))).toEqual(expected)
  })
  it('a syntax error in a CRLF file is on its own line', () => {
    expect(rows('a: [1, 2\r\nb: 3\r\n')).toEqual([
      [YAML_SYNTAX, 'syntaxError', 2, 2, "YAML syntax error: expected ',' or ']', but got ':' (while parsing a flow sequence at line 1, column 4)"],
    ])
  })
  it('a CR-only (old Mac) file is read line by line, as PyYAML reads it', () => {
    expect(rows('a: 1\rb:\r  c: 2\r  c: 3\r')).toEqual([
      [YAML_SYNTAX, 'duplicateKey', 4, 3, 'Duplicate key "c" (first defined at line 3): the bot silently uses this last value'],
    ])
  })
  it('a CR inside a quoted string stays part of the string', () => {
    expect(rows('a: "x\ry"\n')).toEqual([])
  })
  it('an LS pasted into a comment ends the comment, as it does for PyYAML', () => {
    // PyYAML loads 'a: 1 # note<LS>a: 2' as {a: 2}: the text after the LS is a second key.
    expect(rows('a: 1 # note\u2028a: 2\n')).toEqual([
      [YAML_SYNTAX, 'duplicateKey', 2, 1, 'Duplicate key "a" (first defined at line 1): the bot silently uses this last value'],
    ])
  })
})

describe('tabs', () => {
  it('as indentation', () => {
    expect(rows('scalping:\n\tleverage: 5\n')).toEqual([[YAML_SYNTAX, 'syntaxError', 2, 1, 'YAML syntax error: Tabs are not allowed as indentation']])
  })
  it.each([
    ['before a comment', 'scalping:\n  leverage: 5\t# max 125\n', 2, 14],
    ['after a colon', 'scalping:\n  leverage:\t5\n', 2, 12],
    ['trailing', 'scalping:\n  leverage: 5\t\n', 2, 14],
    ['on a blank line', 'scalping:\n\t\n  leverage: 5\n', 2, 1],
    ['inside a flow sequence', 'scalping:\n  symbols: ["BTC-USDT",\t"ETH-USDT"]\n', 2, 24],
    ['inside a plain scalar', 'scalping:\n  order_type: post\tonly\n', 2, 19],
    ['after a sequence dash', 'scalping:\n  symbols:\n  -\tBTC-USDT\n', 3, 4],
  ])('%s: PyYAML fails, so a fatal finding at the tab', (_name, text, line, column) => {
    expect(rows(text)).toEqual([[YAML_SYNTAX, 'syntaxError', line, column, TAB_MESSAGE]])
    expect(lint(text).findings[0]!.fatal).toBe(true)
  })
  it.each([
    ['in a comment', 'scalping: # a\tcomment\n  leverage: 5\n'],
    ['in a single-quoted string', "scalping:\n  order_type: 'post\tonly'\n  leverage: 5\n"],
    ['in a double-quoted string', 'scalping:\n  order_type: "post\tonly"\n  leverage: 5\n'],
    ['in a block scalar', 'notes: |\n  a\ttab\n'],
  ])('%s: PyYAML accepts it, so nothing', (_name, text) => {
    expect(rows(text).filter((r) => r[0] === YAML_SYNTAX)).toEqual([])
  })
})

describe('syntax errors: one fatal finding at the right place', () => {
  it.each([
    // PyYAML's mark and words: what the bot's traceback says.
    ['an unclosed flow sequence', 'a: [1, 2\nb: 3\n', 2, 2, "expected ',' or ']', but got ':' (while parsing a flow sequence at line 1, column 4)"],
    ['a nested mapping on one line', 'a: b: c\n', 1, 5, 'mapping values are not allowed here'],
    // Where the string would have to end, naming the opening quote as context.
    ['an unclosed double quote', 'a: "abc\nb: 1\n', 3, 1, 'found unexpected end of stream (while scanning a quoted scalar at line 1, column 4)'],
    ['a sequence item in a mapping', 'a: 1\n- b\n', 2, 1, "expected <block end>, but found '-' (while parsing a block mapping at line 1, column 1)"],
  ])('%s', (_name, text, line, column, message) => {
    const findings = lint(text).findings
    expect(findings.map((f) => row(brief(f)))).toEqual([[YAML_SYNTAX, 'syntaxError', line, column, `YAML syntax error: ${message}`]])
    expect(findings[0]!.fatal).toBe(true)
  })
  it('a key indented one space too few (fixture)', () => {
    expect(rows(fixture('invalid/bad-indentation.yaml'))).toEqual([
      [YAML_SYNTAX, 'syntaxError', 4, 2, "YAML syntax error: expected <block end>, but found '<block mapping start>' (while parsing a block mapping at line 2, column 1)"],
    ])
  })
  it('a mapping used as a key: PyYAML fails with "found unhashable key"', () => {
    expect(rows('a:\n  ? {x: 1}\n  : 2\n')).toEqual([
      [YAML_SYNTAX, 'syntaxError', 2, 5, 'YAML syntax error: A mapping used as a mapping key, which the bot\'s loader (PyYAML) rejects ("found unhashable key")'],
    ])
  })
  it('an undefined alias', () => {
    expect(rows('a: *nope\n')).toEqual([[YAML_SYNTAX, 'unresolvedAlias', 1, 4, 'Alias "*nope" has no anchor "&nope" defined before it']])
  })
  it('a tag the safe loader cannot construct', () => {
    expect(rows('a: !!python/object/apply:os.system ["id"]\n').map((r) => r.slice(0, 4))).toEqual([[YAML_SYNTAX, 'unknownTag', 1, 4]])
  })
  it('a second document', () => {
    expect(rows('a: 1\n---\nb: 2\n')).toEqual([
      [YAML_SYNTAX, 'multipleDocuments', 2, 1, "A second YAML document starts here: the bot's loader (yaml.safe_load) refuses a file with more than one"],
    ])
  })
})

describe('duplicate keys', () => {
  it('every repeat, in the fixture, naming the first line', () => {
    expect(rows(fixture('invalid/duplicate-keys.yaml')).filter((r) => r[0] === YAML_SYNTAX)).toEqual([
      [YAML_SYNTAX, 'duplicateKey', 5, 3, 'Duplicate key "leverage" (first defined at line 3): the bot silently uses this last value'],
      [YAML_SYNTAX, 'duplicateKey', 8, 5, 'Duplicate key "small" (first defined at line 7): the bot silently uses this last value'],
    ])
  })
  it('keys that PyYAML constructs equal: 1, 1.0 and true; "a" and a', () => {
    expect(rows('m:\n  1: a\n  1.0: b\n  true: c\n').map((r) => r.slice(0, 4))).toEqual([
      [YAML_SYNTAX, 'duplicateKeyOverridden', 3, 3],
      [YAML_SYNTAX, 'duplicateKey', 4, 3],
    ])
    expect(rows('a: 1\n"a": 2\n').map((r) => r.slice(0, 4))).toEqual([[YAML_SYNTAX, 'duplicateKey', 2, 1]])
  })
})

describe('an alias bomb (billion laughs)', () => {
  const lol = (alias: string): string => `[${Array.from({ length: 9 }, () => alias).join(', ')}]`
  const levels = 'abcdefghi'.split('')
  const bomb = levels.map((name, i) => `${name}: &${name} ${i === 0 ? lol('"lol"') : lol(`*${levels[i - 1]}`)}`).join('\n') + '\n'

  it('is one fatal finding at the first alias, found without expanding it', () => {
    const started = Date.now()
    const findings = lint(bomb).findings
    expect(findings.map((f) => row(brief(f)))).toEqual([
      [YAML_SYNTAX, 'aliasBomb', 2, 8, 'Alias "*a" expands past 1,000 nodes: a resource-exhaustion ("billion laughs") pattern'],
    ])
    expect(findings[0]!.fatal).toBe(true)
    expect(Date.now() - started).toBeLessThan(5000)
  })
  it('inside a real config', () => {
    const text = `${fixture('valid/progressive-ladder.yaml')}${bomb.trimEnd().replace(/^/gm, 'x_')}\n`
    const line = fixture('valid/progressive-ladder.yaml').split('\n').length + 1
    expect(rows(text)).toEqual([[YAML_SYNTAX, 'aliasBomb', line, 10, 'Alias "*a" expands past 1,000 nodes: a resource-exhaustion ("billion laughs") pattern']])
  })
  it('through merge keys', () => {
    const merges = levels
      .map((name, i) =>
        i === 0
          ? `${name}: &${name} {k0: 1, k1: 1, k2: 1, k3: 1, k4: 1, k5: 1, k6: 1, k7: 1, k8: 1}`
          : `${name}: &${name}\n  <<: [${Array.from({ length: 9 }, () => `*${levels[i - 1]}`).join(', ')}]\n  own${i}: 1`,
      )
      .join('\n')
    expect(rows(`${merges}\n`)).toEqual([[YAML_SYNTAX, 'aliasBomb', 3, 8, 'Alias "*a" expands past 1,000 nodes: a resource-exhaustion ("billion laughs") pattern']])
  })
})

describe('deep nesting (10,000 levels)', () => {
  const N = 10_000
  const tooDeep = 'The file nests too deeply to parse (the bot\'s loader fails on it too)'
  // Measured before parsing: the finding is at the first collection 491 levels deep (PyYAML gives up at about 491).
  function expectTooDeep(text: string, line: number, column: number): void {
    const findings = lint(text).findings
    expect(findings.map((f) => [...row(brief(f)), f.fatal])).toEqual([[YAML_SYNTAX, 'tooDeep', line, column, tooDeep, true]])
  }
  it('flow sequences', () => expectTooDeep(`a: ${'['.repeat(N)}${']'.repeat(N)}\n`, 1, 'a: '.length + 490))
  it('flow mappings', () => expectTooDeep(`a: ${'{a: '.repeat(N)}1${'}'.repeat(N)}\n`, 1, 'a: '.length + 489 * '{a: '.length + 1))
  it('unclosed flow sequences', () => expectTooDeep(`a: ${'['.repeat(N)}\n`, 1, 'a: '.length + 490))
  it('block sequences', () => expectTooDeep(`${'- '.repeat(N)}1\n`, 1, 490 * 2 + 1))
  it('block mappings', () => {
    let text = ''
    for (let i = 0; i < N; i++) text += `${' '.repeat(i)}k:\n`
    expectTooDeep(text, 491, 491)
  })
  it('490 levels parse; 491 are too deep', () => {
    expect(rows(`a: ${'['.repeat(489)}${']'.repeat(489)}\n`)).toEqual([])
    expectTooDeep(`a: ${'['.repeat(490)}${']'.repeat(490)}\n`, 1, 493)
  })
  it('however deep the caller\'s own stack is', () => {
    const text = `${'- '.repeat(1000)}1\n`
    const nested = (depth: number): Row[] => (depth === 0 ? rows(text) : nested(depth - 1))
    for (const depth of [0, 500, 2000]) expect(nested(depth)).toEqual([[YAML_SYNTAX, 'tooDeep', 1, 981, tooDeep]])
  })
})

describe('a 20 MB file', () => {
  it('lints in one pass and reports a problem on its last line', async () => {
    const dir = tempDir()
    const head = fixture('valid/progressive-ladder.yaml')
    const pad = `  # ${'padding '.repeat(120)}\n`
    const lines = Math.ceil((20 * 1024 * 1024) / pad.length)
    const text = `${head}notes:\n  first: 1\n${pad.repeat(lines)}  first: 2\n`
    expect(text.length).toBeGreaterThan(20 * 1024 * 1024)
    writeFileSync(path.join(dir, 'config_futures.yaml'), text)
    const run = checkRun(await runCli(['--format', 'json', 'config_futures.yaml'], { cwd: dir }))
    expect(run.exitCode).toBe(1)
    const [result] = JSON.parse(run.stdout) as [{ messages: { ruleId: string; line: number; column: number; message: string }[] }]
    const lastLine = head.split('\n').length + 2 + lines
    expect(result.messages.map((m) => [m.ruleId, m.line, m.column, m.message])).toEqual([
      [YAML_SYNTAX, lastLine, 3, `Duplicate key "first" (first defined at line ${head.split('\n').length + 1}): the bot silently uses this last value`],
    ])
  })
})

describe('__proto__, constructor and prototype keys', () => {
  const snapshot = (): string => JSON.stringify([Object.getOwnPropertyNames(Object.prototype).sort(), Object.prototype.toString.name])
  const before = snapshot()
  const clean = (): void => {
    expect(snapshot()).toBe(before)
    const probe = {} as Record<string, unknown>
    for (const key of ['polluted', 'threshold', 'leverage', 'severity', 'position_multiplier', 'balance_profiles']) expect(probe[key]).toBeUndefined()
  }

  it('at the top level: no finding, Object.prototype untouched', () => {
    expect(rows('__proto__: {polluted: 1}\nconstructor: {prototype: {polluted: 2}}\nprototype: {polluted: 3}\n')).toEqual([])
    clean()
  })
  it('as profile names: findings name them, and read only their own fields', () => {
    const text = [
      'scalping:',
      '  symbols: ["BTC-USDT"]',
      '  leverage: 5',
      '  balance_profiles:',
      '    __proto__: { threshold: 500.0, min_balance: 100.0, size_at_min: 30.0, size_at_max: 50.0, progressive: true }',
      '    constructor: { threshold: 1500.0, min_balance: 600.0, size_at_min: 50.0, size_at_max: 150.0, progressive: true }',
      '    prototype: { threshold: 3000.0, min_balance: 1500.0, size_at_min: 150.0, size_at_max: 200.0, progressive: true }',
      '',
    ].join('\n')
    const result = lint(text)
    expect(result.findings.map((f) => row(brief(f)))).toContainEqual([
      'profile-continuity',
      'gap',
      6,
      52,
      "Gap between profiles: __proto__ ends at $500.00 but constructor starts at min_balance $600.00, so balances in between get constructor's size_at_min",
    ])
    for (const f of result.findings) {
      expect(Object.getPrototypeOf(f)).toBe(Object.prototype)
      expect(f.message).not.toMatch(/\[object |function |native code/)
    }
    clean()
  })
  it('as a symbol and a regime: the schema names the keys, the override is checked', () => {
    const text = config(micro('500.0'), {
      extra: [
        '  adaptive_regime:',
        '    symbol_profiles:',
        '      __proto__:',
        '        position_multiplier: 1.2',
        '        trending:',
        '          position: { base_position_usd: 1.0 }',
        '      BTC-USDT:',
        '        constructor: { position: { base_position_usd: 1.0 } }',
        '        __proto__: { position_multiplier: 1000 }',
        '',
      ].join('\n'),
    })
    const found = rows(text)
    // The schema names the key (its wording belongs to the schema rule's tests).
    expect(found.filter((r) => r[0] === 'schema').map((r) => [r[2], r[3], r[4].includes('"__proto__"')])).toEqual([[9, 7, true]])
    // __proto__'s own multiplier 1.2 is used; BTC-USDT's "__proto__: {position_multiplier: 1000}" is not its multiplier.
    expect(found.filter((r) => r[0] === 'stale-override')).toEqual([
      [
        'stale-override',
        'neverLive',
        12,
        42,
        '__proto__ trending override $1.00 is never used: it is more than 50% away from the per-symbol size at every balance (the size runs from $36.00 to $180.00); honouring it would change no trade',
      ],
    ])
    clean()
  })
  it('in merge keys and aliases', () => {
    rows('base: &b {__proto__: {polluted: 1}, constructor: 1}\nd:\n  <<: *b\n  prototype: 2\n')
    clean()
  })
})

describe('numbers the bot does not read as numbers', () => {
  it.each([
    ['a quoted threshold', config(micro('"500"')), 5, THRESHOLD_COLUMN, 'threshold must be a number, got the string "500"'],
    ['a quoted leverage', config(micro('500.0'), { leverage: '"5"' }), 3, 13, 'leverage must be a number, got the string "5"'],
    ['1e3 (YAML 1.1 needs a dot)', config(micro('1e3')), 5, THRESHOLD_COLUMN, 'threshold must be a number, got the string "1e3"'],
    ['a decimal comma', config(micro('"500,0"')), 5, THRESHOLD_COLUMN, 'threshold must be a number, got the string "500,0"'],
    ['a quoted boolean', config(micro('500.0').replace('progressive: true', 'progressive: "true"')), 5, 103, 'progressive must be true or false, got the string "true"'],
  ])('%s', (_name, text, line, column, message) => {
    expect(rows(text)).toEqual([['schema', 'type', line, column, message]])
  })
})

describe('.nan, .inf and numbers at the edge of a double', () => {
  it.each([
    ['.nan', '.nan', 'threshold must be a finite number, got .nan'],
    ['.inf', '.inf', 'threshold must be a finite number, got .inf'],
    ['-.inf', '-.Inf', 'threshold must be a finite number, got -.inf'],
    ['1.0e+400 (overflows to .inf)', '1.0e+400', 'threshold must be a finite number, got .inf'],
  ])('%s', (_name, value, message) => {
    expect(rows(config(micro(value)))).toEqual([['schema', 'notFinite', 5, THRESHOLD_COLUMN, message]])
  })
  it('.nan and .inf everywhere on the sizing paths: only schema findings, no NaN or Infinity in any message', () => {
    const text = config('threshold: 500.0, min_balance: .nan, size_at_min: .inf, size_at_max: -.inf, progressive: true', {
      leverage: '.nan',
      extra: '  adaptive_regime:\n    symbol_profiles:\n      BTC-USDT:\n        position_multiplier: .inf\n        trending:\n          position: { base_position_usd: .nan }\nrisk:\n  base:\n    position_override_tolerance_percent: .inf\n',
    })
    const found = rows(text)
    expect(found.filter((r) => r[0] !== 'schema')).toEqual([])
    expect(found.map((r) => r[1])).toEqual(['notFinite', 'notFinite', 'notFinite', 'notFinite', 'notFinite', 'notFinite', 'notFinite'])
  })
  it('1.0e+308: a finite threshold, sorted after the others', () => {
    expect(rows(config(micro('1.0e+308')))).toContainEqual([
      'profile-monotonicity',
      'drop',
      5,
      68,
      'size drops from $150.00 to $30.00 when the balance crosses $1,500.00 (small -> micro); no trade drops there: for every symbol and regime the bot (the variant-b code) trades the same just above $1,500.00 as at it: the bot trades nothing on either side (no-trade says why)',
    ])
  })
  it('10^30 as an integer: read (approximately, as a double), printed without an exponent', () => {
    const text = config(`threshold: 1000000000000000000000000000000, min_balance: 1000000000000000000000000000000, size_at_min: 30.0, size_at_max: 50.0, progressive: true`)
    expect(rows(text)).toContainEqual([
      'profile-continuity',
      'zeroWidth',
      5,
      71,
      'Profile micro is zero-width: min_balance $1,000,000,000,000,000,000,000,000,000,000.00 equals its threshold $1,000,000,000,000,000,000,000,000,000,000.00',
    ])
  })
  it('5.0e-324 (the smallest double) as a threshold and a size', () => {
    expect(rows(config(micro('5.0e-324')))).toContainEqual([
      'profile-continuity',
      'inverted',
      5,
      48,
      'Profile micro is inverted: min_balance $100.00 is above its threshold $0.00',
    ])
    expect(rows(config('threshold: 500.0, min_balance: 100.0, size_at_min: 5.0e-324, size_at_max: 50.0, progressive: true'))).toEqual([])
  })
})

describe('degenerate profiles, thresholds and leverage', () => {
  it('a zero-width profile (min_balance == threshold)', () => {
    expect(rows(config('threshold: 500.0, min_balance: 500.0, size_at_min: 30.0, size_at_max: 50.0, progressive: true'))).toContainEqual([
      'profile-continuity',
      'zeroWidth',
      5,
      45,
      'Profile micro is zero-width: min_balance $500.00 equals its threshold $500.00',
    ])
  })
  it('an inverted profile (min_balance > threshold)', () => {
    expect(rows(config('threshold: 500.0, min_balance: 600.0, size_at_min: 30.0, size_at_max: 50.0, progressive: true'))).toContainEqual([
      'profile-continuity',
      'inverted',
      5,
      45,
      'Profile micro is inverted: min_balance $600.00 is above its threshold $500.00',
    ])
  })
  it('a threshold of 0', () => {
    expect(rows(config(micro('0')))).toContainEqual(['schema', 'exclusiveMinimum', 5, THRESHOLD_COLUMN, 'threshold must be greater than 0, got 0'])
  })
  it.each([
    ['progressive', config(micro('500.0'), { leverage: '0' })],
    ['percent', 'scalping:\n  symbols: ["BTC-USDT"]\n  leverage: 0\n  balance_profiles:\n    micro: { threshold: 500.0, max_position_percent: 10.0 }\n    small: { threshold: 1500.0, max_position_percent: 20.0 }\n'],
  ])('a leverage of 0 (%s ladder): the schema finding only, no division by zero', (_name, text) => {
    expect(rows(text)).toEqual([['schema', 'minimum', 3, 13, 'leverage must be at least 1, got 0']])
  })
  it('a negative leverage', () => {
    expect(rows(config(micro('500.0'), { leverage: '-5' }))).toEqual([['schema', 'minimum', 3, 13, 'leverage must be at least 1, got -5']])
  })
})

// ---- the file system, through main() in-process ----

function stderrOf(run: CliRun, cwd: string): string {
  return run.stderr.split(cwd).join('<cwd>')
}

describe('files that cannot be linted: one line on stderr, exit 2', () => {
  const good = fixture('valid/progressive-ladder.yaml')

  it('a missing file', async () => {
    const cwd = tempDir()
    const run = checkRun(await runCli(['missing.yaml'], { cwd }))
    expect([run.exitCode, run.stderr, run.stdout]).toEqual([2, 'lint-config: cannot read "missing.yaml": no such file or directory\n', ''])
  })
  it('a missing file after a good one: nothing is reported for the good one either', async () => {
    const cwd = tempDir()
    writeFileSync(path.join(cwd, 'ok.yaml'), good)
    const run = checkRun(await runCli(['ok.yaml', 'missing.yaml'], { cwd }))
    expect([run.exitCode, run.stderr, run.stdout]).toEqual([2, 'lint-config: cannot read "missing.yaml": no such file or directory\n', ''])
  })
  it('a directory without configs', async () => {
    const cwd = tempDir()
    mkdirSync(path.join(cwd, 'empty'))
    writeFileSync(path.join(cwd, 'empty', 'other.yaml'), good)
    const run = checkRun(await runCli(['empty'], { cwd }))
    expect([run.exitCode, run.stderr]).toEqual([2, 'lint-config: no config_futures*.yaml file found in directory "empty"\n'])
  })
  it('a directory with configs: each is linted', async () => {
    const cwd = tempDir()
    mkdirSync(path.join(cwd, 'config', 'eu'), { recursive: true })
    writeFileSync(path.join(cwd, 'config', 'config_futures.yaml'), good)
    writeFileSync(path.join(cwd, 'config', 'eu', 'config_futures_eu.yaml'), 'a: 1\na: 2\n')
    const run = checkRun(await runCli(['--format', 'json', 'config'], { cwd }))
    expect(run.exitCode).toBe(1)
    const results = JSON.parse(run.stdout) as { filePath: string; errorCount: number }[]
    expect(results.map((r) => [path.relative(cwd, r.filePath), r.errorCount])).toEqual([
      [path.join('config', 'config_futures.yaml'), 0],
      [path.join('config', 'eu', 'config_futures_eu.yaml'), 1],
    ])
  })
  it('a symlink loop', async () => {
    const cwd = tempDir()
    symlinkSync('loop-b.yaml', path.join(cwd, 'loop-a.yaml'))
    symlinkSync('loop-a.yaml', path.join(cwd, 'loop-b.yaml'))
    const run = checkRun(await runCli(['loop-a.yaml'], { cwd }))
    expect([run.exitCode, run.stderr]).toEqual([2, 'lint-config: cannot read "loop-a.yaml": too many levels of symbolic links (a symlink loop)\n'])
  })
  it('a directory holding a symlink loop back to itself: each config once', async () => {
    const cwd = tempDir()
    mkdirSync(path.join(cwd, 'config'))
    writeFileSync(path.join(cwd, 'config', 'config_futures.yaml'), good)
    symlinkSync('.', path.join(cwd, 'config', 'again'))
    const run = checkRun(await runCli(['--format', 'json', 'config'], { cwd }))
    expect(run.exitCode).toBe(0)
    expect((JSON.parse(run.stdout) as unknown[]).length).toBe(1)
  })
  it('a dangling symlink', async () => {
    const cwd = tempDir()
    symlinkSync('nowhere.yaml', path.join(cwd, 'config_futures.yaml'))
    const run = checkRun(await runCli(['config_futures.yaml'], { cwd }))
    expect([run.exitCode, run.stderr]).toEqual([2, 'lint-config: cannot read "config_futures.yaml": no such file or directory\n'])
  })

  // chmod 000 does not stop root (or CAP_DAC_OVERRIDE) from reading: find out which applies here.
  const probeDir = mkdtempSync(path.join(tmpdir(), 'lint-config-probe-'))
  const probe = path.join(probeDir, 'probe')
  writeFileSync(probe, 'x')
  chmodSync(probe, 0)
  let readsLockedFiles = true
  try {
    readFileSync(probe)
  } catch {
    readsLockedFiles = false
  }
  chmodSync(probe, 0o644)
  rmSync(probeDir, { recursive: true, force: true })

  // Root reads the file anyway, so there the built CLI runs as the unprivileged user "nobody" instead: the
  // permission-denied path is exercised either way, and no test skips.
  const bin = path.join(repo, 'dist/bin.js')
  const nobody = { uid: 65534, gid: 65534 }
  it('an unreadable file (chmod 000): one permission-denied line (as root, dist/bin.js run as the user "nobody")', async () => {
    const cwd = tempDir()
    chmodSync(cwd, 0o755)
    writeFileSync(path.join(cwd, 'locked.yaml'), good)
    chmodSync(path.join(cwd, 'locked.yaml'), 0)
    if (!readsLockedFiles) {
      const run = checkRun(await runCli(['locked.yaml'], { cwd }))
      expect([run.exitCode, stderrOf(run, cwd)]).toEqual([2, 'lint-config: cannot read "locked.yaml": permission denied\n'])
      return
    }
    // Fails (rather than skips) when root cannot drop to "nobody" or "nobody" cannot read the built CLI.
    expect(process.getuid?.()).toBe(0)
    expect(spawnSync(process.execPath, [bin, '--version'], { ...nobody, encoding: 'utf8' }).status).toBe(0)
    const child = spawnSync(process.execPath, [bin, 'locked.yaml'], { ...nobody, cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } })
    expect([child.status, child.stderr.replaceAll(cwd, '<cwd>'), child.stdout]).toEqual([
      2,
      'lint-config: cannot read "locked.yaml": permission denied\n',
      '',
    ])
  })

  it('a file deleted between expanding the targets and reading it', async () => {
    const cwd = tempDir()
    writeFileSync(path.join(cwd, 'second.yaml'), good)
    let stdout = ''
    let stderr = ''
    const io: CliIo = {
      stdout: (text) => void (stdout += text),
      stderr: (text) => void (stderr += text),
      // Targets are read in order: stdin first, so the second file disappears after expansion, before its read.
      readStdin: async () => {
        unlinkSync(path.join(cwd, 'second.yaml'))
        return Buffer.from(good)
      },
      cwd,
      env: {},
      stdoutIsTTY: false,
    }
    const exitCode = await main(['node', 'lint-config', '-', 'second.yaml'], io)
    const run = checkRun({ exitCode, stdout, stderr })
    expect([run.exitCode, stderrOf(run, cwd), run.stdout]).toEqual([2, 'lint-config: cannot read "second.yaml": no such file or directory\n', ''])
  })
})

/**
 * A reference balance for the runs whose stderr is pinned and which are about something else: without one, a file that
 * lints (the empty config too: a schema error, not a fatal one) adds the no-balance note line to stderr.
 */
const AT_BALANCE = ['--balance', '1018']

describe('--output', () => {
  const good = fixture('valid/progressive-ladder.yaml')

  it('over the linted file: refused, and the file is untouched', async () => {
    const cwd = tempDir()
    writeFileSync(path.join(cwd, 'config_futures.yaml'), good)
    const run = checkRun(await runCli(['--output', 'config_futures.yaml', 'config_futures.yaml'], { cwd }))
    expect([run.exitCode, run.stderr]).toEqual([2, 'lint-config: refusing to write the report over the linted file "config_futures.yaml"\n'])
    expect(readFileSync(path.join(cwd, 'config_futures.yaml'), 'utf8')).toBe(good)
  })
  it('over the linted file through a symlink, or a file found in a directory: refused', async () => {
    const cwd = tempDir()
    mkdirSync(path.join(cwd, 'config'))
    writeFileSync(path.join(cwd, 'config', 'config_futures.yaml'), good)
    symlinkSync(path.join('config', 'config_futures.yaml'), path.join(cwd, 'report.json'))
    const run = checkRun(await runCli(['--format', 'json', '--output', 'report.json', 'config'], { cwd }))
    expect([run.exitCode, run.stderr]).toEqual([2, 'lint-config: refusing to write the report over the linted file "report.json"\n'])
    expect(readFileSync(path.join(cwd, 'config', 'config_futures.yaml'), 'utf8')).toBe(good)
  })
  it('into a missing directory: created, as ESLint does', async () => {
    const cwd = tempDir()
    writeFileSync(path.join(cwd, 'config_futures.yaml'), good)
    const run = checkRun(await runCli(['--format', 'json', '--output', 'reports/ci/lint.json', ...AT_BALANCE, 'config_futures.yaml'], { cwd }))
    expect([run.exitCode, run.stderr, run.stdout]).toEqual([0, '', ''])
    expect(JSON.parse(readFileSync(path.join(cwd, 'reports/ci/lint.json'), 'utf8'))).toHaveLength(1)
  })
  it('into a directory that cannot be created: a file stands in its way', async () => {
    const cwd = tempDir()
    writeFileSync(path.join(cwd, 'config_futures.yaml'), good)
    writeFileSync(path.join(cwd, 'reports'), 'not a directory')
    const run = checkRun(await runCli(['--format', 'json', '--output', 'reports/lint.json', ...AT_BALANCE, 'config_futures.yaml'], { cwd }))
    expect([run.exitCode, stderrOf(run, cwd)]).toEqual([2, 'lint-config: cannot write "reports/lint.json": "reports" is not a directory\n'])
  })
  it('onto a directory', async () => {
    const cwd = tempDir()
    writeFileSync(path.join(cwd, 'config_futures.yaml'), good)
    mkdirSync(path.join(cwd, 'reports'))
    const run = checkRun(await runCli(['--output', 'reports', ...AT_BALANCE, 'config_futures.yaml'], { cwd }))
    expect([run.exitCode, stderrOf(run, cwd)]).toEqual([2, 'lint-config: cannot write "reports": it is a directory\n'])
  })
})

describe('bad content through the CLI: a finding, never a crash', () => {
  it.each([
    ['binary', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
    ['empty', Buffer.alloc(0)],
    ['a tab', Buffer.from('scalping:\n  leverage: 5\t\n')],
    ['an alias bomb', Buffer.from('a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n')],
    ['deep nesting', Buffer.from(`a: ${'['.repeat(10_000)}\n`)],
  ])('%s: exit 1, one fatal finding, in every format', async (_name, bytes) => {
    const cwd = tempDir()
    writeFileSync(path.join(cwd, 'config_futures.yaml'), bytes)
    for (const format of ['stylish', 'json', 'sarif', 'github', 'junit', 'markdown']) {
      const run = checkRun(await runCli(['--format', format, ...AT_BALANCE, 'config_futures.yaml'], { cwd }), bytes.toString('latin1'))
      expect([format, run.exitCode, run.stderr]).toEqual([format, 1, ''])
      if (format === 'json' || format === 'sarif') expect(() => JSON.parse(run.stdout) as unknown).not.toThrow()
    }
  })
  it('from stdin', async () => {
    const run = checkRun(await runCli(['--format', 'json', '-'], { cwd: tempDir(), stdin: Buffer.from([0xff, 0xfe, 0x00]) }))
    expect(run.exitCode).toBe(1)
    const [result] = JSON.parse(run.stdout) as [{ messages: { ruleId: string; line: number; column: number }[] }]
    expect(result.messages.map((m) => [m.ruleId, m.line, m.column])).toEqual([[YAML_SYNTAX, 1, 1]])
  })
})
