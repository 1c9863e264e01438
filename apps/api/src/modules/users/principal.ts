// Who is calling: the account and its current role grants, with the per-object scope checks
// every service uses (deny unless a grant says otherwise).
import type { GrantedRole } from '@vcentri/shared';
import { type Kysely, sql } from 'kysely';
import { prepared } from '../../db/database';
import type { DB, RoleGrantRow } from '../../db/schema';

export interface Principal {
  userId: string;
  email: string;
  name: string;
  grants: RoleGrantRow[];
  hasRole(role: GrantedRole): boolean;
  isCityAdmin(): boolean;
  managesHub(hubId: string): boolean;
  administersDistrict(district: string): boolean;
  /** 'ngo_owner' | 'ngo_member' for organisations the account belongs to, else null. */
  membershipOf(organizationId: string): 'ngo_owner' | 'ngo_member' | null;
}

export function makePrincipal(
  user: { id: string; email: string; name: string },
  grants: RoleGrantRow[],
): Principal {
  const roles = new Set(grants.map((g) => g.role));
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    grants,
    hasRole: (role) => roles.has(role),
    isCityAdmin: () => roles.has('city_admin'),
    managesHub: (hubId) => grants.some((g) => g.role === 'hub_manager' && g.hubId === hubId),
    administersDistrict: (district) =>
      grants.some((g) => g.role === 'district_admin' && g.district === district),
    membershipOf: (organizationId) => {
      const g = grants.find(
        (x) => x.organizationId === organizationId && (x.role === 'ngo_owner' || x.role === 'ngo_member'),
      );
      return (g?.role as 'ngo_owner' | 'ngo_member' | undefined) ?? null;
    },
  };
}

/**
 * The account behind an access token, whether the token's session (its refresh-token family) is
 * still live, and the account's grants: one statement, the one round trip every authenticated
 * request makes. A family counts as ended once any of its tokens is revoked: revocation marks
 * them all, and a token a racing refresh adds later must not revive it.
 */
export async function loadPrincipal(
  db: Kysely<DB>,
  userId: string,
  sessionId: string,
): Promise<{ principal: Principal; sessionLive: boolean } | null> {
  const query = db
    .selectFrom('users')
    .select(['id', 'email', 'name'])
    .select((eb) =>
      eb
        .selectFrom('refreshTokens')
        .select((s) =>
          s.fn
            .coalesce(s.fn<boolean>('bool_and', [s('revokedAt', 'is', null)]), sql<boolean>`false`)
            .as('live'),
        )
        .where('familyId', '=', sessionId)
        .where('userId', '=', userId)
        .as('sessionLive'),
    )
    .select(
      sql<GrantJson[]>`(select coalesce(json_agg(json_build_object(
          'id', g.id, 'userId', g.user_id, 'role', g.role, 'district', g.district, 'hubId', g.hub_id,
          'organizationId', g.organization_id, 'grantedBy', g.granted_by, 'createdAt', g.created_at)
          order by g.created_at, g.id), '[]'::json)
        from role_grants g where g.user_id = users.id)`.as('grants'),
    )
    .where('id', '=', userId);
  // Every authenticated request runs it: prepared once per connection (db/database.ts).
  const [user] = (await db.executeQuery(prepared(query.compile()))).rows;
  if (!user) return null;
  const grants: RoleGrantRow[] = user.grants.map((g) => ({ ...g, createdAt: new Date(g.createdAt) }));
  return { principal: makePrincipal(user, grants), sessionLive: user.sessionLive === true };
}

/** A grant as the principal's query hands it over (JSON: the time as text). */
type GrantJson = Omit<RoleGrantRow, 'createdAt'> & { createdAt: string };
