// Signing up for a shift: a place while places remain, else the next waiting-list position.
// Guard rails, checked under locks so racing requests cannot slip past them: the volunteer's
// profile row is locked first (their overlap and daily-hours checks see every other request of
// theirs), then the shift row (places and positions stay exact). Every path that changes sign-ups
// takes the locks in that order, so two requests never wait on each other in a cycle.
import { addDays, fromKyiv, MAX_DAILY_SHIFT_MINUTES, toKyiv } from '@vcentri/shared';
import { sql } from 'kysely';
import type { Database } from '../../db/database';
import { AppError, conflict, isUniqueViolation, notFound } from '../../errors';
import { recordAudit } from '../audit/audit.repository';
import type { Principal } from '../users/principal';
import { enqueueShiftReminder } from './reminders';
import { fillPlaces, renumberWaitlist, runsProgram } from './volunteering.repository';

export async function lockProfile(trx: Database, userId: string) {
  return trx
    .selectFrom('volunteerProfiles')
    .select(['userId', 'birthYear'])
    .where('userId', '=', userId)
    .forUpdate()
    .executeTakeFirst();
}

async function lockShift(trx: Database, p: Principal, shiftId: string) {
  const s = await trx
    .selectFrom('volunteerShifts as s')
    .innerJoin('volunteerPrograms as p', 'p.id', 's.programId')
    .select([
      's.id',
      's.programId',
      's.status',
      's.places',
      's.startsAt',
      's.endsAt',
      'p.status as programStatus',
      'p.minAge',
      'p.briefing',
      'p.organizationId',
      'p.hubId',
      'p.ownerDistrict',
    ])
    .where('s.id', '=', shiftId)
    .forUpdate('s')
    .executeTakeFirst();
  if (!s || (s.programStatus === 'draft' && !runsProgram(p, s))) throw notFound('No such shift.');
  return s;
}

const overlapMinutes = (a0: Date, a1: Date, b0: Date, b1: Date) =>
  Math.max(0, Math.min(a1.getTime(), b1.getTime()) - Math.max(a0.getTime(), b0.getTime())) / 60_000;

export type TimeClash =
  | { code: 'shift_overlap'; shiftId: string }
  | { code: 'daily_hours_exceeded'; date: string };

/**
 * The guard rails that depend on time, for a volunteer holding or waiting for the shift `s` (at
 * the interval given): no other live sign-up of theirs overlaps it, and no Kyiv day it touches
 * gets more than 12 hours of shifts. Their sign-ups of `s` itself do not count. Callers hold the
 * volunteer's profile lock, so no other request of theirs changes the answer meanwhile.
 */
export async function timeClash(
  trx: Database,
  userId: string,
  s: { id: string; startsAt: Date; endsAt: Date },
): Promise<TimeClash | null> {
  // The volunteer's other live sign-ups around this shift (held or waited for).
  const mine = await trx
    .selectFrom('volunteerSignups as x')
    .innerJoin('volunteerShifts as o', 'o.id', 'x.shiftId')
    .select(['o.id', 'o.startsAt', 'o.endsAt'])
    .where('x.userId', '=', userId)
    .where('x.shiftId', '!=', s.id)
    .where('x.status', 'in', ['confirmed', 'waitlisted'])
    .where('o.status', '=', 'published')
    .where('o.startsAt', '<', new Date(s.endsAt.getTime() + 2 * 86_400_000))
    .where('o.endsAt', '>', new Date(s.startsAt.getTime() - 2 * 86_400_000))
    .execute();
  const clash = mine.find((o) => o.startsAt < s.endsAt && o.endsAt > s.startsAt);
  if (clash) return { code: 'shift_overlap', shiftId: clash.id };
  // At most 12 hours of shifts on any Kyiv day this shift touches.
  const days = new Set([toKyiv(s.startsAt).date, toKyiv(new Date(s.endsAt.getTime() - 1)).date]);
  for (const day of days) {
    const d0 = fromKyiv(day, '00:00');
    const d1 = fromKyiv(addDays(day, 1), '00:00');
    const total = [...mine, s].reduce((a, o) => a + overlapMinutes(o.startsAt, o.endsAt, d0, d1), 0);
    if (total > MAX_DAILY_SHIFT_MINUTES) return { code: 'daily_hours_exceeded', date: day };
  }
  return null;
}

