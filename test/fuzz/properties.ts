// The engine fuzz properties, shared by test/fuzz/engine.fuzz.test.ts (fixed seed, few runs) and scripts/fuzz.mjs
// (long runs). No vitest here: scripts/fuzz.mjs bundles this file with esbuild and runs it under plain node.
//
// Every property feeds the whole engine in-process and checks the invariants of test/robustness/invariants.ts:
// lintText/lintBytes never throw, every finding lies inside the text with lines and columns that match its offsets,
// no message shows NaN/Infinity/undefined/{{ unless the input itself does, and the CLI exits 0 or 1 with nothing on
// stderr and JSON and SARIF that parse.
import fc from 'fast-check'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import { stringify, type ToStringOptions } from 'yaml'
import { lintBytes, lintText } from '../../src/engine/lint-text.js'
import { rules } from '../../src/rules/index.js'
import { defaultSettings } from '../../src/settings/normalize.js'
import { NO_BALANCE_NOTE } from '../../src/text/no-balance-note.js'
import type { FileResult, LintSettings, SizingModeSetting } from '../../src/types.js'
import { NO_BALANCE_LINE } from '../helpers/no-balance-note.js'
import { runCli } from '../helpers/run-cli.js'
import { resultProblems, runProblems } from '../robustness/invariants.js'

// ---------- inputs ----------

export interface Source {
  name: string
  text: string
}

export interface Sources {
  fixtures: Source[]
  /** The real config versions in ../shared/corpus (relative to the repo root), when present; read, never copied. */
  corpus: Source[]
}

function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? yamlFiles(path.join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [path.join(dir, e.name)] : []))
    .sort()
}

/** The name of the property over the real configs, which buildProperties leaves out when the corpus is absent. */
export const CORPUS_PROPERTY = 'mutated real configs (corpus)'

export function loadSources(repoRoot: string): Sources {
  const read = (file: string): Source => ({ name: path.relative(repoRoot, file), text: readFileSync(file, 'utf8') })
  return {
    fixtures: yamlFiles(path.join(repoRoot, 'fixtures')).map(read),
    corpus: yamlFiles(path.resolve(repoRoot, '../shared/corpus/config_futures')).map(read),
  }
}

// ---------- settings ----------

const BALANCES = [0, 0.01, 100, 500, 1018, 1500, 999999, 1e308, 5e-324, Number.MAX_SAFE_INTEGER]

/** The default settings, with random reference balances, sizing mode and directive reporting. */
export const settingsArb: fc.Arbitrary<LintSettings> = fc
  .record({
    balances: fc.array(fc.oneof(fc.constantFrom(...BALANCES), fc.double({ min: 0, max: 1e7, noNaN: true })), { maxLength: 3 }),
    sizingMode: fc.constantFrom<SizingModeSetting>('auto', 'auto', 'progressive', 'fixed', 'percent'),
    unused: fc.constantFrom<'off' | 'warn' | 'error'>('off', 'off', 'warn', 'error'),
  })
  .map(({ balances, sizingMode, unused }) => {
    const settings = defaultSettings(rules)
    settings.shared = { balances, sizingMode }
    settings.rules['unused-disable-directive'] = { severity: unused, options: {} }
    return settings
  })

export const defaults: LintSettings = defaultSettings(rules)

// ---------- (a) random YAML documents ----------

const KEYS = [
  '__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'scalping', 'balance_profiles', 'threshold',
  'leverage', 'symbols', '<<', '', ' ', 'a: b', '- x', '#', '&a', '*a', '!tag', '"', "'", '?', '%YAML', '---', '...', 'yes', 'null',
  '1', '1.0', '.nan', 'NaN', 'Infinity', 'undefined', '{{x}}', '\t', '\n', '\u2028', '\uFEFF',
]
const keyArb = fc.oneof({ weight: 3, arbitrary: fc.string({ maxLength: 8 }) }, { weight: 2, arbitrary: fc.constantFrom(...KEYS) }, fc.string({ unit: 'binary', maxLength: 4 }))

