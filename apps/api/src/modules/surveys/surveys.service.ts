// Resident surveys: staff (city admins; hub managers for their hubs, their hubs' events and
// shifts) write them, residents who checked in answer once and anonymously, results are totals.
//
// Anonymity: POST /surveys/{id}/invitation (signed in) marks the invitee as issued and hands out a
// random one-time token whose SHA-256 hash goes to survey_invitations, a table with no account.
// POST /surveys/{id}/responses takes the token without the account, marks its invitation used and
// stores the answers with the hub, district and Kyiv date only, in one transaction.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import {
  DEFAULT_LIMIT,
  SURVEY_MAX_OPTIONS,
  SURVEY_MIN_OPTIONS,
  type AnswerInput,
  type ProblemFieldError,
  type QuestionInput,
  type ResponseInput,
  type SurveyInput,
  type SurveyListQuery,
  type SurveyPatch,
  type SurveyResults,
  type SurveyView,
  toKyiv,
} from '@vcentri/shared';
import { sql } from 'kysely';
import type { Database } from '../../db/database';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../errors';
import { recordAudit } from '../audit/audit.repository';
import type { Principal } from '../users/principal';
import { enqueueSurveyOpening, openSurvey } from './invites';
import { computeResults, responseAnswers } from './results';
import {
  loadSurveyRow,
  phaseOf,
  placeOf,
  questionsOf,
  type StoredQuestion,
  type SurveyRow,
} from './surveys.repository';

/** City admins manage every survey; a hub manager those about their hub (its events and shifts too). */
export function managesSurvey(p: Principal | null, row: Pick<SurveyRow, 'hubId'>): boolean {
  if (!p) return false;
  if (p.isCityAdmin()) return true;
  return row.hubId !== null && p.managesHub(row.hubId);
}

/** A survey the caller may see: drafts only to its staff (others get a 404). */
async function visibleSurvey(db: Database, p: Principal | null, id: string): Promise<SurveyRow> {
  const row = await loadSurveyRow(db, id);
  if (row.status === 'draft' && !managesSurvey(p, row)) throw notFound('No such survey.');
  return row;
}

async function managedSurvey(db: Database, p: Principal, id: string): Promise<SurveyRow> {
  const row = await visibleSurvey(db, p, id);
  if (!managesSurvey(p, row)) throw forbidden('Only the survey’s hub managers and city admins manage it.');
  return row;
}

const sha256 = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

function fieldError(path: string, code: string, message: string): ProblemFieldError {
  return { path, code, message };
}

/** Checks the question list (1–20, choice questions 2–10 options, none elsewhere) and gives it ids. */
function buildQuestions(input: QuestionInput[]): StoredQuestion[] {
  const errors: ProblemFieldError[] = [];
  if (input.length < 1) errors.push(fieldError('/questions', 'minItems', 'at least one question'));
  input.forEach((q, i) => {
    const choice = q.kind === 'single' || q.kind === 'multiple';
    const n = q.options?.length ?? 0;
    if (choice && (n < SURVEY_MIN_OPTIONS || n > SURVEY_MAX_OPTIONS))
      errors.push(
        fieldError(
          `/questions/${i}/options`,
          'minItems',
          `${SURVEY_MIN_OPTIONS}–${SURVEY_MAX_OPTIONS} options`,
        ),
      );
    if (!choice && n > 0)
      errors.push(fieldError(`/questions/${i}/options`, 'maxItems', 'only choice questions have options'));
    if (!q.text.uk.trim() || !q.text.en.trim())
      errors.push(fieldError(`/questions/${i}/text`, 'minLength', 'the question in both languages'));
  });
  if (errors.length) throw badRequest('validation_failed', 'The questions are not valid.', errors);
  return input.map((q) => ({
    id: randomUUID(),
    kind: q.kind,
    textUk: q.text.uk.trim(),
    textEn: q.text.en.trim(),
    required: q.required ?? false,
    options: (q.options ?? []).map((o, i) => ({ id: `o${i + 1}`, uk: o.uk.trim(), en: o.en.trim() })),
  }));
}