export async function signUp(db: Database, p: Principal, shiftId: string, ip: string) {
  return db.transaction().execute(async (trx) => {
    const profile = await lockProfile(trx, p.userId);
    const s = await lockShift(trx, p, shiftId);
    if (!profile)
      throw new AppError('volunteer_profile_required', 403, 'Fill in your volunteer profile first.');
    if (s.status !== 'published' || s.programStatus !== 'published')
      throw conflict('shift_cancelled', 'This shift is not taking volunteers.');
    if (s.startsAt.getTime() <= Date.now())
      throw conflict('signup_closed', 'Sign-up closed when the shift started.');
    const existing = await trx
      .selectFrom('volunteerSignups')
      .select('id')
      .where('shiftId', '=', shiftId)
      .where('userId', '=', p.userId)
      .where('status', '!=', 'cancelled')
      .executeTakeFirst();
    if (existing) throw conflict('already_registered', 'You are already signed up for this shift.');
    // Age from the birth year: a volunteer counts as N in the whole Kyiv year they turn N.
    const age = Number(toKyiv(s.startsAt).date.slice(0, 4)) - profile.birthYear;
    if (age < s.minAge)
      throw new AppError(
        'age_requirement',
        403,
        `This program needs volunteers aged ${s.minAge} or over.`,
        undefined,
        {
          minAge: s.minAge,
        },
      );
    if (s.briefing) {
      const ack = await trx
        .selectFrom('volunteerBriefingAcks')
        .select('programId')
        .where('programId', '=', s.programId)
        .where('userId', '=', p.userId)
        .executeTakeFirst();
      if (!ack)
        throw conflict('briefing_required', 'Acknowledge the program’s briefing before your first shift.', {
          programId: s.programId,
        });
    }
    const clash = await timeClash(trx, p.userId, s);
    if (clash?.code === 'shift_overlap')
      throw conflict('shift_overlap', 'You already hold or wait for a shift at that time.', {
        shiftId: clash.shiftId,
      });
    if (clash)
      throw conflict('daily_hours_exceeded', `That would be more than 12 hours of shifts on ${clash.date}.`, {
        date: clash.date,
      });
    const counts = await trx
      .selectFrom('volunteerSignups')
      .select([
        sql<number>`(count(*) filter (where status = 'confirmed'))::int`.as('confirmed'),
        sql<number>`coalesce(max(position) filter (where status = 'waitlisted'), 0)::int`.as('lastPosition'),
      ])
      .where('shiftId', '=', shiftId)
      .executeTakeFirstOrThrow();
    const confirmed = counts.confirmed < s.places;
    try {
      const row = await trx
        .insertInto('volunteerSignups')
        .values({
          shiftId,
          userId: p.userId,
          status: confirmed ? 'confirmed' : 'waitlisted',
          position: confirmed ? null : counts.lastPosition + 1,
        })
        .returning(['id', 'status', 'position'])
        .executeTakeFirstOrThrow();
      if (row.status === 'confirmed')
        await enqueueShiftReminder(trx, { signupId: row.id, shiftId, startsAt: s.startsAt });
      await recordAudit(trx, {
        action: 'volunteering.signed_up',
        actorId: p.userId,
        actorEmail: p.email,
        targetType: 'volunteer_shift',
        targetId: shiftId,
        ip,
        details: { status: row.status, position: row.position },
      });
      return row.position === null
        ? { id: row.id, status: 'confirmed' as const }
        : { id: row.id, status: 'waitlisted' as const, position: row.position };
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict('already_registered', 'You are already signed up.');
      throw err;
    }
  });
}

export async function withdraw(db: Database, p: Principal, shiftId: string, ip: string) {
  await db.transaction().execute(async (trx) => {
    await lockProfile(trx, p.userId);
    const s = await lockShift(trx, p, shiftId);
    const mine = await trx
      .updateTable('volunteerSignups')
      .set({ status: 'cancelled', position: null, cancelledAt: new Date() })
      .where('shiftId', '=', shiftId)
      .where('userId', '=', p.userId)
      .where('status', 'in', ['confirmed', 'waitlisted'])
      .returning('id')
      .executeTakeFirst();
    if (!mine) throw new AppError('not_registered', 404, 'You are not signed up for this shift.');
    // Before the start, the freed place goes to the first volunteer waiting.
    if (s.status === 'published' && s.startsAt.getTime() > Date.now()) await fillPlaces(trx, shiftId);
    else await renumberWaitlist(trx, shiftId);
    await recordAudit(trx, {
      action: 'volunteering.withdrawn',
      actorId: p.userId,
      actorEmail: p.email,
      targetType: 'volunteer_shift',
      targetId: shiftId,
      ip,
    });
  });
}
