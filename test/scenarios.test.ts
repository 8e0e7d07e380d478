// Golden end-to-end CLI runs: each folder under test/scenarios/ is one run of main() in-process.
//
// A scenario folder holds:
//   scenario.json   {"args": [...], "exitCode": n, "env"?: {...}, "tty"?: bool, "description": "..."}
//   files/          copied into a fresh temporary directory, which is the run's working directory
//   ("copy" in scenario.json maps more paths in that directory to files of the repository, e.g. fixtures)
//   stdin           (optional) bytes fed to standard input
//   stdout, stderr  the exact expected output; "<cwd>" stands for the temporary directory
//   expected/       (optional) files that must exist in the working directory afterwards, byte for byte
// Set UPDATE_GOLDEN=1 to rewrite stdout/stderr from the current behaviour (then read the diff!).
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli } from './helpers/run-cli.js'

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), 'scenarios')
const repo = path.resolve(root, '../..')
const update = process.env.UPDATE_GOLDEN === '1'
const temps: string[] = []

interface Scenario {
  description: string
  args: string[]
  exitCode: number
  env?: Record<string, string>
  tty?: boolean
  copy?: Record<string, string>
}

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
  )
}

describe('CLI scenarios', () => {
  afterAll(() => {
    for (const dir of temps) rmSync(dir, { recursive: true, force: true })
  })

  for (const name of readdirSync(root).sort()) {
    const dir = path.join(root, name)
    const scenario = JSON.parse(readFileSync(path.join(dir, 'scenario.json'), 'utf8')) as Scenario
    it(`${name}: ${scenario.description}`, async () => {
      const cwd = mkdtempSync(path.join(tmpdir(), 'lint-config-scenario-'))
      temps.push(cwd)
      if (existsSync(path.join(dir, 'files'))) cpSync(path.join(dir, 'files'), cwd, { recursive: true })
      for (const [to, from] of Object.entries(scenario.copy ?? {})) {
        mkdirSync(path.dirname(path.join(cwd, to)), { recursive: true })
        cpSync(path.join(repo, from), path.join(cwd, to))
      }
      const stdinFile = path.join(dir, 'stdin')
      const run = await runCli(scenario.args, {
        cwd,
        env: scenario.env,
        tty: scenario.tty,
        stdin: existsSync(stdinFile) ? readFileSync(stdinFile) : undefined,
      })
      const normalise = (text: string): string => text.split(cwd).join('<cwd>')
      const stdout = normalise(run.stdout)
      const stderr = normalise(run.stderr)
      if (update) {
        writeFileSync(path.join(dir, 'stdout'), stdout)
        writeFileSync(path.join(dir, 'stderr'), stderr)
      }
      expect({ exitCode: run.exitCode, stderr }).toEqual({ exitCode: scenario.exitCode, stderr: readFileSync(path.join(dir, 'stderr'), 'utf8') })
      expect(stdout).toBe(readFileSync(path.join(dir, 'stdout'), 'utf8'))
      const expectedDir = path.join(dir, 'expected')
      if (existsSync(expectedDir)) {
        for (const file of listFiles(expectedDir)) {
          const actual = path.join(cwd, file)
          expect(existsSync(actual), `${file} was not written`).toBe(true)
          expect(normalise(readFileSync(actual, 'utf8'))).toBe(readFileSync(path.join(expectedDir, file), 'utf8'))
        }
      }
    })
  }
})
