// Shifts of a program: one or a daily/weekly series (the same Kyiv-time expansion as bookings),
// held at an address or in a room the program's organisation has booked (a confirmed booking
// covering the shift). Editing or cancelling a shift tells everyone signed up.
import { randomUUID } from 'node:crypto';
import {
  expandRecurrence,
  kyivText,
  type ProgramShiftsQuery,
  type ShiftInput,
  type ShiftListQuery,
  type ShiftPatch,
  type ShiftView,
  DEFAULT_LIMIT,
} from '@vcentri/shared';
import { sql } from 'kysely';
import type { Database } from '../../db/database';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../errors';
import { recordAudit } from '../audit/audit.repository';
import type { Principal } from '../users/principal';
import { managedProgram } from './programs';
import { enqueueShiftReminders } from './reminders';
import { lockProfile, timeClash } from './signups';
import {
  cancelShiftRow,
  fillPlaces,
  loadShiftRow,
  notifySignedUp,
  type ProgramRow,
  runsProgram,
  type ShiftRow,
  shiftRows,
  shiftView,
} from './volunteering.repository';

interface Place {
  address: string;
  district: string;
  roomId: string | null;
  bookingId: string | null;
}

/**
 * Where a shift happens. A room is held for the shift either by a confirmed booking of the
 * program's organisation covering it, or — for a program its hub runs, in a room of that hub —
 * by the hub itself: its managers run the room, so no booking is made, but the shift must not
 * overlap a pending or confirmed booking or a closure of the room. A district's or the city's
 * program has no way to hold a room: `room_requires_organization`, give an address.
 */
async function resolvePlace(
  db: Database,
  program: Pick<ProgramRow, 'organizationId' | 'hubId'>,
  input: { address?: string; district?: string; roomId?: string | null },
  start: Date,
  end: Date,
): Promise<Place> {
  if (input.roomId) {
    if (input.address !== undefined || input.district !== undefined)
      throw badRequest('validation_failed', 'Give either a room or an address with its district, not both.', [
        { path: '/roomId', code: 'oneOf', message: 'room or address' },
      ]);
    const room = await db
      .selectFrom('rooms as r')
      .innerJoin('hubs as h', 'h.id', 'r.hubId')
      .select(['r.id', 'r.hubId', 'h.addressUk', 'h.district', 'r.nameUk'])
      .where('r.id', '=', input.roomId)
      .executeTakeFirst();
    if (!room) throw notFound('No such room.');
    const place = { address: `${room.addressUk}, ${room.nameUk}`, district: room.district, roomId: room.id };
    if (!program.organizationId) {
      if (program.hubId !== room.hubId)
        throw new AppError(
          'room_requires_organization',
          400,
          'Only an organisation’s booking, or the room’s own hub for its programs, holds a room for shifts; give an address.',
          [{ path: '/roomId', code: 'room_requires_organization', message: 'give an address' }],
        );
      const busy = await db
        .selectFrom('bookings')
        .select([sql<Date>`lower(period)`.as('start'), sql<Date>`upper(period)`.as('end')])
        .where('roomId', '=', room.id)
        .where('status', 'in', ['pending', 'confirmed'])
        .where(sql<boolean>`period && tstzrange(${start}::timestamptz, ${end}::timestamptz, '[)')`)
        .execute();
      if (busy.length > 0)
        throw conflict(
          'booking_conflict',
          `The room is booked or closed within ${kyivText(start, 'en')}–${kyivText(end, 'en')}.`,
          {
            conflicts: busy.map((b) => ({
              start: new Date(b.start).toISOString(),
              end: new Date(b.end).toISOString(),
            })),
          },
        );
      return { ...place, bookingId: null };
    }
    const booking = await db
      .selectFrom('bookings')
      .select('id')
      .where('roomId', '=', input.roomId)
      .where('organizationId', '=', program.organizationId)
      .where('kind', '=', 'booking')
      .where('status', '=', 'confirmed')
      .where(sql<boolean>`period @> tstzrange(${start}::timestamptz, ${end}::timestamptz, '[)')`)
      .executeTakeFirst();
    if (!booking)
      throw conflict(
        'outside_booking',
        `No confirmed booking of the program’s organisation holds the room ${kyivText(start, 'en')}–${kyivText(end, 'en')}.`,
        { start: start.toISOString(), end: end.toISOString() },
      );
    return { ...place, bookingId: booking.id };
  }
  if (!input.address?.trim() || !input.district)
    throw badRequest('validation_failed', 'Give a room, or an address and its district.', [
      { path: input.address?.trim() ? '/district' : '/address', code: 'required', message: 'required' },
    ]);
  return { address: input.address.trim(), district: input.district, roomId: null, bookingId: null };
}

