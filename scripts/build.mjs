// Build: compile the JSON Schemas to standalone validators, then bundle the CLI into dist/ with esbuild.
import { build } from 'esbuild'
import { chmod, readFile, rm } from 'node:fs/promises'
import { compileSchemas } from './compile-schemas.mjs'

const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'))
await compileSchemas()
await rm(new URL('../dist/', import.meta.url), { recursive: true, force: true })
await build({
  entryPoints: { bin: 'src/bin.ts', index: 'src/index.ts', action: 'src/action/main.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // CommonJS dependencies (ajv) call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __lcCreateRequire } from 'node:module'; const require = __lcCreateRequire(import.meta.url);" },
  define: { __LINT_CONFIG_VERSION__: JSON.stringify(pkg.version) },
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'none',
  logLevel: 'warning',
  absWorkingDir: new URL('..', import.meta.url).pathname,
})
await chmod(new URL('../dist/bin.js', import.meta.url), 0o755)
