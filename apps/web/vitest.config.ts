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
    testTimeout: 20_000,
  },
});
