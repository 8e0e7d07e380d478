// The checks the fix and suggestion tests rely on do fail when data outside an edit, a line or a comment is lost.
import { describe, expect, it } from 'vitest'
import { changedPaths, commentProblems, comments, editProblems, linesOf, missing } from './edit-invariants.js'
import { lineProblems, withGap } from './fix-invariants.js'

describe('edit invariants', () => {
  it('changedPaths names the deepest differing pointers, keys on one side only included', () => {
    expect(changedPaths({ a: 1, b: { c: 2, 'x/y': [1, 2] } }, { a: 1, b: { c: 3, d: 1, 'x/y': [1, 3] } })).toEqual(['/b/c', '/b/x~1y/1', '/b/d'])
    expect(changedPaths([1], [1, 2])).toEqual([''])
    expect(changedPaths({ a: null }, { a: null })).toEqual([])
  })

  it('comments finds comment tokens, not # inside scalars', () => {
    expect(comments('a: "#no"  # yes\n# line\nb: c#d\n')).toEqual([
      { line: 1, comment: '# yes' },
      { line: 2, comment: '# line' },
    ])
  })

  it('linesOf lists the touched lines, or only the whole ones', () => {
    const text = 'a: 1\nb: 2\nc: 3\n'
    expect(linesOf(text, [3, 8])).toEqual([1, 2])
    expect(linesOf(text, [5, 10], true)).toEqual([2])
    expect(linesOf(text, [3, 3])).toEqual([1])
  })

  it('missing counts repeats', () => {
    expect(missing(['a', 'a', 'b'], ['a', 'b', 'c'])).toEqual(['a'])
  })

  it('commentProblems reports a lost comment and a changed commented line, unless the line was edited or removed', () => {
    const before = '# top\na: 1  # one\nb: 2\n'
    expect(commentProblems(before, '# top\na: 1\nb: 2\n')).toEqual(['comment lost: # one', 'commented line changed: "a: 1  # one"'])
    expect(commentProblems(before, '# top\na: 5  # one\nb: 2\n')).toEqual(['commented line changed: "a: 1  # one"'])
    expect(commentProblems(before, '# top\na: 5  # one\nb: 2\n', new Set([2]))).toEqual([])
    expect(commentProblems(before, '# top\nb: 2\n', new Set(), new Set([2]))).toEqual([])
  })

  it('editProblems reports data changed through an alias outside the edit, and a comment the edit takes', () => {
    expect(editProblems('x: &v 1\ny: *v\n', { range: [6, 7], text: '2' })).toEqual(['data changed outside the edit at /y'])
    expect(editProblems('a: 1  # c\n', { range: [3, 9], text: '2' })).toEqual(['comment lost: # c'])
    expect(editProblems('a: 1  # c\nb: 2\n', { range: [0, 10], text: '' })).toEqual([])
    expect(editProblems('a: 1\n', { range: [3, 4], text: '[' })).toEqual(['the edit leaves a file the bot cannot load'])
  })
})

describe('fix invariants', () => {
  it('lineProblems allows only the fixed values to change, trailing comments kept', () => {
    const before = 'a: 1  # c\nb: 2\n'
    expect(lineProblems(before, 'a: 10  # c\nb: 2\n', [{ start: 3, end: 4 }])).toEqual([])
    expect(lineProblems(before, 'a: 10\nb: 2\n', [{ start: 3, end: 4 }])).toEqual(['line 1 changed outside the fixed value: "a: 1  # c" -> "a: 10"'])
    expect(lineProblems(before, 'a: 1  # c\nb: 3\n', [{ start: 3, end: 4 }])).toEqual(['line 2 changed: "b: 2" -> "b: 3"'])
    expect(lineProblems(before, 'a: 1  # c\n', [])).toEqual(['the fix changed the number of lines (3 to 2)'])
  })

  it('withGap moves the second profile min_balance one dollar above the first threshold, BOM kept', () => {
    const text = '\uFEFFscalping:\n  balance_profiles:\n    b: { threshold: 900, min_balance: 500 }\n    a: { threshold: 500 }\n'
    expect(withGap(text)).toEqual({
      text: '\uFEFFscalping:\n  balance_profiles:\n    b: { threshold: 900, min_balance: 501 }\n    a: { threshold: 500 }\n',
      path: '/scalping/balance_profiles/b/min_balance',
    })
    expect(withGap('scalping:\n  balance_profiles:\n    a: { threshold: 500, min_balance: 1 }\n')).toBeUndefined()
  })
})
