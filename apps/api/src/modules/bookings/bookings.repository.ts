// All the SQL of bookings, closures, availability and notifications.
import { type Kysely, sql } from 'kysely';
import { prepared } from '../../db/database';
import type { DB } from '../../db/schema';
import type { auditValues } from '../audit/audit.repository';
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

/** An occurrence of a request as the occupancy query needs it. */
export interface OccurrenceSpan {
  start: Date;
  end: Date;
  /** The [start, end) of the occurrence's Kyiv month, for the monthly quota. */
  monthStart: Date;
  monthEnd: Date;
}

/** What holds a room around each of a request's occurrences, and its organisation's hours there. */
export interface OccurrenceOccupancy {
  /** Active bookings and closures whose blocked time meets the occurrence's [start, end + buffer). */
  busy: BusyRow[];
  /** Hours the organisation holds in the room in the occurrence's month; null when the room has no quota. */
  held: number | null;
}

type OccupancyJson = {
  busy: (Omit<BusyRow, 'start' | 'end' | 'blockedEnd'> & {
    start: string;
    end: string;
    blockedEnd: string;
  })[];
  held: number | null;
}[];

/**
 * For the room `r` of the query it is part of, a JSON array with, for each occurrence in order,
 * what activeInRoom and organizationHours say of it: the active bookings and closures whose
 * blocked time meets [start, end + the room's buffer), and, when the room has a monthly quota, the
 * hours the organisation holds there in the occurrence's month.
 */
function occupancyJson(organizationId: string, occurrences: OccurrenceSpan[], excludeId: string | null) {
  const iso = (pick: (o: OccurrenceSpan) => Date) => occurrences.map((o) => pick(o).toISOString());
  return sql<OccupancyJson | null>`(select coalesce(json_agg(json_build_object(
      'busy', (select coalesce(json_agg(json_build_object('id', b.id, 'kind', b.kind, 'status', b.status,
          'organizationId', b.organization_id, 'title', b.title, 'start', lower(b.period),
          'end', upper(b.period), 'blockedEnd', upper(b.blocked)) order by lower(b.period)), '[]'::json)
        from bookings b
        where b.room_id = r.id and b.status in ('pending', 'confirmed')
          and b.blocked && tstzrange(o.s, o.e + make_interval(mins => r.buffer_minutes), '[)')
          and b.id is distinct from ${excludeId}::uuid),
      'held', case when r.monthly_quota_hours is not null then (
        select coalesce(sum(extract(epoch from upper(h.period) - lower(h.period))), 0)::float8 / 3600
        from bookings h
        where h.organization_id = ${organizationId} and h.room_id = r.id
          and h.status in ('pending', 'confirmed') and h.period && tstzrange(o.ms, o.me, '[)')
          and h.id is distinct from ${excludeId}::uuid) end
    ) order by o.i), '[]'::json)
    from unnest(${iso((o) => o.start)}::timestamptz[], ${iso((o) => o.end)}::timestamptz[],
      ${iso((o) => o.monthStart)}::timestamptz[], ${iso((o) => o.monthEnd)}::timestamptz[])
      with ordinality as o(s, e, ms, me, i))`;
}

const occupancyOf = (json: OccupancyJson): OccurrenceOccupancy[] =>
  json.map((o) => ({
    busy: o.busy.map((b) => ({
      ...b,
      start: new Date(b.start),
      end: new Date(b.end),
      blockedEnd: new Date(b.blockedEnd),
    })),
    held: o.held === null ? null : Number(o.held),
  }));

/** What loadRoomFacts reads. */
export interface RoomFacts {
  room: RoomContext;
  /** The room row's version (xmin): a write that finds it unchanged was checked against its rules. */
  version: string;
  organization: BookingOrganization | null;
  hours: HoursSource;
  /** Each occurrence's occupancy, when asked (without the lock: read at the same instant). */
  occupancy: OccurrenceOccupancy[] | null;
}

