import { createBrowserRouter, type createMemoryRouter, RouterProvider } from 'react-router';
import { routes } from './routes';

export function createAppRouter() {
  return createBrowserRouter(routes);
}

type AppRouter = ReturnType<typeof createBrowserRouter> | ReturnType<typeof createMemoryRouter>;

/**
 * The router's state updates are applied as ordinary (not transition) updates, so they are
 * rendered in order with the session's. With transitions, logging out on a signed-in-only page
 * rendered "signed out" on the old page before the navigation away, and its guard then sent the
 * user to the log-in page.
 */
export function AppRouterProvider({ router }: { router: AppRouter }) {
  return <RouterProvider router={router} useTransitions={false} />;
}