const SPECIAL_NUMBERS = [0, -0, -1, 1, 0.1, 1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER + 2, 1e30, 1e21, 1e-7, NaN, Infinity, -Infinity]
const scalarArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(...SPECIAL_NUMBERS),
  fc.bigInt({ min: -(2n ** 100n), max: 2n ** 100n }),
  fc.boolean(),
  fc.constant(null),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.constantFrom(...KEYS),
  fc.date({ noInvalidDate: true }),
)
const { value: valueArb } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalarArb,
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(keyArb, tie('value'), { maxKeys: 5 }),
  ),
}))

const stringifyOptionsArb: fc.Arbitrary<ToStringOptions & { version: '1.1' | '1.2' }> = fc.record({
  version: fc.constantFrom('1.1' as const, '1.2' as const),
  indent: fc.integer({ min: 1, max: 6 }),
  indentSeq: fc.boolean(),
  lineWidth: fc.constantFrom(0, 20, 80),
  collectionStyle: fc.constantFrom('any' as const, 'block' as const, 'flow' as const),
  defaultStringType: fc.constantFrom('PLAIN' as const, 'QUOTE_DOUBLE' as const, 'QUOTE_SINGLE' as const, 'BLOCK_LITERAL' as const, 'BLOCK_FOLDED' as const),
  defaultKeyType: fc.constantFrom(null, 'PLAIN' as const, 'QUOTE_DOUBLE' as const),
})

/** A random JS value as YAML text, in a random style; `undefined` when yaml cannot write it. */
export function toYaml(value: unknown, options: ToStringOptions & { version: '1.1' | '1.2' }): string | undefined {
  try {
    return stringify(value, { ...options, version: options.version })
  } catch {
    return undefined
  }
}

export const yamlDocumentArb = fc.record({ value: valueArb, options: stringifyOptionsArb })

/** Text made of YAML's own tokens and whitespace: reaches the parser's corners faster than random characters. */
const SOUP = [
  'a', 'key', 'scalping', 'threshold', '1', '0', '.5', '1e3', '.nan', '~', 'yes', ':', ': ', ' ', '  ', '\n', '\r\n', '\r', '\t', '- ', '-', '? ',
  '[', ']', '{', '}', ',', '"', "'", '"x"', "'x'", '#', ' # c', '&a ', '*a', '!!str ', '!!map ', '!x ', '|', '>', '|-', '>+2', '---', '...',
  '--- ', '<<: ', '%YAML 1.1\n', '%TAG ! tag:x:\n', '\uFEFF', '\u2028', '\x85', '\0', '\\', '@', '`', '%', '__proto__',
]
export const tokenSoupArb: fc.Arbitrary<string> = fc.array(fc.constantFrom(...SOUP), { maxLength: 60 }).map((parts) => parts.join(''))

// ---------- (a') config-shaped documents with random values at the sizing paths ----------

/** YAML scalars as written in configs: plausible numbers, PyYAML's YAML 1.1 oddities, and garbage. */
const RAW_SPECIALS = [
  '.nan', '.NaN', '.inf', '-.Inf', '~', 'null', '', 'yes', 'no', 'on', 'off', 'true', '1_000', '0x1F', '0b101', '010', '09', '1:30',
  '1e3', '1.0e+3', '1.0e+308', '1.0e+400', '1.0e-400', '5.0e-324', '1000000000000000000000000000000', '-0', '+1', '0.', '.5', '0', '0.0',
  '-1', '"12"', "'12'", '"1e308"', '!!float 1', '!!int "1"', '!!str 1', '!!float .nan', '[]', '{}', '[1, 2]', '{a: 1}', '"\\e[2J"',
  '"a\\nb"', 'NaN', 'Infinity', 'undefined', '12 # comment', '*nope',
]
const plausibleArb = fc.oneof(
  fc.integer({ min: 0, max: 5000 }).map(String),
  fc.integer({ min: 0, max: 500000 }).map((n) => (n / 100).toFixed(1)),
  fc.double({ min: 0, max: 1e6, noNaN: true }).map(String),
)
export const rawScalarArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: plausibleArb },
  { weight: 3, arbitrary: fc.constantFrom(...RAW_SPECIALS) },
  { weight: 1, arbitrary: fc.double().map(String) },
  { weight: 1, arbitrary: fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }).map(String) },
  { weight: 1, arbitrary: fc.string({ maxLength: 10 }).map((s) => JSON.stringify(s)) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 10 }) },
)

