import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Paged, Room } from '@vcentri/shared';
import { api } from '../../../lib/api-client';

export const getHubRooms = (hubId: string, signal?: AbortSignal) =>
  api.get<Paged<Room>>(`/hubs/${encodeURIComponent(hubId)}/rooms`, { limit: 100 }, signal);

export const hubRoomsQueryOptions = (hubId: string) =>
  queryOptions({
    queryKey: ['hubs', 'detail', hubId, 'rooms'],
    queryFn: ({ signal }) => getHubRooms(hubId, signal),
  });

export function useHubRooms(hubId: string) {
  return useQuery(hubRoomsQueryOptions(hubId));
}
