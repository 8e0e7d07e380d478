// sarif formatter: whole-output golden tests, and validation against the official OASIS SARIF 2.1.0 JSON Schema.
import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { artifactLocationOf, sarif } from '../../src/formatters/sarif.js'
import type { FileResult, Finding, FormatContext, RuleMeta, SuppressedFinding } from '../../src/types.js'
import { compileSarifSchema, VENDORED_SARIF_SCHEMA as VENDORED_SCHEMA } from '../helpers/sarif-schema.js'

const SHARED_SCHEMA = new URL('../../../shared/reference/sarif-schema-2.1.0.json', import.meta.url)

function meta(id: string, description: string, defaultSeverity: RuleMeta['defaultSeverity']): RuleMeta {
  return { id, description, defaultSeverity, fixable: false, schema: {}, defaultOptions: {}, messages: {} }
}

const DOCS = 'https://github.com/lint-config/lint-config/blob/main/docs/rules'

const ctx: FormatContext = {
  cwd: '/repo',
  color: false,
  // Not in id order, to show the rules are sorted (ruleIndex depends on it).
  rules: {
    'yaml-syntax': meta('yaml-syntax', 'The file parses as YAML 1.1.', 'error'),
    'stale-override': meta('stale-override', 'Every symbol override is live for some balance.', 'warn'),
    'profile-continuity': meta('profile-continuity', 'Adjacent balance profiles meet without a gap.', 'error'),
    'interpolation-properties': meta('interpolation-properties', 'Sizing is monotone and continuous.', 'off'),
  },
  docsUrl: (id) => `${DOCS}/${id}.md`,
}

function finding(
  ruleId: string,
  severity: Finding['severity'],
  message: string,
  path: string,
  [line, column, offset]: [number, number, number],
  [endLine, endColumn, endOffset]: [number, number, number],
  extra: Partial<Finding> = {},
): Finding {
  return {
    ruleId,
    messageId: 'msg',
    message,
    severity,
    path,
    range: { start: { line, column, offset }, end: { line: endLine, column: endColumn, offset: endOffset } },
    ...extra,
  }
}

function result(filePath: string, findings: Finding[], suppressed?: SuppressedFinding[]): FileResult {
  const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length
  return {
    filePath,
    findings,
    errorCount: count('error'),
    warningCount: count('warn'),
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    ...(suppressed ? { suppressed } : {}),
  }
}

const MESSAGE = 'Gap of $0.01 between "micro" and "small": 100% of size, 5:1 leverage,\nsee <docs> & fix'

const results: FileResult[] = [
  result(
    '/repo/config/config_futures.yaml',
    [
      finding('profile-continuity', 'error', MESSAGE, '/scalping/balance_profiles/small', [3, 5, 30], [3, 11, 36], {
        fix: { range: [30, 36], text: '500.0' },
      }),
      finding('stale-override', 'warn', 'Override ETH-USDT is never live.', '/overrides/ETH-USDT', [7, 3, 80], [9, 1, 120]),
    ],
    [
      {
        ...finding('stale-override', 'warn', 'Override BTC-USDT is never live.', '/overrides/BTC-USDT', [5, 3, 50], [5, 9, 56]),
        justification: 'kept for the next deposit',
      },
      {
        ...finding('stale-override', 'warn', 'Override SOL-USDT is never live.', '/overrides/SOL-USDT', [12, 3, 200], [12, 9, 206]),
        justification: '',
      },
    ],
  ),
  result('/repo/my configs/clean.yaml', []),
  result('<stdin>', [finding('yaml-syntax', 'error', 'Unexpected ":"', '', [1, 1, 0], [1, 2, 1], { fatal: true })]),
]

function descriptor(id: string, description: string, level: string) {
  return {
    id,
    name: id,
    shortDescription: { text: description },
    fullDescription: { text: description },
    help: {
      text: `${description}\n\nDocumentation: ${DOCS}/${id}.md`,
      markdown: `${description}\n\n[Documentation](${DOCS}/${id}.md)`,
    },
    helpUri: `${DOCS}/${id}.md`,
    defaultConfiguration: { level },
  }
}

const FUTURES = { uri: 'config/config_futures.yaml', uriBaseId: '%SRCROOT%' }

