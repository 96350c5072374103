import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Integration tests start hubs on port 0 with their own temp folders, so files run in parallel;
    // two workers match the 2-core machines this runs on.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 30_000,
    reporters: ['default', './tests/helpers/summary-reporter.ts'],
  },
});
