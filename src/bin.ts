#!/usr/bin/env node
// The executable: load the bundled CLI (dist/cli.cjs) with the V8 code cache made at build time, run it, hand over the exit code.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import Module, { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import vm from 'node:vm'

const here = path.dirname(fileURLToPath(import.meta.url))
const bundle = path.join(here, 'cli.cjs')
const cacheFile = `${bundle}.cache`
// Set by scripts/build.mjs only: run once, then save the compiled code for every later start.
const writeCache = process.env.LINT_CONFIG_WRITE_CODE_CACHE === '1'

let script: vm.Script
const module = { exports: {} as { main(argv: readonly string[]): Promise<number> } }
try {
  script = new vm.Script(Module.wrap(readFileSync(bundle, 'utf8')), {
    filename: bundle,
    // A cache from another Node.js version is rejected by V8 and the bundle compiles as usual.
    cachedData: !writeCache && existsSync(cacheFile) ? readFileSync(cacheFile) : undefined,
  })
  ;(script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(bundle), module, bundle, here)
} catch (error) {
  process.stderr.write(`lint-config: internal error: cannot load ${bundle} (${error instanceof Error ? error.message : String(error)}); run npm run build\n`)
  process.exit(2)
}

process.exitCode = await module.exports.main(process.argv)
if (writeCache) writeFileSync(cacheFile, script.createCachedData())