const expected = {
  $schema: 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json',
  version: '2.1.0',
  runs: [
    {
      tool: {
        driver: {
          name: 'lint-config',
          informationUri: 'https://github.com/lint-config/lint-config',
          rules: [
            descriptor('interpolation-properties', 'Sizing is monotone and continuous.', 'none'),
            descriptor('profile-continuity', 'Adjacent balance profiles meet without a gap.', 'error'),
            descriptor('stale-override', 'Every symbol override is live for some balance.', 'warning'),
            descriptor('yaml-syntax', 'The file parses as YAML 1.1.', 'error'),
          ],
        },
      },
      originalUriBaseIds: { '%SRCROOT%': { uri: 'file:///repo/' } },
      artifacts: [
        { location: FUTURES, roles: ['analysisTarget'] },
        { location: { uri: 'my%20configs/clean.yaml', uriBaseId: '%SRCROOT%' }, roles: ['analysisTarget'] },
        { location: { uri: '%3Cstdin%3E' }, roles: ['analysisTarget', 'standardStream'] },
      ],
      results: [
        {
          ruleId: 'profile-continuity',
          ruleIndex: 1,
          level: 'error',
          message: { text: MESSAGE },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { ...FUTURES, index: 0 },
                region: { startLine: 3, startColumn: 5, endLine: 3, endColumn: 11 },
              },
            },
          ],
          properties: { jsonPointer: '/scalping/balance_profiles/small', messageId: 'msg' },
        },
        {
          ruleId: 'stale-override',
          ruleIndex: 2,
          level: 'warning',
          message: { text: 'Override BTC-USDT is never live.' },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { ...FUTURES, index: 0 },
                region: { startLine: 5, startColumn: 3, endLine: 5, endColumn: 9 },
              },
            },
          ],
          suppressions: [{ kind: 'inSource', status: 'accepted', justification: 'kept for the next deposit' }],
          properties: { jsonPointer: '/overrides/BTC-USDT', messageId: 'msg' },
        },
        {
          ruleId: 'stale-override',
          ruleIndex: 2,
          level: 'warning',
          message: { text: 'Override ETH-USDT is never live.' },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { ...FUTURES, index: 0 },
                region: { startLine: 7, startColumn: 3, endLine: 9, endColumn: 1 },
              },
            },
          ],
          properties: { jsonPointer: '/overrides/ETH-USDT', messageId: 'msg' },
        },
        {
          ruleId: 'stale-override',
          ruleIndex: 2,
          level: 'warning',
          message: { text: 'Override SOL-USDT is never live.' },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { ...FUTURES, index: 0 },
                region: { startLine: 12, startColumn: 3, endLine: 12, endColumn: 9 },
              },
            },
          ],
          suppressions: [{ kind: 'inSource', status: 'accepted' }],
          properties: { jsonPointer: '/overrides/SOL-USDT', messageId: 'msg' },
        },
        {
          ruleId: 'yaml-syntax',
          ruleIndex: 3,
          level: 'error',
          message: { text: 'Unexpected ":"' },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: '%3Cstdin%3E', index: 2 },
                region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 2 },
              },
            },
          ],
          properties: { jsonPointer: '', messageId: 'msg' },
        },
      ],
      columnKind: 'utf16CodeUnits',
    },
  ],
}