function checkInterval(start: Date, end: Date) {
  if (!(start < end)) throw badRequest('invalid_interval', 'A shift ends after it starts.');
  if (end.getTime() - start.getTime() > 24 * 3_600_000)
    throw badRequest('invalid_interval', 'A shift lasts at most 24 hours.');
}

export async function createShifts(
  db: Database,
  p: Principal,
  programId: string,
  input: ShiftInput,
  ip: string,
): Promise<{ items: ShiftView[] }> {
  const program = await managedProgram(db, p, programId);
  if (program.status === 'closed') throw conflict('program_closed', 'The program is closed.');
  const start = new Date(input.start);
  const end = new Date(input.end);
  checkInterval(start, end);
  if (start.getTime() <= Date.now())
    throw badRequest('invalid_interval', 'A new shift starts in the future.');
  const occurrences = expandRecurrence(start, end, input.recurrence);
  if (occurrences.length === 0)
    throw badRequest('invalid_interval', 'The series has no occurrence: its end is before its first day.', [
      { path: '/recurrence/until', code: 'empty_series', message: 'no occurrence' },
    ]);
  const places: Place[] = [];
  for (const o of occurrences) places.push(await resolvePlace(db, program, input, o.start, o.end));
  const seriesId = occurrences.length > 1 ? randomUUID() : null;
  const ids = await db.transaction().execute(async (trx) => {
    const rows = await trx
      .insertInto('volunteerShifts')
      .values(
        occurrences.map((o, i) => ({
          programId,
          seriesId,
          startsAt: o.start,
          endsAt: o.end,
          ...places[i]!,
          places: input.places,
          task: input.task.trim(),
          accessibilityNotes: input.accessibilityNotes ?? '',
          stepFree: input.stepFree ?? false,
        })),
      )
      .returning('id')
      .execute();
    await recordAudit(trx, {
      action: 'volunteering.shifts_created',
      actorId: p.userId,
      actorEmail: p.email,
      targetType: 'volunteer_program',
      targetId: programId,
      ip,
      details: { count: rows.length, seriesId },
    });
    return rows.map((r) => r.id);
  });
  const rows = await shiftRows(db).where('s.id', 'in', ids).orderBy('s.startsAt').execute();
  return { items: rows.map((r) => shiftView(r)) };
}

/** A shift the caller may see: shifts of a draft program only to its people. */
export async function getShift(db: Database, p: Principal | null, id: string): Promise<ShiftView> {
  const s = await loadShiftRow(db, id);
  if (s.programStatus === 'draft' && !runsProgram(p, s)) throw notFound('No such shift.');
  return shiftView(s);
}

/** Every shift of a program, for its own people: cancelled and past ones too, paged. */
export async function programShifts(db: Database, p: Principal, programId: string, q: ProgramShiftsQuery) {
  await managedProgram(db, p, programId);
  const when = q.when ?? 'upcoming';
  const now = new Date();
  let base = shiftRows(db).where('s.programId', '=', programId);
  if (when === 'upcoming') base = base.where('s.endsAt', '>', now);
  if (when === 'past') base = base.where('s.endsAt', '<=', now);
  const rows = await base
    .select(sql<number>`count(*) over ()::int`.as('total'))
    .orderBy('s.startsAt', when === 'upcoming' ? 'asc' : 'desc')
    .orderBy('s.id')
    .limit(q.limit ?? DEFAULT_LIMIT)
    .offset(q.offset ?? 0)
    .execute();
  return { items: rows.map((r) => shiftView(r)), total: rows[0]?.total ?? 0 };
}

