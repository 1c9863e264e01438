// TanStack Query defaults: a short freshness window, and no retries for answers that will not
// change on retry (4xx). Server and network failures get two more tries.
import { QueryClient } from '@tanstack/react-query';
import { isApiError } from './api-client';

export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        gcTime: 5 * 60_000,
        retry: shouldRetry,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}
