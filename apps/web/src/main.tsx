// Browser entry point: translations first (so the first paint is in the chosen language), then
// the router, then the providers and the first render.
import { i18nReady } from './lib/i18n';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppRouterProvider, createAppRouter } from './app/router';
import { AppProviders } from './app/providers';

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');

/**
 * Lets the browser breathe between the steps of starting up: each step is a task of its own
 * instead of one long task that keeps a slow phone from answering a tap (Lighthouse's "blocking
 * time" counts every task over 50 ms).
 */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function start(root: HTMLElement) {
  // Ukrainian is bundled; a reader who chose English waits for its file before the first paint.
  await i18nReady;
  await nextTask();
  // The router starts fetching the page's code as it is made.
  const router = createAppRouter();
  await nextTask();
  // `react-dom/client` is preact/compat's (preact.ts): the first render is one short task, with
  // no transitions to slice it (compat's startTransition only calls its function).
  createRoot(root).render(
    <StrictMode>
      <AppProviders>
        <AppRouterProvider router={router} />
      </AppProviders>
    </StrictMode>,
  );
}

void start(container);
