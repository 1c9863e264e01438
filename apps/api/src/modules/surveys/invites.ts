// When residents are invited: everyone who qualifies when the survey opens (a `survey.open` job at
// the opening instant, and, should the job be late, the first read of the survey after it), and
// each resident who checks in later while it is open (the event check-in and shift attendance
// paths call inviteOnCheckIn). Both use the one rule in surveys.repository.ts → inviteQualifying.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../../db/schema';
import { enqueueJob } from '../../jobs/queue';
import type { JobHandler } from '../../jobs/worker';
import { inviteQualifying, openSurveysFor, type SurveyRow } from './surveys.repository';

export const SURVEY_OPEN_JOB = 'survey.open';

/** Books the opening's invitations for the survey's current opening instant (a moved opening books anew). */
export async function enqueueSurveyOpening(db: Kysely<DB>, s: Pick<SurveyRow, 'id' | 'opensAt'>) {
  await enqueueJob(db, {
    kind: SURVEY_OPEN_JOB,
    payload: { surveyId: s.id },
    runAt: s.opensAt,
    dedupeKey: `${SURVEY_OPEN_JOB}:${s.id}:${s.opensAt.toISOString()}`,
  });
}

/**
 * Invites the residents who qualify at the opening, once: the survey must be published and open
 * and not invited yet. Returns whether this call did it.
 */
export async function openSurvey(db: Kysely<DB>, surveyId: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('surveys')
      .set({ invitesSentAt: sql<Date>`now()` })
      .where('id', '=', surveyId)
      .where('status', '=', 'published')
      .where('invitesSentAt', 'is', null)
      .where('opensAt', '<=', sql<Date>`now()`)
      .where('closesAt', '>', sql<Date>`now()`)
      .returningAll()
      .executeTakeFirst();
    if (!row) return false;
    await inviteQualifying(trx, row);
    return true;
  });
}

export const surveyOpenHandler =
  (db: Kysely<DB>): JobHandler =>
  async (payload) => {
    await openSurvey(db, String(payload.surveyId));
  };

/** A resident just checked in at an event or was marked present at a shift: invite them to every open survey that now covers them. */
export async function inviteOnCheckIn(
  db: Kysely<DB>,
  at: { userId: string; eventId?: string; shiftId?: string },
): Promise<void> {
  let hubId: string | null = null;
  if (at.eventId) {
    const e = await db.selectFrom('events').select('hubId').where('id', '=', at.eventId).executeTakeFirst();
    hubId = e?.hubId ?? null;
  } else if (at.shiftId) {
    const s = await db
      .selectFrom('volunteerShifts as sh')
      .innerJoin('volunteerPrograms as p', 'p.id', 'sh.programId')
      .leftJoin('rooms as r', 'r.id', 'sh.roomId')
      .select(sql<string | null>`coalesce(r.hub_id, p.hub_id)`.as('hubId'))
      .where('sh.id', '=', at.shiftId)
      .executeTakeFirst();
    hubId = s?.hubId ?? null;
  }
  for (const s of await openSurveysFor(db, { eventId: at.eventId, shiftId: at.shiftId, hubId })) {
    await inviteQualifying(db, s, at.userId);
  }
}
