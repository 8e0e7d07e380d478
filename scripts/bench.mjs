#!/usr/bin/env node
// `npm run bench`: times whole processes (lint-config, `node -e 0` and, when they install, ajv-cli, Spectral and
// Debian's yamllint) on the same files in ONE run, interleaved and paired so that machine drift cancels out.
//
//   node scripts/bench.mjs [--rounds 15] [--seed 1] [--sizes 10000,50000] [--mem-runs 3] [--no-peers]
//                          [--peers-dir <dir>] [--corpus <dir>] [--build] [--out .bench/results.json] [--keep]
//
// Every round runs every command once, in an order shuffled by a seeded PRNG; wall time per process is
// process.hrtime around spawnSync (output to /dev/null). Per command: the median over the rounds, and the paired ratio
// (its time divided by `node -e 0`'s time in the SAME round, then the median of those ratios). A separate pass runs each
// command under `/usr/bin/time -f %M` for peak RSS, so the wrapper never inflates the timings. Budgets are printed as
// PASS/FAIL lines; they are informational: the exit code is 0 unless the script itself fails.
// docs/performance.md explains how to read the output.
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { generateConfig, mulberry32 } from './gen-config.mjs'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

// ---------------------------------------------------------------------------------------------------------------------
// Statistics helpers (pure; unit-tested in test/bench/).

/** The q-quantile (0..1) of a sample, linear interpolation between order statistics (R type 7, numpy's default). */
export function quantile(values, q) {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  const pos = (sorted.length - 1) * q
  const lo = Math.floor(pos)
  const hi = Math.ceil(pos)
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo)
}

export const median = (values) => quantile(values, 0.5)

/** n, median, quartiles, min and max of a sample. */
export function summarize(values) {
  return {
    n: values.length,
    median: median(values),
    q1: quantile(values, 0.25),
    q3: quantile(values, 0.75),
    min: values.length ? Math.min(...values) : NaN,
    max: values.length ? Math.max(...values) : NaN,
  }
}

/** Per-round ratios a[i] / b[i] of two paired samples (the same rounds, the same order). */
export function pairedRatios(a, b) {
  if (a.length !== b.length) throw new RangeError(`paired samples differ in length: ${a.length} and ${b.length}`)
  return a.map((x, i) => x / b[i])
}

/** Ordinary least squares y = intercept + slope * x over points {x, y}; r2 is the coefficient of determination. */
export function leastSquares(points) {
  const n = points.length
  if (n < 2) throw new RangeError('a least-squares fit needs at least two points')
  const mx = points.reduce((s, p) => s + p.x, 0) / n
  const my = points.reduce((s, p) => s + p.y, 0) / n
  let sxx = 0
  let sxy = 0
  let syy = 0
  for (const { x, y } of points) {
    sxx += (x - mx) ** 2
    sxy += (x - mx) * (y - my)
    syy += (y - my) ** 2
  }
  if (sxx === 0) throw new RangeError('a least-squares fit needs at least two distinct x values')
  const slope = sxy / sxx
  const intercept = my - slope * mx
  const r2 = syy === 0 ? 1 : (sxy * sxy) / (sxx * syy)
  return { slope, intercept, r2 }
}

/** Fisher-Yates shuffle of a copy, driven by `random` (a function returning [0, 1)). */
export function shuffle(items, random) {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[out[i], out[j]] = [out[j], out[i]]
  }
  return out
}

/** A budget line: PASS when `value op limit` holds, SKIP when the value could not be measured. */
export function checkBudget({ value, limit, op }) {
  if (value === null || value === undefined || Number.isNaN(value)) return 'SKIP'
  const ok = op === '<' ? value < limit : op === '<=' ? value <= limit : op === '>=' ? value >= limit : value > limit
  return ok ? 'PASS' : 'FAIL'
}

// ---------------------------------------------------------------------------------------------------------------------
// Formatting.

const fmtInt = (n) => Math.round(n).toLocaleString('en-US')
const fmtMs = (ms) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1))
const fmtX = (r) => (r === null || Number.isNaN(r) ? '-' : `${r.toFixed(2)}x`)
const mib = (kib) => kib / 1024
const pad = (s, n) => String(s).padEnd(n)
const lpad = (s, n) => String(s).padStart(n)
/** A path relative to the repository (../shared/corpus/... for the corpus). */
const rel = (p) => path.relative(repo, p) || '.'
function duration(seconds) {
  return seconds < 90 ? `${seconds.toFixed(0)} s` : `${Math.floor(seconds / 60)} min ${String(Math.round(seconds % 60)).padStart(2, '0')} s`
}

