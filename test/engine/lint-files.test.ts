// lintFiles as a library: targets and settings in, results out, with no argv, no formatter and nothing printed.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { lintFiles, UsageError } from '../../src/index.js'
import { sizingTable } from '../../src/model/sizing-table.js'
import type { FileResult } from '../../src/types.js'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const fixture = (name: string): string => path.join(repo, 'fixtures', name)
const temps: string[] = []
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true })
})
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'lint-config-lint-files-'))
  temps.push(dir)
  return dir
}

const brief = (results: FileResult[]) =>
  results.map((r) => [r.filePath, r.errorCount, r.warningCount, r.findings.map((f) => `${f.ruleId} ${f.range.start.line}:${f.range.start.column}`)])

describe('lintFiles', () => {
  it('lints files with settings overrides (balances, --rule) and returns one result per file, in order', async () => {
    const results = await lintFiles([fixture('invalid/stale-override.yaml'), fixture('valid/fixed-ladder.yaml')], { cwd: repo, balances: [1018] })
    expect(brief(results)).toEqual([
      [fixture('invalid/stale-override.yaml'), 1, 0, ['stale-override 15:32']],
      [fixture('valid/fixed-ladder.yaml'), 0, 0, []],
    ])
    const warned = await lintFiles(['fixtures/invalid/stale-override.yaml'], { cwd: repo, balances: [1018], rules: ['stale-override:warn'] })
    expect(brief(warned)).toEqual([[fixture('invalid/stale-override.yaml'), 0, 1, ['stale-override 15:32']]])
  })

  it('reads "-" from the stdin source, named by its filename', async () => {
    const text = readFileSync(fixture('invalid/stale-override.yaml'))
    const results = await lintFiles(['-'], { cwd: repo, balances: [1018], stdin: { read: async () => text, filename: 'config/config_futures.yaml' } })
    expect(brief(results)).toEqual([[path.join(repo, 'config/config_futures.yaml'), 1, 0, ['stale-override 15:32']]])
    const unnamed = await lintFiles(['-'], { cwd: repo, stdin: { read: async () => Buffer.from('a: [') } })
    expect(brief(unnamed)).toEqual([['<stdin>', 1, 0, ['yaml-syntax 1:5']]])
  })

  it('fixes: dry run fills output and writes nothing; fix writes the file', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'config_futures.yaml')
    copyFileSync(fixture('invalid/gap-between-profiles.yaml'), file)
    const before = readFileSync(file, 'utf8')
    const [dry] = await lintFiles([file], { cwd: dir, fixDryRun: true })
    expect(dry!.output).toBe(readFileSync(path.join(repo, 'test/scenarios/fix-gap/expected/config_futures.yaml'), 'utf8'))
    expect(readFileSync(file, 'utf8')).toBe(before)
    await lintFiles([file], { cwd: dir, fix: true })
    expect(readFileSync(file, 'utf8')).toBe(dry!.output)
  })

  it('refuses an output file that is one of the linted files, before reading anything', async () => {
    const dir = tempDir()
    writeFileSync(path.join(dir, 'config_futures.yaml'), 'a: 1\n')
    await expect(lintFiles([dir], { cwd: dir, outputFiles: ['config_futures.yaml'] })).rejects.toThrow(
      new UsageError('refusing to write the report over the linted file "config_futures.yaml"'),
    )
  })

  it('attaches sizing tables only when asked and the settings name a balance', async () => {
    const tables = (data: unknown, settings: { shared: { balances: number[] } }) =>
      settings.shared.balances.map((b) => sizingTable(data, b)).filter((t) => t !== undefined)
    const [withTables] = await lintFiles([fixture('invalid/stale-override.yaml')], { cwd: repo, balances: [1018, 3000], sizingTables: tables })
    expect(withTables!.sizingTables!.map((t) => `${t.balance.toFraction()} ${t.profile.name}`)).toEqual(['1018 small', '3000 large'])
    const [without] = await lintFiles([fixture('invalid/stale-override.yaml')], { cwd: repo, sizingTables: tables })
    expect(without!.sizingTables).toBeUndefined()
  })
})
