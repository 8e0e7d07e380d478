// Build: compile the JSON Schemas to standalone validators, bundle with esbuild, then make the CLI's V8 code cache.
import { build } from 'esbuild'
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chmod, readFile, rm } from 'node:fs/promises'
import { compileSchemas } from './compile-schemas.mjs'

const root = new URL('..', import.meta.url).pathname
const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'))
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  define: { __LINT_CONFIG_VERSION__: JSON.stringify(pkg.version) },
  legalComments: 'none',
  logLevel: 'warning',
  absWorkingDir: root,
}

await compileSchemas()
await rm(new URL('../dist/', import.meta.url), { recursive: true, force: true })

// The library API and the GitHub Action entry point, as ES modules.
await build({
  ...common,
  entryPoints: { index: 'src/index.ts', action: 'src/action/main.ts' },
  outdir: 'dist',
  splitting: true,
  format: 'esm',
  // CommonJS dependencies (ajv) call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __lcCreateRequire } from 'node:module'; const require = __lcCreateRequire(import.meta.url);" },
  chunkNames: 'chunks/[name]-[hash]',
})

// The command line: one CommonJS file, which bin.js compiles through vm.Script so V8 can use a code cache
// (Node 20 has no compile cache for ES modules).
const cjs = {
  ...common,
  format: 'cjs',
  minify: process.env.LINT_CONFIG_NO_MINIFY !== "1",
  define: { ...common.define, 'import.meta.url': '__lcImportMetaUrl' },
  banner: { js: "const __lcImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
}
// The language server stays out of cli.cjs, so a lint never reads, compiles or caches it: the lsp command's
// `import('../lsp/server.js')` becomes `require('./lsp.cjs')`, a bundle of its own (with its own copy of the engine).
const lspApart = {
  name: 'lsp-apart',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/lsp\/server\.js$/ }, () => ({ path: './lsp.cjs', external: true }))
  },
}
await build({ ...cjs, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.cjs', plugins: [lspApart], supported: { 'dynamic-import': false } })
await build({ ...cjs, entryPoints: ['src/lsp/server.ts'], outfile: 'dist/lsp.cjs' })
await build({ ...common, entryPoints: ['src/bin.ts'], outfile: 'dist/bin.js', format: 'esm', packages: 'external' })
await chmod(new URL('../dist/bin.js', import.meta.url), 0o755)

// One real run compiles the functions a lint needs; bin.js then saves them as dist/cli.cjs.cache.
// The era fixtures make it compile each era's pipeline too (the newest real configs are percent-era).
const eras = ['variant-b', 'risk-manager', 'percent'].map((era) => `fixtures/eras/${era}.yaml`)
const warm = spawnSync(process.execPath, ['dist/bin.js', '--balance', '1018', 'fixtures/example/config_futures.yaml', ...eras], {
  cwd: root,
  env: { ...process.env, LINT_CONFIG_WRITE_CODE_CACHE: '1', NO_COLOR: '1' },
  encoding: 'utf8',
})
// The example has findings (exit 1); anything else, or no cache, means the CLI itself is broken.
if (warm.status !== 1 || !existsSync(new URL('../dist/cli.cjs.cache', import.meta.url))) {
  throw new Error(`making the code cache failed (exit ${warm.status}): ${warm.stderr}`)
}