export async function listShifts(db: Database, q: ShiftListQuery) {
  let base = shiftRows(db)
    .where('s.status', '=', 'published')
    .where('p.status', '=', 'published')
    .where('s.endsAt', '>', q.from ? new Date(Math.max(Date.parse(q.from), Date.now())) : new Date());
  if (q.to) base = base.where('s.startsAt', '<', new Date(q.to));
  if (q.cause) base = base.where('p.cause', '=', q.cause);
  if (q.district) base = base.where('s.district', '=', q.district);
  if (q.skill) base = base.where(sql<boolean>`${q.skill.trim().toLowerCase()} = any(p.skills)`);
  if (q.language) base = base.where(sql<boolean>`${q.language} = any(p.languages)`);
  if (q.stepFree) base = base.where('s.stepFree', '=', true);
  if (q.age !== undefined) base = base.where('p.minAge', '<=', q.age);
  if (q.programId) base = base.where('s.programId', '=', q.programId);
  const rows = await base
    .select(sql<number>`count(*) over ()::int`.as('total'))
    .orderBy('s.startsAt')
    .orderBy('s.id')
    .limit(q.limit ?? DEFAULT_LIMIT)
    .offset(q.offset ?? 0)
    .execute();
  return { items: rows.map((r) => shiftView(r)), total: rows[0]?.total ?? 0 };
}

async function managedShift(db: Database, p: Principal, id: string) {
  const s = await loadShiftRow(db, id);
  if (!runsProgram(p, s)) {
    if (s.programStatus === 'draft') throw notFound('No such shift.');
    throw forbidden('Only the program’s own people manage its shifts.');
  }
  return s;
}

export async function updateShift(db: Database, p: Principal, id: string, patch: ShiftPatch, ip: string) {
  const before = await managedShift(db, p, id);
  if (before.status === 'cancelled') throw conflict('shift_cancelled', 'The shift is cancelled.');
  if (before.programStatus === 'closed') throw conflict('program_closed', 'The program is closed.');
  const start = patch.start ? new Date(patch.start) : before.startsAt;
  const end = patch.end ? new Date(patch.end) : before.endsAt;
  checkInterval(start, end);
  if (patch.start && start.getTime() <= Date.now())
    throw badRequest('invalid_interval', 'A shift cannot be moved into the past.');
  const placeTouched =
    patch.roomId !== undefined || patch.address !== undefined || patch.district !== undefined;
  let place: Place | null = null;
  if (placeTouched) {
    place = await resolvePlace(db, before, patch, start, end);
  } else if (before.roomId && (patch.start || patch.end)) {
    place = await resolvePlace(db, before, { roomId: before.roomId }, start, end);
  }
  const moved = start.getTime() !== before.startsAt.getTime() || end.getTime() !== before.endsAt.getTime();
  // A moved shift re-checks, for everyone holding or waiting for it, the sign-up guard rails that
  // depend on time, under sign-up's locks in sign-up's order: their profiles (sorted, so two edits
  // never wait on each other in a cycle), then the shift. Someone who signed up between reading
  // the list and locking the shift makes the edit start again with them included.
  for (let attempt = 1; ; attempt++) {
    const people = moved ? await liveVolunteers(db, id) : [];
    try {
      await db.transaction().execute(async (trx) => {
        for (const userId of people) await lockProfile(trx, userId);
        const cur = await trx
          .selectFrom('volunteerShifts')
          .select(['id', 'status'])
          .where('id', '=', id)
          .forUpdate()
          .executeTakeFirstOrThrow();
        if (cur.status === 'cancelled') throw conflict('shift_cancelled', 'The shift is cancelled.');
        if (moved) {
          const now = await liveVolunteers(trx, id);
          if (now.some((u) => !people.includes(u))) throw new SignupsChanged();
          await recheckVolunteers(trx, now, { id, startsAt: start, endsAt: end });
        }
        await applyShiftPatch(trx, p, before, patch, { start, end, place }, ip);
      });
      break;
    } catch (err) {
      if (!(err instanceof SignupsChanged)) throw err;
      if (attempt >= 3) throw conflict('conflict', 'Volunteers kept signing up meanwhile; try again.');
    }
  }
  return getShift(db, p, id);
}

class SignupsChanged extends Error {}

