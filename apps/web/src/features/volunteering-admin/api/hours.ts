// A program's hour entries for its coordinators, and deciding on pending ones: one at a time or
// many at once (all or none). Rejections carry a reason the volunteer reads.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { HoursDecisionsBody, HoursEntry, ProgramHours } from '@vcentri/shared';
import { api } from '../../../lib/api-client';
import { VOLUNTEERING_ADMIN_KEY, volunteeringAdminKeys } from './keys';

export type HoursStatusFilter = 'pending' | 'approved' | 'rejected' | 'all';

export interface HoursQuery {
  status: HoursStatusFilter;
  limit: number;
  offset: number;
}

export const getProgramHours = (programId: string, query: HoursQuery, signal?: AbortSignal) =>
  api.get<ProgramHours>(
    `/volunteering/programs/${encodeURIComponent(programId)}/hours`,
    {
      ...(query.status === 'all' ? {} : { status: query.status }),
      limit: query.limit,
      offset: query.offset,
    },
    signal,
  );

const hoursPath = (id: string) => `/volunteering/hours/${encodeURIComponent(id)}`;

export const approveHours = (id: string) => api.post<HoursEntry>(`${hoursPath(id)}/approve`);
export const rejectHours = ({ id, reason }: { id: string; reason: string }) =>
  api.post<HoursEntry>(`${hoursPath(id)}/reject`, { reason });
export const decideHours = (body: HoursDecisionsBody) =>
  api.post<{ items: HoursEntry[] }>('/volunteering/hours/decisions', body);

export function useProgramHours(programId: string, query: HoursQuery) {
  return useQuery({
    queryKey: volunteeringAdminKeys.hours(programId, query),
    queryFn: ({ signal }) => getProgramHours(programId, query, signal),
    placeholderData: keepPreviousData,
  });
}

function useDecided(onSuccess?: () => void) {
  const queryClient = useQueryClient();
  return async () => {
    onSuccess?.();
    await queryClient.invalidateQueries({ queryKey: VOLUNTEERING_ADMIN_KEY });
  };
}

export function useApproveHours(options: { onSuccess?: () => void } = {}) {
  return useMutation({ mutationFn: approveHours, onSuccess: useDecided(options.onSuccess) });
}

export function useRejectHours(options: { onSuccess?: () => void } = {}) {
  return useMutation({ mutationFn: rejectHours, onSuccess: useDecided(options.onSuccess) });
}

export function useDecideHours(options: { onSuccess?: () => void } = {}) {
  return useMutation({ mutationFn: decideHours, onSuccess: useDecided(options.onSuccess) });
}
