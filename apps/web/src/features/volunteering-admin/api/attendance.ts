// Who holds and who waits for a shift, and recording who came (each attendance becomes approved
// hours on the API side). The answer is the roster as it now is.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AttendanceBody, RosterEntry } from '@vcentri/shared';
import { api } from '../../../lib/api-client';
import { VOLUNTEERING_ADMIN_KEY, volunteeringAdminKeys } from './keys';

const rosterPath = (shiftId: string) => `/volunteering/shifts/${encodeURIComponent(shiftId)}`;

export const getRoster = (shiftId: string, signal?: AbortSignal) =>
  api.get<{ items: RosterEntry[] }>(`${rosterPath(shiftId)}/roster`, undefined, signal);

export const recordAttendance = ({ shiftId, body }: { shiftId: string; body: AttendanceBody }) =>
  api.post<{ items: RosterEntry[] }>(`${rosterPath(shiftId)}/attendance`, body);

export function useRoster(shiftId: string) {
  return useQuery({
    queryKey: volunteeringAdminKeys.roster(shiftId),
    queryFn: ({ signal }) => getRoster(shiftId, signal),
  });
}

export function useRecordAttendance(shiftId: string, options: { onSuccess?: () => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: recordAttendance,
    onSuccess: async (answer) => {
      queryClient.setQueryData(volunteeringAdminKeys.roster(shiftId), answer);
      options.onSuccess?.();
      await queryClient.invalidateQueries({ queryKey: VOLUNTEERING_ADMIN_KEY });
    },
  });
}