// ---------------------------------------------------------------------------------------------------------------------
// Processes.

const childEnv = { ...process.env, NO_COLOR: '1' }
delete childEnv.FORCE_COLOR

function run(argv, { capture = false, cwd = repo, timeout = 300_000 } = {}) {
  const t0 = process.hrtime.bigint()
  const r = spawnSync(argv[0], argv.slice(1), {
    cwd,
    env: childEnv,
    stdio: capture ? ['ignore', 'pipe', 'pipe'] : 'ignore',
    encoding: capture ? 'utf8' : undefined,
    maxBuffer: 512 * 1024 * 1024,
    timeout,
  })
  const ms = Number(process.hrtime.bigint() - t0) / 1e6
  return { ms, status: r.status, signal: r.signal, error: r.error, stdout: r.stdout ?? '', stderr: r.stderr ?? '' }
}

/** Peak RSS (KiB) of one run under /usr/bin/time -f %M, or null. */
function peakRss(argv, tmp) {
  const out = path.join(tmp, 'time.out')
  const r = spawnSync('/usr/bin/time', ['-f', '%M', '-o', out, ...argv], { cwd: repo, env: childEnv, stdio: 'ignore', timeout: 300_000 })
  if (r.error || r.signal) return null
  const kib = Number(readFileSync(out, 'utf8').trim().split('\n').pop())
  return Number.isFinite(kib) ? kib : null
}

function firstLine(text) {
  return (text.split('\n').find((l) => l.trim()) ?? '').trim().slice(0, 160)
}

// ---------------------------------------------------------------------------------------------------------------------
// Inputs.

function countLines(text) {
  let n = 0
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++
  return text.length && !text.endsWith('\n') ? n + 1 : n
}

function fileInfo(id, file, kind, extra = {}) {
  const text = readFileSync(file, 'utf8')
  return { id, path: file, kind, lines: countLines(text), bytes: statSync(file).size, ...extra }
}

/** The bundled example, the newest and the largest real config (when the corpus is there), then generated configs. */
function collectFiles({ corpus, sizes, seed, tmp, notes }) {
  const files = [fileInfo('example', path.join(repo, 'fixtures/example/config_futures.yaml'), 'example')]
  const dir = path.join(corpus, 'config_futures')
  if (existsSync(dir)) {
    const newest = path.join(dir, '2026-03-03_1e11d27.yaml')
    if (existsSync(newest)) files.push(fileInfo('real-2331', newest, 'real', { note: 'the newest real version; the budgets refer to it' }))
    else notes.push(`corpus: ${rel(newest)} is missing, so the budgets that refer to it are skipped`)
    // `lint-config diff` compares the newest version with the one before it (2,330 lines; the only 2,331-line version is the newest).
    const previous = path.join(dir, '2026-03-01_7f9e676.yaml')
    if (existsSync(previous) && existsSync(newest)) {
      files.push(fileInfo('real-2330', previous, 'diff-base', { note: 'the version before the newest: the base of the diff rows' }))
    }
    const candidates = readdirSync(dir)
      .filter((f) => /\.ya?ml$/.test(f))
      .map((f) => fileInfo('real-largest', path.join(dir, f), 'real', { note: 'the largest real version' }))
      .sort((a, b) => b.lines - a.lines || b.bytes - a.bytes)
    const largest = candidates[0]
    if (largest && largest.path !== newest) files.push(largest)
  } else {
    notes.push(`corpus: ${rel(corpus)} not found, so the real configs (and the budgets that refer to them) are skipped`)
  }
  for (const size of sizes) {
    const file = path.join(tmp, `gen-${size}.yaml`)
    writeFileSync(file, generateConfig({ lines: size, seed }))
    files.push(fileInfo(`gen-${size >= 1000 ? `${size / 1000}k` : size}`, file, 'generated', { requestedLines: size, seed }))
  }
  return files
}

// ---------------------------------------------------------------------------------------------------------------------
// Tools.

