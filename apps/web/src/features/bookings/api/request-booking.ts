// Asking for a room: check first (preview, per date of a series), then send the request.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { BookingCreated, BookingInput, BookingPreview } from '@vcentri/shared';
import { api } from '../../../lib/api-client';
import { BOOKINGS_KEY } from './keys';

export const previewBooking = (input: BookingInput) => api.post<BookingPreview>('/bookings/preview', input);

export const createBooking = (input: BookingInput) => api.post<BookingCreated>('/bookings', input);

export function usePreviewBooking() {
  return useMutation({ mutationFn: previewBooking });
}

export function useCreateBooking(options: { onSuccess?: (created: BookingCreated) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createBooking,
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: BOOKINGS_KEY });
      options.onSuccess?.(created);
    },
  });
}
