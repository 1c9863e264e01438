// Accounts and their role grants.
import type { GrantedRole, RoleGrant, User } from '@vcentri/shared';
import { type Kysely, sql } from 'kysely';
import type { DB, NewUser, UserRow } from '../../db/schema';
import { containsPattern } from '../../db/like';

export function toUserDto(row: Pick<UserRow, 'id' | 'email' | 'name' | 'locale' | 'createdAt'>): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    locale: row.locale,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function insertUser(db: Kysely<DB>, user: NewUser): Promise<UserRow> {
  return db.insertInto('users').values(user).returningAll().executeTakeFirstOrThrow();
}

export async function findUserByEmail(db: Kysely<DB>, email: string): Promise<UserRow | undefined> {
  // email is citext: the comparison ignores case.
  return db.selectFrom('users').selectAll().where('email', '=', email.trim()).executeTakeFirst();
}

export async function findUserById(db: Kysely<DB>, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateUser(
  db: Kysely<DB>,
  id: string,
  patch: { name?: string; locale?: 'uk' | 'en'; emailOptOut?: string[] },
) {
  if (patch.name === undefined && patch.locale === undefined && patch.emailOptOut === undefined)
    return findUserById(db, id);
  return db.updateTable('users').set(patch).where('id', '=', id).returningAll().executeTakeFirst();
}

/** Grants of the given accounts, with the names of the hubs and organisations they are about. */
export async function grantsWithNames(db: Kysely<DB>, userIds: string[]): Promise<Map<string, RoleGrant[]>> {
  const out = new Map<string, RoleGrant[]>();
  if (userIds.length === 0) return out;
  const rows = await db
    .selectFrom('roleGrants as g')
    .leftJoin('hubs as h', 'h.id', 'g.hubId')
    .leftJoin('organizations as o', 'o.id', 'g.organizationId')
    .select([
      'g.id',
      'g.userId',
      'g.role',
      'g.district',
      'g.hubId',
      'h.nameUk as hubName',
      'h.nameEn as hubNameEn',
      'g.organizationId',
      'o.nameUk as organizationName',
      'o.nameEn as organizationNameEn',
      'g.createdAt',
    ])
    .where('g.userId', 'in', userIds)
    .orderBy('g.createdAt')
    .execute();
  for (const r of rows) {
    const list = out.get(r.userId) ?? [];
    list.push({
      id: r.id,
      role: r.role as GrantedRole,
      district: r.district as RoleGrant['district'],
      hubId: r.hubId,
      hubName: r.hubName,
      hubNameEn: r.hubNameEn || r.hubName,
      organizationId: r.organizationId,
      organizationName: r.organizationName,
      organizationNameEn: r.organizationNameEn || r.organizationName,
      createdAt: r.createdAt.toISOString(),
    });
    out.set(r.userId, list);
  }
  return out;
}

export async function searchUsers(db: Kysely<DB>, q: string | undefined, limit: number, offset: number) {
  // Erased accounts are empty rows kept for references; there is no one left to administer.
  let base = db.selectFrom('users').where('erasedAt', 'is', null);
  if (q?.trim()) {
    const pattern = containsPattern(q);
    base = base.where((eb) => eb.or([eb('email', 'ilike', pattern), eb('name', 'ilike', pattern)]));
  }
  const [rows, count] = await Promise.all([
    base.selectAll().orderBy('createdAt', 'desc').orderBy('id').limit(limit).offset(offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function countCityAdmins(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('roleGrants')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('role', '=', 'city_admin')
    .executeTakeFirstOrThrow();
  return row.n;
}

/**
 * Locks every city_admin grant for the rest of the transaction and returns their holders, so two
 * changes (a revocation, an erasure) cannot both leave the city without an administrator.
 */
/**
 * Locks every owner grant of the organisations the account owns, in id order, so that two
 * co-owners leaving at once (erasure) are counted one after the other and never both find the
 * other still there.
 */
export async function lockCoOwners(trx: Kysely<DB>, userId: string): Promise<void> {
  await trx
    .selectFrom('roleGrants')
    .select('id')
    .where('role', '=', 'ngo_owner')
    .where('organizationId', 'in', (q) =>
      q
        .selectFrom('roleGrants as own')
        .select('own.organizationId')
        .where('own.userId', '=', userId)
        .where('own.role', '=', 'ngo_owner'),
    )
    .orderBy('id')
    .forUpdate()
    .execute();
}

export async function lockCityAdmins(trx: Kysely<DB>): Promise<string[]> {
  const rows = await trx
    .selectFrom('roleGrants')
    .select('userId')
    .where('role', '=', 'city_admin')
    .forUpdate()
    .execute();
  return rows.map((r) => r.userId);
}
