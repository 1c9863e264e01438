// All the SQL of the registry: organisations, their history, their members, the public search.
import { DEFAULT_LIMIT } from '@vcentri/shared';
import type {
  Organization,
  OrganizationInput,
  OrganizationSearchQuery,
  PublicOrganization,
} from '@vcentri/shared';
import { type Kysely, sql } from 'kysely';
import type { DB, OrganizationRow } from '../../db/schema';

export type OrgRow = Omit<OrganizationRow, 'searchVector' | 'nameText'>;

const ORG_COLUMNS = [
  'id',
  'nameUk',
  'nameEn',
  'status',
  'district',
  'isDemo',
  'createdAt',
  'legalForm',
  'edrpou',
  'address',
  'activities',
  'targetGroups',
  'contacts',
  'descriptionUk',
  'descriptionEn',
  'yearFounded',
  'rejectionReason',
  'statusReason',
  'submittedAt',
  'verifiedAt',
  'updatedAt',
  'changedSinceVerification',
] as const;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toPublicDto(r: OrgRow): PublicOrganization {
  return {
    id: r.id,
    nameUk: r.nameUk,
    nameEn: r.nameEn,
    legalForm: r.legalForm as PublicOrganization['legalForm'],
    edrpou: r.edrpou,
    district: r.district as PublicOrganization['district'],
    address: r.address,
    activities: r.activities,
    targetGroups: r.targetGroups,
    contacts: (r.contacts ?? {}) as PublicOrganization['contacts'],
    descriptionUk: r.descriptionUk,
    descriptionEn: r.descriptionEn,
    yearFounded: r.yearFounded,
    verifiedAt: iso(r.verifiedAt),
    isDemo: r.isDemo,
  };
}

export function toDto(
  r: OrgRow,
  myRole: 'ngo_owner' | 'ngo_member' | null,
  staffView: boolean,
): Organization {
  return {
    ...toPublicDto(r),
    status: r.status as Organization['status'],
    rejectionReason: r.rejectionReason,
    statusReason: staffView ? r.statusReason : null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    submittedAt: iso(r.submittedAt),
    changedSinceVerification: staffView ? r.changedSinceVerification : false,
    myRole,
  };
}

/** Column values for an insert or update from the API's field names. */
export function toColumns(input: Partial<OrganizationInput>) {
  const out: Record<string, unknown> = {};
  if (input.nameUk !== undefined) out.nameUk = input.nameUk.trim();
  if (input.nameEn !== undefined) out.nameEn = input.nameEn.trim();
  if (input.legalForm !== undefined) out.legalForm = input.legalForm;
  if (input.edrpou !== undefined) out.edrpou = input.edrpou?.trim() || null;
  if (input.district !== undefined) out.district = input.district;
  if (input.address !== undefined) out.address = input.address.trim();
  if (input.activities !== undefined) out.activities = input.activities;
  if (input.targetGroups !== undefined) out.targetGroups = input.targetGroups;
  if (input.contacts !== undefined) out.contacts = JSON.stringify(input.contacts);
  if (input.descriptionUk !== undefined) out.descriptionUk = input.descriptionUk.trim();
  if (input.descriptionEn !== undefined) out.descriptionEn = input.descriptionEn.trim();
  if (input.yearFounded !== undefined) out.yearFounded = input.yearFounded;
  return out;
}

export async function insertOrganization(db: Kysely<DB>, input: OrganizationInput): Promise<OrgRow> {
  return db
    .insertInto('organizations')
    .values(toColumns(input) as never)
    .returning(ORG_COLUMNS)
    .executeTakeFirstOrThrow();
}

