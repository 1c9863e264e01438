// A manager closes a room or the whole hub for a window; the answer lists the bookings it hit and
// the free alternatives for each.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ClosureInput, ClosureResult } from '@vcentri/shared';
import { api } from '../../../lib/api-client';
import { BOOKINGS_KEY } from './keys';

export const createClosure = ({ hubId, input }: { hubId: string; input: ClosureInput }) =>
  api.post<ClosureResult>(`/hubs/${encodeURIComponent(hubId)}/closures`, input);

export function useCreateClosure(options: { onSuccess?: (result: ClosureResult) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createClosure,
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: BOOKINGS_KEY });
      options.onSuccess?.(result);
    },
  });
}