/** A copy of dist/ in the temporary folder, so a rebuild by someone else mid-run cannot change what is measured. */
function snapshotDist({ build, tmp, notes }) {
  const dist = path.join(repo, 'dist')
  if (build || !existsSync(path.join(dist, 'bin.js'))) {
    process.stdout.write(`building dist/ (${build ? '--build' : 'dist/bin.js is missing'}) ... `)
    const r = run([process.execPath, path.join(repo, 'scripts/build.mjs')], { capture: true })
    if (r.status !== 0) throw new Error(`the build failed: ${firstLine(r.stderr) || firstLine(r.stdout)}`)
    process.stdout.write('done\n')
  }
  const builtAt = statSync(path.join(dist, 'bin.js')).mtimeMs
  const newestSource = newestMtime(path.join(repo, 'src'))
  if (newestSource > builtAt) notes.push('dist/ is older than src/: this run measures the last build (pass --build to rebuild first)')
  const copy = path.join(tmp, 'lint-config', 'dist')
  cpSync(dist, copy, { recursive: true })
  return { bin: path.join(copy, 'bin.js'), builtAt: new Date(builtAt).toISOString() }
}

function newestMtime(dir) {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs)
  }
  return newest
}

function git(args) {
  const r = spawnSync('git', args, { cwd: repo, encoding: 'utf8' })
  return r.status === 0 ? r.stdout.trim() : null
}

/** `npm install --prefix <dir> <spec>` (or reuse an install there); returns the package's bin script or a reason. */
function installPeer({ name, spec, dir }) {
  const pkgJson = path.join(dir, 'node_modules', name, 'package.json')
  let seconds = 0
  if (!existsSync(pkgJson)) {
    mkdirSync(dir, { recursive: true })
    if (!existsSync(path.join(dir, 'package.json'))) writeFileSync(path.join(dir, 'package.json'), '{ "private": true }\n')
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
    const t0 = Date.now()
    const r = spawnSync(npm, ['install', '--prefix', dir, '--no-audit', '--no-fund', '--loglevel=error', '--fetch-retries=1', '--fetch-timeout=60000', spec], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 300_000,
    })
    seconds = (Date.now() - t0) / 1000
    if (r.error || r.status !== 0 || !existsSync(pkgJson)) {
      const why = r.error ? r.error.message : firstLine(r.stderr) || `npm exited with ${r.status}`
      return { ok: false, reason: `npm install ${spec} failed (${why})` }
    }
  }
  const pkg = JSON.parse(readFileSync(pkgJson, 'utf8'))
  const bins = typeof pkg.bin === 'string' ? { [pkg.name]: pkg.bin } : pkg.bin ?? {}
  const binRel = Object.values(bins)[0]
  if (!binRel) return { ok: false, reason: `${name} has no bin script` }
  return { ok: true, version: pkg.version, bin: path.join(dir, 'node_modules', name, binRel), installSeconds: seconds, dir }
}

function yamllintInfo() {
  const candidates = ['/usr/bin/yamllint', ...(process.env.PATH ?? '').split(path.delimiter).map((d) => path.join(d, 'yamllint'))]
  const bin = candidates.find((p) => existsSync(p))
  if (!bin) return { ok: false, reason: 'yamllint is not installed (Debian: apt-get install yamllint)' }
  const r = spawnSync(bin, ['--version'], { encoding: 'utf8' })
  if (r.status !== 0) return { ok: false, reason: `${bin} --version failed` }
  return { ok: true, bin, version: r.stdout.trim().replace(/^yamllint\s+/, '') }
}

/**
 * YAML -> JSON, read the way the bot reads it (YAML 1.1, the last duplicate key wins), for ajv-cli's fallback input.
 * Also counts the duplicate keys, the usual reason why ajv-cli's YAML reader (js-yaml 3) refuses a real config.
 */
async function toJson(file, tmp) {
  const { parse, parseDocument } = await import('yaml')
  const text = readFileSync(file, 'utf8')
  const duplicates = parseDocument(text, { version: '1.1' }).errors.filter((e) => e.code === 'DUPLICATE_KEY').length
  const data = parse(text, { version: '1.1', uniqueKeys: false, merge: true, maxAliasCount: -1 })
  const out = path.join(tmp, 'json', `${path.basename(file).replace(/\.ya?ml$/, '')}.json`)
  mkdirSync(path.dirname(out), { recursive: true })
  writeFileSync(out, JSON.stringify(data))
  return { out, duplicates }
}

// ---------------------------------------------------------------------------------------------------------------------
// Main.

const HELP = `usage: npm run bench -- [options]

  --rounds <n>       interleaved rounds (default 15)
  --seed <n>         seed of the round order and of the generated configs (default 1)
  --sizes <list>     generated config sizes in lines (default 10000,50000)
  --mem-runs <n>     runs per command under /usr/bin/time for peak RSS (default 3; 0 skips)
  --no-peers         do not install ajv-cli and Spectral (yamllint is still used when installed)
  --peers-dir <dir>  install the peers there (or reuse an install there) instead of a temporary folder
  --corpus <dir>     the real-config corpus (default ../shared/corpus; skipped when absent)
  --build            rebuild dist/ first (otherwise the current build is measured)
  --out <file>       results file (default .bench/results.json)
  --keep             keep the temporary folder (generated configs, peer installs)
`

