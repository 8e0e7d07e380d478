// Writes schemas/settings.schema.json from the rule registry (each rule's options schema included). Run after changing a rule's options.
import { build } from 'esbuild'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

const root = new URL('..', import.meta.url).pathname
// Inside node_modules so the bundle's external imports resolve to the project's packages.
const dir = path.join(root, 'node_modules/.cache/lint-config-gen')
await mkdir(dir, { recursive: true })
try {
  const out = path.join(dir, 'entry.mjs')
  await build({
    stdin: {
      contents: "export { rules } from './src/rules/index.ts'; export { buildSettingsSchema } from './src/settings/settings-schema.ts'",
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'node',
    packages: 'external',
    outfile: out,
    logLevel: 'warning',
    absWorkingDir: root,
  })
  const { rules, buildSettingsSchema } = await import(pathToFileURL(out).href)
  await writeFile(path.join(root, 'schemas/settings.schema.json'), `${JSON.stringify(buildSettingsSchema(rules), null, 2)}\n`)
} finally {
  await rm(dir, { recursive: true, force: true })
}
