// A program's shifts for its coordinators: the lists (upcoming, and past ones page by page,
// cancelled shifts included), one shift, adding one or a series, editing and cancelling one (volunteers
// are told by the API), and the organisation's confirmed bookings a shift can be held in.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type Booking,
  fromKyiv,
  type Paged,
  type ShiftInput,
  type ShiftPatch,
  type ShiftView,
} from '@vcentri/shared';
import { api } from '../../../lib/api-client';
import { kyivToday } from '../../../lib/kyiv-dates';
import { getShift } from '../../volunteering/api/shifts';
import { VOLUNTEERING_ADMIN_KEY, volunteeringAdminKeys } from './keys';

const shiftPath = (id: string) => `/volunteering/shifts/${encodeURIComponent(id)}`;

export interface ProgramShiftsPage {
  when: 'upcoming' | 'past';
  limit: number;
  offset: number;
}

export const getProgramShifts = (programId: string, page: ProgramShiftsPage, signal?: AbortSignal) =>
  api.get<Paged<ShiftView>>(
    `/volunteering/programs/${encodeURIComponent(programId)}/shifts`,
    { ...page },
    signal,
  );

export const createShifts = ({ programId, input }: { programId: string; input: ShiftInput }) =>
  api.post<{ items: ShiftView[] }>(`/volunteering/programs/${encodeURIComponent(programId)}/shifts`, input);

export const updateShift = ({ id, patch }: { id: string; patch: ShiftPatch }) =>
  api.patch<ShiftView>(shiftPath(id), patch);

export const cancelShift = ({ id, reason }: { id: string; reason: string }) =>
  api.post<ShiftView>(`${shiftPath(id)}/cancel`, { reason });

export function useProgramShifts(programId: string, page: ProgramShiftsPage) {
  return useQuery({
    queryKey: [...volunteeringAdminKeys.shifts(programId), page],
    queryFn: ({ signal }) => getProgramShifts(programId, page, signal),
    placeholderData: (previous) => previous,
  });
}

export function useShift(id: string) {
  return useQuery({
    queryKey: volunteeringAdminKeys.shift(id),
    queryFn: ({ signal }) => getShift(id, signal),
  });
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: VOLUNTEERING_ADMIN_KEY });
}

export function useCreateShifts(options: { onSuccess?: (shifts: ShiftView[]) => void } = {}) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: createShifts,
    onSuccess: async (answer) => {
      options.onSuccess?.(answer.items);
      await invalidate();
    },
  });
}

export function useUpdateShift(options: { onSuccess?: (shift: ShiftView) => void } = {}) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: updateShift,
    onSuccess: async (shift) => {
      options.onSuccess?.(shift);
      await invalidate();
    },
  });
}

export function useCancelShift(options: { onSuccess?: (shift: ShiftView) => void } = {}) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: cancelShift,
    onSuccess: async (shift) => {
      options.onSuccess?.(shift);
      await invalidate();
    },
  });
}

/** The organisation's confirmed bookings that have not ended: rooms a shift can be held in. */
export function useShiftBookings(organizationId: string | null) {
  const from = fromKyiv(kyivToday(), '00:00').toISOString();
  return useQuery({
    queryKey: volunteeringAdminKeys.bookings(organizationId ?? ''),
    queryFn: ({ signal }) =>
      api.get<Paged<Booking>>(
        '/bookings',
        { organizationId: organizationId ?? '', status: 'confirmed', from, limit: 500 },
        signal,
      ),
    enabled: !!organizationId,
    select: (page) => page.items.filter((b) => b.status === 'confirmed' && Date.parse(b.end) > Date.now()),
  });
}
