// The public registry: verified organisations, searched, filtered, sorted and paged by the API.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { OrganizationSearchQuery, Paged, PublicOrganization } from '@vcentri/shared';
import { api } from '../../../lib/api-client';
import { organizationKeys } from './keys';

export const searchOrganizations = (query: OrganizationSearchQuery, signal?: AbortSignal) =>
  api.get<Paged<PublicOrganization>>('/organizations', { ...query }, signal);

export const searchOrganizationsQueryOptions = (query: OrganizationSearchQuery) =>
  queryOptions({
    queryKey: organizationKeys.search(query),
    queryFn: ({ signal }) => searchOrganizations(query, signal),
    // The previous page stays on screen while the next one loads, so the list does not jump.
    placeholderData: (previous) => previous,
  });

export function useSearchOrganizations(query: OrganizationSearchQuery) {
  return useQuery(searchOrganizationsQueryOptions(query));
}
