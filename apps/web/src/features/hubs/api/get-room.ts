import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Room } from '@vcentri/shared';
import { api } from '../../../lib/api-client';

export const getRoom = (id: string, signal?: AbortSignal) =>
  api.get<Room>(`/rooms/${encodeURIComponent(id)}`, undefined, signal);

export const roomQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['hubs', 'room', id],
    queryFn: ({ signal }) => getRoom(id, signal),
  });

export function useRoom(id: string) {
  return useQuery(roomQueryOptions(id));
}
