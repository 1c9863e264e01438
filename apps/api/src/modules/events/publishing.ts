// Publishing and editing events. An event sits inside a confirmed booking; the events of one
// booking never overlap and their places together fit the room. Every publish and every edit
// checks that while holding the booking's row lock, so two racing publishes into one booking
// cannot both pass, and a booking cancelled meanwhile takes no new event.
import type { EventInput, EventPatch, EventView } from '@vcentri/shared';
import { sql } from 'kysely';
import type { Database } from '../../db/database';
import { AppError, conflict, forbidden, notFound } from '../../errors';
import { recordAudit } from '../audit/audit.repository';
import { bookingTransaction, bookRoom } from '../bookings/bookings.service';
import type { Principal } from '../users/principal';
import { fillPlaces, getEvent, isEventStaff } from './events.service';

/** The booking with its room's capacity, locked for the rest of the transaction. */
export async function lockBooking(trx: Database, bookingId: string) {
  return trx
    .selectFrom('bookings as b')
    .innerJoin('rooms as r', 'r.id', 'b.roomId')
    .select([
      'b.id',
      'b.status',
      'b.organizationId',
      'r.hubId',
      'r.capacity',
      sql<Date>`lower(b.period)`.as('start'),
      sql<Date>`upper(b.period)`.as('end'),
    ])
    .where('b.id', '=', bookingId)
    .where('b.kind', '=', 'booking')
    .forUpdate('b')
    .executeTakeFirst();
}
type LockedBooking = NonNullable<Awaited<ReturnType<typeof lockBooking>>>;

/**
 * Checks that an event of `capacity` places from start to end fits its booking: inside it, not
 * above the room, not overlapping the booking's other published events, and with them not
 * offering more places than the room holds.
 */
export async function checkPlacement(
  trx: Database,
  booking: LockedBooking,
  e: { start: Date; end: Date; capacity: number; eventId?: string },
) {
  if (!(e.start < e.end))
    throw new AppError('invalid_interval', 400, 'The end must come after the start.', [
      { path: '/end', code: 'invalid_interval', message: 'The end must come after the start.' },
    ]);
  if (e.start < booking.start || e.end > booking.end) {
    throw new AppError('outside_booking', 400, 'The event must take place within its booking.', [
      { path: '/start', code: 'outside_booking', message: 'Within the booking.' },
    ]);
  }
  if (e.capacity > booking.capacity) {
    throw new AppError('over_capacity', 400, `The room holds ${booking.capacity} people.`, [
      { path: '/capacity', code: 'over_capacity', message: `At most ${booking.capacity}.` },
    ]);
  }
  let q = trx
    .selectFrom('events')
    .select(['id', 'capacity', 'startsAt', 'endsAt'])
    .where('bookingId', '=', booking.id)
    .where('status', '=', 'published');
  if (e.eventId) q = q.where('id', '!=', e.eventId);
  const others = await q.orderBy('startsAt').execute();
  const overlapping = others.filter((o) => o.startsAt < e.end && e.start < o.endsAt);
  if (overlapping.length) {
    throw new AppError(
      'event_overlap',
      409,
      'Another event of this booking takes place at that time.',
      [{ path: '/start', code: 'event_overlap', message: 'Another event of the booking is at that time.' }],
      {
        conflicts: overlapping.map((o) => ({ start: o.startsAt.toISOString(), end: o.endsAt.toISOString() })),
      },
    );
  }
  const taken = others.reduce((n, o) => n + o.capacity, 0);
  if (taken + e.capacity > booking.capacity) {
    const left = Math.max(0, booking.capacity - taken);
    throw new AppError(
      'event_places_exceeded',
      409,
      `The room holds ${booking.capacity} people and the booking's other events offer ${taken} places; at most ${left} remain.`,
      [{ path: '/capacity', code: 'event_places_exceeded', message: `At most ${left}.` }],
      { placesLeft: left },
    );
  }
}

