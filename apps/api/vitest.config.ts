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
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
