// Vitest config for the skip fixture alone, with the project's reporters (test/skips.test.ts runs it in a child process).
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/skip-fixture/*.fixture.ts'],
    reporters: ['./test/helpers/skip-reporter.ts', 'default'],
  },
})