async function main(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      rounds: { type: 'string', default: '15' },
      seed: { type: 'string', default: '1' },
      sizes: { type: 'string', default: '10000,50000' },
      'mem-runs': { type: 'string', default: '3' },
      'no-peers': { type: 'boolean', default: false },
      'peers-dir': { type: 'string' },
      corpus: { type: 'string', default: path.resolve(repo, '../shared/corpus') },
      build: { type: 'boolean', default: false },
      out: { type: 'string', default: path.join(repo, '.bench', 'results.json') },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  if (values.help) {
    process.stdout.write(HELP)
    return 0
  }
  const whole = (name, min) => {
    const n = Number(values[name])
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} needs a whole number >= ${min}, got ${values[name]}`)
    return n
  }
  const rounds = whole('rounds', 3)
  const seed = whole('seed', 0)
  const memRuns = whole('mem-runs', 0)
  const sizes = values.sizes.split(',').filter(Boolean).map(Number)
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--sizes needs whole numbers, got ${values.sizes}`)

  const started = Date.now()
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'lint-config-bench-'))
  try {
    return await bench({ rounds, seed, memRuns, sizes, values, tmp, started })
  } finally {
    if (values.keep) process.stdout.write(`kept ${tmp}\n`)
    else rmSync(tmp, { recursive: true, force: true })
  }
}

