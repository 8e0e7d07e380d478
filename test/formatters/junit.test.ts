// junit formatter: whole-output tests of the XML, including escaping and characters XML 1.0 cannot carry.
import { describe, expect, it } from 'vitest'
import { escapeXml, junit } from '../../src/formatters/junit.js'
import { CONTINUITY_META, fileResult, finding, formatContext, STALE_OVERRIDE_META, YAML_SYNTAX_META } from '../helpers/format-context.js'

// Not in id order, to show the test cases are sorted.
const ctx = formatContext([YAML_SYNTAX_META, STALE_OVERRIDE_META, CONTINUITY_META])

describe('junit formatter', () => {
  it('writes a suite per file and a test case per rule, one failure listing all findings of a rule', () => {
    const results = [
      fileResult('/repo/config/config_futures.yaml', [
        finding('profile-continuity', 'error', `Gap of $0.01 between "micro" & 'small': <0.5%>,\nsee docs`, [3, 5]),
        finding('stale-override', 'warn', 'Override ETH-USDT is live only for balances up to $700.00.', [7, 3]),
        finding('stale-override', 'warn', 'Override SOL-USDT is never live.', [9, 3]),
      ]),
      fileResult('/repo/my configs/clean.yaml', []),
      fileResult('<stdin>', [finding('yaml-syntax', 'error', 'Bad byte \u0001 and \uD800 here', [1, 1], { fatal: true })]),
    ]
    const c = (file: string, rule: string) => `    <testcase classname="${file}" name="${rule}" time="0"`
    const skipped = '      <skipped message="not run: a fatal finding stopped linting this file"/>'
    const gap = '3:5 Gap of $0.01 between &quot;micro&quot; &amp; &apos;small&apos;: &lt;0.5%&gt;,&#10;see docs'
    expect(junit(results, ctx)).toBe(
      [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<testsuites name="lint-config" tests="9" failures="3" errors="0">',
        '  <testsuite name="config/config_futures.yaml" tests="3" failures="2" errors="0" skipped="0" time="0">',
        `${c('config/config_futures.yaml', 'profile-continuity')}>`,
        `      <failure message="${gap}" type="error">${gap}</failure>`,
        '    </testcase>',
        `${c('config/config_futures.yaml', 'stale-override')}>`,
        '      <failure message="7:3 Override ETH-USDT is live only for balances up to $700.00. (+1 more)" type="warning">' +
          '7:3 Override ETH-USDT is live only for balances up to $700.00.',
        '9:3 Override SOL-USDT is never live.</failure>',
        '    </testcase>',
        `${c('config/config_futures.yaml', 'yaml-syntax')}/>`,
        '  </testsuite>',
        '  <testsuite name="my configs/clean.yaml" tests="3" failures="0" errors="0" skipped="0" time="0">',
        `${c('my configs/clean.yaml', 'profile-continuity')}/>`,
        `${c('my configs/clean.yaml', 'stale-override')}/>`,
        `${c('my configs/clean.yaml', 'yaml-syntax')}/>`,
        '  </testsuite>',
        '  <testsuite name="&lt;stdin&gt;" tests="3" failures="1" errors="0" skipped="2" time="0">',
        `${c('&lt;stdin&gt;', 'profile-continuity')}>`,
        skipped,
        '    </testcase>',
        `${c('&lt;stdin&gt;', 'stale-override')}>`,
        skipped,
        '    </testcase>',
        `${c('&lt;stdin&gt;', 'yaml-syntax')}>`,
        '      <failure message="1:1 Bad byte \uFFFD and \uFFFD here" type="error">1:1 Bad byte \uFFFD and \uFFFD here</failure>',
        '    </testcase>',
        '  </testsuite>',
        '</testsuites>',
        '',
      ].join('\n'),
    )
  })

  it('gives a rule missing from ctx.rules its own test case, and marks mixed severities as error', () => {
    const results = [
      fileResult('/elsewhere/x.yaml', [
        finding('other-rule', 'warn', 'w', [1, 1]),
        finding('other-rule', 'error', 'e', [2, 1]),
      ]),
    ]
    const out = junit(results, { ...ctx, rules: {} })
    expect(out).toBe(
      [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<testsuites name="lint-config" tests="1" failures="1" errors="0">',
        '  <testsuite name="/elsewhere/x.yaml" tests="1" failures="1" errors="0" skipped="0" time="0">',
        '    <testcase classname="/elsewhere/x.yaml" name="other-rule" time="0">',
        '      <failure message="1:1 w (+1 more)" type="error">1:1 w',
        '2:1 e</failure>',
        '    </testcase>',
        '  </testsuite>',
        '</testsuites>',
        '',
      ].join('\n'),
    )
  })

  it('writes an empty <testsuites> for no results', () => {
    expect(junit([], ctx)).toBe(
      '<?xml version="1.0" encoding="utf-8"?>\n<testsuites name="lint-config" tests="0" failures="0" errors="0">\n</testsuites>\n',
    )
  })
})

describe('escapeXml', () => {
  it('escapes markup, keeps whitespace as character references, replaces what XML 1.0 cannot carry', () => {
    expect(escapeXml(`a&b<c>d"e'f`)).toBe('a&amp;b&lt;c&gt;d&quot;e&apos;f')
    expect(escapeXml('\t\n\r')).toBe('&#9;&#10;&#13;')
    expect(escapeXml('\u0000\u0008\u000B\u001F\uFFFE\uFFFF\uDC00')).toBe('\uFFFD'.repeat(7))
    // Astral characters (a surrogate pair) and the last BMP character allowed are kept.
    expect(escapeXml('\u{1F4B0}\uFFFD\u0085')).toBe('\u{1F4B0}\uFFFD\u0085')
  })
})
