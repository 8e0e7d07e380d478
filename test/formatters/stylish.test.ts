// stylish formatter: whole-output tests with colour off and on (exact ANSI codes, chalk level 1).
import { describe, expect, it } from 'vitest'
import { stylish } from '../../src/formatters/stylish.js'
import type { FileResult } from '../../src/types.js'
import { CONTINUITY_META, fileResult, finding, formatContext, STALE_OVERRIDE_META, YAML_SYNTAX_META } from '../helpers/format-context.js'

const ctx = formatContext([CONTINUITY_META, STALE_OVERRIDE_META, YAML_SYNTAX_META])

const results: FileResult[] = [
  fileResult(
    '/repo/config/config_futures.yaml',
    [
      finding('profile-continuity', 'error', 'Gap between profiles.', [3, 5]),
      finding('stale-override', 'warn', 'Override ETH-USDT is never live', [12, 3]),
    ],
    { fixableErrorCount: 1 },
  ),
  fileResult('/repo/my configs/clean.yaml', []),
  fileResult('<stdin>', [finding('yaml-syntax', 'error', 'Unexpected ":"', [1, 1])]),
]

// chalk level 1 (16 colours): open/close pairs, nested styles close in reverse order.
const underline = (s: string) => `\u001b[4m${s}\u001b[24m`
const dim = (s: string) => `\u001b[2m${s}\u001b[22m`
const red = (s: string) => `\u001b[31m${s}\u001b[39m`
const yellow = (s: string) => `\u001b[33m${s}\u001b[39m`
const redBold = (s: string) => `\u001b[31m\u001b[1m${s}\u001b[22m\u001b[39m`
const yellowBold = (s: string) => `\u001b[33m\u001b[1m${s}\u001b[22m\u001b[39m`

describe('stylish formatter', () => {
  it('groups by file, aligns columns, drops a final period, skips clean files, sums up (no colour)', () => {
    expect(stylish(results, ctx)).toBe(
      [
        '',
        'config/config_futures.yaml',
        '  3:5   error    Gap between profiles             profile-continuity',
        '  12:3  warning  Override ETH-USDT is never live  stale-override',
        '',
        '<stdin>',
        '  1:1  error  Unexpected ":"  yaml-syntax',
        '',
        '\u2716 3 problems (2 errors, 1 warning)',
        '  1 error and 0 warnings potentially fixable with the `--fix` option.',
        '',
        '',
      ].join('\n'),
    )
  })

  it('paints with exact ANSI codes when ctx.color is true, aligning on visible width', () => {
    expect(stylish(results, { ...ctx, color: true })).toBe(
      [
        '',
        underline('config/config_futures.yaml'),
        `  ${dim('3:5')}   ${red('error')}    Gap between profiles             ${dim('profile-continuity')}`,
        `  ${dim('12:3')}  ${yellow('warning')}  Override ETH-USDT is never live  ${dim('stale-override')}`,
        '',
        underline('<stdin>'),
        `  ${dim('1:1')}  ${red('error')}  Unexpected ":"  ${dim('yaml-syntax')}`,
        '',
        redBold('\u2716 3 problems (2 errors, 1 warning)'),
        redBold('  1 error and 0 warnings potentially fixable with the `--fix` option.'),
        '',
        '',
      ].join('\n'),
    )
  })

  it('paints the summary yellow when there are only warnings, singular words for one', () => {
    const warnings = [fileResult('/repo/a.yaml', [finding('stale-override', 'warn', 'w', [2, 1])])]
    expect(stylish(warnings, { ...ctx, color: true })).toBe(
      [
        '',
        underline('a.yaml'),
        `  ${dim('2:1')}  ${yellow('warning')}  w  ${dim('stale-override')}`,
        '',
        yellowBold('\u2716 1 problem (0 errors, 1 warning)'),
        '',
        '',
      ].join('\n'),
    )
  })

  it('prints nothing for no results or only clean files', () => {
    expect(stylish([], ctx)).toBe('')
    expect(stylish([fileResult('/repo/a.yaml', [])], { ...ctx, color: true })).toBe('')
  })

  it('lists suggestions under their finding, at the message column, without widening any column', () => {
    const suggestion = (desc: string, offset: number) => ({
      desc,
      fix: { range: [offset, offset + 4] as const, text: '122.16' },
      range: { start: { line: 14, column: 32, offset }, end: { line: 14, column: 36, offset: offset + 4 } },
    })
    const withSuggestions = [
      fileResult('/repo/a.yaml', [
        finding('stale-override', 'error', 'Override ignored at $1,018.00', [14, 32], {
          suggestions: [suggestion('Set the override to $122.16, the per-symbol size at balance $1,018.00', 400), suggestion('Remove the override', 380)],
        }),
        finding('profile-continuity', 'warn', 'Gap', [20, 3]),
      ]),
    ]
    expect(stylish(withSuggestions, ctx)).toBe(
      [
        '',
        'a.yaml',
        '  14:32  error    Override ignored at $1,018.00  stale-override',
        '                  suggestion: Set the override to $122.16, the per-symbol size at balance $1,018.00',
        '                  suggestion: Remove the override',
        '  20:3   warning  Gap                            profile-continuity',
        '',
        '\u2716 2 problems (1 error, 1 warning)',
        '',
        '',
      ].join('\n'),
    )
    expect(stylish(withSuggestions, { ...ctx, color: true }).split('\n')[4]).toBe(`                  ${dim('suggestion:')} Remove the override`)
  })
})
