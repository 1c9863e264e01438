// Feedback after an event: an attendee's rating (1–5) and comment, once; and the summary the
// organisers, the hub's managers and the district read.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EventView } from '@vcentri/shared';
import { api } from '../../../lib/api-client';
import { useEventViewer } from './get-event';
import { eventKeys } from './keys';

export interface FeedbackInput {
  rating: number;
  comment?: string;
}

export interface FeedbackSummary {
  count: number;
  average: number | null;
  /** How many gave 1, 2, 3, 4 and 5. */
  distribution: number[];
  comments: { rating: number; comment: string; at: string }[];
  attended: number;
  confirmed: number;
}

const feedbackPath = (id: string) => `/events/${encodeURIComponent(id)}/feedback`;

export const giveFeedback = (id: string, input: FeedbackInput) => api.post<void>(feedbackPath(id), input);

export const getFeedbackSummary = (id: string, signal?: AbortSignal) =>
  api.get<FeedbackSummary>(feedbackPath(id), undefined, signal);

export const feedbackSummaryQueryOptions = (id: string) =>
  queryOptions({
    queryKey: eventKeys.feedback(id),
    queryFn: ({ signal }) => getFeedbackSummary(id, signal),
  });

export function useFeedbackSummary(id: string) {
  return useQuery(feedbackSummaryQueryOptions(id));
}

export function useGiveFeedback(eventId: string, options: { onSuccess?: () => void } = {}) {
  const queryClient = useQueryClient();
  const { viewer } = useEventViewer();
  return useMutation({
    mutationFn: (input: FeedbackInput) => giveFeedback(eventId, input),
    onSuccess: async () => {
      queryClient.setQueryData<EventView>(eventKeys.detail(eventId, viewer), (event) =>
        event?.myRegistration
          ? { ...event, myRegistration: { ...event.myRegistration, feedbackGiven: true } }
          : event,
      );
      options.onSuccess?.();
      await queryClient.invalidateQueries({ queryKey: eventKeys.feedback(eventId) });
    },
  });
}
