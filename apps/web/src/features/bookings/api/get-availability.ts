// A room's open, free and busy time in a window (anyone; titles only for insiders).
import { keepPreviousData, queryOptions, useQueries, useQuery } from '@tanstack/react-query';
import type { Availability } from '@vcentri/shared';
import { api } from '../../../lib/api-client';
import { bookingKeys } from './keys';

export type BusyInterval = Availability['busy'][number];

export const getAvailability = (roomId: string, from: string, to: string, signal?: AbortSignal) =>
  api.get<Availability>(`/rooms/${encodeURIComponent(roomId)}/availability`, { from, to }, signal);

export const availabilityQueryOptions = (roomId: string, from: string, to: string) =>
  queryOptions({
    queryKey: bookingKeys.availability(roomId, from, to),
    queryFn: ({ signal }) => getAvailability(roomId, from, to, signal),
    placeholderData: keepPreviousData,
  });

export function useAvailability(roomId: string, range: { from: Date; to: Date }, enabled = true) {
  return useQuery({
    ...availabilityQueryOptions(roomId, range.from.toISOString(), range.to.toISOString()),
    enabled,
  });
}

/** Availability of several rooms over one window (a hub's calendar uses it for closures). */
export function useRoomsAvailability(roomIds: readonly string[], range: { from: Date; to: Date }) {
  return useQueries({
    queries: roomIds.map((roomId) =>
      availabilityQueryOptions(roomId, range.from.toISOString(), range.to.toISOString()),
    ),
  });
}
