// The queries of surveys: the survey row, who qualifies for an invitation (one rule, used at the
// opening and at every later check-in), and the invitations themselves.
import { SURVEY_LOOKBACK_DAYS, type SurveyPhase } from '@vcentri/shared';
import { type Kysely, type RawBuilder, type Selectable, sql } from 'kysely';
import type { DB, SurveysTable } from '../../db/schema';
import { notFound } from '../../errors';
import { insertNotification } from '../bookings/bookings.repository';

export type SurveyRow = Selectable<SurveysTable>;

export interface StoredOption {
  id: string;
  uk: string;
  en: string;
}
export interface StoredQuestion {
  id: string;
  kind: 'rating' | 'nps' | 'single' | 'multiple' | 'text';
  textUk: string;
  textEn: string;
  required: boolean;
  options: StoredOption[];
}

/** Where the survey stands now: draft, scheduled, open or closed. */
export function phaseOf(
  row: Pick<SurveyRow, 'status' | 'opensAt' | 'closesAt'>,
  now = Date.now(),
): SurveyPhase {
  if (row.status === 'draft') return 'draft';
  if (now < row.opensAt.getTime()) return 'scheduled';
  if (now < row.closesAt.getTime()) return 'open';
  return 'closed';
}

export const questionsOf = (row: Pick<SurveyRow, 'questions'>): StoredQuestion[] =>
  Array.isArray(row.questions) ? (row.questions as StoredQuestion[]) : [];

export async function loadSurveyRow(db: Kysely<DB>, id: string): Promise<SurveyRow> {
  const row = await db.selectFrom('surveys').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('No such survey.');
  return row;
}

/**
 * Every check-in, as (user, hub, district, when, event, shift): event registrations checked in
 * and volunteer sign-ups marked present (the shift's hub is its room's, else its program's).
 * Accounts that were erased are left out.
 */
function attendance(): RawBuilder<unknown> {
  return sql`(
    select r.user_id, e.hub_id, h.district, r.checked_in_at as at, e.id as event_id, null::uuid as shift_id
      from event_registrations r
      join events e on e.id = r.event_id
      join hubs h on h.id = e.hub_id
     where r.checked_in_at is not null and r.status = 'confirmed'
    union all
    select s.user_id, coalesce(rm.hub_id, p.hub_id), sh.district, sh.starts_at, null::uuid, sh.id
      from volunteer_signups s
      join volunteer_shifts sh on sh.id = s.shift_id
      join volunteer_programs p on p.id = sh.program_id
      left join rooms rm on rm.id = sh.room_id
     where s.present = true
  )`;
}

/** The condition an attendance row `a` must meet to qualify for the survey `s` (its row). */
function qualifies(s: SurveyRow): RawBuilder<boolean> {
  const window = sql`a.at >= ${s.opensAt}::timestamptz - make_interval(days => ${SURVEY_LOOKBACK_DAYS})
    and a.at < ${s.closesAt}::timestamptz`;
  switch (s.scope) {
    case 'event':
      return sql<boolean>`a.event_id = ${s.eventId}`;
    case 'shift':
      return sql<boolean>`a.shift_id = ${s.shiftId}`;
    case 'hub':
      return sql<boolean>`a.hub_id = ${s.hubId} and ${window}`;
    default:
      return sql<boolean>`${window}`;
  }
}

/**
 * Invites everyone who qualifies (or only `userId`) and is not invited yet, and tells each new
 * invitee in the portal. Returns how many were newly invited. Safe to run again.
 */
export async function inviteQualifying(db: Kysely<DB>, s: SurveyRow, userId?: string): Promise<number> {
  const only = userId ? sql`and a.user_id = ${userId}` : sql``;
  const added = await sql<{ userId: string }>`
    insert into survey_invitees (survey_id, user_id)
    select distinct ${s.id}::uuid, a.user_id
      from ${attendance()} a
      join users u on u.id = a.user_id and u.erased_at is null
     where ${qualifies(s)} ${only}
    on conflict do nothing
    returning user_id`.execute(db);
  for (const r of added.rows) {
    await insertNotification(db, {
      userId: r.userId,
      kind: 'survey.invited',
      title: { uk: `Опитування: ${s.titleUk}`, en: `Survey: ${s.titleEn}` },
      body: {
        uk: 'Дякуємо, що були з нами! Поділіться враженнями — відповідь анонімна й займе кілька хвилин.',
        en: 'Thank you for taking part! Tell us how it went — the answer is anonymous and takes a few minutes.',
      },
      link: `/surveys/${s.id}`,
      data: { surveyId: s.id },
    });
  }
  return added.rows.length;
}

/** Where the holder of a new token took part, for the answer's breakdown: the survey's own place, or (network) their latest check-in's. */
export async function placeOf(
  db: Kysely<DB>,
  s: SurveyRow,
  userId: string,
): Promise<{ hubId: string | null; district: string | null }> {
  if (s.scope !== 'network') return { hubId: s.hubId, district: s.district };
  const r = await sql<{ hubId: string | null; district: string | null }>`
    select a.hub_id, a.district from ${attendance()} a
     where a.user_id = ${userId} and ${qualifies(s)}
     order by a.at desc limit 1`.execute(db);
  return r.rows[0] ?? { hubId: null, district: null };
}

/** Open surveys a check-in at this event or shift can qualify for. */
export async function openSurveysFor(
  db: Kysely<DB>,
  at: { eventId?: string; shiftId?: string; hubId: string | null },
): Promise<SurveyRow[]> {
  return db
    .selectFrom('surveys')
    .selectAll()
    .where('status', '=', 'published')
    .where('opensAt', '<=', sql<Date>`now()`)
    .where('closesAt', '>', sql<Date>`now()`)
    .where((eb) => {
      const any = [eb('scope', '=', 'network')];
      if (at.eventId) any.push(eb.and([eb('scope', '=', 'event'), eb('eventId', '=', at.eventId)]));
      if (at.shiftId) any.push(eb.and([eb('scope', '=', 'shift'), eb('shiftId', '=', at.shiftId)]));
      if (at.hubId) any.push(eb.and([eb('scope', '=', 'hub'), eb('hubId', '=', at.hubId)]));
      return eb.or(any);
    })
    .execute();
}
