// The people who act for an organisation: the list (its people and city administrators), and the
// owner's controls to add, remove and hand over ownership; a member may remove themself (leave).
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Member } from '@vcentri/shared';
import { api } from '../../../lib/api-client';
import { useAuth } from '../../../lib/auth';
import { ORGANIZATIONS_KEY, organizationKeys } from './keys';

const membersPath = (id: string) => `/organizations/${encodeURIComponent(id)}/members`;

export const getMembers = (id: string, signal?: AbortSignal) =>
  api.get<{ items: Member[] }>(membersPath(id), undefined, signal);

export const membersQueryOptions = (id: string) =>
  queryOptions({
    queryKey: organizationKeys.members(id),
    queryFn: ({ signal }) => getMembers(id, signal),
  });

export function useMembers(id: string, options: { enabled?: boolean } = {}) {
  return useQuery({ ...membersQueryOptions(id), enabled: options.enabled ?? true });
}

export const addMember = ({ id, email }: { id: string; email: string }) =>
  api.post<Member>(membersPath(id), { email });

export const removeMember = ({ id, userId }: { id: string; userId: string }) =>
  api.delete(`${membersPath(id)}/${encodeURIComponent(userId)}`);

export const transferOwnership = ({ id, userId }: { id: string; userId: string }) =>
  api.post<{ items: Member[] }>(`/organizations/${encodeURIComponent(id)}/transfer-ownership`, { userId });

function useRefreshOrganizations() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ORGANIZATIONS_KEY });
}

export function useAddMember(options: { onSuccess?: (member: Member) => void } = {}) {
  const refresh = useRefreshOrganizations();
  return useMutation({
    mutationFn: addMember,
    onSuccess: async (member) => {
      await refresh();
      options.onSuccess?.(member);
    },
  });
}

/** Removing someone else (owner) or oneself (leaving); leaving changes the caller's own grants. */
export function useRemoveMember(options: { onSuccess?: (userId: string) => void } = {}) {
  const refresh = useRefreshOrganizations();
  const { me, reloadMe } = useAuth();
  return useMutation({
    mutationFn: removeMember,
    onSuccess: async (_result, { userId }) => {
      if (userId === me?.user.id) {
        // Whoever left cannot read the organisation any more: let them move on first.
        options.onSuccess?.(userId);
        await Promise.all([refresh(), reloadMe().catch(() => undefined)]);
        return;
      }
      await refresh();
      options.onSuccess?.(userId);
    },
  });
}

export function useTransferOwnership(options: { onSuccess?: () => void } = {}) {
  const queryClient = useQueryClient();
  const refresh = useRefreshOrganizations();
  const { reloadMe } = useAuth();
  return useMutation({
    mutationFn: transferOwnership,
    onSuccess: async (members, { id }) => {
      queryClient.setQueryData(organizationKeys.members(id), members);
      // The caller is now a member rather than the owner.
      await Promise.all([refresh(), reloadMe().catch(() => undefined)]);
      options.onSuccess?.();
    },
  });
}
