// Bookings the caller may see (their organisations', their hubs', their district's), filtered.
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Booking, BookingListQuery, Paged } from '@vcentri/shared';
import { api } from '../../../lib/api-client';
import { bookingKeys } from './keys';

export const getBookings = (query: BookingListQuery, signal?: AbortSignal) =>
  api.get<Paged<Booking>>('/bookings', { ...query }, signal);

export const bookingsQueryOptions = (query: BookingListQuery) =>
  queryOptions({
    queryKey: bookingKeys.list(query),
    queryFn: ({ signal }) => getBookings(query, signal),
    placeholderData: keepPreviousData,
  });

export function useBookings(query: BookingListQuery, options: { enabled?: boolean } = {}) {
  return useQuery({ ...bookingsQueryOptions(query), enabled: options.enabled ?? true });
}
