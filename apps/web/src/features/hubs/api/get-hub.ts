import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Hub } from '@vcentri/shared';
import { api } from '../../../lib/api-client';

export const getHub = (id: string, signal?: AbortSignal) =>
  api.get<Hub>(`/hubs/${encodeURIComponent(id)}`, undefined, signal);

export const hubQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['hubs', 'detail', id],
    queryFn: ({ signal }) => getHub(id, signal),
    // A page that learns the hub's id from another answer (a room's) asks only once it has it.
    enabled: id !== '',
  });

export function useHub(id: string) {
  return useQuery(hubQueryOptions(id));
}
