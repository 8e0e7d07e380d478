#!/usr/bin/env node
// `node scripts/corpus-counts.mjs [--bin dist/bin.js] [--balance 1018] [--corpus ../shared/corpus/config_futures] [--json out.json]`
// Lints every version of the corpus with one build of lint-config (default settings, one reference balance) and
// prints the findings per version and rule as JSON: { version: { rule: { error, warn } } }. With `--compare a.json
// b.json` it prints the README's before/after tables (Markdown) from two such files instead.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    bin: { type: 'string', default: path.join(repo, 'dist/bin.js') },
    balance: { type: 'string', default: '1018' },
    corpus: { type: 'string', default: path.join(repo, '../shared/corpus/config_futures') },
    json: { type: 'string' },
    compare: { type: "boolean" },
  },
})

/** Findings per version and rule of one build. */
function count() {
  const files = readdirSync(values.corpus).filter((f) => f.endsWith('.yaml')).sort()
  const out = {}
  // Each version alone in an empty directory, so no settings file of ours or of the corpus applies.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'corpus-counts-'))
  try {
    for (const f of files) {
      const target = path.join(dir, 'config_futures.yaml')
      copyFileSync(path.join(values.corpus, f), target)
      const run = spawnSync(process.execPath, [values.bin, '--balance', values.balance, '--format', 'json', target], { cwd: dir, encoding: 'utf8' })
      if (run.status !== 0 && run.status !== 1) throw new Error(`${f}: exit ${run.status}: ${run.stderr}`)
      const perRule = {}
      for (const m of JSON.parse(run.stdout)[0].messages) {
        const entry = (perRule[m.ruleId] ??= { error: 0, warn: 0 })
        entry[m.severity === 2 ? 'error' : 'warn']++
      }
      out[f.replace(/\.yaml$/, '')] = perRule
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  return out
}

const total = (perRule, kind) => Object.values(perRule).reduce((n, c) => n + c[kind], 0)
const cell = (perRule) => `${total(perRule, 'error')} / ${total(perRule, 'warn')}`

function compare(beforeFile, afterFile) {
  const before = JSON.parse(readFileSync(beforeFile, 'utf8'))
  const after = JSON.parse(readFileSync(afterFile, 'utf8'))
  const versions = Object.keys(after)
  const rules = [...new Set(versions.flatMap((v) => [...Object.keys(before[v] ?? {}), ...Object.keys(after[v])]))].sort()
  const lines = ['| rule | before: errors / warnings | versions | after: errors / warnings | versions |', '| --- | ---: | ---: | ---: | ---: |']
  const sum = (side, rule, kind) => versions.reduce((n, v) => n + (side[v]?.[rule]?.[kind] ?? 0), 0)
  const inVersions = (side, rule) => versions.filter((v) => side[v]?.[rule]).length
  for (const rule of rules) {
    lines.push(`| \`${rule}\` | ${sum(before, rule, 'error')} / ${sum(before, rule, 'warn')} | ${inVersions(before, rule)} | ${sum(after, rule, 'error')} / ${sum(after, rule, 'warn')} | ${inVersions(after, rule)} |`)
  }
  const failing = (side) => versions.filter((v) => side[v] && total(side[v], 'error') > 0).length
  lines.push(`| versions that fail (exit 1 on an error) | | ${failing(before)} | | ${failing(after)} |`)
  lines.push('', '| version | before: errors / warnings | after: errors / warnings | after, by rule |', '| --- | ---: | ---: | --- |')
  for (const v of versions) {
    const byRule = Object.entries(after[v]).map(([r, c]) => `${r} ${c.error ? `${c.error}E` : ''}${c.error && c.warn ? ' ' : ''}${c.warn ? `${c.warn}W` : ''}`).join(', ')
    lines.push(`| ${v} | ${cell(before[v] ?? {})} | ${cell(after[v])} | ${byRule} |`)
  }
  return lines.join('\n') + '\n'
}

if (values.compare) {
  if (positionals.length !== 2) throw new Error("--compare takes two files: before and after")
  process.stdout.write(compare(positionals[0], positionals[1]))
} else {
  const text = `${JSON.stringify(count(), null, 1)}\n`
  if (values.json) writeFileSync(values.json, text)
  else process.stdout.write(text)
}
