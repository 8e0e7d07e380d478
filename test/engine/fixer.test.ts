// The Fixer: scalar replacement that keeps PyYAML's reading, and key removal that takes whole pairs and no comment.
import { describe, expect, it } from 'vitest'
import { applyEdits } from '../../src/engine/fix.js'
import { createFixer } from '../../src/engine/fixer.js'
import { parseConfig } from '../../src/engine/parse.js'
import type { Fixer, TextEdit } from '../../src/types.js'

/** The text after `edit(fixer)`, or null when the fixer refuses. */
function after(text: string, edit: (fixer: Fixer) => TextEdit | null): string | null {
  const parsed = parseConfig(text)
  const e = edit(createFixer(parsed.doc, parsed.text))
  return e === null ? null : applyEdits(text, [e]).text
}

describe('replaceValue', () => {
  it('replaces the scalar alone, keeping a float a float and the comment after it', () => {
    expect(after('a:\n  b: 42.0  # why\n', (f) => f.replaceValue('/a/b', 122))).toBe('a:\n  b: 122.0  # why\n')
    expect(after('a: { b: 42, c: 1 }\n', (f) => f.replaceValue('/a/b', 122.16))).toBe('a: { b: 122.16, c: 1 }\n')
  })

  it('edits the last of duplicated keys, the one the bot reads', () => {
    expect(after('b: 1\nb: 2\n', (f) => f.replaceValue('/b', 3))).toBe('b: 1\nb: 3\n')
  })

  it('refuses a node reached through an alias or a merge key: the edit would change the other places too', () => {
    expect(after('x: &v 1\ny: *v\n', (f) => f.replaceValue('/y', 2))).toBeNull()
    expect(after('base: &b { s: 1 }\nuse:\n  <<: *b\n  t: 2\n', (f) => f.replaceValue('/use/s', 5))).toBeNull()
    expect(after('base: &b { s: 1 }\nuse: *b\n', (f) => f.replaceValue('/use/s', 5))).toBeNull()
    expect(after('x: &v 1\ny: *v\n', (f) => f.replaceValue('/x', 2))).toBe('x: &v 2\ny: *v\n')
  })

  it('refuses a path that does not exist or is not a scalar', () => {
    expect(after('a: 1\n', (f) => f.replaceValue('/b', 2))).toBeNull()
    expect(after('a:\n  b: 1\n', (f) => f.replaceValue('/a', 2))).toBeNull()
  })
})

describe('removeKey in block mappings', () => {
  it('takes the pair line with its trailing comment and its line break, CRLF included', () => {
    expect(after('a:\n  b: 1  # gone with b\n  c: 2\n', (f) => f.removeKey('/a/b'))).toBe('a:\n  c: 2\n')
    expect(after('a:\r\n  b: 1\r\n  c: 2\r\n', (f) => f.removeKey('/a/b'))).toBe('a:\r\n  c: 2\r\n')
    expect(after('a: 1\nb: 2', (f) => f.removeKey('/b'))).toBe('a: 1\n')
  })

  it('takes a nested mapping with its lines, but keeps the comment-only and blank lines among them', () => {
    const text = 'r:\n  position:\n    # why 42\n    base: 42.0  # old\n\n    min: 1\n  other: 1\n'
    expect(after(text, (f) => f.removeKey('/r/position'))).toBe('r:\n    # why 42\n\n  other: 1\n')
  })

  it('takes a key with no value without the comments after it', () => {
    expect(after('a:\n  p:\n  # note\n  q: 1\n', (f) => f.removeKey('/a/p'))).toBe('a:\n  # note\n  q: 1\n')
  })

  it('takes a block scalar whose lines look like comments', () => {
    expect(after('a: |\n  # not a comment\n  x\nb: 1\n', (f) => f.removeKey('/a'))).toBe('b: 1\n')
  })

  it('takes every occurrence of a repeated key, so that no earlier value comes back', () => {
    expect(after('p:\n  base: 100.0\n  min: 1\n  base: 42.0\n', (f) => f.removeKey('/p/base'))).toBe('p:\n  min: 1\n')
  })

  it('refuses a pair that shares its line with a sequence dash, a missing key, and keys through aliases', () => {
    expect(after('s:\n  - a: 1\n    b: 2\n', (f) => f.removeKey('/s/0/a'))).toBeNull()
    expect(after('s:\n  - a: 1\n    b: 2\n', (f) => f.removeKey('/s/0/b'))).toBe('s:\n  - a: 1\n')
    expect(after('a: 1\n', (f) => f.removeKey('/b'))).toBeNull()
    expect(after('a: 1\n', (f) => f.removeKey(''))).toBeNull()
    expect(after('x: &m\n  k: 1\n  j: 2\ny: *m\n', (f) => f.removeKey('/y/k'))).toBeNull()
  })
})

describe('removeKey in flow mappings', () => {
  it('takes the pair with the comma after it, or before it when it is the last', () => {
    expect(after('p: { base: 42.0, min: 28.0, max: 65.0 }\n', (f) => f.removeKey('/p/base'))).toBe('p: { min: 28.0, max: 65.0 }\n')
    expect(after('p: { base: 42.0, min: 28.0, max: 65.0 }\n', (f) => f.removeKey('/p/min'))).toBe('p: { base: 42.0, max: 65.0 }\n')
    expect(after('p: { base: 42.0, min: 28.0, max: 65.0 }\n', (f) => f.removeKey('/p/max'))).toBe('p: { base: 42.0, min: 28.0 }\n')
  })

  it('leaves an empty mapping when the pair was the only one', () => {
    expect(after('p: { base: 42.0 }  # c\n', (f) => f.removeKey('/p/base'))).toBe('p: {}  # c\n')
  })

  it('refuses when a comment sits between the pairs', () => {
    expect(after('p: {\n  base: 42.0,  # keep\n  min: 1\n}\n', (f) => f.removeKey('/p/base'))).toBeNull()
  })
})