/**
 * Everything the rules need in one statement: the room and its hub, the organisation, the hub's
 * weekly hours and its exceptions between two local dates, and, given `occurrences`, what holds
 * the room then (see occupancyJson). With `lock`, the room's row is locked for the rest of the
 * transaction (as lockRooms does); the occupancy must then be read by a statement after this one,
 * which sees what the writers the lock waited for wrote (loadOccupancy).
 */
export async function loadRoomFacts(
  db: Kysely<DB>,
  q: {
    roomId: string;
    organizationId: string;
    fromDate: string;
    toDate: string;
    lock: boolean;
    occurrences?: OccurrenceSpan[];
  },
): Promise<RoomFacts | undefined> {
  let query = roomContexts(db)
    .select([
      sql<string>`r.xmin::text`.as('version'),
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
      (q.occurrences
        ? occupancyJson(q.organizationId, q.occurrences, null)
        : sql<OccupancyJson | null>`null`
      ).as('occupancy'),
    ])
    .where('r.id', '=', q.roomId);
  if (q.lock) query = query.forUpdate('r');
  // Every booking request runs it: prepared once per connection (db/database.ts).
  const [row] = (await db.executeQuery(prepared(query.compile()))).rows;
  if (!row) return undefined;
  const { version, organization, weekly, exceptions, occupancy, ...room } = row;
  return {
    room,
    version,
    organization,
    hours: { weekly, exceptions: new Map(exceptions.map((e) => [e.date, e])) },
    occupancy: occupancy ? occupancyOf(occupancy) : null,
  };
}

/**
 * The occupancy of every occurrence of a request in one statement (what activeInRoom and
 * organizationHours say of each; see occupancyJson).
 */
export async function loadOccupancy(
  db: Kysely<DB>,
  q: { roomId: string; organizationId: string; occurrences: OccurrenceSpan[]; excludeId?: string },
): Promise<OccurrenceOccupancy[]> {
  const row = await db
    .selectFrom('rooms as r')
    .select(occupancyJson(q.organizationId, q.occurrences, q.excludeId ?? null).as('occupancy'))
    .where('r.id', '=', q.roomId)
    .executeTakeFirstOrThrow();
  return occupancyOf(row.occupancy ?? []);
}

/** The bookings of one request, as insertBookings writes them. */
export interface NewBookings {
  roomId: string;
  /** The room row's version the rules were checked against (RoomFacts.version). */
  version: string;
  /** One per booking: its id, made by the caller, and its time; `blockedEnd` adds the buffer. */
  rows: { id: string; start: Date; end: Date; blockedEnd: Date }[];
  organizationId: string;
  seriesId: string | null;
  createdBy: string;
  title: string;
  purpose: string;
  attendees: number;
  status: 'pending' | 'confirmed';
  audit: ReturnType<typeof auditValues>;
}

/**
 * Writes a request's bookings and its audit entry in one statement — provided the room's row is
 * still the version the rules were checked against: the statement locks it first (as lockRooms
 * does, for the rest of the transaction) and writes nothing when it changed meanwhile (an edit of
 * its rules) or is gone; then the answer is an empty list. An overlap that appeared meanwhile is
 * refused by the exclusion constraint (isSlotRace). Returns the rows written, by start.
 */
