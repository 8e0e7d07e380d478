// The built CLI at the file-system edges (issue 17), as root and as "nobody": devices, links, linted files, FIFOs, byte caps, closed stdout.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process'
import { chmodSync, chownSync, linkSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const bin = path.join(repo, 'dist/bin.js')
const GAP = readFileSync(path.join(repo, 'fixtures/invalid/gap-between-profiles.yaml'), 'utf8')
const GAP_FIXED = readFileSync(path.join(repo, 'test/scenarios/fix-gap/expected/config_futures.yaml'), 'utf8')
const CLEAN = readFileSync(path.join(repo, 'fixtures/valid/fixed-ladder.yaml'), 'utf8')
const NOBODY = 65534
const isRoot = process.getuid?.() === 0
const hasMkfifo = spawnSync('mkfifo', ['--version']).status === 0

interface User {
  name: string
  /** Spawn options that run the child as this user. */
  spawn: SpawnSyncOptions
  /** Owner to give the temporary directory's files, so this user may write them. */
  owner?: number
}
const users: User[] = isRoot
  ? [
      { name: 'root', spawn: {} },
      { name: 'nobody', spawn: { uid: NOBODY, gid: NOBODY }, owner: NOBODY },
    ]
  : [{ name: 'an unprivileged user', spawn: {} }]
if (!isRoot) console.log('file-system tests: not running as root, so the root half of each case is not run (the unprivileged half is)')

const temps: string[] = []
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true })
})

/** A temporary directory with `files`; `own` then hands it to the user who runs the case. */
function workspace(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'lint-config-fs-'))
  temps.push(dir)
  chmodSync(dir, 0o755)
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text)
  return dir
}

function own(dir: string, user: User): void {
  if (user.owner === undefined) return
  chownSync(dir, user.owner, user.owner)
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name)
    if (!lstatSync(file).isSymbolicLink()) chownSync(file, user.owner, user.owner)
  }
}

