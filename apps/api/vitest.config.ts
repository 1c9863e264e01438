import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'api',
    root: import.meta.dirname,
    include: ['test/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // One database per worker, shared by the files that worker runs (opening PGlite takes seconds).
    isolate: false,
    // Limits for a hung test, not speed requirements: on a busy two-core machine a test that takes
    // 3 s alone may take 30. Waits inside tests poll for a condition instead of sleeping.
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