function checkInterval(opensAt: Date, closesAt: Date) {
  if (closesAt.getTime() <= opensAt.getTime())
    throw badRequest('invalid_interval', 'The survey closes after it opens.', [
      fieldError('/closesAt', 'minimum', 'after opensAt'),
    ]);
  if (closesAt.getTime() <= Date.now())
    throw badRequest('invalid_interval', 'The closing is in the past.', [
      fieldError('/closesAt', 'minimum', 'in the future'),
    ]);
}

async function subjectsOf(db: Database, rows: SurveyRow[]) {
  const hubIds = [...new Set(rows.filter((r) => r.scope === 'hub').map((r) => r.hubId!))];
  const eventIds = [...new Set(rows.flatMap((r) => (r.eventId ? [r.eventId] : [])))];
  const shiftIds = [...new Set(rows.flatMap((r) => (r.shiftId ? [r.shiftId] : [])))];
  const out = new Map<string, { uk: string; en: string }>();
  if (hubIds.length)
    for (const h of await db
      .selectFrom('hubs')
      .select(['id', 'nameUk', 'nameEn'])
      .where('id', 'in', hubIds)
      .execute())
      out.set(h.id, { uk: h.nameUk, en: h.nameEn });
  if (eventIds.length)
    for (const e of await db
      .selectFrom('events')
      .select(['id', 'titleUk', 'titleEn'])
      .where('id', 'in', eventIds)
      .execute())
      out.set(e.id, { uk: e.titleUk, en: e.titleEn });
  if (shiftIds.length)
    for (const s of await db
      .selectFrom('volunteerShifts as s')
      .innerJoin('volunteerPrograms as p', 'p.id', 's.programId')
      .select(['s.id', 's.startsAt', 'p.titleUk', 'p.titleEn'])
      .where('s.id', 'in', shiftIds)
      .execute()) {
      const d = toKyiv(s.startsAt).date;
      out.set(s.id, { uk: `${s.titleUk}, ${d}`, en: `${s.titleEn}, ${d}` });
    }
  return (r: SurveyRow) => {
    const key = r.scope === 'hub' ? r.hubId : (r.eventId ?? r.shiftId);
    return key ? (out.get(key) ?? null) : null;
  };
}

function view(
  row: SurveyRow,
  p: Principal | null,
  subject: { uk: string; en: string } | null,
  extra: Pick<SurveyView, 'invitation' | 'counts'>,
): SurveyView {
  return {
    id: row.id,
    scope: row.scope as SurveyView['scope'],
    hubId: row.hubId,
    eventId: row.eventId,
    shiftId: row.shiftId,
    district: row.district,
    subject,
    title: { uk: row.titleUk, en: row.titleEn },
    intro: { uk: row.introUk, en: row.introEn },
    opensAt: row.opensAt.toISOString(),
    closesAt: row.closesAt.toISOString(),
    phase: phaseOf(row),
    closedEarly: row.closedEarly,
    questions: questionsOf(row).map((q) => ({
      id: q.id,
      kind: q.kind,
      text: { uk: q.textUk, en: q.textEn },
      required: q.required,
      options: q.options.map((o) => ({ id: o.id, text: { uk: o.uk, en: o.en } })),
    })),
    canManage: managesSurvey(p, row),
    ...extra,
  };
}

async function countsOf(db: Database, id: string) {
  const r = await sql<{ invited: number; responses: number }>`
    select (select count(*)::int from survey_invitees where survey_id = ${id}) as invited,
           (select count(*)::int from survey_responses where survey_id = ${id}) as responses`.execute(db);
  return r.rows[0]!;
}