const PROFILE_NAMES = ['micro', 'small', 'medium', 'large', '__proto__', 'constructor', 'prototype', 'x', '0', '1.5', 'true', 'null', '"a b"', "'q'", 'micro']
const SYMBOLS = ['BTC-USDT', 'ETH-USDT', 'SOL-USDT', '__proto__', 'constructor', 'btc', '"A-B"', 'BTC-USDT']
const PROFILE_FIELDS = [
  'threshold', 'min_balance', 'max_balance', 'size_at_min', 'size_at_max', 'progressive', 'base_position_usd', 'max_position_percent',
  'min_position_usd', 'max_position_usd', 'max_open_positions',
]
const REGIMES = ['trending', 'ranging', 'choppy', '__proto__', 'other']

const fieldsArb = fc.array(fc.tuple(fc.constantFrom(...PROFILE_FIELDS), fc.oneof(rawScalarArb, fc.constantFrom('true', 'false', 'true'))), { maxLength: 9 })

/** A ladder that is nearly right (ascending thresholds, min_balance at the previous threshold) with small perturbations. */
const ladderArb = fc
  .record({
    steps: fc.array(fc.record({ width: fc.integer({ min: 0, max: 3000 }), rise: fc.integer({ min: -50, max: 200 }), jitter: fc.integer({ min: -20, max: 20 }) }), { minLength: 1, maxLength: 5 }),
    mode: fc.constantFrom('progressive', 'fixed', 'percent'),
    maxBalance: fc.boolean(),
    // USD limits per profile for size-cap: a cap and a floor around the ladder's sizes, or none.
    limits: fc.option(fc.tuple(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 100 }))),
  })
  .map(({ steps, mode, maxBalance, limits }) => {
    let lo = 100
    let size = 30
    return steps.map((s, i) => {
      const hi = lo + s.width
      const next = size + s.rise
      const f: [string, string][] = [['threshold', `${hi}.0`]]
      if (mode === 'progressive') {
        f.push(['min_balance', `${lo + (i % 2 === 0 ? 0 : s.jitter)}.0`], ['size_at_min', `${size}.0`], ['size_at_max', `${next}.0`], ['progressive', 'true'])
        if (maxBalance) f.push(['max_balance', `${hi - s.jitter}.0`])
      } else if (mode === 'fixed') f.push(['base_position_usd', `${next}.0`])
      else f.push(['max_position_percent', `${Math.max(s.rise, 1) / 10}`])
      if (limits) f.push(['max_position_usd', `${limits[0] + i * 50}.0`], ['min_position_usd', `${limits[1]}.0`])
      lo = hi
      size = next
      return f
    })
  })

const symbolProfileArb = fc.record({
  symbol: fc.constantFrom(...SYMBOLS),
  multiplier: fc.option(rawScalarArb),
  overrides: fc.array(fc.tuple(fc.constantFrom(...REGIMES), rawScalarArb), { maxLength: 3 }),
})

