// Every recorded change of an organisation (owner and city administrators only).
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { HistoryEntry } from '@vcentri/shared';
import { api } from '../../../lib/api-client';
import { organizationKeys } from './keys';

export const getOrganizationHistory = (id: string, signal?: AbortSignal) =>
  api.get<{ items: HistoryEntry[] }>(`/organizations/${encodeURIComponent(id)}/history`, undefined, signal);

export const organizationHistoryQueryOptions = (id: string) =>
  queryOptions({
    queryKey: organizationKeys.history(id),
    queryFn: ({ signal }) => getOrganizationHistory(id, signal),
  });

export function useOrganizationHistory(id: string, options: { enabled?: boolean } = {}) {
  return useQuery({ ...organizationHistoryQueryOptions(id), enabled: options.enabled ?? true });
}
