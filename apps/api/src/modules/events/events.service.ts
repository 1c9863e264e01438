// Events: published in a confirmed booking by the hub's managers or the booking's organisation;
// registrations take a place while places remain, else the next waiting-list position; a
// cancellation moves the first waiting person up. Each change to an event's registrations locks
// the event row, so places and positions stay exact under any number of simultaneous requests.
import {
  EVENT_CATEGORIES,
  type EventListQuery,
  type EventView,
  kyivText,
  type Registrant,
  DEFAULT_LIMIT,
} from '@vcentri/shared';
import {
  type Expression,
  type ExpressionBuilder,
  expressionBuilder,
  type Kysely,
  type SqlBool,
  sql,
} from 'kysely';
import { type Database, type PreparedFamily, prepared } from '../../db/database';
import { newShortCode } from '../../db/short-code';
import { promoteWaiting, type WaitingList } from '../../db/waiting-list';
import type { DB } from '../../db/schema';
import { AppError, conflict, forbidden, isUniqueViolation, notFound } from '../../errors';
import { recordAudit } from '../audit/audit.repository';
import { insertNotification } from '../bookings/bookings.repository';
import { inviteOnCheckIn } from '../surveys/invites';
import {
  boundedCountQuery,
  DEFAULT_LIST_COUNT_CAP,
  executePage,
  pageSizes,
  pageWithCount,
} from '../list-count';
import { cancelEvents } from './cancel-events';
import type { Principal } from '../users/principal';
import { containsPattern } from '../../db/like';

function eventRows(db: Kysely<DB>) {
  return db
    .selectFrom('events as e')
    .innerJoin('bookings as b', 'b.id', 'e.bookingId')
    .innerJoin('rooms as r', 'r.id', 'b.roomId')
    .innerJoin('hubs as h', 'h.id', 'e.hubId')
    .innerJoin('organizations as o', 'o.id', 'b.organizationId')
    .selectAll('e')
    .select([
      'r.id as roomId',
      'r.nameUk as roomNameUk',
      'r.nameEn as roomNameEn',
      'r.capacity as roomCapacity',
      'h.id as hubId',
      'h.nameUk as hubNameUk',
      'h.nameEn as hubNameEn',
      'h.district',
      'h.addressUk',
      'h.addressEn',
      'o.id as organizationId',
      'o.nameUk as orgNameUk',
      'o.nameEn as orgNameEn',
      // Confirmed registrations from the count the registrations' trigger keeps (event_stats).
      sql<number>`coalesce((select s.confirmed from event_stats s where s.event_id = e.id), 0)`.as(
        'confirmed',
      ),
      (eb) =>
        eb
          .selectFrom('eventRegistrations as x')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('x.eventId', '=', 'e.id')
          // A literal, so that a prepared statement's generic plan also counts from the partial
          // index of the waiting list (event_registrations_position_unique).
          .where('x.status', '=', sql.lit('waitlisted'))
          .as('waitlisted'),
    ]);
}
type EventRow = Awaited<ReturnType<ReturnType<typeof eventRows>['execute']>>[number];

/** Staff of an event: the hub's managers, the organisation's people, the city. */
export function isEventStaff(p: Principal | null, e: { hubId: string; organizationId: string }) {
  return !!p && (p.isCityAdmin() || p.managesHub(e.hubId) || p.membershipOf(e.organizationId) !== null);
}

async function myRegistration(db: Database, p: Principal | null, eventId: string) {
  if (!p) return null;
  const r = await db
    .selectFrom('eventRegistrations')
    .select(['id', 'status', 'position', 'code', 'checkedInAt'])
    .where('eventId', '=', eventId)
    .where('userId', '=', p.userId)
    .where('status', '!=', 'cancelled')
    .executeTakeFirst();
  if (!r) return null;
  const fb = await db
    .selectFrom('eventFeedback')
    .select('id')
    .where('eventId', '=', eventId)
    .where('userId', '=', p.userId)
    .executeTakeFirst();
  return {
    id: r.id,
    status: r.status as 'confirmed' | 'waitlisted',
    position: r.position,
    code: r.code,
    checkedIn: r.checkedInAt !== null,
    feedbackGiven: !!fb,
  };
}