export const configDocumentArb = fc
  .record({
    symbols: fc.subarray(SYMBOLS),
    leverage: fc.option(rawScalarArb),
    profiles: fc.oneof(ladderArb, fc.array(fieldsArb, { maxLength: 5 })),
    names: fc.shuffledSubarray(PROFILE_NAMES, { minLength: 5, maxLength: 5 }),
    flow: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
    symbolProfiles: fc.array(symbolProfileArb, { maxLength: 4 }),
    tolerance: fc.option(rawScalarArb),
    limiter: fc.option(fc.tuple(rawScalarArb, rawScalarArb)),
    directive: fc.constantFrom('', '# lint-config-disable-next-line stale-override', '# lint-config-disable', '# lint-config-disable __proto__'),
  })
  .map((c) => {
    const lines = ['scalping:', `  symbols: [${c.symbols.map((s) => JSON.stringify(s)).join(', ')}]`]
    if (c.leverage !== null) lines.push(`  leverage: ${c.leverage}`)
    lines.push('  balance_profiles:')
    c.profiles.forEach((fields, i) => {
      const name = c.names[i % c.names.length]!
      if (c.flow[i]) lines.push(`    ${name}: { ${fields.map(([k, v]) => `${k}: ${v}`).join(', ')} }`)
      else lines.push(`    ${name}:`, ...fields.map(([k, v]) => `      ${k}: ${v}`))
    })
    if (c.symbolProfiles.length > 0) {
      lines.push('  adaptive_regime:', '    symbol_profiles:')
      for (const sp of c.symbolProfiles) {
        lines.push(`      ${sp.symbol}:`)
        if (sp.multiplier !== null) lines.push(`        position_multiplier: ${sp.multiplier}`)
        for (const [regime, value] of sp.overrides) {
          lines.push(`        ${regime}:`, '          position:')
          if (c.directive !== '') lines.push(`            ${c.directive}`)
          lines.push(`            base_position_usd: ${value}`)
        }
      }
    }
    if (c.tolerance !== null) lines.push('risk:', '  base:', `    position_override_tolerance_percent: ${c.tolerance}`)
    if (c.limiter !== null) lines.push('futures_modules:', '  max_size_limiter:', `    max_single_size_usd: ${c.limiter[0]}`, `    max_total_size_usd: ${c.limiter[1]}`)
    return `${lines.join('\n')}\n`
  })

// ---------- (b) mutations of real files ----------

export type TextMutation =
  | { op: 'deleteLine'; at: number }
  | { op: 'duplicateLine'; at: number }
  | { op: 'indent'; at: number; by: -2 | -1 | 1 | 2 | 'tab' }
  | { op: 'swapNumber'; at: number; to: string }
  | { op: 'insert'; at: number; text: string }
  | { op: 'truncate'; at: number }
export type ByteMutation = { op: 'flipBit'; at: number; bit: number } | { op: 'setByte'; at: number; to: number }

/** Positions are fractions of the current length (or line count), so a mutation applies to any file. */
const fraction = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true })
const SWAPS = ['0', '-1', '1e308', '1.0e+308', '.nan', '"12"', '100000000000000000000000000000', '5.0e-324', '-.inf', '0.0', '1_000', '0x10', '~', 'true', '[]', '{}', '1.0e+400']
const INSERTS = ['\t', '\r', '\n', '\0', '\uFEFF', '\u2028', '\x85', '"', "'", ':', ': ', '#', ' #', '&a ', '*a', '!', '- ', '? ', '[', ']', '{', '}', ',', '|', '>', '%', '@', '`', '---\n', '...\n', ' ', '  ', '<<: *a', '\\']

const textMutationArb: fc.Arbitrary<TextMutation> = fc.oneof(
  fc.record({ op: fc.constant('deleteLine' as const), at: fraction }),
  fc.record({ op: fc.constant('duplicateLine' as const), at: fraction }),
  fc.record({ op: fc.constant('indent' as const), at: fraction, by: fc.constantFrom(-2 as const, -1 as const, 1 as const, 2 as const, 'tab' as const) }),
  fc.record({ op: fc.constant('swapNumber' as const), at: fraction, to: fc.oneof(fc.constantFrom(...SWAPS), rawScalarArb) }),
  fc.record({
    op: fc.constant('insert' as const),
    at: fraction,
    text: fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...INSERTS) },
      { weight: 2, arbitrary: fc.string({ maxLength: 3 }) },
      // Deep nesting, around the depth limit and far past it.
      fc.tuple(fc.constantFrom('[', '{a: ', '- ', '[{x: '), fc.integer({ min: 1, max: 1200 })).map(([open, n]) => open.repeat(n)),
    ),
  }),
  fc.record({ op: fc.constant('truncate' as const), at: fraction }),
)
const byteMutationArb: fc.Arbitrary<ByteMutation> = fc.oneof(
  fc.record({ op: fc.constant('flipBit' as const), at: fraction, bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ op: fc.constant('setByte' as const), at: fraction, to: fc.constantFrom(0x00, 0x09, 0x0a, 0x0d, 0x20, 0x22, 0x23, 0x3a, 0x5b, 0x7b, 0x80, 0xc0, 0xc3, 0xed, 0xef, 0xfe, 0xff) }),
)
export const mutationsArb = fc.record({
  text: fc.array(textMutationArb, { minLength: 1, maxLength: 5 }),
  bytes: fc.array(byteMutationArb, { maxLength: 2 }),
})

