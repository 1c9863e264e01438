// Browser entry point: translations first (so the first paint is in the chosen language), then
// the providers and the router.
import { i18nReady } from './lib/i18n';
import './styles.css';
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { AppRouterProvider, createAppRouter } from './app/router';
import { AppProviders } from './app/providers';

const router = createAppRouter();
const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');

// Ukrainian is bundled; a reader who chose English waits for its file before the first paint.
// The first render is a transition, so React draws it in slices and a phone's main thread stays
// free to answer a tap (one long task otherwise).
void i18nReady.then(() =>
  startTransition(() =>
    createRoot(container).render(
      <StrictMode>
        <AppProviders>
          <AppRouterProvider router={router} />
        </AppProviders>
      </StrictMode>,
    ),
  ),
);
