// The signed-in account's organisations, in any state, each with the account's role in it.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Organization, Paged } from '@vcentri/shared';
import { api } from '../../../lib/api-client';
import { organizationKeys } from './keys';

export const getMyOrganizations = (signal?: AbortSignal) =>
  api.get<Paged<Organization>>('/me/organizations', undefined, signal);

export const myOrganizationsQueryOptions = () =>
  queryOptions({
    queryKey: organizationKeys.mine(),
    queryFn: ({ signal }) => getMyOrganizations(signal),
  });

export function useMyOrganizations() {
  return useQuery(myOrganizationsQueryOptions());
}
