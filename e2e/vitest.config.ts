// Browser journeys: the built system started as a newcomer starts it, driven in real Chromium.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'e2e',
    root: import.meta.dirname,
    include: ['**/*.e2e.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    // Limits for a hung journey, not speed requirements: a journey of a minute alone may take
    // several on a busy two-core machine. Page waits poll (support.ts: PAGE_TIMEOUT_MS).
    testTimeout: 600_000,
    hookTimeout: 300_000,
    reporters: ['default', '../scripts/summary-reporter.ts'],
  },
});
