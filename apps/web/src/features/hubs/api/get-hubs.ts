import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Hub, HubListQuery, Paged } from '@vcentri/shared';
import { api } from '../../../lib/api-client';

export const getHubs = (query: HubListQuery = {}, signal?: AbortSignal) =>
  api.get<Paged<Hub>>('/hubs', { ...query }, signal);

export const hubsQueryOptions = (query: HubListQuery = {}) =>
  queryOptions({
    queryKey: ['hubs', 'list', query],
    queryFn: ({ signal }) => getHubs(query, signal),
  });

export function useHubs(query: HubListQuery = {}) {
  return useQuery(hubsQueryOptions(query));
}
