// All the SQL of bookings, closures, availability and notifications.
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';
import { enqueueNotificationEmail } from '../notifications/mail';
import type { DatedException, HoursSource, WeeklyInterval } from './opening-hours';

export const range = (start: Date, end: Date) =>
  sql<string>`tstzrange(${start.toISOString()}::timestamptz, ${end.toISOString()}::timestamptz, '[)')`;

/** Rooms with their rules and their hub's place, for the booking rules. */
export function roomContexts(db: Kysely<DB>) {
  return db
    .selectFrom('rooms as r')
    .innerJoin('hubs as h', 'h.id', 'r.hubId')
    .select([
      'r.id',
      'r.hubId',
      'r.nameUk',
      'r.nameEn',
      'r.capacity',
      'r.minMinutes',
      'r.maxMinutes',
      'r.leadMinutes',
      'r.horizonDays',
      'r.bufferMinutes',
      'r.requiresApproval',
      'r.monthlyQuotaHours',
      'h.nameUk as hubNameUk',
      'h.nameEn as hubNameEn',
      'h.district',
      'h.latitude',
      'h.longitude',
    ]);
}

export async function loadRoom(db: Kysely<DB>, roomId: string) {
  return roomContexts(db).where('r.id', '=', roomId).executeTakeFirst();
}
export type RoomContext = NonNullable<Awaited<ReturnType<typeof loadRoom>>>;

/** An organisation as a booking needs it: whether it may book, and its name for the answer. */
export interface BookingOrganization {
  id: string;
  status: string;
  nameUk: string;
  nameEn: string;
}

/**
 * Everything the rules need that does not change with other requests' bookings, in one statement:
 * the room and its hub, the organisation, the hub's weekly hours and its exceptions between two
 * local dates. With `lock`, the room's row is locked for the rest of the transaction (as
 * lockRooms does), so the occupancy read after it is the one the insert lands in.
 */
export async function loadRoomFacts(
  db: Kysely<DB>,
  q: { roomId: string; organizationId: string; fromDate: string; toDate: string; lock: boolean },
): Promise<{ room: RoomContext; organization: BookingOrganization | null; hours: HoursSource } | undefined> {
  let query = roomContexts(db)
    .select([
      sql<BookingOrganization | null>`(select json_build_object('id', o.id, 'status', o.status,
          'nameUk', o.name_uk, 'nameEn', o.name_en)
        from organizations o where o.id = ${q.organizationId})`.as('organization'),
      sql<WeeklyInterval[]>`(select coalesce(json_agg(json_build_object('weekday', w.weekday,
          'opens', to_char(w.opens, 'HH24:MI'), 'closes', to_char(w.closes, 'HH24:MI'))), '[]'::json)
        from hub_opening_hours w where w.hub_id = r.hub_id)`.as('weekly'),
      sql<DatedException[]>`(select coalesce(json_agg(json_build_object('date', to_char(x.date, 'YYYY-MM-DD'),
          'opens', to_char(x.opens, 'HH24:MI'), 'closes', to_char(x.closes, 'HH24:MI'))), '[]'::json)
        from hub_exceptions x
        where x.hub_id = r.hub_id and x.date between ${q.fromDate}::date and ${q.toDate}::date)`.as(
        'exceptions',
      ),
    ])
    .where('r.id', '=', q.roomId);
  if (q.lock) query = query.forUpdate('r');
  const row = await query.executeTakeFirst();
  if (!row) return undefined;
  const { organization, weekly, exceptions, ...room } = row;
  return {
    room,
    organization,
    hours: { weekly, exceptions: new Map(exceptions.map((e) => [e.date, e])) },
  };
}

/** What holds a room around each of a request's occurrences, and its organisation's hours there. */
export interface OccurrenceOccupancy {
  /** Active bookings and closures whose blocked time meets the occurrence's [start, blockedEnd). */
  busy: BusyRow[];
  /** Hours the organisation holds in the room in the occurrence's month; null when not asked. */
  held: number | null;
}

/**
 * The occupancy of every occurrence in one statement (activeInRoom and organizationHours for each):
 * `month` is the [start, end) of the occurrence's Kyiv month, asked only when `quota` is set.
 */
