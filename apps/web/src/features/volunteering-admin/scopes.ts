// Who may coordinate volunteer programs, and for whom they may start one: their organisations
// (owners and members), their hubs (managers), their district (admins) or — city admins — the
// city, any hub and any district. The API checks each of these again.
import { DISTRICT_SLUGS, type MeResponse, type ProgramView } from '@vcentri/shared';
import { isCityAdmin } from '../../lib/auth';

export interface CoordinatorScopes {
  city: boolean;
  organizations: { id: string; name: string | null }[];
  hubs: { id: string; name: string | null }[];
  districts: string[];
}

export function coordinatorScopesOf(me: MeResponse | null): CoordinatorScopes {
  if (!me) return { city: false, organizations: [], hubs: [], districts: [] };
  const organizations = new Map<string, string | null>();
  const hubs = new Map<string, string | null>();
  for (const id of me.scopes.organizationIds) organizations.set(id, null);
  for (const id of me.scopes.hubIds) hubs.set(id, null);
  for (const g of me.grants) {
    if ((g.role === 'ngo_owner' || g.role === 'ngo_member') && g.organizationId)
      organizations.set(g.organizationId, g.organizationName ?? organizations.get(g.organizationId) ?? null);
    if (g.role === 'hub_manager' && g.hubId) hubs.set(g.hubId, g.hubName ?? hubs.get(g.hubId) ?? null);
  }
  const districts = new Set([
    ...me.scopes.districts,
    ...me.grants.flatMap((g) => (g.role === 'district_admin' && g.district ? [g.district] : [])),
  ]);
  return {
    city: isCityAdmin(me),
    organizations: [...organizations].map(([id, name]) => ({ id, name })),
    hubs: [...hubs].map(([id, name]) => ({ id, name })),
    districts: [...districts],
  };
}

/** Whether the account can run programs at all (the nav entry and the pages follow this). */
export function canCoordinate(me: MeResponse | null): boolean {
  const s = coordinatorScopesOf(me);
  return s.city || s.organizations.length > 0 || s.hubs.length > 0 || s.districts.length > 0;
}

/** Districts a new district program may belong to: the admin's own, or all for the city. */
export function ownerDistrictChoices(scopes: CoordinatorScopes): string[] {
  return scopes.city ? [...DISTRICT_SLUGS] : scopes.districts;
}

/** Who runs a program, in words the list can show (names resolved by the caller). */
export type ProgramOwner = Pick<ProgramView, 'runBy' | 'organizationId' | 'hubId' | 'ownerDistrict'>;
