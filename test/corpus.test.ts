// Smoke test over the 112 real versions in ../shared/corpus (skipped when absent): no crash, valid JSON, every duplicate key, a byte-keeping --fix.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { parsePointer } from '../src/engine/locate.js'
import { rules } from '../src/rules/index.js'
import { defaultSettings } from '../src/settings/normalize.js'
import { fixProblems, withGap } from './helpers/fix-invariants.js'
import { runCli } from './helpers/run-cli.js'
import { skipAllUnless } from './helpers/skip.js'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const corpusDir = path.resolve(repo, '../shared/corpus')
const present = existsSync(path.join(corpusDir, 'index.csv'))

interface CorpusEntry {
  file: string
  lines: number
  /** `dotted.path@line(first@line)` as the corpus index lists them. */
  duplicates: string[]
}

function readIndex(): CorpusEntry[] {
  const [header, ...rows] = readFileSync(path.join(corpusDir, 'index.csv'), 'utf8').trim().split('\n')
  const columns = header!.split(',')
  return rows.map((row) => {
    const cells = row.split(',')
    const get = (name: string): string => cells[columns.indexOf(name)] ?? ''
    return { file: get('file'), lines: Number(get('lines')), duplicates: get('duplicate_keys') ? get('duplicate_keys').split(';') : [] }
  })
}

interface JsonMessage {
  ruleId: string
  messageId: string
  message: string
  line: number
  column: number
  endLine: number
  endColumn: number
  path: string
}

/** Rule ids in the order of the printed table. */
const COLUMNS = ['yaml-syntax', 'schema', 'profile-continuity', 'profile-monotonicity', 'stale-override', 'size-cap', 'symbol-coverage', 'ladder-alignment', 'interpolation-properties']

describe('corpus smoke test (at a $1,018 reference balance)', () => {
  skipAllUnless(present, '../shared/corpus/index.csv is absent (the corpus and its index are read from beside the checkout, never copied)')
  const entries = present ? readIndex() : []
  const counts = new Map<string, Record<string, number>>()

  // The per-version table of findings per rule, for the project notes.
  afterAll(() => {
    if (counts.size === 0) return
    const short = (id: string): string => id.replace('interpolation-properties', 'interp-props').replace('profile-', '')
    const header = ['version', ...COLUMNS.map(short)]
    const rows = entries.filter((e) => counts.has(e.file)).map((e) => [path.basename(e.file, '.yaml'), ...COLUMNS.map((c) => String(counts.get(e.file)![c] ?? 0))])
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
    const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')
    console.log(['findings per rule over the corpus:', line(header), ...rows.map(line)].join('\n'))
  })

  it('has all 112 versions', () => {
    expect(entries).toHaveLength(112)
  })

  it.each(entries.map((e) => [e.file, e] as const))('%s', async (_name, entry) => {
    const file = path.join(corpusDir, entry.file)
    const run = await runCli(['--format', 'json', '--balance', '1018', file], { cwd: repo })
    expect(run.stderr).toBe('')
    expect([0, 1]).toContain(run.exitCode)
    const [result] = JSON.parse(run.stdout) as [{ filePath: string; messages: JsonMessage[] }]
    expect(result.filePath).toBe(file)
    const perRule: Record<string, number> = {}
    for (const m of result.messages) perRule[m.ruleId] = (perRule[m.ruleId] ?? 0) + 1
    counts.set(entry.file, perRule)
    for (const m of result.messages) {
      expect(m.line).toBeGreaterThanOrEqual(1)
      expect(m.line).toBeLessThanOrEqual(entry.lines + 1)
      expect(m.endLine).toBeGreaterThanOrEqual(m.line)
      expect(m.message).not.toMatch(/undefined|NaN|Infinity|\{\{/)
      expect(m.message).not.toMatch(/must match "(then|else)" schema|must match exactly one schema in oneOf/)
    }
    // Every duplicate key at the right line: exactly the index's list, which names each occurrence's predecessor.
    const previous = new Map<string, number>()
    const duplicates = result.messages
      .filter((m) => m.messageId === 'duplicateKey' || m.messageId === 'duplicateKeyOverridden')
      .map((m) => {
        const dotted = parsePointer(m.path).join('.')
        const first = Number(/first defined at line (\d+)/.exec(m.message)?.[1])
        // The same pointer can name two mappings (one replaced by a later duplicate): key by the first line too.
        const before = previous.get(`${dotted}|${first}`) ?? first
        previous.set(`${dotted}|${first}`, m.line)
        return `${dotted}@${m.line}(first@${before})`
      })
    expect(duplicates.sort()).toEqual([...entry.duplicates].sort())
  })
})

describe('--fix over every real version (at a $1,018 reference balance)', () => {
  skipAllUnless(present, '../shared/corpus/index.csv is absent (the corpus and its index are read from beside the checkout, never copied)')
  const entries = present ? readIndex() : []
  // Only the rules that fix run: the others add no edit, so the fixed text is the same, in a fraction of the time.
  const settings = defaultSettings(rules)
  for (const [id, rule] of Object.entries(rules)) if (!rule.meta.fixable && id !== 'yaml-syntax') settings.rules[id] = { severity: 'off', options: {} }
  settings.shared.balances = [1018]
  let gaps = 0

  afterAll(() => {
    if (entries.length > 0) console.log(`--fix over the corpus: ${entries.length} versions as they are, ${gaps} with a $1 gap injected before their second profile`)
  })

  it.each(entries.map((e) => [e.file] as const))('%s: as it is and with a gap, the data outside the fixed paths and every comment survive', (file) => {
    const source = readFileSync(path.join(corpusDir, file), 'utf8')
    const plain = fixProblems(source, settings)
    expect(plain.problems).toEqual([])
    // No real version has a fixable finding: the fix loop leaves each one as it is.
    expect(plain.output).toBeUndefined()
    const gap = withGap(source)
    if (!gap) return
    gaps++
    const fixed = fixProblems(gap.text, settings)
    expect(fixed.problems).toEqual([])
    expect(fixed.fixed).toContain(gap.path)
  })
})