export async function loadOccupancy(
  db: Kysely<DB>,
  q: {
    roomId: string;
    organizationId: string;
    occurrences: { start: Date; blockedEnd: Date; monthStart: Date; monthEnd: Date }[];
    quota: boolean;
    excludeId?: string;
  },
): Promise<OccurrenceOccupancy[]> {
  const iso = (pick: (o: (typeof q.occurrences)[number]) => Date) =>
    q.occurrences.map((o) => pick(o).toISOString());
  const exclude = q.excludeId ?? null;
  const { rows } = await sql<{
    busy: (Omit<BusyRow, 'start' | 'end' | 'blockedEnd'> & {
      start: string;
      end: string;
      blockedEnd: string;
    })[];
    held: number | null;
  }>`
    select
      (select coalesce(json_agg(json_build_object('id', b.id, 'kind', b.kind, 'status', b.status,
          'organizationId', b.organization_id, 'title', b.title, 'start', lower(b.period),
          'end', upper(b.period), 'blockedEnd', upper(b.blocked)) order by lower(b.period)), '[]'::json)
        from bookings b
        where b.room_id = ${q.roomId} and b.status in ('pending', 'confirmed')
          and b.blocked && tstzrange(o.s, o.e, '[)') and b.id is distinct from ${exclude}::uuid) as busy,
      case when ${q.quota} then (
        select coalesce(sum(extract(epoch from upper(h.period) - lower(h.period))), 0)::float8 / 3600
        from bookings h
        where h.organization_id = ${q.organizationId} and h.room_id = ${q.roomId}
          and h.status in ('pending', 'confirmed') and h.period && tstzrange(o.ms, o.me, '[)')
          and h.id is distinct from ${exclude}::uuid) end as held
    from unnest(${iso((o) => o.start)}::timestamptz[], ${iso((o) => o.blockedEnd)}::timestamptz[],
      ${iso((o) => o.monthStart)}::timestamptz[], ${iso((o) => o.monthEnd)}::timestamptz[])
      with ordinality as o(s, e, ms, me, i)
    order by o.i`.execute(db);
  return rows.map((r) => ({
    busy: r.busy.map((b) => ({
      ...b,
      start: new Date(b.start),
      end: new Date(b.end),
      blockedEnd: new Date(b.blockedEnd),
    })),
    held: r.held === null ? null : Number(r.held),
  }));
}

/** Weekly hours and the exceptions between two local dates, of one hub. */
export async function loadHours(
  db: Kysely<DB>,
  hubId: string,
  fromDate: string,
  toDate: string,
): Promise<HoursSource> {
  const [weekly, exceptions] = await Promise.all([
    db
      .selectFrom('hubOpeningHours')
      .select([
        'weekday',
        sql<string>`to_char(opens, 'HH24:MI')`.as('opens'),
        sql<string>`to_char(closes, 'HH24:MI')`.as('closes'),
      ])
      .where('hubId', '=', hubId)
      .execute(),
    db
      .selectFrom('hubExceptions')
      .select([
        sql<string>`to_char(date, 'YYYY-MM-DD')`.as('date'),
        sql<string | null>`to_char(opens, 'HH24:MI')`.as('opens'),
        sql<string | null>`to_char(closes, 'HH24:MI')`.as('closes'),
      ])
      .where('hubId', '=', hubId)
      .where(sql<boolean>`date between ${fromDate}::date and ${toDate}::date`)
      .execute(),
  ]);
  return {
    weekly,
    exceptions: new Map<string, DatedException>(exceptions.map((e) => [e.date, e])),
  };
}

export interface BusyRow {
  id: string;
  kind: 'booking' | 'closure';
  status: string;
  organizationId: string | null;
  title: string;
  start: Date;
  end: Date;
  blockedEnd: Date;
}

/** Pending and confirmed bookings and closures of a room whose blocked time meets [from, to). */
export async function activeInRoom(
  db: Kysely<DB>,
  roomId: string,
  from: Date,
  to: Date,
  excludeId?: string,
): Promise<BusyRow[]> {
  let q = db
    .selectFrom('bookings')
    .select([
      'id',
      'kind',
      'status',
      'organizationId',
      'title',
      sql<Date>`lower(period)`.as('start'),
      sql<Date>`upper(period)`.as('end'),
      sql<Date>`upper(blocked)`.as('blockedEnd'),
    ])
    .where('roomId', '=', roomId)
    .where('status', 'in', ['pending', 'confirmed'])
    .where(sql<boolean>`blocked && ${range(from, to)}`)
    .orderBy(sql`lower(period)`);
  if (excludeId) q = q.where('id', '!=', excludeId);
  return q.execute();
}

