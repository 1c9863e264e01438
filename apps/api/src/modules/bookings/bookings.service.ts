// Bookings: requests, moves, approvals, cancellations, closures with their alternatives. The
// rules themselves live in rules.ts and are checked under the room's lock; the exclusion
// constraint makes "never two at once" true under any race.
import { randomUUID } from 'node:crypto';
import {
  type Alternative,
  type Availability,
  type Booking,
  type BookingCreated,
  type BookingInput,
  type BookingListQuery,
  type BookingPreview,
  type ClosureInput,
  type ClosureResult,
  kyivText,
  type OccurrenceResult,
  type Paged,
  toKyiv,
  DEFAULT_LIMIT,
} from '@vcentri/shared';
import { type Expression, expressionBuilder, type SqlBool, sql } from 'kysely';
import { type Database, prepared, withGenericPlans } from '../../db/database';
import type { DB } from '../../db/schema';
import { AppError, forbidden, isSlotRace, notFound } from '../../errors';
import { auditValues, recordAudit } from '../audit/audit.repository';
import { cancelEvents } from '../events/cancel-events';
import {
  boundedCountQuery,
  DEFAULT_LIST_COUNT_CAP,
  executePage,
  keysetCursor,
  keysetPlace,
  pageSizes,
  pageWithCount,
  placeOf,
  placeStart,
} from '../list-count';
import type { Principal } from '../users/principal';
import {
  activeInRoom,
  type BookingListRow,
  type BookingViewRow,
  bookingListRows,
  bookingViews,
  eventPlaces,
  hubManagers,
  insertBookings,
  insertNotification,
  loadHours,
  loadRoom,
  lockRooms,
  roomContexts,
  organizationPeople,
  type RoomContext,
  range,
} from './bookings.repository';
import type { PlaceNames, RoomPlace } from './place-names';
import { distanceKm, openWindows, subtract, withinOpeningHours } from './opening-hours';
import {
  bookingContext,
  type CheckedRequest,
  checkOccurrence,
  checkRequest,
  occurrenceError,
  statusFor,
} from './rules';

/** The names a booking's answer shows beside it (its room's and hub's, and its organisation's). */
interface BookingNames {
  room: { nameUk: string; nameEn: string; hubId: string; hubNameUk: string; hubNameEn: string };
  organization: { nameUk: string; nameEn: string };
}

export function toBookingDto(r: BookingViewRow, p: Principal | null): Booking {
  const names = {
    room: {
      nameUk: r.roomNameUk,
      nameEn: r.roomNameEn,
      hubId: r.hubId,
      hubNameUk: r.hubNameUk,
      hubNameEn: r.hubNameEn,
    },
    organization: { nameUk: r.orgNameUk, nameEn: r.orgNameEn },
  };
  const disruption =
    r.closureId && r.closureStart && r.closureEnd
      ? {
          closureId: r.closureId,
          reason: r.closureReason ?? '',
          kind: r.closureKind ?? 'other',
          start: r.closureStart.toISOString(),
          end: r.closureEnd.toISOString(),
        }
      : null;
  return bookingDto(r, names, disruption, p);
}

/** A booking's answer from its own columns, its names and the closure that disrupted it. */
function bookingDto(
  r: Omit<BookingListRow, 'disruption'>,
  { room, organization }: BookingNames,
  disruption: Booking['disruption'],
  p: Principal | null,
): Booking {
  const canManage = !!p && (p.isCityAdmin() || p.managesHub(room.hubId));
  const member = !!p && !!p.membershipOf(r.organizationId!);
  const active = r.status === 'pending' || r.status === 'confirmed' || r.status === 'disrupted';
  return {
    id: r.id,
    roomId: r.roomId,
    roomName: { uk: room.nameUk, en: room.nameEn },
    hubId: room.hubId,
    hubName: { uk: room.hubNameUk, en: room.hubNameEn },
    organizationId: r.organizationId!,
    organizationName: { uk: organization.nameUk, en: organization.nameEn },
    seriesId: r.seriesId,
    title: r.title,
    purpose: r.purpose,
    attendees: r.attendees,
    status: r.status as Booking['status'],
    start: r.start.toISOString(),
    end: r.end.toISOString(),
    decisionReason: r.decisionReason,
    disruption,
    createdAt: r.createdAt.toISOString(),
    canManage,
    canCancel: active && (canManage || member),
  };
}

/** Who may see a booking's details: its organisation, the hub's managers, the district, the city. */
function maySee(p: Principal, r: { hubId: string; district: string; organizationId: string | null }) {
  return (
    p.isCityAdmin() ||
    p.managesHub(r.hubId) ||
    p.administersDistrict(r.district) ||
    (r.organizationId !== null && p.membershipOf(r.organizationId) !== null)
  );
}

