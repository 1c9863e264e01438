// The Kysely code of volunteering: program and shift rows with their counts, the waiting-list
// arithmetic, and the hour entries as clients see them.
import { type HoursEntry, kyivText, type ProgramView, type ShiftView } from '@vcentri/shared';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/database';
import { promoteWaiting, type WaitingList } from '../../db/waiting-list';
import type { DB } from '../../db/schema';
import { notFound } from '../../errors';
import { insertNotification } from '../bookings/bookings.repository';
import { enqueueShiftReminder } from './reminders';
import type { Principal } from '../users/principal';

export type ProgramRow = Awaited<ReturnType<typeof loadProgramRow>>;

export async function loadProgramRow(db: Kysely<DB>, id: string) {
  const row = await db.selectFrom('volunteerPrograms').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('No such program.');
  return row;
}

/** The program's own people: its organisation, hub, district or — for a city program — the city. */
export function runsProgram(
  p: Principal | null,
  prog: { organizationId: string | null; hubId: string | null; ownerDistrict: string | null },
): boolean {
  if (!p) return false;
  if (p.isCityAdmin()) return true;
  if (prog.organizationId) return p.membershipOf(prog.organizationId) !== null;
  if (prog.hubId) return p.managesHub(prog.hubId);
  if (prog.ownerDistrict) return p.administersDistrict(prog.ownerDistrict);
  return false;
}

export function programView(r: ProgramRow, p: Principal | null, acknowledged: boolean): ProgramView {
  return {
    id: r.id,
    runBy: r.organizationId ? 'organization' : r.hubId ? 'hub' : r.ownerDistrict ? 'district' : 'city',
    organizationId: r.organizationId,
    hubId: r.hubId,
    ownerDistrict: r.ownerDistrict,
    title: { uk: r.titleUk, en: r.titleEn },
    description: { uk: r.descriptionUk, en: r.descriptionEn },
    cause: r.cause as ProgramView['cause'],
    districts: r.districts,
    skills: r.skills,
    languages: r.languages,
    minAge: r.minAge,
    briefing: r.briefing,
    contact: r.contact,
    status: r.status as ProgramView['status'],
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    canManage: runsProgram(p, r),
    briefingAcknowledged: acknowledged,
  };
}

export async function hasAcknowledged(db: Kysely<DB>, programId: string, userId: string) {
  const row = await db
    .selectFrom('volunteerBriefingAcks')
    .select('programId')
    .where('programId', '=', programId)
    .where('userId', '=', userId)
    .executeTakeFirst();
  return !!row;
}

export function shiftRows(db: Kysely<DB>) {
  return db
    .selectFrom('volunteerShifts as s')
    .innerJoin('volunteerPrograms as p', 'p.id', 's.programId')
    .selectAll('s')
    .select([
      'p.titleUk as programTitleUk',
      'p.titleEn as programTitleEn',
      'p.cause',
      'p.minAge as programMinAge',
      'p.languages as programLanguages',
      'p.status as programStatus',
      'p.organizationId',
      'p.hubId',
      'p.ownerDistrict',
      (eb) =>
        eb
          .selectFrom('volunteerSignups as x')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('x.shiftId', '=', 's.id')
          .where('x.status', '=', 'confirmed')
          .as('confirmed'),
      (eb) =>
        eb
          .selectFrom('volunteerSignups as x')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('x.shiftId', '=', 's.id')
          .where('x.status', '=', 'waitlisted')
          .as('waitlisted'),
    ]);
}
export type ShiftRow = Awaited<ReturnType<ReturnType<typeof shiftRows>['execute']>>[number];

