// The people registered for an event (organisers and the hub's managers), searched by name,
// e-mail or code, and checking them in at the door by code or from the list.
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Registrant } from '@vcentri/shared';
import { api } from '../../../lib/api-client';
import { eventKeys } from './keys';

export const getRegistrants = (id: string, q: string, signal?: AbortSignal) =>
  api.get<{ items: Registrant[] }>(`/events/${encodeURIComponent(id)}/registrations`, { q }, signal);

export const registrantsQueryOptions = (id: string, q: string) =>
  queryOptions({
    queryKey: eventKeys.registrants(id, q),
    queryFn: ({ signal }) => getRegistrants(id, q, signal),
    placeholderData: keepPreviousData,
  });

export function useRegistrants(id: string, q = '') {
  return useQuery(registrantsQueryOptions(id, q.trim()));
}

export type CheckInBy = { code: string } | { registrationId: string };

export const checkIn = (id: string, by: CheckInBy) =>
  api.post<Registrant>(`/events/${encodeURIComponent(id)}/check-in`, by);

export function useCheckIn(eventId: string, options: { onSuccess?: (registrant: Registrant) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (by: CheckInBy) => checkIn(eventId, by),
    onSuccess: async (registrant) => {
      // Every cached search shows the row as checked in at once.
      queryClient.setQueriesData<{ items: Registrant[] }>(
        { queryKey: eventKeys.allRegistrants(eventId) },
        (page) => (page ? { items: page.items.map((r) => (r.id === registrant.id ? registrant : r)) } : page),
      );
      options.onSuccess?.(registrant);
      await queryClient.invalidateQueries({ queryKey: eventKeys.feedback(eventId) });
    },
  });
}
