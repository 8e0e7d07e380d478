// Throw-away working directories for CLI tests: files written into a fresh folder under os.tmpdir(), removed after the file's tests.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll } from 'vitest'

/**
 * Returns a `workspace(files)` function for one test file: each call makes a new folder (named with `prefix`) holding
 * `files` (relative path -> text), and every folder it made is removed after the file's tests.
 */
export function workspaces(prefix: string): (files: Record<string, string>) => string {
  const made: string[] = []
  afterAll(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true })
  })
  return (files) => {
    const dir = mkdtempSync(path.join(tmpdir(), prefix))
    made.push(dir)
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true })
      writeFileSync(path.join(dir, name), text)
    }
    return dir
  }
}
