// TIMING=1 as ESLint has it: each rule's time over the run, the slowest first, printed after the report (on stderr).
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { timed, timingLimit, timingTable } from '../../src/engine/timing.js'
import { rules } from '../../src/rules/index.js'
import { runCli } from '../helpers/run-cli.js'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

describe('timingLimit', () => {
  it('reads TIMING as ESLint does: unset or empty is off, all is every rule, a count is that many, anything else ten', () => {
    expect(timingLimit({})).toBeUndefined()
    expect(timingLimit({ TIMING: '' })).toBeUndefined()
    expect(timingLimit({ TIMING: 'all' })).toBe(Infinity)
    expect(timingLimit({ TIMING: '3' })).toBe(3)
    expect(timingLimit({ TIMING: '1' })).toBe(1)
    expect(timingLimit({ TIMING: 'yes' })).toBe(10)
    expect(timingLimit({ TIMING: '0' })).toBe(10)
    expect(timingLimit({ TIMING: '2.5' })).toBe(10)
  })
})

describe('timingTable', () => {
  it('lists the slowest first, with the share of the total, aligned as ESLint aligns it', () => {
    const times = new Map([
      ['schema', 2],
      ['profile-monotonicity', 6],
      ['no-trade', 2],
    ])
    expect(timingTable(times, 10)).toBe(`Rule                 | Time (ms) | Relative
:--------------------|----------:|--------:
profile-monotonicity |     6.000 |    60.0%
no-trade             |     2.000 |    20.0%
schema               |     2.000 |    20.0%
`)
    expect(timingTable(times, 1).split('\n')).toHaveLength(4)
  })

  it('timed adds to the rule\'s total and returns the work\'s value, also when the work throws', () => {
    const times = new Map<string, number>()
    expect(timed(times, 'a', () => 7)).toBe(7)
    expect(() => timed(times, 'a', () => { throw new Error('boom') })).toThrow('boom')
    expect(times.get('a')).toBeGreaterThanOrEqual(0)
    expect([...times.keys()]).toEqual(['a'])
    expect(timed(undefined, 'b', () => 'x')).toBe('x')
  })
})

describe('TIMING through the CLI', () => {
  it('prints one row per rule that ran to stderr after the report, and leaves stdout as without it', async () => {
    // At a balance, so that stderr holds the table alone (without one, the no-balance note line comes before it).
    const args = ['--format', 'json', '--balance', '1018', 'fixtures/example/config_futures.yaml']
    const plain = await runCli(args, { cwd: repo })
    const timedRun = await runCli(args, { cwd: repo, env: { TIMING: 'all' } })
    expect(timedRun.exitCode).toBe(plain.exitCode)
    expect(JSON.parse(timedRun.stdout)).toEqual(JSON.parse(plain.stdout))
    expect(plain.stderr).toBe('')
    const lines = timedRun.stderr.trimEnd().split('\n')
    expect(lines.slice(0, 2)).toEqual([expect.stringMatching(/^Rule +\| Time \(ms\) \| Relative$/), expect.stringMatching(/^:-+\|-+:\|-+:$/)])
    const ran = Object.entries(rules).filter(([, r]) => r.meta.defaultSeverity !== 'off').map(([id]) => id)
    const listed = lines.slice(2).map((l) => l.split(' ')[0])
    // yaml-syntax runs in the parse, not as a rule; unused-disable-directive runs after the rules.
    expect([...listed].sort()).toEqual(ran.filter((id) => id !== 'yaml-syntax' && id !== 'unused-disable-directive').sort())
    for (const l of lines.slice(2)) expect(l).toMatch(/^[a-z-]+ +\| +\d+\.\d{3} \| +\d+\.\d%$/)
    const three = await runCli(args, { cwd: repo, env: { TIMING: '3' } })
    expect(three.stderr.trimEnd().split('\n')).toHaveLength(5)
  })
})