/** Publishes an event in a booking, inside the caller's transaction (the API's and the demo loader's). */
export async function publishIn(
  trx: Database,
  p: Principal,
  bookingId: string,
  input: EventInput,
  ip: string,
): Promise<string> {
  const booking = await lockBooking(trx, bookingId);
  if (
    !booking ||
    !(p.isCityAdmin() || p.managesHub(booking.hubId) || p.membershipOf(booking.organizationId!) !== null)
  ) {
    throw new AppError('not_found', 404, 'No such booking of yours.', [
      { path: '/bookingId', code: 'not_found', message: 'No such booking.' },
    ]);
  }
  if (booking.status !== 'confirmed')
    throw conflict('booking_not_confirmed', 'An event can only be published in a confirmed booking.');
  const start = input.start ? new Date(input.start) : booking.start;
  const end = input.end ? new Date(input.end) : booking.end;
  await checkPlacement(trx, booking, { start, end, capacity: input.capacity });
  const row = await trx
    .insertInto('events')
    .values({
      bookingId: booking.id,
      titleUk: input.title.uk.trim(),
      titleEn: input.title.en.trim(),
      descriptionUk: input.description?.uk.trim() ?? '',
      descriptionEn: input.description?.en.trim() ?? '',
      category: input.category,
      languages: input.languages ?? ['uk'],
      audience: input.audience?.trim() ?? '',
      accessibilityNotes: input.accessibilityNotes?.trim() ?? '',
      capacity: input.capacity,
      registrationRequired: input.registrationRequired ?? true,
      startsAt: start,
      endsAt: end,
      createdBy: p.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordAudit(trx, {
    action: 'event.published',
    actorId: p.userId,
    actorEmail: p.email,
    targetType: 'event',
    targetId: row.id,
    ip,
  });
  return row.id;
}

export async function createEvent(
  db: Database,
  p: Principal,
  input: EventInput,
  ip: string,
): Promise<EventView> {
  if (!input.bookingId === !input.booking) {
    throw new AppError('validation_failed', 400, 'Give either a bookingId or a booking to make.', [
      { path: '/bookingId', code: 'required', message: 'bookingId or booking' },
    ]);
  }
  const b = input.booking;
  const id = b
    ? // A hub manager's one step: the booking (under every booking rule) and the event commit
      // together, so a refused event leaves no booking behind.
      await bookingTransaction(db, b, async (trx) => {
        const room = await trx
          .selectFrom('rooms')
          .select('hubId')
          .where('id', '=', b.roomId)
          .executeTakeFirst();
        if (!room)
          throw new AppError('not_found', 404, 'No such room.', [
            { path: '/booking/roomId', code: 'not_found', message: 'No such room.' },
          ]);
        if (!p.isCityAdmin() && !p.managesHub(room.hubId))
          throw forbidden('Only the hub’s managers book and publish in one step.');
        const { ids } = await bookRoom(
          trx,
          p,
          { ...b, title: input.title.uk, attendees: input.capacity },
          ip,
        );
        return publishIn(trx, p, ids[0]!, input, ip);
      })
    : await db.transaction().execute((trx) => publishIn(trx, p, input.bookingId!, input, ip));
  return getEvent(db, p, id);
}

export async function updateEvent(
  db: Database,
  p: Principal,
  id: string,
  patch: EventPatch,
  ip: string,
): Promise<EventView> {
  await db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('events as e')
      .innerJoin('bookings as b', 'b.id', 'e.bookingId')
      .innerJoin('rooms as r', 'r.id', 'b.roomId')
      .select(['e.bookingId', 'e.status', 'r.hubId', 'b.organizationId'])
      .where('e.id', '=', id)
      .executeTakeFirst();
    if (!current) throw notFound('No such event.');
    if (!isEventStaff(p, { hubId: current.hubId, organizationId: current.organizationId! }))
      throw forbidden('Only the organisers and the hub’s managers edit an event.');
    // The booking first, then the event: the order every publish and edit takes, so two edits
    // of one booking's events queue instead of deadlocking.
    const booking = (await lockBooking(trx, current.bookingId))!;
    const e = await trx
      .selectFrom('events')
      .select(['status', 'startsAt', 'endsAt', 'capacity'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (e.status === 'cancelled') throw conflict('event_cancelled', 'A cancelled event cannot be edited.');
    const start = patch.start ? new Date(patch.start) : e.startsAt;
    const end = patch.end ? new Date(patch.end) : e.endsAt;
    await checkPlacement(trx, booking, { start, end, capacity: patch.capacity ?? e.capacity, eventId: id });
    await trx
      .updateTable('events')
      .set({
        ...(patch.title ? { titleUk: patch.title.uk.trim(), titleEn: patch.title.en.trim() } : {}),
        ...(patch.description
          ? { descriptionUk: patch.description.uk.trim(), descriptionEn: patch.description.en.trim() }
          : {}),
        ...(patch.category ? { category: patch.category } : {}),
        ...(patch.languages ? { languages: patch.languages } : {}),
        ...(patch.audience !== undefined ? { audience: patch.audience.trim() } : {}),
        ...(patch.accessibilityNotes !== undefined
          ? { accessibilityNotes: patch.accessibilityNotes.trim() }
          : {}),
        ...(patch.capacity !== undefined ? { capacity: patch.capacity } : {}),
        ...(patch.registrationRequired !== undefined
          ? { registrationRequired: patch.registrationRequired }
          : {}),
        startsAt: start,
        endsAt: end,
        updatedAt: new Date(),
      })
      .where('id', '=', id)
      .execute();
    // More places: move people up from the waiting list.
    if (patch.capacity !== undefined) await fillPlaces(trx, id);
    await recordAudit(trx, {
      action: 'event.updated',
      actorId: p.userId,
      actorEmail: p.email,
      targetType: 'event',
      targetId: id,
      ip,
      details: { fields: Object.keys(patch) },
    });
  });
  return getEvent(db, p, id);
}
