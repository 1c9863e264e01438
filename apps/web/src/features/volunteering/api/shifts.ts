// Shifts of published programs (from, to, cause, district, skill, programId), signing up for one
// (a place while places remain, else the next waiting-list position) and withdrawing from it.
// Places, positions and "my volunteering" all move, so every volunteering query is read again.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Paged, ShiftListQuery, ShiftView } from '@vcentri/shared';
import { api, newIdempotencyKey } from '../../../lib/api-client';
import { VOLUNTEERING_KEY, volunteeringKeys } from './keys';

export interface SignupResult {
  id: string;
  status: 'confirmed' | 'waitlisted';
  position?: number;
}

const signupsPath = (shiftId: string) => `/volunteering/shifts/${encodeURIComponent(shiftId)}/signups`;

export const getShifts = (query: ShiftListQuery, signal?: AbortSignal) =>
  api.get<Paged<ShiftView>>('/volunteering/shifts', { ...query }, signal);

export function useShifts(query: ShiftListQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: volunteeringKeys.shifts(query),
    queryFn: ({ signal }) => getShifts(query, signal),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

export const getShift = (id: string, signal?: AbortSignal) =>
  api.get<ShiftView>(`/volunteering/shifts/${encodeURIComponent(id)}`, undefined, signal);

export function useShift(id: string) {
  return useQuery({ queryKey: volunteeringKeys.shift(id), queryFn: ({ signal }) => getShift(id, signal) });
}

/** One key per click: a retry after a lost connection gets the place that click got, not a second one. */
export const signUpForShift = (shiftId: string, idempotencyKey = newIdempotencyKey()) =>
  api.post<SignupResult>(signupsPath(shiftId), undefined, { idempotencyKey });

export const withdrawFromShift = (shiftId: string) => api.delete(`${signupsPath(shiftId)}/me`);

export function useSignUp(shiftId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => signUpForShift(shiftId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: VOLUNTEERING_KEY }),
  });
}

export function useWithdraw(shiftId: string, options: { onSuccess?: () => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => withdrawFromShift(shiftId),
    onSuccess: async () => {
      options.onSuccess?.();
      await queryClient.invalidateQueries({ queryKey: VOLUNTEERING_KEY });
    },
  });
}
