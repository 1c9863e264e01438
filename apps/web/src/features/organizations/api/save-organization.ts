// Applying (a new draft, whose creator becomes its owner) and editing an organisation's details.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Organization, OrganizationInput, OrganizationPatch } from '@vcentri/shared';
import { api } from '../../../lib/api-client';
import { useAuth } from '../../../lib/auth';
import { ORGANIZATIONS_KEY, organizationKeys } from './keys';

export const createOrganization = (input: OrganizationInput) =>
  api.post<Organization>('/organizations', input);

export const updateOrganization = ({ id, patch }: { id: string; patch: OrganizationPatch }) =>
  api.patch<Organization>(`/organizations/${encodeURIComponent(id)}`, patch);

export function useCreateOrganization(options: { onSuccess?: (organization: Organization) => void } = {}) {
  const queryClient = useQueryClient();
  const { reloadMe } = useAuth();
  return useMutation({
    mutationFn: createOrganization,
    onSuccess: async (organization) => {
      queryClient.setQueryData(organizationKeys.detail(organization.id), organization);
      // The new owner grant shows in /me (roles, scopes) only once it is read again.
      await Promise.all([
        reloadMe().catch(() => undefined),
        queryClient.invalidateQueries({ queryKey: ORGANIZATIONS_KEY }),
      ]);
      options.onSuccess?.(organization);
    },
  });
}

export function useUpdateOrganization(options: { onSuccess?: (organization: Organization) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateOrganization,
    onSuccess: async (organization) => {
      queryClient.setQueryData(organizationKeys.detail(organization.id), organization);
      await queryClient.invalidateQueries({ queryKey: ORGANIZATIONS_KEY });
      options.onSuccess?.(organization);
    },
  });
}