describe('sarif formatter', () => {
  const validate = compileSarifSchema(VENDORED_SCHEMA)

  it('writes the whole log: every rule, artifacts, results in offset order, suppressions, 2-space JSON', () => {
    const out = sarif(results, ctx)
    expect(out).toBe(`${JSON.stringify(expected, null, 2)}\n`)
    expect(validate(JSON.parse(out)), JSON.stringify(validate.errors, null, 2)).toBe(true)
  })

  it('writes an empty results array (which GitHub requires) and still lists every rule for no results', () => {
    const out = sarif([], ctx)
    const run = expected.runs[0]!
    expect(out).toBe(
      `${JSON.stringify({ ...expected, runs: [{ ...run, artifacts: [], results: [] }] }, null, 2)}\n`,
    )
    expect(validate(JSON.parse(out)), JSON.stringify(validate.errors, null, 2)).toBe(true)
  })

  it('describes a rule seen only in findings by its id, and names files outside cwd by absolute file URI', () => {
    const out = sarif(
      [result('/elsewhere/a b.yaml', [finding('x-rule', 'warn', 'w', '/a', [2, 1, 5], [2, 3, 7])])],
      { ...ctx, rules: {}, cwd: '/repo/sub/' },
    )
    expect(out).toBe(
      `${JSON.stringify(
        {
          ...expected,
          runs: [
            {
              tool: {
                driver: {
                  name: 'lint-config',
                  informationUri: 'https://github.com/lint-config/lint-config',
                  rules: [
                    {
                      id: 'x-rule',
                      name: 'x-rule',
                      shortDescription: { text: 'x-rule' },
                      fullDescription: { text: 'x-rule' },
                      help: {
                        text: `x-rule\n\nDocumentation: ${DOCS}/x-rule.md`,
                        markdown: `x-rule\n\n[Documentation](${DOCS}/x-rule.md)`,
                      },
                      helpUri: `${DOCS}/x-rule.md`,
                    },
                  ],
                },
              },
              originalUriBaseIds: { '%SRCROOT%': { uri: 'file:///repo/sub/' } },
              artifacts: [{ location: { uri: 'file:///elsewhere/a%20b.yaml' }, roles: ['analysisTarget'] }],
              results: [
                {
                  ruleId: 'x-rule',
                  ruleIndex: 0,
                  level: 'warning',
                  message: { text: 'w' },
                  locations: [
                    {
                      physicalLocation: {
                        artifactLocation: { uri: 'file:///elsewhere/a%20b.yaml', index: 0 },
                        region: { startLine: 2, startColumn: 1, endLine: 2, endColumn: 3 },
                      },
                    },
                  ],
                  properties: { jsonPointer: '/a', messageId: 'msg' },
                },
              ],
              columnKind: 'utf16CodeUnits',
            },
          ],
        },
        null,
        2,
      )}\n`,
    )
    expect(validate(JSON.parse(out)), JSON.stringify(validate.errors, null, 2)).toBe(true)
  })

  it('is checked by a validator that does reject bad logs (a wrong level, an unencoded URI)', () => {
    const log = JSON.parse(sarif(results, ctx)) as typeof expected
    const run = log.runs[0]!
    expect(validate({ ...log, runs: [{ ...run, results: [{ ...run.results[0]!, level: 'warn' }] }] })).toBe(false)
    const spaced = { location: { uri: 'my configs/clean.yaml', uriBaseId: '%SRCROOT%' }, roles: ['analysisTarget'] }
    expect(validate({ ...log, runs: [{ ...run, artifacts: [spaced] }] })).toBe(false)
  })

  it('leaves informationUri out when the docs URL is not a repository page', () => {
    const log = JSON.parse(sarif([], { ...ctx, docsUrl: (id) => `https://example.com/rules/${id}` })) as {
      runs: { tool: { driver: Record<string, unknown> } }[]
    }
    expect(Object.keys(log.runs[0]!.tool.driver)).toEqual(['name', 'rules'])
  })
})

describe('artifactLocationOf', () => {
  it('percent-encodes each segment of a path inside cwd, so no segment reads as a scheme or fragment', () => {
    expect(artifactLocationOf('/repo/c:odd #1/%.yaml', '/repo')).toEqual({
      uri: 'c%3Aodd%20%231/%25.yaml',
      uriBaseId: '%SRCROOT%',
    })
    expect(artifactLocationOf('config/a.yaml', '/repo')).toEqual({ uri: 'config/a.yaml', uriBaseId: '%SRCROOT%' })
    expect(artifactLocationOf('/repo/../x.yaml', '/repo')).toEqual({ uri: 'file:///x.yaml' })
    expect(artifactLocationOf('/repo/..x.yaml', '/repo')).toEqual({ uri: '..x.yaml', uriBaseId: '%SRCROOT%' })
  })
})

describe.skipIf(!existsSync(SHARED_SCHEMA))('the shared reference copy of the SARIF schema', () => {
  it('is byte-identical to the vendored copy', () => {
    expect(readFileSync(VENDORED_SCHEMA).equals(readFileSync(SHARED_SCHEMA))).toBe(true)
  })

  it('accepts the output too', () => {
    const validate = compileSarifSchema(SHARED_SCHEMA)
    expect(validate(JSON.parse(sarif(results, ctx))), JSON.stringify(validate.errors, null, 2)).toBe(true)
  })
})