async function viewOf(db: Database, id: string, p: Principal | null): Promise<Booking> {
  const row = await bookingViews(db).where('b.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('No such booking.');
  return toBookingDto(row, p);
}

export async function previewBookings(
  db: Database,
  p: Principal,
  input: BookingInput,
  now = new Date(),
): Promise<BookingPreview> {
  return (await checkRequest(withGenericPlans(db), p, input, now)).preview;
}

async function conflictsNow(db: Database, room: RoomContext, start: Date, end: Date) {
  const busy = await activeInRoom(db, room.id, start, new Date(end.getTime() + room.bufferMinutes * 60_000));
  return busy.map((b) => ({ start: b.start.toISOString(), end: b.end.toISOString() }));
}

const bookingConflict = (conflicts: { start: string; end: string }[], occurrences?: OccurrenceResult[]) =>
  new AppError('booking_conflict', 409, 'The room is taken at that time.', undefined, {
    conflicts,
    ...(occurrences ? { occurrences } : {}),
  });

/** Tells the hub's managers that bookings in one of its rooms wait for their decision. */
async function askManagers(
  trx: Database,
  room: Pick<RoomContext, 'hubId' | 'nameUk' | 'nameEn'>,
  bookingIds: string[],
  body: { uk: string; en: string },
) {
  for (const managerId of await hubManagers(trx, room.hubId)) {
    await insertNotification(trx, {
      userId: managerId,
      kind: 'booking.requested',
      title: { uk: `Новий запит на бронювання: ${room.nameUk}`, en: `New booking request: ${room.nameEn}` },
      body,
      link: `/admin/calendar?hubId=${room.hubId}`,
      data: { bookingIds },
    });
  }
}

/**
 * Runs a transaction that writes bookings into roomId, so a lost race for the slot is answered
 * like any other clash (409 booking_conflict with what holds the room now) instead of a 500.
 */
export async function bookingTransaction<T>(
  db: Database,
  at: { roomId: string; start: string; end: string },
  write: (trx: Database) => Promise<T>,
): Promise<T> {
  try {
    return await db.transaction().execute(write);
  } catch (err) {
    if (!isSlotRace(err)) throw err;
    const room = await loadRoom(db, at.roomId);
    throw bookingConflict(room ? await conflictsNow(db, room, new Date(at.start), new Date(at.end)) : []);
  }
}

/**
 * Refuses a request with an impossible date: any, for a series booked as a whole (the default);
 * all of them, with mode "free". The answer names the first impossible date's problems.
 */
function refuseImpossible(input: BookingInput, preview: BookingPreview) {
  const ok = preview.occurrences.filter((o) => o.ok);
  const skipped = preview.occurrences.filter((o) => !o.ok);
  const series = preview.occurrences.length > 1;
  const first = skipped[0];
  if (first && ((input.mode ?? 'all') === 'all' || ok.length === 0)) {
    const [head, ...rest] = first.problems;
    throw occurrenceError(
      [
        {
          ...head!,
          detail: series
            ? `${skipped.length} of ${preview.occurrences.length} dates are not possible: ${head!.detail}`
            : head!.detail,
        },
        ...rest,
      ],
      series ? { occurrences: preview.occurrences } : {},
    );
  }
  return { ok, skipped };
}

/**
 * Writes the possible dates of a checked request with its audit entry (insertBookings: nothing
 * when the room's row changed since the check) and returns them as their view shows them, built
 * from what the check read; null when nothing was written.
 */
async function writeBookings(
  db: Database,
  p: Principal,
  input: BookingInput,
  checked: CheckedRequest,
  ip: string,
): Promise<{ rows: BookingViewRow[]; skipped: OccurrenceResult[] } | null> {
  const { room, organization, preview } = checked;
  const { ok, skipped } = refuseImpossible(input, preview);
  const seriesId = preview.occurrences.length > 1 ? randomUUID() : null;
  const title = input.title.trim();
  const purpose = input.purpose?.trim() ?? '';
  // The ids are made here so that the audit entry, which names the first, is written by the same
  // statement as the bookings: both land, or neither.
  const ids = ok.map(() => randomUUID());
  const written = await insertBookings(db, {
    roomId: room.id,
    version: checked.version,
    rows: ok.map((o, i) => {
      const end = new Date(o.end);
      return {
        id: ids[i]!,
        start: new Date(o.start),
        end,
        blockedEnd: new Date(end.getTime() + room.bufferMinutes * 60_000),
      };
    }),
    organizationId: input.organizationId,
    seriesId,
    createdBy: p.userId,
    title,
    purpose,
    attendees: input.attendees,
    status: preview.status,
    audit: auditValues({
      action: 'booking.created',
      actorId: p.userId,
      actorEmail: p.email,
      targetType: 'booking',
      targetId: ids[0]!,
      ip,
      details: { count: ids.length, status: preview.status, roomId: room.id },
    }),
  });
  if (written.length === 0) return null;
  const rows = written.map(
    (b): BookingViewRow => ({
      id: b.id,
      roomId: room.id,
      roomNameUk: room.nameUk,
      roomNameEn: room.nameEn,
      hubId: room.hubId,
      hubNameUk: room.hubNameUk,
      hubNameEn: room.hubNameEn,
      district: room.district,
      organizationId: organization.id,
      orgNameUk: organization.nameUk,
      orgNameEn: organization.nameEn,
      seriesId,
      title,
      purpose,
      attendees: input.attendees,
      status: preview.status,
      start: b.start,
      end: b.end,
      decisionReason: null,
      createdBy: p.userId,
      createdAt: b.createdAt,
      closureId: null,
      closureReason: null,
      closureKind: null,
      closureStart: null,
      closureEnd: null,
    }),
  );
  return { rows, skipped };
}

/**
 * Books a request inside the caller's transaction: locks the room first (with the statement that
 * reads it, its hub, the organisation and the hours), then checks every occurrence and writes the
 * possible ones. Under the lock no other request for the room can write between the check and the
 * insert, so the monthly quota and the free slots the check saw are the ones the rows land in.
 * Returns the new bookings as their view shows them, built from what the check already read.
 */
export async function bookRoom(
  trx: Database,
  p: Principal,
  input: BookingInput,
  ip: string,
  now = new Date(),
): Promise<{ ids: string[]; skipped: OccurrenceResult[]; rows: BookingViewRow[]; room: RoomContext }> {
  const checked = await checkRequest(trx, p, input, now, { lock: true });
  const done = await writeBookings(trx, p, input, checked, ip);
  // Under the lock the room's row cannot have changed since the check.
  if (!done) throw new Error('the locked room changed before its bookings were written');
  const { rows, skipped } = done;
  if (checked.preview.status === 'pending') {
    const more = rows.length - 1;
    await askManagers(
      trx,
      checked.room,
      rows.map((r) => r.id),
      {
        uk: `«${input.title}» — ${kyivText(rows[0]!.start, 'uk')}${more ? ` і ще ${more}` : ''}. Потрібне ваше рішення.`,
        en: `“${input.title}” — ${kyivText(rows[0]!.start, 'en')}${more ? ` and ${more} more` : ''}. Your decision is needed.`,
      },
    );
  }
  return { ids: rows.map((r) => r.id), skipped, rows, room: checked.room };
}

/**
 * Rooms whose requests go through the lock (a monthly quota, or approval by the hub's managers) as
 * the last check of each in this process found them: a hint that spares such a request the read
 * of the path without the lock. A stale hint costs a round trip, never a rule: either path checks
 * everything itself.
 */
const viaLock = new Map<string, { quota: boolean; approval: boolean; hubId: string }>();
function remember(room: RoomContext) {
  if (room.monthlyQuotaHours === null && !room.requiresApproval) viaLock.delete(room.id);
  else {
    if (viaLock.size >= 10_000) viaLock.clear();
    viaLock.set(room.id, {
      quota: room.monthlyQuotaHours !== null,
      approval: room.requiresApproval,
      hubId: room.hubId,
    });
  }
}

/**
 * Creates the bookings of a request. A room that takes them at once (confirmed, no monthly quota)
 * needs no transaction around the check: one statement reads the room, its hub, the organisation,
 * the hours and what holds the room at every date; a second locks the room's row — only if it is
 * still the version the rules came from — and writes the bookings with their audit entry, and the
 * exclusion constraint refuses an overlap that appeared in between. When the room changed, or
 * the constraint refused, the request is checked again under the room's lock as every other
 * request is (bookRoom), which answers with what holds the room now. A quota must be counted
 * under the lock, and a request that waits for approval tells the hub's managers in the same
 * transaction: those go through bookRoom directly.
 */
export async function createBookings(
  db: Database,
  p: Principal,
  input: BookingInput,
  ip: string,
  now = new Date(),
): Promise<BookingCreated> {
  const answer = ({ rows, skipped }: { rows: BookingViewRow[]; skipped: OccurrenceResult[] }) => ({
    items: rows.map((r) => toBookingDto(r, p)),
    skipped,
  });
  const hint = viaLock.get(input.roomId);
  const needsLock = hint && (hint.quota || (hint.approval && !p.isCityAdmin() && !p.managesHub(hint.hubId)));
  if (!needsLock) {
    // The read and the write are each planned once per connection (withGenericPlans).
    const planned = withGenericPlans(db);
    const checked = await checkRequest(planned, p, input, now);
    remember(checked.room);
    if (checked.room.monthlyQuotaHours === null && checked.preview.status === 'confirmed') {
      try {
        const done = await writeBookings(planned, p, input, checked, ip);
        if (done) return answer(done);
      } catch (err) {
        if (!isSlotRace(err)) throw err;
      }
    }
  }
  const done = await bookingTransaction(db, input, (trx) => bookRoom(trx, p, input, ip, now));
  remember(done.room);
  return answer(done);
}

export async function getBooking(db: Database, p: Principal, id: string): Promise<Booking> {
  const row = await bookingViews(db).where('b.id', '=', id).executeTakeFirst();
  if (!row || !maySee(p, row)) throw notFound('No such booking.');
  return toBookingDto(row, p);
}

/**
 * Bookings the caller may see: their organisations', their hubs', their district's, or all for
 * the city; in start order, a page at a time. Every filter is on the bookings table itself (hubs
 * and districts become their rooms first) and on columns the start-order indexes include, so a
 * page is an index-only scan in start order that stops after the page, and the count stops at
 * the cap (`boundedCount`). A window keeps the bookings that overlap it
 * (`period && [from, to)`); the index scan starts at the earliest start among the bookings
 * still running at `from`.
 */
export async function listBookings(
  db: Database,
  p: Principal,
  q: BookingListQuery,
  opts: { countCap?: number; names: PlaceNames },
): Promise<Paged<Booking> & { totalExact: boolean }> {
  const none = { items: [], total: 0, totalExact: true, next: null };
  const page = { limit: q.limit ?? DEFAULT_LIMIT, offset: q.offset ?? 0 };
  if (q.from && q.to && !(new Date(q.from) <= new Date(q.to))) return none;
  const names = opts.names;
  const places = await names.roomPlaces();
  let scopeRooms: string[] | null = null;
  let orgIds: string[] = [];
  if (!p.isCityAdmin()) {
    const hubIds = p.grants.filter((g) => g.role === 'hub_manager').map((g) => g.hubId!);
    const districts = p.grants.filter((g) => g.role === 'district_admin').map((g) => g.district!);
    orgIds = p.grants.filter((g) => g.organizationId).map((g) => g.organizationId!);
    scopeRooms = roomsOf(places, { hubIds, districts });
    if (scopeRooms.length + orgIds.length === 0) return none;
  }
  const filterRooms =
    q.hubId || q.district
      ? roomsOf(places, {
          hubIds: q.hubId ? [q.hubId] : [],
          districts: q.district ? [q.district] : [],
          all: true,
        })
      : null;
  if (filterRooms?.length === 0) return none;

  const eb = expressionBuilder<{ b: DB['bookings'] }, 'b'>();
  // Lists of ids travel as one array parameter, so each shape of list has one statement text. One
  // id is an equality: PostgreSQL then reads that id's start-order index in order and stops after
  // the page (`= any(array)` of one element is read through and filtered instead).
  const anyOf = (column: 'b.roomId' | 'b.organizationId', ids: string[]) =>
    ids.length === 1 ? eb(column, '=', ids[0]!) : eb(column, '=', sql<string>`any(${ids}::uuid[])`);
  // A literal, not a parameter: a generic plan of the prepared text may then use the partial
  // start-order indexes (`where kind = 'booking'`).
  const conditions: Expression<SqlBool>[] = [sql<SqlBool>`b.kind = 'booking'`];
  // One row past the page says whether another follows (`next`).
  const upTo = page.offset + page.limit + 1;
  // A few rooms (a hub's) of many: the page is read room by room, each room's start-order index
  // in order up to the page's end, and merged — at most rooms × (offset + limit) entries, where the
  // city's start-order index filtered by room reads about (offset + limit) × all rooms ÷ these
  // rooms. PostgreSQL 15 cannot read `room_id = any(…)` in start order itself. The room set is the
  // list's only room condition: the city's `hubId`/`district` filter, or the caller's own rooms.
  // From a date on (`from`), the rooms' start-order index is read from that date instead, every
  // entry of the window to its end before the page is sorted (a district's week at city scale:
  // 1,200), so room by room also serves more rooms then, while it reads no more than
  // PER_ROOM_WINDOW_READ entries.
  const onlyRooms = q.roomId
    ? null
    : scopeRooms === null
      ? filterRooms
      : orgIds.length || filterRooms
        ? null
        : scopeRooms;
  const perRoom =
    onlyRooms &&
    onlyRooms.length > 1 &&
    (onlyRooms.length * onlyRooms.length <= places.size ||
      (q.from !== undefined && onlyRooms.length * upTo <= PER_ROOM_WINDOW_READ))
      ? onlyRooms
      : null;
  if (scopeRooms !== null && perRoom !== scopeRooms)
    conditions.push(
      eb.or([
        ...(scopeRooms.length ? [anyOf('b.roomId', scopeRooms)] : []),
        ...(orgIds.length ? [anyOf('b.organizationId', orgIds)] : []),
      ]),
    );
  if (filterRooms && perRoom !== filterRooms) conditions.push(anyOf('b.roomId', filterRooms));
  if (q.roomId) conditions.push(eb('b.roomId', '=', q.roomId));
  if (q.organizationId) conditions.push(eb('b.organizationId', '=', q.organizationId));
  if (q.status) conditions.push(eb('b.status', '=', q.status));
  if (q.from) {
    conditions.push(
      sql<SqlBool>`b.period && tstzrange(${q.from}::timestamptz, ${q.to ?? null}::timestamptz, '[)')`,
    );
    // Redundant with the overlap, but it bounds the start-order index scan from below.
    conditions.push(
      sql<SqlBool>`lower(b.period) >= (select coalesce(min(lower(x.period)), ${q.from}::timestamptz)
        from bookings x where x.period @> ${q.from}::timestamptz)`,
    );
  }
  if (q.to) conditions.push(sql<SqlBool>`lower(b.period) < ${q.to}::timestamptz`);
  const where = eb.and(perRoom ? [...conditions, anyOf('b.roomId', perRoom)] : conditions);
  // A keyset page (`after`) starts right after the item the page before ended with: the
  // start-order indexes are read from there, however deep the page, instead of counted past.
  const place = q.after ? keysetPlace(q.after) : null;
  const onPage = (cs: Expression<SqlBool>[]) =>
    place ? [...cs, sql<SqlBool>`(lower(b.period), b.id) > (${placeStart(place)}, ${place.id}::uuid)`] : cs;
  // The sizes written into the text on a page without an offset: planned once (list-count.ts).
  const { size } = pageSizes(page);
  // The page's ids first, from an index alone (its included columns answer every filter), then
  // the details of those rows only.
  const inStartOrder = (w: Expression<SqlBool>) =>
    db
      .selectFrom('bookings as b')
      .select(['b.id', sql<Date>`lower(b.period)`.as('start')])
      .where(w)
      .orderBy(sql`lower(b.period)`)
      .orderBy('b.id');
  const pageIds = perRoom
    ? sql<{ id: string; start: Date }>`(select x.id, x.start from unnest(${perRoom}::uuid[]) as r(room_id)
        cross join lateral (${inStartOrder(
          eb.and(onPage([...conditions, sql<SqlBool>`b.room_id = r.room_id`])),
        ).limit(size(upTo))}) x
        order by x.start, x.id limit ${size(page.limit + 1)} offset ${size(page.offset)})`
    : sql<{ id: string; start: Date }>`(${inStartOrder(eb.and(onPage(conditions)))
        .limit(size(page.limit + 1))
        .offset(size(page.offset))})`;
  // The bounded count rides in the page's statement (one round trip, one plan).
  const matching = db.selectFrom('bookings as b').select('b.id').where(where);
  const cap = opts.countCap ?? DEFAULT_LIST_COUNT_CAP;
  const query = bookingListRows(db)
    .innerJoin(pageIds.as('p'), 'p.id', 'b.id')
    .select(boundedCountQuery(db, matching, page, cap).as('matching'))
    .select(placeOf('p.start').as('placeUs'))
    .orderBy('p.start')
    .orderBy('p.id');
  // Every page of a shape runs one text: parsed once per connection (db/database.ts); the pages
  // without an offset are planned once too (list-count.ts).
  const { rows: read } = await executePage(db, prepared(query.compile(), LIST_PREPARED_TEXTS), page);
  const rows = read.slice(0, page.limit);
  const next = read.length > page.limit ? keysetCursor(rows[page.limit - 1]!) : null;
  // The count is of the whole list wherever the page (`matching` has no keyset condition).
  const count = await pageWithCount(db, rows, matching, { ...page, after: q.after }, cap);
  return { items: await withNames(names, places, rows, p), ...count, next };
}

/** With a window, a list read room by room reads at most this many index entries (rooms × page's end). */
const PER_ROOM_WINDOW_READ = 1_000;

/** Each shape of bookings list (which filters it has) is a text; the common ones are prepared. */
const LIST_PREPARED_TEXTS = { name: 'bookings list', max: 32 };

/**
 * The answers of list rows, with their room's, hub's and organisation's names. A room the names
 * do not hold yet (made by another process a moment ago) has them read again; a row whose room or
 * organisation is gone by now is left out, as the join of the details would have.
 */
async function withNames(
  names: PlaceNames,
  known: Map<string, RoomPlace>,
  rows: BookingListRow[],
  p: Principal,
) {
  const unknown = rows.filter((r) => !known.has(r.roomId)).map((r) => r.roomId);
  const [places, organizations] = await Promise.all([
    unknown.length ? names.roomPlaces(unknown) : known,
    names.organizationNames(rows.map((r) => r.organizationId!)),
  ]);
  const items: Booking[] = [];
  for (const r of rows) {
    const room = places.get(r.roomId);
    const organization = organizations.get(r.organizationId!);
    if (!room || !organization) continue;
    const d = r.disruption;
    const disruption = d && {
      closureId: d.closureId,
      reason: d.reason ?? '',
      kind: d.kind ?? 'other',
      start: new Date(d.start).toISOString(),
      end: new Date(d.end).toISOString(),
    };
    items.push(bookingDto(r, { room, organization }, disruption, p));
  }
  return items;
}

/** The rooms of some hubs and districts (`all`: rooms in every one of them, else in any), by id. */
function roomsOf(
  places: Map<string, RoomPlace>,
  s: { hubIds: string[]; districts: string[]; all?: boolean },
) {
  if (s.hubIds.length + s.districts.length === 0) return [];
  const ids: string[] = [];
  for (const [id, r] of places) {
    const inHub = s.hubIds.includes(r.hubId);
    const inDistrict = s.districts.includes(r.district);
    const hub = s.hubIds.length ? inHub : s.all;
    const district = s.districts.length ? inDistrict : s.all;
    if (s.all ? hub && district : inHub || inDistrict) ids.push(id);
  }
  return ids.sort();
}

type Transition = 'approve' | 'decline' | 'cancel';

const TEXT: Record<Transition, { uk: string; en: string; kind: string }> = {
  approve: { uk: 'Бронювання підтверджено', en: 'Booking confirmed', kind: 'booking.confirmed' },
  decline: { uk: 'Бронювання відхилено', en: 'Booking declined', kind: 'booking.declined' },
  cancel: { uk: 'Бронювання скасовано', en: 'Booking cancelled', kind: 'booking.cancelled' },
};

async function notifyOrganisation(
  db: Database,
  b: BookingViewRow,
  t: { uk: string; en: string; kind: string },
  reason: string | null,
  except?: string,
) {
  const people = new Set([
    ...(await organizationPeople(db, b.organizationId!)),
    ...(b.createdBy ? [b.createdBy] : []),
  ]);
  for (const userId of people) {
    if (userId === except) continue;
    await insertNotification(db, {
      userId,
      kind: t.kind,
      title: { uk: `${t.uk}: ${b.title}`, en: `${t.en}: ${b.title}` },
      body: {
        uk: `${b.hubNameUk}, ${b.roomNameUk}, ${kyivText(b.start, 'uk')}.${reason ? ` Причина: ${reason}` : ''}`,
        en: `${b.hubNameEn}, ${b.roomNameEn}, ${kyivText(b.start, 'en')}.${reason ? ` Reason: ${reason}` : ''}`,
      },
      link: `/my/bookings/${b.id}`,
      data: { bookingId: b.id },
    });
  }
}

export async function transitionBooking(
  db: Database,
  p: Principal,
  id: string,
  action: Transition,
  opts: { reason?: string | null; scope?: 'one' | 'following' },
  ip: string,
): Promise<Booking[]> {
  const changed = await db.transaction().execute(async (trx) => {
    const row = await bookingViews(trx).where('b.id', '=', id).forUpdate('b').executeTakeFirst();
    if (!row || !maySee(p, row)) throw notFound('No such booking.');
    const manager = p.isCityAdmin() || p.managesHub(row.hubId);
    const member = p.membershipOf(row.organizationId!) !== null;
    if (action !== 'cancel' && !manager) throw forbidden('Only the hub’s managers decide on requests.');
    if (action === 'cancel' && !manager && !member)
      throw forbidden('Only the organiser or the hub’s managers may cancel.');
    const from = action === 'cancel' ? ['pending', 'confirmed', 'disrupted'] : ['pending'];
    if (!from.includes(row.status)) {
      throw new AppError(
        'invalid_transition',
        409,
        `A ${row.status} booking cannot be ${action === 'approve' ? 'approved' : action === 'decline' ? 'declined' : 'cancelled'}.`,
        undefined,
        { from: row.status },
      );
    }
    let targets = [row];
    if (action === 'cancel' && opts.scope === 'following' && row.seriesId) {
      targets = await bookingViews(trx)
        .where('b.seriesId', '=', row.seriesId)
        .where('b.status', 'in', from)
        .where(sql<boolean>`lower(b.period) >= ${row.start.toISOString()}::timestamptz`)
        .forUpdate('b')
        .execute();
    }
    const status = action === 'approve' ? 'confirmed' : action === 'decline' ? 'declined' : 'cancelled';
    await trx
      .updateTable('bookings')
      .set({ status, decisionReason: opts.reason ?? null, decidedBy: p.userId, updatedAt: new Date() })
      .where(
        'id',
        'in',
        targets.map((t) => t.id),
      )
      .execute();
    await notifyOrganisation(trx, row, TEXT[action], opts.reason ?? null, p.userId);
    if (action === 'cancel') {
      // Events held in a cancelled booking are cancelled with it; their registrants are told.
      const events = await trx
        .selectFrom('events')
        .select('id')
        .where(
          'bookingId',
          'in',
          targets.map((t) => t.id),
        )
        .where('status', '=', 'published')
        .execute();
      await cancelEvents(
        trx,
        events.map((e) => e.id),
        opts.reason ?? null,
      );
    }
    await recordAudit(trx, {
      action: `booking.${action}`,
      actorId: p.userId,
      actorEmail: p.email,
      targetType: 'booking',
      targetId: id,
      ip,
      details: { count: targets.length, ...(opts.reason ? { reason: opts.reason } : {}) },
    });
    return targets.map((t) => t.id);
  });
  const rows = await bookingViews(db).where('b.id', 'in', changed).orderBy(sql`lower(b.period)`).execute();
  return rows.map((r) => toBookingDto(r, p));
}

export async function roomAvailability(
  db: Database,
  p: Principal | null,
  roomId: string,
  from: Date,
  to: Date,
): Promise<Availability> {
  if (!(from < to)) throw new AppError('invalid_interval', 400, 'The end must come after the start.');
  if (to.getTime() - from.getTime() > 62 * 86_400_000)
    throw new AppError('invalid_interval', 400, 'Ask for at most 62 days at once.');
  const room = await loadRoom(db, roomId);
  if (!room) throw notFound('No such room.');
  const hours = await loadHours(db, room.hubId, toKyiv(from).date, toKyiv(to).date);
  const open = openWindows(from, to, hours);
  const busyRows = await activeInRoom(db, roomId, from, to);
  const seeAll = !!p && (p.isCityAdmin() || p.managesHub(room.hubId) || p.administersDistrict(room.district));
  const busy = busyRows.flatMap((b) => {
    const mine = seeAll || (!!p && !!b.organizationId && p.membershipOf(b.organizationId) !== null);
    const main = {
      start: b.start.toISOString(),
      end: b.end.toISOString(),
      kind: b.kind,
      status: b.kind === 'booking' ? (b.status as 'pending' | 'confirmed') : null,
      bookingId: mine && b.kind === 'booking' ? b.id : null,
      title: mine ? b.title : null,
    };
    return b.blockedEnd > b.end
      ? [
          main,
          {
            start: b.end.toISOString(),
            end: b.blockedEnd.toISOString(),
            kind: 'buffer' as const,
            status: null,
            bookingId: null,
            title: null,
          },
        ]
      : [main];
  });
  const free = subtract(
    open,
    busyRows.map((b) => ({ start: b.start, end: b.blockedEnd })),
  );
  const iso = (xs: { start: Date; end: Date }[]) =>
    xs.map((x) => ({ start: x.start.toISOString(), end: x.end.toISOString() }));
  return { roomId, open: iso(open), free: iso(free), busy };
}

/** Free rooms for a booking's time with room for its people: same hub first, then by distance. */
export async function alternativesFor(
  db: Database,
  booking: { id: string; roomId: string; hubId: string; start: Date; end: Date; attendees: number },
): Promise<Alternative[]> {
  const origin = await loadRoom(db, booking.roomId);
  if (!origin) return [];
  const rooms = await roomContexts(db)
    .where('r.id', '!=', booking.roomId)
    .where('r.capacity', '>=', booking.attendees)
    .execute();
  const local = toKyiv(booking.start);
  const hoursOf = new Map<string, Awaited<ReturnType<typeof loadHours>>>();
  const out: Alternative[] = [];
  for (const room of rooms) {
    // Rooms of one hub share its hours: read them once per hub.
    let hours = hoursOf.get(room.hubId);
    if (!hours) {
      hours = await loadHours(db, room.hubId, local.date, local.date);
      hoursOf.set(room.hubId, hours);
    }
    if (!withinOpeningHours(booking.start, booking.end, hours)) continue;
    const busy = await activeInRoom(
      db,
      room.id,
      booking.start,
      new Date(booking.end.getTime() + room.bufferMinutes * 60_000),
      booking.id,
    );
    if (busy.length) continue;
    out.push({
      roomId: room.id,
      roomName: { uk: room.nameUk, en: room.nameEn },
      hubId: room.hubId,
      hubName: { uk: room.hubNameUk, en: room.hubNameEn },
      capacity: room.capacity,
      sameHub: room.hubId === booking.hubId,
      distanceKm: Math.round(distanceKm(origin, room) * 10) / 10,
      requiresApproval: room.requiresApproval,
    });
  }
  return out
    .sort(
      (a, b) =>
        Number(b.sameHub) - Number(a.sameHub) || a.distanceKm - b.distanceKm || a.capacity - b.capacity,
    )
    .slice(0, 10);
}

export async function bookingAlternatives(db: Database, p: Principal, id: string): Promise<Alternative[]> {
  const b = await getBooking(db, p, id);
  return alternativesFor(db, {
    id: b.id,
    roomId: b.roomId,
    hubId: b.hubId,
    start: new Date(b.start),
    end: new Date(b.end),
    attendees: b.attendees,
  });
}

/**
 * Moves a booking to another room at the same time, atomically, under the same rules as a new
 * request for that room (checked under its lock); the constraint still decides races.
 */
export async function moveBooking(
  db: Database,
  p: Principal,
  id: string,
  roomId: string,
  ip: string,
  now = new Date(),
): Promise<Booking> {
  const current = await getBooking(db, p, id);
  if (!current.canCancel) throw forbidden('Only the organiser or the hub’s managers may move a booking.');
  const start = new Date(current.start);
  const end = new Date(current.end);
  await bookingTransaction(db, { roomId, start: current.start, end: current.end }, async (trx) => {
    await lockRooms(trx, [roomId]);
    const row = await trx
      .selectFrom('bookings')
      .select('status')
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (!['disrupted', 'pending', 'confirmed'].includes(row.status)) {
      throw new AppError('invalid_transition', 409, `A ${row.status} booking cannot be moved.`);
    }
    const target = await bookingContext(trx, p, { roomId, organizationId: current.organizationId });
    const issues = await checkOccurrence(trx, {
      room: target,
      organizationId: current.organizationId,
      attendees: current.attendees,
      start,
      end,
      now,
      quota: new Map(),
      excludeId: id,
    });
    if (issues.length) throw occurrenceError(issues);
    // The events already published in the booking move with it: their places must fit too.
    const places = await eventPlaces(trx, id);
    if (places > target.capacity)
      throw new AppError(
        'event_places_exceeded',
        409,
        `The booking's events offer ${places} places; the room holds ${target.capacity} people.`,
        [
          {
            path: '/roomId',
            code: 'event_places_exceeded',
            message: `At least ${places} places are needed.`,
          },
        ],
      );
    const status = statusFor(target, p);
    await trx
      .updateTable('bookings')
      .set({
        roomId,
        status,
        disruptedBy: null,
        updatedAt: new Date(),
        blocked: range(start, new Date(end.getTime() + target.bufferMinutes * 60_000)) as unknown as string,
      })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, {
      action: 'booking.moved',
      actorId: p.userId,
      actorEmail: p.email,
      targetType: 'booking',
      targetId: id,
      ip,
      details: { from: current.roomId, to: roomId, status },
    });
    if (status === 'pending') {
      await askManagers(trx, target, [id], {
        uk: `«${current.title}» — ${kyivText(start, 'uk')} (перенесено з іншої кімнати). Потрібне ваше рішення.`,
        en: `“${current.title}” — ${kyivText(start, 'en')} (moved from another room). Your decision is needed.`,
      });
    }
  });
  return viewOf(db, id, p);
}

