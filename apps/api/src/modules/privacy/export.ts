// Download my data: everything linked to an account, one file per category of DATA_CATEGORIES
// (the list the privacy page shows), JSON always and CSV where the category is a table, in one
// zip. Prepared by a durable job (`privacy.export`); the person is notified when it is ready and
// may download it for DATA_EXPORT_DAYS days.
import { DATA_CATEGORIES, type DataCategoryId, type DataExport } from '@vcentri/shared';
import { sql } from 'kysely';
import type { Database } from '../../db/database';
import { enqueueJob } from '../../jobs/queue';
import type { JobHandler } from '../../jobs/worker';
import { recordAudit } from '../audit/audit.repository';
import { insertNotification } from '../bookings/bookings.repository';
import { toCsv } from '../open-data/csv';
import { hoursRows, hoursView } from '../volunteering/volunteering.repository';
import { type ZipEntry, zip } from './zip';

export const DATA_EXPORT_JOB = 'privacy.export';

type Row = Record<string, unknown>;
/** A category's content: rows of one table (also written as CSV), or one object. */
type Content = { rows: Row[] } | { object: Row | null };

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** One reader per category: the type makes a category without a reader a compile error. */
const READERS: Record<DataCategoryId, (db: Database, userId: string) => Promise<Content>> = {
  account: async (db, userId) => ({
    object:
      (await db
        .selectFrom('users')
        .select(['id', 'email', 'name', 'locale', 'createdAt', 'emailOptOut', 'emailNotifications'])
        .where('id', '=', userId)
        .executeTakeFirst()) ?? null,
  }),
  roles: async (db, userId) => ({
    rows: await db
      .selectFrom('roleGrants as g')
      .leftJoin('organizations as o', 'o.id', 'g.organizationId')
      .leftJoin('hubs as h', 'h.id', 'g.hubId')
      .select([
        'g.role',
        'g.district',
        'g.hubId',
        'h.nameUk as hubName',
        'g.organizationId',
        'o.nameUk as organizationName',
        'g.createdAt',
      ])
      .where('g.userId', '=', userId)
      .orderBy('g.createdAt')
      .execute(),
  }),
  sessions: async (db, userId) => ({
    rows: await db
      .selectFrom('refreshTokens')
      .select([
        'familyId as session',
        sql<Date>`min(created_at)`.as('startedAt'),
        sql<Date>`max(expires_at)`.as('expiresAt'),
        sql<boolean>`bool_or(revoked_at is not null)`.as('ended'),
      ])
      .where('userId', '=', userId)
      .groupBy('familyId')
      .orderBy(sql`min(created_at)`)
      .execute(),
  }),
  bookings: async (db, userId) => ({
    rows: await db
      .selectFrom('bookings as b')
      .innerJoin('rooms as r', 'r.id', 'b.roomId')
      .innerJoin('hubs as h', 'h.id', 'r.hubId')
      .leftJoin('organizations as o', 'o.id', 'b.organizationId')
      .select([
        'b.id',
        'h.nameUk as hub',
        'r.nameUk as room',
        'o.nameUk as organization',
        'b.title',
        'b.purpose',
        'b.attendees',
        'b.status',
        sql<Date>`lower(b.period)`.as('start'),
        sql<Date>`upper(b.period)`.as('end'),
        'b.createdAt',
      ])
      .where('b.createdBy', '=', userId)
      .where('b.kind', '=', 'booking')
      .orderBy('b.createdAt')
      .execute(),
  }),
  registrations: async (db, userId) => ({
    rows: await db
      .selectFrom('eventRegistrations as x')
      .innerJoin('events as e', 'e.id', 'x.eventId')
      .select([
        'x.eventId',
        'e.titleUk as event',
        'e.startsAt',
        'x.status',
        'x.position',
        'x.code',
        'x.createdAt',
        'x.cancelledAt',
        'x.checkedInAt',
      ])
      .where('x.userId', '=', userId)
      .orderBy('x.createdAt')
      .execute(),
  }),
  survey_invitations: async (db, userId) => ({
    rows: await db
      .selectFrom('surveyInvitees as i')
      .innerJoin('surveys as s', 's.id', 'i.surveyId')
      .select(['i.surveyId', 's.titleUk as survey', 'i.invitedAt', 'i.issuedAt'])
      .where('i.userId', '=', userId)
      .orderBy('i.invitedAt')
      .execute(),
  }),
  feedback: async (db, userId) => ({
    rows: await db
      .selectFrom('eventFeedback as f')
      .innerJoin('events as e', 'e.id', 'f.eventId')
      .select(['f.eventId', 'e.titleUk as event', 'f.rating', 'f.comment', 'f.createdAt'])
      .where('f.userId', '=', userId)
      .orderBy('f.createdAt')
      .execute(),
  }),
  volunteer_profile: async (db, userId) => ({
    object:
      (await db
        .selectFrom('volunteerProfiles')
        .select([
          'code',
          'skills',
          'languages',
          'districts',
          'birthYear',
          'consentToContact',
          'consentGivenAt',
          'createdAt',
          'updatedAt',
        ])
        .where('userId', '=', userId)
        .executeTakeFirst()) ?? null,
  }),
  volunteer_signups: async (db, userId) => ({
    rows: await db
      .selectFrom('volunteerSignups as x')
      .innerJoin('volunteerShifts as s', 's.id', 'x.shiftId')
      .innerJoin('volunteerPrograms as p', 'p.id', 's.programId')
      .select([
        'x.shiftId',
        'p.titleUk as program',
        's.startsAt',
        's.endsAt',
        'x.status',
        'x.position',
        'x.present',
        'x.createdAt',
        'x.cancelledAt',
      ])
      .where('x.userId', '=', userId)
      .orderBy('x.createdAt')
      .execute(),
  }),
  volunteer_hours: async (db, userId) => ({
    // The same rows and shape as the hours the coordinators and the person see.
    rows: (await hoursRows(db).where('h.userId', '=', userId).orderBy('h.workDate').execute()).map((r) => ({
      ...hoursView(r),
    })),
  }),
  certificates: async (db, userId) => ({
    rows: await db
      .selectFrom('certificates')
      .select([
        'code',
        'printedName',
        'locale',
        sql<string>`to_char(period_from, 'YYYY-MM-DD')`.as('periodFrom'),
        sql<string>`to_char(period_to, 'YYYY-MM-DD')`.as('periodTo'),
        'totalMinutes',
        'issuedAt',
        'revokedAt',
        'revokeReason',
      ])
      .where('userId', '=', userId)
      .orderBy('issuedAt')
      .execute(),
  }),
  notifications: async (db, userId) => ({
    rows: await db
      .selectFrom('notifications')
      .select(['kind', 'titleUk', 'titleEn', 'bodyUk', 'bodyEn', 'link', 'createdAt', 'readAt'])
      .where('userId', '=', userId)
      .orderBy('createdAt')
      .execute(),
  }),
  consents: async (db, userId) => ({
    rows: await db
      .selectFrom('consentRecords')
      .select(['kind', 'given', 'version', 'at'])
      .where('userId', '=', userId)
      .orderBy('at')
      .execute(),
  }),
  audit: async (db, userId) => ({
    rows: await db
      .selectFrom('auditLog')
      .select(['at', 'action', 'targetType', 'targetId', 'ip', 'details'])
      .where('actorId', '=', userId)
      .orderBy('at')
      .execute(),
  }),
};

