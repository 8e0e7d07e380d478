// ESLint's TIMING=1: the time each rule takes, summed over every file linted, printed to stderr after the report.
import { performance } from 'node:perf_hooks'

/** Milliseconds per rule id, summed over the files of one run. */
export type RuleTimes = Map<string, number>

/** The number of rules to list: TIMING=all lists every rule, TIMING=<n> the n slowest, any other value the ten slowest. */
export function timingLimit(env: Readonly<Record<string, string | undefined>>): number | undefined {
  const value = env.TIMING
  if (value === undefined || value === '') return undefined
  if (value === 'all') return Infinity
  const n = Number(value)
  return Number.isInteger(n) && n > 0 ? n : 10
}

/** Runs `work` for rule `id`, adding its time to `times` when given. */
export function timed<T>(times: RuleTimes | undefined, id: string, work: () => T): T {
  if (!times) return work()
  const start = performance.now()
  try {
    return work()
  } finally {
    times.set(id, (times.get(id) ?? 0) + performance.now() - start)
  }
}

/** ESLint's table (Markdown-aligned): rule, time in ms, share of all the rules' time; the slowest first. */
export function timingTable(times: ReadonlyMap<string, number>, limit: number): string {
  const rows = [...times].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, limit)
  const all = [...times.values()].reduce((a, b) => a + b, 0)
  const cells = rows.map(([id, ms]) => [id, ms.toFixed(3), `${all > 0 ? ((100 * ms) / all).toFixed(1) : '0.0'}%`])
  const header = ['Rule', 'Time (ms)', 'Relative']
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)))
  const line = (c: readonly string[]): string => c.map((x, i) => (i === 0 ? x.padEnd(widths[i]!) : x.padStart(widths[i]!))).join(' | ')
  // As ESLint draws it: ":---" under the left-aligned rule ids, "---:" under the right-aligned numbers.
  const rule = widths.map((w, i) => (i === 0 ? `:${'-'.repeat(w)}` : `${'-'.repeat(i === widths.length - 1 ? w : w + 1)}:`)).join('|')
  return [line(header), rule, ...cells.map(line)].join('\n') + '\n'
}
