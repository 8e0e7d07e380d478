// Every registered rule has: a source file named by its id, a test file, and a docs page whose FAIL and PASS examples fail and pass (and its suggestions).
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { lintText } from '../src/engine/lint-text.js'
import { rules } from '../src/rules/index.js'
import { defaultSettings } from '../src/settings/normalize.js'
import { buildSettingsSchema } from '../src/settings/settings-schema.js'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** The first ```yaml block after a `## FAIL` / `## PASS` heading. */
function example(doc: string, heading: 'FAIL' | 'PASS'): string | undefined {
  const section = doc.split(/^## /m).find((s) => s.startsWith(heading))
  return section ? /```yaml\n([\s\S]*?)```/.exec(section)?.[1] : undefined
}

describe('rule registry', () => {
  it('has the rules the spec requires', () => {
    for (const id of ['yaml-syntax', 'schema', 'profile-continuity', 'profile-monotonicity', 'stale-override', 'interpolation-properties']) {
      expect(Object.keys(rules)).toContain(id)
    }
  })

  it('schemas/settings.schema.json is generated from the registry (node scripts/gen-settings-schema.mjs)', () => {
    const committed = JSON.parse(readFileSync(path.join(repo, 'schemas/settings.schema.json'), 'utf8')) as unknown
    expect(committed).toEqual(buildSettingsSchema(rules))
  })

  it('the README lists every rule with its default severity', () => {
    const readme = readFileSync(path.join(repo, 'README.md'), 'utf8')
    for (const [id, rule] of Object.entries(rules)) {
      expect(readme).toContain(`| [\`${id}\`](docs/rules/${id}.md) | ${rule.meta.defaultSeverity} |`)
    }
  })

  for (const [id, rule] of Object.entries(rules)) {
    describe(id, () => {
      it('is registered under its own id, in a file named by it', () => {
        expect(rule.meta.id).toBe(id)
        expect(existsSync(path.join(repo, 'src/rules', `${id}.ts`))).toBe(true)
      })

      it('has a test file', () => {
        expect(existsSync(path.join(repo, 'test/rules', `${id}.test.ts`))).toBe(true)
      })

      it('has a one-line description and message templates', () => {
        expect(rule.meta.description).toMatch(/^[^\n]{10,200}$/)
        expect(Object.keys(rule.meta.messages).length).toBeGreaterThan(0)
      })

      it('says on its docs page whether it offers suggestions, as meta.hasSuggestions does', () => {
        const doc = readFileSync(path.join(repo, 'docs/rules', `${id}.md`), 'utf8')
        expect(/^- Suggestions: yes/m.test(doc) && doc.includes('**Suggestions**')).toBe(rule.meta.hasSuggestions === true)
      })

      it('has a docs page whose FAIL example fails and PASS example passes', () => {
        const file = path.join(repo, 'docs/rules', `${id}.md`)
        expect(existsSync(file), `docs/rules/${id}.md`).toBe(true)
        const doc = readFileSync(file, 'utf8')
        expect(doc.startsWith(`# ${id}\n`)).toBe(true)
        const fail = example(doc, 'FAIL')
        const pass = example(doc, 'PASS')
        expect(fail, 'a ## FAIL section with a yaml block').toBeDefined()
        expect(pass, 'a ## PASS section with a yaml block').toBeDefined()
        const settings = defaultSettings(rules)
        settings.rules[id] = { severity: 'error', options: settings.rules[id]!.options }
        const ids = (yaml: string): string[] => lintText(yaml, settings).findings.map((f) => f.ruleId)
        expect(ids(fail!)).toContain(id)
        expect(ids(pass!)).not.toContain(id)
      })
    })
  }
})
