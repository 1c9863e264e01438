// Free rooms at a disrupted booking's time (same hub first, then nearest), and moving there. A
// move can lose a race (409 booking_conflict): the caller then shows why and the list refreshes.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Alternative, Booking } from '@vcentri/shared';
import { api } from '../../../lib/api-client';
import { BOOKINGS_KEY, bookingKeys } from './keys';

export const getAlternatives = (id: string, signal?: AbortSignal) =>
  api.get<{ items: Alternative[] }>(`/bookings/${encodeURIComponent(id)}/alternatives`, undefined, signal);

export const alternativesQueryOptions = (id: string) =>
  queryOptions({
    queryKey: bookingKeys.alternatives(id),
    queryFn: ({ signal }) => getAlternatives(id, signal),
    staleTime: 0,
  });

export function useAlternatives(id: string, options: { enabled?: boolean } = {}) {
  return useQuery({ ...alternativesQueryOptions(id), enabled: options.enabled ?? true });
}

export const moveBooking = ({ id, roomId }: { id: string; roomId: string }) =>
  api.post<Booking>(`/bookings/${encodeURIComponent(id)}/move`, { roomId });

export function useMoveBooking(
  options: { onSuccess?: (booking: Booking) => void; onError?: (error: unknown) => void } = {},
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: moveBooking,
    // Told before the lists refresh: the list of alternatives (and its button) then goes away.
    onSuccess: async (booking) => {
      queryClient.setQueryData(bookingKeys.detail(booking.id), booking);
      options.onSuccess?.(booking);
      await queryClient.invalidateQueries({ queryKey: BOOKINGS_KEY });
    },
    // Whatever went wrong, what the screen shows may be stale: read it again.
    onError: async (error) => {
      await queryClient.invalidateQueries({ queryKey: BOOKINGS_KEY });
      options.onError?.(error);
    },
  });
}
