// Renders the real route table in memory, inside the real providers, at a given URL.
import { QueryClient } from '@tanstack/react-query';
import { type RenderResult, render } from '@testing-library/react';
import { createMemoryRouter } from 'react-router';
import { AppProviders } from '../src/app/providers';
import { AppRouterProvider } from '../src/app/router';
import { routes } from '../src/app/routes';

export interface RenderedApp extends RenderResult {
  router: ReturnType<typeof createMemoryRouter>;
  queryClient: QueryClient;
}

export function renderApp(path = '/'): RenderedApp {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  // No retries: a failed request should show its error state at once.
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  const view = render(
    <AppProviders queryClient={queryClient}>
      <AppRouterProvider router={router} />
    </AppProviders>,
  );
  return { ...view, router, queryClient };
}
