// A booking's life after the request: the hub's managers approve or decline it (with a reason);
// the organiser or a manager cancels it, alone or with the rest of its series.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Booking } from '@vcentri/shared';
import { api } from '../../../lib/api-client';
import { BOOKINGS_KEY, bookingKeys } from './keys';

const path = (id: string, action: string) => `/bookings/${encodeURIComponent(id)}/${action}`;

export type BookingDecision =
  | { id: string; action: 'approve' }
  | { id: string; action: 'decline'; reason: string }
  | { id: string; action: 'cancel'; reason?: string; scope?: 'one' | 'following' };

export async function decideBooking(decision: BookingDecision): Promise<Booking[]> {
  switch (decision.action) {
    case 'approve':
      return [await api.post<Booking>(path(decision.id, 'approve'))];
    case 'decline':
      return [await api.post<Booking>(path(decision.id, 'decline'), { reason: decision.reason.trim() })];
    case 'cancel': {
      const body: { reason?: string; scope?: 'one' | 'following' } = {};
      if (decision.reason?.trim()) body.reason = decision.reason.trim();
      if (decision.scope) body.scope = decision.scope;
      const answer = await api.post<{ items: Booking[] }>(path(decision.id, 'cancel'), body);
      return answer.items;
    }
  }
}

export function useDecideBooking(
  options: { onSuccess?: (bookings: Booking[], decision: BookingDecision) => void } = {},
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: decideBooking,
    onSuccess: async (bookings, decision) => {
      for (const b of bookings) queryClient.setQueryData(bookingKeys.detail(b.id), b);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: BOOKINGS_KEY }),
        queryClient.invalidateQueries({ queryKey: ['notifications'] }),
      ]);
      options.onSuccess?.(bookings, decision);
    },
  });
}