export async function insertBookings(
  db: Kysely<DB>,
  b: NewBookings,
): Promise<{ id: string; createdAt: Date; start: Date; end: Date }[]> {
  const iso = (pick: (r: NewBookings['rows'][number]) => Date) => b.rows.map((r) => pick(r).toISOString());
  const a = b.audit;
  const { rows } = await db.executeQuery(
    prepared(
      sql<{ id: string; createdAt: Date; start: Date; end: Date }>`
    with room as (
      select r.id from rooms r where r.id = ${b.roomId} and r.xmin::text = ${b.version} for update
    ), written as (
      insert into bookings (id, room_id, kind, organization_id, series_id, created_by, title, purpose,
        attendees, status, period, blocked)
      select x.id, room.id, 'booking', ${b.organizationId}, ${b.seriesId}::uuid, ${b.createdBy},
        ${b.title}, ${b.purpose}, ${b.attendees}, ${b.status}, tstzrange(x.s, x.e, '[)'),
        tstzrange(x.s, x.b, '[)')
      from room, unnest(${b.rows.map((r) => r.id)}::uuid[], ${iso((r) => r.start)}::timestamptz[],
        ${iso((r) => r.end)}::timestamptz[], ${iso((r) => r.blockedEnd)}::timestamptz[]) as x(id, s, e, b)
      returning id, created_at, lower(period) as start, upper(period) as "end"
    ), audit as (
      insert into audit_log (action, actor_id, actor_email, target_type, target_id, ip, details)
      select ${a.action}, ${a.actorId}::uuid, ${a.actorEmail}, ${a.targetType}, ${a.targetId}, ${a.ip},
        ${a.details}::jsonb
      where exists (select 1 from written)
    )
    select id, created_at, start, "end" from written order by start`.compile(db),
    ),
  );
  return rows;
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

/** A booking's own columns, as its answer shows them. */
const ownColumns = () =>
  [
    'b.id',
    'b.roomId',
    'b.organizationId',
    'b.seriesId',
    'b.title',
    'b.purpose',
    'b.attendees',
    'b.status',
    sql<Date>`lower(b.period)`.as('start'),
    sql<Date>`upper(b.period)`.as('end'),
    'b.decisionReason',
    'b.createdAt',
  ] as const;

/** The booking with everything its view needs. */
export function bookingViews(db: Kysely<DB>) {
  return db
    .selectFrom('bookings as b')
    .innerJoin('rooms as r', 'r.id', 'b.roomId')
    .innerJoin('hubs as h', 'h.id', 'r.hubId')
    .innerJoin('organizations as o', 'o.id', 'b.organizationId')
    .leftJoin('closures as c', 'c.id', 'b.disruptedBy')
    .select(ownColumns())
    .select([
      'r.nameUk as roomNameUk',
      'r.nameEn as roomNameEn',
      'r.hubId',
      'h.nameUk as hubNameUk',
      'h.nameEn as hubNameEn',
      'h.district',
      'o.nameUk as orgNameUk',
      'o.nameEn as orgNameEn',
      'b.createdBy',
      'c.id as closureId',
      'c.reason as closureReason',
      'c.kind as closureKind',
      sql<Date | null>`lower(c.period)`.as('closureStart'),
      sql<Date | null>`upper(c.period)`.as('closureEnd'),
    ])
    .where('b.kind', '=', 'booking');
}
export type BookingViewRow = Awaited<ReturnType<ReturnType<typeof bookingViews>['execute']>>[number];

/** The closure that disrupted a booking, as bookingListRows carries it (times as JSON text). */
export interface DisruptionJson {
  closureId: string;
  reason: string | null;
  kind: string | null;
  start: string;
  end: string;
}

/**
 * The booking's own columns, as a list page needs them: the names of its room, hub and
 * organisation come from memory (place-names.ts), and the closure that disrupted it, if any, in one
 * column.
 */
export function bookingListRows(db: Kysely<DB>) {
  return db
    .selectFrom('bookings as b')
    .select(ownColumns())
    .select(
      sql<DisruptionJson | null>`case when b.disrupted_by is not null then (select json_build_object(
          'closureId', c.id, 'reason', c.reason, 'kind', c.kind, 'start', lower(c.period), 'end', upper(c.period))
        from closures c where c.id = b.disrupted_by) end`.as('disruption'),
    );
}
export type BookingListRow = Awaited<ReturnType<ReturnType<typeof bookingListRows>['execute']>>[number];

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
