// One event. Signed in, the answer carries the viewer's own registration (and whether they may
// manage the event), so the cache keeps one copy per viewer and waits for the session to be known.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { EventView } from '@vcentri/shared';
import { api } from '../../../lib/api-client';
import { useAuth } from '../../../lib/auth';
import { eventKeys } from './keys';

export const getEvent = (id: string, signal?: AbortSignal) =>
  api.get<EventView>(`/events/${encodeURIComponent(id)}`, undefined, signal);

export const eventQueryOptions = (id: string, viewer: string) =>
  queryOptions({
    queryKey: eventKeys.detail(id, viewer),
    queryFn: ({ signal }) => getEvent(id, signal),
  });

/** The viewer part of an event's query key: the signed-in user's id, or 'guest'. */
export function useEventViewer(): { viewer: string; ready: boolean } {
  const { status, user } = useAuth();
  return { viewer: user?.id ?? 'guest', ready: status !== 'restoring' };
}

export function useEvent(id: string) {
  const { viewer, ready } = useEventViewer();
  return useQuery({ ...eventQueryOptions(id, viewer), enabled: ready && !!id });
}
