// Vite config for the web portal: dev server proxies the API; the build lands in dist/, which the
// API serves from the same origin (so the client only ever uses relative /api/v1 URLs).
import { defineConfig } from 'vite';
import { preactCompat } from './preact';
import { precompress } from './precompress';

export default defineConfig({
  plugins: [preactCompat(), precompress()],
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      // The shared contract builds TypeBox schemas at module level; the portal only needs its
      // constants and pure functions. Treating TypeBox calls and the contract's modules as free of
      // side effects lets the bundler drop the schemas (and TypeBox with them). The contract's
      // little schema builders (Localized, LocalizedOptional, Limit, Page, Text) only call Type too.
      output: {
        // Fewer, larger files for a first visit over phone networks: everything the portal boots
        // with in one file, and the small modules pages share (components, helpers, the contract's
        // constants, the features' API calls and labels) in one more, instead of twenty files of
        // a kilobyte, each costing a request. The calendar library stays a file of its own.
        codeSplitting: {
          groups: [
            { name: 'boot', tags: ['$initial'] },
            {
              name: 'shared',
              minShareCount: 2,
              test: (id: string) =>
                !/calendar/.test(id) &&
                /[\\/](apps[\\/]web[\\/]src[\\/](lib|app)|packages[\\/]shared)[\\/]|[\\/]features[\\/][^\\/]+[\\/](paths|labels|filters|format)/.test(
                  id,
                ),
            },
          ],
        },
      },
      treeshake: {
        manualPureFunctions: ['Type', 'Localized', 'LocalizedOptional', 'Limit', 'Page', 'Text'],
        moduleSideEffects: (id: string) => !/[\\/](packages[\\/]shared|typebox)[\\/]/.test(id),
      },
    },
  },
});
