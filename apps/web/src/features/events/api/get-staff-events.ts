// The events a member of staff looks after: those of their hubs and organisations (and, for a
// district administrator, their district's; for the city, all), cancelled ones included, from a
// year back. The API filters by one scope at a time, so each scope is one query, merged here.
import { useQueries } from '@tanstack/react-query';
import { addDays, type EventView, fromKyiv, type MeResponse } from '@vcentri/shared';
import { isCityAdmin } from '../../../lib/auth';
import { kyivToday } from '../../../lib/kyiv-dates';
import { getEvents } from './get-events';
import { eventKeys } from './keys';

export interface StaffScopes {
  city: boolean;
  hubIds: string[];
  organizationIds: string[];
  districts: string[];
}

const unique = (values: (string | null | undefined)[]) => [
  ...new Set(values.filter((v): v is string => !!v)),
];

export function staffScopesOf(me: MeResponse | null): StaffScopes {
  if (!me) return { city: false, hubIds: [], organizationIds: [], districts: [] };
  return {
    city: isCityAdmin(me),
    hubIds: unique([
      ...me.scopes.hubIds,
      ...me.grants.map((g) => (g.role === 'hub_manager' ? g.hubId : null)),
    ]),
    organizationIds: unique([
      ...me.scopes.organizationIds,
      ...me.grants.map((g) => (g.role === 'ngo_owner' || g.role === 'ngo_member' ? g.organizationId : null)),
    ]),
    districts: unique([
      ...me.scopes.districts,
      ...me.grants.map((g) => (g.role === 'district_admin' ? g.district : null)),
    ]),
  };
}

/** Whether the account may publish events (in bookings of its hubs or organisations). */
export function canPublishEvents(scopes: StaffScopes): boolean {
  return scopes.city || scopes.hubIds.length > 0 || scopes.organizationIds.length > 0;
}

export function hasEventScopes(scopes: StaffScopes): boolean {
  return canPublishEvents(scopes) || scopes.districts.length > 0;
}

type ScopeFilter = { hubId?: string; organizationId?: string; district?: string };

function scopeFilters(scopes: StaffScopes): ScopeFilter[] {
  if (scopes.city) return [{}];
  return [
    ...scopes.hubIds.map((hubId) => ({ hubId })),
    ...scopes.organizationIds.map((organizationId) => ({ organizationId })),
    ...scopes.districts.map((district) => ({ district })),
  ];
}

export interface StaffEvents {
  status: 'pending' | 'error' | 'success';
  error: unknown;
  events: EventView[];
  refetch(): void;
}

export function useStaffEvents(scopes: StaffScopes): StaffEvents {
  // A year back from the start of today (Kyiv): stable for the day, so the key does not churn.
  const from = fromKyiv(addDays(kyivToday(), -365), '00:00').toISOString();
  return useQueries({
    queries: scopeFilters(scopes).map((filter) => {
      const query = { ...filter, from, includeCancelled: true, limit: 500 };
      return {
        queryKey: eventKeys.staff(query),
        queryFn: ({ signal }: { signal: AbortSignal }) => getEvents(query, signal),
      };
    }),
    combine: (results) => {
      const byId = new Map<string, EventView>();
      for (const r of results) for (const e of r.data?.items ?? []) byId.set(e.id, e);
      const failed = results.find((r) => r.isError);
      return {
        status: failed ? 'error' : results.some((r) => r.isPending) ? 'pending' : 'success',
        error: failed?.error ?? null,
        events: [...byId.values()].sort((a, b) => Date.parse(a.start) - Date.parse(b.start)),
        refetch: () => {
          for (const r of results) if (r.isError) void r.refetch();
        },
      } satisfies StaffEvents;
    },
  });
}
