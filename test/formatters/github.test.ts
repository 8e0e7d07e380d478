// github formatter: whole-output tests of the workflow commands, escaping as @actions/core does it.
import { describe, expect, it } from 'vitest'
import { escapeData, escapeProperty, github } from '../../src/formatters/github.js'
import { CONTINUITY_META, fileResult, finding, formatContext, STALE_OVERRIDE_META, YAML_SYNTAX_META } from '../helpers/format-context.js'

const ctx = formatContext([CONTINUITY_META, STALE_OVERRIDE_META, YAML_SYNTAX_META])

describe('github formatter', () => {
  it('prints one command per finding, escaping data and properties, for every file shape', () => {
    const results = [
      fileResult('/repo/config/config_futures.yaml', [
        finding(
          'profile-continuity',
          'error',
          'Gap of $0.01 between "micro" and "small": 100% of size, 5:1 leverage,\r\nsee <docs> & fix',
          [3, 5],
          [3, 11],
        ),
        finding('stale-override', 'warn', 'Override ETH-USDT is live only for balances up to $700.00.', [7, 3], [9, 1]),
        finding('stale-override', 'warn', 'Ends mid-line.', [10, 3], [12, 8]),
        finding('profile-continuity', 'error', 'Empty span.', [14, 4], [14, 4]),
      ]),
      fileResult('/repo/my configs/clean.yaml', []),
      fileResult('/repo/odd, name:v2.yaml', [finding('stale-override', 'warn', 'Odd path.', [1, 1], [1, 4])]),
      fileResult('/elsewhere/outside.yaml', [finding('profile-continuity', 'error', 'Outside.', [2, 1], [2, 2])]),
      fileResult('<stdin>', [finding('yaml-syntax', 'error', 'Unexpected ":" at 1:1', [1, 1], [1, 2], { fatal: true })]),
    ]
    expect(github(results, ctx)).toBe(
      [
        '::error file=config/config_futures.yaml,line=3,col=5,endLine=3,endColumn=10,title=profile-continuity::' +
          'Gap of $0.01 between "micro" and "small": 100%25 of size, 5:1 leverage,%0D%0Asee <docs> & fix',
        // Multi-line: no columns; the span ends at column 1, so its last line is 8, not 9.
        '::warning file=config/config_futures.yaml,line=7,endLine=8,title=stale-override::' +
          'Override ETH-USDT is live only for balances up to $700.00.',
        '::warning file=config/config_futures.yaml,line=10,endLine=12,title=stale-override::Ends mid-line.',
        '::error file=config/config_futures.yaml,line=14,col=4,endLine=14,endColumn=4,title=profile-continuity::Empty span.',
        '::warning file=odd%2C name%3Av2.yaml,line=1,col=1,endLine=1,endColumn=3,title=stale-override::Odd path.',
        '::error file=/elsewhere/outside.yaml,line=2,col=1,endLine=2,endColumn=1,title=profile-continuity::Outside.',
        '::error line=1,col=1,endLine=1,endColumn=1,title=yaml-syntax::Unexpected ":" at 1:1',
        '',
      ].join('\n'),
    )
  })

  it('prints a path with a space as is, relative to cwd', () => {
    const results = [fileResult('/repo/my configs/a b.yaml', [finding('stale-override', 'warn', 'w', [2, 3], [2, 5])])]
    expect(github(results, ctx)).toBe(
      '::warning file=my configs/a b.yaml,line=2,col=3,endLine=2,endColumn=4,title=stale-override::w\n',
    )
  })

  it('prints nothing at all for no results or only clean files', () => {
    expect(github([], ctx)).toBe('')
    expect(github([fileResult('/repo/a.yaml', []), fileResult('<stdin>', [])], ctx)).toBe('')
  })

  it('prints every finding, beyond the 10 GitHub shows per level', () => {
    const many = Array.from({ length: 12 }, (_, i) => finding('profile-continuity', 'error', `e${i}`, [i + 1, 1], [i + 1, 2]))
    const lines = github([fileResult('/repo/a.yaml', many)], ctx).split('\n')
    expect(lines).toHaveLength(13)
    expect(lines[11]).toBe('::error file=a.yaml,line=12,col=1,endLine=12,endColumn=1,title=profile-continuity::e11')
    expect(lines[12]).toBe('')
  })
})

describe('escapeData / escapeProperty', () => {
  it('escape % first, then CR and LF; properties also : and ,', () => {
    expect(escapeData('100%0A, a:b\r\n')).toBe('100%250A, a:b%0D%0A')
    expect(escapeProperty('100%0A, a:b\r\n')).toBe('100%250A%2C a%3Ab%0D%0A')
  })
})
