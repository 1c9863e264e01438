// The public registry as a short list for pickers. The registry module may not be deployed yet:
// a 404 means "no list available" (null) rather than an error, and callers fall back to an id input.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, isApiError } from '../../../lib/api-client';

export interface OrganizationSummary {
  id: string;
  name: { uk: string; en: string };
}

interface OrganizationListItem {
  id: string;
  name?: { uk?: string; en?: string } | string;
  nameUk?: string;
  nameEn?: string;
}

function toSummary(item: OrganizationListItem): OrganizationSummary {
  if (typeof item.name === 'string') return { id: item.id, name: { uk: item.name, en: item.name } };
  const uk = item.name?.uk ?? item.nameUk ?? item.name?.en ?? item.nameEn ?? item.id;
  const en = item.name?.en ?? item.nameEn ?? uk;
  return { id: item.id, name: { uk, en } };
}

export async function getOrganizationOptions(signal?: AbortSignal): Promise<OrganizationSummary[] | null> {
  try {
    const page = await api.get<{ items: OrganizationListItem[]; total: number }>(
      '/organizations',
      { limit: 100 },
      signal,
    );
    return Array.isArray(page?.items) ? page.items.map(toSummary) : null;
  } catch (error) {
    if (isApiError(error) && (error.status === 404 || error.status === 405)) return null;
    throw error;
  }
}

export const organizationOptionsQueryOptions = () =>
  queryOptions({
    queryKey: ['organizations', 'options'],
    queryFn: ({ signal }) => getOrganizationOptions(signal),
    staleTime: 5 * 60_000,
  });

export function useOrganizationOptions() {
  return useQuery(organizationOptionsQueryOptions());
}
