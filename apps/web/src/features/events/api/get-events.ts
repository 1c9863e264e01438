// Published events, soonest first, filtered by time window, hub, district, category or
// organisation (the public calendar and list).
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { EventListQuery, EventView, Paged } from '@vcentri/shared';
import { api } from '../../../lib/api-client';
import { eventKeys } from './keys';

export const getEvents = (query: EventListQuery, signal?: AbortSignal) =>
  api.get<Paged<EventView>>('/events', { ...query }, signal);

export const eventsQueryOptions = (query: EventListQuery) =>
  queryOptions({
    queryKey: eventKeys.list(query),
    queryFn: ({ signal }) => getEvents(query, signal),
    placeholderData: keepPreviousData,
  });

export function useEvents(query: EventListQuery, options: { enabled?: boolean } = {}) {
  return useQuery({ ...eventsQueryOptions(query), enabled: options.enabled ?? true });
}
