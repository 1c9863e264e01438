// Programs as their coordinators see them: the list (`managed=true`: the caller's own, drafts and
// closed ones too), one program (drafts too, for its own people), starting one,
// and editing it or moving it draft → published → closed.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Paged, ProgramInput, ProgramListQuery, ProgramPatch, ProgramView } from '@vcentri/shared';
import { api } from '../../../lib/api-client';
import { VOLUNTEERING_ADMIN_KEY, volunteeringAdminKeys } from './keys';

export const getPrograms = (query: ProgramListQuery, signal?: AbortSignal) =>
  api.get<Paged<ProgramView>>('/volunteering/programs', { ...query }, signal);

export const getProgram = (id: string, signal?: AbortSignal) =>
  api.get<ProgramView>(`/volunteering/programs/${encodeURIComponent(id)}`, undefined, signal);

export const createProgram = (input: ProgramInput) => api.post<ProgramView>('/volunteering/programs', input);

export const updateProgram = ({ id, patch }: { id: string; patch: ProgramPatch }) =>
  api.patch<ProgramView>(`/volunteering/programs/${encodeURIComponent(id)}`, patch);

export const programsQueryOptions = (query: ProgramListQuery) =>
  queryOptions({
    queryKey: volunteeringAdminKeys.programs(query),
    queryFn: ({ signal }) => getPrograms(query, signal),
  });

export function usePrograms(query: ProgramListQuery) {
  return useQuery(programsQueryOptions(query));
}

export function useProgram(id: string) {
  return useQuery({
    queryKey: volunteeringAdminKeys.program(id),
    queryFn: ({ signal }) => getProgram(id, signal),
  });
}

function useSaved(onSuccess?: (program: ProgramView) => void) {
  const queryClient = useQueryClient();
  return async (program: ProgramView) => {
    queryClient.setQueryData(volunteeringAdminKeys.program(program.id), program);
    onSuccess?.(program);
    await queryClient.invalidateQueries({ queryKey: VOLUNTEERING_ADMIN_KEY });
  };
}

export function useCreateProgram(options: { onSuccess?: (program: ProgramView) => void } = {}) {
  return useMutation({ mutationFn: createProgram, onSuccess: useSaved(options.onSuccess) });
}

export function useUpdateProgram(options: { onSuccess?: (program: ProgramView) => void } = {}) {
  return useMutation({ mutationFn: updateProgram, onSuccess: useSaved(options.onSuccess) });
}
