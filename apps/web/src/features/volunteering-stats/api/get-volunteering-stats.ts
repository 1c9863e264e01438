// Volunteering in a district and window, per hub, per organisation and in total (district
// administrators: their district; city administrators: any, or the whole city).
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { VolunteeringStats, VolunteeringStatsQuery } from '@vcentri/shared';
import { api } from '../../../lib/api-client';

export type { VolunteeringStats, VolunteeringStatsQuery };

export const getVolunteeringStats = (query: VolunteeringStatsQuery, signal?: AbortSignal) =>
  api.get<VolunteeringStats>('/stats/volunteering', { ...query }, signal);

export const volunteeringStatsQueryOptions = (query: VolunteeringStatsQuery) =>
  queryOptions({
    queryKey: ['volunteering-stats', query] as const,
    queryFn: ({ signal }) => getVolunteeringStats(query, signal),
    placeholderData: keepPreviousData,
  });

export function useVolunteeringStats(query: VolunteeringStatsQuery) {
  return useQuery(volunteeringStatsQueryOptions(query));
}
