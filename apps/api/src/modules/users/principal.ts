// Who is calling: the account and its current role grants, with the per-object scope checks
// every service uses (deny unless a grant says otherwise).
import type { GrantedRole } from '@vcentri/shared';
import { type Kysely, sql } from 'kysely';
import { AUTH_TABLES } from '../../../migrations/20261216100000_auth_data_versions';
import { prepared } from '../../db/database';
import type { DB, RoleGrantRow } from '../../db/schema';
import type { DataVersions } from '../../plugins/public-cache';

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

/** A kept principal is read again after this long even if no write says so (a safety net). */
export const PRINCIPAL_MAX_AGE_MS = 5_000;

interface Kept {
  principal: Principal;
  /** The versions of AUTH_TABLES it was read under. */
  version: number;
  readAt: number;
}

/**
 * Principals of live sessions kept in memory per (account, session), so a repeated request with
 * the same token makes no database round trip to authenticate. Each is kept with the data versions
 * of users, role_grants and refresh_tokens (migration 20261216100000) and is stale once they move:
 * - a write through this process's handle (log-out, a grant, an erasure, any request or job) is
 *   reported when it commits (db/watch.ts); the next request re-reads the versions first;
 * - a write by another process arrives as a PostgreSQL notification (milliseconds), or at the next
 *   poll (DATA_VERSION_POLL_MS) if the listening connection is down; until then that process may
 *   still accept the session or grant that was just ended, for at most that window.
 * Only live sessions are kept, at most `maxEntries` (oldest out first), each at most
 * PRINCIPAL_MAX_AGE_MS. A principal read while a write commits is not kept (the versions are read
 * before the principal and it is kept only if they have not moved), so it cannot outlive the write.
 */
export class PrincipalCache {
  private readonly kept = new Map<string, Kept>();
  /** Requests answered from memory, and principals read from the database. */
  readonly counts = { hits: 0, loads: 0 };

  constructor(
    private readonly db: Kysely<DB>,
    private readonly versions: DataVersions,
    private readonly maxEntries: number,
    private readonly maxAgeMs = PRINCIPAL_MAX_AGE_MS,
  ) {}

  get size(): number {
    return this.kept.size;
  }

  async load(userId: string, sessionId: string): ReturnType<typeof loadPrincipal> {
    if (this.maxEntries === 0) return loadPrincipal(this.db, userId, sessionId);
    try {
      await this.versions.ensureKnown();
    } catch {
      // The versions cannot be read: from the database, not kept.
      return loadPrincipal(this.db, userId, sessionId);
    }
    const key = `${userId} ${sessionId}`;
    const version = this.versions.of(AUTH_TABLES);
    // A write reported since ensureKnown returned makes `version` untrustworthy: no hit, no keeping.
    const known = this.versions.isKnown();
    const hit = this.kept.get(key);
    if (hit) {
      if (known && hit.version === version && Date.now() - hit.readAt < this.maxAgeMs) {
        this.counts.hits++;
        return { principal: hit.principal, sessionLive: true };
      }
      this.kept.delete(key);
    }
    this.counts.loads++;
    const found = await loadPrincipal(this.db, userId, sessionId);
    if (known && found?.sessionLive && this.versions.isKnown() && this.versions.of(AUTH_TABLES) === version)
      this.keep(key, { principal: freeze(found.principal), version, readAt: Date.now() });
    return found;
  }

  private keep(key: string, entry: Kept) {
    if (this.kept.size >= this.maxEntries) {
      // The oldest goes first (a map keeps insertion order).
      const oldest = this.kept.keys().next().value;
      if (oldest !== undefined) this.kept.delete(oldest);
    }
    this.kept.set(key, entry);
  }
}

/** A kept principal is shared by concurrent requests: none may change it for the others. */
function freeze(principal: Principal): Principal {
  for (const g of principal.grants) Object.freeze(g);
  Object.freeze(principal.grants);
  return Object.freeze(principal);
}