function toView(e: EventRow, p: Principal | null, mine: EventView['myRegistration']): EventView {
  const confirmed = e.confirmed ?? 0;
  return {
    id: e.id,
    bookingId: e.bookingId,
    title: { uk: e.titleUk, en: e.titleEn },
    description: { uk: e.descriptionUk, en: e.descriptionEn },
    category: e.category as EventView['category'],
    languages: e.languages,
    audience: e.audience,
    accessibilityNotes: e.accessibilityNotes,
    capacity: e.capacity,
    registrationRequired: e.registrationRequired,
    status: e.status as EventView['status'],
    cancelReason: e.cancelReason,
    start: e.startsAt.toISOString(),
    end: e.endsAt.toISOString(),
    hubId: e.hubId,
    hubName: { uk: e.hubNameUk, en: e.hubNameEn },
    roomId: e.roomId,
    roomName: { uk: e.roomNameUk, en: e.roomNameEn },
    district: e.district,
    address: { uk: e.addressUk, en: e.addressEn },
    organizationId: e.organizationId,
    organizationName: { uk: e.orgNameUk, en: e.orgNameEn },
    confirmed,
    waitlisted: e.waitlisted ?? 0,
    placesLeft: Math.max(0, e.capacity - confirmed),
    registrationOpen: e.status === 'published' && e.registrationRequired && e.startsAt.getTime() > Date.now(),
    isDemo: e.isDemo,
    updatedAt: e.updatedAt.toISOString(),
    canManage: isEventStaff(p, e),
    myRegistration: mine,
  };
}

async function loadEvent(db: Database, id: string) {
  const e = await eventRows(db).where('e.id', '=', id).executeTakeFirst();
  if (!e) throw notFound('No such event.');
  return e;
}

export async function getEvent(db: Database, p: Principal | null, id: string): Promise<EventView> {
  const e = await loadEvent(db, id);
  return toView(e, p, await myRegistration(db, p, id));
}

export async function listEvents(
  db: Database,
  p: Principal | null,
  q: EventListQuery,
  opts: { countCap?: number } = {},
) {
  const page = { limit: q.limit ?? DEFAULT_LIMIT, offset: q.offset ?? 0 };
  // The filters on the events alone (the hub is the event's own column, kept by the database),
  // so the count joins a hub only to filter by district and a booking only by organisation.
  const own = (eb: ExpressionBuilder<{ e: DB['events'] }, 'e'>) => {
    const c: Expression<SqlBool>[] = [];
    if (!q.includeCancelled) c.push(eb('e.status', '=', 'published'));
    if (q.from) c.push(eb('e.endsAt', '>', new Date(q.from)));
    if (q.to) c.push(eb('e.startsAt', '<', new Date(q.to)));
    if (q.hubId) c.push(eb('e.hubId', '=', q.hubId));
    if (q.category) c.push(eb('e.category', '=', q.category));
    return eb.and(c);
  };
  let base = eventRows(db).where(own(expressionBuilder<{ e: DB['events'] }, 'e'>()));
  let matching = db.selectFrom('events as e').select('e.id').where(own);
  if (q.district) {
    base = base.where('h.district', '=', q.district);
    matching = matching.innerJoin('hubs as h', 'h.id', 'e.hubId').where('h.district', '=', q.district);
  }
  if (q.organizationId) {
    base = base.where('b.organizationId', '=', q.organizationId);
    matching = matching
      .innerJoin('bookings as b', 'b.id', 'e.bookingId')
      .where('b.organizationId', '=', q.organizationId);
  }
  // The bounded count rides in the page's statement (one round trip, one plan).
  const cap = opts.countCap ?? DEFAULT_LIST_COUNT_CAP;
  // The sizes written into the text on a page without an offset: planned once (list-count.ts).
  const { size } = pageSizes(page);
  const query = base
    .select(boundedCountQuery(db, matching, page, cap).as('matching'))
    .orderBy('e.startsAt')
    .orderBy('e.id')
    .limit(size(page.limit))
    .offset(size(page.offset))
    .compile();
  // A hub's or an organisation's list without a category or district, as its staff read it (a
  // signed-in caller's list is never cached; the portal's calendars ask from a day on), goes as a
  // prepared statement; only these shapes (sixteen texts at most), so the filters' combinations
  // cannot use up the prepared statements of a connection (db/database.ts).
  const staffShape = !!(q.hubId || q.organizationId) && !q.category && !q.district;
  const rows = (await executePage(db, staffShape ? prepared(query, STAFF_LIST_PREPARED_TEXTS) : query, page))
    .rows;
  const count = await pageWithCount(db, rows, matching, page, cap);
  return { items: rows.map((r) => toView(r, p, null)), ...count };
}