export async function getSurvey(db: Database, p: Principal | null, id: string): Promise<SurveyView> {
  let row = await visibleSurvey(db, p, id);
  // The opening's invitations, should its job not have run yet.
  if (phaseOf(row) === 'open' && !row.invitesSentAt && (await openSurvey(db, id)))
    row = await loadSurveyRow(db, id);
  let invitation: SurveyView['invitation'] = null;
  if (p) {
    const inv = await db
      .selectFrom('surveyInvitees')
      .select('issuedAt')
      .where('surveyId', '=', id)
      .where('userId', '=', p.userId)
      .executeTakeFirst();
    invitation = !inv ? 'none' : inv.issuedAt ? 'issued' : 'available';
  }
  const subject = (await subjectsOf(db, [row]))(row);
  const manage = managesSurvey(p, row);
  return view(row, p, subject, { invitation, ...(manage ? { counts: await countsOf(db, id) } : {}) });
}

export async function listSurveys(db: Database, p: Principal, q: SurveyListQuery) {
  const hubs = p.grants.flatMap((g) => (g.role === 'hub_manager' && g.hubId ? [g.hubId] : []));
  if (!p.isCityAdmin() && hubs.length === 0)
    throw forbidden('Surveys are managed by city admins and hub managers.');
  let base = db.selectFrom('surveys').selectAll();
  if (!p.isCityAdmin()) base = base.where('hubId', 'in', hubs);
  if (q.phase === 'draft') base = base.where('status', '=', 'draft');
  else if (q.phase) {
    base = base.where('status', '=', 'published');
    if (q.phase === 'scheduled') base = base.where('opensAt', '>', sql<Date>`now()`);
    if (q.phase === 'open')
      base = base.where('opensAt', '<=', sql<Date>`now()`).where('closesAt', '>', sql<Date>`now()`);
    if (q.phase === 'closed') base = base.where('closesAt', '<=', sql<Date>`now()`);
  }
  const rows = await base
    .select(sql<number>`count(*) over ()::int`.as('total'))
    .orderBy('opensAt', 'desc')
    .orderBy('id')
    .limit(q.limit ?? DEFAULT_LIMIT)
    .offset(q.offset ?? 0)
    .execute();
  const subject = await subjectsOf(db, rows);
  return {
    items: rows.map((r) => view(r, p, subject(r), { invitation: null })),
    total: rows[0]?.total ?? 0,
  };
}

/** The survey's place: hub, district, and who may create it. */
async function placeFor(
  db: Database,
  p: Principal,
  input: SurveyInput,
): Promise<{
  hubId: string | null;
  district: string | null;
  eventId: string | null;
  shiftId: string | null;
}> {
  const need = (field: 'hubId' | 'eventId' | 'shiftId') => {
    const value = input[field];
    if (!value)
      throw badRequest('validation_failed', `A ${input.scope} survey names its ${field}.`, [
        fieldError(`/${field}`, 'required', 'required'),
      ]);
    return value;
  };
  const others = (['hubId', 'eventId', 'shiftId'] as const).filter(
    (f) => input[f] !== undefined && f !== `${input.scope}Id`,
  );
  if (others.length)
    throw badRequest(
      'validation_failed',
      'Name only the hub, event or shift the survey is about.',
      others.map((f) => fieldError(`/${f}`, 'not', `not for a ${input.scope} survey`)),
    );
  let place: {
    hubId: string | null;
    district: string | null;
    eventId: string | null;
    shiftId: string | null;
  };
  if (input.scope === 'network') {
    place = { hubId: null, district: null, eventId: null, shiftId: null };
  } else if (input.scope === 'hub') {
    const h = await db
      .selectFrom('hubs')
      .select(['id', 'district'])
      .where('id', '=', need('hubId'))
      .executeTakeFirst();
    if (!h) throw notFound('No such hub.');
    place = { hubId: h.id, district: h.district, eventId: null, shiftId: null };
  } else if (input.scope === 'event') {
    const e = await db
      .selectFrom('events as e')
      .innerJoin('hubs as h', 'h.id', 'e.hubId')
      .select(['e.id', 'e.hubId', 'h.district'])
      .where('e.id', '=', need('eventId'))
      .executeTakeFirst();
    if (!e) throw notFound('No such event.');
    place = { hubId: e.hubId, district: e.district, eventId: e.id, shiftId: null };
  } else {
    const s = await db
      .selectFrom('volunteerShifts as s')
      .innerJoin('volunteerPrograms as pr', 'pr.id', 's.programId')
      .leftJoin('rooms as r', 'r.id', 's.roomId')
      .select(['s.id', 's.district', sql<string | null>`coalesce(r.hub_id, pr.hub_id)`.as('hubId')])
      .where('s.id', '=', need('shiftId'))
      .executeTakeFirst();
    if (!s) throw notFound('No such shift.');
    place = { hubId: s.hubId, district: s.district, eventId: null, shiftId: s.id };
  }
  if (!managesSurvey(p, place))
    throw forbidden(
      input.scope === 'network'
        ? 'Only city admins run network surveys.'
        : 'Only the hub’s managers and city admins run surveys about it.',
    );
  return place;
}