interface Run {
  status: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

/** Runs dist/bin.js as `user` in `cwd`; a hang is killed after 20 s and shows as signal SIGTERM. */
function lint(user: User, cwd: string, args: string[], input?: string): Run {
  const child = spawnSync(process.execPath, [bin, ...args], {
    ...user.spawn,
    cwd,
    input,
    encoding: 'utf8',
    timeout: 20_000,
    env: { ...process.env, NO_COLOR: '1' },
  })
  return { status: child.status, signal: child.signal, stdout: String(child.stdout), stderr: String(child.stderr) }
}

/** Runs a bash command line as `user` in `cwd`; `lint` is the CLI. */
function shell(user: User, cwd: string, script: string): Run {
  const child = spawnSync('bash', ['--norc', '--noprofile', '-c', `lint() { "$NODE" "$BIN" "$@"; }; ${script}`], {
    ...user.spawn,
    cwd,
    encoding: 'utf8',
    timeout: 20_000,
    env: { ...process.env, NO_COLOR: '1', NODE: process.execPath, BIN: bin },
  })
  return { status: child.status, signal: child.signal, stdout: String(child.stdout), stderr: String(child.stderr) }
}

const fail = (line: string): [number, null, string] => [2, null, `lint-config: ${line}\n`]
/**
 * A reference balance for the runs that lint a file and pin stderr: without one, the no-balance note line would be on
 * stderr before anything else (the configs here lint the same at $1,018, and the gap's fix is the same).
 */
const AT = ['--balance', '1018']
const outcome = (run: Run): [number | null, NodeJS.Signals | null, string] => [run.status, run.signal, run.stderr]

for (const user of users) {
  describe(`file-system edges, as ${user.name}`, () => {
    it('item 1: --output writes devices, FIFOs and /dev/stdout straight to, and through a symlink to its target; none is replaced', () => {
      const cwd = workspace({ 'config_futures.yaml': CLEAN, 'real.json': '' })
      symlinkSync('real.json', path.join(cwd, 'link.json'))
      own(cwd, user)
      expect(outcome(lint(user, cwd, ['-f', 'json', '-o', '/dev/null', ...AT, 'config_futures.yaml']))).toEqual([0, null, ''])
      expect(statSync('/dev/null').isCharacterDevice()).toBe(true)

      const stdout = lint(user, cwd, ['-f', 'json', '-o', '/dev/stdout', ...AT, 'config_futures.yaml'])
      expect(outcome(stdout)).toEqual([0, null, ''])
      expect(JSON.parse(stdout.stdout)[0].errorCount).toBe(0)

      expect(outcome(lint(user, cwd, ['-f', 'json', '-o', 'link.json', ...AT, 'config_futures.yaml']))).toEqual([0, null, ''])
      expect(lstatSync(path.join(cwd, 'link.json')).isSymbolicLink()).toBe(true)
      expect(JSON.parse(readFileSync(path.join(cwd, 'real.json'), 'utf8'))[0].errorCount).toBe(0)

      if (!hasMkfifo) return console.log('item 1: mkfifo is missing, so the FIFO half is not run')
      const fifo = shell(user, cwd, 'mkfifo out.fifo && { cat out.fifo > got.json & } && lint -f json -o out.fifo --balance 1018 config_futures.yaml; s=$?; wait; echo "exit $s"')
      expect([fifo.stdout, fifo.stderr, fifo.signal]).toEqual(['exit 0\n', '', null])
      expect(JSON.parse(readFileSync(path.join(cwd, 'got.json'), 'utf8'))[0].errorCount).toBe(0)
      expect(lstatSync(path.join(cwd, 'out.fifo')).isFIFO()).toBe(true)
      expect(outcome(lint(user, cwd, ['-o', 'out.fifo', ...AT, 'config_futures.yaml']))).toEqual(fail('cannot write "out.fifo": it is a FIFO (named pipe) that no process is reading'))
    })

    it('item 2: an output that resolves to a linted file (the stdin filename, a hard link, /dev/stdout redirected to it) is refused', () => {
      const cwd = workspace({ 'config_futures.yaml': GAP })
      linkSync(path.join(cwd, 'config_futures.yaml'), path.join(cwd, 'hard.yaml'))
      own(cwd, user)
      const refused = (name: string) => fail(`refusing to write the report over the linted file "${name}"`)
      expect(outcome(lint(user, cwd, ['--stdin-filename', 'config_futures.yaml', '-o', 'config_futures.yaml', '-'], GAP))).toEqual(refused('config_futures.yaml'))
      expect(outcome(lint(user, cwd, ['--stdin-filename', './config_futures.yaml', '-o', 'hard.yaml', '-'], GAP))).toEqual(refused('hard.yaml'))
      expect(outcome(lint(user, cwd, ['-o', 'hard.yaml', 'config_futures.yaml']))).toEqual(refused('hard.yaml'))
      const redirected = shell(user, cwd, 'lint -f json -o /dev/stdout config_futures.yaml >> hard.yaml')
      expect(outcome(redirected)).toEqual(refused('/dev/stdout'))
      expect(readFileSync(path.join(cwd, 'config_futures.yaml'), 'utf8')).toBe(GAP)
    })

    it('item 3: --fix through a symlink fixes the target and keeps the link, the mode and the owner', () => {
      const cwd = workspace({ 'real.yaml': GAP })
      symlinkSync('real.yaml', path.join(cwd, 'config_futures.yaml'))
      own(cwd, user)
      chmodSync(path.join(cwd, 'real.yaml'), 0o640)
      // As root, the file belongs to someone else: a rename would hand it to root.
      if (isRoot && user.owner === undefined) chownSync(path.join(cwd, 'real.yaml'), 1234, 1234)
      const before = statSync(path.join(cwd, 'real.yaml'))
      expect(outcome(lint(user, cwd, ['--fix', ...AT, 'config_futures.yaml']))).toEqual([0, null, ''])
      expect(lstatSync(path.join(cwd, 'config_futures.yaml')).isSymbolicLink()).toBe(true)
      expect(readFileSync(path.join(cwd, 'real.yaml'), 'utf8')).toBe(GAP_FIXED)
      const after = statSync(path.join(cwd, 'real.yaml'))
      expect([after.mode & 0o7777, after.uid, after.gid]).toEqual([0o640, before.uid, before.gid])
      expect(readdirSync(cwd).sort()).toEqual(['config_futures.yaml', 'real.yaml'])
    })

    it('item 4: FIFOs (target, --config, explain) and devices fail at once; reads stop at --max-bytes, stdin included', () => {
      const cwd = workspace({ 'config_futures.yaml': CLEAN })
      own(cwd, user)
      expect(outcome(lint(user, cwd, ['/dev/zero']))).toEqual(fail('cannot read "/dev/zero": it is a character device, not a regular file'))
      expect(outcome(lint(user, cwd, ['--max-bytes', '100', 'config_futures.yaml']))).toEqual(
        fail('cannot read "config_futures.yaml": it is larger than 100 bytes (--max-bytes 100); raise --max-bytes to read it'),
      )
      const zero = shell(user, cwd, 'lint --max-bytes 1048576 - < /dev/zero')
      expect(outcome(zero)).toEqual(fail('cannot read standard input: it is larger than 1 MiB (--max-bytes 1048576); raise --max-bytes to read it'))
      if (!hasMkfifo) return console.log('item 4: mkfifo is missing, so the FIFO half is not run')
      expect(shell(user, cwd, 'mkfifo p.yaml').status).toBe(0)
      const notRegular = 'it is a FIFO (named pipe), not a regular file'
      expect(outcome(lint(user, cwd, ['p.yaml']))).toEqual(fail(`cannot read "p.yaml": ${notRegular}`))
      expect(outcome(lint(user, cwd, ['-c', 'p.yaml', 'config_futures.yaml']))).toEqual(fail(`cannot read settings "${path.join(cwd, 'p.yaml')}": ${notRegular}`))
      expect(outcome(lint(user, cwd, ['explain', '--balance', '1018', 'p.yaml']))).toEqual(fail(`cannot read "p.yaml": ${notRegular}`))
    })

    it('item 5: a reader that goes away ends output quietly; a full disk is one line and exit 2', () => {
      const cwd = workspace({ 'config_futures.yaml': GAP })
      own(cwd, user)
      for (const format of ['stylish', 'json', 'sarif', 'github', 'junit', 'markdown']) {
        // The reader closes before the CLI writes a byte: every write meets EPIPE.
        const closed = shell(user, cwd, `lint -f ${format} --balance 1018 config_futures.yaml config_futures.yaml | (exec 0<&-; sleep 0.2); echo "exit \${PIPESTATUS[0]}"`)
        expect([format, closed.stdout, closed.stderr]).toEqual([format, 'exit 1\n', ''])
      }
      const full = shell(user, cwd, 'lint --balance 1018 config_futures.yaml > /dev/full')
      expect(outcome(full)).toEqual(fail('cannot write to standard output: no space left on device'))
    })
  })
}