/** Who holds or waits for the shift, sorted (the order their profiles are locked in). */
async function liveVolunteers(db: Database, shiftId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('volunteerSignups')
    .select('userId')
    .where('shiftId', '=', shiftId)
    .where('status', 'in', ['confirmed', 'waitlisted'])
    .orderBy('userId')
    .execute();
  return rows.map((r) => r.userId);
}

/** Rejects a move that would break a volunteer's overlap or 12-hour rule, saying how many it would. */
async function recheckVolunteers(
  trx: Database,
  userIds: string[],
  shift: { id: string; startsAt: Date; endsAt: Date },
) {
  let overlap = 0;
  let daily = 0;
  for (const userId of userIds) {
    const clash = await timeClash(trx, userId, shift);
    if (clash?.code === 'shift_overlap') overlap++;
    else if (clash) daily++;
  }
  if (overlap > 0)
    throw conflict(
      'shift_overlap',
      `${overlap} of the shift’s volunteers hold or wait for another shift at the new time.`,
      { volunteers: overlap },
    );
  if (daily > 0)
    throw conflict(
      'daily_hours_exceeded',
      `At the new time ${daily} of the shift’s volunteers would have more than 12 hours of shifts in a day.`,
      { volunteers: daily },
    );
}

async function applyShiftPatch(
  trx: Database,
  p: Principal,
  before: ShiftRow,
  patch: ShiftPatch,
  to: { start: Date; end: Date; place: Place | null },
  ip: string,
) {
  const { id } = before;
  const { start, end, place } = to;
  if (patch.places !== undefined) {
    const { n } = await trx
      .selectFrom('volunteerSignups')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('shiftId', '=', id)
      .where('status', '=', 'confirmed')
      .executeTakeFirstOrThrow();
    if (patch.places < n)
      throw conflict(
        'shift_places_below_signups',
        `${n} volunteers are confirmed; the shift needs at least that many places.`,
        { confirmed: n },
      );
  }
  await trx
    .updateTable('volunteerShifts')
    .set({
      startsAt: start,
      endsAt: end,
      ...(place ?? {}),
      ...(patch.places !== undefined ? { places: patch.places } : {}),
      ...(patch.task !== undefined ? { task: patch.task.trim() } : {}),
      ...(patch.accessibilityNotes !== undefined ? { accessibilityNotes: patch.accessibilityNotes } : {}),
      ...(patch.stepFree !== undefined ? { stepFree: patch.stepFree } : {}),
      updatedAt: new Date(),
    })
    .where('id', '=', id)
    .execute();
  // More places: the first waiting volunteers move up (and are told).
  if (patch.places !== undefined && start.getTime() > Date.now()) await fillPlaces(trx, id);
  // A moved shift: a reminder for the new start (the old ones find the start changed).
  await enqueueShiftReminders(trx, id);
  await notifySignedUp(trx, id, {
    kind: 'volunteering.shift_changed',
    title: {
      uk: `Зміну оновлено: ${before.programTitleUk}`,
      en: `Shift updated: ${before.programTitleEn}`,
    },
    body: {
      uk: `Перевірте час і місце: ${kyivText(start, 'uk')}, ${place?.address ?? before.address}.`,
      en: `Check the time and place: ${kyivText(start, 'en')}, ${place?.address ?? before.address}.`,
    },
  });
  await recordAudit(trx, {
    action: 'volunteering.shift_updated',
    actorId: p.userId,
    actorEmail: p.email,
    targetType: 'volunteer_shift',
    targetId: id,
    ip,
    details: { fields: Object.keys(patch) },
  });
}

export async function cancelShift(db: Database, p: Principal, id: string, reason: string, ip: string) {
  const before = await managedShift(db, p, id);
  await db.transaction().execute(async (trx) => {
    const cur = await trx
      .selectFrom('volunteerShifts')
      .select(['status'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (cur.status === 'cancelled') throw conflict('shift_cancelled', 'The shift is already cancelled.');
    await cancelShiftRow(trx, before, { uk: reason, en: reason, stored: reason });
    await recordAudit(trx, {
      action: 'volunteering.shift_cancelled',
      actorId: p.userId,
      actorEmail: p.email,
      targetType: 'volunteer_shift',
      targetId: id,
      ip,
      details: { reason },
    });
  });
  return getShift(db, p, id);
}
