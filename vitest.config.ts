import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/compile-schemas.ts'],
    testTimeout: 60_000,
    // Before the usual summary, one line per skipped test with its reason (test/helpers/skip.ts gives every skip one).
    reporters: ['./test/helpers/skip-reporter.ts', 'default'],
  },
})
