// One organisation: verified ones for anyone; any state for its people and city administrators.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Organization } from '@vcentri/shared';
import { api } from '../../../lib/api-client';
import { organizationKeys } from './keys';

export const getOrganization = (id: string, signal?: AbortSignal) =>
  api.get<Organization>(`/organizations/${encodeURIComponent(id)}`, undefined, signal);

export const organizationQueryOptions = (id: string) =>
  queryOptions({
    queryKey: organizationKeys.detail(id),
    queryFn: ({ signal }) => getOrganization(id, signal),
  });

export function useOrganization(id: string) {
  return useQuery(organizationQueryOptions(id));
}
