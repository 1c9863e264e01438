// Registering for an event (a place while places remain, else the next waiting-list position)
// and cancelling one's own registration. The viewer's copy of the event is updated at once and
// every events query is read again, since places and positions moved.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { EventView } from '@vcentri/shared';
import { api, newIdempotencyKey } from '../../../lib/api-client';
import { useEventViewer } from './get-event';
import { EVENTS_KEY, eventKeys } from './keys';

export interface RegistrationResult {
  id: string;
  status: 'confirmed' | 'waitlisted';
  position?: number;
  code: string;
}

const registrationsPath = (id: string) => `/events/${encodeURIComponent(id)}/registrations`;

/** One key per click: a retry after a lost connection gets the place that click got, not a second one. */
export const registerForEvent = (id: string, idempotencyKey = newIdempotencyKey()) =>
  api.post<RegistrationResult>(registrationsPath(id), undefined, { idempotencyKey });

export const cancelMyRegistration = (id: string) => api.delete(`${registrationsPath(id)}/me`);

export function useRegister(eventId: string, options: { onSuccess?: (r: RegistrationResult) => void } = {}) {
  const queryClient = useQueryClient();
  const { viewer } = useEventViewer();
  return useMutation({
    mutationFn: () => registerForEvent(eventId),
    onSuccess: async (result) => {
      queryClient.setQueryData<EventView>(eventKeys.detail(eventId, viewer), (event) =>
        event
          ? {
              ...event,
              myRegistration: {
                id: result.id,
                status: result.status,
                position: result.position ?? null,
                code: result.code,
                checkedIn: false,
                feedbackGiven: false,
              },
            }
          : event,
      );
      options.onSuccess?.(result);
      await queryClient.invalidateQueries({ queryKey: EVENTS_KEY });
    },
  });
}

export function useCancelRegistration(eventId: string, options: { onSuccess?: () => void } = {}) {
  const queryClient = useQueryClient();
  const { viewer } = useEventViewer();
  return useMutation({
    mutationFn: () => cancelMyRegistration(eventId),
    onSuccess: async () => {
      queryClient.setQueryData<EventView>(eventKeys.detail(eventId, viewer), (event) =>
        event ? { ...event, myRegistration: null } : event,
      );
      options.onSuccess?.();
      await queryClient.invalidateQueries({ queryKey: EVENTS_KEY });
    },
  });
}