export async function findOrganization(
  db: Kysely<DB>,
  id: string,
  forUpdate = false,
): Promise<OrgRow | undefined> {
  let q = db.selectFrom('organizations').select(ORG_COLUMNS).where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function updateOrganization(
  db: Kysely<DB>,
  id: string,
  set: Record<string, unknown>,
): Promise<OrgRow> {
  return db
    .updateTable('organizations')
    .set({ ...set, updatedAt: sql<Date>`now()` } as never)
    .where('id', '=', id)
    .returning(ORG_COLUMNS)
    .executeTakeFirstOrThrow();
}

export async function insertHistory(
  db: Kysely<DB>,
  entry: {
    organizationId: string;
    actorId: string | null;
    action: string;
    fromStatus?: string | null;
    toStatus?: string | null;
    reason?: string | null;
    changes?: { field: string; old: unknown; new: unknown }[];
  },
) {
  await db
    .insertInto('organizationHistory')
    .values({
      organizationId: entry.organizationId,
      actorId: entry.actorId,
      action: entry.action,
      fromStatus: entry.fromStatus ?? null,
      toStatus: entry.toStatus ?? null,
      reason: entry.reason ?? null,
      changes: JSON.stringify(entry.changes ?? []),
    })
    .execute();
}

export async function listHistory(db: Kysely<DB>, organizationId: string) {
  return db
    .selectFrom('organizationHistory as h')
    .leftJoin('users as u', 'u.id', 'h.actorId')
    .select([
      'h.id',
      'h.at',
      'h.actorId',
      'u.name as actorName',
      'h.action',
      'h.fromStatus',
      'h.toStatus',
      'h.reason',
      'h.changes',
    ])
    .where('h.organizationId', '=', organizationId)
    .orderBy('h.at')
    .orderBy('h.id')
    .execute();
}

type OrgFilter = Pick<OrganizationSearchQuery, 'district' | 'activity' | 'targetGroup' | 'legalForm'>;

function applyFilters<T extends { where: (...args: any[]) => T }>(q: T, f: OrgFilter): T {
  let out = q;
  if (f.district) out = out.where('district', '=', f.district);
  if (f.legalForm) out = out.where('legalForm', '=', f.legalForm);
  if (f.activity) out = out.where(sql<boolean>`activities @> array[${f.activity}]::text[]`);
  if (f.targetGroup) out = out.where(sql<boolean>`target_groups @> array[${f.targetGroup}]::text[]`);
  return out;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The words of a query as a prefix full-text query ("лелек:* & дніпр:*"); letters and digits only. */
export function prefixTsQuery(term: string): string | null {
  const words = term.match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length
    ? words
        .slice(0, 8)
        .map((w) => `${w}:*`)
        .join(' & ')
    : null;
}

/**
 * How many matches of a query are ranked, at most, from each of the two branches (name similarity,
 * full text): a word in nearly every description would otherwise make every search rank and count
 * the whole registry. Below it the answer is exact; at it the page comes from the first matches
 * found, the total stops there and the answer says `totalExact: false`.
 */
export const REGISTRY_RANK_CAP = 1000;

/**
 * The public registry: verified organisations only. A query matches words (or their beginnings)
 * of the names and descriptions in both languages, and names by trigram word similarity, which
 * tolerates a typo. Name matches rank above description matches.
 */
export async function searchVerified(
  db: Kysely<DB>,
  query: OrganizationSearchQuery,
): Promise<{ items: OrgRow[]; total: number; totalExact: boolean }> {
  const term = query.q?.trim().toLowerCase().slice(0, 200) || null;
  const tsq = term ? prefixTsQuery(term) : null;
  const limit = query.limit ?? DEFAULT_LIMIT;
  const offset = query.offset ?? 0;
  const sort = query.sort ?? (term ? 'relevance' : 'name');
  const nameCol = query.lang === 'en' ? 'nameEn' : 'nameUk';
  const t = db as Kysely<any>;
  const name = `o.${nameCol}`;

  if (!term) {
    // Filters only: the page is read by index, twenty rows at a time, and counted separately.
    const base = applyFilters(t.selectFrom('organizations as o').where('o.status', '=', 'verified'), query);
    let rows = base.select(ORG_COLUMNS.map((c) => `o.${c}`));
    rows = sort === 'newest' ? rows.orderBy('o.verifiedAt', 'desc').orderBy(name) : rows.orderBy(name);
    const [items, count] = await Promise.all([
      rows.orderBy('o.id').limit(limit).offset(offset).execute() as Promise<OrgRow[]>,
      base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow() as Promise<{ n: number }>,
    ]);
    return { items, total: count.n, totalExact: true };
  }

  // Name matches come from the trigram index with their similarity (few rows, cheap to rank);
  // the other matches come from the full-text index and rank below them. Each branch uses its
  // own index and stops at REGISTRY_RANK_CAP rows, so a selective query touches only the rows it
  // finds and a word in every description costs no more than a thousand.
  const like = `%${escapeLike(term)}%`;
  const verified = (qb: any) =>
    applyFilters(qb.selectFrom('organizations').where('status', '=', 'verified'), query);
  const matched = t
    .with(
      (wb) => wb('hits').materialized(),
      (qb) =>
        verified(qb)
          .select(['id', sql<number>`word_similarity(${term}, name_text)`.as('similarity')])
          .where(sql<boolean>`${term} <% name_text`)
          .limit(REGISTRY_RANK_CAP),
    )
    .with(
      (wb) => wb('rest').materialized(),
      (qb) =>
        verified(qb)
          .select('id')
          .where(
            tsq
              ? sql<boolean>`search_vector @@ to_tsquery('simple', ${tsq})`
              : sql<boolean>`name_text like ${like}`,
          )
          .where('id', 'not in', qb.selectFrom('hits').select('id'))
          .limit(REGISTRY_RANK_CAP),
    )
    .with('matched', (qb) =>
      qb
        .selectFrom('hits')
        .select(['id', 'similarity', sql<boolean>`true`.as('named')])
        .unionAll(
          qb
            .selectFrom('rest')
            .select(['id', sql<number>`0`.as('similarity'), sql<boolean>`false`.as('named')]),
        ),
    );
  const rank = sql<number>`m.similarity * 2 + (case when o.name_text like ${like} then 1 else 0 end)`;
  let rows = matched
    .selectFrom('matched as m')
    .innerJoin('organizations as o', 'o.id', 'm.id')
    .select(ORG_COLUMNS.map((c) => `o.${c}`))
    .select([
      rank.as('rank'),
      // The total comes with the page: one pass over at most twice the cap.
      sql<number>`count(*) over ()::int`.as('total'),
      sql<number>`(count(*) filter (where m.named) over ())::int`.as('named'),
    ]);
  if (sort === 'relevance') rows = rows.orderBy('rank', 'desc').orderBy(name);
  else if (sort === 'newest') rows = rows.orderBy('o.verifiedAt', 'desc').orderBy(name);
  else rows = rows.orderBy(name);
  type Row = OrgRow & { total: number; named: number };
  const items = (await rows.orderBy('o.id').limit(limit).offset(offset).execute()) as unknown as Row[];
  let counts: { total: number; named: number } | undefined = items[0];
  if (!counts) {
    // Past the last page the window has no row to ride on; count separately then.
    counts = (await matched
      .selectFrom('matched as m')
      .select([
        sql<number>`count(*)::int`.as('total'),
        sql<number>`(count(*) filter (where m.named))::int`.as('named'),
      ])
      .executeTakeFirstOrThrow()) as { total: number; named: number };
  }
  const capped = counts.named >= REGISTRY_RANK_CAP || counts.total - counts.named >= REGISTRY_RANK_CAP;
  return { items, total: counts.total, totalExact: !capped };
}

export async function listForModeration(
  db: Kysely<DB>,
  f: { status?: string; q?: string; changed?: boolean; limit: number; offset: number },
) {
  let base = db.selectFrom('organizations');
  if (f.status) base = base.where('status', '=', f.status);
  if (f.changed) base = base.where('changedSinceVerification', '=', true);
  if (f.q?.trim()) {
    const p = `%${escapeLike(f.q.trim().toLowerCase())}%`;
    base = base.where((eb) => eb.or([eb('nameText', 'like', p), eb('edrpou', 'like', p)]));
  }
  const [items, count] = await Promise.all([
    base
      .select(ORG_COLUMNS)
      .orderBy(sql`coalesce(submitted_at, created_at)`)
      .orderBy('id')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: count.n };
}

export async function listMemberOrganizations(db: Kysely<DB>, userId: string) {
  return db
    .selectFrom('organizations as o')
    .innerJoin('roleGrants as g', 'g.organizationId', 'o.id')
    .select(ORG_COLUMNS.map((c) => `o.${c}` as const))
    .select('g.role as myRole')
    .where('g.userId', '=', userId)
    .orderBy('o.nameUk')
    .execute();
}

export async function listMembers(db: Kysely<DB>, organizationId: string) {
  return db
    .selectFrom('roleGrants as g')
    .innerJoin('users as u', 'u.id', 'g.userId')
    .select(['g.userId', 'u.email', 'u.name', 'g.role', 'g.createdAt as since'])
    .where('g.organizationId', '=', organizationId)
    .orderBy(sql`case g.role when 'ngo_owner' then 0 else 1 end`)
    .orderBy('u.name')
    .execute();
}

export async function membershipOf(db: Kysely<DB>, organizationId: string, userId: string) {
  return db
    .selectFrom('roleGrants')
    .select(['id', 'role'])
    .where('organizationId', '=', organizationId)
    .where('userId', '=', userId)
    .executeTakeFirst();
}

/** The last time anything in the registry changed, for open-data Last-Modified. */
export async function registryLastModified(db: Kysely<DB>): Promise<Date> {
  const row = await db
    .selectFrom('organizations')
    .select(sql<Date | null>`max(updated_at)`.as('at'))
    .executeTakeFirstOrThrow();
  return row.at ?? new Date(0);
}

export async function allVerified(db: Kysely<DB>) {
  return db
    .selectFrom('organizations')
    .select(ORG_COLUMNS)
    .where('status', '=', 'verified')
    .orderBy('nameUk')
    .orderBy('id')
    .execute();
}