export async function createClosure(
  db: Database,
  p: Principal,
  hubId: string,
  input: ClosureInput,
  ip: string,
): Promise<ClosureResult> {
  const start = new Date(input.start);
  const end = new Date(input.end);
  if (!(start < end))
    throw new AppError('invalid_interval', 400, 'The end must come after the start.', [
      { path: '/end', code: 'invalid_interval', message: 'The end must come after the start.' },
    ]);
  const hub = await db
    .selectFrom('hubs')
    .select(['id', 'nameUk', 'nameEn'])
    .where('id', '=', hubId)
    .executeTakeFirst();
  if (!hub) throw notFound('No such hub.');
  if (!p.isCityAdmin() && !p.managesHub(hubId)) throw forbidden('Only the hub’s managers may close it.');
  let roomIds: string[];
  if (input.roomId) {
    const room = await db
      .selectFrom('rooms')
      .select('id')
      .where('id', '=', input.roomId)
      .where('hubId', '=', hubId)
      .executeTakeFirst();
    if (!room)
      throw new AppError('not_found', 404, 'No such room in this hub.', [
        { path: '/roomId', code: 'not_found', message: 'No such room in this hub.' },
      ]);
    roomIds = [room.id];
  } else {
    roomIds = (await db.selectFrom('rooms').select('id').where('hubId', '=', hubId).execute()).map(
      (r) => r.id,
    );
  }
  const { closureId, affected } = await db.transaction().execute(async (trx) => {
    await lockRooms(trx, roomIds);
    const closure = await trx
      .insertInto('closures')
      .values({
        hubId,
        roomId: input.roomId ?? null,
        period: range(start, end) as unknown as string,
        kind: input.kind ?? 'other',
        reason: input.reason.trim(),
        createdBy: p.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // Lock and flag every booking the closure hits; then the closure rows fit the constraint.
    const affected = roomIds.length
      ? await trx
          .updateTable('bookings')
          .set({ status: 'disrupted', disruptedBy: closure.id, updatedAt: new Date() })
          .where('roomId', 'in', roomIds)
          .where('kind', '=', 'booking')
          .where('status', 'in', ['pending', 'confirmed'])
          .where(sql<boolean>`period && ${range(start, end)}`)
          .returning('id')
          .execute()
      : [];
    // A room's closure rows must not overlap each other either: one that meets an earlier
    // closure of the room replaces it with a row covering both.
    for (const roomId of roomIds) {
      const earlier = await trx
        .updateTable('bookings')
        .set({ status: 'cancelled', updatedAt: new Date() })
        .where('roomId', '=', roomId)
        .where('kind', '=', 'closure')
        .where('status', '=', 'confirmed')
        .where(sql<boolean>`blocked && ${range(start, end)}`)
        .returning([sql<Date>`lower(blocked)`.as('s'), sql<Date>`upper(blocked)`.as('e')])
        .execute();
      const s = new Date(Math.min(start.getTime(), ...earlier.map((x) => x.s.getTime())));
      const e = new Date(Math.max(end.getTime(), ...earlier.map((x) => x.e.getTime())));
      await trx
        .insertInto('bookings')
        .values({
          roomId,
          kind: 'closure',
          closureId: closure.id,
          createdBy: p.userId,
          title: input.reason.trim(),
          status: 'confirmed',
          period: range(s, e) as unknown as string,
          blocked: range(s, e) as unknown as string,
        })
        .execute();
    }
    await recordAudit(trx, {
      action: 'closure.created',
      actorId: p.userId,
      actorEmail: p.email,
      targetType: 'hub',
      targetId: hubId,
      ip,
      details: { closureId: closure.id, roomId: input.roomId ?? null, affected: affected.length },
    });
    // Alternatives and notices in the same transaction: an organiser is told exactly when the
    // closure exists, with the rooms free at that moment.
    const rows = affected.length
      ? await bookingViews(trx)
          .where(
            'b.id',
            'in',
            affected.map((x) => x.id),
          )
          .orderBy(sql`lower(b.period)`)
          .execute()
      : [];
    const out: ClosureResult['affected'] = [];
    for (const row of rows) {
      const alternatives = await alternativesFor(trx, {
        id: row.id,
        roomId: row.roomId,
        hubId: row.hubId,
        start: row.start,
        end: row.end,
        attendees: row.attendees,
      });
      out.push({ booking: toBookingDto(row, p), alternatives });
      const people = new Set([
        ...(await organizationPeople(trx, row.organizationId!)),
        ...(row.createdBy ? [row.createdBy] : []),
      ]);
      const n = alternatives.length;
      for (const userId of people) {
        await insertNotification(trx, {
          userId,
          kind: 'booking.disrupted',
          title: { uk: `Приміщення закрито: ${row.title}`, en: `Room closed: ${row.title}` },
          body: {
            uk: `${row.hubNameUk}, ${row.roomNameUk}, ${kyivText(row.start, 'uk')}. Причина: ${input.reason.trim()}. ${n ? `Вільних альтернатив: ${n} — оберіть одну в один клік.` : 'Вільних альтернатив зараз немає.'}`,
            en: `${row.hubNameEn}, ${row.roomNameEn}, ${kyivText(row.start, 'en')}. Reason: ${input.reason.trim()}. ${n ? `${n} free alternative${n > 1 ? 's' : ''} — take one in one click.` : 'No free alternatives right now.'}`,
          },
          link: `/my/bookings/${row.id}`,
          data: { bookingId: row.id, closureId: closure.id, alternatives: n },
        });
      }
    }
    return { closureId: closure.id, affected: out };
  });

  const closure = await db
    .selectFrom('closures')
    .select([
      'id',
      'hubId',
      'roomId',
      'kind',
      'reason',
      'createdAt',
      sql<Date>`lower(period)`.as('start'),
      sql<Date>`upper(period)`.as('end'),
    ])
    .where('id', '=', closureId)
    .executeTakeFirstOrThrow();
  return {
    closure: {
      id: closure.id,
      hubId: closure.hubId,
      roomId: closure.roomId,
      start: closure.start.toISOString(),
      end: closure.end.toISOString(),
      kind: closure.kind as ClosureResult['closure']['kind'],
      reason: closure.reason,
      createdAt: closure.createdAt.toISOString(),
    },
    affected,
  };
}