const NUMBER = /-?(?<![\w.])\d[\d_]*(?:\.\d*)?(?:[eE][-+]?\d+)?(?![\w.])/g

export function applyTextMutation(text: string, m: TextMutation): string {
  const lines = text.split('\n')
  const line = Math.floor(m.at * lines.length)
  switch (m.op) {
    case 'deleteLine':
      lines.splice(line, 1)
      return lines.join('\n')
    case 'duplicateLine':
      lines.splice(line, 0, lines[line] ?? '')
      return lines.join('\n')
    case 'indent': {
      const l = lines[line] ?? ''
      if (m.by === 'tab') lines[line] = `\t${l}`
      else if (m.by > 0) lines[line] = `${' '.repeat(m.by)}${l}`
      else lines[line] = l.replace(new RegExp(`^ {1,${-m.by}}`), '')
      return lines.join('\n')
    }
    case 'swapNumber': {
      const numbers = [...text.matchAll(NUMBER)]
      if (numbers.length === 0) return text
      const n = numbers[Math.floor(m.at * numbers.length)]!
      return text.slice(0, n.index) + m.to + text.slice(n.index + n[0].length)
    }
    case 'insert': {
      const at = Math.floor(m.at * (text.length + 1))
      return text.slice(0, at) + m.text + text.slice(at)
    }
    case 'truncate':
      return text.slice(0, Math.floor(m.at * text.length))
  }
}

export function applyByteMutation(bytes: Buffer, m: ByteMutation): Buffer {
  if (bytes.length === 0) return bytes
  const out = Buffer.from(bytes)
  const at = Math.floor(m.at * out.length)
  out[at] = m.op === 'flipBit' ? out[at]! ^ (1 << m.bit) : m.to
  return out
}

export function mutate(source: string, mutations: { text: TextMutation[]; bytes: ByteMutation[] }): { text: string; bytes: Buffer } {
  const text = mutations.text.reduce(applyTextMutation, source)
  const bytes = mutations.bytes.reduce(applyByteMutation, Buffer.from(text, 'utf8'))
  return { text, bytes }
}

// ---------- the checks ----------

export class InvariantError extends Error {
  constructor(problems: string[]) {
    super(problems.join('\n'))
    this.name = 'InvariantError'
  }
}

/** Findings sorted by offset, and a fatal finding means nothing but yaml-syntax (and directive reports) ran. */
function structureProblems(result: FileResult): string[] {
  const out: string[] = []
  const f = result.findings
  for (let i = 1; i < f.length; i++) if (f[i]!.range.start.offset < f[i - 1]!.range.start.offset) out.push('findings are not sorted by offset')
  if (f.some((x) => x.fatal) && f.some((x) => x.ruleId !== 'yaml-syntax' && x.ruleId !== 'unused-disable-directive')) {
    out.push(`a fatal finding, yet other rules ran: ${f.map((x) => x.ruleId).join(', ')}`)
  }
  return out
}