/** Hours an organisation holds in a room (pending or confirmed) within [from, to). */
export async function organizationHours(
  db: Kysely<DB>,
  organizationId: string,
  roomId: string,
  from: Date,
  to: Date,
  excludeId?: string,
) {
  let q = db
    .selectFrom('bookings')
    .select(
      sql<number>`coalesce(sum(extract(epoch from upper(period) - lower(period))), 0)::float8 / 3600`.as(
        'hours',
      ),
    )
    .where('organizationId', '=', organizationId)
    .where('roomId', '=', roomId)
    .where('status', 'in', ['pending', 'confirmed'])
    .where(sql<boolean>`period && ${range(from, to)}`);
  if (excludeId) q = q.where('id', '!=', excludeId);
  const row = await q.executeTakeFirstOrThrow();
  return Number(row.hours);
}

/** Places the published events of a booking offer together. */
export async function eventPlaces(db: Kysely<DB>, bookingId: string): Promise<number> {
  const row = await db
    .selectFrom('events')
    .select(sql<number>`coalesce(sum(capacity), 0)::int`.as('places'))
    .where('bookingId', '=', bookingId)
    .where('status', '=', 'published')
    .executeTakeFirstOrThrow();
  return row.places;
}

/** The booking with everything its view needs. */
export function bookingViews(db: Kysely<DB>) {
  return db
    .selectFrom('bookings as b')
    .innerJoin('rooms as r', 'r.id', 'b.roomId')
    .innerJoin('hubs as h', 'h.id', 'r.hubId')
    .innerJoin('organizations as o', 'o.id', 'b.organizationId')
    .leftJoin('closures as c', 'c.id', 'b.disruptedBy')
    .select([
      'b.id',
      'b.roomId',
      'r.nameUk as roomNameUk',
      'r.nameEn as roomNameEn',
      'r.hubId',
      'h.nameUk as hubNameUk',
      'h.nameEn as hubNameEn',
      'h.district',
      'b.organizationId',
      'o.nameUk as orgNameUk',
      'o.nameEn as orgNameEn',
      'b.seriesId',
      'b.title',
      'b.purpose',
      'b.attendees',
      'b.status',
      sql<Date>`lower(b.period)`.as('start'),
      sql<Date>`upper(b.period)`.as('end'),
      'b.decisionReason',
      'b.createdBy',
      'b.createdAt',
      'c.id as closureId',
      'c.reason as closureReason',
      'c.kind as closureKind',
      sql<Date | null>`lower(c.period)`.as('closureStart'),
      sql<Date | null>`upper(c.period)`.as('closureEnd'),
    ])
    .where('b.kind', '=', 'booking');
}
export type BookingViewRow = Awaited<ReturnType<ReturnType<typeof bookingViews>['execute']>>[number];

export async function insertNotification(
  db: Kysely<DB>,
  n: {
    userId: string;
    kind: string;
    title: { uk: string; en: string };
    body: { uk: string; en: string };
    link?: string;
    data?: Record<string, unknown>;
  },
) {
  // With e-mail configured the notification's e-mail job is written in the same transaction.
  const row = await db
    .insertInto('notifications')
    .values({
      userId: n.userId,
      kind: n.kind,
      titleUk: n.title.uk,
      titleEn: n.title.en,
      bodyUk: n.body.uk,
      bodyEn: n.body.en,
      link: n.link ?? null,
      data: JSON.stringify(n.data ?? {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await enqueueNotificationEmail(db, row.id);
}

/** Accounts that manage a hub (its hub managers). */
export async function hubManagers(db: Kysely<DB>, hubId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('roleGrants')
    .select('userId')
    .where('role', '=', 'hub_manager')
    .where('hubId', '=', hubId)
    .execute();
  return rows.map((r) => r.userId);
}

/** The people of an organisation (owner and members). */
export async function organizationPeople(db: Kysely<DB>, organizationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('roleGrants')
    .select('userId')
    .where('organizationId', '=', organizationId)
    .execute();
  return rows.map((r) => r.userId);
}

/**
 * Locks rooms (in id order, so two lockers never wait on each other) for the rest of the
 * transaction. Racing requests for one room then queue instead of deadlocking in the exclusion
 * check; the constraint still decides who wins.
 */
export async function lockRooms(db: Kysely<DB>, roomIds: string[]): Promise<void> {
  if (roomIds.length === 0) return;
  await db.selectFrom('rooms').select('id').where('id', 'in', roomIds).orderBy('id').forUpdate().execute();
}