export async function cancelEvent(
  db: Database,
  p: Principal,
  id: string,
  reason: string,
  ip: string,
): Promise<EventView> {
  const e = await loadEvent(db, id);
  if (!isEventStaff(p, e)) throw forbidden('Only the organisers and the hub’s managers cancel an event.');
  if (e.status === 'cancelled') throw conflict('event_cancelled', 'The event is already cancelled.');
  await db.transaction().execute(async (trx) => {
    await cancelEvents(trx, [id], reason);
    await recordAudit(trx, {
      action: 'event.cancelled',
      actorId: p.userId,
      actorEmail: p.email,
      targetType: 'event',
      targetId: id,
      ip,
      details: { reason },
    });
  });
  return getEvent(db, p, id);
}

const REGISTRATIONS: WaitingList = { table: 'event_registrations', parentColumn: 'event_id' };

/** Moves waiting people into free places, in order (each is told), and renumbers the rest from 1. */
export async function fillPlaces(trx: Database, eventId: string) {
  const ev = await trx
    .selectFrom('events')
    .select(['capacity', 'titleUk', 'titleEn', 'startsAt'])
    .where('id', '=', eventId)
    .executeTakeFirstOrThrow();
  for (const x of await promoteWaiting(trx, REGISTRATIONS, eventId, ev.capacity)) {
    await insertNotification(trx, {
      userId: x.userId,
      kind: 'event.promoted',
      title: { uk: `Для вас звільнилося місце: ${ev.titleUk}`, en: `A place is yours: ${ev.titleEn}` },
      body: {
        uk: `Ви більше не в листі очікування. ${kyivText(ev.startsAt, 'uk')}.`,
        en: `You are off the waiting list. ${kyivText(ev.startsAt, 'en')}.`,
      },
      link: `/events/${eventId}`,
      data: { eventId },
    });
  }
}

/** Renumbers the waiting list 1, 2, 3… without moving anyone up (the event has started). */
const renumberWaitlist = (trx: Database, eventId: string) => promoteWaiting(trx, REGISTRATIONS, eventId, 0);

export async function register(db: Database, p: Principal, eventId: string, ip: string) {
  return db.transaction().execute(async (trx) => {
    // The lock that makes places and positions exact: one registration change per event at a time.
    const ev = await trx
      .selectFrom('events')
      .select(['id', 'status', 'capacity', 'startsAt', 'registrationRequired'])
      .where('id', '=', eventId)
      .forUpdate()
      .executeTakeFirst();
    if (!ev) throw notFound('No such event.');
    if (ev.status !== 'published') throw conflict('event_cancelled', 'The event has been cancelled.');
    if (!ev.registrationRequired)
      throw conflict('registration_not_required', 'No registration is needed; just come.');
    if (ev.startsAt.getTime() <= Date.now())
      throw conflict('registration_closed', 'Registration closed when the event started.');
    const existing = await trx
      .selectFrom('eventRegistrations')
      .select('id')
      .where('eventId', '=', eventId)
      .where('userId', '=', p.userId)
      .where('status', '!=', 'cancelled')
      .executeTakeFirst();
    if (existing) throw conflict('already_registered', 'You are already registered.');
    const counts = await trx
      .selectFrom('eventRegistrations')
      .select([
        sql<number>`(count(*) filter (where status = 'confirmed'))::int`.as('confirmed'),
        sql<number>`coalesce(max(position) filter (where status = 'waitlisted'), 0)::int`.as('lastPosition'),
      ])
      .where('eventId', '=', eventId)
      .executeTakeFirstOrThrow();
    const confirmed = counts.confirmed < ev.capacity;
    let code = newShortCode();
    for (let attempt = 0; attempt < 5; attempt++) {
      const clash = await trx
        .selectFrom('eventRegistrations')
        .select('id')
        .where('eventId', '=', eventId)
        .where('code', '=', code)
        .executeTakeFirst();
      if (!clash) break;
      code = newShortCode();
    }
    try {
      const row = await trx
        .insertInto('eventRegistrations')
        .values({
          eventId,
          userId: p.userId,
          status: confirmed ? 'confirmed' : 'waitlisted',
          position: confirmed ? null : counts.lastPosition + 1,
          code,
        })
        .returning(['id', 'status', 'position', 'code'])
        .executeTakeFirstOrThrow();
      await recordAudit(trx, {
        action: 'event.registered',
        actorId: p.userId,
        actorEmail: p.email,
        targetType: 'event',
        targetId: eventId,
        ip,
        details: { status: row.status },
      });
      return row.position === null
        ? { id: row.id, status: 'confirmed' as const, code: row.code }
        : { id: row.id, status: 'waitlisted' as const, position: row.position, code: row.code };
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict('already_registered', 'You are already registered.');
      throw err;
    }
  });
}

