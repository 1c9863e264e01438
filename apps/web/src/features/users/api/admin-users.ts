// City administration of accounts: list/search users, grant and revoke roles, erase an account on
// its owner's written request.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AdminUser,
  AdminUserQuery,
  GrantRoleBody,
  Paged,
  RoleGrant,
  StaffPrivacyBody,
} from '@vcentri/shared';
import { api, apiRequest } from '../../../lib/api-client';

export const ADMIN_USERS_KEY = ['admin', 'users'] as const;

export const getAdminUsers = (query: AdminUserQuery, signal?: AbortSignal) =>
  api.get<Paged<AdminUser>>('/admin/users', { ...query }, signal);

export const adminUsersQueryOptions = (query: AdminUserQuery) =>
  queryOptions({
    queryKey: [...ADMIN_USERS_KEY, query],
    queryFn: ({ signal }) => getAdminUsers(query, signal),
    placeholderData: (previous) => previous,
  });

export function useAdminUsers(query: AdminUserQuery) {
  return useQuery(adminUsersQueryOptions(query));
}

export const grantRole = ({ userId, body }: { userId: string; body: GrantRoleBody }) =>
  api.post<RoleGrant>(`/admin/users/${encodeURIComponent(userId)}/roles`, body);

export const revokeRole = ({ userId, grantId }: { userId: string; grantId: string }) =>
  api.delete(`/admin/users/${encodeURIComponent(userId)}/roles/${encodeURIComponent(grantId)}`);

function useInvalidateAdminData() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ADMIN_USERS_KEY }),
      queryClient.invalidateQueries({ queryKey: ['admin', 'audit'] }),
    ]);
}

export function useGrantRole(options: { onSuccess?: (grant: RoleGrant, userId: string) => void } = {}) {
  const invalidate = useInvalidateAdminData();
  return useMutation({
    mutationFn: grantRole,
    onSuccess: async (grant, { userId }) => {
      await invalidate();
      options.onSuccess?.(grant, userId);
    },
  });
}

export function useRevokeRole(options: { onSuccess?: (userId: string) => void } = {}) {
  const invalidate = useInvalidateAdminData();
  return useMutation({
    mutationFn: revokeRole,
    onSuccess: async (_result, { userId }) => {
      await invalidate();
      options.onSuccess?.(userId);
    },
  });
}

export const eraseUser = ({ userId, reason }: { userId: string; reason: string }) =>
  apiRequest<void>(`/admin/users/${encodeURIComponent(userId)}/erase`, {
    method: 'POST',
    body: { reason } satisfies StaffPrivacyBody,
  });

/** Erases an account at once, acting on its owner's written request (the reason is audited). */
export function useEraseUser(options: { onSuccess?: (userId: string) => void } = {}) {
  const invalidate = useInvalidateAdminData();
  return useMutation({
    mutationFn: eraseUser,
    onSuccess: async (_result, { userId }) => {
      await invalidate();
      options.onSuccess?.(userId);
    },
  });
}
