// Browser entry point: translations first (so the first paint is in the chosen language), then
// the providers and the router.
import { i18nReady } from './lib/i18n';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppRouterProvider, createAppRouter } from './app/router';
import { AppProviders } from './app/providers';

const router = createAppRouter();
const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');

// Ukrainian is bundled; a reader who chose English waits for its file before the first paint.
// `react-dom/client` is preact/compat's (preact.ts): the first render is one short task, with
// no transitions to slice it (compat's startTransition only calls its function).
void i18nReady.then(() =>
  createRoot(container).render(
    <StrictMode>
      <AppProviders>
        <AppRouterProvider router={router} />
      </AppProviders>
    </StrictMode>,
  ),
);
