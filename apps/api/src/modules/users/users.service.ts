// The signed-in account as /me shows it, and the city_admin's management of role grants.
import {
  type AdminUser,
  type GrantRoleBody,
  type MeResponse,
  NOTIFICATION_KINDS,
  type NotificationKind,
  ROLE_SCOPE,
  type RoleGrant,
  type UpdateMeBody,
} from '@vcentri/shared';
import { sql } from 'kysely';
import type { Database } from '../../db/database';
import { badRequest, conflict, isUniqueViolation, notFound } from '../../errors';
import { recordAudit } from '../audit/audit.repository';
import type { Principal } from './principal';
import {
  findUserById,
  grantsWithNames,
  lockCityAdmins,
  searchUsers,
  toUserDto,
  updateUser,
} from './users.repository';

/** The stored opt-outs that name a kind the API still sends (a retired kind is not shown). */
const knownKinds = (kinds: string[]): NotificationKind[] =>
  NOTIFICATION_KINDS.filter((k) => kinds.includes(k));

export async function describeMe(db: Database, userId: string): Promise<MeResponse> {
  const user = await findUserById(db, userId);
  if (!user) throw notFound();
  const grants = (await grantsWithNames(db, [userId])).get(userId) ?? [];
  const uniq = (xs: (string | null)[]): string[] => [...new Set(xs.filter((x): x is string => x !== null))];
  return {
    user: toUserDto(user),
    roles: ['resident', ...uniq(grants.map((g) => g.role))],
    grants,
    scopes: {
      cityAdmin: grants.some((g) => g.role === 'city_admin'),
      districts: uniq(grants.map((g) => g.district)),
      hubIds: uniq(grants.filter((g) => g.role === 'hub_manager').map((g) => g.hubId)),
      organizationIds: uniq(grants.map((g) => g.organizationId)),
    },
    emailOptOut: knownKinds(user.emailOptOut),
  };
}

export async function updateMe(db: Database, userId: string, body: UpdateMeBody): Promise<MeResponse> {
  await updateUser(db, userId, {
    name: body.name?.trim(),
    locale: body.locale,
    emailOptOut: body.emailOptOut ? [...new Set(body.emailOptOut)].sort() : undefined,
  });
  return describeMe(db, userId);
}

export async function listUsers(db: Database, q: string | undefined, limit: number, offset: number) {
  const { rows, total } = await searchUsers(db, q, limit, offset);
  const grants = await grantsWithNames(
    db,
    rows.map((r) => r.id),
  );
  const items: AdminUser[] = rows.map((r) => ({
    id: r.id,
    email: r.email,
    name: r.name,
    createdAt: r.createdAt.toISOString(),
    grants: grants.get(r.id) ?? [],
  }));
  return { items, total };
}

export async function grantRole(
  db: Database,
  actor: Principal,
  userId: string,
  body: GrantRoleBody,
  ip: string,
): Promise<RoleGrant> {
  const scope = ROLE_SCOPE[body.role];
  const given = { district: body.district, hub: body.hubId, organization: body.organizationId };
  const wrong = (Object.keys(given) as (keyof typeof given)[]).filter(
    (k) => (k === scope) !== (given[k] !== undefined),
  );
  if (wrong.length > 0) {
    const detail =
      scope === 'none'
        ? 'city_admin takes no scope.'
        : `${body.role} needs exactly one ${scope} and nothing else.`;
    throw badRequest(
      'invalid_scope',
      detail,
      wrong.map((k) => ({
        path: `/${k === 'district' ? 'district' : `${k}Id`}`,
        code: 'invalid_scope',
        message: detail,
      })),
    );
  }
  return db.transaction().execute(async (trx) => {
    const user = await findUserById(trx, userId);
    if (!user) throw notFound('No such account.');
    if (body.hubId) {
      const hub = await trx.selectFrom('hubs').select('id').where('id', '=', body.hubId).executeTakeFirst();
      if (!hub)
        throw badRequest('invalid_scope', 'No such hub.', [
          { path: '/hubId', code: 'not_found', message: 'No such hub.' },
        ]);
    }
    if (body.organizationId) {
      const org = await trx
        .selectFrom('organizations')
        .select('id')
        .where('id', '=', body.organizationId)
        .executeTakeFirst();
      if (!org) {
        throw badRequest('invalid_scope', 'No such organisation.', [
          { path: '/organizationId', code: 'not_found', message: 'No such organisation.' },
        ]);
      }
    }
    let id: string;
    try {
      const row = await trx
        .insertInto('roleGrants')
        .values({
          userId,
          role: body.role,
          district: body.district ?? null,
          hubId: body.hubId ?? null,
          organizationId: body.organizationId ?? null,
          grantedBy: actor.userId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      id = row.id;
    } catch (err) {
      if (isUniqueViolation(err))
        throw conflict('role_grant_exists', 'The account already has this role here.');
      throw err;
    }
    await recordAudit(trx, {
      action: 'role.granted',
      actorId: actor.userId,
      actorEmail: actor.email,
      targetType: 'user',
      targetId: userId,
      ip,
      details: {
        grantId: id,
        role: body.role,
        district: body.district,
        hubId: body.hubId,
        organizationId: body.organizationId,
      },
    });
    const grant = ((await grantsWithNames(trx, [userId])).get(userId) ?? []).find((g) => g.id === id);
    if (!grant) throw notFound();
    return grant;
  });
}

export async function revokeRole(
  db: Database,
  actor: Principal,
  userId: string,
  grantId: string,
  ip: string,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const admins = await lockCityAdmins(trx);
    const grant = await trx
      .selectFrom('roleGrants')
      .selectAll()
      .where('id', '=', grantId)
      .where('userId', '=', userId)
      .executeTakeFirst();
    if (!grant) throw notFound('No such role grant.');
    if (grant.role === 'city_admin' && admins.length <= 1) {
      throw conflict('last_city_admin', 'The last city administrator cannot be removed.');
    }
    await trx.deleteFrom('roleGrants').where('id', '=', grantId).execute();
    await recordAudit(trx, {
      action: 'role.revoked',
      actorId: actor.userId,
      actorEmail: actor.email,
      targetType: 'user',
      targetId: userId,
      ip,
      details: {
        grantId,
        role: grant.role,
        district: grant.district,
        hubId: grant.hubId,
        organizationId: grant.organizationId,
      },
    });
  });
}

/** Creates the first city_admin from ADMIN_EMAIL/ADMIN_PASSWORD when there is none. */
export async function ensureFirstCityAdmin(
  db: Database,
  email: string,
  passwordHash: () => Promise<string>,
): Promise<'created' | 'exists'> {
  const existing = await db
    .selectFrom('roleGrants')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('role', '=', 'city_admin')
    .executeTakeFirstOrThrow();
  if (existing.n > 0) return 'exists';
  const hash = await passwordHash();
  await db.transaction().execute(async (trx) => {
    const user =
      (await trx.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst()) ??
      (await trx
        .insertInto('users')
        .values({ email, passwordHash: hash, name: 'City administrator' })
        .returning('id')
        .executeTakeFirstOrThrow());
    await trx.insertInto('roleGrants').values({ userId: user.id, role: 'city_admin' }).execute();
    await recordAudit(trx, {
      action: 'role.granted',
      targetType: 'user',
      targetId: user.id,
      details: { role: 'city_admin', source: 'ADMIN_EMAIL' },
    });
  });
  return 'created';
}
