// junit: JUnit XML for CI test reports (Jenkins, GitLab, GitHub test-report actions): a suite per file, a test case per rule.
import { reportPath } from '../text/report-path.js'
import type { FileResult, Finding, Formatter } from '../types.js'

// Characters XML 1.0 cannot carry at all (not even as &#...;): C0 controls but TAB/LF/CR, lone surrogates, U+FFFE/U+FFFF.
const INVALID_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }

/**
 * Escapes text for XML 1.0 element content and double- or single-quoted attributes. Characters XML cannot
 * represent become U+FFFD, so a reader sees that something was there. TAB, LF and CR become character
 * references: parsers normalise them to spaces in attributes (and CR to LF in text) otherwise.
 */
export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML, '\uFFFD')
    .replace(/[&<>"'\t\n\r]/g, (c) => ENTITY[c] ?? `&#${c.charCodeAt(0)};`)
}

function where(f: Finding): string {
  return `${f.range.start.line}:${f.range.start.column}`
}

/**
 * JUnit XML. Each file is a <testsuite> named by its path relative to ctx.cwd; each rule (every id in ctx.rules,
 * plus any id only seen in findings, sorted) is a <testcase> in it. A rule with findings fails with ONE <failure>
 * whose body lists them all, `line:column message` per line: the common JUnit schema allows one failure per test
 * case, and Jenkins and GitLab show only the first. Warnings fail too, with type="warning" (ESLint's junit does the
 * same). When a fatal finding stopped the other rules, their test cases are <skipped/> rather than passing.
 */
export const junit: Formatter = (results, ctx) => {
  const ruleIds = [...new Set([...Object.keys(ctx.rules), ...results.flatMap((r) => r.findings.map((f) => f.ruleId))])].sort()
  let tests = 0
  let failures = 0
  let body = ''
  for (const result of results as FileResult[]) {
    const name = escapeXml(reportPath(result.filePath, ctx.cwd))
    const fatal = result.findings.some((f) => f.fatal)
    let cases = ''
    let suiteFailures = 0
    let suiteSkipped = 0
    for (const ruleId of ruleIds) {
      const findings = result.findings.filter((f) => f.ruleId === ruleId)
      const open = `    <testcase classname="${name}" name="${escapeXml(ruleId)}" time="0"`
      const first = findings[0]
      if (first !== undefined) {
        suiteFailures++
        const type = findings.some((f) => f.severity === 'error') ? 'error' : 'warning'
        const more = findings.length > 1 ? ` (+${findings.length - 1} more)` : ''
        const message = escapeXml(`${where(first)} ${first.message}${more}`)
        const lines = findings.map((f) => escapeXml(`${where(f)} ${f.message}`)).join('\n')
        cases += `${open}>\n      <failure message="${message}" type="${type}">${lines}</failure>\n    </testcase>\n`
      } else if (fatal) {
        suiteSkipped++
        cases += `${open}>\n      <skipped message="not run: a fatal finding stopped linting this file"/>\n    </testcase>\n`
      } else {
        cases += `${open}/>\n`
      }
    }
    tests += ruleIds.length
    failures += suiteFailures
    body +=
      `  <testsuite name="${name}" tests="${ruleIds.length}" failures="${suiteFailures}" errors="0" skipped="${suiteSkipped}" time="0">\n` +
      cases +
      '  </testsuite>\n'
  }
  return (
    '<?xml version="1.0" encoding="utf-8"?>\n' +
    `<testsuites name="lint-config" tests="${tests}" failures="${failures}" errors="0">\n` +
    body +
    '</testsuites>\n'
  )
}