export async function unregister(db: Database, p: Principal, eventId: string, ip: string) {
  await db.transaction().execute(async (trx) => {
    const ev = await trx
      .selectFrom('events')
      .select(['id', 'startsAt'])
      .where('id', '=', eventId)
      .forUpdate()
      .executeTakeFirst();
    if (!ev) throw notFound('No such event.');
    const mine = await trx
      .updateTable('eventRegistrations')
      .set({ status: 'cancelled', position: null, cancelledAt: new Date() })
      .where('eventId', '=', eventId)
      .where('userId', '=', p.userId)
      .where('status', '!=', 'cancelled')
      .returning('id')
      .executeTakeFirst();
    if (!mine) throw new AppError('not_registered', 404, 'You are not registered for this event.');
    // Before the start, the freed place goes to the first person waiting.
    if (ev.startsAt.getTime() > Date.now()) await fillPlaces(trx, eventId);
    else await renumberWaitlist(trx, eventId);
    await recordAudit(trx, {
      action: 'event.unregistered',
      actorId: p.userId,
      actorEmail: p.email,
      targetType: 'event',
      targetId: eventId,
      ip,
    });
  });
}

export async function registrants(
  db: Database,
  p: Principal,
  eventId: string,
  q?: string,
): Promise<Registrant[]> {
  const e = await loadEvent(db, eventId);
  if (!isEventStaff(p, e)) throw forbidden('Only the organisers and the hub’s managers see registrants.');
  let rows = db
    .selectFrom('eventRegistrations as x')
    .innerJoin('users as u', 'u.id', 'x.userId')
    .select([
      'x.id',
      'x.userId',
      'u.name',
      'u.email',
      'x.status',
      'x.position',
      'x.code',
      'x.createdAt',
      'x.checkedInAt',
    ])
    .where('x.eventId', '=', eventId)
    .orderBy(sql`case x.status when 'confirmed' then 0 when 'waitlisted' then 1 else 2 end`)
    .orderBy('x.position')
    .orderBy('u.name');
  if (q?.trim()) {
    const like = containsPattern(q);
    rows = rows.where((eb) =>
      eb.or([eb('u.name', 'ilike', like), eb('u.email', 'ilike', like), eb('x.code', 'ilike', like)]),
    );
  }
  return (await rows.execute()).map((r) => ({
    id: r.id,
    userId: r.userId,
    name: r.name,
    email: r.email,
    status: r.status as Registrant['status'],
    position: r.position,
    code: r.code,
    registeredAt: r.createdAt.toISOString(),
    checkedInAt: r.checkedInAt ? r.checkedInAt.toISOString() : null,
  }));
}

