// Per hub: bookings, pending requests, booked hours and organisations served in a window
// (district administrators: their district; city administrators: any).
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { bookingKeys } from './keys';

/** One row of /stats/bookings (the contract's HubBookingStats). */
export interface HubBookingStats {
  hubId: string;
  hubName: { uk: string; en: string };
  district: string;
  bookings: number;
  pending: number;
  bookedHours: number;
  organizations: number;
}

export interface BookingStatsQuery {
  from: string;
  to: string;
  district?: string;
}

export const getBookingStats = (query: BookingStatsQuery, signal?: AbortSignal) =>
  api.get<{ items: HubBookingStats[] }>('/stats/bookings', { ...query }, signal);

export const bookingStatsQueryOptions = (query: BookingStatsQuery) =>
  queryOptions({
    queryKey: bookingKeys.stats(query),
    queryFn: ({ signal }) => getBookingStats(query, signal),
    placeholderData: keepPreviousData,
  });

export function useBookingStats(query: BookingStatsQuery, options: { enabled?: boolean } = {}) {
  return useQuery({ ...bookingStatsQueryOptions(query), enabled: options.enabled ?? true });
}
