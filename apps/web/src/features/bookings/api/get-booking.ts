// One booking, for the people who may see it.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Booking } from '@vcentri/shared';
import { api } from '../../../lib/api-client';
import { bookingKeys } from './keys';

export const getBooking = (id: string, signal?: AbortSignal) =>
  api.get<Booking>(`/bookings/${encodeURIComponent(id)}`, undefined, signal);

export const bookingQueryOptions = (id: string) =>
  queryOptions({
    queryKey: bookingKeys.detail(id),
    queryFn: ({ signal }) => getBooking(id, signal),
  });

export function useBooking(id: string) {
  return useQuery(bookingQueryOptions(id));
}