export async function createSurvey(db: Database, p: Principal, input: SurveyInput, ip: string) {
  const place = await placeFor(db, p, input);
  const opensAt = new Date(input.opensAt);
  const closesAt = new Date(input.closesAt);
  checkInterval(opensAt, closesAt);
  const questions = buildQuestions(input.questions);
  const row = await db.transaction().execute(async (trx) => {
    const created = await trx
      .insertInto('surveys')
      .values({
        scope: input.scope,
        ...place,
        titleUk: input.title.uk.trim(),
        titleEn: input.title.en.trim(),
        introUk: input.intro?.uk.trim() ?? '',
        introEn: input.intro?.en.trim() ?? '',
        questions: JSON.stringify(questions),
        opensAt,
        closesAt,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      action: 'survey.created',
      actorId: p.userId,
      actorEmail: p.email,
      targetType: 'survey',
      targetId: created.id,
      ip,
      details: { scope: input.scope, hubId: place.hubId },
    });
    return created;
  });
  return getSurvey(db, p, row.id);
}

export async function updateSurvey(db: Database, p: Principal, id: string, patch: SurveyPatch, ip: string) {
  const row = await managedSurvey(db, p, id);
  const phase = phaseOf(row);
  if (phase !== 'draft' && phase !== 'scheduled')
    throw conflict('survey_locked', 'A survey changes only until it opens.');
  const opensAt = patch.opensAt ? new Date(patch.opensAt) : row.opensAt;
  const closesAt = patch.closesAt ? new Date(patch.closesAt) : row.closesAt;
  if (patch.opensAt || patch.closesAt) checkInterval(opensAt, closesAt);
  const questions = patch.questions ? buildQuestions(patch.questions) : undefined;
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('surveys')
      .set({
        ...(patch.title ? { titleUk: patch.title.uk.trim(), titleEn: patch.title.en.trim() } : {}),
        ...(patch.intro ? { introUk: patch.intro.uk.trim(), introEn: patch.intro.en.trim() } : {}),
        ...(questions ? { questions: JSON.stringify(questions) } : {}),
        opensAt,
        closesAt,
        updatedAt: sql<Date>`now()`,
      })
      .where('id', '=', id)
      // Not opened meanwhile (the check above and this write race with the clock only).
      .where((eb) => eb.or([eb('status', '=', 'draft'), eb('opensAt', '>', sql<Date>`now()`)]))
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw conflict('survey_locked', 'A survey changes only until it opens.');
    if (updated.status === 'published') await enqueueSurveyOpening(trx, updated);
    await recordAudit(trx, {
      action: 'survey.updated',
      actorId: p.userId,
      actorEmail: p.email,
      targetType: 'survey',
      targetId: id,
      ip,
      details: { fields: Object.keys(patch) },
    });
  });
  return getSurvey(db, p, id);
}

