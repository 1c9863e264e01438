// The volunteer's own side: their profile (none yet is a 404, not an error to show), their shifts,
// waiting positions and hours, and logging hours of ongoing work.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  HoursEntry,
  HoursInput,
  MyVolunteering,
  VolunteerProfileInput,
  VolunteerProfileView,
} from '@vcentri/shared';
import { api, apiRequest, isApiError } from '../../../lib/api-client';
import { useVolunteerViewer } from './programs';
import { VOLUNTEERING_KEY, volunteeringKeys } from './keys';

/** The profile, or null when the volunteer has not filled one in yet. */
export async function getVolunteerProfile(signal?: AbortSignal): Promise<VolunteerProfileView | null> {
  try {
    return await api.get<VolunteerProfileView>('/me/volunteer-profile', undefined, signal);
  } catch (error) {
    if (isApiError(error) && error.status === 404) return null;
    throw error;
  }
}

export function useVolunteerProfile() {
  const { viewer, signedIn } = useVolunteerViewer();
  return useQuery({
    queryKey: volunteeringKeys.profile(viewer),
    queryFn: ({ signal }) => getVolunteerProfile(signal),
    enabled: signedIn,
  });
}

export function useSaveVolunteerProfile(options: { onSuccess?: (p: VolunteerProfileView) => void } = {}) {
  const queryClient = useQueryClient();
  const { viewer } = useVolunteerViewer();
  return useMutation({
    mutationFn: (input: VolunteerProfileInput) =>
      apiRequest<VolunteerProfileView>('/me/volunteer-profile', { method: 'PUT', body: input }),
    onSuccess: async (profile) => {
      queryClient.setQueryData(volunteeringKeys.profile(viewer), profile);
      options.onSuccess?.(profile);
      await queryClient.invalidateQueries({ queryKey: VOLUNTEERING_KEY });
    },
  });
}

export function useMyVolunteering() {
  const { viewer, signedIn } = useVolunteerViewer();
  return useQuery({
    queryKey: volunteeringKeys.mine(viewer),
    queryFn: ({ signal }) => api.get<MyVolunteering>('/me/volunteering', undefined, signal),
    enabled: signedIn,
  });
}

export function useLogHours(options: { onSuccess?: (entry: HoursEntry) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: HoursInput) => api.post<HoursEntry>('/me/volunteering/hours', input),
    onSuccess: async (entry) => {
      options.onSuccess?.(entry);
      await queryClient.invalidateQueries({ queryKey: VOLUNTEERING_KEY });
    },
  });
}
