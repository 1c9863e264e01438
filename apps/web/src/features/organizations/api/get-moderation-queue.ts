// The city administrator's moderation queue: applications by status (oldest first), or the
// verified organisations whose public details changed since verification.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ModerationQuery, Organization, Paged } from '@vcentri/shared';
import { api } from '../../../lib/api-client';
import { organizationKeys } from './keys';

export type ModerationQueueQuery = ModerationQuery & { changed?: boolean };

export const getModerationQueue = (query: ModerationQueueQuery, signal?: AbortSignal) =>
  api.get<Paged<Organization>>('/moderation/organizations', { ...query }, signal);

export const moderationQueueQueryOptions = (query: ModerationQueueQuery) =>
  queryOptions({
    queryKey: organizationKeys.moderation(query),
    queryFn: ({ signal }) => getModerationQueue(query, signal),
    placeholderData: (previous) => previous,
  });

export function useModerationQueue(query: ModerationQueueQuery) {
  return useQuery(moderationQueueQueryOptions(query));
}
