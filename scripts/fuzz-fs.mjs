// File-system fuzzing of the built CLI (npm run fuzz -- --fs): targets, --output, --config and --stdin-filename of every file type.
//
// Each run builds a fresh temporary directory holding one of each: a config, an empty file, a directory, a FIFO, a
// socket, symlinks (to a config, to a file outside, dangling, a loop, to /dev/null, /dev/zero and /dev/stdout), a hard
// link and a read-only file; an "outside" directory beside it holds files the links point at. fast-check picks the
// arguments. Every run must: end within the bound (no hang), exit 0, 1 or 2, print no stack trace, print exactly one
// line on stderr when it exits 2, and change nothing outside the temporary directory (the outside files, and the
// type of /dev/null, /dev/zero and /dev/full). As root, every other run drops to the user "nobody".
import { spawnSync } from 'node:child_process'
import { chmodSync, chownSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import net from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'

const root = new URL('..', import.meta.url).pathname
const bin = path.join(root, 'dist/bin.js')
const CONFIG = readFileSync(path.join(root, 'fixtures/invalid/gap-between-profiles.yaml'), 'utf8')
const NOBODY = 65534
const BOUND_MS = 15_000

const ENTRIES = [
  'config_futures.yaml', 'empty.yaml', 'dir', 'pipe.fifo', 'sock', 'link-config.yaml', 'link-outside.yaml', 'dangling.yaml',
  'loop.yaml', 'link-null', 'link-zero', 'link-stdout', 'hard.yaml', 'readonly.yaml', 'missing/new.json', 'settings.yaml',
]
const SPECIAL = ['/dev/null', '/dev/zero', '/dev/full', '/dev/stdout', '/proc/x/y', '/proc/self/status', '-']

/** Lays out the zoo; returns the closers (the socket's server). */
async function layout(dir, outside) {
  mkdirSync(outside, { recursive: true })
  writeFileSync(path.join(outside, 'outside.yaml'), CONFIG)
  writeFileSync(path.join(dir, 'config_futures.yaml'), CONFIG)
  writeFileSync(path.join(dir, 'empty.yaml'), '')
  writeFileSync(path.join(dir, 'settings.yaml'), 'balances: [1018]\n')
  writeFileSync(path.join(dir, 'readonly.yaml'), CONFIG)
  chmodSync(path.join(dir, 'readonly.yaml'), 0o444)
  mkdirSync(path.join(dir, 'dir'))
  spawnSync('mkfifo', [path.join(dir, 'pipe.fifo')])
  symlinkSync('config_futures.yaml', path.join(dir, 'link-config.yaml'))
  symlinkSync(path.join(outside, 'outside.yaml'), path.join(dir, 'link-outside.yaml'))
  symlinkSync('nowhere.yaml', path.join(dir, 'dangling.yaml'))
  symlinkSync('loop.yaml', path.join(dir, 'loop.yaml'))
  symlinkSync('/dev/null', path.join(dir, 'link-null'))
  symlinkSync('/dev/zero', path.join(dir, 'link-zero'))
  symlinkSync('/dev/stdout', path.join(dir, 'link-stdout'))
  linkSync(path.join(dir, 'config_futures.yaml'), path.join(dir, 'hard.yaml'))
  const server = net.createServer()
  await new Promise((resolve) => server.listen(path.join(dir, 'sock'), resolve))
  return server
}

/** What must not change outside the temporary directory: the outside files' bytes, modes and owners, and device types. */
function snapshot(outside, contentMayChange) {
  const files = readdirSync(outside).map((name) => {
    const file = path.join(outside, name)
    const info = lstatSync(file)
    return [name, info.mode, info.uid, info.isFile(), info.isFile() && !contentMayChange ? readFileSync(file, 'utf8') : '']
  })
  const devices = ['/dev/null', '/dev/zero', '/dev/full'].map((d) => [d, statSync(d).isCharacterDevice(), lstatSync(d).isSymbolicLink()])
  return JSON.stringify({ files, devices })
}

function chownTree(dir, uid) {
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name)
    if (lstatSync(file).isSymbolicLink()) continue
    chownSync(file, uid, uid)
    if (lstatSync(file).isDirectory()) chownTree(file, uid)
  }
  chownSync(dir, uid, uid)
}