/** Lints text (or bytes) and throws an InvariantError listing every broken invariant. lintText throwing fails too. */
export function checkLint(input: string | Uint8Array, settings: LintSettings = defaults): FileResult {
  const result = typeof input === 'string' ? lintText(input, settings) : lintBytes(input, settings)
  const problems = [...resultProblems(result, input), ...structureProblems(result)]
  if (problems.length > 0) throw new InvariantError(problems)
  return result
}

const summary = (r: FileResult): string => JSON.stringify(r.findings.map((f) => [f.ruleId, f.messageId, f.message, f.range, f.fix ?? null]))

/** The text linted as a string and as its UTF-8 bytes gives the same findings (when it survives the round trip). */
export function checkTextAndBytesAgree(text: string, settings: LintSettings = defaults): void {
  const asText = checkLint(text, settings)
  const bytes = Buffer.from(text, 'utf8')
  if (bytes.toString('utf8') !== text) return
  const asBytes = checkLint(bytes, settings)
  if (summary(asText) !== summary(asBytes)) throw new InvariantError([`lintText and lintBytes disagree:\n${summary(asText)}\n${summary(asBytes)}`])
}

/** Linting twice gives the same findings (interpolation-properties is seeded). */
export function checkDeterministic(text: string, settings: LintSettings): void {
  const first = checkLint(text, settings)
  const second = lintText(text, settings)
  if (summary(first) !== summary(second)) throw new InvariantError(['two lints of the same text disagree'])
}

let cliCwd: string | undefined
/** An empty working directory, so no settings file applies. */
function emptyCwd(): string {
  cliCwd ??= mkdtempSync(path.join(tmpdir(), 'lint-config-fuzz-'))
  return cliCwd
}

/** Removes the CLI property's working directory. */
export function cleanup(): void {
  if (cliCwd !== undefined) rmSync(cliCwd, { recursive: true, force: true })
  cliCwd = undefined
}

interface JsonResult {
  filePath: string
  messages: { ruleId: string; severity: number; message: string; line: number; column: number; endLine: number; endColumn: number }[]
  suppressedMessages?: unknown[]
  errorCount: number
  warningCount: number
  notes?: string[]
}

/**
 * The CLI on stdin: exit 0 or 1 (content never makes it 2), JSON and SARIF that parse and agree, and nothing on stderr
 * but the no-balance note line (there is no settings file, so no reference balance), exactly when the json result
 * carries that note and the SARIF log its notification.
 */
export async function checkCli(bytes: Uint8Array): Promise<void> {
  const stdin = Buffer.from(bytes)
  const latin1 = stdin.toString('latin1')
  const json = await runCli(['--format', 'json', '-'], { cwd: emptyCwd(), stdin })
  const problems = runProblems(json, latin1)
  if (json.exitCode === 2 || (json.stderr !== '' && json.stderr !== NO_BALANCE_LINE)) problems.push(`content gave exit ${json.exitCode}: ${json.stderr}`)
  const noted = json.stderr === NO_BALANCE_LINE
  let results: JsonResult[] = []
  try {
    results = JSON.parse(json.stdout) as JsonResult[]
  } catch (error) {
    problems.push(`--format json does not parse: ${String(error)}`)
  }
  if (results.length !== 1) problems.push(`--format json has ${results.length} results`)
  for (const r of results) {
    for (const m of r.messages) {
      if (!(m.line >= 1 && m.column >= 1 && m.endLine >= m.line)) problems.push(`json position ${m.line}:${m.column}-${m.endLine}:${m.endColumn}`)
      if (typeof m.message !== 'string' || typeof m.ruleId !== 'string') problems.push('json message without text or ruleId')
    }
    if ((json.exitCode === 1) !== r.errorCount > 0) problems.push(`exit ${json.exitCode} with ${r.errorCount} errors`)
    if (!isDeepStrictEqual(r.notes, noted ? [NO_BALANCE_NOTE] : undefined)) problems.push(`json notes ${JSON.stringify(r.notes)}, stderr ${json.stderr}`)
  }
  const sarif = await runCli(['--format', 'sarif', '-'], { cwd: emptyCwd(), stdin })
  problems.push(...runProblems(sarif, latin1))
  if (sarif.exitCode !== json.exitCode) problems.push(`sarif run exit ${sarif.exitCode}, json run exit ${json.exitCode}`)
  if (sarif.stderr !== json.stderr) problems.push(`sarif run stderr ${sarif.stderr}, json run stderr ${json.stderr}`)
  try {
    const log = JSON.parse(sarif.stdout) as { version?: string; runs?: { results?: unknown[]; invocations?: unknown }[] }
    const invocations = noted ? [{ executionSuccessful: true, toolExecutionNotifications: [{ level: 'note', message: { text: NO_BALANCE_NOTE } }] }] : undefined
    if (!isDeepStrictEqual(log.runs?.[0]?.invocations, invocations)) problems.push(`sarif invocations ${JSON.stringify(log.runs?.[0]?.invocations)}`)
    // SARIF keeps suppressed results (with their suppressions); ESLint's JSON lists them apart.
    const count = results[0] ? results[0].messages.length + (results[0].suppressedMessages?.length ?? 0) : undefined
    if (log.version !== '2.1.0' || !Array.isArray(log.runs?.[0]?.results)) problems.push('--format sarif is not a SARIF 2.1.0 log')
    else if (count !== undefined && log.runs[0]!.results!.length !== count) problems.push(`sarif has ${log.runs[0]!.results!.length} results, json ${count}`)
  } catch (error) {
    problems.push(`--format sarif does not parse: ${String(error)}`)
  }
  if (problems.length > 0) throw new InvariantError(problems)
}

