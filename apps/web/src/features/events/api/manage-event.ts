// Publishing an event in a confirmed booking, editing it, and cancelling it (registrants are
// told by the API). Each answer is the event as it now is.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { EventInput, EventPatch, EventView } from '@vcentri/shared';
import { api } from '../../../lib/api-client';
import { useEventViewer } from './get-event';
import { EVENTS_KEY, eventKeys } from './keys';

export const createEvent = (input: EventInput) => api.post<EventView>('/events', input);

export const updateEvent = ({ id, patch }: { id: string; patch: EventPatch }) =>
  api.patch<EventView>(`/events/${encodeURIComponent(id)}`, patch);

export const cancelEvent = ({ id, reason }: { id: string; reason: string }) =>
  api.post<EventView>(`/events/${encodeURIComponent(id)}/cancel`, { reason });

function useSaved(onSuccess?: (event: EventView) => void) {
  const queryClient = useQueryClient();
  const { viewer } = useEventViewer();
  return async (event: EventView) => {
    queryClient.setQueryData(eventKeys.detail(event.id, viewer), event);
    onSuccess?.(event);
    await queryClient.invalidateQueries({ queryKey: EVENTS_KEY });
  };
}

export function useCreateEvent(options: { onSuccess?: (event: EventView) => void } = {}) {
  return useMutation({ mutationFn: createEvent, onSuccess: useSaved(options.onSuccess) });
}

export function useUpdateEvent(options: { onSuccess?: (event: EventView) => void } = {}) {
  return useMutation({ mutationFn: updateEvent, onSuccess: useSaved(options.onSuccess) });
}

export function useCancelEvent(options: { onSuccess?: (event: EventView) => void } = {}) {
  return useMutation({ mutationFn: cancelEvent, onSuccess: useSaved(options.onSuccess) });
}