export async function publishSurvey(db: Database, p: Principal, id: string, ip: string) {
  const row = await managedSurvey(db, p, id);
  if (row.status !== 'draft') throw conflict('invalid_transition', 'Only a draft is published.');
  if (row.closesAt.getTime() <= Date.now())
    throw badRequest('invalid_interval', 'The closing is in the past; move it first.', [
      fieldError('/closesAt', 'minimum', 'in the future'),
    ]);
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('surveys')
      .set({ status: 'published', updatedAt: sql<Date>`now()` })
      .where('id', '=', id)
      .where('status', '=', 'draft')
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw conflict('invalid_transition', 'Only a draft is published.');
    await enqueueSurveyOpening(trx, updated);
    await recordAudit(trx, {
      action: 'survey.published',
      actorId: p.userId,
      actorEmail: p.email,
      targetType: 'survey',
      targetId: id,
      ip,
    });
  });
  // Already open: invite now rather than at the job's next poll.
  await openSurvey(db, id);
  return getSurvey(db, p, id);
}

export async function closeSurvey(db: Database, p: Principal, id: string, ip: string) {
  const row = await managedSurvey(db, p, id);
  if (phaseOf(row) !== 'open') throw conflict('invalid_transition', 'Only an open survey is closed early.');
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('surveys')
      .set({ closesAt: sql<Date>`now()`, closedEarly: true, updatedAt: sql<Date>`now()` })
      .where('id', '=', id)
      .where('status', '=', 'published')
      .where('opensAt', '<', sql<Date>`now()`)
      .where('closesAt', '>', sql<Date>`now()`)
      .returning('id')
      .executeTakeFirst();
    if (!updated) throw conflict('invalid_transition', 'Only an open survey is closed early.');
    await recordAudit(trx, {
      action: 'survey.closed',
      actorId: p.userId,
      actorEmail: p.email,
      targetType: 'survey',
      targetId: id,
      ip,
    });
  });
  return getSurvey(db, p, id);
}

export async function deleteSurvey(db: Database, p: Principal, id: string, ip: string) {
  const row = await managedSurvey(db, p, id);
  if (row.status !== 'draft') throw conflict('invalid_transition', 'Only a draft is deleted.');
  await db.transaction().execute(async (trx) => {
    const gone = await trx
      .deleteFrom('surveys')
      .where('id', '=', id)
      .where('status', '=', 'draft')
      .returning('id')
      .executeTakeFirst();
    if (!gone) throw conflict('invalid_transition', 'Only a draft is deleted.');
    await recordAudit(trx, {
      action: 'survey.deleted',
      actorId: p.userId,
      actorEmail: p.email,
      targetType: 'survey',
      targetId: id,
      ip,
      details: { title: row.titleEn },
    });
  });
}

/** Hands the signed-in invitee their one-time token, once. */
export async function issueInvitation(db: Database, p: Principal, id: string): Promise<{ token: string }> {
  const row = await visibleSurvey(db, p, id);
  if (phaseOf(row) !== 'open') throw conflict('survey_not_open', 'The survey is not open.');
  if (!row.invitesSentAt) await openSurvey(db, id);
  const token = randomBytes(32).toString('base64url');
  await db.transaction().execute(async (trx) => {
    const issued = await trx
      .updateTable('surveyInvitees')
      .set({ issuedAt: sql<Date>`now()` })
      .where('surveyId', '=', id)
      .where('userId', '=', p.userId)
      .where('issuedAt', 'is', null)
      .returning('userId')
      .executeTakeFirst();
    if (!issued) {
      const invited = await trx
        .selectFrom('surveyInvitees')
        .select('userId')
        .where('surveyId', '=', id)
        .where('userId', '=', p.userId)
        .executeTakeFirst();
      if (invited)
        throw conflict(
          'invitation_issued',
          'Your one-time link was already handed out; it cannot be given twice.',
        );
      throw new AppError('not_invited', 403, 'Only residents who took part are invited to this survey.');
    }
    const place = await placeOf(trx, row, p.userId);
    await trx
      .insertInto('surveyInvitations')
      .values({ surveyId: id, tokenHash: sha256(token), hubId: place.hubId, district: place.district })
      .execute();
  });
  return { token };
}