/** One run's arguments, built by fast-check from the zoo. */
function argsArbitrary(fc) {
  const entry = fc.constantFrom(...ENTRIES, ...SPECIAL)
  return fc.record({
    targets: fc.array(entry, { minLength: 0, maxLength: 3 }),
    output: fc.option(entry, { nil: undefined }),
    config: fc.option(entry, { nil: undefined }),
    stdinFilename: fc.option(entry, { nil: undefined }),
    format: fc.constantFrom('stylish', 'json', 'sarif', 'github', 'junit', 'markdown'),
    fix: fc.boolean(),
    explain: fc.boolean(),
    stdin: fc.constantFrom('config', 'empty', '/dev/zero'),
  })
}

function argv(a) {
  if (a.explain) return ['explain', '--balance', '1018', ...(a.config ? ['-c', a.config] : []), ...a.targets.slice(0, 1)]
  const args = ['-f', a.format, '--max-bytes', '1048576']
  if (a.output) args.push('-o', a.output)
  if (a.config) args.push('-c', a.config)
  if (a.stdinFilename && a.stdinFilename !== '-') args.push('--stdin-filename', a.stdinFilename)
  if (a.fix) args.push('--fix')
  return [...args, '--', ...a.targets]
}

/** Runs the property `runs` times from `seed`; returns the failures (each with its arguments and why). */
export async function fuzzFileSystem(fc, { runs, seed, log = () => undefined }) {
  const isRoot = process.getuid?.() === 0
  const failures = []
  let index = 0
  await fc.assert(
    fc.asyncProperty(argsArbitrary(fc), async (a) => {
      const base = mkdtempSync(path.join(tmpdir(), 'lint-config-fuzz-fs-'))
      chmodSync(base, 0o755)
      const dir = path.join(base, 'work')
      const outside = path.join(base, 'outside')
      mkdirSync(dir)
      const server = await layout(dir, outside)
      const asNobody = isRoot && index++ % 2 === 1
      if (asNobody) chownTree(dir, NOBODY)
      const args = argv(a)
      // Writing through link-outside.yaml is what was asked for (--output or --fix through a symlink writes its
      // target): then the outside file may get new bytes, but stays a regular file with its mode and owner.
      const asked = a.output === 'link-outside.yaml' || (a.fix && !a.explain && a.targets.includes('link-outside.yaml'))
      const before = snapshot(outside, asked)
      const input = a.stdin === 'config' ? CONFIG : a.stdin === 'empty' ? '' : undefined
      const child = spawnSync(process.execPath, [bin, ...args], {
        cwd: dir,
        encoding: 'utf8',
        timeout: BOUND_MS,
        input,
        stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
        env: { ...process.env, NO_COLOR: '1' },
        ...(asNobody ? { uid: NOBODY, gid: NOBODY } : {}),
      })
      server.close()
      const after = snapshot(outside, asked)
      rmSync(base, { recursive: true, force: true })
      const problems = []
      if (child.signal) problems.push(`killed by ${child.signal} (a hang past ${BOUND_MS} ms?)`)
      else if (![0, 1, 2].includes(child.status)) problems.push(`exit code ${child.status}`)
      if (/\n\s+at |node:internal|Error: /.test(child.stderr)) problems.push(`a stack trace: ${child.stderr.slice(0, 400)}`)
      if (child.status === 2 && child.stderr.split('\n').filter(Boolean).length !== 1) problems.push(`exit 2 with stderr ${JSON.stringify(child.stderr)}`)
      if (before !== after) problems.push('something outside the temporary directory changed')
      log(`${asNobody ? 'nobody' : isRoot ? 'root  ' : 'user  '} exit ${child.status} ${args.join(' ')}`)
      if (problems.length > 0) {
        failures.push({ args, asNobody, problems })
        throw new Error(`${args.join(' ')}${asNobody ? ' (as nobody)' : ''}: ${problems.join('; ')}`)
      }
    }),
    { numRuns: runs, seed, endOnFailure: true },
  ).catch((error) => {
    if (failures.length === 0) failures.push({ args: [], problems: [String(error)] })
  })
  return failures
}
