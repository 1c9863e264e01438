// One test command for the whole repo: the API suite (real database) and the web suite (jsdom).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['packages/shared/vitest.config.ts', 'apps/api/vitest.config.ts', 'apps/web/vitest.config.ts'],
    reporters: ['default', './scripts/summary-reporter.ts'],
  },
});
