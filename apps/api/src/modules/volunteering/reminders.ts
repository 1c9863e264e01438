// Shift reminders: 24 hours before a shift every confirmed volunteer is told the place, the time
// and where to cancel. A `volunteering.shift_reminder` job is enqueued in the transaction that
// confirms a sign-up (a free place, a move up from the waiting list) and again by a shift edit for
// every confirmed sign-up; its dedupe key holds the sign-up and the start it was made for, so a
// moved shift gets a fresh job and the old one finds the start changed and does nothing.
import { kyivText } from '@vcentri/shared';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../../db/schema';
import { enqueueJob } from '../../jobs/queue';
import type { JobHandler } from '../../jobs/worker';
import { insertNotification } from '../bookings/bookings.repository';

export const SHIFT_REMINDER_JOB = 'volunteering.shift_reminder';
export const REMINDER_LEAD_MS = 24 * 3_600_000;

export const shiftReminderKey = (signupId: string, startsAt: Date) =>
  `${SHIFT_REMINDER_JOB}:${signupId}:${startsAt.toISOString()}`;

/** Enqueues the reminder of one confirmed sign-up for the shift's start; none once the shift started. */
export async function enqueueShiftReminder(
  trx: Kysely<DB>,
  r: { signupId: string; shiftId: string; startsAt: Date },
  now = Date.now(),
): Promise<number | null> {
  if (r.startsAt.getTime() <= now) return null;
  return enqueueJob(trx, {
    kind: SHIFT_REMINDER_JOB,
    payload: { signupId: r.signupId, shiftId: r.shiftId, startsAt: r.startsAt.toISOString() },
    runAt: new Date(Math.max(now, r.startsAt.getTime() - REMINDER_LEAD_MS)),
    dedupeKey: shiftReminderKey(r.signupId, r.startsAt),
  });
}

/** Enqueues the reminders of every confirmed sign-up of the shift at its current start (known ones are no-ops). */
export async function enqueueShiftReminders(trx: Kysely<DB>, shiftId: string): Promise<void> {
  const rows = await trx
    .selectFrom('volunteerSignups as x')
    .innerJoin('volunteerShifts as s', 's.id', 'x.shiftId')
    .select(['x.id', 's.startsAt', 's.status'])
    .where('x.shiftId', '=', shiftId)
    .where('x.status', '=', 'confirmed')
    .execute();
  for (const r of rows)
    if (r.status === 'published')
      await enqueueShiftReminder(trx, { signupId: r.id, shiftId, startsAt: r.startsAt });
}

/**
 * The job: in one transaction (the sign-up row locked, so a withdrawal waits or wins) it sends the
 * reminder only if the sign-up is still confirmed, the shift not cancelled and still starting at
 * the instant the job was made for, in the future, and no reminder for that start was sent yet
 * (a job run twice after a lost lease sends once).
 */
export function shiftReminderHandler(db: Kysely<DB>): JobHandler {
  return async (payload) => {
    const signupId = String(payload.signupId ?? '');
    const startsAt = String(payload.startsAt ?? '');
    if (!signupId || !startsAt) return;
    await db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('volunteerSignups as x')
        .innerJoin('volunteerShifts as s', 's.id', 'x.shiftId')
        .innerJoin('volunteerPrograms as p', 'p.id', 's.programId')
        .select([
          'x.id',
          'x.userId',
          'x.status',
          's.id as shiftId',
          's.status as shiftStatus',
          's.startsAt',
          's.address',
          'p.titleUk',
          'p.titleEn',
        ])
        .where('x.id', '=', signupId)
        .forUpdate('x')
        .executeTakeFirst();
      if (row?.status !== 'confirmed' || row.shiftStatus === 'cancelled') return;
      if (row.startsAt.toISOString() !== startsAt || row.startsAt.getTime() <= Date.now()) return;
      const sent = await trx
        .selectFrom('notifications')
        .select('id')
        .where('userId', '=', row.userId)
        .where('kind', '=', SHIFT_REMINDER_JOB)
        .where(sql<boolean>`data->>'signupId' = ${signupId} and data->>'startsAt' = ${startsAt}`)
        .executeTakeFirst();
      if (sent) return;
      const link = `/volunteering/shifts/${row.shiftId}`;
      await insertNotification(trx, {
        userId: row.userId,
        kind: SHIFT_REMINDER_JOB,
        title: {
          uk: `Нагадування про зміну: ${row.titleUk}`,
          en: `Shift reminder: ${row.titleEn}`,
        },
        body: {
          uk: `Початок ${kyivText(row.startsAt, 'uk')} (за київським часом), місце: ${row.address}. Якщо не зможете прийти, скасуйте участь: ${link}`,
          en: `Starts ${kyivText(row.startsAt, 'en')} (Kyiv time) at ${row.address}. If you cannot come, cancel your place: ${link}`,
        },
        link,
        data: { shiftId: row.shiftId, signupId, startsAt },
      });
    });
  };
}
