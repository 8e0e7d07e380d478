// The real config versions in ../shared/corpus/config_futures (read, never copied), for the sizing rules' corpus tests.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect } from 'vitest'
import type { Finding, Rule } from '../../src/types.js'
import { lintRule, MALFORMED_MESSAGE, type CaseSetup } from '../rule-tester.js'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

export const CORPUS_DIR = path.resolve(repo, '../shared/corpus/config_futures')
export const corpusPresent = existsSync(CORPUS_DIR)
/** Why the corpus tests skip when it is absent (see test/helpers/skip.ts). */
export const CORPUS_ABSENT = '../shared/corpus/config_futures is absent (the real config versions are read from beside the checkout, never copied)'

/** The versions' file names in date order; none when the corpus is absent. */
export function corpusFiles(): string[] {
  return corpusPresent ? readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.yaml')).sort() : []
}

/** The findings of `rule` alone on one version, linted with `rule` and yaml-syntax as runRuleTests sets them up. */
export function lintCorpusFile(rule: Rule, file: string, setup: CaseSetup = {}): Finding[] {
  return lintRule(rule, readFileSync(path.join(CORPUS_DIR, file), 'utf8'), setup).findings.filter((f) => f.ruleId === rule.meta.id)
}

/** Lints every file, expects every message well formed, and counts the versions that have each messageId. */
export function versionsPerMessageId(files: string[], lint: (file: string) => Finding[]): Record<string, number> {
  const versions: Record<string, number> = {}
  for (const file of files) {
    const findings = lint(file)
    for (const f of findings) expect(f.message, file).not.toMatch(MALFORMED_MESSAGE)
    for (const id of new Set(findings.map((f) => f.messageId))) versions[id] = (versions[id] ?? 0) + 1
  }
  return versions
}