export async function loadShiftRow(db: Kysely<DB>, id: string): Promise<ShiftRow> {
  const row = await shiftRows(db).where('s.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('No such shift.');
  return row;
}

export function shiftView(s: ShiftRow, now = Date.now()): ShiftView {
  const confirmed = s.confirmed ?? 0;
  return {
    id: s.id,
    programId: s.programId,
    programTitle: { uk: s.programTitleUk, en: s.programTitleEn },
    cause: s.cause as ShiftView['cause'],
    minAge: s.programMinAge,
    languages: s.programLanguages,
    seriesId: s.seriesId,
    start: s.startsAt.toISOString(),
    end: s.endsAt.toISOString(),
    address: s.address,
    district: s.district,
    roomId: s.roomId,
    bookingId: s.bookingId,
    places: s.places,
    task: s.task,
    accessibilityNotes: s.accessibilityNotes,
    stepFree: s.stepFree,
    status: s.status as ShiftView['status'],
    cancelReason: s.cancelReason,
    confirmed,
    waitlisted: s.waitlisted ?? 0,
    placesLeft: Math.max(0, s.places - confirmed),
    signupOpen: s.status === 'published' && s.programStatus === 'published' && s.startsAt.getTime() > now,
  };
}

const SIGNUPS: WaitingList = { table: 'volunteer_signups', parentColumn: 'shift_id' };

/** Moves waiting volunteers into free places, in order (each is told), and renumbers the rest from 1. */
export async function fillPlaces(trx: Database, shiftId: string) {
  const shift = await trx
    .selectFrom('volunteerShifts as s')
    .innerJoin('volunteerPrograms as p', 'p.id', 's.programId')
    .select(['s.places', 's.startsAt', 'p.titleUk', 'p.titleEn'])
    .where('s.id', '=', shiftId)
    .executeTakeFirstOrThrow();
  for (const x of await promoteWaiting(trx, SIGNUPS, shiftId, shift.places)) {
    await enqueueShiftReminder(trx, { signupId: x.id, shiftId, startsAt: shift.startsAt });
    await insertNotification(trx, {
      userId: x.userId,
      kind: 'volunteering.promoted',
      title: {
        uk: `Для вас звільнилося місце на зміні: ${shift.titleUk}`,
        en: `A shift place is yours: ${shift.titleEn}`,
      },
      body: {
        uk: `Ви більше не в листі очікування. Початок: ${kyivText(shift.startsAt, 'uk')}.`,
        en: `You are off the waiting list. Starts ${kyivText(shift.startsAt, 'en')}.`,
      },
      link: `/volunteering/shifts/${shiftId}`,
      data: { shiftId },
    });
  }
}

/** Renumbers the waiting list 1, 2, 3… without moving anyone up (the shift is closed to sign-ups). */
export const renumberWaitlist = (trx: Database, shiftId: string) => promoteWaiting(trx, SIGNUPS, shiftId, 0);

/** Tells everyone holding or waiting for the shift. */
export async function notifySignedUp(
  trx: Database,
  shiftId: string,
  n: { kind: string; title: { uk: string; en: string }; body: { uk: string; en: string } },
) {
  const people = await trx
    .selectFrom('volunteerSignups')
    .select('userId')
    .where('shiftId', '=', shiftId)
    .where('status', 'in', ['confirmed', 'waitlisted'])
    .execute();
  for (const x of people)
    await insertNotification(trx, {
      userId: x.userId,
      ...n,
      link: `/volunteering/shifts/${shiftId}`,
      data: { shiftId },
    });
}

/**
 * Cancels a shift inside `trx` (its row locked by the caller): everyone holding or waiting for it
 * is told, their sign-ups end (so no reminder goes out: the job finds them cancelled).
 */
export async function cancelShiftRow(
  trx: Database,
  shift: { id: string; startsAt: Date; programTitleUk: string; programTitleEn: string },
  reason: { uk: string; en: string; stored: string },
) {
  await notifySignedUp(trx, shift.id, {
    kind: 'volunteering.shift_cancelled',
    title: {
      uk: `Зміну скасовано: ${shift.programTitleUk}`,
      en: `Shift cancelled: ${shift.programTitleEn}`,
    },
    body: {
      uk: `Зміну ${kyivText(shift.startsAt, 'uk')} скасовано. Причина: ${reason.uk}`,
      en: `The shift on ${kyivText(shift.startsAt, 'en')} is cancelled. Reason: ${reason.en}`,
    },
  });
  await trx
    .updateTable('volunteerShifts')
    .set({ status: 'cancelled', cancelReason: reason.stored, updatedAt: new Date() })
    .where('id', '=', shift.id)
    .execute();
  await trx
    .updateTable('volunteerSignups')
    .set({ status: 'cancelled', position: null, cancelledAt: new Date() })
    .where('shiftId', '=', shift.id)
    .where('status', 'in', ['confirmed', 'waitlisted'])
    .execute();
}

export function hoursRows(db: Kysely<DB>) {
  return db
    .selectFrom('volunteerHours as h')
    .innerJoin('users as u', 'u.id', 'h.userId')
    .innerJoin('volunteerPrograms as p', 'p.id', 'h.programId')
    .select([
      'h.id',
      'h.userId',
      'u.name as volunteerName',
      'h.programId',
      'p.titleUk as programTitleUk',
      'p.titleEn as programTitleEn',
      'h.shiftId',
      sql<string>`to_char(h.work_date, 'YYYY-MM-DD')`.as('date'),
      'h.minutes',
      'h.description',
      'h.source',
      'h.status',
      'h.reason',
      'h.decidedAt',
      'h.createdAt',
    ]);
}

export function hoursView(
  r: Awaited<ReturnType<ReturnType<typeof hoursRows>['execute']>>[number],
): HoursEntry {
  return {
    id: r.id,
    userId: r.userId,
    volunteerName: r.volunteerName,
    programId: r.programId,
    programTitle: { uk: r.programTitleUk, en: r.programTitleEn },
    shiftId: r.shiftId,
    date: r.date,
    minutes: r.minutes,
    description: r.description,
    source: r.source as HoursEntry['source'],
    status: r.status as HoursEntry['status'],
    reason: r.reason,
    decidedAt: r.decidedAt ? r.decidedAt.toISOString() : null,
    createdAt: r.createdAt.toISOString(),
  };
}
