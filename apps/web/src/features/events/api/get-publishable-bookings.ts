// The confirmed bookings an event can be published in: those of the account's organisations and
// hubs (all of them for the city) that have not ended yet, soonest first.
import { useQueries } from '@tanstack/react-query';
import { type Booking, fromKyiv, type Paged } from '@vcentri/shared';
import { api } from '../../../lib/api-client';
import { kyivToday } from '../../../lib/kyiv-dates';
import type { StaffScopes } from './get-staff-events';
import { eventKeys } from './keys';

type BookingQuery = {
  status: 'confirmed';
  from: string;
  limit: number;
  hubId?: string;
  organizationId?: string;
};

export const getConfirmedBookings = (query: BookingQuery, signal?: AbortSignal) =>
  api.get<Paged<Booking>>('/bookings', { ...query }, signal);

export interface PublishableBookings {
  status: 'pending' | 'error' | 'success';
  error: unknown;
  bookings: Booking[];
  refetch(): void;
}

export function usePublishableBookings(scopes: StaffScopes, options: { enabled?: boolean } = {}) {
  const from = fromKyiv(kyivToday(), '00:00').toISOString();
  const base = { status: 'confirmed' as const, from, limit: 500 };
  const queries: BookingQuery[] = scopes.city
    ? [base]
    : [
        ...scopes.organizationIds.map((organizationId) => ({ ...base, organizationId })),
        ...scopes.hubIds.map((hubId) => ({ ...base, hubId })),
      ];
  return useQueries({
    queries: queries.map((query) => ({
      queryKey: eventKeys.bookable(query),
      queryFn: ({ signal }: { signal: AbortSignal }) => getConfirmedBookings(query, signal),
      enabled: options.enabled ?? true,
    })),
    combine: (results): PublishableBookings => {
      const now = Date.now();
      const byId = new Map<string, Booking>();
      for (const r of results)
        for (const b of r.data?.items ?? [])
          if (b.status === 'confirmed' && Date.parse(b.end) > now) byId.set(b.id, b);
      const failed = results.find((r) => r.isError);
      return {
        status: failed ? 'error' : results.some((r) => r.isPending) ? 'pending' : 'success',
        error: failed?.error ?? null,
        bookings: [...byId.values()].sort((a, b) => Date.parse(a.start) - Date.parse(b.start)),
        refetch: () => {
          for (const r of results) if (r.isError) void r.refetch();
        },
      };
    },
  });
}