export async function checkIn(
  db: Database,
  p: Principal,
  eventId: string,
  by: { code?: string; registrationId?: string },
  ip: string,
  opensMinutes: number,
  now = new Date(),
): Promise<Registrant> {
  const e = await loadEvent(db, eventId);
  if (!isEventStaff(p, e)) throw forbidden('Only the organisers and the hub’s managers check people in.');
  // An attendance recorded days ahead is not an attendance: it would open feedback and count in
  // the district's figures for people who may never come.
  const opensAt = new Date(e.startsAt.getTime() - opensMinutes * 60_000);
  if (now < opensAt)
    throw conflict(
      'check_in_not_open',
      `Check-in opens ${opensMinutes} minutes before the start, at ${opensAt.toISOString()}.`,
      { opensAt: opensAt.toISOString() },
    );
  if (!by.code && !by.registrationId)
    throw new AppError('validation_failed', 400, 'Give a code or a registration.', [
      { path: '/code', code: 'required', message: 'required' },
    ]);
  let q = db
    .updateTable('eventRegistrations')
    .set({ checkedInAt: sql`coalesce(checked_in_at, now())` as never, checkedInBy: p.userId })
    .where('eventId', '=', eventId)
    .where('status', '=', 'confirmed');
  q = by.registrationId
    ? q.where('id', '=', by.registrationId)
    : q.where('code', '=', by.code!.trim().toUpperCase());
  const row = await q.returning(['id', 'userId']).executeTakeFirst();
  if (!row)
    throw new AppError('not_found', 404, 'No confirmed registration with this code.', [
      { path: '/code', code: 'not_found', message: 'No such registration.' },
    ]);
  // Open surveys this attendance now qualifies for invite the attendee (modules/surveys).
  await inviteOnCheckIn(db, { userId: row.userId, eventId });
  await recordAudit(db, {
    action: 'event.check_in',
    actorId: p.userId,
    actorEmail: p.email,
    targetType: 'event',
    targetId: eventId,
    ip,
    details: { registrationId: row.id },
  });
  return (await registrants(db, p, eventId)).find((r) => r.id === row.id)!;
}

export async function giveFeedback(
  db: Database,
  p: Principal,
  eventId: string,
  rating: number,
  comment: string | undefined,
  ip: string,
) {
  const e = await loadEvent(db, eventId);
  if (e.startsAt.getTime() > Date.now())
    throw conflict('feedback_too_early', 'Feedback opens when the event starts.');
  const reg = await db
    .selectFrom('eventRegistrations')
    .select('checkedInAt')
    .where('eventId', '=', eventId)
    .where('userId', '=', p.userId)
    .where('status', '=', 'confirmed')
    .executeTakeFirst();
  if (!reg?.checkedInAt)
    throw new AppError('not_checked_in', 403, 'Only people who attended can leave feedback.');
  try {
    await db
      .insertInto('eventFeedback')
      .values({ eventId, userId: p.userId, rating, comment: comment?.trim() ?? '' })
      .execute();
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('feedback_given', 'You have already left feedback.');
    throw err;
  }
  await recordAudit(db, {
    action: 'event.feedback',
    actorId: p.userId,
    actorEmail: p.email,
    targetType: 'event',
    targetId: eventId,
    ip,
    details: { rating },
  });
}

export async function feedbackSummary(db: Database, p: Principal, eventId: string) {
  const e = await loadEvent(db, eventId);
  if (!(isEventStaff(p, e) || p.administersDistrict(e.district)))
    throw forbidden('Only the organisers, the hub and the district see feedback.');
  const [rows, att] = await Promise.all([
    db
      .selectFrom('eventFeedback')
      .select(['rating', 'comment', 'createdAt'])
      .where('eventId', '=', eventId)
      .orderBy('createdAt', 'desc')
      .execute(),
    db
      .selectFrom('eventRegistrations')
      .select([
        sql<number>`(count(*) filter (where checked_in_at is not null))::int`.as('attended'),
        sql<number>`(count(*) filter (where status = 'confirmed'))::int`.as('confirmed'),
      ])
      .where('eventId', '=', eventId)
      .executeTakeFirstOrThrow(),
  ]);
  const distribution = [1, 2, 3, 4, 5].map((n) => rows.filter((r) => r.rating === n).length);
  return {
    count: rows.length,
    average: rows.length
      ? Math.round((rows.reduce((a, r) => a + r.rating, 0) / rows.length) * 100) / 100
      : null,
    distribution,
    comments: rows
      .filter((r) => r.comment)
      .map((r) => ({ rating: r.rating, comment: r.comment, at: r.createdAt.toISOString() })),
    attended: att.attended,
    confirmed: att.confirmed,
  };
}

export const categoryLabel = (c: string) =>
  EVENT_CATEGORIES[c as keyof typeof EVENT_CATEGORIES] ?? { uk: c, en: c };

/** A hub's or an organisation's staff list: its shapes (sixteen at most) as prepared statements of their own family. */
export const STAFF_LIST_PREPARED_TEXTS: PreparedFamily = { name: 'staff event list', max: 16 };
