// The portal is written against React's API and runs on Preact's compatibility layer
// (preact/compat, about 12 KB compressed against React DOM's 52 KB): every import of `react`,
// `react-dom` and their entry points — the portal's own and its libraries' (React Router, TanStack
// Query, react-i18next, FullCalendar's connector, Testing Library) — is answered by Preact. Used by
// the build (vite.config.ts) and the web tests (vitest.config.ts), so the tests run on what ships.
// To go back to React: replace `preactCompat()` with `@vitejs/plugin-react`'s `react()` in both
// configs and drop `preact` from the dependencies; docs/architecture.md says why and what it costs.
import type { Plugin } from 'vite';

const aliases = [
  { find: /^react$/, replacement: 'preact/compat' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react-dom\/test-utils$/, replacement: 'preact/test-utils' },
  // The compat runtime, not plain preact/jsx-runtime: it loads compat's prop handling (className,
  // onChange on text fields, defaultValue, style numbers) before the first element is made.
  { find: /^react\/jsx-runtime$/, replacement: 'preact/compat/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/compat/jsx-dev-runtime' },
];

/** Puts preact/compat where React was: the aliases and the JSX transform. */
export function preactCompat(): Plugin {
  return {
    name: 'vcentri-preact-compat',
    config: () => ({
      resolve: { alias: aliases },
      // TSX compiles to `react/jsx-runtime` calls (as tsconfig's `react-jsx` says, so type-checking
      // stays React's), which the aliases send to Preact.
      oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
      build: {
        rolldownOptions: {
          onwarn(warning, warn) {
            // Libraries marked for React Server Components; nothing here renders on a server.
            if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && /use (client|server)/.test(warning.message))
              return;
            // React Router takes React 19's `use` and `useOptimistic` when React has them and
            // does without when not (compat has neither).
            if (
              warning.code === 'IMPORT_IS_UNDEFINED' &&
              /`(use|useOptimistic)`.*preact/.test(warning.message)
            )
              return;
            warn(warning);
          },
        },
      },
    }),
  };
}