const plain = (v: unknown): unknown => {
  if (v instanceof Date) return iso(v);
  if (Array.isArray(v)) return v.map(plain);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  return v;
};

const cell = (v: unknown) =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? JSON.stringify(v) : v;

/** The archive's files: README, one JSON per category, a CSV per table category. */
export async function buildArchive(db: Database, userId: string, at = new Date()): Promise<Buffer> {
  const files: ZipEntry[] = [];
  const index: { file: string; title: string; count: number | null }[] = [];
  for (const category of DATA_CATEGORIES) {
    const content = await READERS[category.id](db, userId);
    if ('rows' in content) {
      const rows = content.rows.map((r) => plain(r) as Row);
      files.push({ name: `${category.id}.json`, data: `${JSON.stringify(rows, null, 2)}\n` });
      const header = rows[0] ? Object.keys(rows[0]) : [];
      files.push({
        name: `${category.id}.csv`,
        data: toCsv(
          header,
          rows.map((r) => header.map((h) => cell(r[h]))),
        ),
      });
      index.push({ file: category.id, title: category.title.en, count: rows.length });
    } else {
      files.push({
        name: `${category.id}.json`,
        data: `${JSON.stringify(plain(content.object), null, 2)}\n`,
      });
      index.push({ file: category.id, title: category.title.en, count: null });
    }
  }
  const readme = [
    'Vcentri — your data / ваші дані',
    `Prepared ${at.toISOString()}.`,
    '',
    'One JSON file per category (and a CSV of the same rows for lists).',
    'Categories, as the privacy page describes them:',
    ...DATA_CATEGORIES.map((c) => `- ${c.id}: ${c.title.en} / ${c.title.uk}`),
    '',
  ].join('\n');
  return zip(
    [
      { name: 'README.txt', data: readme },
      { name: 'index.json', data: JSON.stringify(index, null, 2) },
      ...files,
    ],
    at,
  );
}

type ExportRow = {
  id: string;
  status: 'pending' | 'ready' | 'failed';
  requestedAt: Date;
  readyAt: Date | null;
  expiresAt: Date | null;
  bytes: number | null;
  requestedBy: string | null;
  userId: string;
};

