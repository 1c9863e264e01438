// Moving an organisation along its lifecycle (submit, verify, reject, suspend, reinstate,
// archive) and a city administrator's "changes reviewed". Every answer is the organisation as it
// now is; the lists and its history are read again.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Organization, OrganizationAction } from '@vcentri/shared';
import { api } from '../../../lib/api-client';
import { ORGANIZATIONS_KEY, organizationKeys } from './keys';

export type StatusAction = OrganizationAction | 'acknowledge';

export interface StatusChange {
  id: string;
  action: StatusAction;
  reason?: string;
}

export const changeStatus = ({ id, action, reason }: StatusChange) => {
  const path = action === 'acknowledge' ? 'acknowledge-changes' : action;
  return api.post<Organization>(
    `/organizations/${encodeURIComponent(id)}/${path}`,
    reason?.trim() ? { reason: reason.trim() } : undefined,
  );
};

export function useChangeStatus(
  options: { onSuccess?: (organization: Organization, change: StatusChange) => void } = {},
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changeStatus,
    onSuccess: async (organization, change) => {
      queryClient.setQueryData(organizationKeys.detail(organization.id), organization);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ORGANIZATIONS_KEY }),
        queryClient.invalidateQueries({ queryKey: ['admin', 'audit'] }),
      ]);
      options.onSuccess?.(organization, change);
    },
  });
}
