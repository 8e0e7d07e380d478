// A fixture for test/skips.test.ts, run by its own vitest config (vitest.config.ts does not pick it up): skips that say why.
import { describe, expect, it } from 'vitest'
import { skipAllUnless, skipUnless } from '../helpers/skip.js'

describe('a block whose tool is missing', () => {
  skipAllUnless(false, 'the tool is not installed')
  it('first', () => expect(1).toBe(2))
  describe('nested', () => {
    it('second', () => expect(1).toBe(2))
  })
})

describe('a block whose tool is there', () => {
  skipAllUnless(true, 'never printed')
  it('runs', () => expect(1).toBe(1))
})

it('a test that needs root', (ctx) => {
  skipUnless(ctx, false, 'this user is not root')
  expect(1).toBe(2)
})

it('a test whose condition holds', (ctx) => {
  skipUnless(ctx, true, 'never printed')
  expect(1).toBe(1)
})
