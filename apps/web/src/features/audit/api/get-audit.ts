import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AuditEntry, AuditQuery, Paged } from '@vcentri/shared';
import { api } from '../../../lib/api-client';

export const getAuditLog = (query: AuditQuery, signal?: AbortSignal) =>
  api.get<Paged<AuditEntry>>('/admin/audit', { ...query }, signal);

export const auditLogQueryOptions = (query: AuditQuery) =>
  queryOptions({
    queryKey: ['admin', 'audit', query],
    queryFn: ({ signal }) => getAuditLog(query, signal),
    placeholderData: (previous) => previous,
  });

export function useAuditLog(query: AuditQuery) {
  return useQuery(auditLogQueryOptions(query));
}
