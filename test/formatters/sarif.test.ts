// sarif formatter: whole-output golden tests, and validation against the official OASIS SARIF 2.1.0 JSON Schema.
import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { artifactLocationOf, sarif } from '../../src/formatters/sarif.js'
import type { FileResult } from '../../src/types.js'
import { CONTINUITY_META, DOCS, fileResult, finding, formatContext, ruleMeta, STALE_OVERRIDE_META, YAML_SYNTAX_META } from '../helpers/format-context.js'
import { compileSarifSchema, VENDORED_SARIF_SCHEMA as VENDORED_SCHEMA } from '../helpers/sarif-schema.js'
import { skipAllUnless } from '../helpers/skip.js'

const SHARED_SCHEMA = new URL('../../../shared/reference/sarif-schema-2.1.0.json', import.meta.url)

// Not in id order, to show the rules are sorted (ruleIndex depends on it).
const ctx = formatContext([YAML_SYNTAX_META, STALE_OVERRIDE_META, CONTINUITY_META, ruleMeta('interpolation-properties', 'Sizing is monotone and continuous.', 'off')])

const MESSAGE = 'Gap of $0.01 between "micro" and "small": 100% of size, 5:1 leverage,\nsee <docs> & fix'

const results: FileResult[] = [
  fileResult(
    '/repo/config/config_futures.yaml',
    [
      finding('profile-continuity', 'error', MESSAGE, [3, 5, 30], [3, 11, 36], {
        path: '/scalping/balance_profiles/small',
        fix: { range: [30, 36], text: '500.0' },
      }),
      finding('stale-override', 'warn', 'Override ETH-USDT is never live.', [7, 3, 80], [9, 1, 120], { path: '/overrides/ETH-USDT' }),
    ],
    {
      suppressed: [
        {
          ...finding('stale-override', 'warn', 'Override BTC-USDT is never live.', [5, 3, 50], [5, 9, 56], { path: '/overrides/BTC-USDT' }),
          justification: 'kept for the next deposit',
        },
        {
          ...finding('stale-override', 'warn', 'Override SOL-USDT is never live.', [12, 3, 200], [12, 9, 206], { path: '/overrides/SOL-USDT' }),
          justification: '',
        },
      ],
    },
  ),
  fileResult('/repo/my configs/clean.yaml', []),
  fileResult('<stdin>', [finding('yaml-syntax', 'error', 'Unexpected ":"', [1, 1, 0], [1, 2, 1], { fatal: true })]),
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

/**
 * An expected result with one location: `region` is [startLine, startColumn, endLine, endColumn]; `suppressions` only
 * for a finding silenced by a directive. Key order as the formatter writes it.
 */
function sarifResult(
  ruleId: string,
  ruleIndex: number,
  level: string,
  text: string,
  artifactLocation: { uri: string; uriBaseId?: string; index: number },
  [startLine, startColumn, endLine, endColumn]: [number, number, number, number],
  jsonPointer: string,
  suppressions?: { kind: string; status: string; justification?: string }[],
) {
  return {
    ruleId,
    ruleIndex,
    level,
    message: { text },
    locations: [{ physicalLocation: { artifactLocation, region: { startLine, startColumn, endLine, endColumn } } }],
    ...(suppressions ? { suppressions } : {}),
    properties: { jsonPointer, messageId: 'msg' },
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
        sarifResult('profile-continuity', 1, 'error', MESSAGE, { ...FUTURES, index: 0 }, [3, 5, 3, 11], '/scalping/balance_profiles/small'),
        sarifResult('stale-override', 2, 'warning', 'Override BTC-USDT is never live.', { ...FUTURES, index: 0 }, [5, 3, 5, 9], '/overrides/BTC-USDT', [
          { kind: 'inSource', status: 'accepted', justification: 'kept for the next deposit' },
        ]),
        sarifResult('stale-override', 2, 'warning', 'Override ETH-USDT is never live.', { ...FUTURES, index: 0 }, [7, 3, 9, 1], '/overrides/ETH-USDT'),
        sarifResult('stale-override', 2, 'warning', 'Override SOL-USDT is never live.', { ...FUTURES, index: 0 }, [12, 3, 12, 9], '/overrides/SOL-USDT', [
          { kind: 'inSource', status: 'accepted' },
        ]),
        sarifResult('yaml-syntax', 3, 'error', 'Unexpected ":"', { uri: '%3Cstdin%3E', index: 2 }, [1, 1, 1, 2], ''),
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
      [fileResult('/elsewhere/a b.yaml', [finding('x-rule', 'warn', 'w', [2, 1, 5], [2, 3, 7], { path: '/a' })])],
      { ...ctx, rules: {}, cwd: '/repo/sub/' },
    )
    const run = expected.runs[0]!
    const xRule = {
      id: 'x-rule',
      name: 'x-rule',
      shortDescription: { text: 'x-rule' },
      fullDescription: { text: 'x-rule' },
      help: {
        text: `x-rule\n\nDocumentation: ${DOCS}/x-rule.md`,
        markdown: `x-rule\n\n[Documentation](${DOCS}/x-rule.md)`,
      },
      helpUri: `${DOCS}/x-rule.md`,
    }
    expect(out).toBe(
      `${JSON.stringify(
        {
          ...expected,
          runs: [
            {
              ...run,
              tool: { driver: { ...run.tool.driver, rules: [xRule] } },
              originalUriBaseIds: { '%SRCROOT%': { uri: 'file:///repo/sub/' } },
              artifacts: [{ location: { uri: 'file:///elsewhere/a%20b.yaml' }, roles: ['analysisTarget'] }],
              results: [sarifResult('x-rule', 0, 'warning', 'w', { uri: 'file:///elsewhere/a%20b.yaml', index: 0 }, [2, 1, 2, 3], '/a')],
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

describe('sarif fixes', () => {
  const validate = compileSarifSchema(VENDORED_SCHEMA)

  it("writes each suggestion as a SARIF fix on the finding's file, its deleted region in lines and columns, and validates", () => {
    const withSuggestions = [
      fileResult('/repo/config/a.yaml', [
        finding('stale-override', 'error', 'Override ignored', [14, 32, 400], [14, 36, 404], {
          path: '/o',
          suggestions: [
            {
              desc: 'Set the override to $122.16',
              messageId: 'setOverride',
              fix: { range: [400, 404], text: '122.16' },
              range: { start: { line: 14, column: 32, offset: 400 }, end: { line: 14, column: 36, offset: 404 } },
            },
            {
              desc: 'Remove it',
              fix: { range: [369, 405], text: '' },
              range: { start: { line: 14, column: 1, offset: 369 }, end: { line: 15, column: 1, offset: 405 } },
            },
          ],
        }),
        finding('profile-continuity', 'error', 'Gap', [20, 3, 500], { path: '/g', fix: { range: [500, 505], text: '500.0' } }),
      ]),
    ]
    const log = JSON.parse(sarif(withSuggestions, ctx)) as { runs: { results: Record<string, unknown>[] }[] }
    const artifactLocation = { uri: 'config/a.yaml', uriBaseId: '%SRCROOT%', index: 0 }
    expect(log.runs[0]!.results[0]!.fixes).toEqual([
      {
        description: { text: 'Set the override to $122.16' },
        artifactChanges: [
          {
            artifactLocation,
            replacements: [{ deletedRegion: { startLine: 14, startColumn: 32, endLine: 14, endColumn: 36 }, insertedContent: { text: '122.16' } }],
          },
        ],
        properties: { messageId: 'setOverride' },
      },
      {
        description: { text: 'Remove it' },
        artifactChanges: [
          { artifactLocation, replacements: [{ deletedRegion: { startLine: 14, startColumn: 1, endLine: 15, endColumn: 1 }, insertedContent: { text: '' } }] },
        ],
      },
    ])
    // The --fix edit has offsets only: no fix object for it.
    expect(log.runs[0]!.results[1]).not.toHaveProperty('fixes')
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true)
  })

  it('is checked by a validator that rejects a fix without artifact changes', () => {
    const log = JSON.parse(sarif([fileResult('/repo/a.yaml', [finding('stale-override', 'error', 'm', [1, 1])])], ctx)) as { runs: { results: Record<string, unknown>[] }[] }
    log.runs[0]!.results[0]!.fixes = [{ description: { text: 'x' }, artifactChanges: [] }]
    expect(validate(log)).toBe(false)
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

describe('the shared reference copy of the SARIF schema', () => {
  skipAllUnless(existsSync(SHARED_SCHEMA), '../shared/reference/sarif-schema-2.1.0.json is absent (the shared reference copy is read from beside the checkout)')
  it('is byte-identical to the vendored copy', () => {
    expect(readFileSync(VENDORED_SCHEMA).equals(readFileSync(SHARED_SCHEMA))).toBe(true)
  })

  it('accepts the output too', () => {
    const validate = compileSarifSchema(SHARED_SCHEMA)
    expect(validate(JSON.parse(sarif(results, ctx))), JSON.stringify(validate.errors, null, 2)).toBe(true)
  })
})
