// Per hub: events, registrations, attendance and ratings in a window — the district's view of
// what happened in its hubs (district administrators: their district; city administrators: any).
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { eventKeys } from './keys';

export interface HubEventStats {
  hubId: string;
  hubName: { uk: string; en: string };
  district: string;
  events: number;
  registrations: number;
  attended: number;
  feedbackCount: number;
  averageRating: number | null;
}

export interface EventStatsQuery {
  from: string;
  to: string;
  district?: string;
}

export const eventStatsQueryOptions = (query: EventStatsQuery) =>
  queryOptions({
    queryKey: [...eventKeys.all, 'stats', query] as const,
    queryFn: ({ signal }) => api.get<{ items: HubEventStats[] }>('/stats/events', { ...query }, signal),
    placeholderData: keepPreviousData,
  });

export function useEventStats(query: EventStatsQuery) {
  return useQuery(eventStatsQueryOptions(query));
}
