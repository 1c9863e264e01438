// Dated exceptions to a hub's weekly hours: closed days and special hours.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { HubException } from '@vcentri/shared';
import { api } from '../../../lib/api-client';

export const getHubExceptions = (
  hubId: string,
  query: { from?: string; to?: string },
  signal?: AbortSignal,
) => api.get<{ items: HubException[] }>(`/hubs/${encodeURIComponent(hubId)}/exceptions`, query, signal);

export const hubExceptionsQueryOptions = (hubId: string, query: { from?: string; to?: string } = {}) =>
  queryOptions({
    queryKey: ['hubs', 'detail', hubId, 'exceptions', query],
    queryFn: ({ signal }) => getHubExceptions(hubId, query, signal),
  });

export function useHubExceptions(hubId: string, query: { from?: string; to?: string } = {}) {
  return useQuery(hubExceptionsQueryOptions(hubId, query));
}
