// The web test project (jsdom + Testing Library). Run from the repo root: `npx vitest run --project web`.
import { defineProject } from 'vitest/config';
import { preactCompat } from './preact';

export default defineProject({
  plugins: [preactCompat()],
  // The ES module builds of libraries (as the portal's build takes), not their CommonJS ones:
  // a `require('react')` would go to Node and past the aliases.
  resolve: { conditions: ['module'], mainFields: ['module'] },
  test: {
    name: 'web',
    environment: 'jsdom',
    include: ['test/**/*.test.tsx', 'src/**/*.test.tsx'],
    setupFiles: ['./test/setup.ts'],
    // Libraries that import React are run through Vite, not Node, so the aliases reach their imports
    // too (Node would load React itself); Preact with them, so there is one copy of it.
    server: {
      deps: {
        inline: [
          /[\\/]node_modules[\\/](@testing-library[\\/]react|react-router|@tanstack[\\/]react-query|react-i18next|@fullcalendar[\\/]react|preact)[\\/]/,
        ],
      },
    },
    // A limit for a hung test, not a speed requirement (see test/setup.ts for waiting on the page).
    testTimeout: 60_000,
  },
});