// ---------- the properties ----------

export interface FuzzProperty {
  name: string
  /** Share of a run budget: runs = max(1, round(budget * weight)). */
  weight: number
  property: fc.IRawProperty<any, boolean>
}

export function buildProperties(sources: Sources): FuzzProperty[] {
  const fixtureArb = fc.constantFrom(...sources.fixtures)
  const props: FuzzProperty[] = [
    {
      name: 'random bytes',
      weight: 1,
      property: fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => void checkLint(bytes)),
    },
    {
      name: 'random text and YAML token soup',
      weight: 2,
      property: fc.property(
        fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 100 }), fc.string({ unit: 'grapheme-ascii', maxLength: 300 }), tokenSoupArb),
        (text) => void checkLint(text),
      ),
    },
    {
      name: 'random YAML documents (JS values, yaml.stringify)',
      weight: 2,
      property: fc.property(yamlDocumentArb, settingsArb, ({ value, options }, settings) => {
        const text = toYaml(value, options)
        if (text !== undefined) checkTextAndBytesAgree(text, settings)
      }),
    },
    {
      name: 'config-shaped documents with random sizing values',
      weight: 3,
      property: fc.property(configDocumentArb, settingsArb, (text, settings) => {
        checkTextAndBytesAgree(text, settings)
        checkDeterministic(text, settings)
      }),
    },
    {
      name: 'mutated fixtures',
      weight: 3,
      property: fc.property(fixtureArb, mutationsArb, settingsArb, (file, mutations, settings) => {
        const { text, bytes } = mutate(file.text, mutations)
        checkTextAndBytesAgree(text, settings)
        checkLint(bytes, settings)
      }),
    },
    {
      name: 'CLI on mutated fixtures and config-shaped documents (json and sarif)',
      weight: 0.3,
      property: fc.asyncProperty(fc.oneof(fc.tuple(fixtureArb, mutationsArb).map(([f, m]) => mutate(f.text, m).bytes), configDocumentArb.map((t) => Buffer.from(t))), (bytes) => checkCli(bytes)),
    },
  ]
  if (sources.corpus.length > 0) {
    props.push({
      name: CORPUS_PROPERTY,
      weight: 0.5,
      property: fc.property(fc.constantFrom(...sources.corpus), mutationsArb, (file, mutations) => {
        const { text, bytes } = mutate(file.text, mutations)
        checkLint(text)
        checkLint(bytes)
      }),
    })
  }
  return props
}
