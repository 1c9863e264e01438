// Asking for a room: check first (preview, per date of a series), then send the request.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { BookingCreated, BookingInput, BookingPreview } from '@vcentri/shared';
import { api, newIdempotencyKey } from '../../../lib/api-client';
import { BOOKINGS_KEY } from './keys';

export const previewBooking = (input: BookingInput) => api.post<BookingPreview>('/bookings/preview', input);

/** One key per submission: the client's own retries of it reuse the key, so it books at most once. */
export const createBooking = (input: BookingInput, idempotencyKey = newIdempotencyKey()) =>
  api.post<BookingCreated>('/bookings', input, { idempotencyKey });

export function usePreviewBooking() {
  return useMutation({ mutationFn: previewBooking });
}

export function useCreateBooking(options: { onSuccess?: (created: BookingCreated) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: BookingInput) => createBooking(input),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: BOOKINGS_KEY });
      options.onSuccess?.(created);
    },
  });
}
