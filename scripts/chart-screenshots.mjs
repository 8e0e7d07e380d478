#!/usr/bin/env node
// `npm run screenshots`: the README's pictures of the two charts, made by the built CLI and Debian's headless Chromium.
//
//   docs/images/chart-example.png   `lint-config chart --balance 1018 fixtures/example/config_futures.yaml` (the HTML chart's SVG)
//   docs/images/chart-summary.png   the job summary's Mermaid block for the same file, rendered by the mermaid package
//
// Needs a build (`npm run build`), the dev dependencies and chromium (apt-get install chromium). Light mode, device scale 1.
import { spawnSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { findChromium, launchChromium } from './chromium.mjs'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const example = 'fixtures/example/config_futures.yaml'
const out = path.join(repo, 'docs/images')

function cli(args) {
  const r = spawnSync(process.execPath, [path.join(repo, 'dist/bin.js'), ...args], { cwd: repo, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } })
  if (r.status !== 0 && r.status !== 1) throw new Error(`lint-config ${args.join(' ')} exited ${r.status}: ${r.stderr}`)
  return r.stdout
}

const executable = findChromium()
if (!executable) {
  console.error('chart-screenshots: chromium is not installed (apt-get install chromium)')
  process.exit(2)
}
mkdirSync(out, { recursive: true })
const html = cli(['chart', '--balance', '1018', example])
const summary = cli(['--format', 'markdown', '--balance', '1018', example])
const mermaidText = summary.slice(summary.indexOf('```mermaid\n') + '```mermaid\n'.length, summary.indexOf('\n```\n', summary.indexOf('```mermaid\n')))

const browser = await launchChromium(executable)
try {
  const page = await browser.newPage({ viewport: { width: 1000, height: 900 }, colorScheme: 'light' })
  await page.setContent(html, { waitUntil: 'load' })
  await page.locator('svg.lc-chart').screenshot({ path: path.join(out, 'chart-example.png') })

  await page.setContent('<!doctype html><html><body style="margin:0;background:#fff"><div id="out" style="width:900px"></div></body></html>')
  await page.addScriptTag({ path: createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js') })
  await page.evaluate(async (text) => {
    globalThis.mermaid.initialize({ startOnLoad: false })
    const { svg } = await globalThis.mermaid.render('summary-chart', text)
    document.getElementById('out').innerHTML = svg
  }, mermaidText)
  await page.locator('#out svg').screenshot({ path: path.join(out, 'chart-summary.png') })
} finally {
  await browser.close()
}
console.log(`wrote ${path.relative(repo, path.join(out, 'chart-example.png'))} and ${path.relative(repo, path.join(out, 'chart-summary.png'))}`)
