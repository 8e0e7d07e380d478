// Vitest reporter that ends a run with one line per skipped test saying why it skipped (the note of test/helpers/skip.ts).
import type { Reporter, TestModule, Vitest } from 'vitest/node'

/** The lines the reporter prints for these modules: `↓ <file> > <test>: <reason>`, in file order; empty when nothing skipped. */
export function skipLines(modules: ReadonlyArray<TestModule>): string[] {
  const noted: string[] = []
  let unexplained = 0
  for (const module of [...modules].sort((a, b) => a.relativeModuleId.localeCompare(b.relativeModuleId))) {
    for (const test of module.children.allTests('skipped')) {
      const result = test.result()
      const note = result.state === 'skipped' ? result.note : undefined
      if (note === undefined) unexplained++
      else noted.push(`  ↓ ${module.relativeModuleId} > ${test.fullName}: ${note}`)
    }
  }
  if (noted.length === 0 && unexplained === 0) return []
  const lines = [`${noted.length + unexplained} skipped, and why:`, ...noted]
  // Tests a `-t` filter leaves out skip without a note; test/skips.test.ts refuses every other way of skipping.
  if (unexplained > 0) lines.push(`  ↓ ${unexplained}${noted.length > 0 ? ' more' : ''}: left out by a -t filter`)
  return lines
}

export default class SkipReporter implements Reporter {
  private vitest: Vitest | undefined

  onInit(vitest: Vitest): void {
    this.vitest = vitest
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const lines = skipLines(modules)
    if (lines.length > 0) this.vitest?.logger.log(['', ...lines].join('\n'))
  }
}
