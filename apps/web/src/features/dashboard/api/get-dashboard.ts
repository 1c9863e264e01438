// The dashboard's figures for a period and a scope (GET /stats/dashboard). Anyone may ask; the
// staff of the scope also get the organisations served.
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Dashboard, DashboardQuery } from '@vcentri/shared';
import { api } from '../../../lib/api-client';

export type { Dashboard, DashboardQuery };

export const getDashboard = (query: DashboardQuery, signal?: AbortSignal) =>
  api.get<Dashboard>('/stats/dashboard', { ...query }, signal);

export const dashboardQueryOptions = (query: DashboardQuery) =>
  queryOptions({
    queryKey: ['dashboard', query] as const,
    queryFn: ({ signal }) => getDashboard(query, signal),
    placeholderData: keepPreviousData,
  });

export function useDashboard(query: DashboardQuery) {
  return useQuery(dashboardQueryOptions(query));
}