async function bench({ rounds, seed, memRuns, sizes, values, tmp, started }) {
  const notes = []
  const print = (line = '') => process.stdout.write(`${line}\n`)
  const cpus = os.cpus()
  const loadStart = os.loadavg()
  print(`lint-config bench: ${rounds} interleaved rounds, seed ${seed}, node ${process.version}, ${cpus.length} CPU ${cpus[0]?.model.trim() ?? ''}, load ${loadStart.map((l) => l.toFixed(2)).join(' ')}`)

  const lint = snapshotDist({ build: values.build, tmp, notes })
  const commit = git(['rev-parse', '--short', 'HEAD'])
  const dirty = (git(['status', '--porcelain']) ?? '').split('\n').filter(Boolean).length
  print(`lint-config: dist/ built ${lint.builtAt} (commit ${commit ?? '?'}${dirty ? `, ${dirty} uncommitted changes in the tree` : ''}), copied to a temporary folder`)

  const files = collectFiles({ corpus: path.resolve(values.corpus), sizes, seed, tmp, notes })
  print('files:')
  for (const f of files) {
    const where = f.kind === 'generated' ? `generated by scripts/gen-config.mjs (--lines ${f.requestedLines} --seed ${f.seed})` : rel(f.path)
    print(`  ${pad(f.id, 13)} ${lpad(fmtInt(f.lines), 6)} lines ${lpad((f.bytes / 1024).toFixed(0), 5)} KiB  ${where}`)
  }

  // Peers.
  const peers = []
  const peersDir = values['peers-dir'] ? path.resolve(values['peers-dir']) : path.join(tmp, 'peers')
  if (values['no-peers']) {
    peers.push({ tool: 'ajv-cli', ok: false, reason: '--no-peers' }, { tool: 'spectral', ok: false, reason: '--no-peers' })
  } else {
    process.stdout.write(`peers: npm install into ${values['peers-dir'] ? rel(peersDir) : 'a temporary folder'} ... `)
    peers.push({ tool: 'ajv-cli', ...installPeer({ name: 'ajv-cli', spec: 'ajv-cli@5', dir: path.join(peersDir, 'ajv-cli') }) })
    peers.push({ tool: 'spectral', ...installPeer({ name: '@stoplight/spectral-cli', spec: '@stoplight/spectral-cli@6', dir: path.join(peersDir, 'spectral') }) })
    print('done')
  }
  peers.push({ tool: 'yamllint', ...yamllintInfo() })
  const schema = path.join(repo, 'schemas/config-futures.schema.json')
  const ruleset = path.join(tmp, 'spectral-ruleset.json')
  writeFileSync(
    ruleset,
    JSON.stringify({
      extends: [],
      rules: {
        'config-schema': {
          description: 'config_futures.yaml matches schemas/config-futures.schema.json',
          given: '$',
          severity: 'error',
          then: { function: 'schema', functionOptions: { schema: JSON.parse(readFileSync(schema, 'utf8')), dialect: 'draft7', allErrors: true } },
        },
      },
    }),
  )
  for (const p of peers) {
    const how =
      p.tool === 'ajv-cli' ? 'ajv validate -s schemas/config-futures.schema.json -d <file> --all-errors'
      : p.tool === 'spectral' ? 'spectral lint -r <ruleset: extends [], one rule applying the schema with the `schema` function> <file>'
      : "yamllint -f parsable -d '{extends: default}' <file> (YAML syntax and style only, no schema)"
    print(p.ok ? `  ${pad(p.tool, 9)} ${p.version}${p.installSeconds ? ` (installed in ${p.installSeconds.toFixed(0)} s)` : ''}: ${how}` : `  ${pad(p.tool, 9)} skipped: ${p.reason}`)
  }

  // Commands.
  const node = process.execPath
  const commands = [{ id: 'node -e 0', tool: 'node -e 0', file: null, argv: [node, '-e', '0'], okStatus: [0] }]
  const diffBase = files.find((f) => f.kind === 'diff-base')
  const diffHead = files.find((f) => f.id === 'real-2331')
  if (diffBase && diffHead) {
    // The diff of two real versions: both linted, their sizing compared; without reference balances as the lint rows, and with one.
    const argv = [node, lint.bin, 'diff', diffBase.path, diffHead.path]
    commands.push({ id: 'lint-config diff real-2330 real-2331', tool: 'lint-config diff', file: 'real-2331', argv, okStatus: [0, 1] })
    commands.push({
      id: 'lint-config diff --balance 1018 real-2330 real-2331',
      tool: 'lint-config diff $1,018',
      file: 'real-2331',
      argv: [node, lint.bin, 'diff', '--balance', '1018', diffBase.path, diffHead.path],
      okStatus: [0, 1],
    })
  }
  for (const f of files) {
    if (f.kind === 'diff-base') continue
    commands.push({ id: `lint-config ${f.id}`, tool: 'lint-config', file: f.id, argv: [node, lint.bin, f.path], okStatus: [0, 1] })
    for (const p of peers.filter((peer) => peer.ok)) {
      const argv =
        p.tool === 'ajv-cli' ? [node, p.bin, 'validate', '-s', schema, '-d', f.path, '--all-errors']
        : p.tool === 'spectral' ? [node, p.bin, 'lint', '-r', ruleset, f.path]
        : [p.bin, '-f', 'parsable', '-d', '{extends: default}', f.path]
      commands.push({ id: `${p.tool} ${f.id}`, tool: p.tool, file: f.id, argv, okStatus: [0, 1], input: 'yaml' })
    }
  }

  // Warm-up: every command once, output captured, exit codes checked. It also fills the file cache.
  process.stdout.write(`warm-up: ${commands.length} commands ... `)
  const dropped = []
  for (const c of commands) {
    let r = run(c.argv, { capture: true })
    if (c.tool === 'ajv-cli' && r.status === 2) {
      // ajv-cli reads YAML with js-yaml 3, which rejects duplicate keys (and loads YAML 1.2, not 1.1). Give it the same
      // data as JSON, converted once here the way the bot reads it (last duplicate wins). This favours ajv-cli: it skips
      // YAML parsing entirely.
      const why = firstLine(r.stderr).replace(/\s+/g, ' ')
      let converted
      try {
        converted = await toJson(c.argv[6], tmp)
      } catch (error) {
        c.dropReason = `ajv-cli cannot read this YAML ("${why}") and it does not convert to JSON (${error.message})`
        dropped.push(c)
        continue
      }
      const { out, duplicates } = converted
      c.argv[6] = out
      c.input = 'json'
      c.inputNote =
        `ajv-cli cannot read this YAML ("${why}"${duplicates ? `; js-yaml 3 rejects its ${duplicates} duplicate keys` : ''}), ` +
        'so it gets the file converted to JSON beforehand (last duplicate wins, as in the bot); this favours ajv-cli'
      r = run(c.argv, { capture: true })
    }
    c.warmup = { ms: r.ms, status: r.status, stdoutLines: countLines(r.stdout), firstLine: firstLine(r.stdout) || firstLine(r.stderr) }
    if (!c.okStatus.includes(r.status)) {
      c.dropReason = `exit ${r.status ?? r.signal ?? r.error?.message}: ${firstLine(r.stderr) || firstLine(r.stdout)}`
      dropped.push(c)
    }
  }
  const active = commands.filter((c) => !c.dropReason)
  if (!active.some((c) => c.id === 'node -e 0')) throw new Error(`node -e 0 failed: ${commands[0].dropReason}`)
  const roundSeconds = active.reduce((s, c) => s + c.warmup.ms, 0) / 1000
  print(`one round takes about ${roundSeconds.toFixed(1)} s, so about ${duration(roundSeconds * (rounds + memRuns))} in all`)
  for (const c of dropped) print(`  dropped ${c.id}: ${c.dropReason}`)
  for (const c of active.filter((c) => c.inputNote)) print(`  note: ${c.id}: ${c.inputNote}`)

  // Interleaved rounds.
  const random = mulberry32(seed)
  for (const c of active) {
    c.samples = []
    c.mismatches = 0
  }
  process.stdout.write('rounds: ')
  const t0 = Date.now()
  for (let round = 0; round < rounds; round++) {
    for (const c of shuffle(active, random)) {
      const r = run(c.argv)
      c.samples.push(r.ms)
      if (r.status !== c.warmup.status) c.mismatches++
    }
    process.stdout.write(round % 5 === 4 ? `${round + 1}` : '.')
  }
  print(` done in ${duration((Date.now() - t0) / 1000)}`)

  // Peak RSS, in a separate pass (also interleaved).
  if (memRuns > 0 && existsSync('/usr/bin/time')) {
    process.stdout.write(`memory: ${memRuns} run${memRuns === 1 ? '' : 's'} per command under /usr/bin/time -f %M ... `)
    for (const c of active) c.rssKiB = []
    for (let i = 0; i < memRuns; i++) {
      for (const c of shuffle(active, random)) {
        const kib = peakRss(c.argv, tmp)
        if (kib !== null) c.rssKiB.push(kib)
      }
    }
    print('done')
  } else {
    notes.push(memRuns > 0 ? '/usr/bin/time is missing, so peak memory was not measured' : 'peak memory not measured (--mem-runs 0)')
  }

  // Statistics.
  const base = active.find((c) => c.id === 'node -e 0')
  for (const c of active) {
    c.stats = summarize(c.samples)
    c.ratio = summarize(pairedRatios(c.samples, base.samples))
    c.peakMiB = c.rssKiB?.length ? mib(Math.max(...c.rssKiB)) : null
  }
  const find = (tool, file) => active.find((c) => c.tool === tool && c.file === file)
  const paired = (a, b) => (a && b ? median(pairedRatios(a.samples, b.samples)) : null)

  print()
  print(`results: wall time per process over ${rounds} rounds (median, and quartiles), the paired ratio to \`node -e 0\`, ${active[0].rssKiB ? `peak RSS (max of ${memRuns} run${memRuns === 1 ? '' : 's'})` : 'no peak RSS'}`)
  print(`  ${pad('file', 13)} ${lpad('lines', 6)}  ${pad('tool', 12)} ${lpad('median ms', 9)} ${lpad('q1-q3 ms', 13)} ${lpad('x node', 7)} ${lpad('peak MiB', 8)}  exit  input`)
  const row = (c, f) =>
    print(
      `  ${pad(f?.id ?? '-', 13)} ${lpad(f ? fmtInt(f.lines) : '-', 6)}  ${pad(c.tool, 12)} ${lpad(fmtMs(c.stats.median), 9)} ${lpad(`${fmtMs(c.stats.q1)}-${fmtMs(c.stats.q3)}`, 13)} ${lpad(fmtX(c.ratio.median), 7)} ${lpad(c.peakMiB === null ? '-' : c.peakMiB.toFixed(1), 8)}  ${lpad(c.warmup.status, 4)}  ${c.input ?? ''}${c.mismatches ? `  (${c.mismatches} runs exited differently!)` : ''}`,
    )
  row(base, null)
  for (const f of files) for (const c of active.filter((c) => c.file === f.id)) row(c, f)

  // lint-config against the peers, paired per round.
  const comparisons = []
  const peerTools = [...new Set(active.map((c) => c.tool))].filter((t) => !['node -e 0', 'lint-config'].includes(t) && !t.startsWith('lint-config diff'))
  if (peerTools.length) {
    print()
    print('lint-config time / peer time (median of the per-round ratios; below 1 means lint-config is faster):')
    for (const f of files) {
      const parts = []
      for (const tool of peerTools) {
        const r = paired(find('lint-config', f.id), find(tool, f.id))
        if (r !== null) {
          comparisons.push({ file: f.id, vs: tool, ratio: r })
          parts.push(`${fmtX(r)} ${tool}`)
        }
      }
      print(`  ${pad(f.id, 13)} ${parts.join('   ')}`)
    }
  }

  // Slopes: least squares of the median wall time over the line counts of every file measured.
  const slopes = []
  print()
  print(`cost per size: least-squares fit of the median time over the ${files.length} files (ms per 1,000 lines)`)
  for (const tool of ['lint-config', ...peerTools]) {
    const points = files.map((f) => ({ file: f.id, x: f.lines, y: find(tool, f.id)?.stats.median })).filter((p) => p.y !== undefined)
    if (points.length < 2) continue
    const fit = leastSquares(points)
    slopes.push({ tool, msPer1000Lines: fit.slope * 1000, interceptMs: fit.intercept, r2: fit.r2, points: points.map((p) => ({ file: p.file, lines: p.x, medianMs: p.y })) })
    print(`  ${pad(tool, 12)} ${lpad((fit.slope * 1000).toFixed(1), 7)} ms per 1,000 lines, intercept ${fmtMs(fit.intercept)} ms, R² ${fit.r2.toFixed(4)}`)
  }

  // Budgets (issue #5).
  const lintReal = find('lint-config', 'real-2331')
  const lint50k = find('lint-config', 'gen-50k')
  const lint10k = find('lint-config', 'gen-10k')
  const lintExample = find('lint-config', 'example')
  const lintSlope = slopes.find((s) => s.tool === 'lint-config')
  const segment = (a, b) => (a && b ? (b.stats.median - a.stats.median) / ((fileById(files, b.file).lines - fileById(files, a.file).lines) / 1000) : null)
  const low = segment(lintExample, lint10k)
  const high = segment(lint10k, lint50k)
  const spectralReal = find('spectral', 'real-2331')
  const diffReal = find('lint-config diff', 'real-2331')
  const diffReal1018 = find('lint-config diff $1,018', 'real-2331')
  const budgets = [
    {
      id: 'real-vs-node',
      label: 'the 2,331-line real config vs node -e 0',
      needs: [[lintReal, 'lint-config on the 2,331-line real config']],
      text: (v) => `the 2,331-line real config: lint-config ${fmtX(v)} node -e 0 (paired; at most 3.0x, aim 2.0x: ${v <= 2 ? 'met' : 'not met'})`,
      value: lintReal ? lintReal.ratio.median : null,
      limit: 3.0,
      op: '<=',
    },
    {
      id: 'diff-vs-node',
      label: 'lint-config diff of two real versions vs node -e 0',
      needs: [[diffReal, 'lint-config diff on the 2,330- and 2,331-line real versions']],
      text: (v) => `diff of the 2,330- and 2,331-line real versions: ${fmtX(v)} node -e 0 (paired; aim at most 3.0x)`,
      value: diffReal ? diffReal.ratio.median : null,
      limit: 3.0,
      op: '<=',
    },
    {
      id: 'diff-vs-lint',
      label: 'lint-config diff of two real versions vs the lint of one',
      needs: [[diffReal, 'lint-config diff'], [lintReal, 'lint-config on the 2,331-line real config']],
      text: (v) =>
        `diff of the two real versions: ${fmtX(v)} the lint of the 2,331-line one (paired; at most 2.0x, a diff lints both)` +
        (diffReal1018 ? `; with --balance 1018 ${fmtX(paired(diffReal1018, lintReal))}` : ''),
      value: paired(diffReal, lintReal),
      limit: 2.0,
      op: '<=',
    },
    {
      id: 'real-vs-spectral',
      label: 'the 2,331-line real config vs Spectral',
      needs: [[lintReal, 'lint-config on the 2,331-line real config'], [spectralReal, 'Spectral']],
      text: (v) => `the 2,331-line real config: lint-config ${fmtX(v)} Spectral (paired; at most 0.25x)`,
      value: paired(lintReal, spectralReal),
      limit: 0.25,
      op: '<=',
    },
    {
      id: '50k-vs-real',
      label: 'the 50k-line config vs the 2,331-line one',
      needs: [[lint50k, 'the 50k-line config'], [lintReal, 'the 2,331-line real config']],
      text: (v) => `the 50k-line config: ${fmtX(v)} the 2,331-line one (paired; under 2.5x)`,
      value: paired(lint50k, lintReal),
      limit: 2.5,
      op: '<',
    },
    {
      id: '50k-peak-rss',
      label: 'the 50k-line config, peak RSS',
      needs: [[lint50k, 'the 50k-line config'], [lint50k?.peakMiB ?? null, 'peak memory']],
      text: (v) => `the 50k-line config: peak RSS ${v.toFixed(1)} MiB (under 250 MiB)`,
      value: lint50k?.peakMiB ?? null,
      limit: 250,
      op: '<',
    },
    {
      id: 'linear',
      label: 'linear in size',
      needs: [[lintExample, 'the example'], [lint10k, 'the 10k-line config'], [lint50k, 'the 50k-line config']],
      text: (v) =>
        `linear in size: ${lintSlope.msPer1000Lines.toFixed(1)} ms per 1,000 lines (least squares, R² ${lintSlope.r2.toFixed(4)}); ` +
        `the cost per line from 10k to 50k lines is ${fmtX(v)} that from the 149-line example to 10k (at most 1.5x)`,
      value: low !== null && high !== null ? high / low : null,
      limit: 1.5,
      op: '<=',
    },
  ]
  print()
  print('budgets (informational, issue #5):')
  for (const b of budgets) {
    b.status = checkBudget(b)
    const missing = b.needs.filter(([have]) => have === null || have === undefined).map(([, what]) => what)
    b.description = b.status === 'SKIP' ? `${b.label}: not measured (${missing.join(', ') || 'no value'})` : b.text(b.value)
    print(`  ${pad(b.status, 4)}  ${b.description}`)
  }
  if (lintSlope && budgets.at(-1).status === 'SKIP') print(`        lint-config slope: ${lintSlope.msPer1000Lines.toFixed(1)} ms per 1,000 lines (R² ${lintSlope.r2.toFixed(4)})`)

  const loadEnd = os.loadavg()
  notes.push(`load average ${loadStart.map((l) => l.toFixed(2)).join(' ')} at the start, ${loadEnd.map((l) => l.toFixed(2)).join(' ')} at the end`)
  if (active.some((c) => c.mismatches)) notes.push('some runs exited with a different code than in the warm-up: see the table')
  print()
  for (const n of notes) print(`note: ${n}`)

  const results = {
    version: 1,
    date: new Date(started).toISOString(),
    durationSeconds: (Date.now() - started) / 1000,
    settings: { rounds, seed, sizes, memRuns, peers: !values['no-peers'] },
    machine: {
      node: process.version,
      platform: `${os.type()} ${os.release()} ${os.arch()}`,
      cpus: `${cpus.length} x ${cpus[0]?.model.trim() ?? '?'}`,
      memoryMiB: Math.round(os.totalmem() / 2 ** 20),
      loadavgStart: loadStart,
      loadavgEnd: loadEnd,
    },
    lintConfig: { commit, uncommittedChanges: dirty, distBuiltAt: lint.builtAt, command: 'node dist/bin.js <file>' },
    files: files.map(({ id, path: p, kind, lines, bytes, note, requestedLines, seed: s }) => ({ id, path: kind === 'generated' ? null : rel(p), kind, lines, bytes, note, requestedLines, seed: s })),
    peers: peers.map(({ tool, ok, version, reason, installSeconds }) => ({ tool, ok, version, reason, installSeconds })),
    commands: active.map((c) => ({
      id: c.id,
      tool: c.tool,
      file: c.file,
      command: c.argv.map((a) => (a === process.execPath ? 'node' : a.startsWith(tmp) ? `<tmp>${a.slice(tmp.length)}` : a.startsWith(repo + path.sep) ? rel(a) : a)).join(' '),
      input: c.input ?? null,
      inputNote: c.inputNote,
      exitCode: c.warmup.status,
      firstOutputLine: c.warmup.firstLine,
      wallMs: { ...c.stats, samples: c.samples.map((ms) => Math.round(ms * 100) / 100) },
      ratioToNode: c.ratio,
      peakRssMiB: c.peakMiB,
      peakRssSamplesKiB: c.rssKiB ?? [],
      exitMismatches: c.mismatches,
    })),
    dropped: dropped.map((c) => ({ id: c.id, reason: c.dropReason })),
    comparisons,
    slopes,
    budgets: budgets.map(({ id, description, value, limit, op, status }) => ({ id, description, value, limit, op, status })),
    notes,
  }
  mkdirSync(path.dirname(path.resolve(values.out)), { recursive: true })
  writeFileSync(path.resolve(values.out), `${JSON.stringify(results, null, 2)}\n`)
  print(`wrote ${rel(path.resolve(values.out))} (${duration(results.durationSeconds)} in all)`)
  return 0
}

function fileById(files, id) {
  return files.find((f) => f.id === id)
}

const invoked = process.argv[1] ? pathToFileURL(realpathSync(process.argv[1])).href : ''
if (invoked === import.meta.url) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error) => {
      process.stderr.write(`bench: ${error.message}\n`)
      process.exitCode = 2
    },
  )
}
