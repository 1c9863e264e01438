// Volunteer programs: the published catalogue (cause, district, skill, language, q), one program
// (with the viewer's briefing acknowledgement), and acknowledging its briefing.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Paged, ProgramListQuery, ProgramView } from '@vcentri/shared';
import { api } from '../../../lib/api-client';
import { useAuth } from '../../../lib/auth';
import { VOLUNTEERING_KEY, volunteeringKeys } from './keys';

const programPath = (id: string) => `/volunteering/programs/${encodeURIComponent(id)}`;

export const getPrograms = (query: ProgramListQuery, signal?: AbortSignal) =>
  api.get<Paged<ProgramView>>('/volunteering/programs', { ...query }, signal);

export function usePrograms(query: ProgramListQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: volunteeringKeys.programs(query),
    queryFn: ({ signal }) => getPrograms(query, signal),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

/** The viewer part of a query key: the signed-in user's id, or 'guest'; ready once the session is known. */
export function useVolunteerViewer(): { viewer: string; ready: boolean; signedIn: boolean } {
  const { status, user } = useAuth();
  return { viewer: user?.id ?? 'guest', ready: status !== 'restoring', signedIn: status === 'signed_in' };
}

export function useProgram(id: string) {
  const { viewer, ready } = useVolunteerViewer();
  return useQuery({
    queryKey: volunteeringKeys.program(id, viewer),
    queryFn: ({ signal }) => api.get<ProgramView>(programPath(id), undefined, signal),
    enabled: ready && !!id,
  });
}

export function useAcknowledgeBriefing(id: string) {
  const queryClient = useQueryClient();
  const { viewer } = useVolunteerViewer();
  return useMutation({
    mutationFn: () => api.post<ProgramView>(`${programPath(id)}/briefing/acknowledge`),
    onSuccess: async (program) => {
      queryClient.setQueryData(volunteeringKeys.program(id, viewer), program);
      await queryClient.invalidateQueries({ queryKey: VOLUNTEERING_KEY });
    },
  });
}
