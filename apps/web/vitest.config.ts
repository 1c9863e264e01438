// The web test project (jsdom + Testing Library). Run from the repo root: `npx vitest run --project web`.
import react from '@vitejs/plugin-react';
import { defineProject } from 'vitest/config';

export default defineProject({
  plugins: [react()],
  test: {
    name: 'web',
    environment: 'jsdom',
    include: ['test/**/*.test.tsx', 'src/**/*.test.tsx'],
    setupFiles: ['./test/setup.ts'],
    // A limit for a hung test, not a speed requirement (see test/setup.ts for waiting on the page).
    testTimeout: 60_000,
  },
});