/** Checks the answers against the questions; returns them as stored ({ questionId: value }). */
function checkAnswers(questions: StoredQuestion[], answers: AnswerInput[]): Record<string, unknown> {
  const errors: ProblemFieldError[] = [];
  const out: Record<string, unknown> = {};
  const byId = new Map(questions.map((q) => [q.id, q]));
  answers.forEach((a, i) => {
    const path = `/answers/${i}/value`;
    const q = byId.get(a.questionId);
    if (!q) {
      errors.push(fieldError(`/answers/${i}/questionId`, 'enum', 'no such question'));
      return;
    }
    if (a.questionId in out) {
      errors.push(fieldError(`/answers/${i}/questionId`, 'uniqueItems', 'one answer per question'));
      return;
    }
    const v = a.value;
    const ids = new Set(q.options.map((o) => o.id));
    switch (q.kind) {
      case 'rating':
      case 'nps': {
        const [min, max] = q.kind === 'rating' ? [1, 5] : [0, 10];
        if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
          errors.push(fieldError(path, 'range', `a whole number ${min}–${max}`));
          return;
        }
        out[q.id] = v;
        return;
      }
      case 'single':
        if (typeof v !== 'string' || !ids.has(v)) {
          errors.push(fieldError(path, 'enum', 'one of the question’s options'));
          return;
        }
        out[q.id] = v;
        return;
      case 'multiple': {
        if (!Array.isArray(v) || v.some((x) => !ids.has(x)) || new Set(v).size !== v.length) {
          errors.push(fieldError(path, 'enum', 'distinct options of the question'));
          return;
        }
        if (v.length) out[q.id] = [...v].sort();
        return;
      }
      default: {
        if (typeof v !== 'string') {
          errors.push(fieldError(path, 'type', 'text'));
          return;
        }
        if (v.trim()) out[q.id] = v.trim();
      }
    }
  });
  questions.forEach((q) => {
    if (q.required && !(q.id in out) && !errors.some((e) => e.path.startsWith('/answers/')))
      errors.push(fieldError('/answers', 'required', `question ${q.id} needs an answer`));
  });
  if (errors.length) throw badRequest('invalid_answer', 'Some answers do not fit their questions.', errors);
  return out;
}

/** Stores an answer sent with a one-time token, without any account: one answer per token. */
export async function submitResponse(db: Database, id: string, input: ResponseInput) {
  const row = await loadSurveyRow(db, id);
  if (row.status === 'draft') throw notFound('No such survey.');
  if (phaseOf(row) !== 'open') throw conflict('survey_not_open', 'The survey is not open.');
  const answers = checkAnswers(questionsOf(row), input.answers);
  const answeredOn = toKyiv(new Date()).date;
  await db.transaction().execute(async (trx) => {
    const invitation = await trx
      .updateTable('surveyInvitations')
      .set({ used: true })
      .where('surveyId', '=', id)
      .where('tokenHash', '=', sha256(input.token))
      .where('used', '=', false)
      .returning(['hubId', 'district'])
      .executeTakeFirst();
    if (!invitation) {
      const known = await trx
        .selectFrom('surveyInvitations')
        .select('used')
        .where('surveyId', '=', id)
        .where('tokenHash', '=', sha256(input.token))
        .executeTakeFirst();
      if (known) throw conflict('invitation_used', 'This invitation was already used to answer.');
      throw new AppError('invitation_invalid', 403, 'This is not an invitation to this survey.', [
        fieldError('/token', 'invalid', 'unknown token'),
      ]);
    }
    await trx
      .insertInto('surveyResponses')
      .values({
        surveyId: id,
        hubId: invitation.hubId,
        district: invitation.district,
        answeredOn,
        answers: JSON.stringify(answers),
      })
      .execute();
  });
  return { answeredOn };
}

export async function surveyResults(db: Database, p: Principal | null, id: string): Promise<SurveyResults> {
  const row = await visibleSurvey(db, p, id);
  const staff = managesSurvey(p, row);
  if (!staff && phaseOf(row) !== 'closed')
    throw new AppError('results_not_public', 403, 'Results are published when the survey closes.');
  return computeResults(row, await responseAnswers(db, id), staff);
}