export function exportView(r: ExportRow, now = new Date()): DataExport {
  const expired = r.status === 'ready' && r.expiresAt !== null && r.expiresAt <= now;
  return {
    id: r.id,
    status: expired ? 'expired' : r.status,
    requestedAt: r.requestedAt.toISOString(),
    readyAt: iso(r.readyAt),
    expiresAt: iso(r.expiresAt),
    bytes: expired ? null : r.bytes,
    byStaff: r.requestedBy !== null && r.requestedBy !== r.userId,
    downloadUrl: r.status === 'ready' && !expired ? `/api/v1/data-exports/${r.id}/archive.zip` : null,
  };
}

const EXPORT_COLUMNS = [
  'id',
  'status',
  'requestedAt',
  'readyAt',
  'expiresAt',
  'bytes',
  'requestedBy',
  'userId',
] as const;

export async function listExports(db: Database, userId: string): Promise<DataExport[]> {
  const rows = await db
    .selectFrom('dataExports')
    .select(EXPORT_COLUMNS)
    .where('userId', '=', userId)
    .orderBy('requestedAt', 'desc')
    .limit(20)
    .execute();
  return rows.map((r) => exportView(r));
}

/**
 * Asks for an export of `userId`'s data (by the person, or by a city admin `actor` with the written
 * request's reason). One pending export at a time: asking again while one is prepared returns it.
 */
export async function requestExport(
  db: Database,
  userId: string,
  actor: { userId: string; email: string },
  ip: string,
  reason: string | null = null,
): Promise<DataExport> {
  return db.transaction().execute(async (trx) => {
    // Serialises two requests of one account, so there is never more than one pending export.
    await trx.selectFrom('users').select('id').where('id', '=', userId).forUpdate().executeTakeFirstOrThrow();
    const pending = await trx
      .selectFrom('dataExports')
      .select(EXPORT_COLUMNS)
      .where('userId', '=', userId)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (pending) return exportView(pending);
    const row = await trx
      .insertInto('dataExports')
      .values({ userId, requestedBy: actor.userId, reason })
      .returning(EXPORT_COLUMNS)
      .executeTakeFirstOrThrow();
    await enqueueJob(trx, { kind: DATA_EXPORT_JOB, payload: { exportId: row.id }, maxAttempts: 5 });
    await recordAudit(trx, {
      action: 'privacy.export_requested',
      actorId: actor.userId,
      actorEmail: actor.email,
      targetType: 'user',
      targetId: userId,
      ip,
      details: reason ? { reason } : {},
    });
    return exportView(row);
  });
}

/** The job: builds the archive, stores it with its expiry, notifies the person (and the staff requester). */
export function dataExportHandler(db: Database, exportDays: number): JobHandler {
  return async (payload) => {
    const exportId = String(payload.exportId ?? '');
    const row = await db
      .selectFrom('dataExports as x')
      .innerJoin('users as u', 'u.id', 'x.userId')
      .select(['x.id', 'x.userId', 'x.status', 'x.requestedBy', 'u.erasedAt'])
      .where('x.id', '=', exportId)
      .executeTakeFirst();
    if (!row || row.status !== 'pending' || row.erasedAt) return;
    const now = new Date();
    const archive = await buildArchive(db, row.userId, now);
    const expiresAt = new Date(now.getTime() + exportDays * 86_400_000);
    await db.transaction().execute(async (trx) => {
      const done = await trx
        .updateTable('dataExports')
        .set({ status: 'ready', archive, bytes: archive.length, readyAt: now, expiresAt })
        .where('id', '=', exportId)
        .where('status', '=', 'pending')
        .returning('id')
        .executeTakeFirst();
      if (!done) return;
      const byStaff = row.requestedBy !== null && row.requestedBy !== row.userId;
      const to = byStaff ? [row.requestedBy!] : [row.userId];
      for (const userId of to)
        await insertNotification(trx, {
          userId,
          kind: 'privacy.export_ready',
          title: { uk: 'Архів даних готовий', en: 'Data archive ready' },
          body: {
            uk: `Архів можна завантажити до ${expiresAt.toISOString().slice(0, 10)}.`,
            en: `The archive can be downloaded until ${expiresAt.toISOString().slice(0, 10)}.`,
          },
          link: byStaff ? '/admin/users' : '/account#data-export',
          data: { exportId },
        });
    });
  };
}

/** The archive, for the person it describes or the city admin who asked for it. */
export async function exportArchive(
  db: Database,
  exportId: string,
  caller: { userId: string; isCityAdmin: boolean },
): Promise<{ archive: Buffer; requestedAt: Date } | 'not_ready' | null> {
  const row = await db
    .selectFrom('dataExports')
    .select(['userId', 'requestedBy', 'status', 'archive', 'expiresAt', 'requestedAt'])
    .where('id', '=', exportId)
    .executeTakeFirst();
  if (!row) return null;
  const mayRead = row.userId === caller.userId || (caller.isCityAdmin && row.requestedBy === caller.userId);
  if (!mayRead) return null;
  if (row.status !== 'ready' || !row.archive) return 'not_ready';
  if (row.expiresAt && row.expiresAt <= new Date()) return null;
  return { archive: row.archive, requestedAt: row.requestedAt };
}
